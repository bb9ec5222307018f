/*
 * array.c — Array exotic objects (ES2025 10.4.2): the "length" property and
 * its coupling with index properties, array creation and the dense fast
 * paths used by builtins and the interpreter.
 *
 * Invariants: "length" is the first own property (slot 0, not enumerable,
 * not configurable) and always equals u.array.length as a number; dense
 * elements satisfy elem_len <= length.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

static void set_len_raw(hx_object *a, uint32_t len) {
    a->u.array.length = len;
    a->slots[0] = len <= INT32_MAX ? hx_int((int32_t)len) : hx_double((double)len);
}

hx_value hx_array_new(hx_realm *realm, uint32_t len) {
    hx_runtime *rt = realm->rt;
    hx_shape *sh = realm->array_shape;
    if (!sh) {
        hx_shape *root = hx_shape_root(rt, HX_INTR_OBJ(realm, ArrayPrototype));
        if (!root) return HX_EXCEPTION;
        sh = hx_shape_add(rt, root, HX_ATOM(rt, length), HX_PROP_WRITABLE);
        if (!sh) return HX_EXCEPTION;
        realm->array_shape = sh;
    }
    hx_object *a = hx_object_new_shape(rt, sh, HX_CLASS_ARRAY);
    if (!a) return HX_EXCEPTION;
    set_len_raw(a, len);
    return hx_object_value(a);
}

hx_value hx_array_from(hx_realm *realm, const hx_value *v, uint32_t n) {
    hx_value av = hx_array_new(realm, 0);
    if (hx_is_exception(av)) return av;
    hx_object *a = hx_as_object(av);
    if (n && hx_elems_reserve(realm->rt, a, n) < 0) return HX_EXCEPTION;
    if (n) memcpy(a->elems, v, n * sizeof(hx_value));
    a->elem_len = n;
    set_len_raw(a, n);
    return av;
}

int hx_array_push(hx_realm *realm, hx_object *a, hx_value v) {
    uint32_t len = a->u.array.length;
    if (!(a->hdr.flags & (HX_OBJ_SPARSE | HX_OBJ_ARRAY_LENGTH_RO)) && a->elem_len == len &&
        (a->hdr.flags & HX_OBJ_EXTENSIBLE) && len < UINT32_MAX - 1) {
        if (hx_elems_reserve(realm->rt, a, len + 1) < 0) return -1;
        HX_WRITE(a->elems[len], v);
        a->elem_len = len + 1;
        set_len_raw(a, len + 1);
        return 0;
    }
    return hx_create_data_property_or_throw(realm, a, hx_index_key(len), v);
}

/* ES2025 10.4.2.4 ArraySetLength */
int hx_array_set_length(hx_realm *realm, hx_object *a, const hx_desc *desc, bool throw_on_fail) {
    hx_runtime *rt = realm->rt;
    hx_key lkey = HX_ATOM(rt, length);
    if (!(desc->has & HX_DESC_VALUE)) {
        int r = hx_ordinary_define_own_property(realm, a, lkey, desc, throw_on_fail);
        if (r > 0 && (desc->has & HX_DESC_WRITABLE) && !(desc->flags & HX_PROP_WRITABLE))
            a->hdr.flags |= HX_OBJ_ARRAY_LENGTH_RO;
        return r;
    }
    uint32_t new_len;
    double number_len;
    if (hx_to_uint32(realm, desc->value, &new_len) < 0) return -1;
    if (hx_to_number(realm, desc->value, &number_len) < 0) return -1;
    if ((double)new_len != number_len) {
        hx_throw_range_error(realm, "Invalid array length");
        return -1;
    }
    hx_desc nd = *desc;
    nd.value = new_len <= INT32_MAX ? hx_int((int32_t)new_len) : hx_double(new_len);
    uint32_t old_len = a->u.array.length;
    bool writable = !(a->hdr.flags & HX_OBJ_ARRAY_LENGTH_RO);
    if (new_len >= old_len) {
        int r = hx_ordinary_define_own_property(realm, a, lkey, &nd, throw_on_fail);
        if (r > 0) {
            a->u.array.length = new_len;
            if ((nd.has & HX_DESC_WRITABLE) && !(nd.flags & HX_PROP_WRITABLE))
                a->hdr.flags |= HX_OBJ_ARRAY_LENGTH_RO;
        }
        return r;
    }
    if (!writable) {
        if (!throw_on_fail) return 0;
        hx_throw_type_error(realm, "Cannot assign to read only property 'length' of array");
        return -1;
    }
    bool new_writable = !(nd.has & HX_DESC_WRITABLE) || (nd.flags & HX_PROP_WRITABLE);
    if (!new_writable) {
        nd.has |= HX_DESC_WRITABLE;
        nd.flags |= HX_PROP_WRITABLE;
    }
    int r = hx_ordinary_define_own_property(realm, a, lkey, &nd, throw_on_fail);
    if (r <= 0) return r;
    a->u.array.length = new_len;
    /* delete elements from the end */
    if (!(a->hdr.flags & HX_OBJ_SPARSE)) {
        if (a->elem_len > new_len) a->elem_len = new_len;
    } else {
        /* sparse: delete index properties >= new_len, highest first */
        for (;;) {
            hx_prop *props = hx_shape_props(rt, a->shape);
            uint32_t best = 0;
            bool found = false;
            for (uint32_t i = 0; props && i < a->shape->count; i++) {
                hx_key k = props[i].key;
                if (hx_key_is_index(k) && hx_key_index(k) >= new_len &&
                    (!found || hx_key_index(k) > best)) {
                    best = hx_key_index(k);
                    found = true;
                }
            }
            if (!found) break;
            int d = hx_ordinary_delete(realm, a, hx_index_key(best), false);
            if (d < 0) return -1;
            if (d == 0) {
                set_len_raw(a, best + 1);
                if (!new_writable) a->hdr.flags |= HX_OBJ_ARRAY_LENGTH_RO;
                if (!new_writable) {
                    hx_desc ro = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_WRITABLE};
                    hx_ordinary_define_own_property(realm, a, lkey, &ro, false);
                }
                if (!throw_on_fail) return 0;
                hx_throw_type_error(realm, "Cannot delete array element %u", best);
                return -1;
            }
        }
    }
    set_len_raw(a, new_len);
    if (!new_writable) {
        hx_desc ro = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_WRITABLE};
        if (hx_ordinary_define_own_property(realm, a, lkey, &ro, false) < 0) return -1;
        a->hdr.flags |= HX_OBJ_ARRAY_LENGTH_RO;
    }
    return 1;
}

int hx_array_define_index(hx_realm *realm, hx_object *a, uint32_t idx, const hx_desc *desc,
                          bool throw_on_fail) {
    uint32_t len = a->u.array.length;
    if (idx >= len && (a->hdr.flags & HX_OBJ_ARRAY_LENGTH_RO)) {
        if (!throw_on_fail) return 0;
        hx_throw_type_error(realm, "Cannot add element %u: array length is read only", idx);
        return -1;
    }
    int r = hx_ordinary_define_own_property(realm, a, hx_index_key(idx), desc, throw_on_fail);
    if (r <= 0) return r;
    if (idx >= len) set_len_raw(a, idx + 1);
    return 1;
}

static int array_define(hx_realm *realm, hx_object *a, hx_key key, const hx_desc *desc,
                        bool throw_on_fail) {
    if (key == HX_ATOM(realm->rt, length)) return hx_array_set_length(realm, a, desc, throw_on_fail);
    if (hx_key_is_index(key)) return hx_array_define_index(realm, a, hx_key_index(key), desc, throw_on_fail);
    return hx_ordinary_define_own_property(realm, a, key, desc, throw_on_fail);
}

const hx_exotic hx_array_exotic = {.define_own_property = array_define};

/* ES2025 7.3.18 LengthOfArrayLike */
int64_t hx_length_of(hx_realm *realm, hx_value obj) {
    if (hx_is_array_obj(obj)) return hx_as_object(obj)->u.array.length;
    hx_value v = hx_get(realm, obj, HX_ATOM(realm->rt, length));
    if (hx_is_exception(v)) return -1;
    int64_t len;
    if (hx_to_length(realm, v, &len) < 0) return -1;
    return len;
}
