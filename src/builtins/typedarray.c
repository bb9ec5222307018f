/*
 * typedarray.c — typed arrays (ES2025 23.2): the TypedArray exotic object
 * (10.4.5) with its integer-indexed internal methods, the abstract
 * operations over views of possibly resizable buffers (IsTypedArrayOutOfBounds,
 * TypedArrayLength, IsValidIntegerIndex, ...), %TypedArray% with from/of and
 * the prototype's accessors, the twelve concrete constructors, and the
 * family initialiser hx_init_typedarray.
 *
 * Invariant: a typed array never has ordinary properties with numeric
 * keys.  Every key that is an array index or a CanonicalNumericIndexString
 * (the engine turns only 0 .. 2^32-2 into index keys; "-0", "1.5", "NaN",
 * "4294967295" stay strings) is answered from the buffer, so the ordinary
 * storage holds only the other string keys and symbols.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "builtins/init.h"
#include "builtins/typedarray_int.h"

/* ---- abstract operations ------------------------------------------------------------ */

bool hx_ta_out_of_bounds(hx_object *ta) {
    hx_abuf *b = hx_abuf_of(hx_view_buffer(ta));
    if (b->flags & HX_ABUF_DETACHED) return true;
    size_t off = hx_view_offset(ta);
    if (off > b->len) return true;
    if (!hx_view_tracking(ta)) {
        double end = (double)off + hx_to_double_fast(ta->u.data.slots[2]) * hx_ta_elem_size[hx_ta_type_of(ta)];
        if (end > (double)b->len) return true;
    }
    return false;
}

size_t hx_ta_length(hx_object *ta) {
    if (hx_ta_out_of_bounds(ta)) return 0;
    if (!hx_view_tracking(ta)) return hx_view_fixed_len(ta);
    hx_abuf *b = hx_abuf_of(hx_view_buffer(ta));
    return (b->len - hx_view_offset(ta)) / hx_ta_elem_size[hx_ta_type_of(ta)];
}

/* hx_vm.h: TypedArrayLength for array iterators, TypeError when out of bounds. */
int64_t hx_typed_array_length_or_throw(hx_realm *realm, hx_object *ta) {
    if (hx_ta_out_of_bounds(ta)) {
        hx_throw_type_error(realm, "TypedArray is detached or out of bounds");
        return -1;
    }
    return (int64_t)hx_ta_length(ta);
}

hx_object *hx_ta_validate(hx_realm *realm, hx_value v, size_t *len, const char *method) {
    if (!hx_is_ta(v)) {
        hx_throw_type_error(realm, "%s: this is not a typed array", method ? method : "TypedArray");
        return NULL;
    }
    hx_object *ta = hx_as_object(v);
    if (hx_ta_out_of_bounds(ta)) {
        hx_throw_type_error(realm, "%s: typed array is detached or out of bounds", method ? method : "TypedArray");
        return NULL;
    }
    *len = hx_ta_length(ta);
    return ta;
}

bool hx_ta_valid_index(hx_object *ta, double index) {
    if (hx_abuf_detached(hx_view_buffer(ta))) return false;
    if (!isfinite(index) || index != trunc(index)) return false;
    if (index == 0 && signbit(index)) return false;
    if (index < 0) return false;
    if (hx_ta_out_of_bounds(ta)) return false;
    return index < (double)hx_ta_length(ta);
}

hx_value hx_ta_get_element(hx_realm *realm, hx_object *ta, double index) {
    if (!hx_ta_valid_index(ta, index)) return HX_UNDEFINED;
    return hx_abuf_get_value(realm, hx_ta_addr(ta, (size_t)index), hx_ta_type_of(ta), hx_host_little_endian());
}

void hx_ta_store(hx_object *ta, double index, hx_value num) {
    if (hx_ta_valid_index(ta, index))
        hx_abuf_set_value(hx_ta_addr(ta, (size_t)index), hx_ta_type_of(ta), num, hx_host_little_endian());
}

int hx_ta_set_element(hx_realm *realm, hx_object *ta, double index, hx_value v) {
    hx_value num = hx_ta_to_element_value(realm, hx_ta_type_of(ta), v); /* steps 1-2 */
    if (hx_is_exception(num)) return -1;
    hx_ta_store(ta, index, num); /* step 3: the conversion may have detached or shrunk the buffer */
    return 0;
}

/* ---- the exotic object (ES2025 10.4.5) ------------------------------------------------- */

/* ES2025 7.1.21 CanonicalNumericIndexString applied to a property key:
 * 1 with *out set when the key is numeric, 0 when not, -1 on OOM. */
static int numeric_key(hx_realm *realm, hx_key key, double *out) {
    if (hx_key_is_index(key)) {
        *out = (double)hx_key_index(key);
        return 1;
    }
    if (!hx_is_string(key)) return 0;
    hx_runtime *rt = realm->rt;
    hx_string *s = hx_string_flat(rt, hx_as_string(key));
    if (!s) return -1;
    if (s->len == 0) return 0;
    uint16_t c = hx_string_char_at(s, 0);
    /* every canonical numeric string starts with a digit, '-', "Infinity" or "NaN" */
    if (!((c >= '0' && c <= '9') || c == '-' || c == 'I' || c == 'N')) return 0;
    if (s->len == 2 && c == '-' && hx_string_char_at(s, 1) == '0') {
        *out = -0.0;
        return 1;
    }
    double d;
    if (hx_to_number(realm, key, &d) < 0) return -1;
    hx_value back = hx_number_to_string_value(rt, d);
    if (hx_is_exception(back)) return -1;
    if (!hx_string_equal(rt, hx_as_string(back), s)) return 0;
    *out = d;
    return 1;
}

/* ES2025 10.4.5.2 [[GetOwnProperty]] */
static int ta_get_own(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return -1;
    if (!r) return hx_ordinary_get_own_property(realm, o, key, d);
    hx_value v = hx_ta_get_element(realm, o, idx);
    if (hx_is_exception(v)) return -1;
    if (hx_is_undefined(v)) return 0;
    d->value = v;
    d->getter = d->setter = HX_UNDEFINED;
    d->flags = HX_PROP_DEFAULT;
    d->has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
    return 1;
}

/* ES2025 10.4.5.3 [[HasProperty]] */
static int ta_has(hx_realm *realm, hx_object *o, hx_key key) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return -1;
    if (r) return hx_ta_valid_index(o, idx);
    hx_desc d;
    r = hx_ordinary_get_own_property(realm, o, key, &d);
    if (r) return r;
    hx_object *proto = o->shape->proto;
    return proto ? hx_has_property(realm, proto, key) : 0;
}

static int refuse(hx_realm *realm, bool throw_on_fail, const char *what) {
    if (!throw_on_fail) return 0;
    hx_throw_type_error(realm, "%s", what);
    return -1;
}

/* ES2025 10.4.5.4 [[DefineOwnProperty]] */
static int ta_define(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc, bool throw_on_fail) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return -1;
    if (!r) return hx_ordinary_define_own_property(realm, o, key, desc, throw_on_fail);
    if (!hx_ta_valid_index(o, idx)) return refuse(realm, throw_on_fail, "Cannot define a typed array element out of range"); /* step 1.b.i */
    if ((desc->has & HX_DESC_CONFIGURABLE) && !(desc->flags & HX_PROP_CONFIGURABLE))
        return refuse(realm, throw_on_fail, "Typed array elements cannot be made non-configurable");
    if ((desc->has & HX_DESC_ENUMERABLE) && !(desc->flags & HX_PROP_ENUMERABLE))
        return refuse(realm, throw_on_fail, "Typed array elements cannot be made non-enumerable");
    if (desc->has & (HX_DESC_GET | HX_DESC_SET)) return refuse(realm, throw_on_fail, "Typed array elements cannot be accessors");
    if ((desc->has & HX_DESC_WRITABLE) && !(desc->flags & HX_PROP_WRITABLE))
        return refuse(realm, throw_on_fail, "Typed array elements cannot be made read-only");
    if ((desc->has & HX_DESC_VALUE) && hx_ta_set_element(realm, o, idx, desc->value) < 0) return -1;
    return 1;
}

/* ES2025 10.4.5.5 [[Get]] */
static hx_value ta_get(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return HX_EXCEPTION;
    if (r) return hx_ta_get_element(realm, o, idx);
    /* OrdinaryGet (10.1.8.1) */
    hx_desc d;
    r = hx_ordinary_get_own_property(realm, o, key, &d);
    if (r) {
        if (!(d.flags & HX_PROP_ACCESSOR)) return d.value;
        if (hx_is_undefined(d.getter)) return HX_UNDEFINED;
        return hx_call(realm, d.getter, receiver, 0, NULL);
    }
    hx_object *proto = o->shape->proto;
    return proto ? hx_get_with_receiver(realm, proto, key, receiver) : HX_UNDEFINED;
}

/* ES2025 10.1.9.2 OrdinarySetWithOwnDescriptor from step 2 (own is a
 * found descriptor, or the default data descriptor when none exists). */
static int set_with_own_desc(hx_realm *realm, hx_key key, hx_value v, hx_value receiver, const hx_desc *own,
                             bool throw_on_fail) {
    if (!(own->flags & HX_PROP_ACCESSOR)) {
        if (!(own->flags & HX_PROP_WRITABLE)) return refuse(realm, throw_on_fail, "Cannot assign to a read-only property");
        if (!hx_is_object(receiver)) return refuse(realm, throw_on_fail, "Cannot set a property on a primitive receiver");
        hx_object *r = hx_as_object(receiver);
        hx_desc ex;
        int rh = hx_get_own_property(realm, r, key, &ex);
        if (rh < 0) return -1;
        if (rh) {
            if (ex.flags & HX_PROP_ACCESSOR) return refuse(realm, throw_on_fail, "Cannot assign: the receiver's property is an accessor");
            if (!(ex.flags & HX_PROP_WRITABLE)) return refuse(realm, throw_on_fail, "Cannot assign to a read-only property of the receiver");
            hx_desc vd = {v, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_VALUE};
            return hx_define_own_property(realm, r, key, &vd, throw_on_fail);
        }
        hx_desc nd = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                      HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
        return hx_define_own_property(realm, r, key, &nd, throw_on_fail);
    }
    if (hx_is_undefined(own->setter)) return refuse(realm, throw_on_fail, "Cannot set a property that has only a getter");
    hx_value res = hx_call(realm, own->setter, receiver, 1, &v);
    return hx_is_exception(res) ? -1 : 1;
}

/* ES2025 10.4.5.6 [[Set]] */
static int ta_set(hx_realm *realm, hx_object *o, hx_key key, hx_value v, hx_value receiver, bool throw_on_fail) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return -1;
    if (r) {
        if (hx_is_object(receiver) && hx_as_object(receiver) == o) /* step 1.b.i */
            return hx_ta_set_element(realm, o, idx, v) < 0 ? -1 : 1;
        if (!hx_ta_valid_index(o, idx)) return 1; /* step 1.b.ii */
    }
    /* OrdinarySet (10.1.9.1) */
    hx_desc own;
    int has = ta_get_own(realm, o, key, &own);
    if (has < 0) return -1;
    if (!has) {
        hx_object *proto = o->shape->proto;
        if (proto) return hx_set_with_receiver(realm, proto, key, v, receiver, throw_on_fail);
        own.value = own.getter = own.setter = HX_UNDEFINED;
        own.flags = HX_PROP_DEFAULT;
    }
    return set_with_own_desc(realm, key, v, receiver, &own, throw_on_fail);
}

/* ES2025 10.4.5.7 [[Delete]] */
static int ta_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail) {
    double idx;
    int r = numeric_key(realm, key, &idx);
    if (r < 0) return -1;
    if (!r) return hx_ordinary_delete(realm, o, key, throw_on_fail);
    if (!hx_ta_valid_index(o, idx)) return 1;
    return refuse(realm, throw_on_fail, "Cannot delete a typed array element");
}

/* The property key of element i as a string value. */
static hx_value index_string(hx_realm *realm, size_t i) {
    if (i < 0xFFFFFFFFu) return hx_key_to_value(realm->rt, hx_index_key((uint32_t)i));
    return hx_number_to_string_value(realm->rt, (double)i);
}

/* ES2025 10.4.5.8 [[OwnPropertyKeys]] */
static int ta_own_keys(hx_realm *realm, hx_object *o, hx_object *keys, int filter) {
    if ((filter & HX_KEYS_STRINGS) && !hx_ta_out_of_bounds(o)) {
        size_t len = hx_ta_length(o);
        for (size_t i = 0; i < len; i++) {
            size_t m = hx_handles_save(realm->rt);
            hx_value s = index_string(realm, i);
            if (hx_is_exception(s) || hx_array_push(realm, keys, s) < 0) return -1;
            hx_handles_restore(realm->rt, m);
        }
    }
    return hx_ordinary_own_keys(realm, o, keys, filter);
}

/* ES2025 10.4.5.1 [[PreventExtensions]]: a view whose length can change
 * stays extensible (IsTypedArrayFixedLength, 10.4.5.15). */
static int ta_prevent_extensions(hx_realm *realm, hx_object *o) {
    hx_object *b = hx_view_buffer(o);
    if (hx_view_tracking(o) || (!hx_abuf_fixed(b) && !hx_abuf_shared(b))) return 0;
    o->hdr.flags &= ~HX_OBJ_EXTENSIBLE;
    return 1;
}

static void view_trace(hx_runtime *rt, hx_object *o) {
    for (int i = 0; i < 4; i++) hx_gc_mark_value(rt, o->u.data.slots[i]);
}

const hx_exotic hx_typed_array_exotic = {
    .get_own_property = ta_get_own,
    .define_own_property = ta_define,
    .has_property = ta_has,
    .get = ta_get,
    .set = ta_set,
    .delete_property = ta_delete,
    .own_keys = ta_own_keys,
    .prevent_extensions = ta_prevent_extensions,
    .trace = view_trace,
};

/* ---- creation ------------------------------------------------------------------------- */

static hx_key key_of(hx_realm *realm, size_t k) {
    if (k < 0xFFFFFFFFu) return hx_index_key((uint32_t)k);
    hx_value s = hx_number_to_string_value(realm->rt, (double)k);
    return hx_is_exception(s) ? s : hx_key_from_string(realm->rt, s);
}

/* ES2025 10.4.5.11 TypedArrayCreate part of AllocateTypedArray (23.2.5.1.1):
 * an object of the type with no buffer yet. */
static hx_object *ta_create(hx_realm *realm, hx_value new_target, int type) {
    hx_value ov = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_Int8ArrayPrototype + type,
                                                      HX_CLASS_TYPED_ARRAY);
    if (hx_is_exception(ov)) return NULL;
    hx_object *o = hx_as_object(ov);
    o->u.data.slots[0] = HX_UNDEFINED;
    o->u.data.slots[1] = hx_int(0);
    o->u.data.slots[2] = hx_int(0);
    o->u.data.slots[3] = hx_int(type);
    return o;
}

static void set_view(hx_object *o, hx_value buffer, size_t offset, hx_value length) {
    HX_WRITE(o->u.data.slots[0], buffer);
    o->u.data.slots[1] = hx_number((double)offset);
    o->u.data.slots[2] = length;
}

/* ES2025 23.2.5.1.6 AllocateTypedArrayBuffer */
static int allocate_buffer(hx_realm *realm, hx_object *o, uint64_t len) {
    int type = hx_ta_type_of(o);
    double bytes = (double)len * hx_ta_elem_size[type];
    if (bytes > (double)HX_MAX_BUFFER_BYTES) {
        hx_throw_range_error(realm, "Invalid typed array length: %.0f", (double)len);
        return -1;
    }
    hx_value buf = hx_abuf_allocate(realm, HX_UNDEFINED, (uint64_t)bytes, -1, false);
    if (hx_is_exception(buf)) return -1;
    set_view(o, buf, 0, hx_number((double)len));
    return 0;
}

/* ES2025 23.2.5.1.2 InitializeTypedArrayFromTypedArray */
static int init_from_typed_array(hx_realm *realm, hx_object *o, hx_object *src) {
    int type = hx_ta_type_of(o), stype = hx_ta_type_of(src);
    if (hx_ta_out_of_bounds(src)) { /* step 5 */
        hx_throw_type_error(realm, "source typed array is detached or out of bounds");
        return -1;
    }
    size_t len = hx_ta_length(src);
    size_t bytes = len * hx_ta_elem_size[type];
    hx_value buf;
    if (type == stype) /* step 8 */
        buf = hx_abuf_clone(realm, hx_view_buffer(src), hx_view_offset(src), bytes);
    else {
        buf = hx_abuf_allocate(realm, HX_UNDEFINED, bytes, -1, false); /* step 9.a */
        if (hx_is_exception(buf)) return -1;
        if (hx_ta_is_bigint_type(type) != hx_ta_is_bigint_type(stype)) { /* step 9.b */
            hx_throw_type_error(realm, "cannot mix BigInt and Number typed arrays");
            return -1;
        }
    }
    if (hx_is_exception(buf)) return -1;
    set_view(o, buf, 0, hx_number((double)len));
    if (type != stype) {
        bool le = hx_host_little_endian();
        for (size_t k = 0; k < len; k++) {
            size_t m = hx_handles_save(realm->rt);
            hx_value v = hx_abuf_get_value(realm, hx_ta_addr(src, k), stype, le);
            if (hx_is_exception(v)) return -1;
            hx_abuf_set_value(hx_ta_addr(o, k), type, v, le);
            hx_handles_restore(realm->rt, m);
        }
    }
    return 0;
}

/* ES2025 23.2.5.1.3 InitializeTypedArrayFromArrayBuffer */
static int init_from_buffer(hx_realm *realm, hx_object *o, hx_value buffer, hx_value byte_offset, hx_value length) {
    size_t esize = hx_ta_elem_size[hx_ta_type_of(o)];
    uint64_t offset, new_len = 0;
    if (hx_to_index(realm, byte_offset, &offset) < 0) return -1; /* step 2 */
    if (offset % esize) {
        hx_throw_range_error(realm, "start offset of %s should be a multiple of %u", hx_ta_names[hx_ta_type_of(o)],
                             (unsigned)esize);
        return -1;
    }
    hx_object *b = hx_as_object(buffer);
    bool fixed = hx_abuf_fixed(b);                                                      /* step 4 */
    if (!hx_is_undefined(length) && hx_to_index(realm, length, &new_len) < 0) return -1; /* step 5 */
    if (hx_abuf_detached(b)) {                                                           /* step 6 */
        hx_throw_type_error(realm, "ArrayBuffer is detached");
        return -1;
    }
    size_t blen = hx_abuf_of(b)->len;
    if (hx_is_undefined(length) && !fixed) { /* step 8 */
        if (offset > blen) {
            hx_throw_range_error(realm, "start offset %.0f is outside the bounds of the buffer", (double)offset);
            return -1;
        }
        set_view(o, buffer, (size_t)offset, HX_UNDEFINED);
        return 0;
    }
    double new_bytes;
    if (hx_is_undefined(length)) { /* step 9.a */
        if (blen % esize) {
            hx_throw_range_error(realm, "byte length of %s should be a multiple of %u", hx_ta_names[hx_ta_type_of(o)],
                                 (unsigned)esize);
            return -1;
        }
        new_bytes = (double)blen - (double)offset;
        if (new_bytes < 0) {
            hx_throw_range_error(realm, "start offset %.0f is outside the bounds of the buffer", (double)offset);
            return -1;
        }
    } else { /* step 9.b */
        new_bytes = (double)new_len * esize;
        if ((double)offset + new_bytes > (double)blen) {
            hx_throw_range_error(realm, "invalid typed array length: %.0f", (double)new_len);
            return -1;
        }
    }
    set_view(o, buffer, (size_t)offset, hx_number(new_bytes / esize));
    return 0;
}

/* Collects an iterator's values into a fresh array (IteratorToList). */
static hx_value iterator_to_list(hx_realm *realm, hx_value obj, hx_value method) {
    hx_iter it;
    if (hx_get_iterator_from_method(realm, obj, method, &it) < 0) return HX_EXCEPTION;
    hx_value list = hx_array_new(realm, 0);
    if (hx_is_exception(list)) return list;
    for (;;) {
        size_t m = hx_handles_save(realm->rt);
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        if (hx_array_push(realm, hx_as_object(list), v) < 0) return HX_EXCEPTION;
        hx_handles_restore(realm->rt, m);
    }
    return list;
}

/* Fills o from the list (InitializeTypedArrayFromList, 23.2.5.1.4) or the
 * array-like (InitializeTypedArrayFromArrayLike, 23.2.5.1.5). */
static int init_from_values(hx_realm *realm, hx_object *o, hx_value src, bool is_list) {
    int64_t len = is_list ? (int64_t)hx_as_object(src)->u.array.length : hx_length_of(realm, src);
    if (len < 0 || allocate_buffer(realm, o, (uint64_t)len) < 0) return -1;
    for (int64_t k = 0; k < len; k++) {
        size_t m = hx_handles_save(realm->rt);
        hx_value v;
        if (is_list) v = hx_as_object(src)->elems[k];
        else {
            hx_key key = key_of(realm, (size_t)k);
            if (hx_is_exception(key)) return -1;
            v = hx_get(realm, src, key);
            if (hx_is_exception(v)) return -1;
        }
        if (hx_ta_set_element(realm, o, (double)k, v) < 0) return -1;
        hx_handles_restore(realm->rt, m);
    }
    return 0;
}

/* ES2025 23.2.5.1 TypedArray ( ...args ), for the constructor of type magic. */
static hx_value ta_ctor(HX_TA_FN_ARGS) {
    int type = magic;
    if (hx_is_undefined(new_target))
        return hx_throw_type_error(realm, "Constructor %s requires 'new'", hx_ta_names[type]);
    hx_value first = HX_ARG(0);
    if (!hx_is_object(first)) { /* steps 4 and 5.c */
        uint64_t n = 0;
        if (argc > 0 && hx_to_index(realm, first, &n) < 0) return HX_EXCEPTION;
        hx_object *o = ta_create(realm, new_target, type);
        if (!o || allocate_buffer(realm, o, n) < 0) return HX_EXCEPTION;
        return hx_object_value(o);
    }
    hx_object *o = ta_create(realm, new_target, type); /* step 5.b.i */
    if (!o) return HX_EXCEPTION;
    int r;
    if (hx_is_ta(first))
        r = init_from_typed_array(realm, o, hx_as_object(first));
    else if (hx_is_abuf(first))
        r = init_from_buffer(realm, o, first, HX_ARG(1), HX_ARG(2));
    else {
        hx_value method = hx_get_method(realm, first, HX_SYMBOL(realm->rt, iterator));
        if (hx_is_exception(method)) return method;
        if (!hx_is_undefined(method)) {
            hx_value list = iterator_to_list(realm, first, method);
            if (hx_is_exception(list)) return list;
            r = init_from_values(realm, o, list, true);
        } else
            r = init_from_values(realm, o, first, false);
    }
    return r < 0 ? HX_EXCEPTION : hx_object_value(o);
}

hx_value hx_ta_create_from_ctor(hx_realm *realm, hx_value ctor, int argc, hx_value *argv) {
    hx_value nv = hx_construct(realm, ctor, argc, argv, ctor);
    if (hx_is_exception(nv)) return nv;
    size_t len;
    if (!hx_ta_validate(realm, nv, &len, "TypedArray species")) return HX_EXCEPTION;
    if (argc == 1 && hx_is_number(argv[0]) && (double)len < hx_to_double_fast(argv[0]))
        return hx_throw_type_error(realm, "derived typed array constructor created an array which was too small");
    return nv;
}

hx_value hx_ta_species_create(hx_realm *realm, hx_object *exemplar, int argc, hx_value *argv) {
    int type = hx_ta_type_of(exemplar);
    hx_value ctor = hx_species_constructor(realm, exemplar, realm->intrinsics[HX_INTR_Int8Array + type]);
    if (hx_is_exception(ctor)) return ctor;
    hx_value r = hx_ta_create_from_ctor(realm, ctor, argc, argv);
    if (hx_is_exception(r)) return r;
    if (hx_ta_is_bigint_type(hx_ta_type_of(hx_as_object(r))) != hx_ta_is_bigint_type(type))
        return hx_throw_type_error(realm, "species constructor returned a typed array of the other content type");
    return r;
}

hx_value hx_ta_create_same_type(hx_realm *realm, hx_object *exemplar, size_t len) {
    hx_value arg = hx_number((double)len);
    return hx_ta_create_from_ctor(realm, realm->intrinsics[HX_INTR_Int8Array + hx_ta_type_of(exemplar)], 1, &arg);
}

/* ---- %TypedArray% ------------------------------------------------------------------- */

/* ES2025 23.2.1.1 %TypedArray% ( ) */
static hx_value typed_array_ctor(HX_TA_FN_ARGS) {
    return hx_throw_type_error(realm, "Abstract class TypedArray not directly constructable");
}

/* ES2025 23.2.2.1 %TypedArray%.from ( source [ , mapper [ , thisArg ] ] ) */
static hx_value ta_from(HX_TA_FN_ARGS) {
    hx_value c = this_value, source = HX_ARG(0), mapfn = HX_ARG(1), this_arg = HX_ARG(2);
    if (!hx_is_constructor(c)) return hx_throw_type_error(realm, "TypedArray.from: this is not a constructor");
    bool mapping = !hx_is_undefined(mapfn);
    if (mapping && !hx_is_callable(mapfn)) return hx_throw_type_error(realm, "TypedArray.from: mapper is not a function");
    hx_value method = hx_get_method(realm, source, HX_SYMBOL(realm->rt, iterator)); /* step 5 */
    if (hx_is_exception(method)) return method;
    hx_value src;
    int64_t len;
    if (!hx_is_undefined(method)) { /* step 6 */
        src = iterator_to_list(realm, source, method);
        if (hx_is_exception(src)) return src;
        len = hx_as_object(src)->u.array.length;
    } else { /* steps 8-9 */
        src = hx_to_object(realm, source);
        if (hx_is_exception(src)) return src;
        len = hx_length_of(realm, src);
        if (len < 0) return HX_EXCEPTION;
    }
    hx_value lenv = hx_number((double)len);
    hx_value target = hx_ta_create_from_ctor(realm, c, 1, &lenv);
    if (hx_is_exception(target)) return target;
    bool is_list = !hx_is_undefined(method);
    for (int64_t k = 0; k < len; k++) {
        size_t m = hx_handles_save(realm->rt);
        hx_key key = key_of(realm, (size_t)k);
        if (hx_is_exception(key)) return key;
        hx_value v = is_list ? hx_as_object(src)->elems[k] : hx_get(realm, src, key);
        if (hx_is_exception(v)) return v;
        if (mapping) {
            hx_value args[2] = {v, hx_number((double)k)};
            v = hx_call(realm, mapfn, this_arg, 2, args);
            if (hx_is_exception(v)) return v;
        }
        if (hx_set(realm, target, key, v, true) < 0) return HX_EXCEPTION;
        hx_handles_restore(realm->rt, m);
    }
    return target;
}

/* ES2025 23.2.2.2 %TypedArray%.of ( ...items ) */
static hx_value ta_of(HX_TA_FN_ARGS) {
    if (!hx_is_constructor(this_value)) return hx_throw_type_error(realm, "TypedArray.of: this is not a constructor");
    hx_value lenv = hx_int(argc);
    hx_value target = hx_ta_create_from_ctor(realm, this_value, 1, &lenv);
    if (hx_is_exception(target)) return target;
    for (int k = 0; k < argc; k++)
        if (hx_set(realm, target, hx_index_key((uint32_t)k), argv[k], true) < 0) return HX_EXCEPTION;
    return target;
}

static hx_value ta_species(HX_TA_FN_ARGS) { return this_value; }

static hx_object *require_ta(hx_realm *realm, hx_value v, const char *what) {
    if (hx_is_ta(v)) return hx_as_object(v);
    hx_throw_type_error(realm, "get TypedArray.prototype.%s: this is not a typed array", what);
    return NULL;
}

/* ES2025 23.2.3.2 get %TypedArray%.prototype.buffer */
static hx_value ta_buffer(HX_TA_FN_ARGS) {
    hx_object *o = require_ta(realm, this_value, "buffer");
    return o ? o->u.data.slots[0] : HX_EXCEPTION;
}

/* ES2025 23.2.3.3 get %TypedArray%.prototype.byteLength (TypedArrayByteLength) */
static hx_value ta_byte_length(HX_TA_FN_ARGS) {
    hx_object *o = require_ta(realm, this_value, "byteLength");
    if (!o) return HX_EXCEPTION;
    return hx_number((double)hx_ta_length(o) * hx_ta_elem_size[hx_ta_type_of(o)]);
}

/* ES2025 23.2.3.4 get %TypedArray%.prototype.byteOffset */
static hx_value ta_byte_offset(HX_TA_FN_ARGS) {
    hx_object *o = require_ta(realm, this_value, "byteOffset");
    if (!o) return HX_EXCEPTION;
    return hx_ta_out_of_bounds(o) ? hx_int(0) : hx_number((double)hx_view_offset(o));
}

/* ES2025 23.2.3.21 get %TypedArray%.prototype.length */
static hx_value ta_length_get(HX_TA_FN_ARGS) {
    hx_object *o = require_ta(realm, this_value, "length");
    if (!o) return HX_EXCEPTION;
    return hx_number((double)hx_ta_length(o));
}

/* ES2025 23.2.3.38 get %TypedArray%.prototype [ %Symbol.toStringTag% ] */
static hx_value ta_to_string_tag(HX_TA_FN_ARGS) {
    if (!hx_is_ta(this_value)) return HX_UNDEFINED;
    return hx_atom_from_cstr(realm->rt, hx_ta_names[hx_ta_type_of(hx_as_object(this_value))]);
}

static const hx_builtin typed_array_table[] = {
    HX_FUNC("from", ta_from, 1),
    HX_FUNC("of", ta_of, 0),
    HX_SYM_GETSET("species", ta_species, NULL),
};

static const hx_builtin typed_array_proto_table[] = {
    HX_GETSET("buffer", ta_buffer, NULL),
    HX_GETSET("byteLength", ta_byte_length, NULL),
    HX_GETSET("byteOffset", ta_byte_offset, NULL),
    HX_GETSET("length", ta_length_get, NULL),
    HX_SYM_GETSET("toStringTag", ta_to_string_tag, NULL),
};

/* ES2025 23.2.6 / 23.2.7: BYTES_PER_ELEMENT on a constructor and its prototype. */
static int define_bytes_per_element(hx_realm *realm, hx_object *o, int type) {
    hx_value k = hx_atom_from_cstr(realm->rt, "BYTES_PER_ELEMENT");
    if (hx_is_exception(k)) return -1;
    return hx_define_value(realm, o, k, hx_int(hx_ta_elem_size[type]), 0);
}

/* The family initialiser: ArrayBuffer, SharedArrayBuffer, %TypedArray%, the
 * twelve typed array constructors, DataView and Atomics. */
int hx_init_typedarray(hx_realm *realm) {
    if (hx_abuf_init(realm) < 0) return -1;
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    realm->intrinsics[HX_INTR_TypedArrayPrototype] = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, typed_array_ctor, "TypedArray", 0, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_TypedArray] = ctor;
    if (HX_INSTALL(realm, hx_as_object(ctor), typed_array_table) < 0 ||
        HX_INSTALL(realm, proto, typed_array_proto_table) < 0 || hx_ta_install_methods(realm, proto) < 0)
        return -1;
    for (int t = 0; t < HX_TA_COUNT; t++) {
        hx_object *p = hx_object_new(realm, proto, HX_CLASS_OBJECT);
        if (!p) return -1;
        realm->intrinsics[HX_INTR_Int8ArrayPrototype + t] = hx_object_value(p);
        hx_value c = hx_make_constructor(realm, ta_ctor, hx_ta_names[t], 3, p, t);
        if (hx_is_exception(c)) return -1;
        realm->intrinsics[HX_INTR_Int8Array + t] = c;
        if (hx_set_prototype_of(realm, hx_as_object(c), ctor) < 0 ||
            define_bytes_per_element(realm, hx_as_object(c), t) < 0 || define_bytes_per_element(realm, p, t) < 0 ||
            hx_define_global(realm, hx_ta_names[t], c) < 0)
            return -1;
    }
    if (hx_dataview_init(realm) < 0 || hx_atomics_init(realm) < 0) return -1;
    return 0;
}
