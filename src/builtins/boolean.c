/*
 * boolean.c — the Boolean constructor and Boolean.prototype (ES2025 20.3).
 * Boolean wrapper objects are HX_CLASS_BOOLEAN with the [[BooleanData]]
 * value in u.primitive.value; %Boolean.prototype% is itself such an object
 * holding false (20.3.3).
 */
#include "vm/vm.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* ES2025 20.3.1.1 Boolean ( value ) */
NATIVE(boolean_ctor) {
    hx_value b = hx_bool(hx_to_boolean(HX_ARG(0)));
    if (hx_is_undefined(new_target)) return b;
    hx_value o = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_BooleanPrototype, HX_CLASS_BOOLEAN);
    if (hx_is_exception(o)) return o;
    hx_as_object(o)->u.primitive.value = b;
    return o;
}

/* ES2025 20.3.3.3.1 ThisBooleanValue ( value ) */
static hx_value this_boolean_value(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_bool(v)) return v;
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_BOOLEAN) return hx_as_object(v)->u.primitive.value;
    return hx_throw_type_error(realm, "Boolean.prototype.%s requires that 'this' be a Boolean", method);
}

/* ES2025 20.3.3.2 Boolean.prototype.toString ( ) */
NATIVE(proto_to_string) {
    hx_value b = this_boolean_value(realm, this_value, "toString");
    if (hx_is_exception(b)) return b;
    return b == HX_TRUE ? HX_ATOM(realm->rt, true_) : HX_ATOM(realm->rt, false_);
}

/* ES2025 20.3.3.3 Boolean.prototype.valueOf ( ) */
NATIVE(proto_value_of) { return this_boolean_value(realm, this_value, "valueOf"); }

static const hx_builtin boolean_proto[] = {
    HX_FUNC("toString", proto_to_string, 0),
    HX_FUNC("valueOf", proto_value_of, 0),
};

int hx_init_boolean(hx_realm *realm) {
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_BOOLEAN);
    if (!proto) return -1;
    proto->u.primitive.value = HX_FALSE;
    HX_INTR(realm, BooleanPrototype) = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, boolean_ctor, "Boolean", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, Boolean) = ctor;
    if (HX_INSTALL(realm, proto, boolean_proto) < 0) return -1;
    return hx_define_global(realm, "Boolean", ctor);
}
