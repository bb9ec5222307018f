/*
 * reflect.c — the Reflect namespace object (ES2025 28.1): thin wrappers
 * that expose the internal methods, each returning the method's boolean
 * result instead of throwing on refusal.
 */
#include "vm/vm.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

static bool require_object(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_object(v)) return true;
    hx_throw_type_error(realm, "Reflect.%s called on non-object", method);
    return false;
}

/* ES2025 28.1.1 Reflect.apply ( target, thisArgument, argumentsList ) */
NATIVE(reflect_apply) {
    hx_value target = HX_ARG(0);
    if (!hx_is_callable(target)) return hx_throw_type_error(realm, "Reflect.apply: target is not a function");
    uint32_t n;
    hx_value *list = hx_create_list_from_array_like(realm, HX_ARG(2), &n);
    if (n == UINT32_MAX) return HX_EXCEPTION;
    hx_value r = hx_call(realm, target, HX_ARG(1), (int)n, list);
    hx_mem_free(realm->rt, list, n * sizeof(hx_value));
    return r;
}

/* ES2025 28.1.2 Reflect.construct ( target, argumentsList [ , newTarget ] ) */
NATIVE(reflect_construct) {
    hx_value target = HX_ARG(0);
    if (!hx_is_constructor(target)) return hx_throw_type_error(realm, "Reflect.construct: target is not a constructor");
    hx_value nt = target;
    if (argc > 2) {
        nt = argv[2];
        if (!hx_is_constructor(nt)) return hx_throw_type_error(realm, "Reflect.construct: newTarget is not a constructor");
    }
    uint32_t n;
    hx_value *list = hx_create_list_from_array_like(realm, HX_ARG(1), &n);
    if (n == UINT32_MAX) return HX_EXCEPTION;
    hx_value r = hx_construct(realm, target, (int)n, list, nt);
    hx_mem_free(realm->rt, list, n * sizeof(hx_value));
    return r;
}

/* ES2025 28.1.3 Reflect.defineProperty ( target, propertyKey, attributes ) */
NATIVE(reflect_define_property) {
    if (!require_object(realm, HX_ARG(0), "defineProperty")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_desc d;
    if (hx_to_desc(realm, HX_ARG(2), &d) < 0) return HX_EXCEPTION;
    int r = hx_define_own_property(realm, hx_as_object(argv[0]), key, &d, false);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.4 Reflect.deleteProperty ( target, propertyKey ) */
NATIVE(reflect_delete_property) {
    if (!require_object(realm, HX_ARG(0), "deleteProperty")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    int r = hx_delete(realm, hx_as_object(argv[0]), key, false);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.5 Reflect.get ( target, propertyKey [ , receiver ] ) */
NATIVE(reflect_get) {
    if (!require_object(realm, HX_ARG(0), "get")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_value receiver = argc > 2 ? argv[2] : argv[0];
    return hx_get_with_receiver(realm, hx_as_object(argv[0]), key, receiver);
}

/* ES2025 28.1.6 Reflect.getOwnPropertyDescriptor ( target, propertyKey ) */
NATIVE(reflect_get_own_property_descriptor) {
    if (!require_object(realm, HX_ARG(0), "getOwnPropertyDescriptor")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_desc d;
    int h = hx_get_own_property(realm, hx_as_object(argv[0]), key, &d);
    if (h < 0) return HX_EXCEPTION;
    return h ? hx_from_desc(realm, &d) : HX_UNDEFINED;
}

/* ES2025 28.1.7 Reflect.getPrototypeOf ( target ) */
NATIVE(reflect_get_prototype_of) {
    if (!require_object(realm, HX_ARG(0), "getPrototypeOf")) return HX_EXCEPTION;
    return hx_get_prototype_of(realm, hx_as_object(argv[0]));
}

/* ES2025 28.1.8 Reflect.has ( target, propertyKey ) */
NATIVE(reflect_has) {
    if (!require_object(realm, HX_ARG(0), "has")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    int r = hx_has_property(realm, hx_as_object(argv[0]), key);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.9 Reflect.isExtensible ( target ) */
NATIVE(reflect_is_extensible) {
    if (!require_object(realm, HX_ARG(0), "isExtensible")) return HX_EXCEPTION;
    int r = hx_is_extensible(realm, hx_as_object(argv[0]));
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.10 Reflect.ownKeys ( target ) */
NATIVE(reflect_own_keys) {
    if (!require_object(realm, HX_ARG(0), "ownKeys")) return HX_EXCEPTION;
    return hx_own_keys(realm, hx_as_object(argv[0]), HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
}

/* ES2025 28.1.11 Reflect.preventExtensions ( target ) */
NATIVE(reflect_prevent_extensions) {
    if (!require_object(realm, HX_ARG(0), "preventExtensions")) return HX_EXCEPTION;
    int r = hx_prevent_extensions(realm, hx_as_object(argv[0]));
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.12 Reflect.set ( target, propertyKey, V [ , receiver ] ) */
NATIVE(reflect_set) {
    if (!require_object(realm, HX_ARG(0), "set")) return HX_EXCEPTION;
    hx_key key = hx_to_property_key(realm, HX_ARG(1));
    if (hx_is_exception(key)) return key;
    hx_value receiver = argc > 3 ? argv[3] : argv[0];
    int r = hx_set_with_receiver(realm, hx_as_object(argv[0]), key, HX_ARG(2), receiver, false);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 28.1.13 Reflect.setPrototypeOf ( target, proto ) */
NATIVE(reflect_set_prototype_of) {
    if (!require_object(realm, HX_ARG(0), "setPrototypeOf")) return HX_EXCEPTION;
    hx_value proto = HX_ARG(1);
    if (!hx_is_object(proto) && !hx_is_null(proto))
        return hx_throw_type_error(realm, "Object prototype may only be an Object or null");
    int r = hx_set_prototype_of(realm, hx_as_object(argv[0]), proto);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

static const hx_builtin reflect_funcs[] = {
    HX_FUNC("apply", reflect_apply, 3),
    HX_FUNC("construct", reflect_construct, 2),
    HX_FUNC("defineProperty", reflect_define_property, 3),
    HX_FUNC("deleteProperty", reflect_delete_property, 2),
    HX_FUNC("get", reflect_get, 2),
    HX_FUNC("getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2),
    HX_FUNC("getPrototypeOf", reflect_get_prototype_of, 1),
    HX_FUNC("has", reflect_has, 2),
    HX_FUNC("isExtensible", reflect_is_extensible, 1),
    HX_FUNC("ownKeys", reflect_own_keys, 1),
    HX_FUNC("preventExtensions", reflect_prevent_extensions, 1),
    HX_FUNC("set", reflect_set, 3),
    HX_FUNC("setPrototypeOf", reflect_set_prototype_of, 2),
    HX_SYM_VALUE_S("toStringTag", "Reflect", HX_PROP_CONFIGURABLE),
};

int hx_init_reflect(hx_realm *realm) {
    hx_object *r = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!r) return -1;
    if (HX_INSTALL(realm, r, reflect_funcs) < 0) return -1;
    return hx_define_global(realm, "Reflect", hx_object_value(r));
}
