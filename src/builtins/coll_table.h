/*
 * coll_table.h — the keyed-collection family's internal interface: the
 * insertion-ordered hash table behind Map, Set, WeakMap and WeakSet
 * ([[MapData]] / [[SetData]] / [[WeakMapData]] / [[WeakSetData]]), its
 * cursors, and the initialisers of the family's files.
 *
 * The table lives outside the GC heap (hx_mem_alloc), hangs off the owning
 * object's u.data.ptr, and is traced / freed through the class hooks.
 *
 * Invariants a reader must keep:
 *  - Keys are stored canonicalised (hx_ctab_key): -0 is +0, integral
 *    doubles use the int form, strings are flat.  Two keys are SameValueZero
 *    exactly when hx_ctab's key comparison says so.
 *  - entries[0 .. used) keep insertion order; a deleted entry has key
 *    HX_HOLE until the table is compacted.  Compaction moves every attached
 *    cursor so that it still designates the first live entry at or after
 *    its old position: a cursor sees entries added after it was created and
 *    never sees deleted ones, as the spec's List-with-empty-slots model does.
 *  - The table is consistent at every allocation point (a collection may
 *    trace it), and its growth never runs JavaScript.
 */
#ifndef HX_COLL_TABLE_H
#define HX_COLL_TABLE_H

#include "vm/vm.h"

typedef struct hx_ctab hx_ctab;

typedef struct hx_ctab_entry {
    hx_value key;   /* HX_HOLE once deleted */
    hx_value value; /* undefined for sets */
    uint32_t hash;
    uint32_t chain; /* next entry in the bucket + 1; 0 ends the chain */
} hx_ctab_entry;

/* A position in a table that survives deletions and compaction. */
typedef struct hx_ctab_cursor {
    struct hx_ctab_cursor *prev, *next;
    hx_ctab *tab; /* NULL once detached (or the table was freed) */
    uint32_t index; /* next entry to look at */
} hx_ctab_cursor;

struct hx_ctab {
    hx_ctab_entry *entries;
    uint32_t used, cap; /* entries in use (live or deleted) / allocated */
    uint32_t live;      /* entries with a key */
    uint32_t *buckets;  /* entry index + 1; 0 empty */
    uint32_t bucket_mask;
    bool weak;              /* keys (and WeakMap values) are held weakly */
    hx_ctab_cursor cursors; /* sentinel of the attached cursors' ring */
};

hx_ctab *hx_ctab_new(hx_runtime *rt, bool weak); /* NULL on OOM (pending) */
void hx_ctab_free(hx_runtime *rt, hx_ctab *t);
/* ES2025 24.5.1 CanonicalizeKeyedCollectionKey plus the storage form
 * (flat strings, int form of integral numbers); HX_EXCEPTION on OOM. */
hx_value hx_ctab_key(hx_runtime *rt, hx_value key);
/* Entry index of a canonical key, or -1.  Never allocates. */
int32_t hx_ctab_find(hx_runtime *rt, hx_ctab *t, hx_value key);
/* Sets key (canonical) to value, adding it last if absent.  -1 on OOM. */
int hx_ctab_set(hx_runtime *rt, hx_ctab *t, hx_value key, hx_value value);
/* Deletes entry i (live); compact: may compact the table afterwards. */
void hx_ctab_remove_at(hx_runtime *rt, hx_ctab *t, uint32_t i, bool compact);
/* Deletes every entry (cursors move to the end, seeing later additions). */
void hx_ctab_clear(hx_runtime *rt, hx_ctab *t);
/* A copy holding the live entries (in order); NULL on OOM. */
hx_ctab *hx_ctab_copy(hx_runtime *rt, const hx_ctab *t);
/* Marks every live key and value (strong tables). */
void hx_ctab_trace(hx_runtime *rt, hx_ctab *t);

void hx_ctab_cursor_attach(hx_ctab *t, hx_ctab_cursor *c);
void hx_ctab_cursor_detach(hx_ctab_cursor *c);
/* The next live entry at or after the cursor, advancing past it; NULL at
 * the end.  The pointer is valid until the table is next modified. */
hx_ctab_entry *hx_ctab_cursor_next(hx_ctab_cursor *c);

/* ES2025 9.13 CanBeHeldWeakly: objects and symbols not in the registry. */
static inline bool hx_can_be_held_weakly(hx_value v) {
    return hx_is_object(v) || (hx_is_symbol(v) && !(hx_as_symbol(v)->hdr.flags & HX_SYM_REGISTERED));
}

/* The [[MapData]] / [[SetData]] of a Map or Set object (its class checked). */
static inline hx_ctab *hx_coll_table(hx_object *o) { return (hx_ctab *)o->u.data.ptr; }

/* The constructors' common tail (Map, Set, WeakMap, WeakSet): reads the
 * adder method named adder_name from target, then adds every value (or
 * [key, value] entry when pairs) of iterable through it.  Returns target. */
hx_value hx_coll_fill(hx_realm *realm, hx_value target, hx_value iterable, bool pairs, hx_key adder_name);
/* A fresh collection object of class cls (Map, Set, WeakMap, WeakSet) with
 * an empty table, from OrdinaryCreateFromConstructor(new_target, proto). */
hx_value hx_coll_create(hx_realm *realm, hx_value new_target, hx_intrinsic proto, hx_class_id cls, bool weak);

/* The family's other files (called from hx_init_collections). */
int hx_coll_init_set_methods(hx_realm *realm, hx_object *set_proto); /* set_methods.c */
int hx_coll_init_weak(hx_realm *realm);                               /* weakcoll.c */
/* A new empty Set with %Set.prototype% of realm (set_methods.c uses it). */
hx_object *hx_coll_new_set(hx_realm *realm, hx_ctab *data);

#endif
