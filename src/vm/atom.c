/*
 * atom.c — the atom table: interned strings used as property keys, and the
 * conversion of values to property keys.
 *
 * The table is weak: an interned string that nothing references is swept
 * like any other cell and removes itself here (hx_atom_remove).  Canonical
 * array-index strings ("0" .. "4294967294") never become atoms: they become
 * index keys, so "1" and 1 name the same property.
 */
#include <string.h>
#include "vm/vm.h"

static bool table_grow(hx_runtime *rt) {
    uint32_t old_size = rt->atom_table ? rt->atom_mask + 1 : 0;
    uint32_t size = old_size ? old_size * 2 : 1024;
    hx_string **t = hx_mem_alloc(rt, size * sizeof(hx_string *));
    if (!t) return false;
    memset(t, 0, size * sizeof(hx_string *));
    for (uint32_t i = 0; i < old_size; i++) {
        hx_string *s = rt->atom_table[i];
        if (!s || s == (hx_string *)1) continue;
        uint32_t j = s->hdr.extra & (size - 1);
        while (t[j]) j = (j + 1) & (size - 1);
        t[j] = s;
    }
    hx_mem_free(rt, rt->atom_table, old_size * sizeof(hx_string *));
    rt->atom_table = t;
    rt->atom_mask = size - 1;
    return true;
}

/* Canonical numeric string of an index 0 .. 2^32-2 (ES2025 6.1.7). */
static bool parse_index(hx_string *f, uint32_t *out) {
    uint32_t n = f->len;
    if (n == 0 || n > 10) return false;
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = hx_string_char_at(f, i);
        if (c < '0' || c > '9') return false;
        if (i == 0 && c == '0' && n > 1) return false;
        v = v * 10 + (c - '0');
    }
    if (v > 0xFFFFFFFEu) return false;
    *out = (uint32_t)v;
    return true;
}

hx_value hx_atom_intern(hx_runtime *rt, hx_string *s) {
    if (s->hdr.flags & HX_STR_INTERNED) return hx_string_value(s);
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return HX_EXCEPTION;
    uint32_t h = hx_string_hash(rt, f);
    if ((rt->atom_count + 1) * 2 > (rt->atom_table ? rt->atom_mask + 1 : 0))
        if (!table_grow(rt)) return HX_EXCEPTION;
    uint32_t j = h & rt->atom_mask, tomb = UINT32_MAX;
    for (;;) {
        hx_string *e = rt->atom_table[j];
        if (!e) break;
        if (e == (hx_string *)1) {
            if (tomb == UINT32_MAX) tomb = j;
        } else if (e->hdr.extra == h && e->len == f->len &&
                   !((e->hdr.flags ^ f->hdr.flags) & HX_STR_WIDE) &&
                   memcmp(e + 1, f + 1, (size_t)f->len * (hx_str_is_wide(f) ? 2 : 1)) == 0) {
            return hx_string_value(e);
        }
        j = (j + 1) & rt->atom_mask;
    }
    if (tomb != UINT32_MAX) j = tomb;
    rt->atom_table[j] = f;
    rt->atom_count++;
    f->hdr.flags |= HX_STR_INTERNED;
    return hx_string_value(f);
}

void hx_atom_remove(hx_runtime *rt, hx_string *s) {
    uint32_t j = s->hdr.extra & rt->atom_mask;
    while (rt->atom_table[j]) {
        if (rt->atom_table[j] == s) {
            rt->atom_table[j] = (hx_string *)1; /* tombstone */
            rt->atom_count--;
            return;
        }
        j = (j + 1) & rt->atom_mask;
    }
}

hx_value hx_atom_from_utf8(hx_runtime *rt, const char *s, size_t len) {
    hx_value v = hx_string_from_utf8(rt, s, len);
    if (hx_is_exception(v)) return v;
    return hx_atom_intern(rt, hx_as_string(v));
}

hx_value hx_atom_from_cstr(hx_runtime *rt, const char *s) { return hx_atom_from_utf8(rt, s, strlen(s)); }

hx_key hx_key_from_string(hx_runtime *rt, hx_value str) {
    hx_string *s = hx_as_string(str);
    if (s->hdr.flags & HX_STR_INTERNED) {
        if (!(s->hdr.flags & HX_STR_INDEX_KNOWN)) {
            uint32_t idx;
            s->hdr.flags |= HX_STR_INDEX_KNOWN;
            if (parse_index(s, &idx)) s->hdr.flags |= HX_STR_IS_INDEX, s->index = idx;
        }
        if (s->hdr.flags & HX_STR_IS_INDEX) return hx_index_key(s->index);
        return str;
    }
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return HX_EXCEPTION;
    uint32_t idx;
    if (f->len && f->len <= 10 && parse_index(f, &idx)) return hx_index_key(idx);
    return hx_atom_intern(rt, f);
}

hx_key hx_key_from_index(hx_runtime *rt, uint32_t index) { return hx_index_key(index); }

hx_value hx_key_to_value(hx_runtime *rt, hx_key k) {
    if (hx_key_is_index(k)) return hx_string_from_int(rt, hx_key_index(k));
    return k;
}

bool hx_atom_init(hx_runtime *rt) {
    static const char *const texts[] = {
#define HX_X(id, text) text,
        HX_ATOM_LIST(HX_X)
#undef HX_X
    };
    for (int i = 0; i < HX_ATOM_COUNT; i++) {
        hx_value v = hx_atom_from_cstr(rt, texts[i]);
        if (hx_is_exception(v)) return false;
        rt->atoms[i] = v;
    }
    return true;
}
