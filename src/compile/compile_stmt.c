/*
 * compile_stmt.c — statements: declarations, blocks, control flow, loops
 * (with per-iteration binding copies), labels, break/continue through
 * finally blocks and open iterators, try/catch/finally, switch, with.
 *
 * Unwinding (break, continue, return): walking the control-flow stack from
 * the innermost entry outwards, each crossed entry is closed in order — a
 * context is popped, an open for-of iterator is closed, a for-in enumerator
 * dropped, and a finally block is run through gosub at its own base depth.
 */
#include <string.h>
#include "compile/cinternal.h"

void hx_setup_function_scopes(hx_fstate *fs, hx_cscope *ps, hx_cscope *bs, uint32_t nparams);
void hx_push_function_ctx(hx_fstate *fs, hx_cscope *ps, hx_cscope *bs);

enum { ITEMS_NONE = 0 };

static hx_cflow *push_cf(hx_fstate *fs, hx_cflow *cf, hx_cf_kind kind) {
    memset(cf, 0, sizeof *cf);
    cf->kind = kind;
    cf->outer = fs->cf;
    cf->depth = fs->depth;
    fs->cf = cf;
    return cf;
}

static void pop_cf(hx_fstate *fs, hx_cflow *cf) { fs->cf = cf->outer; }

/* Items a loop keeps on the stack: for-of 3 (iterator record), for-in 1. */
static int cf_items(hx_cflow *cf) { return (int)cf->finally_label; }

static void drop_to(hx_fstate *fs, int depth) {
    while (fs->depth > depth) hx_emit_op(fs, HX_OPC_drop);
}

/* Closes one control-flow entry being left (not continued). */
static void close_cf(hx_fstate *fs, hx_cflow *cf) {
    switch (cf->kind) {
    case HX_CF_CTX: hx_emit_op(fs, HX_OPC_pop_ctx); break;
    case HX_CF_ITER:
        drop_to(fs, cf->depth + 3);
        hx_emit_op(fs, HX_OPC_iter_close);
        break;
    case HX_CF_LOOP:
        drop_to(fs, cf->depth + cf_items(cf));
        if (cf_items(cf) == 1) hx_emit_op(fs, HX_OPC_drop);
        break;
    case HX_CF_FINALLY:
        drop_to(fs, cf->depth);
        hx_emit_op(fs, HX_OPC_push_undefined);
        hx_jl_add(fs, &cf->gosubs, hx_emit_jump(fs, HX_OPC_gosub));
        hx_adjust(fs, -1); /* ret pops the address */
        hx_emit_op(fs, HX_OPC_drop);
        break;
    default: break;
    }
}

static bool has_label(hx_cflow *cf, const hx_ast_name *l) {
    for (uint32_t i = 0; i < cf->label_count; i++)
        if (cf->labels[i] == l) return true;
    return false;
}

static void compile_jump(hx_fstate *fs, hx_ast_node *n, bool is_break) {
    const hx_ast_name *label = n->u.jump.label;
    int saved = fs->depth;
    for (hx_cflow *cf = fs->cf; cf; cf = cf->outer) {
        bool target;
        if (label) target = has_label(cf, label) && (is_break || cf->kind == HX_CF_LOOP || cf->kind == HX_CF_ITER);
        else target = (cf->kind == HX_CF_LOOP || cf->kind == HX_CF_ITER) || (is_break && cf->kind == HX_CF_SWITCH);
        if (target) {
            if (is_break) {
                close_cf(fs, cf);
                drop_to(fs, cf->depth);
                hx_jl_add(fs, &cf->breaks, hx_emit_jump(fs, HX_OPC_jmp));
            } else {
                int keep = cf->kind == HX_CF_ITER ? 3 : cf_items(cf);
                drop_to(fs, cf->depth + keep);
                hx_jl_add(fs, &cf->continues, hx_emit_jump(fs, HX_OPC_jmp));
            }
            fs->depth = saved;
            return;
        }
        close_cf(fs, cf);
    }
    hx_compile_error(fs, n, "Illegal %s statement", is_break ? "break" : "continue");
}

void hx_emit_return(hx_fstate *fs, const hx_ast_node *at) {
    /* value on the stack */
    bool through = false;
    for (hx_cflow *cf = fs->cf; cf; cf = cf->outer)
        if (cf->kind == HX_CF_FINALLY || cf->kind == HX_CF_ITER || cf->kind == HX_CF_LOOP) through = true;
    int saved = fs->depth;
    if (through) {
        if (fs->return_label_reg < 0) fs->return_label_reg = (int)hx_alloc_reg(fs);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)fs->return_label_reg);
        for (hx_cflow *cf = fs->cf; cf; cf = cf->outer) close_cf(fs, cf);
        drop_to(fs, 0);
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)fs->return_label_reg);
    }
    if (fs->flags & HX_FD_DERIVED) {
        hx_emit_syn_load(fs, HX_SYN_THIS);
        hx_set_pos(fs, at);
        hx_emit_op(fs, HX_OPC_return_derived);
    } else
        hx_emit_op(fs, HX_OPC_return);
    fs->depth = saved - 1;
}

static void compile_var_decl(hx_fstate *fs, hx_ast_node *n) {
    bool lexical = n->u.var_decl.kind != HX_VAR_VAR;
    if (n->u.var_decl.kind == HX_VAR_USING || n->u.var_decl.kind == HX_VAR_AWAIT_USING) {
        hx_value s = hx_string_from_cstr(fs->rt, "using declarations are not supported yet (explicit resource management is a later issue)");
        hx_emit_op(fs, HX_OPC_throw_error);
        hx_emit_u16(fs, HR_SYNTAX_ERROR);
        hx_emit_u32(fs, hx_add_const(fs, s));
        return;
    }
    for (uint32_t i = 0; i < n->u.var_decl.declarations.len; i++) {
        hx_ast_node *d = n->u.var_decl.declarations.items[i];
        hx_ast_node *id = d->u.declarator.id;
        if (!d->u.declarator.init) {
            if (lexical) {
                hx_emit_op(fs, HX_OPC_push_undefined);
                hx_compile_bind_pattern(fs, id, true);
            }
            continue;
        }
        if (id->kind == HX_AST_IDENTIFIER) {
            hx_value nm = hx_string_from_utf8(fs->rt, id->u.ident.name->utf8, id->u.ident.name->len);
            hx_compile_expr_named(fs, d->u.declarator.init, nm);
        } else
            hx_compile_expr(fs, d->u.declarator.init);
        hx_compile_bind_pattern(fs, id, lexical);
    }
}

/* Creates the closures of hoisted function declarations in a scope. */
void hx_hoist_functions(hx_fstate *fs, hx_ast_scope *s) {
    if (!s) return;
    hx_cscope *cs = hx_cscope_of(s);
    for (uint32_t i = 0; i < s->decl_count; i++) {
        hx_ast_decl *d = &s->decls[i];
        if (d->kind != HX_DECL_FUNCTION && d->kind != HX_DECL_BLOCK_FUNCTION) continue;
        hx_ast_node *fn = d->decl;
        if (!fn || fn->kind != HX_AST_FUNCTION_DECL) continue;
        hx_emit_closure(fs, fn, HX_UNDEFINED);
        hx_ref r = hx_lookup(fs, d->name);
        (void)cs;
        hx_emit_store(fs, &r, true, fn);
        hx_emit_op(fs, HX_OPC_drop);
    }
}

static void compile_block_body(hx_fstate *fs, hx_ast_scope *scope, hx_ast_list *body) {
    hx_cflow cf;
    hx_enter_scope(fs, scope);
    hx_cscope *cs = hx_cscope_of(scope);
    bool ctx = cs && cs->has_ctx;
    if (ctx) push_cf(fs, &cf, HX_CF_CTX);
    hx_hoist_functions(fs, scope);
    hx_compile_stmts(fs, body);
    if (ctx) pop_cf(fs, &cf);
    hx_leave_scope(fs, scope);
}

static void loop_labels(hx_cflow *cf, const hx_ast_name **labels, uint32_t n) {
    cf->labels = labels;
    cf->label_count = n;
}

/* Labels collected from LABELED statements directly around a loop. */
static const hx_ast_name *pending_labels[64];
static uint32_t pending_label_count;

static void take_labels(hx_cflow *cf) {
    if (!pending_label_count) return;
    const hx_ast_name **l = hx_arena_alloc(hx_cur_compiler->arena, pending_label_count * sizeof(*l));
    if (!l) {
        hx_cur_compiler->failed = true;
        return;
    }
    memcpy(l, pending_labels, pending_label_count * sizeof(*l));
    loop_labels(cf, l, pending_label_count);
    pending_label_count = 0;
}

static void compile_while(hx_fstate *fs, hx_ast_node *n) {
    hx_cflow cf;
    push_cf(fs, &cf, HX_CF_LOOP);
    take_labels(&cf);
    uint32_t top = fs->len;
    hx_jumplist exit = {0};
    hx_compile_cond_jump(fs, n->u.loop.test, false, &exit);
    hx_compile_stmt(fs, n->u.loop.body);
    hx_jl_patch(fs, &cf.continues, top);
    hx_emit_jump_to(fs, HX_OPC_jmp, top);
    hx_jl_patch(fs, &exit, fs->len);
    hx_jl_patch(fs, &cf.breaks, fs->len);
    pop_cf(fs, &cf);
}

static void compile_do_while(hx_fstate *fs, hx_ast_node *n) {
    hx_cflow cf;
    push_cf(fs, &cf, HX_CF_LOOP);
    take_labels(&cf);
    uint32_t top = fs->len;
    hx_compile_stmt(fs, n->u.loop.body);
    hx_jl_patch(fs, &cf.continues, fs->len);
    hx_jumplist back = {0};
    hx_compile_cond_jump(fs, n->u.loop.test, true, &back);
    hx_jl_patch(fs, &back, top);
    hx_jl_patch(fs, &cf.breaks, fs->len);
    pop_cf(fs, &cf);
}

static void compile_for(hx_fstate *fs, hx_ast_node *n) {
    hx_cflow cf, ctxcf;
    hx_ast_scope *scope = n->u.for_.scope;
    hx_enter_scope(fs, scope);
    hx_cscope *cs = hx_cscope_of(scope);
    bool ctx = cs && cs->has_ctx;
    if (ctx) push_cf(fs, &ctxcf, HX_CF_CTX);
    if (n->u.for_.init) {
        if (n->u.for_.init->kind == HX_AST_VAR_DECL) compile_var_decl(fs, n->u.for_.init);
        else
            hx_compile_expr_discard(fs, n->u.for_.init);
    }
    /* per-iteration bindings (ES2025 14.7.4.4 CreatePerIterationEnvironment) */
    bool per_iter = ctx && n->u.for_.init && n->u.for_.init->kind == HX_AST_VAR_DECL &&
                    n->u.for_.init->u.var_decl.kind == HX_VAR_LET;
    if (per_iter) hx_emit_op(fs, HX_OPC_copy_ctx);
    push_cf(fs, &cf, HX_CF_LOOP);
    take_labels(&cf);
    uint32_t top = fs->len;
    hx_jumplist exit = {0};
    if (n->u.for_.test) hx_compile_cond_jump(fs, n->u.for_.test, false, &exit);
    hx_compile_stmt(fs, n->u.for_.body);
    hx_jl_patch(fs, &cf.continues, fs->len);
    if (per_iter) hx_emit_op(fs, HX_OPC_copy_ctx);
    if (n->u.for_.update) hx_compile_expr_discard(fs, n->u.for_.update);
    hx_emit_jump_to(fs, HX_OPC_jmp, top);
    hx_jl_patch(fs, &exit, fs->len);
    hx_jl_patch(fs, &cf.breaks, fs->len);
    pop_cf(fs, &cf);
    if (ctx) pop_cf(fs, &ctxcf);
    hx_leave_scope(fs, scope);
}

/* Binds the per-iteration value (on the stack) to the for-in/of head. */
static void bind_for_head(hx_fstate *fs, hx_ast_node *left) {
    if (left->kind == HX_AST_VAR_DECL) {
        hx_ast_node *id = left->u.var_decl.declarations.items[0]->u.declarator.id;
        hx_compile_bind_pattern(fs, id, left->u.var_decl.kind != HX_VAR_VAR);
    } else
        hx_compile_bind_pattern(fs, left, false);
}

static void compile_for_in_of(hx_fstate *fs, hx_ast_node *n) {
    bool is_of = n->kind == HX_AST_FOR_OF;
    hx_ast_scope *scope = n->u.for_in.scope;
    hx_cscope *cs = hx_cscope_of(scope);
    if (n->u.for_in.await_) {
        hx_value s = hx_string_from_cstr(fs->rt, "for await is not supported yet (async iteration is a later issue)");
        hx_emit_op(fs, HX_OPC_throw_error);
        hx_emit_u16(fs, HR_SYNTAX_ERROR);
        hx_emit_u32(fs, hx_add_const(fs, s));
        return;
    }
    /* Annex B.3.5: for (var x = init in obj) */
    hx_ast_node *left = n->u.for_in.left;
    if (!is_of && left->kind == HX_AST_VAR_DECL && left->u.var_decl.declarations.items[0]->u.declarator.init) {
        hx_ast_node *d = left->u.var_decl.declarations.items[0];
        hx_compile_expr(fs, d->u.declarator.init);
        hx_compile_bind_pattern(fs, d->u.declarator.id, false);
    }
    /* the head expression is evaluated in a TDZ scope of the loop's names */
    if (scope) {
        hx_enter_scope(fs, scope);
        hx_compile_expr(fs, n->u.for_in.right);
        hx_leave_scope(fs, scope);
    } else
        hx_compile_expr(fs, n->u.for_in.right);
    hx_set_pos(fs, n);
    hx_cflow cf;
    if (is_of) {
        hx_emit_op(fs, HX_OPC_get_iterator);
        push_cf(fs, &cf, HX_CF_ITER);
        cf.depth = fs->depth - 3;
    } else {
        hx_emit_op(fs, HX_OPC_for_in_start);
        push_cf(fs, &cf, HX_CF_LOOP);
        cf.depth = fs->depth - 1;
        cf.finally_label = 1; /* one item on the stack */
    }
    take_labels(&cf);
    uint32_t top = fs->len;
    uint32_t exit_at = hx_emit_jump(fs, is_of ? HX_OPC_for_of_next : HX_OPC_for_in_next);
    if (!is_of) hx_adjust(fs, 0);
    uint32_t body_start = fs->len;
    /* fresh bindings for each iteration */
    hx_cflow ctxcf;
    bool ctx = false;
    if (scope) {
        hx_enter_scope(fs, scope);
        ctx = cs && cs->has_ctx;
        if (ctx) push_cf(fs, &ctxcf, HX_CF_CTX);
    }
    bind_for_head(fs, left);
    hx_compile_stmt(fs, n->u.for_in.body);
    if (scope) {
        if (ctx) pop_cf(fs, &ctxcf);
        hx_leave_scope(fs, scope);
    }
    uint32_t body_end = fs->len;
    hx_jl_patch(fs, &cf.continues, fs->len);
    hx_emit_jump_to(fs, HX_OPC_jmp, top);
    if (is_of) {
        /* the body threw: close the iterator, rethrow */
        uint32_t handler = fs->len;
        int d = cf.depth + 3;
        fs->depth = d + 1;
        if (ctx) hx_emit_op_u16(fs, HX_OPC_restore_ctx, 0);
        hx_emit_op(fs, HX_OPC_iter_close_throw);
        hx_add_handler(fs, body_start, body_end, handler, d);
        fs->depth = d;
    }
    hx_patch_here(fs, exit_at);
    /* exhausted: for-of leaves nothing (done), for-in drops the enumerator */
    if (is_of) fs->depth = cf.depth;
    else {
        fs->depth = cf.depth + 1;
        hx_emit_op(fs, HX_OPC_drop);
    }
    hx_jl_patch(fs, &cf.breaks, fs->len);
    pop_cf(fs, &cf);
}

static void compile_switch(hx_fstate *fs, hx_ast_node *n) {
    hx_compile_expr(fs, n->u.switch_.discriminant);
    uint32_t dreg = hx_alloc_reg(fs);
    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)dreg);
    hx_ast_scope *scope = n->u.switch_.scope;
    hx_enter_scope(fs, scope);
    hx_cscope *cs = hx_cscope_of(scope);
    hx_cflow ctxcf, cf;
    bool ctx = cs && cs->has_ctx;
    if (ctx) push_cf(fs, &ctxcf, HX_CF_CTX);
    hx_hoist_functions(fs, scope);
    push_cf(fs, &cf, HX_CF_SWITCH);
    take_labels(&cf);
    hx_ast_list *cases = &n->u.switch_.cases;
    uint32_t *jumps = cases->len ? hx_arena_alloc(hx_cur_compiler->arena, cases->len * sizeof(uint32_t)) : NULL;
    if (cases->len && !jumps) {
        hx_cur_compiler->failed = true;
        return;
    }
    int def = -1;
    for (uint32_t i = 0; i < cases->len; i++) {
        hx_ast_node *c = cases->items[i];
        if (!c->u.switch_case.test) {
            def = (int)i;
            continue;
        }
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)dreg);
        hx_compile_expr(fs, c->u.switch_case.test);
        hx_set_pos(fs, c);
        hx_emit_op(fs, HX_OPC_seq);
        jumps[i] = hx_emit_jump(fs, HX_OPC_jmp_true);
    }
    uint32_t to_default = hx_emit_jump(fs, HX_OPC_jmp);
    for (uint32_t i = 0; i < cases->len; i++) {
        hx_ast_node *c = cases->items[i];
        if (c->u.switch_case.test) hx_patch_here(fs, jumps[i]);
        else hx_patch_here(fs, to_default);
        hx_compile_stmts(fs, &c->u.switch_case.consequent);
    }
    if (def < 0) hx_patch_here(fs, to_default);
    hx_jl_patch(fs, &cf.breaks, fs->len);
    pop_cf(fs, &cf);
    if (ctx) pop_cf(fs, &ctxcf);
    hx_leave_scope(fs, scope);
}

static void compile_try(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_node *handler = n->u.try_.handler, *finalizer = n->u.try_.finalizer;
    int base = fs->depth;
    uint32_t ctx_reg = hx_alloc_reg(fs);
    hx_emit_op_u16(fs, HX_OPC_save_ctx, (uint16_t)ctx_reg);
    hx_cflow fcf;
    if (finalizer) {
        push_cf(fs, &fcf, HX_CF_FINALLY);
        fcf.depth = base;
    }
    uint32_t try_start = fs->len;
    fs->try_depth++;
    hx_compile_stmt(fs, n->u.try_.block);
    fs->try_depth--;
    uint32_t try_end = fs->len;
    if (finalizer) {
        hx_emit_op(fs, HX_OPC_push_undefined);
        hx_jl_add(fs, &fcf.gosubs, hx_emit_jump(fs, HX_OPC_gosub));
        hx_adjust(fs, -1);
        hx_emit_op(fs, HX_OPC_drop);
    }
    uint32_t to_end = hx_emit_jump(fs, HX_OPC_jmp);
    uint32_t catch_end = fs->len;
    uint32_t to_end2 = UINT32_MAX;
    if (handler) {
        uint32_t catch_start = fs->len;
        fs->depth = base + 1;
        hx_emit_op_u16(fs, HX_OPC_restore_ctx, (uint16_t)ctx_reg);
        hx_add_handler(fs, try_start, try_end, catch_start, base);
        hx_ast_scope *scope = handler->u.catch_.scope;
        hx_enter_scope(fs, scope);
        hx_cscope *cs = hx_cscope_of(scope);
        hx_cflow ctxcf;
        bool ctx = cs && cs->has_ctx;
        if (ctx) push_cf(fs, &ctxcf, HX_CF_CTX);
        if (handler->u.catch_.param) hx_compile_bind_pattern(fs, handler->u.catch_.param, true);
        else hx_emit_op(fs, HX_OPC_drop);
        hx_compile_stmt(fs, handler->u.catch_.body);
        if (ctx) pop_cf(fs, &ctxcf);
        hx_leave_scope(fs, scope);
        if (finalizer) {
            hx_emit_op(fs, HX_OPC_push_undefined);
            hx_jl_add(fs, &fcf.gosubs, hx_emit_jump(fs, HX_OPC_gosub));
            hx_adjust(fs, -1);
            hx_emit_op(fs, HX_OPC_drop);
        }
        to_end2 = hx_emit_jump(fs, HX_OPC_jmp);
        catch_end = fs->len;
    }
    if (finalizer) {
        pop_cf(fs, &fcf);
        /* exceptions from the try block (without catch) or the catch block */
        uint32_t fh = fs->len;
        fs->depth = base + 1;
        hx_emit_op_u16(fs, HX_OPC_restore_ctx, (uint16_t)ctx_reg);
        hx_add_handler(fs, try_start, catch_end, fh, base);
        hx_jl_add(fs, &fcf.gosubs, hx_emit_jump(fs, HX_OPC_gosub));
        hx_adjust(fs, -1);
        hx_emit_op(fs, HX_OPC_throw);
        /* the finally block: entered by gosub with [value retaddr] on the stack */
        hx_jl_patch(fs, &fcf.gosubs, fs->len);
        fs->depth = base + 2;
        int saved_cpl = -1;
        if (fs->is_program && fs->return_label_reg >= 0) {
            /* a normal finally does not change the completion value */
            saved_cpl = (int)hx_alloc_reg(fs);
            hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)fs->return_label_reg);
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)saved_cpl);
        }
        hx_compile_stmt(fs, finalizer);
        if (saved_cpl >= 0) {
            hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)saved_cpl);
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)fs->return_label_reg);
        }
        hx_emit_op(fs, HX_OPC_ret);
    }
    hx_patch_here(fs, to_end);
    if (to_end2 != UINT32_MAX) hx_patch_here(fs, to_end2);
    fs->depth = base;
}

static void compile_with(hx_fstate *fs, hx_ast_node *n) {
    hx_compile_expr(fs, n->u.with.object);
    hx_set_pos(fs, n);
    hx_emit_op(fs, HX_OPC_to_object);
    hx_emit_op(fs, HX_OPC_push_with_ctx);
    /* the resolver's marker scope: names inside resolve through the object */
    hx_cscope *marker = hx_compiler_with_marker(hx_cur_compiler, n);
    if (!marker) {
        hx_compile_error(fs, n, "internal: with statement without marker scope");
        return;
    }
    fs->scope = marker;
    hx_cflow cf;
    push_cf(fs, &cf, HX_CF_CTX);
    hx_compile_stmt(fs, n->u.with.body);
    pop_cf(fs, &cf);
    fs->scope = marker->parent;
    hx_emit_op(fs, HX_OPC_pop_ctx);
}

void hx_compile_stmts(hx_fstate *fs, hx_ast_list *l) {
    for (uint32_t i = 0; i < l->len; i++) hx_compile_stmt(fs, l->items[i]);
}

/* Annex B.3.2: when a block function declaration is evaluated, its value is
 * copied to the var binding of the same name. */
static void annexb_copy(hx_fstate *fs, hx_ast_node *fn) {
    if (!fs->scope) return;
    hx_ast_scope *s = fs->scope->ast;
    for (uint32_t i = 0; i < s->decl_count; i++) {
        if (s->decls[i].decl != fn || !(s->decls[i].flags & HX_DECL_F_ANNEXB)) continue;
        hx_ref inner = hx_lookup(fs, fn->u.func.name);
        hx_emit_load(fs, &inner, fn);
        /* the var binding lives in the enclosing var scope: look it up from there */
        hx_cscope *saved = fs->scope;
        hx_cscope *v = fs->scope;
        while (v && !v->is_function) v = v->parent;
        if (v) {
            hx_cscope *from = fs->scope;
            fs->scope = v;
            hx_ref outer = hx_lookup(fs, fn->u.func.name);
            fs->scope = from;
            /* depth must be counted from the current scope */
            if (outer.b && outer.b->storage == HX_ST_CTX) {
                uint32_t d = 0;
                for (hx_cscope *c = fs->scope; c && c != outer.b->home; c = c->parent)
                    if (c->has_ctx) d++;
                outer.depth = d;
            }
            hx_emit_store(fs, &outer, true, fn);
        }
        fs->scope = saved;
        hx_emit_op(fs, HX_OPC_drop);
        return;
    }
}

static void compile_stmt(hx_fstate *fs, hx_ast_node *n);

/* Statements leave the operand stack as they found it. */
void hx_compile_stmt(hx_fstate *fs, hx_ast_node *n) {
    if (hx_cur_compiler->failed || !n) return;
    int depth = fs->depth;
    compile_stmt(fs, n);
    HX_ASSERT(hx_cur_compiler->failed || fs->depth == depth || n->kind == HX_AST_RETURN || n->kind == HX_AST_THROW ||
              n->kind == HX_AST_BREAK || n->kind == HX_AST_CONTINUE);
    (void)depth;
}

static void compile_stmt(hx_fstate *fs, hx_ast_node *n) {
    hx_set_pos(fs, n);
    if (fs->is_program && fs->return_label_reg >= 0) {
        /* completion values (scripts, eval): these statements produce
         * UpdateEmpty(result, undefined), so start from undefined */
        switch (n->kind) {
        case HX_AST_IF:
        case HX_AST_WHILE:
        case HX_AST_DO_WHILE:
        case HX_AST_FOR:
        case HX_AST_FOR_IN:
        case HX_AST_FOR_OF:
        case HX_AST_SWITCH:
        case HX_AST_WITH:
        case HX_AST_TRY:
            hx_emit_op(fs, HX_OPC_push_undefined);
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)fs->return_label_reg);
            break;
        default: break;
        }
    }
    if (n->kind != HX_AST_LABELED && n->kind != HX_AST_WHILE && n->kind != HX_AST_DO_WHILE &&
        n->kind != HX_AST_FOR && n->kind != HX_AST_FOR_IN && n->kind != HX_AST_FOR_OF && n->kind != HX_AST_SWITCH &&
        pending_label_count) {
        /* a labelled non-loop statement: `break label` leaves it */
        hx_cflow cf;
        push_cf(fs, &cf, HX_CF_BLOCK_LABEL);
        take_labels(&cf);
        hx_compile_stmt(fs, n);
        hx_jl_patch(fs, &cf.breaks, fs->len);
        pop_cf(fs, &cf);
        return;
    }
    switch ((hx_ast_kind)n->kind) {
    case HX_AST_VAR_DECL: compile_var_decl(fs, n); return;
    case HX_AST_FUNCTION_DECL: annexb_copy(fs, n); return; /* hoisted */
    case HX_AST_CLASS_DECL: {
        hx_value nm = hx_string_from_utf8(fs->rt, n->u.klass.name->utf8, n->u.klass.name->len);
        hx_compile_class(fs, n, nm);
        hx_ref r = hx_lookup(fs, n->u.klass.name);
        hx_emit_store(fs, &r, true, n);
        hx_emit_op(fs, HX_OPC_drop);
        return;
    }
    case HX_AST_EXPR_STMT:
        if (fs->is_program && fs->return_label_reg >= 0) {
            /* the completion value of scripts and eval code */
            hx_compile_expr(fs, n->u.expr_stmt.expression);
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)fs->return_label_reg);
        } else
            hx_compile_expr_discard(fs, n->u.expr_stmt.expression);
        return;
    case HX_AST_BLOCK: compile_block_body(fs, n->u.block.scope, &n->u.block.body); return;
    case HX_AST_EMPTY: return;
    case HX_AST_DEBUGGER: hx_emit_op(fs, HX_OPC_debugger); return;
    case HX_AST_WITH: compile_with(fs, n); return;
    case HX_AST_RETURN:
        if (n->u.unary_stmt.argument) {
            /* ES2025 15.10 tail position calls in strict functions */
            hx_ast_node *a = n->u.unary_stmt.argument;
            bool no_cf = true;
            for (hx_cflow *c = fs->cf; c; c = c->outer)
                if (c->kind == HX_CF_FINALLY || c->kind == HX_CF_ITER) no_cf = false;
            fs->tail_call = fs->strict && no_cf && fs->try_depth == 0 && !fs->is_program &&
                            !(fs->flags & (HX_FD_GENERATOR | HX_FD_ASYNC | HX_FD_CLASS_CONSTRUCTOR | HX_FD_DERIVED));
            hx_compile_expr(fs, a);
            fs->tail_call = false;
        } else
            hx_emit_op(fs, HX_OPC_push_undefined);
        hx_emit_return(fs, n);
        return;
    case HX_AST_THROW:
        hx_compile_expr(fs, n->u.unary_stmt.argument);
        hx_set_pos(fs, n);
        hx_emit_op(fs, HX_OPC_throw);
        return;
    case HX_AST_LABELED: {
        if (pending_label_count < 64) pending_labels[pending_label_count++] = n->u.labeled.label;
        hx_ast_node *body = n->u.labeled.body;
        if (body->kind == HX_AST_FUNCTION_DECL) {
            pending_label_count = 0;
            annexb_copy(fs, body);
            return;
        }
        hx_compile_stmt(fs, body);
        pending_label_count = 0;
        return;
    }
    case HX_AST_BREAK: compile_jump(fs, n, true); return;
    case HX_AST_CONTINUE: compile_jump(fs, n, false); return;
    case HX_AST_IF: {
        hx_jumplist jl = {0};
        hx_compile_cond_jump(fs, n->u.if_.test, false, &jl);
        hx_compile_stmt(fs, n->u.if_.consequent);
        if (n->u.if_.alternate) {
            uint32_t end = hx_emit_jump(fs, HX_OPC_jmp);
            hx_jl_patch(fs, &jl, fs->len);
            hx_compile_stmt(fs, n->u.if_.alternate);
            hx_patch_here(fs, end);
        } else
            hx_jl_patch(fs, &jl, fs->len);
        return;
    }
    case HX_AST_SWITCH: compile_switch(fs, n); return;
    case HX_AST_TRY: compile_try(fs, n); return;
    case HX_AST_WHILE: compile_while(fs, n); return;
    case HX_AST_DO_WHILE: compile_do_while(fs, n); return;
    case HX_AST_FOR: compile_for(fs, n); return;
    case HX_AST_FOR_IN:
    case HX_AST_FOR_OF: compile_for_in_of(fs, n); return;
    case HX_AST_IMPORT_DECL:
    case HX_AST_EXPORT_NAMED:
    case HX_AST_EXPORT_DEFAULT:
    case HX_AST_EXPORT_ALL: {
        hx_value s = hx_string_from_cstr(fs->rt, "modules are not supported yet (a later issue)");
        hx_emit_op(fs, HX_OPC_throw_error);
        hx_emit_u16(fs, HR_SYNTAX_ERROR);
        hx_emit_u32(fs, hx_add_const(fs, s));
        return;
    }
    default: hx_compile_error(fs, n, "unexpected %s in statement position", hx_ast_kind_names[n->kind]); return;
    }
}
