/*
 * error.c — Error, the NativeError constructors (EvalError, RangeError,
 * ReferenceError, SyntaxError, TypeError, URIError) and AggregateError
 * (ES2025 20.5).  Error instances are HX_CLASS_ERROR objects (the
 * [[ErrorData]] slot); their "stack" own property is captured by
 * hx_error_capture_stack (src/vm/error.c) once message and cause are set.
 *
 * Invariant: the constructor magic is an hr_error_kind, or KIND_AGGREGATE;
 * hx_error_new relies on every kind's prototype being in the intrinsics.
 */
#include <string.h>
#include "vm/vm.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

enum { KIND_AGGREGATE = HR_URI_ERROR + 1, KIND_COUNT };

static const struct {
    const char *name;
    hx_intrinsic proto, ctor;
} kinds[KIND_COUNT] = {
    [HR_ERROR] = {"Error", HX_INTR_ErrorPrototype, HX_INTR_Error},
    [HR_TYPE_ERROR] = {"TypeError", HX_INTR_TypeErrorPrototype, HX_INTR_TypeError},
    [HR_RANGE_ERROR] = {"RangeError", HX_INTR_RangeErrorPrototype, HX_INTR_RangeError},
    [HR_SYNTAX_ERROR] = {"SyntaxError", HX_INTR_SyntaxErrorPrototype, HX_INTR_SyntaxError},
    [HR_REFERENCE_ERROR] = {"ReferenceError", HX_INTR_ReferenceErrorPrototype, HX_INTR_ReferenceError},
    [HR_EVAL_ERROR] = {"EvalError", HX_INTR_EvalErrorPrototype, HX_INTR_EvalError},
    [HR_URI_ERROR] = {"URIError", HX_INTR_URIErrorPrototype, HX_INTR_URIError},
    [KIND_AGGREGATE] = {"AggregateError", HX_INTR_AggregateErrorPrototype, HX_INTR_AggregateError},
};

/* ES2025 20.5.8.1 InstallErrorCause ( O, options ) */
static int install_error_cause(hx_realm *realm, hx_object *o, hx_value options) {
    hx_runtime *rt = realm->rt;
    if (!hx_is_object(options)) return 0;
    int h = hx_has_property(realm, hx_as_object(options), HX_ATOM(rt, cause));
    if (h <= 0) return h;
    hx_value cause = hx_get(realm, options, HX_ATOM(rt, cause));
    if (hx_is_exception(cause)) return -1;
    return hx_define_value(realm, o, HX_ATOM(rt, cause), cause, HX_PROP_BUILTIN);
}

/* ES2025 20.5.1.1 Error ( message [ , options ] ), 20.5.6.1.1 NativeError,
 * 20.5.7.1.1 AggregateError ( errors, message [ , options ] ) */
NATIVE(error_ctor) {
    hx_runtime *rt = realm->rt;
    int arg = magic == KIND_AGGREGATE ? 1 : 0; /* AggregateError's message comes second */
    /* step 1: newTarget defaults to the active function object */
    if (hx_is_undefined(new_target)) {
        hx_object *active = hx_current_native(rt);
        if (active) new_target = hx_object_value(active);
    }
    /* step 2 */
    hx_value ov = hx_ordinary_create_from_constructor(realm, new_target, kinds[magic].proto, HX_CLASS_ERROR);
    if (hx_is_exception(ov)) return ov;
    hx_object *o = hx_as_object(ov);
    /* step 3: CreateNonEnumerableDataPropertyOrThrow(O, "message", msg) */
    hx_value message = HX_ARG(arg);
    if (!hx_is_undefined(message)) {
        hx_value msg = hx_to_string(realm, message);
        if (hx_is_exception(msg)) return msg;
        if (hx_define_value(realm, o, HX_ATOM(rt, message), msg, HX_PROP_BUILTIN) < 0) return HX_EXCEPTION;
    }
    /* step 4 */
    if (install_error_cause(realm, o, HX_ARG(arg + 1)) < 0) return HX_EXCEPTION;
    if (magic == KIND_AGGREGATE) {
        /* AggregateError steps 5-6 */
        hx_value list = hx_iterable_to_list(realm, HX_ARG(0));
        if (hx_is_exception(list)) return list;
        if (hx_define_value(realm, o, HX_ATOM(rt, errors), list, HX_PROP_BUILTIN) < 0) return HX_EXCEPTION;
    }
    if (hx_error_capture_stack(realm, o) < 0) return HX_EXCEPTION;
    return ov;
}

/* ES2025 20.5.3.4 Error.prototype.toString ( ) */
NATIVE(error_to_string) {
    hx_runtime *rt = realm->rt;
    hx_value o = this_value;
    if (!hx_is_object(o)) return hx_throw_type_error(realm, "Error.prototype.toString called on non-object");
    hx_value name = hx_get(realm, o, HX_ATOM(rt, name));
    if (hx_is_exception(name)) return name;
    name = hx_is_undefined(name) ? HX_ATOM(rt, Error) : hx_to_string(realm, name);
    if (hx_is_exception(name)) return name;
    hx_value msg = hx_get(realm, o, HX_ATOM(rt, message));
    if (hx_is_exception(msg)) return msg;
    msg = hx_is_undefined(msg) ? HX_ATOM(rt, empty) : hx_to_string(realm, msg);
    if (hx_is_exception(msg)) return msg;
    if (hx_as_string(name)->len == 0) return msg;
    if (hx_as_string(msg)->len == 0) return name;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_string(&sb, hx_as_string(name));
    hx_sb_add_cstr(&sb, ": ");
    hx_sb_add_string(&sb, hx_as_string(msg));
    return hx_sb_finish(&sb);
}

static const hx_builtin error_proto[] = {
    HX_FUNC("toString", error_to_string, 0),
};

/* Creates one constructor/prototype pair; parent is %Error% for the others. */
static int make_kind(hx_realm *realm, int kind, hx_object *proto_parent, hx_object *ctor_parent) {
    hx_runtime *rt = realm->rt;
    hx_object *proto = hx_object_new(realm, proto_parent, HX_CLASS_OBJECT);
    if (!proto) return -1;
    realm->intrinsics[kinds[kind].proto] = hx_object_value(proto);
    int length = kind == KIND_AGGREGATE ? 2 : 1;
    hx_value ctor = hx_make_constructor(realm, error_ctor, kinds[kind].name, length, proto, kind);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[kinds[kind].ctor] = ctor;
    if (ctor_parent && hx_set_prototype_of(realm, hx_as_object(ctor), hx_object_value(ctor_parent)) <= 0) return -1;
    hx_value name = hx_atom_from_cstr(rt, kinds[kind].name);
    if (hx_is_exception(name) ||
        hx_define_value(realm, proto, HX_ATOM(rt, name), name, HX_PROP_BUILTIN) < 0 ||
        hx_define_value(realm, proto, HX_ATOM(rt, message), HX_ATOM(rt, empty), HX_PROP_BUILTIN) < 0)
        return -1;
    return hx_define_global(realm, kinds[kind].name, ctor);
}

int hx_init_error(hx_realm *realm) {
    if (make_kind(realm, HR_ERROR, HX_INTR_OBJ(realm, ObjectPrototype), NULL) < 0) return -1;
    if (HX_INSTALL(realm, HX_INTR_OBJ(realm, ErrorPrototype), error_proto) < 0) return -1;
    hx_object *ep = HX_INTR_OBJ(realm, ErrorPrototype), *ec = HX_INTR_OBJ(realm, Error);
    static const int natives[] = {HR_EVAL_ERROR, HR_RANGE_ERROR, HR_REFERENCE_ERROR,
                                  HR_SYNTAX_ERROR, HR_TYPE_ERROR, HR_URI_ERROR, KIND_AGGREGATE};
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        if (make_kind(realm, natives[i], ep, ec) < 0) return -1;
    return 0;
}
