/*
 * function.c — the Function constructor and Function.prototype (ES2025
 * 20.2): apply, bind (bound function exotic objects, 10.4.1), call,
 * toString, [Symbol.hasInstance], and %ThrowTypeError% (10.2.4.1) with the
 * restricted "caller" / "arguments" accessors of Function.prototype.
 *
 * Invariant: a bound function's u.bound.args is an hx_mem_alloc'd array of
 * u.bound.argc values (NULL when argc is 0), owned by the bound function
 * and traced / released by the bound-function class hooks.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "compile/compiler.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* ES2025 7.3.18 CreateListFromArrayLike: an hx_mem_alloc'd array of *count
 * values (NULL when empty), or NULL with an exception pending (*count is
 * then UINT32_MAX).  The values stay rooted through the handle stack. */
hx_value *hx_create_list_from_array_like(hx_realm *realm, hx_value obj, uint32_t *count) {
    *count = UINT32_MAX;
    if (!hx_is_object(obj)) {
        hx_throw_type_error(realm, "CreateListFromArrayLike called on non-object");
        return NULL;
    }
    int64_t len = hx_length_of(realm, obj);
    if (len < 0) return NULL;
    if (len > HX_MAX_APPLY_ARGS) {
        hx_throw_range_error(realm, "Too many arguments in function call (only %d allowed)", HX_MAX_APPLY_ARGS);
        return NULL;
    }
    if (len == 0) {
        *count = 0;
        return NULL;
    }
    hx_value *list = hx_mem_alloc(realm->rt, (size_t)len * sizeof(hx_value));
    if (!list) return NULL;
    hx_object *o = hx_as_object(obj);
    for (uint32_t i = 0; i < (uint32_t)len; i++) {
        /* dense fast path: an ordinary array's own element needs no lookup */
        if (hx_class_of(o) == HX_CLASS_ARRAY && !(o->hdr.flags & HX_OBJ_SPARSE) && i < o->elem_len &&
            o->elems[i] != HX_HOLE) {
            list[i] = o->elems[i];
            /* root it: a later getter may remove it from the array */
            if (hx_is_heap(list[i])) hx_handles_push(realm->rt, list[i]);
            continue;
        }
        hx_value v = hx_get(realm, obj, hx_index_key(i));
        if (hx_is_exception(v)) {
            hx_mem_free(realm->rt, list, (size_t)len * sizeof(hx_value));
            return NULL;
        }
        list[i] = v;
    }
    *count = (uint32_t)len;
    return list;
}

/* Joins the stringified parameter arguments with "," and converts both
 * texts to UTF-8, then compiles (ES2025 20.2.1.1.1 CreateDynamicFunction). */
hx_value hx_create_dynamic_function(hx_realm *realm, int argc, hx_value *argv, hx_value new_target,
                                    int kind) {
    hx_runtime *rt = realm->rt;
    /* step 1: newTarget defaults to the constructor itself */
    if (hx_is_undefined(new_target)) {
        hx_object *active = hx_current_native(rt);
        if (active) new_target = hx_object_value(active);
    }
    /* steps 6-9: ToString of every parameter, then of the body */
    int nparams = argc > 0 ? argc - 1 : 0;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (int i = 0; i < nparams; i++) {
        hx_value s = hx_to_string(realm, argv[i]);
        if (hx_is_exception(s)) {
            hx_sb_free(&sb);
            return s;
        }
        /* step 12: P is the parameter strings joined with "," */
        if (i) hx_sb_add_unit(&sb, ',');
        hx_sb_add_string(&sb, hx_as_string(s));
    }
    hx_value body = argc > 0 ? hx_to_string(realm, argv[argc - 1]) : HX_ATOM(rt, empty);
    if (hx_is_exception(body)) {
        hx_sb_free(&sb);
        return body;
    }
    hx_value params = hx_sb_finish(&sb);
    if (hx_is_exception(params)) return params;
    size_t plen = 0, blen = 0;
    char *p = hx_string_to_wtf8(rt, hx_as_string(params), &plen);
    if (!p) return HX_EXCEPTION;
    char *b = hx_string_to_wtf8(rt, hx_as_string(body), &blen);
    if (!b) {
        hx_mem_free(rt, p, plen + 1);
        return HX_EXCEPTION;
    }
    hx_value f = hx_compile_dynamic_function(realm, p, plen, b, blen, kind, new_target);
    hx_mem_free(rt, p, plen + 1);
    hx_mem_free(rt, b, blen + 1);
    return f;
}

/* ES2025 20.2.1.1 Function ( ...parameterArgs, bodyArg ) */
NATIVE(function_ctor) { return hx_create_dynamic_function(realm, argc, argv, new_target, HX_DYNFN_NORMAL); }

/* ES2025 20.2.3.1 Function.prototype.apply ( thisArg, argArray ) */
NATIVE(proto_apply) {
    if (!hx_is_callable(this_value)) return hx_throw_type_error(realm, "Function.prototype.apply was called on a non-function");
    hx_value arg_array = HX_ARG(1);
    if (hx_is_nullish(arg_array)) return hx_call(realm, this_value, HX_ARG(0), 0, NULL);
    uint32_t n;
    hx_value *list = hx_create_list_from_array_like(realm, arg_array, &n);
    if (n == UINT32_MAX) return HX_EXCEPTION;
    hx_value r = hx_call(realm, this_value, HX_ARG(0), (int)n, list);
    hx_mem_free(realm->rt, list, n * sizeof(hx_value));
    return r;
}

/* ES2025 10.4.1.3 BoundFunctionCreate ( targetFunction, boundThis, boundArgs ) */
static hx_value bound_function_create(hx_realm *realm, hx_value target, hx_value bound_this,
                                      int argc, hx_value *argv) {
    hx_value proto = hx_get_prototype_of(realm, hx_as_object(target));
    if (hx_is_exception(proto)) return proto;
    hx_object *f = hx_object_new(realm, hx_is_object(proto) ? hx_as_object(proto) : NULL,
                                 HX_CLASS_BOUND_FUNCTION);
    if (!f) return HX_EXCEPTION;
    f->u.bound.target = target;
    f->u.bound.this_value = bound_this;
    f->u.bound.args = NULL;
    f->u.bound.argc = 0;
    if (argc > 0) {
        hx_value *args = hx_mem_alloc(realm->rt, (size_t)argc * sizeof(hx_value));
        if (!args) return HX_EXCEPTION;
        memcpy(args, argv, (size_t)argc * sizeof(hx_value));
        f->u.bound.args = args;
        f->u.bound.argc = (uint32_t)argc;
    }
    f->hdr.flags |= HX_OBJ_CALLABLE | (hx_is_constructor(target) ? HX_OBJ_CONSTRUCTOR : 0);
    return hx_object_value(f);
}

/* ES2025 20.2.3.2 Function.prototype.bind ( thisArg, ...args ) */
NATIVE(proto_bind) {
    hx_runtime *rt = realm->rt;
    hx_value target = this_value;
    /* step 2 */
    if (!hx_is_callable(target)) return hx_throw_type_error(realm, "Bind must be called on a function");
    /* step 3 */
    int nargs = argc > 1 ? argc - 1 : 0;
    hx_value fv = bound_function_create(realm, target, HX_ARG(0), nargs, argv + 1);
    if (hx_is_exception(fv)) return fv;
    hx_object *f = hx_as_object(fv);
    /* steps 4-6 */
    double l = 0;
    hx_desc d;
    int has_len = hx_get_own_property(realm, hx_as_object(target), HX_ATOM(rt, length), &d);
    if (has_len < 0) return HX_EXCEPTION;
    if (has_len) {
        hx_value target_len = hx_get(realm, target, HX_ATOM(rt, length));
        if (hx_is_exception(target_len)) return target_len;
        if (hx_is_number(target_len)) {
            double tl = hx_to_double_fast(target_len);
            if (tl == INFINITY) l = INFINITY;
            else if (tl == -INFINITY) l = 0;
            else {
                double as_int;
                if (hx_to_integer_or_infinity(realm, target_len, &as_int) < 0) return HX_EXCEPTION;
                /* max(targetLenAsInt - argCount, 0): also maps -0 to +0 */
                l = as_int - nargs;
                if (!(l > 0)) l = 0;
            }
        }
    }
    /* step 7 */
    if (hx_set_function_length(realm, f, l) < 0) return HX_EXCEPTION;
    /* steps 8-10: SetFunctionName(F, targetName, "bound") */
    hx_value target_name = hx_get(realm, target, HX_ATOM(rt, name));
    if (hx_is_exception(target_name)) return target_name;
    if (!hx_is_string(target_name)) target_name = HX_ATOM(rt, empty);
    hx_value name = hx_string_concat(rt, HX_ATOM(rt, bound_), target_name);
    if (hx_is_exception(name)) return name;
    if (hx_define_value(realm, f, HX_ATOM(rt, name), name, HX_PROP_CONFIGURABLE) < 0) return HX_EXCEPTION;
    return fv;
}

/* ES2025 20.2.3.3 Function.prototype.call ( thisArg, ...args ) */
NATIVE(proto_call) {
    if (!hx_is_callable(this_value)) return hx_throw_type_error(realm, "Function.prototype.call was called on a non-function");
    return hx_call(realm, this_value, HX_ARG(0), argc > 1 ? argc - 1 : 0, argc > 1 ? argv + 1 : NULL);
}

/* The NativeFunction form (ES2025 20.2.3.5 steps 2-3): the function's own
 * "name" (its initial name for builtins) after "function ". */
static hx_value native_function_string(hx_realm *realm, hx_object *f) {
    hx_runtime *rt = realm->rt;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "function ");
    hx_class_id cls = hx_class_of(f);
    if (cls == HX_CLASS_NATIVE_FUNCTION) {
        hx_desc d;
        if (hx_ordinary_get_own_property(realm, f, HX_ATOM(rt, name), &d) > 0 &&
            !(d.flags & HX_PROP_ACCESSOR) && hx_is_string(d.value))
            hx_sb_add_string(&sb, hx_as_string(d.value));
    }
    hx_sb_add_cstr(&sb, "() { [native code] }");
    return hx_sb_finish(&sb);
}

/* ES2025 20.2.3.5 Function.prototype.toString ( ) */
NATIVE(proto_to_string) {
    hx_runtime *rt = realm->rt;
    hx_value func = this_value;
    if (hx_is_object(func)) {
        hx_object *f = hx_as_object(func);
        /* step 2: functions with [[SourceText]] */
        if (hx_class_of(f) == HX_CLASS_FUNCTION) {
            hx_funcdef *def = f->u.closure.def;
            if (def && def->source && def->source->text && def->src_end > def->src_start &&
                def->src_end <= def->source->len)
                return hx_string_from_utf8(rt, def->source->text + def->src_start, def->src_end - def->src_start);
            return native_function_string(realm, f);
        }
        /* steps 3-4: built-in and other callable objects */
        if (hx_is_callable(func)) return native_function_string(realm, f);
    }
    return hx_throw_type_error(realm, "Function.prototype.toString requires that 'this' be a Function");
}

/* ES2025 20.2.3.6 Function.prototype [ %Symbol.hasInstance% ] ( V ) */
NATIVE(proto_has_instance) {
    int r = hx_ordinary_has_instance(realm, this_value, HX_ARG(0));
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* ES2025 10.2.4.1 %ThrowTypeError% ( ) */
NATIVE(throw_type_error) {
    return hx_throw_type_error(realm, "'caller', 'callee', and 'arguments' properties may not be accessed on "
                                      "strict mode functions or the arguments objects for calls to them");
}

static const hx_builtin function_proto[] = {
    HX_FUNC("apply", proto_apply, 2),
    HX_FUNC("bind", proto_bind, 1),
    HX_FUNC("call", proto_call, 1),
    HX_FUNC("toString", proto_to_string, 0),
};

int hx_init_function(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *fp = HX_INTR_OBJ(realm, FunctionPrototype);
    hx_value ctor = hx_make_constructor(realm, function_ctor, "Function", 1, fp, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, Function) = ctor;
    if (HX_INSTALL(realm, fp, function_proto) < 0) return -1;

    /* [Symbol.hasInstance]: not writable, enumerable or configurable */
    hx_key hi = HX_SYMBOL(rt, hasInstance);
    hx_value hf = hx_native_function_new(realm, proto_has_instance, hi, 1, 0, false);
    if (hx_is_exception(hf) || hx_define_value(realm, fp, hi, hf, 0) < 0) return -1;

    /* %ThrowTypeError%: length 0 and name "" non-configurable, not extensible */
    hx_value tte = hx_native_function_new(realm, throw_type_error, HX_ATOM(rt, empty), 0, 0, false);
    if (hx_is_exception(tte)) return -1;
    hx_object *t = hx_as_object(tte);
    if (hx_define_value(realm, t, HX_ATOM(rt, length), hx_int(0), 0) < 0 ||
        hx_define_value(realm, t, HX_ATOM(rt, name), HX_ATOM(rt, empty), 0) < 0)
        return -1;
    t->hdr.flags &= ~HX_OBJ_EXTENSIBLE;
    HX_INTR(realm, ThrowTypeError) = tte;

    /* ES2025 10.2.4 AddRestrictedFunctionProperties ( F, realm ) */
    if (hx_define_accessor(realm, fp, HX_ATOM(rt, caller), tte, tte, HX_PROP_CONFIGURABLE) < 0 ||
        hx_define_accessor(realm, fp, HX_ATOM(rt, arguments), tte, tte, HX_PROP_CONFIGURABLE) < 0)
        return -1;
    return hx_define_global(realm, "Function", ctor);
}
