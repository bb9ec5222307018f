/*
 * array.c — the Array constructor and its statics (ES2025 23.1.1, 23.1.2),
 * Array.prototype as an Array exotic object with the mutating, copying and
 * string-conversion methods (23.1.3), ArraySpeciesCreate, and the element
 * helpers shared with array_iteration.c.
 *
 * Every method works on any array-like `this` with exactly the spec's
 * observable operations; dense-array shortcuts are taken only where
 * hx_array_fast_reads (and the extensibility / writable-length checks next
 * to each shortcut) prove that no getter, setter or proxy could notice.
 */
#include <math.h>
#include <string.h>
#include "builtins/array_int.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* ---- element helpers ---------------------------------------------------------- */

hx_key hx_array_index_key(hx_realm *realm, uint64_t k) {
    if (k < 0xFFFFFFFFull) return hx_index_key((uint32_t)k);
    hx_value s = hx_number_to_string_value(realm->rt, (double)k);
    if (hx_is_exception(s)) return s;
    return hx_key_from_string(realm->rt, s);
}

bool hx_array_fast_reads(hx_value v) {
    if (!hx_is_array_obj(v)) return false;
    hx_object *o = hx_as_object(v);
    if (o->hdr.flags & HX_OBJ_SPARSE) return false;
    int depth = 0;
    for (hx_object *p = o->shape->proto; p; p = p->shape->proto) {
        hx_class_id c = hx_class_of(p);
        if ((c != HX_CLASS_OBJECT && c != HX_CLASS_ARRAY) || ++depth > 8) return false;
        if (p->elem_len || (p->hdr.flags & (HX_OBJ_HAS_INDEX_PROPS | HX_OBJ_SPARSE))) return false;
    }
    return true;
}

int hx_array_read(hx_realm *realm, hx_value o, uint64_t k, bool skip_holes, hx_value *out) {
    if (k < 0xFFFFFFFFull && hx_array_fast_reads(o)) {
        hx_object *a = hx_as_object(o);
        if (k < a->elem_len && a->elems[k] != HX_HOLE) {
            /* rooted like any [[Get]] result: the caller may remove it from o */
            *out = a->elems[k];
            if (hx_is_heap(*out)) hx_handles_push(realm->rt, *out);
            return 1;
        }
        if (skip_holes) return 0;
        *out = HX_UNDEFINED; /* a hole, and nothing on the prototype chain */
        return 1;
    }
    hx_key key = hx_array_index_key(realm, k);
    if (hx_is_exception(key)) return -1;
    if (skip_holes) {
        int h = hx_has_property(realm, hx_as_object(o), key);
        if (h <= 0) return h;
    }
    hx_value v = hx_get(realm, o, key);
    if (hx_is_exception(v)) return -1;
    *out = v;
    return 1;
}

/* An own, present dense element of a non-sparse array is a writable data
 * property: Set and CreateDataProperty only replace its value. */
static bool own_dense_elem(hx_value o, uint64_t k) {
    if (!hx_is_array_obj(o)) return false;
    hx_object *a = hx_as_object(o);
    return !(a->hdr.flags & (HX_OBJ_SPARSE | HX_OBJ_FROZEN_ELEMS)) && k < a->elem_len && a->elems[k] != HX_HOLE;
}

int hx_array_write(hx_realm *realm, hx_value o, uint64_t k, hx_value v) {
    if (own_dense_elem(o, k)) {
        HX_WRITE(hx_as_object(o)->elems[k], v);
        return 0;
    }
    hx_key key = hx_array_index_key(realm, k);
    if (hx_is_exception(key)) return -1;
    return hx_set(realm, o, key, v, true) < 0 ? -1 : 0;
}

int hx_array_create_prop(hx_realm *realm, hx_value o, uint64_t k, hx_value v) {
    if (hx_is_array_obj(o)) {
        hx_object *a = hx_as_object(o);
        uint32_t fl = a->hdr.flags;
        if (!(fl & (HX_OBJ_SPARSE | HX_OBJ_FROZEN_ELEMS)) && (fl & HX_OBJ_EXTENSIBLE) && k < 0xFFFFFFFEull) {
            if (k < a->elem_len) { /* present (writable, configurable) or a hole */
                HX_WRITE(a->elems[k], v);
                return 0;
            }
            if (k == a->elem_len && k < a->u.array.length) { /* inside length: no length change */
                if (hx_elems_reserve(realm->rt, a, (uint32_t)k + 1) < 0) return -1;
                HX_WRITE(a->elems[k], v);
                a->elem_len++;
                return 0;
            }
        }
    }
    hx_key key = hx_array_index_key(realm, k);
    if (hx_is_exception(key)) return -1;
    return hx_create_data_property_or_throw(realm, hx_as_object(o), key, v) < 0 ? -1 : 0;
}

int hx_array_remove(hx_realm *realm, hx_value o, uint64_t k) {
    hx_key key = hx_array_index_key(realm, k);
    if (hx_is_exception(key)) return -1;
    return hx_delete(realm, hx_as_object(o), key, true) < 0 ? -1 : 0;
}

int hx_array_put_length(hx_realm *realm, hx_value o, double len) {
    return hx_set(realm, o, HX_ATOM(realm->rt, length), hx_number(len), true) < 0 ? -1 : 0;
}

void hx_array_trim_holes(hx_object *a) {
    while (a->elem_len && a->elems[a->elem_len - 1] == HX_HOLE) a->elem_len--;
}

/* ES2025 10.4.2.2 ArrayCreate */
hx_value hx_array_create(hx_realm *realm, double len, hx_object *proto) {
    hx_runtime *rt = realm->rt;
    if (len > 4294967295.0) return hx_throw_range_error(realm, "Invalid array length");
    uint32_t n = (uint32_t)len;
    if (!proto || proto == HX_INTR_OBJ(realm, ArrayPrototype)) return hx_array_new(realm, n);
    /* same layout as hx_array_new: "length" is the first own property (slot 0) */
    hx_shape *root = hx_shape_root(rt, proto);
    if (!root) return HX_EXCEPTION;
    hx_shape *sh = hx_shape_add(rt, root, HX_ATOM(rt, length), HX_PROP_WRITABLE);
    if (!sh) return HX_EXCEPTION;
    hx_object *a = hx_object_new_shape(rt, sh, HX_CLASS_ARRAY);
    if (!a) return HX_EXCEPTION;
    a->u.array.length = n;
    a->slots[0] = hx_number((double)n);
    return hx_object_value(a);
}

/* ES2025 10.4.2.3 ArraySpeciesCreate */
hx_value hx_array_species_create_ex(hx_realm *realm, hx_value original, double length, bool *plain) {
    hx_runtime *rt = realm->rt;
    *plain = false;
    bool is_array;
    if (!hx_is_array(realm, original, &is_array)) return HX_EXCEPTION; /* step 1 */
    if (!is_array) {                                                 /* step 2 */
        *plain = true;
        return hx_array_create(realm, length, NULL);
    }
    hx_value c = hx_get(realm, original, HX_ATOM(rt, constructor)); /* step 3 */
    if (hx_is_exception(c)) return c;
    if (hx_is_constructor(c)) { /* step 4 */
        hx_realm *rc = hx_function_realm(realm, hx_as_object(c));
        if (!rc) return HX_EXCEPTION;
        if (rc != realm && c == rc->intrinsics[HX_INTR_Array]) c = HX_UNDEFINED;
    }
    if (hx_is_object(c)) { /* step 5 */
        c = hx_get(realm, c, HX_SYMBOL(rt, species));
        if (hx_is_exception(c)) return c;
        if (hx_is_null(c)) c = HX_UNDEFINED;
    }
    if (hx_is_undefined(c)) { /* step 6 */
        *plain = true;
        return hx_array_create(realm, length, NULL);
    }
    if (!hx_is_constructor(c)) return hx_throw_type_error(realm, "object.constructor[Symbol.species] is not a constructor");
    hx_value arg = hx_number(length);
    return hx_construct(realm, c, 1, &arg, c); /* step 8 */
}

hx_value hx_array_species_create(hx_realm *realm, hx_value original, double length) {
    bool plain;
    return hx_array_species_create_ex(realm, original, length, &plain);
}

int hx_array_relative_index(hx_realm *realm, hx_value v, int64_t len, int64_t *out) {
    double rel;
    if (hx_to_integer_or_infinity(realm, v, &rel) < 0) return -1;
    if (rel < 0) {
        double r = (double)len + rel;
        *out = r < 0 ? 0 : (int64_t)r;
    } else
        *out = rel > (double)len ? len : (int64_t)rel;
    return 0;
}

/* ToObject(this) and LengthOfArrayLike, the first two steps of most methods. */
static hx_value object_and_length(hx_realm *realm, hx_value this_value, int64_t *len) {
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    *len = hx_length_of(realm, o);
    return *len < 0 ? HX_EXCEPTION : o;
}

/* ---- the constructor and its statics ------------------------------------------ */

/* ES2025 23.1.1.1 Array ( ...values ) */
static hx_value array_ctor(FN_ARGS) {
    hx_value nt = new_target;
    if (hx_is_undefined(nt)) { /* step 1: the active function object */
        hx_object *self = hx_current_native(realm->rt);
        nt = self ? hx_object_value(self) : HX_INTR(realm, Array);
    }
    hx_value proto = hx_get_prototype_from_constructor(realm, nt, HX_INTR_ArrayPrototype);
    if (hx_is_exception(proto)) return proto;
    hx_object *p = hx_as_object(proto);
    if (argc == 0) return hx_array_create(realm, 0, p);
    if (argc == 1) {
        hx_value len = argv[0];
        if (!hx_is_number(len)) {
            hx_value a = hx_array_create(realm, 0, p);
            if (hx_is_exception(a) || hx_array_create_prop(realm, a, 0, len) < 0) return HX_EXCEPTION;
            if (hx_array_put_length(realm, a, 1) < 0) return HX_EXCEPTION;
            return a;
        }
        double d = hx_to_double_fast(len);
        uint32_t int_len = (uint32_t)hx_double_to_int32(d);
        if ((double)int_len != d) return hx_throw_range_error(realm, "Invalid array length");
        return hx_array_create(realm, int_len, p);
    }
    hx_value a = hx_array_create(realm, argc, p);
    if (hx_is_exception(a)) return a;
    for (int k = 0; k < argc; k++)
        if (hx_array_create_prop(realm, a, (uint64_t)k, argv[k]) < 0) return HX_EXCEPTION;
    return a;
}

/* The `this` constructor of Array.from / Array.of, or ArrayCreate. */
static hx_value construct_this(hx_realm *realm, hx_value c, bool with_len, double len) {
    if (hx_is_constructor(c)) {
        hx_value arg = hx_number(len);
        return hx_construct(realm, c, with_len ? 1 : 0, &arg, c);
    }
    return hx_array_create(realm, with_len ? len : 0, NULL);
}

/* ES2025 23.1.2.1 Array.from ( items [ , mapper [ , thisArg ] ] ) */
static hx_value array_from(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value c = this_value, items = HX_ARG(0), mapfn = HX_ARG(1), this_arg = HX_ARG(2);
    bool mapping = !hx_is_undefined(mapfn);
    if (mapping && !hx_is_callable(mapfn)) return hx_throw_type_error(realm, "Array.from: mapper is not a function");
    hx_value using_iter = hx_get_method(realm, items, HX_SYMBOL(rt, iterator)); /* step 4 */
    if (hx_is_exception(using_iter)) return using_iter;
    if (!hx_is_undefined(using_iter)) { /* step 5 */
        hx_value a = construct_this(realm, c, false, 0);
        if (hx_is_exception(a)) return a;
        hx_iter it;
        if (hx_get_iterator_from_method(realm, items, using_iter, &it) < 0) return HX_EXCEPTION;
        size_t mark = hx_handles_save(rt);
        for (uint64_t k = 0;; k++) {
            hx_handles_restore(rt, mark);
            if ((double)k >= HX_MAX_SAFE_INTEGER) {
                hx_throw_type_error(realm, "Array.from: too many elements");
                return hx_iter_close(realm, &it, HX_EXCEPTION);
            }
            hx_value next;
            int r = hx_iter_step(realm, &it, &next);
            if (r < 0) return HX_EXCEPTION;
            if (r == 0) {
                if (hx_array_put_length(realm, a, (double)k) < 0) return HX_EXCEPTION;
                return a;
            }
            hx_value v = next;
            if (mapping) {
                hx_value args[2] = {next, hx_number((double)k)};
                v = hx_call(realm, mapfn, this_arg, 2, args);
                if (hx_is_exception(v)) return hx_iter_close(realm, &it, HX_EXCEPTION);
            }
            if (hx_array_create_prop(realm, a, k, v) < 0) return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
    }
    hx_value array_like = hx_to_object(realm, items); /* step 7 */
    if (hx_is_exception(array_like)) return array_like;
    int64_t len = hx_length_of(realm, array_like);
    if (len < 0) return HX_EXCEPTION;
    hx_value a = construct_this(realm, c, true, (double)len);
    if (hx_is_exception(a)) return a;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        if (hx_array_read(realm, array_like, (uint64_t)k, false, &v) < 0) return HX_EXCEPTION;
        if (mapping) {
            hx_value args[2] = {v, hx_number((double)k)};
            v = hx_call(realm, mapfn, this_arg, 2, args);
            if (hx_is_exception(v)) return v;
        }
        if (hx_array_create_prop(realm, a, (uint64_t)k, v) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    if (hx_array_put_length(realm, a, (double)len) < 0) return HX_EXCEPTION;
    return a;
}

/* ES2025 23.1.2.3 Array.of ( ...items ) */
static hx_value array_of(FN_ARGS) {
    hx_value a = construct_this(realm, this_value, true, argc);
    if (hx_is_exception(a)) return a;
    for (int k = 0; k < argc; k++)
        if (hx_array_create_prop(realm, a, (uint64_t)k, argv[k]) < 0) return HX_EXCEPTION;
    if (hx_array_put_length(realm, a, argc) < 0) return HX_EXCEPTION;
    return a;
}

/* ES2025 23.1.2.2 Array.isArray ( arg ) */
static hx_value array_is_array(FN_ARGS) {
    bool is_array;
    if (!hx_is_array(realm, HX_ARG(0), &is_array)) return HX_EXCEPTION;
    return hx_bool(is_array);
}

/* ES2025 23.1.2.5 get Array [ %Symbol.species% ] */
static hx_value array_species(FN_ARGS) { return this_value; }

/* ---- element access and copying -------------------------------------------------- */

/* ES2025 23.1.3.1 Array.prototype.at ( index ) */
static hx_value array_proto_at(FN_ARGS) {
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    double rel;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &rel) < 0) return HX_EXCEPTION;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len) return HX_UNDEFINED;
    hx_value v;
    if (hx_array_read(realm, o, (uint64_t)k, false, &v) < 0) return HX_EXCEPTION;
    return v;
}

/* ES2025 23.1.3.2.1 IsConcatSpreadable; 1, 0 or -1 */
static int is_concat_spreadable(hx_realm *realm, hx_value o) {
    if (!hx_is_object(o)) return 0;
    hx_value s = hx_get(realm, o, HX_SYMBOL(realm->rt, isConcatSpreadable));
    if (hx_is_exception(s)) return -1;
    if (!hx_is_undefined(s)) return hx_to_boolean(s);
    bool is_array;
    if (!hx_is_array(realm, o, &is_array)) return -1;
    return is_array;
}

/* ES2025 23.1.3.2 Array.prototype.concat ( ...items ) */
static hx_value array_proto_concat(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    bool plain;
    hx_value a = hx_array_species_create_ex(realm, o, 0, &plain);
    if (hx_is_exception(a)) return a;
    uint64_t n = 0;
    for (int i = -1; i < argc; i++) {
        hx_value e = i < 0 ? o : argv[i];
        int spreadable = is_concat_spreadable(realm, e);
        if (spreadable < 0) return HX_EXCEPTION;
        if (!spreadable) {
            if ((double)n >= HX_MAX_SAFE_INTEGER) return hx_throw_type_error(realm, "concat: result is too long");
            if (hx_array_create_prop(realm, a, n, e) < 0) return HX_EXCEPTION;
            n++;
            continue;
        }
        int64_t len = hx_length_of(realm, e);
        if (len < 0) return HX_EXCEPTION;
        if ((double)n + (double)len > HX_MAX_SAFE_INTEGER) return hx_throw_type_error(realm, "concat: result is too long");
        size_t mark = hx_handles_save(rt);
        for (int64_t k = 0; k < len; k++, n++) {
            hx_handles_restore(rt, mark);
            if (hx_array_fast_reads(e)) { /* skip a run of trailing holes at once */
                hx_object *eo = hx_as_object(e);
                if ((uint64_t)k >= eo->elem_len) {
                    n += (uint64_t)(len - k);
                    break;
                }
            }
            hx_value v;
            int r = hx_array_read(realm, e, (uint64_t)k, true, &v);
            if (r < 0) return HX_EXCEPTION;
            if (r && hx_array_create_prop(realm, a, n, v) < 0) return HX_EXCEPTION;
            if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
        }
        hx_handles_restore(rt, mark);
    }
    if (hx_array_put_length(realm, a, (double)n) < 0) return HX_EXCEPTION;
    return a;
}

/* ES2025 23.1.3.4 Array.prototype.copyWithin ( target, start [ , end ] ) */
static hx_value array_proto_copy_within(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len, to, from, fin;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (hx_array_relative_index(realm, HX_ARG(0), len, &to) < 0) return HX_EXCEPTION;
    if (hx_array_relative_index(realm, HX_ARG(1), len, &from) < 0) return HX_EXCEPTION;
    fin = len;
    if (!hx_is_undefined(HX_ARG(2)) && hx_array_relative_index(realm, HX_ARG(2), len, &fin) < 0) return HX_EXCEPTION;
    int64_t count = fin - from < len - to ? fin - from : len - to;
    int64_t dir = 1;
    if (from < to && to < from + count) {
        dir = -1;
        from += count - 1;
        to += count - 1;
    }
    size_t mark = hx_handles_save(rt);
    for (; count > 0; count--, from += dir, to += dir) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)from, true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r ? hx_array_write(realm, o, (uint64_t)to, v) < 0 : hx_array_remove(realm, o, (uint64_t)to) < 0)
            return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, count)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return o;
}

/* ES2025 23.1.3.7 Array.prototype.fill ( value [ , start [ , end ] ] ) */
static hx_value array_proto_fill(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len, k, fin;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (hx_array_relative_index(realm, HX_ARG(1), len, &k) < 0) return HX_EXCEPTION;
    fin = len;
    if (!hx_is_undefined(HX_ARG(2)) && hx_array_relative_index(realm, HX_ARG(2), len, &fin) < 0) return HX_EXCEPTION;
    hx_value v = HX_ARG(0);
    size_t mark = hx_handles_save(rt);
    for (; k < fin; k++) {
        hx_handles_restore(rt, mark);
        if (hx_array_write(realm, o, (uint64_t)k, v) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return o;
}

/* ES2025 23.1.3.28 Array.prototype.slice ( start, end ) */
static hx_value array_proto_slice(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len, k, fin;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (hx_array_relative_index(realm, HX_ARG(0), len, &k) < 0) return HX_EXCEPTION;
    fin = len;
    if (!hx_is_undefined(HX_ARG(1)) && hx_array_relative_index(realm, HX_ARG(1), len, &fin) < 0) return HX_EXCEPTION;
    int64_t count = fin - k > 0 ? fin - k : 0;
    bool plain;
    hx_value a = hx_array_species_create_ex(realm, o, (double)count, &plain);
    if (hx_is_exception(a)) return a;
    if (plain && hx_array_fast_reads(o)) {
        /* A fresh Array and a source whose reads run no code: copy the
         * elements, holes included (HasProperty is false exactly for holes). */
        hx_object *src = hx_as_object(o), *dst = hx_as_object(a);
        int64_t end = fin < (int64_t)src->elem_len ? fin : (int64_t)src->elem_len;
        if (end > k) {
            if (hx_elems_reserve(rt, dst, (uint32_t)(end - k)) < 0) return HX_EXCEPTION;
            memcpy(dst->elems, src->elems + k, (size_t)(end - k) * sizeof(hx_value));
            dst->elem_len = (uint32_t)(end - k);
            hx_array_trim_holes(dst);
        }
        return a;
    }
    uint64_t n = 0;
    size_t mark = hx_handles_save(rt);
    for (; k < fin; k++, n++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)k, true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r && hx_array_create_prop(realm, a, n, v) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    if (hx_array_put_length(realm, a, (double)n) < 0) return HX_EXCEPTION;
    return a;
}

/* ---- stack and queue operations ---------------------------------------------------- */

/* True when o is an Array whose elements can be moved in place: reads are
 * unobservable, elements are plain writable data, new ones may be added and
 * "length" is writable. */
static bool movable_array(hx_value o) {
    if (!hx_array_fast_reads(o)) return false;
    uint32_t fl = hx_as_object(o)->hdr.flags;
    return (fl & HX_OBJ_EXTENSIBLE) && !(fl & (HX_OBJ_FROZEN_ELEMS | HX_OBJ_ARRAY_LENGTH_RO));
}

/* ES2025 23.1.3.22 Array.prototype.pop ( ) */
static hx_value array_proto_pop(FN_ARGS) {
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (len == 0) return hx_array_put_length(realm, o, 0) < 0 ? HX_EXCEPTION : HX_UNDEFINED;
    hx_value v;
    if (hx_array_read(realm, o, (uint64_t)len - 1, false, &v) < 0) return HX_EXCEPTION;
    if (hx_array_remove(realm, o, (uint64_t)len - 1) < 0) return HX_EXCEPTION;
    if (hx_array_put_length(realm, o, (double)(len - 1)) < 0) return HX_EXCEPTION;
    return v;
}

/* ES2025 23.1.3.23 Array.prototype.push ( ...items ) */
static hx_value array_proto_push(FN_ARGS) {
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if ((double)len + argc > HX_MAX_SAFE_INTEGER) return hx_throw_type_error(realm, "push: array is too long");
    if (movable_array(o) && len + argc < 0xFFFFFFFEll && hx_as_object(o)->elem_len == (uint64_t)len) {
        /* Set(O, k) of a new index on such an array is CreateDataProperty,
         * which hx_array_push performs (and the final length Set is a no-op) */
        for (int i = 0; i < argc; i++)
            if (hx_array_push(realm, hx_as_object(o), argv[i]) < 0) return HX_EXCEPTION;
        return hx_number((double)(len + argc));
    }
    for (int i = 0; i < argc; i++, len++)
        if (hx_array_write(realm, o, (uint64_t)len, argv[i]) < 0) return HX_EXCEPTION;
    if (hx_array_put_length(realm, o, (double)len) < 0) return HX_EXCEPTION;
    return hx_number((double)len);
}

/* ES2025 23.1.3.26 Array.prototype.reverse ( ) */
static hx_value array_proto_reverse(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (movable_array(o) && hx_as_object(o)->elem_len == (uint64_t)len) {
        /* swapping holes too is what the spec's Set/Delete pairs amount to */
        hx_object *a = hx_as_object(o);
        for (uint32_t lo = 0, hi = (uint32_t)len; lo + 1 < hi; lo++, hi--) {
            hx_value t = a->elems[lo];
            a->elems[lo] = a->elems[hi - 1];
            a->elems[hi - 1] = t;
        }
        hx_array_trim_holes(a);
        return o;
    }
    int64_t middle = len / 2;
    size_t mark = hx_handles_save(rt);
    for (int64_t lower = 0; lower != middle; lower++) {
        hx_handles_restore(rt, mark);
        int64_t upper = len - lower - 1;
        hx_value lv = HX_UNDEFINED, uv = HX_UNDEFINED;
        int le = hx_array_read(realm, o, (uint64_t)lower, true, &lv);
        if (le < 0) return HX_EXCEPTION;
        int ue = hx_array_read(realm, o, (uint64_t)upper, true, &uv);
        if (ue < 0) return HX_EXCEPTION;
        if (le && ue) {
            if (hx_array_write(realm, o, (uint64_t)lower, uv) < 0 || hx_array_write(realm, o, (uint64_t)upper, lv) < 0)
                return HX_EXCEPTION;
        } else if (ue) {
            if (hx_array_write(realm, o, (uint64_t)lower, uv) < 0 || hx_array_remove(realm, o, (uint64_t)upper) < 0)
                return HX_EXCEPTION;
        } else if (le) {
            if (hx_array_remove(realm, o, (uint64_t)lower) < 0 || hx_array_write(realm, o, (uint64_t)upper, lv) < 0)
                return HX_EXCEPTION;
        }
        if (HX_ARRAY_POLL(rt, lower)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return o;
}

/* ES2025 23.1.3.27 Array.prototype.shift ( ) */
static hx_value array_proto_shift(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (len == 0) return hx_array_put_length(realm, o, 0) < 0 ? HX_EXCEPTION : HX_UNDEFINED;
    hx_value first;
    if (hx_array_read(realm, o, 0, false, &first) < 0) return HX_EXCEPTION;
    if (movable_array(o)) {
        /* moving elements and holes down is the spec's Set/Delete loop */
        hx_object *a = hx_as_object(o);
        if (a->elem_len) {
            memmove(a->elems, a->elems + 1, (a->elem_len - 1) * sizeof(hx_value));
            a->elem_len--;
            hx_array_trim_holes(a);
        }
        if (hx_array_put_length(realm, o, (double)(len - 1)) < 0) return HX_EXCEPTION;
        return first;
    }
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 1; k < len; k++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)k, true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r ? hx_array_write(realm, o, (uint64_t)k - 1, v) < 0 : hx_array_remove(realm, o, (uint64_t)k - 1) < 0)
            return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    if (hx_array_remove(realm, o, (uint64_t)len - 1) < 0) return HX_EXCEPTION;
    if (hx_array_put_length(realm, o, (double)(len - 1)) < 0) return HX_EXCEPTION;
    return first;
}

/* ES2025 23.1.3.34 Array.prototype.unshift ( ...items ) */
static hx_value array_proto_unshift(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (argc > 0) {
        if ((double)len + argc > HX_MAX_SAFE_INTEGER) return hx_throw_type_error(realm, "unshift: array is too long");
        if (movable_array(o) && len + argc < 0xFFFFFFFEll) {
            hx_object *a = hx_as_object(o);
            if (hx_array_put_length(realm, o, (double)(len + argc)) < 0) return HX_EXCEPTION;
            uint32_t n = a->elem_len;
            if (hx_elems_reserve(rt, a, n + (uint32_t)argc) < 0) return HX_EXCEPTION;
            memmove(a->elems + argc, a->elems, n * sizeof(hx_value));
            for (int i = 0; i < argc; i++) HX_WRITE(a->elems[i], argv[i]);
            a->elem_len = n + (uint32_t)argc;
            return hx_number((double)(len + argc));
        }
        size_t mark = hx_handles_save(rt);
        for (int64_t k = len; k > 0; k--) {
            hx_handles_restore(rt, mark);
            hx_value v;
            int r = hx_array_read(realm, o, (uint64_t)k - 1, true, &v);
            if (r < 0) return HX_EXCEPTION;
            uint64_t to = (uint64_t)k + (uint64_t)argc - 1;
            if (r ? hx_array_write(realm, o, to, v) < 0 : hx_array_remove(realm, o, to) < 0) return HX_EXCEPTION;
            if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
        }
        hx_handles_restore(rt, mark);
        for (int j = 0; j < argc; j++)
            if (hx_array_write(realm, o, (uint64_t)j, argv[j]) < 0) return HX_EXCEPTION;
    }
    if (hx_array_put_length(realm, o, (double)len + argc) < 0) return HX_EXCEPTION;
    return hx_number((double)len + argc);
}

/* The start / deleteCount arguments of splice and toSpliced (steps 3-10). */
static int splice_range(hx_realm *realm, int argc, hx_value *argv, int64_t len, int64_t *start, int64_t *count) {
    if (hx_array_relative_index(realm, HX_ARG(0), len, start) < 0) return -1;
    if (argc == 0) *count = 0;
    else if (argc == 1) *count = len - *start;
    else {
        double dc;
        if (hx_to_integer_or_infinity(realm, argv[1], &dc) < 0) return -1;
        double max = (double)(len - *start);
        *count = dc < 0 ? 0 : dc > max ? (int64_t)max : (int64_t)dc;
    }
    return 0;
}

/* ES2025 23.1.3.31 Array.prototype.splice ( start, deleteCount, ...items ) */
static hx_value array_proto_splice(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len, start, dcount;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (splice_range(realm, argc, argv, len, &start, &dcount) < 0) return HX_EXCEPTION;
    int items = argc > 2 ? argc - 2 : 0;
    hx_value *item = argv + 2;
    if ((double)len + items - (double)dcount > HX_MAX_SAFE_INTEGER)
        return hx_throw_type_error(realm, "splice: array is too long");
    hx_value a = hx_array_species_create(realm, o, (double)dcount); /* step 12 */
    if (hx_is_exception(a)) return a;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < dcount; k++) { /* step 14 */
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_array_read(realm, o, (uint64_t)(start + k), true, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r && hx_array_create_prop(realm, a, (uint64_t)k, v) < 0) return HX_EXCEPTION;
        if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    if (hx_array_put_length(realm, a, (double)dcount) < 0) return HX_EXCEPTION; /* step 15 */
    if (items < dcount) { /* step 16 */
        for (int64_t k = start; k < len - dcount; k++) {
            hx_handles_restore(rt, mark);
            hx_value v;
            int r = hx_array_read(realm, o, (uint64_t)(k + dcount), true, &v);
            if (r < 0) return HX_EXCEPTION;
            uint64_t to = (uint64_t)(k + items);
            if (r ? hx_array_write(realm, o, to, v) < 0 : hx_array_remove(realm, o, to) < 0) return HX_EXCEPTION;
            if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
        }
        for (int64_t k = len; k > len - dcount + items; k--) {
            hx_handles_restore(rt, mark);
            if (hx_array_remove(realm, o, (uint64_t)k - 1) < 0) return HX_EXCEPTION;
            if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
        }
    } else if (items > dcount) { /* step 17 */
        for (int64_t k = len - dcount; k > start; k--) {
            hx_handles_restore(rt, mark);
            hx_value v;
            int r = hx_array_read(realm, o, (uint64_t)(k + dcount - 1), true, &v);
            if (r < 0) return HX_EXCEPTION;
            uint64_t to = (uint64_t)(k + items - 1);
            if (r ? hx_array_write(realm, o, to, v) < 0 : hx_array_remove(realm, o, to) < 0) return HX_EXCEPTION;
            if (HX_ARRAY_POLL(rt, k)) return HX_EXCEPTION;
        }
    }
    hx_handles_restore(rt, mark);
    for (int i = 0; i < items; i++) /* step 19 */
        if (hx_array_write(realm, o, (uint64_t)(start + i), item[i]) < 0) return HX_EXCEPTION;
    if (hx_array_put_length(realm, o, (double)(len - dcount + items)) < 0) return HX_EXCEPTION;
    return a;
}

/* ---- copying variants (ES2025 "change array by copy") ----------------------------- */

/* ES2025 23.1.3.33 Array.prototype.toReversed ( ) */
static hx_value array_proto_to_reversed(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value a = hx_array_create(realm, (double)len, NULL);
    if (hx_is_exception(a)) return a;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        if (hx_array_read(realm, o, (uint64_t)(len - k - 1), false, &v) < 0) return HX_EXCEPTION;
        if (hx_array_create_prop(realm, a, (uint64_t)k, v) < 0) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return a;
}

/* ES2025 23.1.3.35 Array.prototype.toSpliced ( start, skipCount, ...items ) */
static hx_value array_proto_to_spliced(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len, start, skip;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    if (splice_range(realm, argc, argv, len, &start, &skip) < 0) return HX_EXCEPTION;
    int items = argc > 2 ? argc - 2 : 0;
    double new_len = (double)len + items - (double)skip;
    if (new_len > HX_MAX_SAFE_INTEGER) return hx_throw_type_error(realm, "toSpliced: array is too long");
    hx_value a = hx_array_create(realm, new_len, NULL);
    if (hx_is_exception(a)) return a;
    int64_t i = 0, r = start + skip, n = (int64_t)new_len;
    size_t mark = hx_handles_save(rt);
    for (; i < start; i++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        if (hx_array_read(realm, o, (uint64_t)i, false, &v) < 0) return HX_EXCEPTION;
        if (hx_array_create_prop(realm, a, (uint64_t)i, v) < 0) return HX_EXCEPTION;
    }
    for (int j = 0; j < items; j++, i++)
        if (hx_array_create_prop(realm, a, (uint64_t)i, argv[2 + j]) < 0) return HX_EXCEPTION;
    for (; i < n; i++, r++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        if (hx_array_read(realm, o, (uint64_t)r, false, &v) < 0) return HX_EXCEPTION;
        if (hx_array_create_prop(realm, a, (uint64_t)i, v) < 0) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return a;
}

/* ES2025 23.1.3.39 Array.prototype.with ( index, value ) */
static hx_value array_proto_with(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    double rel;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &rel) < 0) return HX_EXCEPTION;
    double actual = rel >= 0 ? rel : (double)len + rel;
    if (actual >= (double)len || actual < 0) return hx_throw_range_error(realm, "Invalid index for Array.prototype.with");
    hx_value a = hx_array_create(realm, (double)len, NULL);
    if (hx_is_exception(a)) return a;
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        hx_value v = HX_ARG(1);
        if ((double)k != actual && hx_array_read(realm, o, (uint64_t)k, false, &v) < 0) return HX_EXCEPTION;
        if (hx_array_create_prop(realm, a, (uint64_t)k, v) < 0) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return a;
}

/* ---- string conversion ------------------------------------------------------------ */

/* ES2025 23.1.3.18 join (magic 0) and 23.1.3.32 toLocaleString (magic 1) */
static hx_value array_proto_join(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    int64_t len;
    hx_value o = object_and_length(realm, this_value, &len);
    if (hx_is_exception(o)) return o;
    hx_value sep = HX_UNDEFINED;
    if (magic == 0 && !hx_is_undefined(HX_ARG(0))) {
        sep = hx_to_string(realm, HX_ARG(0));
        if (hx_is_exception(sep)) return sep;
    }
    hx_string *sep_s = hx_is_undefined(sep) ? NULL : hx_as_string(sep);
    hx_sb sb;
    hx_sb_init(&sb, rt);
    size_t mark = hx_handles_save(rt);
    for (int64_t k = 0; k < len; k++) {
        hx_handles_restore(rt, mark);
        if (k > 0) {
            if (!sep_s) hx_sb_add_unit(&sb, ',');
            else if (sep_s->len) hx_sb_add_string(&sb, sep_s);
        }
        if (sb.failed) break;
        hx_value e;
        if (hx_array_read(realm, o, (uint64_t)k, false, &e) < 0) goto fail;
        if (hx_is_nullish(e)) continue;
        hx_value s;
        if (magic == 0) s = hx_to_string(realm, e);
        else {
            /* ES2025 23.1.3.32 step 6.c: ToString(? Invoke(element, "toLocaleString")) */
            s = hx_invoke(realm, e, HX_ATOM(rt, toLocaleString), 0, NULL);
            if (!hx_is_exception(s)) s = hx_to_string(realm, s);
        }
        if (hx_is_exception(s)) goto fail;
        if (hx_as_string(s)->len) hx_sb_add_string(&sb, hx_as_string(s));
        if (HX_ARRAY_POLL(rt, k)) goto fail;
    }
    hx_handles_restore(rt, mark);
    return hx_sb_finish(&sb);
fail:
    hx_sb_free(&sb);
    return HX_EXCEPTION;
}

/* ES2025 23.1.3.36 Array.prototype.toString ( ) */
static hx_value array_proto_to_string(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    hx_value func = hx_get(realm, o, HX_ATOM(rt, join));
    if (hx_is_exception(func)) return func;
    if (!hx_is_callable(func)) {
        func = HX_INTR(realm, ObjProto_toString);
        if (!hx_is_callable(func)) {
            func = hx_get(realm, HX_INTR(realm, ObjectPrototype), HX_ATOM(rt, toString));
            if (hx_is_exception(func)) return func;
        }
    }
    return hx_call(realm, func, o, 0, NULL);
}

/* ---- initialisation ---------------------------------------------------------------- */

static const hx_builtin array_ctor_table[] = {
    HX_FUNC("from", array_from, 1),
    HX_FUNC("isArray", array_is_array, 1),
    HX_FUNC("of", array_of, 0),
    HX_SYM_GETSET("species", array_species, NULL),
};

static const hx_builtin array_proto_table[] = {
    HX_FUNC("at", array_proto_at, 1),
    HX_FUNC("concat", array_proto_concat, 1),
    HX_FUNC("copyWithin", array_proto_copy_within, 2),
    HX_FUNC("fill", array_proto_fill, 1),
    HX_FUNC_MAGIC("join", array_proto_join, 1, 0),
    HX_FUNC("pop", array_proto_pop, 0),
    HX_FUNC("push", array_proto_push, 1),
    HX_FUNC("reverse", array_proto_reverse, 0),
    HX_FUNC("shift", array_proto_shift, 0),
    HX_FUNC("slice", array_proto_slice, 2),
    HX_FUNC("splice", array_proto_splice, 2),
    HX_FUNC_MAGIC("toLocaleString", array_proto_join, 0, 1),
    HX_FUNC("toReversed", array_proto_to_reversed, 0),
    HX_FUNC("toSpliced", array_proto_to_spliced, 2),
    HX_FUNC("toString", array_proto_to_string, 0),
    HX_FUNC("unshift", array_proto_unshift, 1),
    HX_FUNC("with", array_proto_with, 2),
};

/* ES2025 23.1.3.41 Array.prototype [ %Symbol.unscopables% ] */
static int install_unscopables(hx_realm *realm, hx_object *proto) {
    static const char *const names[] = {
        "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast", "findLastIndex", "flat",
        "flatMap", "includes", "keys", "toReversed", "toSorted", "toSpliced", "values",
    };
    hx_runtime *rt = realm->rt;
    hx_object *u = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    if (!u) return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        hx_value k = hx_atom_from_cstr(rt, names[i]);
        if (hx_is_exception(k) || hx_define_value(realm, u, k, HX_TRUE, HX_PROP_DEFAULT) < 0) return -1;
    }
    return hx_define_value(realm, proto, HX_SYMBOL(rt, unscopables), hx_object_value(u), HX_PROP_CONFIGURABLE);
}

int hx_init_array(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    /* Array.prototype is itself an Array exotic object of length 0, laid out
     * like hx_array_new's arrays ("length" first); it must exist before the
     * first hx_array_new, which builds realm->array_shape from it. */
    hx_shape *root = hx_shape_root(rt, HX_INTR_OBJ(realm, ObjectPrototype));
    if (!root) return -1;
    hx_shape *sh = hx_shape_add(rt, root, HX_ATOM(rt, length), HX_PROP_WRITABLE);
    if (!sh) return -1;
    hx_object *proto = hx_object_new_shape(rt, sh, HX_CLASS_ARRAY);
    if (!proto) return -1;
    proto->u.array.length = 0;
    proto->slots[0] = hx_int(0);
    realm->intrinsics[HX_INTR_ArrayPrototype] = hx_object_value(proto);

    hx_value ctor = hx_make_constructor(realm, array_ctor, "Array", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_Array] = ctor;
    if (HX_INSTALL(realm, hx_as_object(ctor), array_ctor_table) < 0) return -1;
    if (HX_INSTALL(realm, proto, array_proto_table) < 0) return -1;
    if (hx_array_install_iteration(realm, proto) < 0) return -1;
    if (install_unscopables(realm, proto) < 0) return -1;

    hx_value ts = hx_get(realm, hx_object_value(proto), HX_ATOM(rt, toString));
    if (hx_is_exception(ts)) return -1;
    realm->intrinsics[HX_INTR_ArrayProto_toString] = ts;
    return hx_define_global(realm, "Array", ctor);
}
