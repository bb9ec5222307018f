/*
 * compile_var.c — bindings at emission time: assigning registers and
 * context slots when a scope is entered, resolving a name from the current
 * scope to its binding (with the number of context hops), and emitting
 * loads and stores with the temporal-dead-zone and const checks.
 *
 * Invariant: a scope's context (if any) is pushed on entry and popped on
 * every exit path; the context depth of a reference counts exactly the
 * scopes with has_ctx between the reference and the binding's home scope.
 */
#include <stdio.h>
#include <string.h>
#include "compile/cinternal.h"


/* Decides storage for the bindings of a scope (not the program's globals). */
static void assign_storage(hx_fstate *fs, hx_cscope *cs, hx_cscope *ctx_home) {
    for (uint32_t i = 0; i < cs->count; i++) {
        hx_binding *b = &cs->bind[i];
        b->fn = fs;
        if (b->storage == HX_ST_GLOBAL || b->storage == HX_ST_GLOBAL_LEX || b->storage == HX_ST_DYNAMIC) continue;
        if (b->captured) {
            b->storage = HX_ST_CTX;
            b->home = ctx_home;
            b->index = ctx_home->ctx_slots++;
            ctx_home->has_ctx = true;
        } else if (b->decl_kind != HX_DECL_PARAM) {
            b->storage = HX_ST_REG;
            b->index = hx_alloc_reg(fs);
        }
    }
}

/* Builds the scope info (slot names and kinds) once slots are assigned. */
static hx_scopeinfo *scope_info(hx_fstate *fs, hx_cscope *home) {
    hx_scopeinfo *si = hx_cscope_info(hx_cur_compiler, home);
    if (!si) {
        hx_cur_compiler->failed = true;
        return NULL;
    }
    return si;
}

static void fill_info(hx_fstate *fs, hx_scopeinfo *si, hx_cscope *cs, hx_cscope *home) {
    for (uint32_t i = 0; i < cs->count; i++) {
        hx_binding *b = &cs->bind[i];
        if (b->storage != HX_ST_CTX || b->home != home || b->index >= si->count) continue;
        si->names[b->index] = hx_cur_compiler->failed ? HX_UNDEFINED : hx_name_value(fs, b->name);
        si->kinds[b->index] = hx_slot_kind(b);
    }
}

/* Emits push_ctx for a scope whose bindings need a context. */
static void push_scope_ctx(hx_fstate *fs, hx_cscope *cs, hx_cscope *also) {
    hx_scopeinfo *si = scope_info(fs, cs);
    if (!si) return;
    fill_info(fs, si, cs, cs);
    if (also) fill_info(fs, si, also, cs);
    if (cs->is_function) si->hdr.flags |= 1; /* HX_SCOPEINFO_FUNCTION: var scope for eval */
    uint32_t k = hx_add_const(fs, HX_PTR_VALUE(HX_TAG_CELL, si));
    hx_emit_op_const(fs, HX_OPC_push_ctx, k);
}

/* Called for block-like scopes (block, for, switch, catch, class). */
void hx_enter_scope(hx_fstate *fs, hx_ast_scope *s) {
    hx_cscope *cs = hx_cscope_of(s);
    if (!cs) return;
    cs->ctx_slots = 0;
    cs->has_ctx = false;
    assign_storage(fs, cs, cs);
    if (cs->ast->kind == HX_SCOPE_CLASS) {
        /* class scopes always get a context: private names and brands live there */
        cs->has_ctx = true;
    }
    fs->scope = cs;
    if (cs->has_ctx) push_scope_ctx(fs, cs, NULL);
    hx_init_lexicals_uninit(fs, cs);
}

void hx_init_lexicals_uninit(hx_fstate *fs, hx_cscope *cs) {
    /* register lexicals start in the TDZ (context slots are set by push_ctx) */
    for (uint32_t i = 0; i < cs->count; i++) {
        hx_binding *b = &cs->bind[i];
        if (b->storage == HX_ST_REG && b->tdz) {
            hx_emit_op(fs, HX_OPC_push_uninit);
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
        } else if (b->storage == HX_ST_REG && (b->decl_kind == HX_DECL_VAR || b->decl_kind == HX_DECL_ANNEXB_VAR ||
                                               b->decl_kind == HX_DECL_BLOCK_FUNCTION ||
                                               b->decl_kind == HX_DECL_FUNCTION)) {
            /* registers may be reused across sibling scopes: reset */
            if (!cs->is_function) {
                hx_emit_op(fs, HX_OPC_push_undefined);
                hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
            }
        }
    }
}

void hx_leave_scope(hx_fstate *fs, hx_ast_scope *s) {
    hx_cscope *cs = hx_cscope_of(s);
    if (!cs) return;
    if (cs->has_ctx) hx_emit_op(fs, HX_OPC_pop_ctx);
    fs->scope = cs->parent;
}

/* Storage for a function's parameter and body scopes, sharing one context
 * (the function's top context).  Params occupy registers 0..n-1. */
void hx_setup_function_scopes(hx_fstate *fs, hx_cscope *ps, hx_cscope *bs, uint32_t nparams) {
    hx_cscope *home = bs ? bs : ps;
    if (!home) return;
    home->ctx_slots = 0;
    home->has_ctx = false;
    if (ps) {
        for (uint32_t i = 0; i < ps->count; i++) {
            hx_binding *b = &ps->bind[i];
            b->fn = fs;
            if (b->captured) {
                b->storage = HX_ST_CTX;
                b->home = home;
                b->index = home->ctx_slots++;
                home->has_ctx = true;
            } else {
                b->storage = HX_ST_REG;
                b->index = hx_alloc_reg(fs);
            }
        }
    }
    if (bs) {
        /* a body var with a parameter's name is the same binding */
        for (uint32_t i = 0; i < bs->count; i++) {
            hx_binding *b = &bs->bind[i];
            if (ps && (b->decl_kind == HX_DECL_VAR || b->decl_kind == HX_DECL_ANNEXB_VAR)) {
                hx_binding *p = NULL;
                for (uint32_t j = 0; j < ps->count; j++)
                    if (ps->bind[j].name == b->name) p = &ps->bind[j];
                if (p) {
                    if (b->captured && !p->captured) {
                        /* keep both in sync by capturing the parameter too */
                        p->captured = true;
                        p->storage = HX_ST_CTX;
                        p->home = home;
                        p->index = home->ctx_slots++;
                        home->has_ctx = true;
                    }
                    b->storage = p->storage;
                    b->index = p->index;
                    b->home = p->home;
                    b->fn = fs;
                    b->decl_kind = HX_DECL_PARAM; /* no separate initialisation */
                    continue;
                }
            }
        }
        for (uint32_t i = 0; i < bs->count; i++) {
            hx_binding *b = &bs->bind[i];
            if (b->decl_kind == HX_DECL_PARAM && b->fn == fs) continue;
            b->fn = fs;
            if (b->captured) {
                b->storage = HX_ST_CTX;
                b->home = home;
                b->index = home->ctx_slots++;
                home->has_ctx = true;
            } else {
                b->storage = HX_ST_REG;
                b->index = hx_alloc_reg(fs);
            }
        }
    }
    (void)nparams;
}

void hx_push_function_ctx(hx_fstate *fs, hx_cscope *ps, hx_cscope *bs) {
    hx_cscope *home = bs ? bs : ps;
    if (!home || !home->has_ctx) return;
    push_scope_ctx(fs, home, ps);
}

/* ---- resolution ------------------------------------------------------------ */

static hx_binding *find_binding(hx_cscope *cs, const hx_ast_name *name) {
    for (uint32_t i = 0; i < cs->count; i++)
        if (cs->bind[i].name == name) return &cs->bind[i];
    return NULL;
}

static uint32_t ctx_depth_to(hx_fstate *fs, hx_cscope *home) {
    uint32_t depth = 0;
    for (hx_cscope *cs = fs->scope; cs && cs != home; cs = cs->parent)
        if (cs->has_ctx) depth++;
    return depth;
}

hx_ref hx_lookup(hx_fstate *fs, const hx_ast_name *name) {
    hx_ref r = {NULL, 0, name, false};
    bool dynamic = false;
    for (hx_cscope *cs = fs->scope; cs; cs = cs->parent) {
        hx_binding *b = find_binding(cs, name);
        if (b && b->storage != HX_ST_DYNAMIC) {
            r.b = b;
            r.dynamic = dynamic && b->storage != HX_ST_GLOBAL && b->storage != HX_ST_GLOBAL_LEX ? true : false;
            if (dynamic) r.dynamic = true;
            if (b->storage == HX_ST_CTX) r.depth = ctx_depth_to(fs, b->home);
            return r;
        }
        if (b) {
            r.dynamic = true;
            return r;
        }
        if (cs->dynamic) dynamic = true;
    }
    r.dynamic = dynamic || fs->sloppy_eval_program || !hx_is_undefined(fs->eval_scope);
    for (hx_fstate *f = fs; f; f = f->parent)
        if (!hx_is_undefined(f->eval_scope)) r.dynamic = true;
    return r;
}

static void emit_ctx(hx_fstate *fs, hx_opcode op, uint32_t depth, uint32_t slot) {
    hx_emit_op(fs, op);
    hx_emit_u16(fs, (uint16_t)depth);
    hx_emit_u16(fs, (uint16_t)slot);
}

void hx_emit_load(hx_fstate *fs, hx_ref *r, const hx_ast_node *at) {
    if (r->dynamic) {
        hx_emit_op_const(fs, HX_OPC_get_name, hx_const_name(fs, r->name));
        return;
    }
    hx_binding *b = r->b;
    if (!b || b->storage == HX_ST_GLOBAL || b->storage == HX_ST_GLOBAL_LEX) {
        hx_emit_op_key(fs, HX_OPC_get_global, hx_name_key(fs, r->name));
        return;
    }
    if (b->storage == HX_ST_REG) {
        if (b->tdz) {
            hx_emit_op(fs, HX_OPC_load_reg_chk);
            hx_emit_u16(fs, (uint16_t)b->index);
            hx_emit_u32(fs, hx_const_name(fs, b->name));
        } else
            hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)b->index);
        return;
    }
    if (b->tdz) {
        emit_ctx(fs, HX_OPC_load_ctx_chk, r->depth, b->index);
        hx_emit_u32(fs, hx_const_name(fs, b->name));
    } else
        emit_ctx(fs, HX_OPC_load_ctx, r->depth, b->index);
}

void hx_emit_load_typeof(hx_fstate *fs, hx_ref *r) {
    if (r->dynamic) {
        hx_emit_op_const(fs, HX_OPC_get_name_or_undef, hx_const_name(fs, r->name));
        return;
    }
    if (!r->b || r->b->storage == HX_ST_GLOBAL || r->b->storage == HX_ST_GLOBAL_LEX) {
        hx_emit_op_key(fs, HX_OPC_get_global_or_undef, hx_name_key(fs, r->name));
        return;
    }
    hx_emit_load(fs, r, NULL);
}

static void emit_const_assign_error(hx_fstate *fs, const hx_ast_name *name) {
    char msg[200];
    snprintf(msg, sizeof msg, "Assignment to constant variable '%.*s'.", (int)(name->len > 100 ? 100 : name->len),
             name->utf8);
    hx_value s = hx_string_from_cstr(fs->rt, msg);
    if (hx_is_exception(s)) {
        hx_cur_compiler->failed = true;
        return;
    }
    hx_emit_op(fs, HX_OPC_throw_error);
    hx_emit_u16(fs, HR_TYPE_ERROR);
    hx_emit_u32(fs, hx_add_const(fs, s));
}

void hx_emit_store(hx_fstate *fs, hx_ref *r, bool init, const hx_ast_node *at) {
    if (r->dynamic) {
        hx_emit_op_const(fs, init ? HX_OPC_init_name : (fs->strict ? HX_OPC_put_name_strict : HX_OPC_put_name),
                         hx_const_name(fs, r->name));
        if (init) {
            /* init_name pops; keep the stack contract (value stays) */
            hx_emit_op_const(fs, HX_OPC_get_name, hx_const_name(fs, r->name));
        }
        return;
    }
    hx_binding *b = r->b;
    if (!b || b->storage == HX_ST_GLOBAL || b->storage == HX_ST_GLOBAL_LEX) {
        if (b && b->storage == HX_ST_GLOBAL_LEX && init) {
            hx_emit_op(fs, HX_OPC_dup);
            hx_emit_op_const(fs, HX_OPC_init_global_lex, hx_const_name(fs, r->name));
            return;
        }
        if (b && b->is_const && !init) {
            /* TDZ check first (reading), then the TypeError */
            hx_emit_op_key(fs, HX_OPC_get_global, hx_name_key(fs, r->name));
            hx_emit_op(fs, HX_OPC_drop);
            emit_const_assign_error(fs, r->name);
            return;
        }
        hx_emit_op_key(fs, fs->strict ? HX_OPC_put_global_strict : HX_OPC_put_global, hx_name_key(fs, r->name));
        return;
    }
    if (!init && b->is_const) {
        if (b->sloppy_fn_name) {
            if (fs->strict) emit_const_assign_error(fs, r->name);
            return; /* ignored in sloppy mode; value stays on the stack */
        }
        if (b->tdz) {
            hx_emit_load(fs, r, at);
            hx_emit_op(fs, HX_OPC_drop);
        }
        emit_const_assign_error(fs, r->name);
        return;
    }
    if (b->storage == HX_ST_REG) {
        if (b->tdz && !init) {
            hx_emit_op(fs, HX_OPC_put_reg_chk);
            hx_emit_u16(fs, (uint16_t)b->index);
            hx_emit_u32(fs, hx_const_name(fs, b->name));
        } else
            hx_emit_op_u16(fs, HX_OPC_put_reg, (uint16_t)b->index);
        return;
    }
    if (b->tdz && !init) {
        emit_ctx(fs, HX_OPC_put_ctx_chk, r->depth, b->index);
        hx_emit_u32(fs, hx_const_name(fs, b->name));
    } else
        emit_ctx(fs, HX_OPC_put_ctx, r->depth, b->index);
}

/* ---- synthetic bindings: this, new.target, home, arguments ----------------- */

/* Finds the function owning synthetic binding `syn` for code in fs (arrows,
 * field initialisers and eval code defer to their enclosing function). */
static hx_fstate *syn_owner(hx_fstate *fs, uint32_t *depth) {
    *depth = 0;
    hx_fstate *f = fs;
    while (f && f->node && f->node->kind == HX_AST_ARROW) f = f->parent;
    if (!f) return NULL;
    /* context hops from fs->scope up to f's body scope */
    hx_cscope *home = f->info ? f->info->body : NULL;
    uint32_t d = 0;
    for (hx_cscope *cs = fs->scope; cs && cs != home; cs = cs->parent)
        if (cs->has_ctx) d++;
    *depth = d;
    return f;
}

void hx_emit_syn_load(hx_fstate *fs, int syn) {
    uint32_t depth;
    hx_fstate *f = syn_owner(fs, &depth);
    static const hx_opcode direct[] = {HX_OPC_push_this, HX_OPC_push_new_target, HX_OPC_push_callee, HX_OPC_push_undefined};
    if (!f || !f->info) {
        hx_emit_op(fs, direct[syn]);
        return;
    }
    hx_binding *b = &f->info->syn[syn];
    if (f == fs && b->storage == HX_ST_REG && syn != HX_SYN_ARGUMENTS && !b->index) {
        hx_emit_op(fs, direct[syn]);
        return;
    }
    if (b->storage == HX_ST_CTX) {
        emit_ctx(fs, HX_OPC_load_ctx, depth, b->index);
        return;
    }
    if (b->storage == HX_ST_REG && b->index) {
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)(b->index - 1));
        return;
    }
    hx_emit_op(fs, direct[syn]);
}

/* Stores TOS (kept) into the synthetic binding (this after super()). */
void hx_emit_syn_store(hx_fstate *fs, int syn) {
    uint32_t depth;
    hx_fstate *f = syn_owner(fs, &depth);
    if (!f || !f->info) return;
    hx_binding *b = &f->info->syn[syn];
    if (b->storage == HX_ST_CTX) emit_ctx(fs, HX_OPC_put_ctx, depth, b->index);
    else if (b->storage == HX_ST_REG && b->index) hx_emit_op_u16(fs, HX_OPC_put_reg, (uint16_t)(b->index - 1));
}
