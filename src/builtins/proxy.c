/*
 * proxy.c — the Proxy constructor and Proxy.revocable (ES2025 28.2).  The
 * proxy objects themselves (internal methods, [[Call]], [[Construct]]) are
 * in src/vm/proxy.c.
 *
 * A revoker function keeps its [[RevocableProxy]] in u.native.data (null
 * once it has revoked).
 */
#include "vm/vm.h"
#include "builtins/init.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* ES2025 28.2.1.1 Proxy ( target, handler ) */
static hx_value proxy_ctor(FN_ARGS) {
    if (hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Constructor Proxy requires 'new'");
    return hx_proxy_create(realm, HX_ARG(0), HX_ARG(1));
}

/* ES2025 28.2.2.1.1 Proxy Revocation Functions */
static hx_value proxy_revoker(FN_ARGS) {
    hx_object *f = hx_current_native(realm->rt);
    hx_value p = f->u.native.data; /* step 2 */
    if (hx_is_null(p)) return HX_UNDEFINED;
    f->u.native.data = HX_NULL; /* step 4 */
    hx_proxy_revoke(hx_as_object(p));
    return HX_UNDEFINED;
}

/* ES2025 28.2.2.1 Proxy.revocable ( target, handler ) */
static hx_value proxy_revocable(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value p = hx_proxy_create(realm, HX_ARG(0), HX_ARG(1)); /* step 1 */
    if (hx_is_exception(p)) return p;
    hx_value revoker = hx_native_function_new(realm, proxy_revoker, HX_ATOM(rt, empty), 0, 0, false); /* step 3 */
    if (hx_is_exception(revoker)) return revoker;
    HX_WRITE(hx_as_object(revoker)->u.native.data, p); /* step 4 */
    hx_value result = hx_new_plain_object(realm);       /* step 5 */
    if (hx_is_exception(result)) return result;
    hx_object *r = hx_as_object(result);
    if (hx_create_data_property_or_throw(realm, r, HX_ATOM(rt, proxy), p) < 0 || /* step 6 */
        hx_create_data_property_or_throw(realm, r, HX_ATOM(rt, revoke), revoker) < 0)
        return HX_EXCEPTION;
    return result;
}

static const hx_builtin proxy_ctor_table[] = {
    HX_FUNC("revocable", proxy_revocable, 2),
};

int hx_init_proxy(hx_realm *realm) {
    hx_value ctor = hx_make_constructor(realm, proxy_ctor, "Proxy", 2, NULL, 0); /* no "prototype" */
    if (hx_is_exception(ctor)) return -1;
    if (HX_INSTALL(realm, hx_as_object(ctor), proxy_ctor_table) < 0) return -1;
    realm->intrinsics[HX_INTR_ProxyConstructor] = ctor;
    return hx_define_global(realm, "Proxy", ctor);
}
