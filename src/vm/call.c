/*
 * function.c — function objects and the [[Call]] / [[Construct]] entry
 * points used from C: native functions (built from hx_native_fn), bound
 * functions, and dispatch into the interpreter for bytecode closures.
 *
 * Every call from C into JavaScript goes through hx_call/hx_construct,
 * which count native nesting (HX_MAX_NATIVE_DEPTH) so deep recursion
 * through builtins (getters, callbacks, Proxy traps) throws a RangeError
 * long before the C stack runs out.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

/* Proxies are linked in when their family is (src/vm/proxy.c). */
__attribute__((weak)) hx_value hx_proxy_call(hx_realm *realm, hx_object *proxy, hx_value this_value, int argc, hx_value *argv);
__attribute__((weak)) hx_value hx_proxy_construct(hx_realm *realm, hx_object *proxy, int argc, hx_value *argv, hx_value new_target);

hx_value hx_native_function_new(hx_realm *realm, hx_native_fn fn, hx_key name, int length,
                                int magic, bool constructor) {
    hx_runtime *rt = realm->rt;
    hx_object *f = hx_object_new(realm, HX_INTR_OBJ(realm, FunctionPrototype), HX_CLASS_NATIVE_FUNCTION);
    if (!f) return HX_EXCEPTION;
    f->hdr.flags |= HX_OBJ_CALLABLE | (constructor ? HX_OBJ_CONSTRUCTOR : 0);
    f->u.native.fn = fn;
    f->u.native.realm = realm;
    f->u.native.magic = magic;
    f->u.native.data = f->u.native.data2 = HX_UNDEFINED;
    if (hx_define_value(realm, f, HX_ATOM(rt, length), hx_int(length), HX_PROP_CONFIGURABLE) < 0)
        return HX_EXCEPTION;
    hx_value nv = hx_is_symbol(name) ? HX_ATOM(rt, empty) : hx_key_to_value(rt, name);
    if (hx_is_symbol(name) && hx_set_function_name(realm, f, name, HX_UNDEFINED) < 0) return HX_EXCEPTION;
    if (!hx_is_symbol(name) && hx_define_value(realm, f, HX_ATOM(rt, name), nv, HX_PROP_CONFIGURABLE) < 0)
        return HX_EXCEPTION;
    return hx_object_value(f);
}

static hx_value call_native(hx_realm *realm, hx_object *f, hx_value this_value, int argc,
                            hx_value *argv, hx_value new_target) {
    hx_runtime *rt = realm->rt;
    size_t mark = hx_handles_save(rt);
    hx_realm *callee_realm = f->u.native.realm;
    hx_realm *saved = rt->current_realm;
    rt->current_realm = callee_realm;
    hx_value r;
    if (f->u.native.api_fn) {
        hx_value nt = new_target;
        (void)nt;
        r = f->u.native.api_fn((hr_realm *)callee_realm, this_value, argc, argv, f->u.native.api_data);
    } else {
        /* natives see their own function object through the frame's callee */
        hx_frame fr;
        memset(&fr, 0, sizeof fr);
        fr.caller = rt->frame;
        fr.callee = f;
        fr.flags = HX_FRAME_NATIVE;
        fr.this_value = this_value;
        fr.new_target = new_target;
        fr.realm = callee_realm;
        rt->frame = &fr;
        r = f->u.native.fn(callee_realm, this_value, argc, argv, new_target, f->u.native.magic);
        rt->frame = fr.caller;
    }
    rt->current_realm = saved;
    hx_handles_restore(rt, mark);
    if (hx_is_heap(r)) hx_handles_push(rt, r);
    return r;
}

hx_object *hx_current_native(hx_runtime *rt) {
    return rt->frame && (rt->frame->flags & HX_FRAME_NATIVE) ? rt->frame->callee : NULL;
}

static bool enter(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    if (rt->native_depth >= HX_MAX_NATIVE_DEPTH) {
        hx_throw_range_error(realm, "Maximum call stack size exceeded");
        return false;
    }
    rt->native_depth++;
    return true;
}

hx_value hx_call(hx_realm *realm, hx_value fn, hx_value this_value, int argc, hx_value *argv) {
    if (!hx_is_callable(fn)) return hx_throw_type_error(realm, "%s is not a function",
                                                       hx_is_undefined(fn) ? "undefined" : "value");
    hx_object *f = hx_as_object(fn);
    if (!enter(realm)) return HX_EXCEPTION;
    hx_value r;
    switch (hx_class_of(f)) {
    case HX_CLASS_FUNCTION:
        if (f->hdr.flags & HX_OBJ_CLASS_CONSTRUCTOR) {
            r = hx_throw_type_error(f->u.closure.realm, "Class constructor cannot be invoked without 'new'");
            break;
        }
        r = hx_interp_call(realm, f, this_value, argc, argv, HX_UNDEFINED);
        break;
    case HX_CLASS_NATIVE_FUNCTION: r = call_native(realm, f, this_value, argc, argv, HX_UNDEFINED); break;
    case HX_CLASS_BOUND_FUNCTION: {
        uint32_t n = f->u.bound.argc + (uint32_t)argc;
        hx_value *args = n ? hx_mem_alloc(realm->rt, n * sizeof(hx_value)) : NULL;
        if (n && !args) {
            r = HX_EXCEPTION;
            break;
        }
        if (f->u.bound.argc) memcpy(args, f->u.bound.args, f->u.bound.argc * sizeof(hx_value));
        if (argc) memcpy(args + f->u.bound.argc, argv, (size_t)argc * sizeof(hx_value));
        /* args are reachable from f (bound args) and the caller (argv) */
        r = hx_call(realm, f->u.bound.target, f->u.bound.this_value, (int)n, args);
        hx_mem_free(realm->rt, args, n * sizeof(hx_value));
        break;
    }
    default:
        r = hx_class_of(f) == HX_CLASS_PROXY && hx_proxy_call ? hx_proxy_call(realm, f, this_value, argc, argv)
                                                               : hx_throw_type_error(realm, "not a function (Proxy is not built yet)");
        break;
    }
    realm->rt->native_depth--;
    if (hx_is_heap(r)) hx_handles_push(realm->rt, r);
    return r;
}

hx_value hx_construct(hx_realm *realm, hx_value fn, int argc, hx_value *argv, hx_value new_target) {
    if (!hx_is_constructor(fn)) return hx_throw_type_error(realm, "not a constructor");
    if (hx_is_undefined(new_target)) new_target = fn;
    hx_object *f = hx_as_object(fn);
    if (!enter(realm)) return HX_EXCEPTION;
    hx_value r;
    switch (hx_class_of(f)) {
    case HX_CLASS_FUNCTION: r = hx_interp_call(realm, f, HX_UNDEFINED, argc, argv, new_target); break;
    case HX_CLASS_NATIVE_FUNCTION: r = call_native(realm, f, HX_UNDEFINED, argc, argv, new_target); break;
    case HX_CLASS_BOUND_FUNCTION: {
        uint32_t n = f->u.bound.argc + (uint32_t)argc;
        hx_value *args = n ? hx_mem_alloc(realm->rt, n * sizeof(hx_value)) : NULL;
        if (n && !args) {
            r = HX_EXCEPTION;
            break;
        }
        if (f->u.bound.argc) memcpy(args, f->u.bound.args, f->u.bound.argc * sizeof(hx_value));
        if (argc) memcpy(args + f->u.bound.argc, argv, (size_t)argc * sizeof(hx_value));
        if (new_target == fn) new_target = f->u.bound.target;
        r = hx_construct(realm, f->u.bound.target, (int)n, args, new_target);
        hx_mem_free(realm->rt, args, n * sizeof(hx_value));
        break;
    }
    default:
        r = hx_class_of(f) == HX_CLASS_PROXY && hx_proxy_construct ? hx_proxy_construct(realm, f, argc, argv, new_target)
                                                                    : hx_throw_type_error(realm, "not a constructor (Proxy is not built yet)");
        break;
    }
    realm->rt->native_depth--;
    if (hx_is_heap(r)) hx_handles_push(realm->rt, r);
    return r;
}

/* ES2025 10.2.9 SetFunctionName */
int hx_set_function_name(hx_realm *realm, hx_object *fn, hx_key name, hx_key prefix) {
    hx_runtime *rt = realm->rt;
    hx_value nv;
    if (hx_is_symbol(name)) {
        hx_value d = hx_as_symbol(name)->description;
        if (hx_as_symbol(name)->hdr.flags & HX_SYM_PRIVATE) nv = d;
        else if (hx_is_undefined(d)) nv = HX_ATOM(rt, empty);
        else {
            hx_sb sb;
            hx_sb_init(&sb, rt);
            hx_sb_add_unit(&sb, '[');
            hx_sb_add_string(&sb, hx_as_string(d));
            hx_sb_add_unit(&sb, ']');
            nv = hx_sb_finish(&sb);
        }
    } else
        nv = hx_key_to_value(rt, name);
    if (hx_is_exception(nv)) return -1;
    if (!hx_is_undefined(prefix)) {
        hx_value sp = hx_string_concat(rt, prefix, hx_string_from_cstr(rt, " "));
        if (hx_is_exception(sp)) return -1;
        nv = hx_string_concat(rt, sp, nv);
        if (hx_is_exception(nv)) return -1;
    }
    return hx_define_value(realm, fn, HX_ATOM(rt, name), nv, HX_PROP_CONFIGURABLE);
}

int hx_set_function_length(hx_realm *realm, hx_object *fn, double length) {
    return hx_define_value(realm, fn, HX_ATOM(realm->rt, length), hx_number(length), HX_PROP_CONFIGURABLE);
}

/* ES2025 7.3.24 GetFunctionRealm */
hx_realm *hx_function_realm(hx_realm *realm, hx_object *fn) {
    for (int guard = 0; guard < 100000; guard++) {
        switch (hx_class_of(fn)) {
        case HX_CLASS_FUNCTION: return fn->u.closure.realm;
        case HX_CLASS_NATIVE_FUNCTION: return fn->u.native.realm;
        case HX_CLASS_BOUND_FUNCTION: fn = hx_as_object(fn->u.bound.target); continue;
        case HX_CLASS_PROXY:
            if (!hx_is_object(fn->u.data.slots[0])) {
                hx_throw_type_error(realm, "Cannot get the realm of a revoked proxy");
                return NULL;
            }
            fn = hx_as_object(fn->u.data.slots[0]);
            continue;
        default: return realm;
        }
    }
    return realm;
}

/* ES2025 10.1.14 GetPrototypeFromConstructor */
hx_value hx_get_prototype_from_constructor(hx_realm *realm, hx_value new_target,
                                           hx_intrinsic default_proto) {
    if (!hx_is_object(new_target)) return realm->intrinsics[default_proto];
    hx_value proto = hx_get(realm, new_target, HX_ATOM(realm->rt, prototype));
    if (hx_is_exception(proto)) return proto;
    if (!hx_is_object(proto)) {
        hx_realm *r = hx_function_realm(realm, hx_as_object(new_target));
        if (!r) return HX_EXCEPTION;
        proto = r->intrinsics[default_proto];
    }
    return proto;
}

/* ES2025 10.1.13 OrdinaryCreateFromConstructor */
hx_value hx_ordinary_create_from_constructor(hx_realm *realm, hx_value new_target,
                                             hx_intrinsic default_proto, hx_class_id cls) {
    hx_value proto = hx_get_prototype_from_constructor(realm, new_target, default_proto);
    if (hx_is_exception(proto)) return proto;
    hx_object *o = hx_object_new(realm, hx_as_object(proto), cls);
    return o ? hx_object_value(o) : HX_EXCEPTION;
}

/* ES2025 7.3.22 SpeciesConstructor */
hx_value hx_species_constructor(hx_realm *realm, hx_object *o, hx_value default_ctor) {
    hx_value c = hx_get(realm, hx_object_value(o), HX_ATOM(realm->rt, constructor));
    if (hx_is_exception(c)) return c;
    if (hx_is_undefined(c)) return default_ctor;
    if (!hx_is_object(c)) return hx_throw_type_error(realm, "object.constructor is not an object");
    hx_value s = hx_get(realm, c, HX_SYMBOL(realm->rt, species));
    if (hx_is_exception(s)) return s;
    if (hx_is_nullish(s)) return default_ctor;
    if (hx_is_constructor(s)) return s;
    return hx_throw_type_error(realm, "object.constructor[Symbol.species] is not a constructor");
}

/* ES2025 7.3.21 Invoke */
hx_value hx_invoke(hx_realm *realm, hx_value v, hx_key key, int argc, hx_value *argv) {
    hx_value f = hx_get(realm, v, key);
    if (hx_is_exception(f)) return f;
    return hx_call(realm, f, v, argc, argv);
}

/* ES2025 7.3.20 OrdinaryHasInstance */
int hx_ordinary_has_instance(hx_realm *realm, hx_value c, hx_value o) {
    if (!hx_is_callable(c)) return 0;
    hx_object *cf = hx_as_object(c);
    if (hx_class_of(cf) == HX_CLASS_BOUND_FUNCTION)
        return hx_instance_of(realm, o, cf->u.bound.target);
    if (!hx_is_object(o)) return 0;
    hx_value p = hx_get(realm, c, HX_ATOM(realm->rt, prototype));
    if (hx_is_exception(p)) return -1;
    if (!hx_is_object(p)) {
        hx_throw_type_error(realm, "Function has non-object prototype in instanceof check");
        return -1;
    }
    hx_object *obj = hx_as_object(o);
    for (;;) {
        hx_value q = hx_get_prototype_of(realm, obj);
        if (hx_is_exception(q)) return -1;
        if (!hx_is_object(q)) return 0;
        if (hx_as_object(q) == hx_as_object(p)) return 1;
        obj = hx_as_object(q);
    }
}

/* ES2025 13.10.2 InstanceofOperator */
int hx_instance_of(hx_realm *realm, hx_value o, hx_value c) {
    if (!hx_is_object(c)) {
        hx_throw_type_error(realm, "Right-hand side of 'instanceof' is not an object");
        return -1;
    }
    hx_value h = hx_get_method(realm, c, HX_SYMBOL(realm->rt, hasInstance));
    if (hx_is_exception(h)) return -1;
    if (!hx_is_undefined(h)) {
        hx_value r = hx_call(realm, h, c, 1, &o);
        if (hx_is_exception(r)) return -1;
        return hx_to_boolean(r);
    }
    if (!hx_is_callable(c)) {
        hx_throw_type_error(realm, "Right-hand side of 'instanceof' is not callable");
        return -1;
    }
    return hx_ordinary_has_instance(realm, c, o);
}
