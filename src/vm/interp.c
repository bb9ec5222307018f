/*
 * interp.c — the bytecode interpreter.  One dispatch loop (computed goto
 * with GCC/Clang) runs a chain of frames: a JS-to-JS call pushes a frame
 * and continues in the same loop, so JavaScript recursion never grows the
 * C stack.  Only calls that pass through native code (builtins calling
 * back, getters, Proxy traps) re-enter the loop recursively, bounded by
 * HX_MAX_NATIVE_DEPTH.
 *
 * Invariants:
 *  - frame->sp is stored at the start of every instruction, so the collector
 *    sees every operand of the instruction being executed.
 *  - a frame's registers and operand stack occupy [regs, regs + nregs +
 *    stack_size) of the runtime's value stack, at or above rt->stack_top of
 *    the time it was pushed.
 *  - generators suspend by copying their frame's registers and operand stack
 *    into an hx_genframe cell, and resume by copying them back.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/interp_int.h"
#include "vm/ops.h"
#include "vm/frame_info.h"
#include "vm/object_class.h"
#include "compile/opcodes.h"
#include "compile/compiler.h"

/* ---- frames ------------------------------------------------------------------- */

static bool ensure_frames(hx_runtime *rt) {
    if (rt->frames) return true;
    rt->frames = hx_mem_alloc(rt, (size_t)(rt->max_call_depth + 2) * sizeof(hx_frame));
    return rt->frames != NULL;
}

/* Pushes a frame for `def` with room for its registers and stack.  Copies
 * the arguments into the parameter registers. */
hx_frame *hx_push_frame(hx_realm *realm, hx_object *callee, hx_funcdef *def, hx_value this_value, int argc,
                            hx_value *argv, hx_value new_target) {
    hx_runtime *rt = realm->rt;
    if (!ensure_frames(rt)) return NULL;
    if (rt->call_depth >= rt->max_call_depth) {
        hx_throw_range_error(realm, "Maximum call stack size exceeded");
        return NULL;
    }
    uint32_t nregs = def->param_count + def->reg_count;
    hx_value *base = rt->stack_top;
    if (base + nregs + def->stack_size + 8 > rt->stack_end) {
        hx_throw_range_error(realm, "Maximum call stack size exceeded");
        return NULL;
    }
    hx_frame *f = &rt->frames[rt->call_depth++];
    f->caller = rt->frame;
    f->callee = callee;
    f->def = def;
    f->pc = def->code;
    f->regs = base;
    f->nregs = nregs;
    f->stack_base = base + nregs;
    f->sp = f->stack_base;
    f->ctx = callee ? callee->u.closure.ctx : NULL;
    f->this_value = this_value;
    f->new_target = new_target;
    f->argv = argv;
    f->argc = (uint32_t)argc;
    f->flags = 0;
    f->generator = NULL;
    f->realm = callee ? callee->u.closure.realm : realm;
    f->prev_stack_top = rt->stack_top;
    uint32_t np = def->param_count;
    uint32_t n = (uint32_t)argc < np ? (uint32_t)argc : np;
    for (uint32_t i = 0; i < n; i++) base[i] = argv[i];
    for (uint32_t i = n; i < nregs; i++) base[i] = HX_UNDEFINED;
    rt->stack_top = f->stack_base + def->stack_size;
    rt->frame = f;
    return f;
}

void hx_pop_frame(hx_runtime *rt, hx_frame *f) {
    rt->stack_top = f->prev_stack_top;
    rt->frame = f->caller;
    rt->call_depth--;
}

/* OrdinaryCallBindThis for sloppy functions (ES2025 10.2.1.2). */
hx_value hx_bind_this(hx_realm *realm, hx_funcdef *def, hx_value this_value) {
    if (def->flags & HX_FD_STRICT) return this_value;
    if (hx_is_nullish(this_value)) return realm->global_this;
    if (!hx_is_object(this_value)) return hx_to_object(realm, this_value);
    return this_value;
}

/* ---- closures ----------------------------------------------------------------- */

/* The shape of fresh closures of one kind (built once per realm). */
static hx_shape *closure_shape(hx_realm *realm, int kind) {
    hx_shape *sh = realm->closure_shapes[kind];
    if (sh) return sh;
    hx_runtime *rt = realm->rt;
    hx_intrinsic proto = kind == 2 ? HX_INTR_GeneratorFunctionPrototype
                         : kind == 3 ? HX_INTR_ObjectPrototype
                                     : HX_INTR_FunctionPrototype;
    hx_value pv = realm->intrinsics[proto];
    if (!hx_is_object(pv)) pv = realm->intrinsics[HX_INTR_FunctionPrototype];
    sh = hx_shape_root(rt, hx_as_object(pv));
    if (!sh) return NULL;
    if (kind == 3) sh = hx_shape_add(rt, sh, HX_ATOM(rt, constructor), HX_PROP_BUILTIN);
    else {
        sh = hx_shape_add(rt, sh, HX_ATOM(rt, length), HX_PROP_CONFIGURABLE);
        if (sh) sh = hx_shape_add(rt, sh, HX_ATOM(rt, name), HX_PROP_CONFIGURABLE);
        if (sh && kind != 0) sh = hx_shape_add(rt, sh, HX_ATOM(rt, prototype), HX_PROP_WRITABLE);
    }
    realm->closure_shapes[kind] = sh;
    return sh;
}

hx_value hx_make_closure(hx_realm *realm, hx_funcdef *def, hx_context *ctx) {
    hx_runtime *rt = realm->rt;
    bool generator = (def->flags & HX_FD_GENERATOR) != 0;
    bool ctor = (def->flags & HX_FD_CONSTRUCTOR) && !(def->flags & (HX_FD_ARROW | HX_FD_GENERATOR | HX_FD_ASYNC));
    bool with_proto = generator || (ctor && !(def->flags & HX_FD_CLASS_CONSTRUCTOR));
    hx_object *f;
    if (def->flags & HX_FD_ASYNC) {
        /* async kinds have their own prototypes (a later issue): ordinary path */
        hx_intrinsic proto = generator ? HX_INTR_AsyncGeneratorFunctionPrototype : HX_INTR_AsyncFunctionPrototype;
        hx_value pv = realm->intrinsics[proto];
        if (!hx_is_object(pv)) pv = realm->intrinsics[HX_INTR_FunctionPrototype];
        f = hx_object_new(realm, hx_as_object(pv), HX_CLASS_FUNCTION);
        if (!f) return HX_EXCEPTION;
        if (hx_define_value(realm, f, HX_ATOM(rt, length), hx_int(def->length), HX_PROP_CONFIGURABLE) < 0 ||
            hx_define_value(realm, f, HX_ATOM(rt, name), def->name, HX_PROP_CONFIGURABLE) < 0)
            return HX_EXCEPTION;
        with_proto = false;
    } else {
        hx_shape *sh = closure_shape(realm, generator ? 2 : with_proto ? 1 : 0);
        if (!sh) return HX_EXCEPTION;
        f = hx_object_new_shape(rt, sh, HX_CLASS_FUNCTION);
        if (!f) return HX_EXCEPTION;
        f->slots[0] = hx_int(def->length);
        f->slots[1] = def->name;
        f->slots[2] = HX_UNDEFINED;
    }
    f->hdr.flags |= HX_OBJ_CALLABLE;
    if (ctor) f->hdr.flags |= HX_OBJ_CONSTRUCTOR;
    f->u.closure.def = def;
    f->u.closure.ctx = ctx;
    f->u.closure.home_object = HX_UNDEFINED;
    f->u.closure.fields = HX_UNDEFINED;
    f->u.closure.realm = realm;
    hx_value fv = hx_object_value(f);
    if (with_proto) {
        hx_object *p;
        if (generator) {
            hx_value gpv = realm->intrinsics[HX_INTR_GeneratorPrototype];
            p = hx_object_new(realm, hx_is_object(gpv) ? hx_as_object(gpv) : NULL, HX_CLASS_OBJECT);
        } else {
            hx_shape *ps = closure_shape(realm, 3);
            p = ps ? hx_object_new_shape(rt, ps, HX_CLASS_OBJECT) : NULL;
            if (p) p->slots[0] = fv;
        }
        if (!p) return HX_EXCEPTION;
        HX_WRITE(f->slots[2], hx_object_value(p));
    }
    return fv;
}

/* ---- generators ------------------------------------------------------------- */

/* Saves the running generator frame into its genframe cell. */
int hx_save_generator(hx_runtime *rt, hx_frame *f, hx_value *sp) {
    hx_object *gen = f->generator;
    uint32_t nvals = f->nregs + (uint32_t)(sp - f->stack_base);
    hx_genframe *g = hx_get_ptr(gen->u.data.slots[0]);
    if (!g || g->cap < nvals) {
        f->sp = sp;
        uint32_t cap = f->nregs + f->def->stack_size;
        hx_genframe *ng = hx_gc_alloc(rt, HX_CELL_GENFRAME, sizeof(hx_genframe) + cap * sizeof(hx_value));
        if (!ng) return -1;
        ng->cap = cap;
        g = ng;
        gen->u.data.slots[0] = HX_PTR_VALUE(HX_TAG_CELL, g);
    }
    memcpy(g->values, f->regs, f->nregs * sizeof(hx_value));
    memcpy(g->values + f->nregs, f->stack_base, (size_t)(sp - f->stack_base) * sizeof(hx_value));
    g->nvalues = nvals;
    g->frame = *f;
    g->frame.regs = NULL;
    g->frame.stack_base = NULL;
    g->frame.sp = (hx_value *)(uintptr_t)(sp - f->stack_base); /* depth, restored on resume */
    g->frame.caller = NULL;
    g->frame.argv = NULL;
    g->frame.argc = 0;
    return 0;
}

/* ---- the loop ------------------------------------------------------------------- */


hx_value hx_interp_call(hx_realm *realm, hx_object *fn, hx_value this_value, int argc, hx_value *argv,
                        hx_value new_target) {
    hx_runtime *rt = realm->rt;
    hx_funcdef *def = fn->u.closure.def;
    hx_realm *fr = fn->u.closure.realm;
    bool construct = !hx_is_undefined(new_target);
    if (construct) {
        if (def->flags & HX_FD_DERIVED) this_value = HX_UNINIT;
        else {
            hx_value proto = hx_get_prototype_from_constructor(fr, new_target, HX_INTR_ObjectPrototype);
            if (hx_is_exception(proto)) return proto;
            hx_object *o = hx_object_new(fr, hx_as_object(proto), HX_CLASS_OBJECT);
            if (!o) return HX_EXCEPTION;
            this_value = hx_object_value(o);
            if (!hx_is_undefined(fn->u.closure.fields)) {
                hx_value r = hx_call(fr, fn->u.closure.fields, this_value, 0, NULL);
                if (hx_is_exception(r)) return r;
            }
        }
    } else {
        this_value = hx_bind_this(fr, def, this_value);
        if (hx_is_exception(this_value)) return this_value;
    }
    hx_frame *f = hx_push_frame(fr, fn, def, this_value, argc, argv, new_target);
    if (!f) return HX_EXCEPTION;
    f->flags = HX_FRAME_ENTRY | (construct ? HX_FRAME_CONSTRUCT : 0);
    if (def->flags & HX_FD_GENERATOR) {
        /* the generator object is created when the prologue reaches initial_yield */
        f->flags |= HX_FRAME_GENERATOR_START;
    }
    hx_realm *saved = rt->current_realm;
    rt->current_realm = fr;
    hx_value r = hx_interp_run(fr, f);
    rt->current_realm = saved;
    return r;
}

hx_value hx_run_script(hx_realm *realm, hx_funcdef *def) {
    hx_runtime *rt = realm->rt;
    hx_frame *f = hx_push_frame(realm, NULL, def, realm->global_this, 0, NULL, HX_UNDEFINED);
    if (!f) return HX_EXCEPTION;
    f->flags = HX_FRAME_ENTRY;
    f->ctx = NULL;
    hx_realm *saved = rt->current_realm;
    rt->current_realm = realm;
    hx_value r = hx_interp_run(realm, f);
    rt->current_realm = saved;
    return r;
}

hx_value hx_run_eval(hx_realm *realm, hx_funcdef *def, hx_frame *caller) {
    hx_runtime *rt = realm->rt;
    hx_value this_value = caller ? caller->this_value : realm->global_this;
    hx_value nt = caller ? caller->new_target : HX_UNDEFINED;
    hx_frame *f = hx_push_frame(realm, NULL, def, this_value, 0, NULL, nt);
    if (!f) return HX_EXCEPTION;
    f->flags = HX_FRAME_ENTRY;
    f->ctx = caller ? caller->ctx : NULL;
    f->callee = caller ? caller->callee : NULL;
    /* the eval frame's callee serves super and the function name; its def is ours */
    f->def = def;
    hx_realm *saved = rt->current_realm;
    rt->current_realm = realm;
    hx_value r = hx_interp_run(realm, f);
    rt->current_realm = saved;
    return r;
}

hx_value hx_generator_resume(hx_realm *realm, hx_object *gen, hx_value v, int mode) {
    hx_runtime *rt = realm->rt;
    uint64_t state = gen->u.data.bits;
    if (state == HX_GEN_EXECUTING) return hx_throw_type_error(realm, "Generator is already running");
    if (state == HX_GEN_SUSPENDED_START && mode != 0) state = HX_GEN_COMPLETED, gen->u.data.bits = state;
    if (state == HX_GEN_COMPLETED) {
        if (mode == 1) return hx_throw(realm, v);
        return hx_create_iter_result(realm, mode == 2 ? v : HX_UNDEFINED, true);
    }
    hx_genframe *g = hx_get_ptr(gen->u.data.slots[0]);
    if (!ensure_frames(rt)) return HX_EXCEPTION;
    if (rt->call_depth >= rt->max_call_depth) return hx_throw_range_error(realm, "Maximum call stack size exceeded");
    hx_funcdef *def = g->frame.def;
    hx_value *base = rt->stack_top;
    if (base + g->frame.nregs + def->stack_size + 8 > rt->stack_end)
        return hx_throw_range_error(realm, "Maximum call stack size exceeded");
    hx_frame *f = &rt->frames[rt->call_depth++];
    *f = g->frame;
    size_t depth = (size_t)(uintptr_t)g->frame.sp;
    f->regs = base;
    f->stack_base = base + f->nregs;
    memcpy(base, g->values, g->nvalues * sizeof(hx_value));
    f->sp = f->stack_base + depth;
    f->caller = rt->frame;
    f->prev_stack_top = rt->stack_top;
    f->flags = HX_FRAME_ENTRY | HX_FRAME_GENERATOR;
    f->generator = gen;
    rt->stack_top = f->stack_base + def->stack_size;
    rt->frame = f;
    if (state == HX_GEN_SUSPENDED_YIELD) {
        *f->sp++ = v;
        *f->sp++ = hx_int(mode);
    }
    gen->u.data.bits = HX_GEN_EXECUTING;
    hx_realm *saved = rt->current_realm;
    rt->current_realm = f->realm;
    hx_value r = hx_interp_run(f->realm, f);
    rt->current_realm = saved;
    if (hx_is_exception(r)) {
        gen->u.data.bits = HX_GEN_COMPLETED;
        gen->u.data.slots[0] = HX_UNDEFINED;
        return r;
    }
    if (gen->u.data.bits == HX_GEN_EXECUTING) {
        /* returned: completed */
        gen->u.data.bits = HX_GEN_COMPLETED;
        gen->u.data.slots[0] = HX_UNDEFINED;
        return hx_create_iter_result(realm, r, true);
    }
    /* yielded: r is the iterator result already */
    return r;
}

hx_value hx_throw_not_defined(hx_realm *realm, hx_value name) {
    char *s = hx_is_string(name) ? hx_string_to_utf8(realm->rt, hx_as_string(name), NULL) : NULL;
    hx_throw_reference_error(realm, "%s is not defined", s ? s : "?");
    if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
    return HX_EXCEPTION;
}

hx_value hx_throw_tdz(hx_realm *realm, hx_value name) {
    char *s = hx_is_string(name) ? hx_string_to_utf8(realm->rt, hx_as_string(name), NULL) : NULL;
    hx_throw_reference_error(realm, "Cannot access '%s' before initialization", s ? s : "?");
    if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
    return HX_EXCEPTION;
}

hx_context *hx_ctx_at(hx_context *c, uint32_t depth) {
    while (depth--) c = c->parent;
    return c;
}

hx_value hx_new_context(hx_runtime *rt, hx_context *parent, hx_scopeinfo *si) {
    uint32_t n = si ? si->count : 0;
    hx_context *c = hx_gc_alloc(rt, HX_CELL_CONTEXT, sizeof(hx_context) + n * sizeof(hx_value));
    if (!c) return HX_EXCEPTION;
    c->parent = parent;
    c->info = si;
    c->count = n;
    for (uint32_t i = 0; i < n; i++) c->slots[i] = (si->kinds[i] & HX_SLOT_UNINIT) ? HX_UNINIT : HX_UNDEFINED;
    if (si && (si->hdr.flags & HX_SCOPEINFO_FUNCTION)) c->hdr.flags |= HX_CTX_FUNCTION;
    return HX_PTR_VALUE(HX_TAG_CELL, c);
}


/* ---- stack-trace support (frame_info.h) ------------------------------------------ */

void hx_frame_position(hx_frame *f, uint32_t *line, uint32_t *col) {
    *line = *col = 0;
    if (!f->def || !f->pc) return;
    hx_funcdef_position(f->def, (uint32_t)(f->pc - f->def->code), line, col);
}

hx_value hx_frame_function_name(hx_realm *realm, hx_frame *f) {
    if (f->flags & HX_FRAME_NATIVE) {
        if (!f->callee) return HX_UNDEFINED;
        hx_desc d;
        if (hx_ordinary_get_own_property(realm, f->callee, HX_ATOM(realm->rt, name), &d) > 0 && hx_is_string(d.value))
            return d.value;
        return HX_UNDEFINED;
    }
    if (!f->def || (f->def->flags & (HX_FD_IS_SCRIPT | HX_FD_IS_EVAL))) return HX_UNDEFINED;
    /* methods get their names when defined: prefer the function's own name */
    if (f->callee) {
        hx_desc d;
        if (hx_ordinary_get_own_property(realm, f->callee, HX_ATOM(realm->rt, name), &d) > 0 && hx_is_string(d.value) &&
            hx_as_string(d.value)->len)
            return d.value;
    }
    return f->def->name;
}
