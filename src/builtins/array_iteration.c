/*
 * array_iteration.c — the Array.prototype methods that walk an array-like
 * without reshaping it in place (ES2025 23.1.3): the callback methods
 * (forEach, map, filter, every, some, reduce, reduceRight, find*), the
 * searches (indexOf, lastIndexOf, includes), flat/flatMap, sort/toSorted
 * and the iterator factories keys/values/entries.
 *
 * Invariant: a callback may change the array under iteration in any way,
 * so every element read goes through hx_array_read, which re-checks that
 * the dense shortcut is still unobservable.  Loops that run no user code
 * (searches) may scan the element array directly.
 */
#include <math.h>
#include <string.h>
#include "builtins/array_int.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

#define MAX_FLATTEN_DEPTH 3000 /* nested arrays followed by flat() before a RangeError */

static hx_value object_and_length(hx_realm *realm, hx_value this_value, int64_t *len) {
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    *len = hx_length_of(realm, o);
    return *len < 0 ? HX_EXCEPTION : o;
}

/* When reads of o are unobservable, every index from k on beyond the dense
 * elements is a hole: a skip-holes loop can stop there. */
static bool only_holes_from(hx_value o, int64_t k) {
    return hx_array_fast_reads(o) && (uint64_t)k >= hx_as_object(o)->elem_len;
}

/* ---- callback methods ---------------------------------------------------------------- */

enum { I_FOREACH, I_EVERY, I_SOME, I_MAP, I_FILTER };

/* ES2025 23.1.3.15 forEach, 23.1.3.6 every, 23.1.3.29 some, 23.1.3.21 map,
 * 23.1.3.8 filter */
static hx_value array_proto_iterate(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value fn = HX_ARG(0), this_arg = HX_ARG(1);
    if (!hx_is_callable(fn)) return hx_throw_type_error(realm, "callback is not a function");
    hx_value a = HX_UNDEFINED;
    if (magic == I_MAP || magic == I_FILTER) {
        a = hx_array_species_create(realm, o, magic == I_MAP ? (double)len : 0);
        if (hx_is_exception(a)) return a;
    }
    uint64_t to = 0;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        if (only_holes_from(o, k)) break;
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)k, true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) continue;
        hx_value args[3] = {v, hx_number((double)k), o};
        hx_value res = hx_call(realm, fn, this_arg, 3, args);
        if (hx_is_exception(res)) return res;
        switch (magic) {
        case I_EVERY:
            if (!hx_to_boolean(res)) return HX_FALSE;
            break;
        case I_SOME:
            if (hx_to_boolean(res)) return HX_TRUE;
            break;
        case I_MAP:
            if (hx_array_create_prop(realm, a, (uint64_t)k, res) < 0) return HX_EXCEPTION;
            break;
        case I_FILTER:
            if (hx_to_boolean(res) && hx_array_create_prop(realm, a, to++, v) < 0) return HX_EXCEPTION;
            break;
        }
    }
    hx_handles_restore(rt, mark);
    switch (magic) {
    case I_EVERY: return HX_TRUE;
    case I_SOME: return HX_FALSE;
    case I_MAP:
    case I_FILTER: return a;
    default: return HX_UNDEFINED;
    }
}

enum { F_FIND, F_FIND_INDEX, F_FIND_LAST, F_FIND_LAST_INDEX };

/* ES2025 23.1.3.9 find, 23.1.3.10 findIndex, 23.1.3.11 findLast,
 * 23.1.3.12 findLastIndex (23.1.3.12.1 FindViaPredicate) */
static hx_value array_proto_find(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value pred = HX_ARG(0), this_arg = HX_ARG(1);
    if (!hx_is_callable(pred)) return hx_throw_type_error(realm, "predicate is not a function");
    bool last = magic == F_FIND_LAST || magic == F_FIND_LAST_INDEX;
    bool want_index = magic == F_FIND_INDEX || magic == F_FIND_LAST_INDEX;
    size_t mark = hx_handles_save(rt);
    for (int64_t i = 0; i < len; i++) {
        hx_handles_restore(rt, mark);
        int64_t k = last ? len - 1 - i : i;
        hx_value v;
        if (hx_array_read(realm, o, (uint64_t)k, false, &v) < 0) return HX_EXCEPTION;
        hx_value args[3] = {v, hx_number((double)k), o};
        hx_value res = hx_call(realm, pred, this_arg, 3, args);
        if (hx_is_exception(res)) return res;
        if (hx_to_boolean(res)) return want_index ? hx_number((double)k) : v;
    }
    hx_handles_restore(rt, mark);
    return want_index ? hx_int(-1) : HX_UNDEFINED;
}

/* ES2025 23.1.3.24 reduce (magic 0) and 23.1.3.25 reduceRight (magic 1) */
static hx_value array_proto_reduce(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value fn = HX_ARG(0);
    if (!hx_is_callable(fn)) return hx_throw_type_error(realm, "callback is not a function");
    if (len == 0 && argc < 2) return hx_throw_type_error(realm, "Reduce of empty array with no initial value");
    bool right = magic == 1;
    int64_t i = 0;
    hx_value acc = HX_UNDEFINED;
    if (argc >= 2) acc = argv[1];
    else {
        bool present = false;
        for (; !present && i < len; i++) {
            if (!right && only_holes_from(o, i)) {
                i = len;
                break;
            }
            int r = hx_array_read(realm, o, (uint64_t)(right ? len - 1 - i : i), true, &acc);
            if (r < 0) return HX_EXCEPTION;
            present = r > 0;
        }
        if (!present) return hx_throw_type_error(realm, "Reduce of empty array with no initial value");
    }
    size_t mark = hx_handles_save(rt);
    for (; i < len; i++) {
        hx_handles_restore(rt, mark);
        if (hx_is_heap(acc)) hx_handles_push(rt, acc);
        if (!right && only_holes_from(o, i)) break;
        int64_t k = right ? len - 1 - i : i;
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)k, true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) continue;
        hx_value args[4] = {acc, v, hx_number((double)k), o};
        acc = hx_call(realm, fn, HX_UNDEFINED, 4, args);
        if (hx_is_exception(acc)) return acc;
    }
    hx_handles_restore(rt, mark);
    return acc;
}

/* ---- searching --------------------------------------------------------------------------- */

enum { S_INDEX_OF, S_INCLUDES };

/* ES2025 23.1.3.17 indexOf (magic 0) and 23.1.3.16 includes (magic 1) */
static hx_value array_proto_index_of(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value not_found = magic == S_INCLUDES ? HX_FALSE : hx_int(-1);
    if (len == 0) return not_found;
    double n;
    if (hx_to_integer_or_infinity(realm, HX_ARG(1), &n) < 0) return HX_EXCEPTION;
    if (n == INFINITY) return not_found;
    int64_t k;
    if (n >= 0) k = n >= (double)len ? len : (int64_t)n;
    else {
        double r = (double)len + n;
        k = r < 0 ? 0 : (int64_t)r;
    }
    hx_value x = HX_ARG(0);
    if (hx_array_fast_reads(o)) {
        /* strict/SameValueZero comparisons run no code: scan the elements */
        hx_object *a = hx_as_object(o);
        int64_t end = len < (int64_t)a->elem_len ? len : (int64_t)a->elem_len;
        for (; k < end; k++) {
            hx_value e = a->elems[k];
            if (e == HX_HOLE) {
                if (magic == S_INCLUDES && hx_is_undefined(x)) return HX_TRUE;
                continue;
            }
            if (magic == S_INCLUDES ? hx_same_value_zero(e, x) : hx_strict_equals(rt, e, x))
                return magic == S_INCLUDES ? HX_TRUE : hx_number((double)k);
        }
        /* the rest are holes: includes reads them as undefined */
        return magic == S_INCLUDES && k < len && hx_is_undefined(x) ? HX_TRUE : not_found;
    }
    size_t mark = hx_handles_save(rt);
    for (; k < len; k++) {
        hx_handles_restore(rt, mark);
        hx_value e;
        int r = hx_array_read(realm, o, (uint64_t)k, magic == S_INDEX_OF, &e);
        if (r < 0) return HX_EXCEPTION;
        if (r && (magic == S_INCLUDES ? hx_same_value_zero(e, x) : hx_strict_equals(rt, e, x)))
            return magic == S_INCLUDES ? HX_TRUE : hx_number((double)k);
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return not_found;
}

/* ES2025 23.1.3.20 Array.prototype.lastIndexOf ( searchElement [ , fromIndex ] ) */
static hx_value array_proto_last_index_of(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (len == 0) return hx_int(-1);
    double n = (double)len - 1;
    if (argc > 1 && hx_to_integer_or_infinity(realm, argv[1], &n) < 0) return HX_EXCEPTION;
    if (n == -INFINITY) return hx_int(-1);
    int64_t k = n >= 0 ? (n > (double)(len - 1) ? len - 1 : (int64_t)n) : (int64_t)((double)len + n);
    hx_value x = HX_ARG(0);
    if (hx_array_fast_reads(o)) {
        hx_object *a = hx_as_object(o);
        if (k >= (int64_t)a->elem_len) k = (int64_t)a->elem_len - 1; /* holes above */
        for (; k >= 0; k--)
            if (a->elems[k] != HX_HOLE && hx_strict_equals(rt, a->elems[k], x)) return hx_number((double)k);
        return hx_int(-1);
    }
    size_t mark = hx_handles_save(rt);
    for (; k >= 0; k--) {
        hx_handles_restore(rt, mark);
        hx_value e;
        int r = hx_array_read(realm, o, (uint64_t)k, true, &e);
        if (r < 0) return HX_EXCEPTION;
        if (r && hx_strict_equals(rt, e, x)) return hx_number((double)k);
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return hx_int(-1);
}

/* ---- flat / flatMap ------------------------------------------------------------------------ */

/* ES2025 23.1.3.13.1 FlattenIntoArray; returns the next target index or -1. */
static int64_t flatten_into(hx_realm *realm, hx_value target, hx_value source, int64_t source_len, int64_t start,
                            double depth, hx_value mapper, hx_value this_arg, int level) {
    hx_runtime *rt = realm->rt;
    if (level > MAX_FLATTEN_DEPTH) {
        hx_throw_range_error(realm, "Maximum call stack size exceeded (flat)");
        return -1;
    }
    int64_t target_index = start;
    size_t mark = hx_handles_save(rt);
    for (int64_t si = 0; si < source_len; si++) {
        hx_handles_restore(rt, mark);
        if (only_holes_from(source, si)) break;
        hx_value e;
        int r = hx_array_read(realm, source, (uint64_t)si, true, &e);
        if (r < 0) return -1;
        if (r == 0) continue;
        if (!hx_is_undefined(mapper)) {
            hx_value args[3] = {e, hx_number((double)si), source};
            e = hx_call(realm, mapper, this_arg, 3, args);
            if (hx_is_exception(e)) return -1;
        }
        bool flatten = false;
        if (depth > 0 && !hx_is_array(realm, e, &flatten)) return -1;
        if (flatten) {
            int64_t elen = hx_length_of(realm, e);
            if (elen < 0) return -1;
            target_index = flatten_into(realm, target, e, elen, target_index, depth - 1, HX_UNDEFINED,
                                        HX_UNDEFINED, level + 1);
            if (target_index < 0) return -1;
        } else {
            if ((double)target_index >= HX_MAX_SAFE_INTEGER) {
                hx_throw_type_error(realm, "flat: result is too long");
                return -1;
            }
            if (hx_array_create_prop(realm, target, (uint64_t)target_index, e) < 0) return -1;
            target_index++;
        }
        if (HX_ARRAY_POLL(rt, si)) return -1;
    }
    hx_handles_restore(rt, mark);
    return target_index;
}

/* ES2025 23.1.3.13 Array.prototype.flat ( [ depth ] ) */
static hx_value array_proto_flat(FN_ARGS) {
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    double depth = 1;
    if (!hx_is_undefined(HX_ARG(0))) {
        if (hx_to_integer_or_infinity(realm, argv[0], &depth) < 0) return HX_EXCEPTION;
        if (depth < 0) depth = 0;
    }
    hx_value a = hx_array_species_create(realm, o, 0);
    if (hx_is_exception(a)) return a;
    if (flatten_into(realm, a, o, len, 0, depth, HX_UNDEFINED, HX_UNDEFINED, 0) < 0) return HX_EXCEPTION;
    return a;
}

/* ES2025 23.1.3.14 Array.prototype.flatMap ( mapper [ , thisArg ] ) */
static hx_value array_proto_flat_map(FN_ARGS) {
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value mapper = HX_ARG(0);
    if (!hx_is_callable(mapper)) return hx_throw_type_error(realm, "flatMap mapper is not a function");
    hx_value a = hx_array_species_create(realm, o, 0);
    if (hx_is_exception(a)) return a;
    if (flatten_into(realm, a, o, len, 0, 1, mapper, HX_ARG(1), 0) < 0) return HX_EXCEPTION;
    return a;
}

/* ---- sorting (ES2025 23.1.3.30) ------------------------------------------------------------ */

/* The values being sorted stay referenced from the elements of an internal
 * Array (so the collector keeps them alive while comparators run), and are
 * sorted as a C array of items (the collector does not move objects).
 * Undefined values never reach SortCompare: they sort last and are
 * appended afterwards. */
typedef struct sort_item {
    hx_value v;
    hx_value key; /* default order over primitives: flat ToString(v); else unused */
} sort_item;

typedef struct sorter {
    hx_realm *realm;
    hx_value fn; /* comparefn or undefined */
    bool keyed;  /* item keys are precomputed */
} sorter;

/* *le = SortCompare(x, y) <= 0 (ES2025 23.1.3.30.2); -1 on throw. */
static int sort_le(sorter *s, const sort_item *x, const sort_item *y, bool *le) {
    hx_realm *realm = s->realm;
    hx_runtime *rt = realm->rt;
    if (s->keyed) {
        *le = hx_string_compare(rt, hx_as_string(x->key), hx_as_string(y->key)) <= 0;
        return 0;
    }
    size_t mark = hx_handles_save(rt);
    if (!hx_is_undefined(s->fn)) {
        hx_value args[2] = {x->v, y->v};
        hx_value r = hx_call(realm, s->fn, HX_UNDEFINED, 2, args);
        if (hx_is_exception(r)) return -1;
        double d;
        if (hx_is_int(r)) d = hx_get_int(r);
        else if (hx_to_number(realm, r, &d) < 0) return -1;
        *le = !(d > 0); /* NaN counts as +0 */
    } else {
        hx_value xs = hx_to_string(realm, x->v);
        if (hx_is_exception(xs)) return -1;
        hx_value ys = hx_to_string(realm, y->v);
        if (hx_is_exception(ys)) return -1;
        *le = hx_string_compare(rt, hx_as_string(xs), hx_as_string(ys)) <= 0;
    }
    hx_handles_restore(rt, mark);
    return 0;
}

#define SORT_RUN 8

/* Stable merge sort of p[0..n); tmp has room for n items. */
static int merge_sort(sorter *s, sort_item *p, sort_item *tmp, uint32_t n) {
    for (uint32_t lo = 0; lo < n; lo += SORT_RUN) { /* insertion-sorted runs */
        uint32_t hi = n - lo < SORT_RUN ? n : lo + SORT_RUN;
        for (uint32_t i = lo + 1; i < hi; i++) {
            sort_item x = p[i];
            uint32_t j = i;
            while (j > lo) {
                bool le;
                if (sort_le(s, &p[j - 1], &x, &le) < 0) return -1;
                if (le) break;
                p[j] = p[j - 1];
                j--;
            }
            p[j] = x;
        }
    }
    sort_item *src = p, *dst = tmp;
    for (uint32_t width = SORT_RUN; width < n; width *= 2) {
        for (uint32_t lo = 0; lo < n; lo += 2 * width) {
            uint32_t mid = n - lo < width ? n : lo + width;
            uint32_t hi = n - mid < width ? n : mid + width;
            uint32_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                bool le;
                if (sort_le(s, &src[i], &src[j], &le) < 0) return -1;
                dst[k++] = le ? src[i++] : src[j++];
            }
            while (i < mid) dst[k++] = src[i++];
            while (j < hi) dst[k++] = src[j++];
            if (hx_check_interrupt(s->realm->rt)) return -1;
        }
        sort_item *t = src;
        src = dst;
        dst = t;
    }
    if (src != p) memcpy(p, src, n * sizeof(sort_item));
    return 0;
}

/* ES2025 23.1.3.30.1 SortIndexedProperties: reads the elements of o (skipping
 * holes or reading through them), sorts them, and returns them in a fresh
 * internal Array (non-undefined values sorted, then the undefineds). */
static hx_value sort_indexed_properties(hx_realm *realm, hx_value o, int64_t len, hx_value fn, bool skip_holes) {
    hx_runtime *rt = realm->rt;
    hx_value bufv = hx_array_new(realm, 0);
    if (hx_is_exception(bufv)) return bufv;
    hx_object *buf = hx_as_object(bufv);
    uint64_t undefs = 0;
    bool primitives = true;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        if (skip_holes && only_holes_from(o, k)) break;
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)k, skip_holes, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) continue;
        if (hx_is_undefined(v)) {
            undefs++;
            continue;
        }
        if (hx_is_object(v) || hx_is_symbol(v)) primitives = false;
        if (buf->elem_len >= 0x7FFFFFF0u) return hx_throw_range_error(realm, "Array too large to sort");
        if (hx_array_push(realm, buf, v) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    uint32_t n = buf->elem_len;
    sorter s = {realm, fn, false};
    hx_object *keys = NULL;
    if (hx_is_undefined(fn) && primitives && n > 1) {
        /* ToString of a primitive other than a Symbol runs no code, so the
         * strings can be computed once instead of in every comparison; they
         * stay alive in the elements of `keys`. */
        hx_value keysv = hx_array_new(realm, 0);
        if (hx_is_exception(keysv)) return keysv;
        keys = hx_as_object(keysv);
        mark = hx_handles_save(rt);
        for (uint32_t i = 0; i < n; i++) {
            hx_value str = hx_to_string(realm, buf->elems[i]);
            if (hx_is_exception(str)) return str;
            hx_string *f = hx_string_flat(rt, hx_as_string(str));
            if (!f || hx_array_push(realm, keys, hx_string_value(f)) < 0) return HX_EXCEPTION;
            hx_handles_restore(rt, mark);
        }
        s.keyed = true;
    }
    sort_item *items = NULL;
    int r = 0;
    if (n > 1) {
        items = hx_mem_alloc(rt, (size_t)n * 2 * sizeof(sort_item));
        if (!items) return HX_EXCEPTION;
        for (uint32_t i = 0; i < n; i++) {
            items[i].v = buf->elems[i];
            items[i].key = keys ? keys->elems[i] : HX_UNDEFINED;
        }
        r = merge_sort(&s, items, items + n, n);
    }
    hx_value outv = HX_EXCEPTION;
    if (r == 0) outv = hx_array_new(realm, 0);
    if (!hx_is_exception(outv)) {
        hx_object *out = hx_as_object(outv);
        uint64_t total = n + undefs;
        if (total > 0xFFFFFFF0u) outv = hx_throw_range_error(realm, "Array too large to sort");
        else if (hx_elems_reserve(rt, out, (uint32_t)total) < 0) outv = HX_EXCEPTION;
        else {
            for (uint32_t i = 0; i < n; i++) out->elems[i] = items ? items[i].v : buf->elems[i];
            for (uint64_t i = n; i < total; i++) out->elems[i] = HX_UNDEFINED;
            out->elem_len = (uint32_t)total;
        }
    }
    hx_mem_free(rt, items, n > 1 ? (size_t)n * 2 * sizeof(sort_item) : 0);
    return outv;
}

/* ES2025 23.1.3.30 Array.prototype.sort ( comparefn ) */
static hx_value array_proto_sort(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value fn = HX_ARG(0);
    if (!hx_is_undefined(fn) && !hx_is_callable(fn)) return hx_throw_type_error(realm, "The comparison function must be a function");
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value sorted = sort_indexed_properties(realm, o, len, fn, true);
    if (hx_is_exception(sorted)) return sorted;
    hx_object *so = hx_as_object(sorted);
    uint32_t count = so->elem_len;
    size_t mark = hx_handles_save(rt);
    for (uint32_t j = 0; j < count; j++) { /* step 8 */
        hx_handles_restore(rt, mark);
        if (hx_array_write(realm, o, j, so->elems[j]) < 0) return HX_EXCEPTION;
    }
    for (int64_t j = count; j < len; j++) { /* step 10: the holes move to the end */
        hx_handles_restore(rt, mark);
        if (only_holes_from(o, j)) break;
        if (hx_array_remove(realm, o, (uint64_t)j) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, j)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return o;
}

/* ES2025 23.1.3.34 Array.prototype.toSorted ( comparefn ) */
static hx_value array_proto_to_sorted(FN_ARGS) {
    hx_value fn = HX_ARG(0);
    if (!hx_is_undefined(fn) && !hx_is_callable(fn)) return hx_throw_type_error(realm, "The comparison function must be a function");
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value a = hx_array_create(realm, (double)len, NULL);
    if (hx_is_exception(a)) return a;
    hx_value sorted = sort_indexed_properties(realm, o, len, fn, false);
    if (hx_is_exception(sorted)) return sorted;
    hx_object *so = hx_as_object(sorted);
    for (uint32_t j = 0; j < so->elem_len; j++)
        if (hx_array_create_prop(realm, a, j, so->elems[j]) < 0) return HX_EXCEPTION;
    return a;
}

/* ---- iterator factories ------------------------------------------------------------------- */

/* ES2025 23.1.3.19 keys (0), 23.1.3.38 values (1), 23.1.3.5 entries (2) */
static hx_value array_proto_iterator(FN_ARGS) {
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    return hx_create_array_iterator(realm, o, magic);
}

static const hx_builtin array_iteration_table[] = {
    HX_FUNC_MAGIC("entries", array_proto_iterator, 0, 2),
    HX_FUNC_MAGIC("every", array_proto_iterate, 1, I_EVERY),
    HX_FUNC_MAGIC("filter", array_proto_iterate, 1, I_FILTER),
    HX_FUNC_MAGIC("find", array_proto_find, 1, F_FIND),
    HX_FUNC_MAGIC("findIndex", array_proto_find, 1, F_FIND_INDEX),
    HX_FUNC_MAGIC("findLast", array_proto_find, 1, F_FIND_LAST),
    HX_FUNC_MAGIC("findLastIndex", array_proto_find, 1, F_FIND_LAST_INDEX),
    HX_FUNC("flat", array_proto_flat, 0),
    HX_FUNC("flatMap", array_proto_flat_map, 1),
    HX_FUNC_MAGIC("forEach", array_proto_iterate, 1, I_FOREACH),
    HX_FUNC_MAGIC("includes", array_proto_index_of, 1, S_INCLUDES),
    HX_FUNC_MAGIC("indexOf", array_proto_index_of, 1, S_INDEX_OF),
    HX_FUNC_MAGIC("keys", array_proto_iterator, 0, 0),
    HX_FUNC("lastIndexOf", array_proto_last_index_of, 1),
    HX_FUNC_MAGIC("map", array_proto_iterate, 1, I_MAP),
    HX_FUNC_MAGIC("reduce", array_proto_reduce, 1, 0),
    HX_FUNC_MAGIC("reduceRight", array_proto_reduce, 1, 1),
    HX_FUNC_MAGIC("some", array_proto_iterate, 1, I_SOME),
    HX_FUNC("sort", array_proto_sort, 1),
    HX_FUNC("toSorted", array_proto_to_sorted, 1),
    HX_FUNC_MAGIC("values", array_proto_iterator, 0, 1),
};

int hx_array_install_iteration(hx_realm *realm, hx_object *proto) {
    hx_runtime *rt = realm->rt;
    if (HX_INSTALL(realm, proto, array_iteration_table) < 0) return -1;
    /* ES2025 23.1.3.40: Array.prototype[%Symbol.iterator%] is the same function
     * object as Array.prototype.values */
    hx_value key = hx_atom_from_cstr(rt, "values");
    if (hx_is_exception(key)) return -1;
    hx_value values = hx_get(realm, hx_object_value(proto), key);
    if (hx_is_exception(values)) return -1;
    realm->intrinsics[HX_INTR_ArrayProto_values] = values;
    return hx_define_value(realm, proto, HX_SYMBOL(rt, iterator), values, HX_PROP_BUILTIN);
}
