/*
 * generator.c — %GeneratorFunction%, %GeneratorFunction.prototype%,
 * %GeneratorPrototype% (ES2025 27.3-27.5) and the yield* delegation step
 * the interpreter uses (ES2025 15.5.5, generator case).  Suspension and
 * resumption themselves are the interpreter's (hx_generator_resume).
 */
#include <string.h>
#include "vm/vm.h"
#include "compile/compiler.h"

hx_value hx_create_dynamic_function(hx_realm *realm, int argc, hx_value *argv, hx_value new_target, int kind);

static hx_value gen_validate(hx_realm *realm, hx_value v, hx_object **out) {
    if (!hx_is_object(v) || hx_class_of(hx_as_object(v)) != HX_CLASS_GENERATOR)
        return hx_throw_type_error(realm, "not a generator object");
    *out = hx_as_object(v);
    return HX_UNDEFINED;
}

static hx_value gen_resume(hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value nt, int magic) {
    hx_object *g = NULL;
    if (hx_is_exception(gen_validate(realm, this_value, &g))) return HX_EXCEPTION;
    return hx_generator_resume(realm, g, HX_ARG(0), magic);
}

/* ES2025 27.3.1.1 GeneratorFunction(...parameterArgs, bodyArg) */
static hx_value generator_function_ctor(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                        hx_value nt, int magic) {
    return hx_create_dynamic_function(realm, argc, argv, nt, HX_DYNFN_GENERATOR);
}

static const hx_builtin generator_proto[] = {
    HX_FUNC_MAGIC("next", gen_resume, 1, 0),
    HX_FUNC_MAGIC("return", gen_resume, 1, 2),
    HX_FUNC_MAGIC("throw", gen_resume, 1, 1),
    HX_SYM_VALUE_S("toStringTag", "Generator", HX_PROP_CONFIGURABLE),
};

static const hx_builtin genfn_proto[] = {
    HX_SYM_VALUE_S("toStringTag", "GeneratorFunction", HX_PROP_CONFIGURABLE),
};

int hx_init_generator(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_value ip = realm->intrinsics[HX_INTR_IteratorPrototype];
    hx_object *gp = hx_object_new(realm, hx_is_object(ip) ? hx_as_object(ip) : HX_INTR_OBJ(realm, ObjectPrototype),
                                  HX_CLASS_OBJECT);
    if (!gp) return -1;
    realm->intrinsics[HX_INTR_GeneratorPrototype] = hx_object_value(gp);
    hx_object *gfp = hx_object_new(realm, HX_INTR_OBJ(realm, FunctionPrototype), HX_CLASS_OBJECT);
    if (!gfp) return -1;
    realm->intrinsics[HX_INTR_GeneratorFunctionPrototype] = hx_object_value(gfp);
    if (HX_INSTALL(realm, gp, generator_proto) < 0 || HX_INSTALL(realm, gfp, genfn_proto) < 0) return -1;
    /* %GeneratorFunction.prototype.prototype% and back (non-writable, configurable) */
    if (hx_define_value(realm, gfp, HX_ATOM(rt, prototype), hx_object_value(gp), HX_PROP_CONFIGURABLE) < 0 ||
        hx_define_value(realm, gp, HX_ATOM(rt, constructor), hx_object_value(gfp), HX_PROP_CONFIGURABLE) < 0)
        return -1;
    hx_value ctor = hx_make_constructor(realm, generator_function_ctor, "GeneratorFunction", 1, NULL, 0);
    if (hx_is_exception(ctor)) return -1;
    hx_value fn = realm->intrinsics[HX_INTR_Function];
    if (hx_is_object(fn) && hx_set_prototype_of(realm, hx_as_object(ctor), fn) < 0) return -1;
    if (hx_define_value(realm, hx_as_object(ctor), HX_ATOM(rt, prototype), hx_object_value(gfp), 0) < 0 ||
        hx_define_value(realm, gfp, HX_ATOM(rt, constructor), ctor, HX_PROP_CONFIGURABLE) < 0)
        return -1;
    realm->intrinsics[HX_INTR_GeneratorFunction] = ctor;
    return 0;
}

/* One step of yield* (ES2025 15.5.5 steps 7.a-c).  sp points past
 * [iterator next done received kind].  flag: 0 yield *out (an inner result
 * object), 1 return *out from the generator, 2 *out is the value of yield*. */
int hx_ystar_step(hx_realm *realm, hx_value *sp, hx_value *out, int *flag) {
    hx_runtime *rt = realm->rt;
    hx_value iter = sp[-5], next = sp[-4], received = sp[-2];
    int kind = hx_get_int(sp[-1]);
    hx_value res;
    if (kind == 0) {
        res = hx_call(realm, next, iter, 1, &received);
    } else if (kind == 1) {
        hx_value th = hx_get_method(realm, iter, HX_ATOM(rt, throw_));
        if (hx_is_exception(th)) return -1;
        if (hx_is_undefined(th)) {
            hx_iter it = {iter, next, false};
            if (hx_is_exception(hx_iter_close(realm, &it, HX_UNDEFINED))) return -1;
            hx_throw_type_error(realm, "The iterator does not provide a 'throw' method");
            return -1;
        }
        res = hx_call(realm, th, iter, 1, &received);
    } else {
        hx_value rm = hx_get_method(realm, iter, HX_ATOM(rt, return_));
        if (hx_is_exception(rm)) return -1;
        if (hx_is_undefined(rm)) {
            *out = received;
            *flag = 1;
            return 0;
        }
        res = hx_call(realm, rm, iter, 1, &received);
    }
    if (hx_is_exception(res)) return -1;
    if (!hx_is_object(res)) {
        hx_throw_type_error(realm, "iterator result is not an object");
        return -1;
    }
    hx_value done = hx_get(realm, res, HX_ATOM(rt, done));
    if (hx_is_exception(done)) return -1;
    if (hx_to_boolean(done)) {
        hx_value v = hx_get(realm, res, HX_ATOM(rt, value));
        if (hx_is_exception(v)) return -1;
        *out = v;
        *flag = kind == 2 ? 1 : 2;
        return 0;
    }
    *out = res;
    *flag = 0;
    return 0;
}
