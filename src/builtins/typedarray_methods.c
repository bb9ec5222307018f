/*
 * typedarray_methods.c — the methods of %TypedArray%.prototype (ES2025
 * 23.2.3): iteration with callbacks, searching, copying (copyWithin, set,
 * slice, subarray), sorting and the change-array-by-copy methods.
 *
 * For a typed array O, Get(O, k) and Set(O, k, v, true) with a numeric key
 * reduce to TypedArrayGetElement / TypedArraySetElement (10.4.5.5-6), and
 * HasProperty to IsValidIntegerIndex; the methods call those directly.
 * Any callback or conversion may detach or resize the buffer, so element
 * addresses are recomputed after every call into JavaScript.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "builtins/typedarray_int.h"

/* ES2025 relative-index clamping used by slice, fill, copyWithin, ... */
static double clamp_relative(double rel, double len) {
    if (rel < 0) return rel == -INFINITY ? 0 : fmax(len + rel, 0);
    return fmin(rel, len);
}

/* ToIntegerOrInfinity with -0 normalised to +0 (the spec's result is a
 * mathematical integer; truncating -0.5 in C gives -0). */
static int to_integer(hx_realm *realm, hx_value v, double *out) {
    if (hx_to_integer_or_infinity(realm, v, out) < 0) return -1;
    *out += 0.0;
    return 0;
}

static int relative_arg(hx_realm *realm, hx_value v, double len, double dflt, double *out) {
    if (hx_is_undefined(v)) {
        *out = dflt;
        return 0;
    }
    double rel;
    if (to_integer(realm, v, &rel) < 0) return -1;
    *out = clamp_relative(rel, len);
    return 0;
}

/* ---- callbacks ------------------------------------------------------------------- */

enum { IT_EVERY, IT_SOME, IT_FOR_EACH, IT_MAP, IT_FILTER, IT_FIND, IT_FIND_INDEX, IT_FIND_LAST, IT_FIND_LAST_INDEX };
static const char *const iterate_names[] = {"every", "some", "forEach", "map", "filter",
                                            "find", "findIndex", "findLast", "findLastIndex"};

/* ES2025 23.2.3.7 every, 23.2.3.28 some, 23.2.3.15 forEach, 23.2.3.22 map,
 * 23.2.3.10 filter, 23.2.3.11-14 find / findIndex / findLast / findLastIndex */
static hx_value ta_iterate(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, iterate_names[magic]);
    if (!o) return HX_EXCEPTION;
    hx_value fn = HX_ARG(0), this_arg = HX_ARG(1);
    if (!hx_is_callable(fn))
        return hx_throw_type_error(realm, "TypedArray.prototype.%s: callback is not a function", iterate_names[magic]);
    hx_object *a = NULL, *kept = NULL;
    if (magic == IT_MAP) {
        hx_value lv = hx_number((double)len);
        hx_value av = hx_ta_species_create(realm, o, 1, &lv);
        if (hx_is_exception(av)) return av;
        a = hx_as_object(av);
    } else if (magic == IT_FILTER) {
        hx_value kv = hx_array_new(realm, 0);
        if (hx_is_exception(kv)) return kv;
        kept = hx_as_object(kv);
    }
    bool backwards = magic == IT_FIND_LAST || magic == IT_FIND_LAST_INDEX;
    for (size_t i = 0; i < len; i++) {
        size_t k = backwards ? len - 1 - i : i;
        size_t m = hx_handles_save(realm->rt);
        hx_value v = hx_ta_get_element(realm, o, (double)k);
        if (hx_is_exception(v)) return v;
        hx_value args[3] = {v, hx_number((double)k), this_value};
        hx_value r = hx_call(realm, fn, this_arg, 3, args);
        if (hx_is_exception(r)) return r;
        switch (magic) {
        case IT_EVERY:
            if (!hx_to_boolean(r)) return HX_FALSE;
            break;
        case IT_SOME:
            if (hx_to_boolean(r)) return HX_TRUE;
            break;
        case IT_MAP:
            if (hx_ta_set_element(realm, a, (double)k, r) < 0) return HX_EXCEPTION;
            break;
        case IT_FILTER:
            if (hx_to_boolean(r) && hx_array_push(realm, kept, v) < 0) return HX_EXCEPTION;
            break;
        case IT_FIND:
        case IT_FIND_LAST:
            if (hx_to_boolean(r)) return v;
            break;
        case IT_FIND_INDEX:
        case IT_FIND_LAST_INDEX:
            if (hx_to_boolean(r)) return hx_number((double)k);
            break;
        }
        hx_handles_restore(realm->rt, m);
    }
    switch (magic) {
    case IT_EVERY: return HX_TRUE;
    case IT_SOME: return HX_FALSE;
    case IT_MAP: return hx_object_value(a);
    case IT_FIND_INDEX:
    case IT_FIND_LAST_INDEX: return hx_int(-1);
    case IT_FILTER: {
        uint32_t n = kept->u.array.length;
        hx_value nv = hx_number(n);
        hx_value av = hx_ta_species_create(realm, o, 1, &nv);
        if (hx_is_exception(av)) return av;
        for (uint32_t k = 0; k < n; k++)
            if (hx_ta_set_element(realm, hx_as_object(av), k, kept->elems[k]) < 0) return HX_EXCEPTION;
        return av;
    }
    default: return HX_UNDEFINED;
    }
}

/* ES2025 23.2.3.24 reduce / 23.2.3.25 reduceRight (magic 1) */
static hx_value ta_reduce(HX_TA_FN_ARGS) {
    const char *name = magic ? "reduceRight" : "reduce";
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, name);
    if (!o) return HX_EXCEPTION;
    hx_value fn = HX_ARG(0);
    if (!hx_is_callable(fn)) return hx_throw_type_error(realm, "TypedArray.prototype.%s: callback is not a function", name);
    if (len == 0 && argc < 2)
        return hx_throw_type_error(realm, "TypedArray.prototype.%s of empty array with no initial value", name);
    size_t i = 0;
    hx_value acc;
    if (argc >= 2) acc = argv[1];
    else {
        acc = hx_ta_get_element(realm, o, magic ? (double)(len - 1) : 0);
        if (hx_is_exception(acc)) return acc;
        i = 1;
    }
    hx_value holder = hx_array_from(realm, &acc, 1); /* keeps the accumulator rooted */
    if (hx_is_exception(holder)) return holder;
    hx_object *h = hx_as_object(holder);
    for (; i < len; i++) {
        size_t k = magic ? len - 1 - i : i;
        size_t m = hx_handles_save(realm->rt);
        hx_value v = hx_ta_get_element(realm, o, (double)k);
        if (hx_is_exception(v)) return v;
        hx_value args[4] = {h->elems[0], v, hx_number((double)k), this_value};
        hx_value r = hx_call(realm, fn, HX_UNDEFINED, 4, args);
        if (hx_is_exception(r)) return r;
        HX_WRITE(h->elems[0], r);
        hx_handles_restore(realm->rt, m);
    }
    return h->elems[0];
}

/* ---- searching ------------------------------------------------------------------- */

enum { S_INDEX_OF, S_LAST_INDEX_OF, S_INCLUDES };

/* ES2025 23.2.3.17 indexOf, 23.2.3.20 lastIndexOf, 23.2.3.16 includes */
static hx_value ta_search(HX_TA_FN_ARGS) {
    static const char *const names[] = {"indexOf", "lastIndexOf", "includes"};
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, names[magic]);
    if (!o) return HX_EXCEPTION;
    hx_value target = HX_ARG(0);
    hx_value not_found = magic == S_INCLUDES ? HX_FALSE : hx_int(-1);
    if (len == 0) return not_found;
    double n, dlen = (double)len;
    if (magic == S_LAST_INDEX_OF) {
        if (argc > 1) {
            if (to_integer(realm, argv[1], &n) < 0) return HX_EXCEPTION;
        } else
            n = dlen - 1;
        if (n == -INFINITY) return not_found;
        double k = n >= 0 ? fmin(n, dlen - 1) : dlen + n;
        for (; k >= 0; k--) {
            if (!hx_ta_valid_index(o, k)) continue; /* HasProperty */
            hx_value e = hx_ta_get_element(realm, o, k);
            if (hx_is_exception(e)) return e;
            if (hx_strict_equals(realm->rt, e, target)) return hx_number(k);
        }
        return not_found;
    }
    if (to_integer(realm, HX_ARG(1), &n) < 0) return HX_EXCEPTION;
    if (n == INFINITY) return not_found;
    if (n == -INFINITY) n = 0;
    double k = n >= 0 ? n : fmax(dlen + n, 0);
    for (; k < dlen; k++) {
        size_t m = hx_handles_save(realm->rt);
        if (magic == S_INDEX_OF && !hx_ta_valid_index(o, k)) continue; /* HasProperty */
        hx_value e = hx_ta_get_element(realm, o, k);
        if (hx_is_exception(e)) return e;
        if (magic == S_INCLUDES ? hx_same_value_zero(e, target) : hx_strict_equals(realm->rt, e, target))
            return magic == S_INCLUDES ? HX_TRUE : hx_number(k);
        hx_handles_restore(realm->rt, m);
    }
    return not_found;
}

/* ES2025 23.2.3.1 %TypedArray%.prototype.at ( index ) */
static hx_value ta_at(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "at");
    if (!o) return HX_EXCEPTION;
    double rel;
    if (to_integer(realm, HX_ARG(0), &rel) < 0) return HX_EXCEPTION;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len) return HX_UNDEFINED;
    return hx_ta_get_element(realm, o, k);
}

/* ES2025 23.2.3.18 join ( separator ) and 23.2.3.31 toLocaleString (magic 1) */
static hx_value ta_join(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, magic ? "toLocaleString" : "join");
    if (!o) return HX_EXCEPTION;
    hx_string *sep = NULL;
    if (!magic && !hx_is_undefined(HX_ARG(0))) {
        hx_value s = hx_to_string(realm, argv[0]);
        if (hx_is_exception(s)) return s;
        sep = hx_string_flat(realm->rt, hx_as_string(s));
        if (!sep) return HX_EXCEPTION;
    }
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (size_t k = 0; k < len; k++) {
        size_t m = hx_handles_save(realm->rt);
        if (k > 0) {
            if (sep) hx_sb_add_string(&sb, sep);
            else hx_sb_add_unit(&sb, ',');
        }
        hx_value e = hx_ta_get_element(realm, o, (double)k);
        if (hx_is_exception(e)) goto fail;
        if (!hx_is_nullish(e)) {
            if (magic) {
                e = hx_invoke(realm, e, HX_ATOM(realm->rt, toLocaleString), 0, NULL);
                if (hx_is_exception(e)) goto fail;
            }
            hx_value s = hx_to_string(realm, e);
            if (hx_is_exception(s)) goto fail;
            hx_string *fs = hx_string_flat(realm->rt, hx_as_string(s));
            if (!fs) goto fail;
            hx_sb_add_string(&sb, fs);
        }
        hx_handles_restore(realm->rt, m);
    }
    return hx_sb_finish(&sb);
fail:
    hx_sb_free(&sb);
    return HX_EXCEPTION;
}

/* ES2025 23.2.3.6 entries, 23.2.3.19 keys, 23.2.3.35 values (magic = kind) */
static hx_value ta_iterator(HX_TA_FN_ARGS) {
    static const char *const names[] = {"keys", "values", "entries"};
    size_t len;
    if (!hx_ta_validate(realm, this_value, &len, names[magic])) return HX_EXCEPTION;
    return hx_create_array_iterator(realm, this_value, magic);
}

/* ---- in-place changes -------------------------------------------------------------- */

/* ES2025 23.2.3.9 fill ( value [ , start [ , end ] ] ) */
static hx_value ta_fill(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "fill");
    if (!o) return HX_EXCEPTION;
    hx_value v = hx_ta_to_element_value(realm, hx_ta_type_of(o), HX_ARG(0)); /* step 3 */
    if (hx_is_exception(v)) return v;
    double start, end;
    if (relative_arg(realm, HX_ARG(1), (double)len, 0, &start) < 0 ||
        relative_arg(realm, HX_ARG(2), (double)len, (double)len, &end) < 0)
        return HX_EXCEPTION;
    if (hx_ta_out_of_bounds(o)) return hx_throw_type_error(realm, "TypedArray.prototype.fill: typed array is detached or out of bounds");
    end = fmin(end, (double)hx_ta_length(o)); /* steps 12-13 */
    if (start < end) { /* step 14: the same bytes in every element */
        int type = hx_ta_type_of(o);
        size_t esize = hx_ta_elem_size[type];
        uint8_t raw[8], *p = hx_ta_addr(o, (size_t)start);
        hx_abuf_set_value(raw, type, v, hx_host_little_endian());
        for (size_t k = (size_t)start; k < (size_t)end; k++, p += esize) memcpy(p, raw, esize);
    }
    return this_value;
}

/* ES2025 23.2.3.5 copyWithin ( target, start [ , end ] ) */
static hx_value ta_copy_within(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "copyWithin");
    if (!o) return HX_EXCEPTION;
    double dlen = (double)len, to, from, fin;
    if (relative_arg(realm, HX_ARG(0), dlen, 0, &to) < 0 || relative_arg(realm, HX_ARG(1), dlen, 0, &from) < 0 ||
        relative_arg(realm, HX_ARG(2), dlen, dlen, &fin) < 0)
        return HX_EXCEPTION;
    double count = fmin(fin - from, dlen - to);
    if (count > 0) { /* step 13 */
        if (hx_ta_out_of_bounds(o))
            return hx_throw_type_error(realm, "TypedArray.prototype.copyWithin: typed array is detached or out of bounds");
        size_t esize = hx_ta_elem_size[hx_ta_type_of(o)], off = hx_view_offset(o);
        size_t limit = hx_ta_length(o) * esize + off;
        size_t to_b = (size_t)to * esize + off, from_b = (size_t)from * esize + off, nbytes = (size_t)count * esize;
        /* the buffer may have shrunk: copy only bytes below the limit (clamping the
         * count as test262 and later editions do, rather than stopping a backward
         * copy at once) */
        if (from_b >= limit || to_b >= limit) nbytes = 0;
        if (nbytes > limit - from_b) nbytes = limit - from_b;
        if (nbytes > limit - to_b) nbytes = limit - to_b;
        if (nbytes) {
            uint8_t *data = hx_abuf_of(hx_view_buffer(o))->data;
            memmove(data + to_b, data + from_b, nbytes);
        }
    }
    return this_value;
}

/* ES2025 23.2.3.26 reverse ( ) */
static hx_value ta_reverse(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "reverse");
    if (!o) return HX_EXCEPTION;
    size_t esize = hx_ta_elem_size[hx_ta_type_of(o)];
    for (size_t lo = 0, hi = len ? len - 1 : 0; lo < len / 2; lo++, hi--) {
        uint8_t t[8], *a = hx_ta_addr(o, lo), *b = hx_ta_addr(o, hi);
        memcpy(t, a, esize);
        memcpy(a, b, esize);
        memcpy(b, t, esize);
    }
    return this_value;
}

/* ES2025 23.2.3.26.2 SetTypedArrayFromTypedArray */
static hx_value set_from_typed_array(hx_realm *realm, hx_object *target, double off, hx_object *src) {
    if (hx_ta_out_of_bounds(target))
        return hx_throw_type_error(realm, "TypedArray.prototype.set: target is detached or out of bounds");
    size_t tlen = hx_ta_length(target);
    if (hx_ta_out_of_bounds(src))
        return hx_throw_type_error(realm, "TypedArray.prototype.set: source is detached or out of bounds");
    size_t slen = hx_ta_length(src);
    int ttype = hx_ta_type_of(target), stype = hx_ta_type_of(src);
    if (hx_ta_is_bigint_type(ttype) != hx_ta_is_bigint_type(stype))
        return hx_throw_type_error(realm, "TypedArray.prototype.set: cannot mix BigInt and Number typed arrays");
    if (off == INFINITY || (double)slen + off > (double)tlen)
        return hx_throw_range_error(realm, "offset is out of bounds");
    size_t tsize = hx_ta_elem_size[ttype], ssize = hx_ta_elem_size[stype];
    if (slen == 0) return HX_UNDEFINED;
    uint8_t *dst = hx_ta_addr(target, (size_t)off), *sp = hx_ta_addr(src, 0);
    if (ttype == stype || (hx_ta_is_bigint_type(ttype) && hx_ta_is_bigint_type(stype))) {
        memmove(dst, sp, slen * tsize); /* step 22; BigInt64 <-> BigUint64 keep the bits */
        return HX_UNDEFINED;
    }
    /* step 18: a copy of the source when both views share the buffer */
    uint8_t *copy = NULL;
    if (hx_view_buffer(target) == hx_view_buffer(src)) {
        copy = hx_mem_alloc(realm->rt, slen * ssize);
        if (!copy) return HX_EXCEPTION;
        memcpy(copy, sp, slen * ssize);
        sp = copy;
    }
    bool le = hx_host_little_endian();
    for (size_t k = 0; k < slen; k++) /* step 23: Number types only, no allocation */
        hx_abuf_set_value(dst + k * tsize, ttype, hx_abuf_get_value(realm, sp + k * ssize, stype, le), le);
    if (copy) hx_mem_free(realm->rt, copy, slen * ssize);
    return HX_UNDEFINED;
}

/* ES2025 23.2.3.26.1 SetTypedArrayFromArrayLike */
static hx_value set_from_array_like(hx_realm *realm, hx_object *target, double off, hx_value source) {
    if (hx_ta_out_of_bounds(target))
        return hx_throw_type_error(realm, "TypedArray.prototype.set: target is detached or out of bounds");
    size_t tlen = hx_ta_length(target);
    hx_value src = hx_to_object(realm, source);
    if (hx_is_exception(src)) return src;
    int64_t slen = hx_length_of(realm, src);
    if (slen < 0) return HX_EXCEPTION;
    if (off == INFINITY || (double)slen + off > (double)tlen)
        return hx_throw_range_error(realm, "offset is out of bounds");
    for (int64_t k = 0; k < slen; k++) {
        size_t m = hx_handles_save(realm->rt);
        hx_key key;
        if (k < 0xFFFFFFFF) key = hx_index_key((uint32_t)k);
        else {
            hx_value s = hx_number_to_string_value(realm->rt, (double)k);
            if (hx_is_exception(s)) return s;
            key = hx_key_from_string(realm->rt, s);
        }
        hx_value v = hx_get(realm, src, key);
        if (hx_is_exception(v)) return v;
        if (hx_ta_set_element(realm, target, off + (double)k, v) < 0) return HX_EXCEPTION;
        hx_handles_restore(realm->rt, m);
    }
    return HX_UNDEFINED;
}

/* ES2025 23.2.3.26 %TypedArray%.prototype.set ( source [ , offset ] ) */
static hx_value ta_set(HX_TA_FN_ARGS) {
    if (!hx_is_ta(this_value)) return hx_throw_type_error(realm, "TypedArray.prototype.set: this is not a typed array");
    double off;
    if (to_integer(realm, HX_ARG(1), &off) < 0) return HX_EXCEPTION;
    if (off < 0) return hx_throw_range_error(realm, "offset is out of bounds");
    hx_value source = HX_ARG(0);
    if (hx_is_ta(source)) return set_from_typed_array(realm, hx_as_object(this_value), off, hx_as_object(source));
    return set_from_array_like(realm, hx_as_object(this_value), off, source);
}

/* ---- copies ------------------------------------------------------------------- */

/* ES2025 23.2.3.27 slice ( start, end ) */
static hx_value ta_slice(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "slice");
    if (!o) return HX_EXCEPTION;
    double start, end;
    if (relative_arg(realm, HX_ARG(0), (double)len, 0, &start) < 0 ||
        relative_arg(realm, HX_ARG(1), (double)len, (double)len, &end) < 0)
        return HX_EXCEPTION;
    double count = fmax(end - start, 0);
    hx_value cv = hx_number(count);
    hx_value av = hx_ta_species_create(realm, o, 1, &cv);
    if (hx_is_exception(av)) return av;
    if (count > 0) {
        hx_object *a = hx_as_object(av);
        if (hx_ta_out_of_bounds(o))
            return hx_throw_type_error(realm, "TypedArray.prototype.slice: typed array is detached or out of bounds");
        end = fmin(end, (double)hx_ta_length(o));
        count = fmax(end - start, 0);
        int stype = hx_ta_type_of(o), ttype = hx_ta_type_of(a);
        if (stype == ttype) { /* step 12.g: byte copy, front to back */
            size_t esize = hx_ta_elem_size[stype];
            uint8_t *sd = hx_abuf_of(hx_view_buffer(o))->data, *td = hx_abuf_of(hx_view_buffer(a))->data;
            size_t si = (size_t)start * esize + hx_view_offset(o), ti = hx_view_offset(a);
            size_t n = (size_t)count * esize;
            for (size_t i = 0; i < n; i++) td[ti + i] = sd[si + i];
        } else {
            for (double k = start, n = 0; k < end; k++, n++) {
                size_t m = hx_handles_save(realm->rt);
                hx_value v = hx_ta_get_element(realm, o, k);
                if (hx_is_exception(v) || hx_ta_set_element(realm, a, n, v) < 0) return HX_EXCEPTION;
                hx_handles_restore(realm->rt, m);
            }
        }
    }
    return av;
}

/* ES2025 23.2.3.30 subarray ( start, end ) */
static hx_value ta_subarray(HX_TA_FN_ARGS) {
    if (!hx_is_ta(this_value)) return hx_throw_type_error(realm, "TypedArray.prototype.subarray: this is not a typed array");
    hx_object *o = hx_as_object(this_value);
    hx_value buffer = o->u.data.slots[0];
    double len = hx_ta_out_of_bounds(o) ? 0 : (double)hx_ta_length(o);
    double start, end;
    if (relative_arg(realm, HX_ARG(0), len, 0, &start) < 0) return HX_EXCEPTION;
    size_t esize = hx_ta_elem_size[hx_ta_type_of(o)];
    double begin = (double)hx_view_offset(o) + start * esize;
    hx_value args[3] = {buffer, hx_number(begin), HX_UNDEFINED};
    if (hx_view_tracking(o) && hx_is_undefined(HX_ARG(1)))
        return hx_ta_species_create(realm, o, 2, args);
    if (relative_arg(realm, HX_ARG(1), len, len, &end) < 0) return HX_EXCEPTION;
    args[2] = hx_number(fmax(end - start, 0));
    return hx_ta_species_create(realm, o, 3, args);
}

/* ---- sorting ------------------------------------------------------------------------ */

/* ES2025 23.2.4.7 CompareTypedArrayElements: *out < 0 when x sorts first. */
static int compare_elements(hx_realm *realm, hx_value cmp, hx_value x, hx_value y, double *out) {
    if (!hx_is_undefined(cmp)) {
        hx_value args[2] = {x, y};
        hx_value r = hx_call(realm, cmp, HX_UNDEFINED, 2, args);
        if (hx_is_exception(r)) return -1;
        double v;
        if (hx_to_number(realm, r, &v) < 0) return -1;
        *out = v != v ? 0 : v;
        return 0;
    }
    if (hx_is_bigint(x)) {
        *out = hx_bigint_compare(x, y);
        return 0;
    }
    double a = hx_to_double_fast(x), b = hx_to_double_fast(y);
    if (a != a) *out = b != b ? 0 : 1;
    else if (b != b) *out = -1;
    else if (a < b) *out = -1;
    else if (a > b) *out = 1;
    else if (a == 0 && b == 0) *out = signbit(a) && !signbit(b) ? -1 : (!signbit(a) && signbit(b) ? 1 : 0);
    else *out = 0;
    return 0;
}

/* A stable merge sort of vals[0..n) (the caller keeps them rooted). */
static int merge_sort(hx_realm *realm, hx_value *vals, hx_value *tmp, size_t n, hx_value cmp) {
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                double c;
                if (compare_elements(realm, cmp, vals[i], vals[j], &c) < 0) return -1;
                tmp[k++] = c <= 0 ? vals[i++] : vals[j++];
            }
            while (i < mid) tmp[k++] = vals[i++];
            while (j < hi) tmp[k++] = vals[j++];
        }
        memcpy(vals, tmp, n * sizeof(hx_value));
    }
    return 0;
}

/* SortIndexedProperties (23.1.3.30.1) then writes the result into dst
 * (Set(dst, j, sorted[j], true)). */
static hx_value sort_into(hx_realm *realm, hx_object *src, size_t len, hx_value cmp, hx_object *dst) {
    hx_runtime *rt = realm->rt;
    if (len == 0) return hx_object_value(dst);
    hx_value *vals = hx_mem_alloc(rt, 2 * len * sizeof(hx_value));
    if (!vals) return HX_EXCEPTION;
    hx_value result = hx_object_value(dst);
    for (size_t k = 0; k < len; k++) {
        vals[k] = hx_ta_get_element(realm, src, (double)k);
        if (hx_is_exception(vals[k])) {
            result = HX_EXCEPTION;
            goto done;
        }
        if (hx_is_heap(vals[k])) hx_handles_push(rt, vals[k]); /* BigInts stay rooted */
    }
    if (merge_sort(realm, vals, vals + len, len, cmp) < 0) {
        result = HX_EXCEPTION;
        goto done;
    }
    for (size_t j = 0; j < len; j++) hx_ta_store(dst, (double)j, vals[j]);
done:
    hx_mem_free(rt, vals, 2 * len * sizeof(hx_value));
    return result;
}

/* ES2025 23.2.3.29 sort ( comparator ) */
static hx_value ta_sort(HX_TA_FN_ARGS) {
    hx_value cmp = HX_ARG(0);
    if (!hx_is_undefined(cmp) && !hx_is_callable(cmp))
        return hx_throw_type_error(realm, "TypedArray.prototype.sort: comparator must be a function");
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "sort");
    if (!o) return HX_EXCEPTION;
    return sort_into(realm, o, len, cmp, o);
}

/* ES2025 23.2.3.34 toSorted ( comparator ) */
static hx_value ta_to_sorted(HX_TA_FN_ARGS) {
    hx_value cmp = HX_ARG(0);
    if (!hx_is_undefined(cmp) && !hx_is_callable(cmp))
        return hx_throw_type_error(realm, "TypedArray.prototype.toSorted: comparator must be a function");
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "toSorted");
    if (!o) return HX_EXCEPTION;
    hx_value av = hx_ta_create_same_type(realm, o, len);
    if (hx_is_exception(av)) return av;
    return sort_into(realm, o, len, cmp, hx_as_object(av));
}

/* ES2025 23.2.3.33 toReversed ( ) */
static hx_value ta_to_reversed(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "toReversed");
    if (!o) return HX_EXCEPTION;
    hx_value av = hx_ta_create_same_type(realm, o, len);
    if (hx_is_exception(av)) return av;
    for (size_t k = 0; k < len; k++) {
        size_t m = hx_handles_save(realm->rt);
        hx_value v = hx_ta_get_element(realm, o, (double)(len - 1 - k));
        if (hx_is_exception(v)) return v;
        hx_ta_store(hx_as_object(av), (double)k, v);
        hx_handles_restore(realm->rt, m);
    }
    return av;
}

/* ES2025 23.2.3.36 with ( index, value ) */
static hx_value ta_with(HX_TA_FN_ARGS) {
    size_t len;
    hx_object *o = hx_ta_validate(realm, this_value, &len, "with");
    if (!o) return HX_EXCEPTION;
    double rel;
    if (to_integer(realm, HX_ARG(0), &rel) < 0) return HX_EXCEPTION;
    double actual = rel >= 0 ? rel : (double)len + rel;
    hx_value num = hx_ta_to_element_value(realm, hx_ta_type_of(o), HX_ARG(1)); /* step 7 */
    if (hx_is_exception(num)) return num;
    if (!hx_ta_valid_index(o, actual)) return hx_throw_range_error(realm, "TypedArray.prototype.with: index out of range");
    hx_value av = hx_ta_create_same_type(realm, o, len);
    if (hx_is_exception(av)) return av;
    for (size_t k = 0; k < len; k++) {
        size_t m = hx_handles_save(realm->rt);
        hx_value v = (double)k == actual ? num : hx_ta_get_element(realm, o, (double)k);
        if (hx_is_exception(v)) return v;
        hx_ta_store(hx_as_object(av), (double)k, v);
        hx_handles_restore(realm->rt, m);
    }
    return av;
}

static const hx_builtin methods[] = {
    HX_FUNC("at", ta_at, 1),
    HX_FUNC("copyWithin", ta_copy_within, 2),
    HX_FUNC_MAGIC("entries", ta_iterator, 0, 2),
    HX_FUNC_MAGIC("every", ta_iterate, 1, IT_EVERY),
    HX_FUNC("fill", ta_fill, 1),
    HX_FUNC_MAGIC("filter", ta_iterate, 1, IT_FILTER),
    HX_FUNC_MAGIC("find", ta_iterate, 1, IT_FIND),
    HX_FUNC_MAGIC("findIndex", ta_iterate, 1, IT_FIND_INDEX),
    HX_FUNC_MAGIC("findLast", ta_iterate, 1, IT_FIND_LAST),
    HX_FUNC_MAGIC("findLastIndex", ta_iterate, 1, IT_FIND_LAST_INDEX),
    HX_FUNC_MAGIC("forEach", ta_iterate, 1, IT_FOR_EACH),
    HX_FUNC_MAGIC("includes", ta_search, 1, S_INCLUDES),
    HX_FUNC_MAGIC("indexOf", ta_search, 1, S_INDEX_OF),
    HX_FUNC("join", ta_join, 1),
    HX_FUNC_MAGIC("keys", ta_iterator, 0, 0),
    HX_FUNC_MAGIC("lastIndexOf", ta_search, 1, S_LAST_INDEX_OF),
    HX_FUNC_MAGIC("map", ta_iterate, 1, IT_MAP),
    HX_FUNC_MAGIC("reduce", ta_reduce, 1, 0),
    HX_FUNC_MAGIC("reduceRight", ta_reduce, 1, 1),
    HX_FUNC("reverse", ta_reverse, 0),
    HX_FUNC("set", ta_set, 1),
    HX_FUNC("slice", ta_slice, 2),
    HX_FUNC_MAGIC("some", ta_iterate, 1, IT_SOME),
    HX_FUNC("sort", ta_sort, 1),
    HX_FUNC("subarray", ta_subarray, 2),
    HX_FUNC_MAGIC("toLocaleString", ta_join, 0, 1),
    HX_FUNC("toReversed", ta_to_reversed, 0),
    HX_FUNC("toSorted", ta_to_sorted, 1),
    HX_FUNC_MAGIC("values", ta_iterator, 0, 1),
    HX_FUNC("with", ta_with, 2),
};

/* Installs the methods; toString is %Array.prototype.toString% (23.2.3.32)
 * and %Symbol.iterator% is the values function (23.2.3.37). */
int hx_ta_install_methods(hx_realm *realm, hx_object *proto) {
    hx_runtime *rt = realm->rt;
    if (HX_INSTALL(realm, proto, methods) < 0) return -1;
    hx_value values = hx_get(realm, hx_object_value(proto), hx_atom_from_cstr(rt, "values"));
    if (hx_is_exception(values) ||
        hx_define_value(realm, proto, HX_SYMBOL(rt, iterator), values, HX_PROP_BUILTIN) < 0)
        return -1;
    hx_value ts = HX_INTR(realm, ArrayProto_toString);
    if (hx_is_object(ts) && hx_define_value(realm, proto, HX_ATOM(rt, toString), ts, HX_PROP_BUILTIN) < 0) return -1;
    return 0;
}
