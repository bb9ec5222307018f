/*
 * coll_table.c — the insertion-ordered hash table of the keyed collections
 * (see coll_table.h for the invariants): chained buckets over an entries
 * array in insertion order, deletion by tombstone, in-place compaction that
 * keeps cursors on the same logical position.
 *
 * Keys are hashed by content for strings and BigInts, by value for numbers
 * (in canonical form) and by identity for everything else.
 */
#include <string.h>
#include "builtins/coll_table.h"
#include "vm/bigint.h"

#define MIN_CAP 8

static uint32_t mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return (uint32_t)x;
}

static uint32_t hash_key(hx_runtime *rt, hx_value k) {
    if (hx_is_string(k)) return hx_string_hash(rt, hx_as_string(k)); /* flat: no allocation */
    if (hx_is_bigint(k)) {
        hx_bigint *b = hx_get_ptr(k);
        uint64_t h = 0x9E3779B97F4A7C15ull ^ (b->hdr.flags & 1);
        for (uint32_t i = 0; i < b->len; i++) h = (h ^ b->limbs[i]) * 0x100000001B3ull;
        return mix64(h);
    }
    return mix64(k);
}

static bool keys_equal(hx_runtime *rt, hx_value a, hx_value b) {
    if (a == b) return true;
    if (hx_is_string(a) && hx_is_string(b)) return hx_string_equal(rt, hx_as_string(a), hx_as_string(b));
    if (hx_is_bigint(a) && hx_is_bigint(b)) return hx_bigint_compare(a, b) == 0;
    return false;
}

hx_value hx_ctab_key(hx_runtime *rt, hx_value key) {
    if (hx_is_double(key)) {
        double d = hx_get_double(key);
        if (d == 0) return hx_int(0); /* -0 becomes +0 (24.5.1 step 1) */
        return hx_number(d);
    }
    if (hx_is_string(key)) {
        hx_string *f = hx_string_flat(rt, hx_as_string(key));
        if (!f) return HX_EXCEPTION;
        return hx_string_value(f);
    }
    return key;
}

hx_ctab *hx_ctab_new(hx_runtime *rt, bool weak) {
    hx_ctab *t = hx_mem_alloc(rt, sizeof(hx_ctab));
    if (!t) return NULL;
    memset(t, 0, sizeof *t);
    t->weak = weak;
    t->cursors.prev = t->cursors.next = &t->cursors;
    return t;
}

void hx_ctab_free(hx_runtime *rt, hx_ctab *t) {
    if (!t) return;
    /* Cursors may outlive the table (their iterators are swept later). */
    while (t->cursors.next != &t->cursors) hx_ctab_cursor_detach(t->cursors.next);
    hx_mem_free(rt, t->entries, t->cap * sizeof(hx_ctab_entry));
    hx_mem_free(rt, t->buckets, t->buckets ? (t->bucket_mask + 1) * sizeof(uint32_t) : 0);
    hx_mem_free(rt, t, sizeof *t);
}

int32_t hx_ctab_find(hx_runtime *rt, hx_ctab *t, hx_value key) {
    if (!t->buckets) return -1;
    uint32_t h = hash_key(rt, key);
    for (uint32_t i = t->buckets[h & t->bucket_mask]; i; i = t->entries[i - 1].chain) {
        hx_ctab_entry *e = &t->entries[i - 1];
        if (e->hash == h && keys_equal(rt, e->key, key)) return (int32_t)(i - 1);
    }
    return -1;
}

static void rebuild_buckets(hx_ctab *t) {
    memset(t->buckets, 0, (t->bucket_mask + 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < t->used; i++) {
        hx_ctab_entry *e = &t->entries[i];
        if (e->key == HX_HOLE) continue;
        uint32_t b = e->hash & t->bucket_mask;
        e->chain = t->buckets[b];
        t->buckets[b] = i + 1;
    }
}

/* Drops the deleted entries in place (no allocation), moving each cursor to
 * the number of live entries that preceded its position. */
static void compact(hx_ctab *t) {
    if (t->live == t->used) return;
    for (hx_ctab_cursor *c = t->cursors.next; c != &t->cursors; c = c->next) {
        uint32_t n = 0, end = c->index < t->used ? c->index : t->used;
        for (uint32_t i = 0; i < end; i++) n += t->entries[i].key != HX_HOLE;
        c->index = n;
    }
    uint32_t j = 0;
    for (uint32_t i = 0; i < t->used; i++)
        if (t->entries[i].key != HX_HOLE) t->entries[j++] = t->entries[i];
    t->used = j;
    if (t->buckets) rebuild_buckets(t);
}

/* Room for one more entry: compaction when many are deleted, else growth. */
static int reserve_one(hx_runtime *rt, hx_ctab *t) {
    if (t->used < t->cap) return 0;
    if (t->live <= t->used / 2 && t->used >= MIN_CAP) {
        compact(t);
        return 0;
    }
    uint32_t ncap = t->cap ? t->cap * 2 : MIN_CAP;
    if (ncap > (UINT32_MAX / 2) / sizeof(hx_ctab_entry)) {
        hx_throw_oom(rt);
        return -1;
    }
    uint32_t nb = ncap; /* one bucket per entry slot */
    uint32_t *buckets = hx_mem_alloc(rt, nb * sizeof(uint32_t));
    if (!buckets) return -1;
    hx_ctab_entry *e = hx_mem_realloc(rt, t->entries, t->cap * sizeof(hx_ctab_entry), ncap * sizeof(hx_ctab_entry));
    if (!e) {
        hx_mem_free(rt, buckets, nb * sizeof(uint32_t));
        return -1;
    }
    t->entries = e;
    t->cap = ncap;
    hx_mem_free(rt, t->buckets, t->buckets ? (t->bucket_mask + 1) * sizeof(uint32_t) : 0);
    t->buckets = buckets;
    t->bucket_mask = nb - 1;
    rebuild_buckets(t);
    return 0;
}

int hx_ctab_set(hx_runtime *rt, hx_ctab *t, hx_value key, hx_value value) {
    int32_t i = hx_ctab_find(rt, t, key);
    if (i >= 0) {
        HX_WRITE(t->entries[i].value, value);
        return 0;
    }
    if (reserve_one(rt, t) < 0) return -1;
    uint32_t h = hash_key(rt, key);
    hx_ctab_entry *e = &t->entries[t->used];
    HX_WRITE(e->key, key);
    HX_WRITE(e->value, value);
    e->hash = h;
    uint32_t b = h & t->bucket_mask;
    e->chain = t->buckets[b];
    t->buckets[b] = ++t->used;
    t->live++;
    return 0;
}

void hx_ctab_remove_at(hx_runtime *rt, hx_ctab *t, uint32_t i, bool may_compact) {
    hx_ctab_entry *e = &t->entries[i];
    uint32_t *link = &t->buckets[e->hash & t->bucket_mask];
    while (*link != i + 1) link = &t->entries[*link - 1].chain;
    *link = e->chain;
    e->key = HX_HOLE;
    e->value = HX_UNDEFINED;
    e->chain = 0;
    t->live--;
    if (may_compact && t->used >= 2 * MIN_CAP && t->live < t->used / 4) compact(t);
}

void hx_ctab_clear(hx_runtime *rt, hx_ctab *t) {
    for (uint32_t i = 0; i < t->used; i++) {
        t->entries[i].key = HX_HOLE;
        t->entries[i].value = HX_UNDEFINED;
    }
    t->live = 0;
    compact(t); /* every cursor moves to 0, where new entries will go */
}

hx_ctab *hx_ctab_copy(hx_runtime *rt, const hx_ctab *src) {
    hx_ctab *t = hx_ctab_new(rt, src->weak);
    if (!t) return NULL;
    uint32_t cap = MIN_CAP;
    while (cap < src->live) cap *= 2;
    t->entries = hx_mem_alloc(rt, cap * sizeof(hx_ctab_entry));
    t->buckets = t->entries ? hx_mem_alloc(rt, cap * sizeof(uint32_t)) : NULL;
    if (!t->buckets) {
        hx_mem_free(rt, t->entries, t->entries ? cap * sizeof(hx_ctab_entry) : 0);
        hx_mem_free(rt, t, sizeof *t);
        return NULL;
    }
    t->cap = cap;
    t->bucket_mask = cap - 1;
    for (uint32_t i = 0; i < src->used; i++)
        if (src->entries[i].key != HX_HOLE) t->entries[t->used++] = src->entries[i];
    t->live = t->used;
    rebuild_buckets(t);
    return t;
}

void hx_ctab_trace(hx_runtime *rt, hx_ctab *t) {
    if (!t) return;
    for (uint32_t i = 0; i < t->used; i++) {
        hx_gc_mark_value(rt, t->entries[i].key); /* HX_HOLE is not a heap value */
        hx_gc_mark_value(rt, t->entries[i].value);
    }
}

/* ---- cursors ---------------------------------------------------------------- */

void hx_ctab_cursor_attach(hx_ctab *t, hx_ctab_cursor *c) {
    c->tab = t;
    c->index = 0;
    c->next = &t->cursors;
    c->prev = t->cursors.prev;
    t->cursors.prev->next = c;
    t->cursors.prev = c;
}

void hx_ctab_cursor_detach(hx_ctab_cursor *c) {
    if (!c->tab) return;
    c->prev->next = c->next;
    c->next->prev = c->prev;
    c->prev = c->next = c;
    c->tab = NULL;
}

hx_ctab_entry *hx_ctab_cursor_next(hx_ctab_cursor *c) {
    hx_ctab *t = c->tab;
    if (!t) return NULL;
    while (c->index < t->used) {
        hx_ctab_entry *e = &t->entries[c->index++];
        if (e->key != HX_HOLE) return e;
    }
    return NULL;
}
