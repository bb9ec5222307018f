/*
 * forin.c — for-in enumeration (ES2025 14.7.5.9 EnumerateObjectProperties,
 * 14.7.5.10 the For-In Iterator).  The names are collected when the loop
 * starts: own enumerable string keys of the object, then of each prototype,
 * skipping names already seen; a name deleted before it is reached is
 * skipped (checked with [[HasProperty]] when it comes up).
 */
#include "vm/vm.h"
#include "vm/object_class.h"

hx_value hx_for_in_start(hx_realm *realm, hx_value v) {
    hx_runtime *rt = realm->rt;
    hx_object *it = hx_object_new(realm, NULL, HX_CLASS_FOR_IN_ITERATOR);
    if (!it) return HX_EXCEPTION;
    for (int i = 0; i < 4; i++) it->u.data.slots[i] = HX_UNDEFINED;
    it->u.data.bits = 0;
    hx_value names = hx_array_new(realm, 0);
    if (hx_is_exception(names)) return names;
    it->u.data.slots[0] = names;
    if (hx_is_nullish(v)) return hx_object_value(it);
    hx_value ov = hx_to_object(realm, v);
    if (hx_is_exception(ov)) return ov;
    it->u.data.slots[1] = ov;
    hx_object *seen = hx_object_new(realm, NULL, HX_CLASS_INTERNAL);
    if (!seen) return HX_EXCEPTION;
    it->u.data.slots[2] = hx_object_value(seen);
    for (hx_object *o = hx_as_object(ov); o;) {
        hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS);
        if (hx_is_exception(keys)) return keys;
        hx_object *ka = hx_as_object(keys);
        for (uint32_t i = 0; i < ka->elem_len; i++) {
            hx_value kv = ka->elems[i];
            hx_key k = hx_key_from_string(rt, kv);
            if (hx_is_exception(k)) return k;
            hx_desc d;
            if (hx_ordinary_get_own_property(realm, seen, k, &d) > 0) continue;
            if (hx_define_value(realm, seen, k, HX_TRUE, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
            int r = hx_get_own_property(realm, o, k, &d);
            if (r < 0) return HX_EXCEPTION;
            if (r && (d.flags & HX_PROP_ENUMERABLE) && hx_array_push(realm, hx_as_object(names), kv) < 0)
                return HX_EXCEPTION;
        }
        hx_value p = hx_get_prototype_of(realm, o);
        if (hx_is_exception(p)) return p;
        o = hx_is_object(p) ? hx_as_object(p) : NULL;
    }
    it->u.data.slots[2] = HX_UNDEFINED;
    return hx_object_value(it);
}

/* 1 with *key set, 0 when done, -1 on throw. */
int hx_for_in_next(hx_realm *realm, hx_object *it, hx_value *key) {
    hx_object *names = hx_as_object(it->u.data.slots[0]);
    while (it->u.data.bits < names->elem_len) {
        hx_value kv = names->elems[it->u.data.bits++];
        hx_value obj = it->u.data.slots[1];
        if (hx_is_object(obj) && hx_class_of(hx_as_object(obj)) != HX_CLASS_PROXY) {
            hx_key k = hx_key_from_string(realm->rt, kv);
            if (hx_is_exception(k)) return -1;
            int r = hx_has_property(realm, hx_as_object(obj), k);
            if (r < 0) return -1;
            if (!r) continue;
        }
        *key = kv;
        return 1;
    }
    return 0;
}
