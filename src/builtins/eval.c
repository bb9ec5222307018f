/*
 * eval.c — the global eval function (ES2025 19.2.1).  Called directly by
 * name it is a direct eval, which the interpreter handles at the call site
 * (eval_call); called any other way it is an indirect eval: global scope,
 * sloppy unless the code says otherwise.
 */
#include "vm/vm.h"
#include "compile/compiler.h"

static hx_value global_eval(hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value nt, int magic) {
    return hx_perform_eval(realm, HX_ARG(0), false, false, NULL, HX_UNDEFINED);
}

int hx_init_eval(hx_realm *realm) {
    hx_value k = hx_atom_from_cstr(realm->rt, "eval");
    if (hx_is_exception(k)) return -1;
    hx_value f = hx_native_function_new(realm, global_eval, k, 1, 0, false);
    if (hx_is_exception(f)) return -1;
    realm->intrinsics[HX_INTR_eval] = f;
    return hx_define_global(realm, "eval", f);
}
