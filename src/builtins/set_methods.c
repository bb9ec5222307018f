/*
 * set_methods.c — the set-algebra methods of Set.prototype (ES2025
 * 24.2.4.2 difference, .9 intersection, .10 isDisjointFrom, .11 isSubsetOf,
 * .12 isSupersetOf, .15 symmetricDifference, .16 union) with GetSetRecord
 * (24.2.1.2).
 *
 * The argument is any "set-like" object, used only through its size, has
 * and keys: every such access is user code, so loops over this set's own
 * data go through a cursor (coll_table.h) that stays valid when the user
 * code adds or deletes elements, which gives the spec's index-based
 * iteration over a List with empty slots.
 */
#include <math.h>
#include "builtins/coll_table.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* ES2025 24.2.1.1 Set Records */
typedef struct set_rec {
    hx_value obj;
    double size; /* an integer or +Infinity */
    hx_value has, keys;
} set_rec;

/* ES2025 24.2.1.2 GetSetRecord ( obj ) */
static int get_set_record(hx_realm *realm, hx_value obj, set_rec *rec) {
    hx_runtime *rt = realm->rt;
    if (!hx_is_object(obj)) { /* step 1 */
        hx_throw_type_error(realm, "The argument of a Set method must be an object");
        return -1;
    }
    hx_value raw = hx_get(realm, obj, HX_ATOM(rt, size)); /* step 2 */
    if (hx_is_exception(raw)) return -1;
    double num;
    if (hx_to_number(realm, raw, &num) < 0) return -1; /* step 3 */
    if (num != num) {                                   /* step 4 */
        hx_throw_type_error(realm, "The 'size' of a set-like object must be a number");
        return -1;
    }
    double size = num < 0 ? ceil(num) : floor(num); /* step 5: ToIntegerOrInfinity */
    if (size == 0) size = 0;
    if (size < 0) { /* step 6 */
        hx_throw_range_error(realm, "The 'size' of a set-like object must not be negative");
        return -1;
    }
    hx_value has = hx_get(realm, obj, HX_ATOM(rt, has)); /* step 7 */
    if (hx_is_exception(has)) return -1;
    if (!hx_is_callable(has)) { /* step 8 */
        hx_throw_type_error(realm, "The 'has' of a set-like object must be a function");
        return -1;
    }
    hx_value keys = hx_get(realm, obj, HX_ATOM(rt, keys)); /* step 9 */
    if (hx_is_exception(keys)) return -1;
    if (!hx_is_callable(keys)) { /* step 10 */
        hx_throw_type_error(realm, "The 'keys' of a set-like object must be a function");
        return -1;
    }
    rec->obj = obj;
    rec->size = size;
    rec->has = has;
    rec->keys = keys;
    return 0;
}

/* RequireInternalSlot(O, [[SetData]]) and GetSetRecord(other): steps 1-3. */
static hx_object *prologue(hx_realm *realm, hx_value this_value, hx_value other, set_rec *rec, const char *name) {
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != HX_CLASS_SET ||
        !hx_coll_table(hx_as_object(this_value))) {
        hx_throw_type_error(realm, "Method Set.prototype.%s called on incompatible receiver", name);
        return NULL;
    }
    if (get_set_record(realm, other, rec) < 0) return NULL;
    return hx_as_object(this_value);
}

/* ToBoolean(? Call(otherRec.[[Has]], otherRec.[[SetObject]], « e »)): 1, 0 or -1. */
static int call_has(hx_realm *realm, const set_rec *rec, hx_value e) {
    hx_value r = hx_call(realm, rec->has, rec->obj, 1, &e);
    if (hx_is_exception(r)) return -1;
    return hx_to_boolean(r);
}

/* GetIteratorFromMethod(otherRec.[[SetObject]], otherRec.[[Keys]]) */
static int keys_iterator(hx_realm *realm, const set_rec *rec, hx_iter *it) {
    return hx_get_iterator_from_method(realm, rec->obj, rec->keys, it);
}

/* IteratorStepValue on the keys iterator, then CanonicalizeKeyedCollectionKey:
 * 1 with *v, 0 done, -1 throw. */
static int next_key(hx_realm *realm, hx_iter *it, hx_value *v) {
    int r = hx_iter_step(realm, it, v);
    if (r <= 0) return r;
    *v = hx_ctab_key(realm->rt, *v);
    return hx_is_exception(*v) ? -1 : 1;
}

static hx_value result_set(hx_realm *realm, hx_ctab *data) {
    hx_object *s = hx_coll_new_set(realm, data);
    return s ? hx_object_value(s) : HX_EXCEPTION;
}

/* Calls otherRec.[[Has]] on each element of this set (index loop with an
 * updated size, as in intersection step 5, isSubsetOf step 7, isDisjointFrom
 * step 4): stop_on is the answer that ends the loop.  Elements for which has
 * answered "true" are added to keep when given.  Returns 1 when stopped, 0
 * when all were visited, -1 on throw. */
static int scan_this(hx_realm *realm, hx_object *o, const set_rec *rec, int stop_on, hx_ctab *keep) {
    hx_runtime *rt = realm->rt;
    hx_ctab_cursor c;
    hx_ctab_cursor_attach(hx_coll_table(o), &c);
    int result = 0;
    for (hx_ctab_entry *e; (e = hx_ctab_cursor_next(&c));) {
        size_t mark = hx_handles_save(rt);
        hx_value v = e->key;
        hx_handles_push(rt, v);
        int in_other = call_has(realm, rec, v);
        if (in_other < 0) {
            result = -1;
            break;
        }
        if (in_other && keep && hx_ctab_find(rt, keep, v) < 0 && hx_ctab_set(rt, keep, v, HX_UNDEFINED) < 0) {
            result = -1;
            break;
        }
        hx_handles_restore(rt, mark);
        if (in_other == stop_on) {
            result = 1;
            break;
        }
    }
    hx_ctab_cursor_detach(&c);
    return result;
}

/* ES2025 24.2.4.16 Set.prototype.union ( other ) */
static hx_value set_union(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "union");
    if (!o) return HX_EXCEPTION;
    hx_iter it;
    if (keys_iterator(realm, &rec, &it) < 0) return HX_EXCEPTION; /* step 4 */
    hx_ctab *data = hx_ctab_copy(rt, hx_coll_table(o));           /* step 5 */
    if (!data) return HX_EXCEPTION;
    hx_value rv = result_set(realm, data); /* owns data from here on */
    if (hx_is_exception(rv)) return rv;
    for (;;) { /* step 6 */
        size_t mark = hx_handles_save(rt); /* what is kept is rooted through the result */
        hx_value v;
        int r = next_key(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        if (hx_ctab_find(rt, data, v) < 0 && hx_ctab_set(rt, data, v, HX_UNDEFINED) < 0) return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
    }
    return rv;
}

/* ES2025 24.2.4.9 Set.prototype.intersection ( other ) */
static hx_value set_intersection(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "intersection");
    if (!o) return HX_EXCEPTION;
    hx_ctab *data = hx_ctab_new(rt, false); /* step 4 */
    if (!data) return HX_EXCEPTION;
    hx_value rv = result_set(realm, data);
    if (hx_is_exception(rv)) return rv;
    if ((double)hx_coll_table(o)->live <= rec.size) { /* step 5 */
        if (scan_this(realm, o, &rec, -2, data) < 0) return HX_EXCEPTION;
        return rv;
    }
    hx_iter it; /* step 6 */
    if (keys_iterator(realm, &rec, &it) < 0) return HX_EXCEPTION;
    for (;;) {
        size_t mark = hx_handles_save(rt); /* what is kept is rooted through the result */
        hx_value v;
        int r = next_key(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        if (hx_ctab_find(rt, hx_coll_table(o), v) >= 0 && hx_ctab_find(rt, data, v) < 0 &&
            hx_ctab_set(rt, data, v, HX_UNDEFINED) < 0)
            return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
    }
    return rv;
}

/* ES2025 24.2.4.2 Set.prototype.difference ( other ) */
static hx_value set_difference(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "difference");
    if (!o) return HX_EXCEPTION;
    hx_ctab *data = hx_ctab_copy(rt, hx_coll_table(o)); /* step 4 */
    if (!data) return HX_EXCEPTION;
    hx_value rv = result_set(realm, data);
    if (hx_is_exception(rv)) return rv;
    if ((double)hx_coll_table(o)->live <= rec.size) { /* step 5: over the copy, fixed size */
        uint32_t n = data->used;
        for (uint32_t i = 0; i < n; i++) {
            hx_value v = data->entries[i].key;
            if (v == HX_HOLE) continue;
            int in_other = call_has(realm, &rec, v);
            if (in_other < 0) return HX_EXCEPTION;
            /* the copy is not reachable by user code: no compaction moves i */
            if (in_other) hx_ctab_remove_at(rt, data, i, false);
        }
        return rv;
    }
    hx_iter it; /* step 6 */
    if (keys_iterator(realm, &rec, &it) < 0) return HX_EXCEPTION;
    for (;;) {
        size_t mark = hx_handles_save(rt); /* what is kept is rooted through the result */
        hx_value v;
        int r = next_key(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        int32_t i = hx_ctab_find(rt, data, v);
        if (i >= 0) hx_ctab_remove_at(rt, data, (uint32_t)i, false);
        hx_handles_restore(rt, mark);
    }
    return rv;
}

/* ES2025 24.2.4.15 Set.prototype.symmetricDifference ( other ) */
static hx_value set_symmetric_difference(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "symmetricDifference");
    if (!o) return HX_EXCEPTION;
    hx_iter it;
    if (keys_iterator(realm, &rec, &it) < 0) return HX_EXCEPTION; /* step 4 */
    hx_ctab *data = hx_ctab_copy(rt, hx_coll_table(o));           /* step 5 */
    if (!data) return HX_EXCEPTION;
    hx_value rv = result_set(realm, data);
    if (hx_is_exception(rv)) return rv;
    for (;;) { /* step 6 */
        size_t mark = hx_handles_save(rt); /* what is kept is rooted through the result */
        hx_value v;
        int r = next_key(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        int32_t ri = hx_ctab_find(rt, data, v);
        if (hx_ctab_find(rt, hx_coll_table(o), v) >= 0) {
            if (ri >= 0) hx_ctab_remove_at(rt, data, (uint32_t)ri, false);
        } else if (ri < 0 && hx_ctab_set(rt, data, v, HX_UNDEFINED) < 0)
            return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
    }
    return rv;
}

/* ES2025 24.2.4.11 Set.prototype.isSubsetOf ( other ) */
static hx_value set_is_subset_of(FN_ARGS) {
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "isSubsetOf");
    if (!o) return HX_EXCEPTION;
    if ((double)hx_coll_table(o)->live > rec.size) return HX_FALSE; /* step 4 */
    int r = scan_this(realm, o, &rec, 0, NULL);                     /* steps 5-7 */
    return r < 0 ? HX_EXCEPTION : hx_bool(r == 0);
}

/* Iterates other's keys until one is (want = true) or is not (want = false)
 * in this set, then closes the iterator: 1 found, 0 not, -1 throw.  The
 * values are compared with SetDataHas, which canonicalises as it compares. */
static int scan_other(hx_realm *realm, hx_object *o, const set_rec *rec, bool want) {
    hx_runtime *rt = realm->rt;
    hx_iter it;
    if (keys_iterator(realm, rec, &it) < 0) return -1;
    for (;;) {
        size_t mark = hx_handles_save(rt);
        hx_value v;
        int r = next_key(realm, &it, &v);
        if (r <= 0) return r;
        if ((hx_ctab_find(rt, hx_coll_table(o), v) >= 0) == want) {
            hx_value c = hx_iter_close(realm, &it, HX_UNDEFINED);
            return hx_is_exception(c) ? -1 : 1;
        }
        hx_handles_restore(rt, mark);
    }
}

/* ES2025 24.2.4.12 Set.prototype.isSupersetOf ( other ) */
static hx_value set_is_superset_of(FN_ARGS) {
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "isSupersetOf");
    if (!o) return HX_EXCEPTION;
    if ((double)hx_coll_table(o)->live < rec.size) return HX_FALSE; /* step 4 */
    int r = scan_other(realm, o, &rec, false);                      /* steps 5-6 */
    return r < 0 ? HX_EXCEPTION : hx_bool(r == 0);
}

/* ES2025 24.2.4.10 Set.prototype.isDisjointFrom ( other ) */
static hx_value set_is_disjoint_from(FN_ARGS) {
    set_rec rec;
    hx_object *o = prologue(realm, this_value, HX_ARG(0), &rec, "isDisjointFrom");
    if (!o) return HX_EXCEPTION;
    int r;
    if ((double)hx_coll_table(o)->live <= rec.size) /* step 4 */
        r = scan_this(realm, o, &rec, 1, NULL);
    else /* step 5 */
        r = scan_other(realm, o, &rec, true);
    return r < 0 ? HX_EXCEPTION : hx_bool(r == 0);
}

static const hx_builtin set_methods_table[] = {
    HX_FUNC("difference", set_difference, 1),
    HX_FUNC("intersection", set_intersection, 1),
    HX_FUNC("isDisjointFrom", set_is_disjoint_from, 1),
    HX_FUNC("isSubsetOf", set_is_subset_of, 1),
    HX_FUNC("isSupersetOf", set_is_superset_of, 1),
    HX_FUNC("symmetricDifference", set_symmetric_difference, 1),
    HX_FUNC("union", set_union, 1),
};

int hx_coll_init_set_methods(hx_realm *realm, hx_object *set_proto) {
    return HX_INSTALL(realm, set_proto, set_methods_table);
}
