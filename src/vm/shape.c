/*
 * shape.c — hidden classes.  A shape fixes the prototype and the ordered
 * list of named properties (key, attributes, slot) of the objects that share
 * it.  Transition shapes form a tree rooted at one root shape per prototype
 * (kept on the prototype object); adding a property follows or creates an
 * edge.  A dictionary shape (HX_SHAPE_DICT) belongs to one object and is
 * edited in place; inline caches never cache one.
 *
 * Invariant: for a transition shape, slot of property i == i, so
 * slot_count == count.  Dictionary shapes may have unused slots after
 * deletions (slot_count >= count).
 */
#include <string.h>
#include "vm/vm.h"

static uint32_t key_hash(hx_key k) {
    uint64_t x = k * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static hx_shape *shape_new(hx_runtime *rt, hx_object *proto) {
    hx_shape *sh = hx_gc_alloc(rt, HX_CELL_SHAPE, sizeof(hx_shape));
    if (!sh) return NULL;
    sh->proto = proto;
    sh->last.key = HX_UNDEFINED;
    return sh;
}

/* The root (empty) shape for objects whose prototype is `proto`, cached on
 * the prototype object itself (proto->proto_root). */
hx_shape *hx_shape_root(hx_runtime *rt, hx_object *proto) {
    if (!proto) {
        if (!rt->empty_shape_null_proto) rt->empty_shape_null_proto = shape_new(rt, NULL);
        return rt->empty_shape_null_proto;
    }
    if (!proto->proto_root) {
        hx_shape *r = shape_new(rt, proto);
        if (!r) return NULL;
        HX_WRITE(proto->proto_root, r);
    }
    return proto->proto_root;
}

static bool add_child(hx_runtime *rt, hx_shape *parent, hx_shape *child) {
    if (parent->child_count == parent->child_cap) {
        uint32_t ncap = parent->child_cap ? parent->child_cap * 2 : 2;
        hx_shape **n = hx_mem_realloc(rt, parent->children, parent->child_cap * sizeof(hx_shape *),
                                      ncap * sizeof(hx_shape *));
        if (!n) return false;
        parent->children = n;
        parent->child_cap = ncap;
    }
    parent->children[parent->child_count++] = child;
    return true;
}

/* Builds (once) the full property array of a transition shape. */
hx_prop *hx_shape_props(hx_runtime *rt, hx_shape *sh) {
    if (sh->props || sh->count == 0) return sh->props;
    hx_prop *p = hx_mem_alloc(rt, sh->count * sizeof(hx_prop));
    if (!p) return NULL;
    uint32_t i = sh->count;
    for (hx_shape *s = sh; s && s->count; s = s->parent) p[--i] = s->last;
    sh->props = p;
    sh->props_cap = sh->count;
    return p;
}

static bool build_index(hx_runtime *rt, hx_shape *sh) {
    uint32_t size = 16;
    while (size < sh->count * 2) size *= 2;
    uint32_t *idx = hx_mem_alloc(rt, size * sizeof(uint32_t));
    if (!idx) return false;
    memset(idx, 0, size * sizeof(uint32_t));
    for (uint32_t i = 0; i < sh->count; i++) {
        uint32_t j = key_hash(sh->props[i].key) & (size - 1);
        while (idx[j]) j = (j + 1) & (size - 1);
        idx[j] = i + 1;
    }
    hx_mem_free(rt, sh->index, sh->index ? (sh->index_mask + 1) * sizeof(uint32_t) : 0);
    sh->index = idx;
    sh->index_mask = size - 1;
    return true;
}

int32_t hx_shape_find(hx_runtime *rt, hx_shape *sh, hx_key key) {
    if (sh->count == 0) return -1;
    if (sh->count <= 8) {
        if (!sh->props) {
            /* walk the transition chain: cheap for small shapes */
            for (hx_shape *s = sh; s && s->count; s = s->parent)
                if (s->last.key == key) return (int32_t)s->count - 1;
            return -1;
        }
        for (uint32_t i = 0; i < sh->count; i++)
            if (sh->props[i].key == key) return (int32_t)i;
        return -1;
    }
    if (!sh->index) {
        if (!hx_shape_props(rt, sh) || !build_index(rt, sh)) {
            rt->has_exception = false; /* lookup without the index on OOM */
            for (hx_shape *s = sh; s && s->count; s = s->parent)
                if (s->last.key == key) return (int32_t)s->count - 1;
            return -1;
        }
    }
    uint32_t j = key_hash(key) & sh->index_mask;
    for (;;) {
        uint32_t e = sh->index[j];
        if (!e) return -1;
        if (sh->props[e - 1].key == key) return (int32_t)(e - 1);
        j = (j + 1) & sh->index_mask;
    }
}

static hx_shape *dict_add(hx_runtime *rt, hx_shape *sh, hx_key key, uint32_t flags) {
    if (sh->count == sh->props_cap) {
        uint32_t ncap = sh->props_cap ? sh->props_cap * 2 : 8;
        hx_prop *n = hx_mem_realloc(rt, sh->props, sh->props_cap * sizeof(hx_prop),
                                    ncap * sizeof(hx_prop));
        if (!n) return NULL;
        sh->props = n;
        sh->props_cap = ncap;
    }
    sh->props[sh->count].key = key;
    sh->props[sh->count].flags = flags;
    sh->props[sh->count].slot = sh->slot_count++;
    sh->count++;
    if (sh->count > 8 && (!sh->index || sh->count * 2 > sh->index_mask + 1)) {
        if (!build_index(rt, sh)) return NULL;
    } else if (sh->index) {
        uint32_t j = key_hash(key) & sh->index_mask;
        while (sh->index[j]) j = (j + 1) & sh->index_mask;
        sh->index[j] = sh->count;
    }
    return sh;
}

hx_shape *hx_shape_add(hx_runtime *rt, hx_shape *sh, hx_key key, uint32_t flags) {
    if (sh->hdr.flags & HX_SHAPE_DICT) return dict_add(rt, sh, key, flags);
    for (uint32_t i = 0; i < sh->child_count; i++) {
        hx_shape *c = sh->children[i];
        if (c->last.key == key && c->last.flags == flags && c->parent == sh) return c;
    }
    if (sh->count >= HX_SHAPE_MAX_TRANSITION_PROPS) {
        hx_shape *d = hx_shape_to_dict(rt, sh);
        return d ? dict_add(rt, d, key, flags) : NULL;
    }
    hx_shape *c = shape_new(rt, sh->proto);
    if (!c) return NULL;
    c->parent = sh;
    c->last.key = key;
    c->last.flags = flags;
    c->last.slot = sh->count;
    c->count = sh->count + 1;
    c->slot_count = c->count;
    if (!add_child(rt, sh, c)) return NULL;
    return c;
}

hx_shape *hx_shape_to_dict(hx_runtime *rt, hx_shape *sh) {
    hx_shape *d = shape_new(rt, sh->proto);
    if (!d) return NULL;
    d->hdr.flags |= HX_SHAPE_DICT;
    if (sh->count) {
        hx_prop *p = hx_shape_props(rt, sh);
        if (!p) return NULL;
        d->props = hx_mem_alloc(rt, sh->count * sizeof(hx_prop));
        if (!d->props) return NULL;
        memcpy(d->props, p, sh->count * sizeof(hx_prop));
        d->props_cap = d->count = sh->count;
    }
    d->slot_count = sh->slot_count;
    if (d->count > 8 && !build_index(rt, d)) return NULL;
    return d;
}

/* A shape equal to sh but with another prototype (used by setPrototypeOf):
 * the result is a fresh dictionary shape so no transition tree grows per
 * prototype change. */
hx_shape *hx_shape_with_proto(hx_runtime *rt, hx_shape *sh, hx_object *proto) {
    if (sh->count == 0 && !(sh->hdr.flags & HX_SHAPE_DICT)) {
        return hx_shape_root(rt, proto);
    }
    hx_shape *d = hx_shape_to_dict(rt, sh);
    if (d) d->proto = proto;
    return d;
}

hx_shape *hx_shape_change_flags(hx_runtime *rt, hx_shape *sh, uint32_t prop, uint32_t flags) {
    if (!(sh->hdr.flags & HX_SHAPE_DICT)) {
        sh = hx_shape_to_dict(rt, sh);
        if (!sh) return NULL;
    }
    sh->props[prop].flags = flags;
    return sh;
}

int hx_shape_dict_remove(hx_runtime *rt, hx_shape *sh, uint32_t prop) {
    HX_ASSERT(sh->hdr.flags & HX_SHAPE_DICT);
    memmove(&sh->props[prop], &sh->props[prop + 1], (sh->count - prop - 1) * sizeof(hx_prop));
    sh->count--;
    if (sh->index) {
        hx_mem_free(rt, sh->index, (sh->index_mask + 1) * sizeof(uint32_t));
        sh->index = NULL;
        if (sh->count > 8 && !build_index(rt, sh)) return -1;
    }
    return 0;
}
