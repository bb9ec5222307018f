/*
 * proxy.c — Proxy exotic objects (ES2025 10.5): every internal method as a
 * hook of hx_proxy_exotic, plus [[Call]] / [[Construct]] (hx_proxy_call,
 * hx_proxy_construct, reached through hx_call / hx_construct) and
 * ProxyCreate.
 *
 * Class data (HX_CLASS_PROXY): u.data.slots[0] = [[ProxyTarget]] (an object,
 * or null once revoked), slots[1] = [[ProxyHandler]] (likewise).  A proxy is
 * callable / a constructor exactly when its target was at creation.
 *
 * Invariants a reader must keep:
 *  - Every method re-checks revocation first (ValidateNonRevokedProxy) and
 *    then works on the target and handler it read: a trap may revoke the
 *    proxy, so both are rooted for the rest of the method.
 *  - Each method runs inside enter()/leave(): a native-depth guard (a chain
 *    of proxies without traps recurses in C without passing through hx_call)
 *    and a handle scope, so long loops over proxies do not grow the handle
 *    stack; results that outlive the scope are re-rooted by leave_*.
 *  - Every invariant check of 10.5 is performed, in the spec's order.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

/* ---- entry, exit and trap lookup ------------------------------------------- */

static bool enter(hx_realm *realm, size_t *mark) {
    hx_runtime *rt = realm->rt;
    if (rt->native_depth >= HX_MAX_NATIVE_DEPTH) {
        hx_throw_range_error(realm, "Maximum call stack size exceeded");
        return false;
    }
    rt->native_depth++;
    *mark = hx_handles_save(rt);
    return true;
}

static int leave_int(hx_realm *realm, size_t mark, int r) {
    realm->rt->native_depth--;
    hx_handles_restore(realm->rt, mark);
    return r;
}

static hx_value leave_value(hx_realm *realm, size_t mark, hx_value v) {
    realm->rt->native_depth--;
    hx_handles_restore(realm->rt, mark);
    if (hx_is_heap(v)) hx_handles_push(realm->rt, v);
    return v;
}

typedef struct trap_ctx {
    hx_object *target;
    hx_value handler;
    hx_value trap; /* undefined when the handler has none */
} trap_ctx;

/* ES2025 10.5.14 ValidateNonRevokedProxy, then steps 2-5 common to every
 * internal method: read target and handler, GetMethod(handler, name).
 * Returns 1 with a trap, 0 without (forward to the target), -1 on throw. */
static int get_trap(hx_realm *realm, hx_object *p, hx_atom_id name, trap_ctx *c) {
    hx_runtime *rt = realm->rt;
    hx_value t = p->u.data.slots[0];
    if (!hx_is_object(t)) {
        hx_value nv = rt->atoms[name];
        char *s = hx_string_to_utf8(rt, hx_as_string(nv), NULL);
        hx_throw_type_error(realm, "Cannot perform '%s' on a proxy that has been revoked", s ? s : "?");
        if (s) hx_mem_free(rt, s, strlen(s) + 1);
        return -1;
    }
    c->target = hx_as_object(t);
    c->handler = p->u.data.slots[1];
    /* the trap may revoke the proxy: keep target and handler alive */
    hx_handles_push(rt, t);
    hx_handles_push(rt, c->handler);
    c->trap = hx_get_method(realm, c->handler, rt->atoms[name]);
    if (hx_is_exception(c->trap)) return -1;
    return hx_is_undefined(c->trap) ? 0 : 1;
}

/* A TypeError naming the trap and, when given, the property. */
static int violation(hx_realm *realm, const char *trap, hx_key key, const char *what) {
    hx_runtime *rt = realm->rt;
    char *name = NULL;
    if (key != HX_UNDEFINED) {
        hx_value kv = hx_key_to_value(rt, key);
        if (hx_is_string(kv)) name = hx_string_to_utf8(rt, hx_as_string(kv), NULL);
    }
    if (key != HX_UNDEFINED)
        hx_throw_type_error(realm, "'%s' on proxy: %s for property '%s'", trap, what,
                            name ? name : (hx_is_symbol(key) ? "<symbol>" : "?"));
    else
        hx_throw_type_error(realm, "'%s' on proxy: %s", trap, what);
    if (name) hx_mem_free(rt, name, strlen(name) + 1);
    return -1;
}

/* A trap returned false where the caller asked for a throw on failure. */
static int falsish(hx_realm *realm, bool throw_on_fail, const char *trap, hx_key key) {
    if (!throw_on_fail) return 0;
    return violation(realm, trap, key, "trap returned falsish");
}

static bool desc_is_data(const hx_desc *d) { return !(d->flags & HX_PROP_ACCESSOR); }

/* ES2025 6.2.6.6 CompletePropertyDescriptor (absent booleans are already false
 * and absent values undefined after hx_to_desc). */
static void complete_desc(hx_desc *d) {
    if (d->has & (HX_DESC_GET | HX_DESC_SET)) {
        d->has |= HX_DESC_GET | HX_DESC_SET;
        d->flags |= HX_PROP_ACCESSOR;
        d->flags &= ~HX_PROP_WRITABLE;
        d->value = HX_UNDEFINED;
    } else {
        d->has |= HX_DESC_VALUE | HX_DESC_WRITABLE;
        d->getter = d->setter = HX_UNDEFINED;
    }
    d->has |= HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
}

/* ES2025 10.1.6.2 IsCompatiblePropertyDescriptor */
static bool is_compatible(hx_realm *realm, bool extensible, const hx_desc *desc,
                          const hx_desc *current, bool has_current) {
    return hx_validate_and_apply(realm, NULL, HX_UNDEFINED, extensible, desc, current, has_current,
                                 false) > 0;
}

/* Private names (class #fields, methods, brands) live in the proxy object
 * itself, like [[PrivateElements]]: they never reach the handler or the
 * target (ES2025 7.3.26 PrivateFieldAdd and friends are not internal
 * methods).  The interpreter reads them with the ordinary algorithms and
 * adds them with hx_define_value, which reaches [[DefineOwnProperty]]. */
static bool is_private(hx_key key) {
    return hx_is_symbol(key) && (hx_as_symbol(key)->hdr.flags & HX_SYM_PRIVATE);
}

/* ---- [[GetPrototypeOf]] / [[SetPrototypeOf]] (10.5.1, 10.5.2) --------------- */

static hx_value proxy_get_prototype_of(hx_realm *realm, hx_object *p) {
    size_t mark;
    if (!enter(realm, &mark)) return HX_EXCEPTION;
    trap_ctx c;
    hx_value r = HX_EXCEPTION;
    int has = get_trap(realm, p, HX_ATOM_getPrototypeOf, &c);
    if (has < 0) goto done;
    if (!has) { /* step 6 */
        r = hx_get_prototype_of(realm, c.target);
        goto done;
    }
    hx_value tv = hx_object_value(c.target);
    hx_value hp = hx_call(realm, c.trap, c.handler, 1, &tv); /* step 7 */
    if (hx_is_exception(hp)) goto done;
    if (!hx_is_object(hp) && !hx_is_null(hp)) { /* step 8 */
        violation(realm, "getPrototypeOf", HX_UNDEFINED, "trap returned neither object nor null");
        goto done;
    }
    int ext = hx_is_extensible(realm, c.target); /* step 9 */
    if (ext < 0) goto done;
    if (ext) { /* step 10 */
        r = hp;
        goto done;
    }
    hx_value tp = hx_get_prototype_of(realm, c.target); /* step 11 */
    if (hx_is_exception(tp)) goto done;
    if (!hx_same_value(hp, tp)) { /* step 12 */
        violation(realm, "getPrototypeOf", HX_UNDEFINED,
                  "proxy target is non-extensible but the trap did not return its actual prototype");
        goto done;
    }
    r = hp;
done:
    return leave_value(realm, mark, r);
}

static int proxy_set_prototype_of(hx_realm *realm, hx_object *p, hx_value v) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_setPrototypeOf, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_set_prototype_of(realm, c.target, v);
        goto done;
    }
    hx_value args[2] = {hx_object_value(c.target), v};
    hx_value res = hx_call(realm, c.trap, c.handler, 2, args); /* step 8 */
    if (hx_is_exception(res)) goto done;
    if (!hx_to_boolean(res)) { /* step 9 */
        r = 0;
        goto done;
    }
    int ext = hx_is_extensible(realm, c.target); /* step 10 */
    if (ext < 0) goto done;
    if (ext) {
        r = 1;
        goto done;
    }
    hx_value tp = hx_get_prototype_of(realm, c.target); /* step 12 */
    if (hx_is_exception(tp)) goto done;
    if (!hx_same_value(v, tp)) { /* step 13 */
        violation(realm, "setPrototypeOf", HX_UNDEFINED,
                  "trap returned truish for setting a new prototype on the non-extensible proxy target");
        goto done;
    }
    r = 1;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[IsExtensible]] / [[PreventExtensions]] (10.5.3, 10.5.4) --------------- */

static int proxy_is_extensible(hx_realm *realm, hx_object *p) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_isExtensible, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_is_extensible(realm, c.target);
        goto done;
    }
    hx_value tv = hx_object_value(c.target);
    hx_value res = hx_call(realm, c.trap, c.handler, 1, &tv);
    if (hx_is_exception(res)) goto done;
    bool b = hx_to_boolean(res);
    int tr = hx_is_extensible(realm, c.target); /* step 8 */
    if (tr < 0) goto done;
    if (b != (tr != 0)) { /* step 9 */
        violation(realm, "isExtensible", HX_UNDEFINED, "trap result does not reflect extensibility of proxy target");
        goto done;
    }
    r = b;
done:
    return leave_int(realm, mark, r);
}

static int proxy_prevent_extensions(hx_realm *realm, hx_object *p) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_preventExtensions, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_prevent_extensions(realm, c.target);
        goto done;
    }
    hx_value tv = hx_object_value(c.target);
    hx_value res = hx_call(realm, c.trap, c.handler, 1, &tv);
    if (hx_is_exception(res)) goto done;
    bool b = hx_to_boolean(res);
    if (b) { /* step 8 */
        int ext = hx_is_extensible(realm, c.target);
        if (ext < 0) goto done;
        if (ext) {
            violation(realm, "preventExtensions", HX_UNDEFINED, "trap returned truish but the proxy target is extensible");
            goto done;
        }
    }
    r = b;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[GetOwnProperty]] (10.5.5) ------------------------------------------- */

static void root_desc(hx_runtime *rt, const hx_desc *d) {
    if (hx_is_heap(d->value)) hx_handles_push(rt, d->value);
    if (hx_is_heap(d->getter)) hx_handles_push(rt, d->getter);
    if (hx_is_heap(d->setter)) hx_handles_push(rt, d->setter);
}

static int proxy_get_own_property(hx_realm *realm, hx_object *p, hx_key key, hx_desc *out) {
    hx_runtime *rt = realm->rt;
    if (is_private(key)) return hx_ordinary_get_own_property(realm, p, key, out);
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_getOwnPropertyDescriptor, &c);
    if (has < 0) goto done;
    if (!has) { /* step 6 */
        r = hx_get_own_property(realm, c.target, key, out);
        goto done;
    }
    hx_value kv = hx_key_to_value(rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[2] = {hx_object_value(c.target), kv};
    hx_value res = hx_call(realm, c.trap, c.handler, 2, args); /* step 7 */
    if (hx_is_exception(res)) goto done;
    if (!hx_is_object(res) && !hx_is_undefined(res)) { /* step 8 */
        violation(realm, "getOwnPropertyDescriptor", key, "trap returned neither object nor undefined");
        goto done;
    }
    hx_desc target_desc;
    int th = hx_get_own_property(realm, c.target, key, &target_desc); /* step 9 */
    if (th < 0) goto done;
    if (th) root_desc(rt, &target_desc);
    if (hx_is_undefined(res)) { /* step 10 */
        if (!th) {
            r = 0;
            goto done;
        }
        if (!(target_desc.flags & HX_PROP_CONFIGURABLE)) {
            violation(realm, "getOwnPropertyDescriptor", key,
                      "trap returned undefined for a non-configurable property of the target");
            goto done;
        }
        int ext = hx_is_extensible(realm, c.target);
        if (ext < 0) goto done;
        if (!ext) {
            violation(realm, "getOwnPropertyDescriptor", key,
                      "trap returned undefined for a property of the non-extensible target");
            goto done;
        }
        r = 0;
        goto done;
    }
    int ext = hx_is_extensible(realm, c.target); /* step 11 */
    if (ext < 0) goto done;
    hx_desc rd;
    if (hx_to_desc(realm, res, &rd) < 0) goto done; /* step 12 */
    complete_desc(&rd);                              /* step 13 */
    if (!is_compatible(realm, ext != 0, &rd, &target_desc, th)) { /* step 14-15 */
        violation(realm, "getOwnPropertyDescriptor", key,
                  "trap returned a descriptor incompatible with the target's property");
        goto done;
    }
    if (!(rd.flags & HX_PROP_CONFIGURABLE)) { /* step 16 */
        if (!th || (target_desc.flags & HX_PROP_CONFIGURABLE)) {
            violation(realm, "getOwnPropertyDescriptor", key,
                      "trap reported non-configurability for a property that is configurable or missing on the target");
            goto done;
        }
        if ((rd.has & HX_DESC_WRITABLE) && !(rd.flags & HX_PROP_WRITABLE) && desc_is_data(&rd)) {
            /* step 16.b: the target's property is then a data property */
            if (target_desc.flags & HX_PROP_WRITABLE) {
                violation(realm, "getOwnPropertyDescriptor", key,
                          "trap reported non-configurable and non-writable for a writable property of the target");
                goto done;
            }
        }
    }
    *out = rd;
    r = 1;
done:
    r = leave_int(realm, mark, r);
    if (r > 0) root_desc(rt, out);
    return r;
}

/* ---- [[DefineOwnProperty]] (10.5.6) ------------------------------------------- */

static int proxy_define_own_property(hx_realm *realm, hx_object *p, hx_key key, const hx_desc *desc,
                                     bool throw_on_fail) {
    hx_runtime *rt = realm->rt;
    if (is_private(key)) return hx_ordinary_define_own_property(realm, p, key, desc, throw_on_fail);
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_defineProperty, &c);
    if (has < 0) goto done;
    if (!has) { /* step 6 */
        r = hx_define_own_property(realm, c.target, key, desc, throw_on_fail);
        goto done;
    }
    hx_value desc_obj = hx_from_desc(realm, desc); /* step 7 */
    if (hx_is_exception(desc_obj)) goto done;
    hx_value kv = hx_key_to_value(rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[3] = {hx_object_value(c.target), kv, desc_obj};
    hx_value res = hx_call(realm, c.trap, c.handler, 3, args); /* step 8 */
    if (hx_is_exception(res)) goto done;
    if (!hx_to_boolean(res)) { /* step 9 */
        r = falsish(realm, throw_on_fail, "defineProperty", key);
        goto done;
    }
    hx_desc td;
    int th = hx_get_own_property(realm, c.target, key, &td); /* step 10 */
    if (th < 0) goto done;
    if (th) root_desc(rt, &td);
    int ext = hx_is_extensible(realm, c.target); /* step 11 */
    if (ext < 0) goto done;
    bool setting_config_false = (desc->has & HX_DESC_CONFIGURABLE) && !(desc->flags & HX_PROP_CONFIGURABLE);
    if (!th) { /* step 14 */
        if (!ext) {
            violation(realm, "defineProperty", key, "trap returned truish for adding a property to the non-extensible target");
            goto done;
        }
        if (setting_config_false) {
            violation(realm, "defineProperty", key,
                      "trap returned truish for defining a non-configurable property that does not exist on the target");
            goto done;
        }
    } else { /* step 15 */
        if (!is_compatible(realm, ext != 0, desc, &td, true)) {
            violation(realm, "defineProperty", key,
                      "trap returned truish for a descriptor incompatible with the target's property");
            goto done;
        }
        if (setting_config_false && (td.flags & HX_PROP_CONFIGURABLE)) {
            violation(realm, "defineProperty", key,
                      "trap returned truish for defining non-configurable a property that is configurable on the target");
            goto done;
        }
        if (desc_is_data(&td) && !(td.flags & HX_PROP_CONFIGURABLE) && (td.flags & HX_PROP_WRITABLE) &&
            (desc->has & HX_DESC_WRITABLE) && !(desc->flags & HX_PROP_WRITABLE)) {
            violation(realm, "defineProperty", key,
                      "trap returned truish for making non-writable a non-configurable writable property of the target");
            goto done;
        }
    }
    r = 1;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[HasProperty]] (10.5.7) ------------------------------------------------- */

static int proxy_has_property(hx_realm *realm, hx_object *p, hx_key key) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_has, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_has_property(realm, c.target, key);
        goto done;
    }
    hx_value kv = hx_key_to_value(realm->rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[2] = {hx_object_value(c.target), kv};
    hx_value res = hx_call(realm, c.trap, c.handler, 2, args);
    if (hx_is_exception(res)) goto done;
    bool b = hx_to_boolean(res);
    if (!b) { /* step 9 */
        hx_desc td;
        int th = hx_get_own_property(realm, c.target, key, &td);
        if (th < 0) goto done;
        if (th) {
            if (!(td.flags & HX_PROP_CONFIGURABLE)) {
                violation(realm, "has", key, "trap returned falsish for a non-configurable property of the target");
                goto done;
            }
            int ext = hx_is_extensible(realm, c.target);
            if (ext < 0) goto done;
            if (!ext) {
                violation(realm, "has", key, "trap returned falsish for a property of the non-extensible target");
                goto done;
            }
        }
    }
    r = b;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[Get]] / [[Set]] (10.5.8, 10.5.9) -------------------------------------- */

static hx_value proxy_get(hx_realm *realm, hx_object *p, hx_key key, hx_value receiver) {
    size_t mark;
    if (!enter(realm, &mark)) return HX_EXCEPTION;
    trap_ctx c;
    hx_value r = HX_EXCEPTION;
    int has = get_trap(realm, p, HX_ATOM_get, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_get_with_receiver(realm, c.target, key, receiver);
        goto done;
    }
    hx_value kv = hx_key_to_value(realm->rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[3] = {hx_object_value(c.target), kv, receiver};
    hx_value res = hx_call(realm, c.trap, c.handler, 3, args); /* step 7 */
    if (hx_is_exception(res)) goto done;
    hx_desc td;
    int th = hx_get_own_property(realm, c.target, key, &td); /* step 8 */
    if (th < 0) goto done;
    if (th && !(td.flags & HX_PROP_CONFIGURABLE)) { /* step 9 */
        if (desc_is_data(&td) && !(td.flags & HX_PROP_WRITABLE) && !hx_same_value(res, td.value)) {
            violation(realm, "get", key,
                      "the target's property is a read-only and non-configurable data property but the trap did "
                      "not return its actual value");
            goto done;
        }
        if (!desc_is_data(&td) && hx_is_undefined(td.getter) && !hx_is_undefined(res)) {
            violation(realm, "get", key,
                      "the target's property is a non-configurable accessor without a getter but the trap did "
                      "not return undefined");
            goto done;
        }
    }
    r = res;
done:
    return leave_value(realm, mark, r);
}

static int proxy_set(hx_realm *realm, hx_object *p, hx_key key, hx_value v, hx_value receiver,
                     bool throw_on_fail) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_set, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_set_with_receiver(realm, c.target, key, v, receiver, throw_on_fail);
        goto done;
    }
    hx_value kv = hx_key_to_value(realm->rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[4] = {hx_object_value(c.target), kv, v, receiver};
    hx_value res = hx_call(realm, c.trap, c.handler, 4, args); /* step 7 */
    if (hx_is_exception(res)) goto done;
    if (!hx_to_boolean(res)) { /* step 8 */
        r = falsish(realm, throw_on_fail, "set", key);
        goto done;
    }
    hx_desc td;
    int th = hx_get_own_property(realm, c.target, key, &td); /* step 9 */
    if (th < 0) goto done;
    if (th && !(td.flags & HX_PROP_CONFIGURABLE)) { /* step 10 */
        if (desc_is_data(&td) && !(td.flags & HX_PROP_WRITABLE) && !hx_same_value(v, td.value)) {
            violation(realm, "set", key,
                      "trap returned truish for a read-only non-configurable property with a different value");
            goto done;
        }
        if (!desc_is_data(&td) && hx_is_undefined(td.setter)) {
            violation(realm, "set", key,
                      "trap returned truish for a non-configurable accessor property without a setter");
            goto done;
        }
    }
    r = 1;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[Delete]] (10.5.10) -------------------------------------------------------- */

static int proxy_delete(hx_realm *realm, hx_object *p, hx_key key, bool throw_on_fail) {
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    int has = get_trap(realm, p, HX_ATOM_deleteProperty, &c);
    if (has < 0) goto done;
    if (!has) {
        r = hx_delete(realm, c.target, key, throw_on_fail);
        goto done;
    }
    hx_value kv = hx_key_to_value(realm->rt, key);
    if (hx_is_exception(kv)) goto done;
    hx_value args[2] = {hx_object_value(c.target), kv};
    hx_value res = hx_call(realm, c.trap, c.handler, 2, args);
    if (hx_is_exception(res)) goto done;
    if (!hx_to_boolean(res)) { /* step 8 */
        r = falsish(realm, throw_on_fail, "deleteProperty", key);
        goto done;
    }
    hx_desc td;
    int th = hx_get_own_property(realm, c.target, key, &td); /* step 9 */
    if (th < 0) goto done;
    if (th) {
        if (!(td.flags & HX_PROP_CONFIGURABLE)) { /* step 11 */
            violation(realm, "deleteProperty", key, "trap returned truish for a non-configurable property of the target");
            goto done;
        }
        int ext = hx_is_extensible(realm, c.target); /* step 12 */
        if (ext < 0) goto done;
        if (!ext) {
            violation(realm, "deleteProperty", key, "trap returned truish for a property of the non-extensible target");
            goto done;
        }
    }
    r = 1;
done:
    return leave_int(realm, mark, r);
}

/* ---- [[OwnPropertyKeys]] (10.5.11) --------------------------------------------- */

/* A set of property keys (interned, so compared by identity) mapping each to
 * its position in the trap's result; raw memory freed by keyset_free. */
typedef struct keyset {
    hx_key *keys;
    uint32_t *pos;
    uint32_t mask;
} keyset;

static uint32_t key_hash(hx_key k) {
    uint64_t x = k * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(x >> 32);
}

static int keyset_init(hx_runtime *rt, keyset *s, uint32_t n) {
    uint32_t cap = 8;
    while (cap < n * 2) cap *= 2;
    s->mask = cap - 1;
    s->keys = hx_mem_alloc(rt, cap * sizeof(hx_key));
    s->pos = s->keys ? hx_mem_alloc(rt, cap * sizeof(uint32_t)) : NULL;
    if (!s->pos) {
        hx_mem_free(rt, s->keys, s->keys ? cap * sizeof(hx_key) : 0);
        s->keys = NULL;
        return -1;
    }
    for (uint32_t i = 0; i < cap; i++) s->keys[i] = HX_HOLE;
    return 0;
}

static void keyset_free(hx_runtime *rt, keyset *s) {
    if (!s->keys) return;
    hx_mem_free(rt, s->keys, (s->mask + 1) * sizeof(hx_key));
    hx_mem_free(rt, s->pos, (s->mask + 1) * sizeof(uint32_t));
    s->keys = NULL;
}

/* The slot holding k, or the empty slot where it would go. */
static uint32_t keyset_slot(const keyset *s, hx_key k) {
    uint32_t i = key_hash(k) & s->mask;
    while (s->keys[i] != HX_HOLE && s->keys[i] != k) i = (i + 1) & s->mask;
    return i;
}

static int proxy_own_keys(hx_realm *realm, hx_object *p, hx_object *out, int filter) {
    hx_runtime *rt = realm->rt;
    size_t mark;
    if (!enter(realm, &mark)) return -1;
    trap_ctx c;
    int r = -1;
    hx_value *list = NULL; /* trap result: keys (string values converted to hx_key) */
    uint8_t *unchecked = NULL;
    int64_t n = 0;
    keyset set = {NULL, NULL, 0};
    int has = get_trap(realm, p, HX_ATOM_ownKeys, &c);
    if (has < 0) goto done;
    if (!has) { /* step 6 */
        const hx_exotic *ex = hx_exotics[hx_class_of(c.target)];
        r = ex && ex->own_keys ? ex->own_keys(realm, c.target, out, filter)
                               : hx_ordinary_own_keys(realm, c.target, out, filter);
        goto done;
    }
    hx_value tv = hx_object_value(c.target);
    hx_value arr = hx_call(realm, c.trap, c.handler, 1, &tv); /* step 7 */
    if (hx_is_exception(arr)) goto done;
    /* step 8: CreateListFromArrayLike(trapResultArray, property-key) */
    if (!hx_is_object(arr)) {
        violation(realm, "ownKeys", HX_UNDEFINED, "trap returned a non-object");
        goto done;
    }
    n = hx_length_of(realm, arr);
    if (n < 0) goto done;
    if (n > (int64_t)UINT32_MAX / 4) {
        hx_throw_range_error(realm, "'ownKeys' on proxy: trap result is too long");
        goto done;
    }
    if (n) {
        list = hx_mem_alloc(rt, (size_t)n * sizeof(hx_value));
        if (!list) goto done;
    }
    if (keyset_init(rt, &set, (uint32_t)n) < 0) goto done;
    for (uint32_t i = 0; i < (uint32_t)n; i++) {
        hx_value v = hx_get(realm, arr, hx_index_key(i));
        if (hx_is_exception(v)) goto done;
        if (!hx_is_string(v) && !hx_is_symbol(v)) {
            violation(realm, "ownKeys", HX_UNDEFINED, "trap result contains a value that is neither string nor symbol");
            goto done;
        }
        hx_key k = hx_is_string(v) ? hx_key_from_string(rt, v) : v;
        if (hx_is_exception(k)) goto done;
        if (hx_is_heap(k)) hx_handles_push(rt, k);
        uint32_t slot = keyset_slot(&set, k);
        if (set.keys[slot] == k) { /* step 9 */
            violation(realm, "ownKeys", k, "trap result contains a duplicate entry");
            goto done;
        }
        set.keys[slot] = k;
        set.pos[slot] = i;
        list[i] = k;
    }
    int ext = hx_is_extensible(realm, c.target); /* step 10 */
    if (ext < 0) goto done;
    hx_value tkeys = hx_own_keys(realm, c.target, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS); /* step 11 */
    if (hx_is_exception(tkeys)) goto done;
    hx_object *tk = hx_as_object(tkeys);
    uint32_t tn = tk->u.array.length;
    /* steps 13-15: classify the target's keys; 1 marks non-configurable */
    uint8_t *nonconfig = tn ? hx_mem_alloc(rt, tn) : NULL;
    if (tn && !nonconfig) goto done;
    bool any_nonconfig = false;
    for (uint32_t i = 0; i < tn; i++) {
        hx_value kv = i < tk->elem_len ? tk->elems[i] : HX_UNDEFINED;
        hx_key k = hx_is_string(kv) ? hx_key_from_string(rt, kv) : kv;
        if (hx_is_exception(k)) {
            hx_mem_free(rt, nonconfig, tn);
            goto done;
        }
        hx_desc d;
        int h = hx_get_own_property(realm, c.target, k, &d);
        if (h < 0) {
            hx_mem_free(rt, nonconfig, tn);
            goto done;
        }
        nonconfig[i] = h && !(d.flags & HX_PROP_CONFIGURABLE);
        any_nonconfig |= nonconfig[i];
    }
    bool ok = true;
    if (!ext || any_nonconfig) { /* step 16 onwards */
        unchecked = n ? hx_mem_alloc(rt, (size_t)n) : NULL;
        if (n && !unchecked) {
            hx_mem_free(rt, nonconfig, tn);
            goto done;
        }
        if (n) memset(unchecked, 1, (size_t)n);
        uint32_t remaining = (uint32_t)n;
        /* pass 0: non-configurable keys (step 18); pass 1: configurable ones (step 20) */
        for (int pass = 0; pass < (ext ? 1 : 2) && ok; pass++) {
            for (uint32_t i = 0; i < tn; i++) {
                if (nonconfig[i] != (pass == 0)) continue;
                hx_value kv = tk->elems[i];
                hx_key k = hx_is_string(kv) ? hx_key_from_string(rt, kv) : kv;
                uint32_t slot = keyset_slot(&set, k);
                if (set.keys[slot] != k || !unchecked[set.pos[slot]]) {
                    violation(realm, "ownKeys", k,
                              pass == 0 ? "trap result did not include a non-configurable key of the target"
                                        : "trap result did not include a key of the non-extensible target");
                    ok = false;
                    break;
                }
                unchecked[set.pos[slot]] = 0;
                remaining--;
            }
        }
        if (ok && !ext && remaining) { /* step 21 */
            violation(realm, "ownKeys", HX_UNDEFINED,
                      "trap returned extra keys but the proxy target is non-extensible");
            ok = false;
        }
    }
    hx_mem_free(rt, nonconfig, tn);
    if (!ok) goto done;
    /* step 22: the trap result, filtered as the caller asked */
    for (uint32_t i = 0; i < (uint32_t)n; i++) {
        hx_key k = list[i];
        if (hx_is_symbol(k) ? !(filter & HX_KEYS_SYMBOLS) : !(filter & HX_KEYS_STRINGS)) continue;
        if (filter & HX_KEYS_ENUMERABLE_ONLY) {
            hx_desc d;
            int h = proxy_get_own_property(realm, p, k, &d);
            if (h < 0) goto done;
            if (!h || !(d.flags & HX_PROP_ENUMERABLE)) continue;
        }
        hx_value kv = hx_key_to_value(rt, k);
        if (hx_is_exception(kv) || hx_array_push(realm, out, kv) < 0) goto done;
    }
    r = 0;
done:
    keyset_free(rt, &set);
    hx_mem_free(rt, list, list ? (size_t)n * sizeof(hx_value) : 0);
    hx_mem_free(rt, unchecked, unchecked ? (size_t)n : 0);
    return leave_int(realm, mark, r);
}

/* ---- [[Call]] / [[Construct]] (10.5.12, 10.5.13) ---------------------------------- */

hx_value hx_proxy_call(hx_realm *realm, hx_object *p, hx_value this_value, int argc, hx_value *argv) {
    HX_ASSERT(hx_class_of(p) == HX_CLASS_PROXY);
    size_t mark;
    if (!enter(realm, &mark)) return HX_EXCEPTION;
    trap_ctx c;
    hx_value r = HX_EXCEPTION;
    int has = get_trap(realm, p, HX_ATOM_apply, &c);
    if (has < 0) goto done;
    if (!has) { /* step 6 */
        r = hx_call(realm, hx_object_value(c.target), this_value, argc, argv);
        goto done;
    }
    hx_value arr = hx_array_from(realm, argv, (uint32_t)argc); /* step 7 */
    if (hx_is_exception(arr)) goto done;
    hx_value args[3] = {hx_object_value(c.target), this_value, arr};
    r = hx_call(realm, c.trap, c.handler, 3, args); /* step 8 */
done:
    return leave_value(realm, mark, r);
}

hx_value hx_proxy_construct(hx_realm *realm, hx_object *p, int argc, hx_value *argv, hx_value new_target) {
    HX_ASSERT(hx_class_of(p) == HX_CLASS_PROXY);
    size_t mark;
    if (!enter(realm, &mark)) return HX_EXCEPTION;
    trap_ctx c;
    hx_value r = HX_EXCEPTION;
    int has = get_trap(realm, p, HX_ATOM_construct, &c);
    if (has < 0) goto done;
    if (!has) { /* step 7 */
        r = hx_construct(realm, hx_object_value(c.target), argc, argv, new_target);
        goto done;
    }
    hx_value arr = hx_array_from(realm, argv, (uint32_t)argc); /* step 8 */
    if (hx_is_exception(arr)) goto done;
    hx_value args[3] = {hx_object_value(c.target), arr, new_target};
    hx_value obj = hx_call(realm, c.trap, c.handler, 3, args); /* step 9 */
    if (hx_is_exception(obj)) goto done;
    if (!hx_is_object(obj)) { /* step 10 */
        violation(realm, "construct", HX_UNDEFINED, "trap returned a non-object");
        goto done;
    }
    r = obj;
done:
    return leave_value(realm, mark, r);
}

/* ---- ProxyCreate (10.5.15) and the class table ------------------------------------- */

hx_value hx_proxy_create(hx_realm *realm, hx_value target, hx_value handler) {
    if (!hx_is_object(target)) return hx_throw_type_error(realm, "Cannot create proxy with a non-object as target");
    if (!hx_is_object(handler)) return hx_throw_type_error(realm, "Cannot create proxy with a non-object as handler");
    hx_object *p = hx_object_new(realm, NULL, HX_CLASS_PROXY);
    if (!p) return HX_EXCEPTION;
    hx_object *t = hx_as_object(target);
    p->hdr.flags |= t->hdr.flags & (HX_OBJ_CALLABLE | HX_OBJ_CONSTRUCTOR); /* steps 5-6 */
    HX_WRITE(p->u.data.slots[0], target);
    HX_WRITE(p->u.data.slots[1], handler);
    p->u.data.slots[2] = p->u.data.slots[3] = HX_UNDEFINED;
    return hx_object_value(p);
}

void hx_proxy_revoke(hx_object *p) {
    HX_ASSERT(hx_class_of(p) == HX_CLASS_PROXY);
    p->u.data.slots[0] = HX_NULL;
    p->u.data.slots[1] = HX_NULL;
}

static void proxy_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_value(rt, o->u.data.slots[0]);
    hx_gc_mark_value(rt, o->u.data.slots[1]);
}

const hx_exotic hx_proxy_exotic = {
    .get_own_property = proxy_get_own_property,
    .define_own_property = proxy_define_own_property,
    .has_property = proxy_has_property,
    .get = proxy_get,
    .set = proxy_set,
    .delete_property = proxy_delete,
    .own_keys = proxy_own_keys,
    .get_prototype_of = proxy_get_prototype_of,
    .set_prototype_of = proxy_set_prototype_of,
    .is_extensible = proxy_is_extensible,
    .prevent_extensions = proxy_prevent_extensions,
    .trace = proxy_trace,
};
