/*
 * object.c — the Object constructor, its static functions and
 * Object.prototype (ES2025 20.1, Annex B.2.2.1-5).
 *
 * Invariants: every internal method goes through the hx_ entry points
 * (hx_get_own_property, hx_define_own_property, hx_own_keys, ...) so Proxy
 * traps see exactly the calls the specification makes, in its order.
 * %Object.prototype% is an immutable-prototype exotic object (10.4.7):
 * its [[SetPrototypeOf]] refuses changes (HX_OBJ_IMMUTABLE_PROTO, src/vm/object.c).
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* A key value from an [[OwnPropertyKeys]] list (string or symbol) as a key. */
static hx_key list_key(hx_runtime *rt, hx_value v) {
    return hx_is_string(v) ? hx_key_from_string(rt, v) : v;
}

/* ES2025 7.2.1 RequireObjectCoercible */
static bool require_coercible(hx_realm *realm, hx_value v) {
    if (!hx_is_nullish(v)) return true;
    hx_throw_type_error(realm, "Cannot convert undefined or null to object");
    return false;
}

/* ES2025 20.1.1.1 Object ( [ value ] ) */
NATIVE(object_ctor) {
    hx_value value = HX_ARG(0);
    /* step 1 */
    hx_object *active = hx_current_native(realm->rt);
    if (!hx_is_undefined(new_target) && (!active || hx_as_object(new_target) != active))
        return hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_ObjectPrototype,
                                                   HX_CLASS_OBJECT);
    /* step 2 */
    if (hx_is_nullish(value)) return hx_new_plain_object(realm);
    /* step 3 */
    return hx_to_object(realm, value);
}

/* ES2025 20.1.2.1 Object.assign ( target, ...sources ) */
NATIVE(object_assign) {
    hx_runtime *rt = realm->rt;
    hx_value to = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(to)) return to;
    for (int i = 1; i < argc; i++) {
        if (hx_is_nullish(argv[i])) continue;
        hx_value from = hx_to_object(realm, argv[i]);
        if (hx_is_exception(from)) return from;
        hx_object *fo = hx_as_object(from);
        hx_value keys = hx_own_keys(realm, fo, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
        if (hx_is_exception(keys)) return keys;
        hx_object *ka = hx_as_object(keys);
        for (uint32_t j = 0; j < ka->elem_len; j++) {
            hx_key k = list_key(rt, ka->elems[j]);
            if (hx_is_exception(k)) return k;
            hx_desc d;
            int h = hx_get_own_property(realm, fo, k, &d);
            if (h < 0) return HX_EXCEPTION;
            if (!h || !(d.flags & HX_PROP_ENUMERABLE)) continue;
            hx_value v = hx_get(realm, from, k);
            if (hx_is_exception(v)) return v;
            if (hx_set(realm, to, k, v, true) < 0) return HX_EXCEPTION;
        }
    }
    return to;
}

/* ES2025 20.1.2.3.1 ObjectDefineProperties ( O, Properties ) */
static int define_properties(hx_realm *realm, hx_object *o, hx_value properties) {
    hx_runtime *rt = realm->rt;
    hx_value pv = hx_to_object(realm, properties);
    if (hx_is_exception(pv)) return -1;
    hx_object *props = hx_as_object(pv);
    hx_value keys = hx_own_keys(realm, props, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
    if (hx_is_exception(keys)) return -1;
    hx_object *ka = hx_as_object(keys);
    uint32_t n = ka->elem_len;
    /* descriptors: step 4; their values stay rooted through the handle stack */
    hx_desc *descs = n ? hx_mem_alloc(rt, n * sizeof(hx_desc)) : NULL;
    hx_key *dkeys = n ? hx_mem_alloc(rt, n * sizeof(hx_key)) : NULL;
    uint32_t count = 0;
    int ret = -1;
    if (n && (!descs || !dkeys)) goto done;
    for (uint32_t i = 0; i < n; i++) {
        hx_key k = list_key(rt, ka->elems[i]);
        if (hx_is_exception(k)) goto done;
        hx_desc pd;
        int h = hx_get_own_property(realm, props, k, &pd);
        if (h < 0) goto done;
        if (!h || !(pd.flags & HX_PROP_ENUMERABLE)) continue;
        hx_value desc_obj = hx_get(realm, pv, k);
        if (hx_is_exception(desc_obj)) goto done;
        if (hx_to_desc(realm, desc_obj, &descs[count]) < 0) goto done;
        dkeys[count++] = k;
    }
    /* step 5 */
    for (uint32_t i = 0; i < count; i++)
        if (hx_define_own_property(realm, o, dkeys[i], &descs[i], true) < 0) goto done;
    ret = 0;
done:
    hx_mem_free(rt, descs, n * sizeof(hx_desc));
    hx_mem_free(rt, dkeys, n * sizeof(hx_key));
    return ret;
}

/* ES2025 20.1.2.2 Object.create ( O, Properties ) */
NATIVE(object_create) {
    hx_value proto = HX_ARG(0);
    if (!hx_is_object(proto) && !hx_is_null(proto))
        return hx_throw_type_error(realm, "Object prototype may only be an Object or null");
    hx_object *o = hx_object_new(realm, hx_is_null(proto) ? NULL : hx_as_object(proto), HX_CLASS_OBJECT);
    if (!o) return HX_EXCEPTION;
    if (!hx_is_undefined(HX_ARG(1)) && define_properties(realm, o, HX_ARG(1)) < 0) return HX_EXCEPTION;
    return hx_object_value(o);
}

/* ES2025 20.1.2.3 Object.defineProperties ( O, Properties ) */
NATIVE(object_define_properties) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return hx_throw_type_error(realm, "Object.defineProperties called on non-object");
    if (define_properties(realm, hx_as_object(o), HX_ARG(1)) < 0) return HX_EXCEPTION;
    return o;
}

/* ES2025 20.1.2.4 Object.defineProperty ( O, P, Attributes ) */
NATIVE(object_define_property) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return hx_throw_type_error(realm, "Object.defineProperty called on non-object");
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_desc d;
    if (hx_to_desc(realm, HX_ARG(2), &d) < 0) return HX_EXCEPTION;
    if (hx_define_own_property(realm, hx_as_object(o), key, &d, true) < 0) return HX_EXCEPTION;
    return o;
}

enum { EOP_KEY, EOP_VALUE, EOP_ENTRY };

/* ES2025 7.3.23 EnumerableOwnProperties ( O, kind ), as an array. */
static hx_value enumerable_own_properties(hx_realm *realm, hx_value ov, int kind) {
    hx_runtime *rt = realm->rt;
    hx_object *o = hx_as_object(ov);
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS);
    if (hx_is_exception(keys)) return keys;
    hx_value result = hx_array_new(realm, 0);
    if (hx_is_exception(result)) return result;
    hx_object *ka = hx_as_object(keys), *ra = hx_as_object(result);
    for (uint32_t i = 0; i < ka->elem_len; i++) {
        hx_value kv = ka->elems[i];
        if (!hx_is_string(kv)) continue;
        hx_key k = list_key(rt, kv);
        if (hx_is_exception(k)) return k;
        hx_desc d;
        int h = hx_get_own_property(realm, o, k, &d);
        if (h < 0) return HX_EXCEPTION;
        if (!h || !(d.flags & HX_PROP_ENUMERABLE)) continue;
        hx_value item = kv;
        if (kind != EOP_KEY) {
            hx_value v = hx_get(realm, ov, k);
            if (hx_is_exception(v)) return v;
            item = v;
            if (kind == EOP_ENTRY) {
                hx_value pair[2] = {kv, v};
                item = hx_array_from(realm, pair, 2);
                if (hx_is_exception(item)) return item;
            }
        }
        if (hx_array_push(realm, ra, item) < 0) return HX_EXCEPTION;
    }
    return result;
}

/* ES2025 20.1.2.5 Object.entries, 20.1.2.18 Object.keys, 20.1.2.23 Object.values */
NATIVE(object_enum_props) {
    hx_value o = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(o)) return o;
    return enumerable_own_properties(realm, o, magic);
}

/* ES2025 20.1.2.6 Object.freeze / 20.1.2.20 Object.seal (magic 1: freeze) */
NATIVE(object_freeze) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return o;
    int r = hx_object_freeze_level(realm, hx_as_object(o), magic != 0);
    if (r < 0) return HX_EXCEPTION;
    if (!r) return hx_throw_type_error(realm, magic ? "Cannot freeze object" : "Cannot seal object");
    return o;
}

/* ES2025 20.1.2.7 Object.fromEntries ( iterable ) */
NATIVE(object_from_entries) {
    hx_runtime *rt = realm->rt;
    hx_value iterable = HX_ARG(0);
    if (!require_coercible(realm, iterable)) return HX_EXCEPTION;
    hx_value objv = hx_new_plain_object(realm);
    if (hx_is_exception(objv)) return objv;
    /* ES2025 24.1.1.2 AddEntriesFromIterable */
    hx_iter it;
    if (hx_get_iterator(realm, iterable, &it) < 0) return HX_EXCEPTION;
    for (;;) {
        size_t mark = hx_handles_save(rt);
        hx_value next;
        int s = hx_iter_step(realm, &it, &next);
        if (s < 0) return HX_EXCEPTION;
        if (s == 0) return objv;
        if (!hx_is_object(next)) {
            hx_throw_type_error(realm, "Iterator value is not an entry object");
            return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
        hx_value k = hx_get(realm, next, hx_index_key(0));
        if (hx_is_exception(k)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        hx_value v = hx_get(realm, next, hx_index_key(1));
        if (hx_is_exception(v)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        /* CreateDataPropertyOnObject (20.1.2.7.1) */
        hx_key pk = hx_to_property_key(realm, k);
        if (hx_is_exception(pk)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        if (hx_create_data_property_or_throw(realm, hx_as_object(objv), pk, v) < 0)
            return hx_iter_close(realm, &it, HX_EXCEPTION);
        hx_handles_restore(rt, mark);
    }
}

/* ES2025 20.1.2.8 Object.getOwnPropertyDescriptor ( O, P ) */
NATIVE(object_get_own_property_descriptor) {
    hx_value o = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(o)) return o;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_desc d;
    int h = hx_get_own_property(realm, hx_as_object(o), key, &d);
    if (h < 0) return HX_EXCEPTION;
    if (!h) return HX_UNDEFINED;
    return hx_from_desc(realm, &d);
}

/* ES2025 20.1.2.9 Object.getOwnPropertyDescriptors ( O ) */
NATIVE(object_get_own_property_descriptors) {
    hx_runtime *rt = realm->rt;
    hx_value ov = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(ov)) return ov;
    hx_object *o = hx_as_object(ov);
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
    if (hx_is_exception(keys)) return keys;
    hx_value result = hx_new_plain_object(realm);
    if (hx_is_exception(result)) return result;
    hx_object *ka = hx_as_object(keys);
    for (uint32_t i = 0; i < ka->elem_len; i++) {
        hx_key k = list_key(rt, ka->elems[i]);
        if (hx_is_exception(k)) return k;
        hx_desc d;
        int h = hx_get_own_property(realm, o, k, &d);
        if (h < 0) return HX_EXCEPTION;
        if (!h) continue;
        hx_value dv = hx_from_desc(realm, &d);
        if (hx_is_exception(dv)) return dv;
        if (hx_create_data_property_or_throw(realm, hx_as_object(result), k, dv) < 0) return HX_EXCEPTION;
    }
    return result;
}

/* ES2025 20.1.2.10 / 20.1.2.11 Object.getOwnPropertyNames / Symbols
 * (20.1.2.11.1 GetOwnPropertyKeys); magic is the HX_KEYS_* filter. */
NATIVE(object_get_own_property_keys) {
    hx_value o = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(o)) return o;
    return hx_own_keys(realm, hx_as_object(o), magic);
}

/* ES2025 20.1.2.12 Object.getPrototypeOf ( O ) */
NATIVE(object_get_prototype_of) {
    hx_value o = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(o)) return o;
    return hx_get_prototype_of(realm, hx_as_object(o));
}

/* ES2025 20.1.2.13 Object.groupBy ( items, callback ), 7.3.35 GroupBy with
 * property keys.  The result object itself is the keyed group list: its
 * own-key order (indices first, then insertion order) is the order
 * CreateDataPropertyOrThrow would produce from the list. */
NATIVE(object_group_by) {
    hx_runtime *rt = realm->rt;
    hx_value items = HX_ARG(0), callback = HX_ARG(1);
    if (!require_coercible(realm, items)) return HX_EXCEPTION;
    if (!hx_is_callable(callback)) return hx_throw_type_error(realm, "callback is not a function");
    hx_object *groups = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    if (!groups) return HX_EXCEPTION;
    hx_value result = hx_object_value(groups);
    hx_iter it;
    if (hx_get_iterator(realm, items, &it) < 0) return HX_EXCEPTION;
    for (double k = 0;; k++) {
        size_t mark = hx_handles_save(rt);
        if (k >= 9007199254740991.0) {
            hx_throw_type_error(realm, "Too many elements to group");
            return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
        hx_value value;
        int s = hx_iter_step(realm, &it, &value);
        if (s < 0) return HX_EXCEPTION;
        if (s == 0) return result;
        hx_value args[2] = {value, hx_number(k)};
        hx_value key = hx_call(realm, callback, HX_UNDEFINED, 2, args);
        if (hx_is_exception(key)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        key = hx_to_property_key(realm, key);
        if (hx_is_exception(key)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        /* ES2025 7.3.34 AddValueToKeyedGroup */
        hx_desc d;
        int h = hx_get_own_property(realm, groups, key, &d);
        if (h < 0) return HX_EXCEPTION;
        if (h) {
            if (hx_array_push(realm, hx_as_object(d.value), value) < 0) return HX_EXCEPTION;
        } else {
            hx_value arr = hx_array_from(realm, &value, 1);
            if (hx_is_exception(arr)) return arr;
            if (hx_define_value(realm, groups, key, arr, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
        }
        hx_handles_restore(rt, mark);
    }
}

/* ES2025 20.1.2.14 Object.hasOwn ( O, P ) */
NATIVE(object_has_own) {
    hx_value o = hx_to_object(realm, HX_ARG(0));
    if (hx_is_exception(o)) return o;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_desc d;
    int h = hx_get_own_property(realm, hx_as_object(o), key, &d);
    return h < 0 ? HX_EXCEPTION : hx_bool(h);
}

/* ES2025 20.1.2.15 Object.is ( value1, value2 ) */
NATIVE(object_is) { return hx_bool(hx_same_value(HX_ARG(0), HX_ARG(1))); }

/* ES2025 20.1.2.16 Object.isExtensible ( O ) */
NATIVE(object_is_extensible) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return HX_FALSE;
    int r = hx_is_extensible(realm, hx_as_object(o));
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 20.1.2.17 Object.isFrozen / 20.1.2.18 Object.isSealed (magic 1: frozen) */
NATIVE(object_is_frozen) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return HX_TRUE;
    int r = hx_test_integrity(realm, hx_as_object(o), magic != 0);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 20.1.2.19 Object.preventExtensions ( O ) */
NATIVE(object_prevent_extensions) {
    hx_value o = HX_ARG(0);
    if (!hx_is_object(o)) return o;
    int r = hx_prevent_extensions(realm, hx_as_object(o));
    if (r < 0) return HX_EXCEPTION;
    if (!r) return hx_throw_type_error(realm, "Cannot prevent extensions");
    return o;
}

/* ES2025 20.1.2.22 Object.setPrototypeOf ( O, proto ) */
NATIVE(object_set_prototype_of) {
    hx_value o = HX_ARG(0), proto = HX_ARG(1);
    if (!require_coercible(realm, o)) return HX_EXCEPTION;
    if (!hx_is_object(proto) && !hx_is_null(proto))
        return hx_throw_type_error(realm, "Object prototype may only be an Object or null");
    if (!hx_is_object(o)) return o;
    int r = hx_set_prototype_of(realm, hx_as_object(o), proto);
    if (r < 0) return HX_EXCEPTION;
    if (!r) return hx_throw_type_error(realm, "Cannot set prototype of this object");
    return o;
}

/* ---- Object.prototype ------------------------------------------------------ */

/* ES2025 20.1.3.2 Object.prototype.hasOwnProperty ( V ) */
NATIVE(proto_has_own_property) {
    hx_key key = hx_to_property_key(realm, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    hx_desc d;
    int h = hx_get_own_property(realm, hx_as_object(o), key, &d);
    return h < 0 ? HX_EXCEPTION : hx_bool(h);
}

/* ES2025 20.1.3.3 Object.prototype.isPrototypeOf ( V ) */
NATIVE(proto_is_prototype_of) {
    hx_value v = HX_ARG(0);
    if (!hx_is_object(v)) return HX_FALSE;
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    for (;;) {
        v = hx_get_prototype_of(realm, hx_as_object(v));
        if (hx_is_exception(v)) return v;
        if (!hx_is_object(v)) return HX_FALSE;
        if (hx_as_object(v) == hx_as_object(o)) return HX_TRUE;
    }
}

/* ES2025 20.1.3.4 Object.prototype.propertyIsEnumerable ( V ) */
NATIVE(proto_property_is_enumerable) {
    hx_key key = hx_to_property_key(realm, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    hx_desc d;
    int h = hx_get_own_property(realm, hx_as_object(o), key, &d);
    if (h < 0) return HX_EXCEPTION;
    return hx_bool(h && (d.flags & HX_PROP_ENUMERABLE));
}

/* ES2025 20.1.3.5 Object.prototype.toLocaleString ( [ reserved1 [ , reserved2 ] ] ) */
NATIVE(proto_to_locale_string) {
    return hx_invoke(realm, this_value, HX_ATOM(realm->rt, toString), 0, NULL);
}

/* ES2025 20.1.3.6 Object.prototype.toString ( ) */
NATIVE(proto_to_string) {
    hx_runtime *rt = realm->rt;
    if (hx_is_undefined(this_value)) return hx_string_from_cstr(rt, "[object Undefined]");
    if (hx_is_null(this_value)) return hx_string_from_cstr(rt, "[object Null]");
    hx_value ov = hx_to_object(realm, this_value);
    if (hx_is_exception(ov)) return ov;
    hx_object *o = hx_as_object(ov);
    bool is_array;
    if (!hx_is_array(realm, ov, &is_array)) return HX_EXCEPTION;
    const char *builtin_tag = "Object";
    if (is_array) builtin_tag = "Array";
    else {
        switch (hx_class_of(o)) {
        case HX_CLASS_ARGUMENTS:
        case HX_CLASS_MAPPED_ARGUMENTS: builtin_tag = "Arguments"; break;
        case HX_CLASS_ERROR: builtin_tag = "Error"; break;
        case HX_CLASS_BOOLEAN: builtin_tag = "Boolean"; break;
        case HX_CLASS_NUMBER: builtin_tag = "Number"; break;
        case HX_CLASS_STRING: builtin_tag = "String"; break;
        case HX_CLASS_DATE: builtin_tag = "Date"; break;
        case HX_CLASS_REGEXP: builtin_tag = "RegExp"; break;
        default:
            if (o->hdr.flags & HX_OBJ_CALLABLE) builtin_tag = "Function";
            break;
        }
    }
    hx_value tag = hx_get(realm, ov, HX_SYMBOL(rt, toStringTag));
    if (hx_is_exception(tag)) return tag;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "[object ");
    if (hx_is_string(tag)) hx_sb_add_string(&sb, hx_as_string(tag));
    else hx_sb_add_cstr(&sb, builtin_tag);
    hx_sb_add_unit(&sb, ']');
    return hx_sb_finish(&sb);
}

/* ES2025 20.1.3.7 Object.prototype.valueOf ( ) */
NATIVE(proto_value_of) { return hx_to_object(realm, this_value); }

/* ES2025 20.1.3.8.1 get Object.prototype.__proto__ */
NATIVE(proto_get_proto) {
    hx_value o = hx_to_object(realm, this_value);
    if (hx_is_exception(o)) return o;
    return hx_get_prototype_of(realm, hx_as_object(o));
}

/* ES2025 20.1.3.8.2 set Object.prototype.__proto__ */
NATIVE(proto_set_proto) {
    hx_value proto = HX_ARG(0);
    if (!require_coercible(realm, this_value)) return HX_EXCEPTION;
    if (!hx_is_object(proto) && !hx_is_null(proto)) return HX_UNDEFINED;
    if (!hx_is_object(this_value)) return HX_UNDEFINED;
    int r = hx_set_prototype_of(realm, hx_as_object(this_value), proto);
    if (r < 0) return HX_EXCEPTION;
    if (!r) return hx_throw_type_error(realm, "Cannot set prototype of this object");
    return HX_UNDEFINED;
}

/* ES2025 20.1.3.9.1 / 20.1.3.9.2 Object.prototype.__defineGetter__ /
 * __defineSetter__ ( P, getter ) (magic 1: setter) */
NATIVE(proto_define_accessor) {
    hx_value ov = hx_to_object(realm, this_value);
    if (hx_is_exception(ov)) return ov;
    hx_value fn = HX_ARG(1);
    if (!hx_is_callable(fn))
        return hx_throw_type_error(realm, magic ? "Object.prototype.__defineSetter__: Expecting function"
                                                : "Object.prototype.__defineGetter__: Expecting function");
    hx_desc d = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE | HX_PROP_ACCESSOR,
                 HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
    if (magic) {
        d.setter = fn;
        d.has |= HX_DESC_SET;
    } else {
        d.getter = fn;
        d.has |= HX_DESC_GET;
    }
    hx_key key = hx_to_property_key(realm, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    if (hx_define_own_property(realm, hx_as_object(ov), key, &d, true) < 0) return HX_EXCEPTION;
    return HX_UNDEFINED;
}

/* ES2025 20.1.3.9.3 / 20.1.3.9.4 Object.prototype.__lookupGetter__ /
 * __lookupSetter__ ( P ) (magic 1: setter) */
NATIVE(proto_lookup_accessor) {
    hx_value ov = hx_to_object(realm, this_value);
    if (hx_is_exception(ov)) return ov;
    hx_key key = hx_to_property_key(realm, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    for (;;) {
        hx_desc d;
        int h = hx_get_own_property(realm, hx_as_object(ov), key, &d);
        if (h < 0) return HX_EXCEPTION;
        if (h) {
            if (!(d.flags & HX_PROP_ACCESSOR)) return HX_UNDEFINED;
            return magic ? d.setter : d.getter;
        }
        ov = hx_get_prototype_of(realm, hx_as_object(ov));
        if (hx_is_exception(ov)) return ov;
        if (!hx_is_object(ov)) return HX_UNDEFINED;
    }
}

/* ---- initialisation ----------------------------------------------------------- */

static const hx_builtin object_statics[] = {
    HX_FUNC("assign", object_assign, 2),
    HX_FUNC("create", object_create, 2),
    HX_FUNC("defineProperties", object_define_properties, 2),
    HX_FUNC("defineProperty", object_define_property, 3),
    HX_FUNC_MAGIC("entries", object_enum_props, 1, EOP_ENTRY),
    HX_FUNC_MAGIC("freeze", object_freeze, 1, 1),
    HX_FUNC("fromEntries", object_from_entries, 1),
    HX_FUNC("getOwnPropertyDescriptor", object_get_own_property_descriptor, 2),
    HX_FUNC("getOwnPropertyDescriptors", object_get_own_property_descriptors, 1),
    HX_FUNC_MAGIC("getOwnPropertyNames", object_get_own_property_keys, 1, HX_KEYS_STRINGS),
    HX_FUNC_MAGIC("getOwnPropertySymbols", object_get_own_property_keys, 1, HX_KEYS_SYMBOLS),
    HX_FUNC("getPrototypeOf", object_get_prototype_of, 1),
    HX_FUNC("groupBy", object_group_by, 2),
    HX_FUNC("hasOwn", object_has_own, 2),
    HX_FUNC("is", object_is, 2),
    HX_FUNC("isExtensible", object_is_extensible, 1),
    HX_FUNC_MAGIC("isFrozen", object_is_frozen, 1, 1),
    HX_FUNC_MAGIC("isSealed", object_is_frozen, 1, 0),
    HX_FUNC_MAGIC("keys", object_enum_props, 1, EOP_KEY),
    HX_FUNC("preventExtensions", object_prevent_extensions, 1),
    HX_FUNC_MAGIC("seal", object_freeze, 1, 0),
    HX_FUNC("setPrototypeOf", object_set_prototype_of, 2),
    HX_FUNC_MAGIC("values", object_enum_props, 1, EOP_VALUE),
};

static const hx_builtin object_proto[] = {
    HX_FUNC("hasOwnProperty", proto_has_own_property, 1),
    HX_FUNC("isPrototypeOf", proto_is_prototype_of, 1),
    HX_FUNC("propertyIsEnumerable", proto_property_is_enumerable, 1),
    HX_FUNC("toLocaleString", proto_to_locale_string, 0),
    HX_FUNC("toString", proto_to_string, 0),
    HX_FUNC("valueOf", proto_value_of, 0),
    HX_GETSET("__proto__", proto_get_proto, proto_set_proto),
    HX_FUNC_MAGIC("__defineGetter__", proto_define_accessor, 2, 0),
    HX_FUNC_MAGIC("__defineSetter__", proto_define_accessor, 2, 1),
    HX_FUNC_MAGIC("__lookupGetter__", proto_lookup_accessor, 1, 0),
    HX_FUNC_MAGIC("__lookupSetter__", proto_lookup_accessor, 1, 1),
};

int hx_init_object(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *proto = HX_INTR_OBJ(realm, ObjectPrototype);
    hx_value ctor = hx_make_constructor(realm, object_ctor, "Object", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, Object) = ctor;
    if (HX_INSTALL(realm, hx_as_object(ctor), object_statics) < 0) return -1;
    if (HX_INSTALL(realm, proto, object_proto) < 0) return -1;
    hx_value ts = hx_get(realm, hx_object_value(proto), HX_ATOM(rt, toString));
    if (hx_is_exception(ts)) return -1;
    HX_INTR(realm, ObjProto_toString) = ts;
    return hx_define_global(realm, "Object", ctor);
}
