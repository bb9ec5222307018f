/*
 * interp_int.h — the interpreter's internal interface between interp.c
 * (frames, closures, generators), interp_run.c (the dispatch loop) and
 * names.c (name lookup through with/eval scopes and the global scope).
 */
#ifndef HX_INTERP_INT_H
#define HX_INTERP_INT_H

#include "vm/vm.h"

enum {
    HX_FRAME_GENERATOR_START = 8, /* a generator's prologue: initial_yield creates the object */
    HX_FRAME_GENERATOR = 16,      /* a resumed generator: yield suspends back to the resumer */
};

enum { HX_SCOPEINFO_FUNCTION = 1 }; /* hx_scopeinfo.hdr.flags: a function's var scope */

hx_frame *hx_push_frame(hx_realm *realm, hx_object *callee, hx_funcdef *def, hx_value this_value, int argc,
                        hx_value *argv, hx_value new_target);
void hx_pop_frame(hx_runtime *rt, hx_frame *f);
hx_value hx_bind_this(hx_realm *realm, hx_funcdef *def, hx_value this_value);
int hx_save_generator(hx_runtime *rt, hx_frame *f, hx_value *sp);
hx_value hx_throw_not_defined(hx_realm *realm, hx_value name);
hx_value hx_throw_tdz(hx_realm *realm, hx_value name);
hx_context *hx_ctx_at(hx_context *c, uint32_t depth);
hx_value hx_new_context(hx_runtime *rt, hx_context *parent, hx_scopeinfo *si);
hx_value hx_interp_run(hx_realm *realm, hx_frame *entry);

/* names.c */
typedef enum { HX_NAME_GET, HX_NAME_TYPEOF, HX_NAME_CALL } hx_name_mode;
/* Looks `name` up from ctx outwards; pushes value (and this for CALL) into out[]. */
int hx_name_get(hx_realm *realm, hx_context *ctx, hx_value name, hx_name_mode mode, hx_value *out);
int hx_name_put(hx_realm *realm, hx_context *ctx, hx_value name, hx_value v, bool strict);
hx_value hx_name_delete(hx_realm *realm, hx_context *ctx, hx_value name);
int hx_name_declare_var(hx_realm *realm, hx_context *ctx, hx_value name, bool set, hx_value v);
int hx_global_decls(hx_realm *realm, hx_object *list);
/* References to names (ES2025 6.2.5): base/slot pairs — an object (with
 * object or eval vars), a context cell and slot, or HX_HOLE for the global
 * environment (slot true when the name was resolvable). */
int hx_name_resolve(hx_realm *realm, hx_context *ctx, hx_value name, hx_value ref[2]);
int hx_ref_get(hx_realm *realm, hx_value base, hx_value slot, hx_value name, hx_value *out);
int hx_ref_put(hx_realm *realm, hx_value base, hx_value slot, hx_value name, hx_value v, bool strict);
int hx_global_get(hx_realm *realm, hx_key name, bool typeof_mode, hx_value *out);
int hx_global_put(hx_realm *realm, hx_key name, hx_value v, bool strict);
int hx_global_init_lex(hx_realm *realm, hx_key name, hx_value v);

#endif
