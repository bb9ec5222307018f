/*
 * compile_func.c — functions and classes: the prologue of each function
 * (FunctionDeclarationInstantiation, ES2025 10.2.11: contexts, parameters,
 * the arguments object, hoisted declarations), closures, generators'
 * initial suspension and `yield`, and class definitions (ES2025 15.7.14
 * ClassDefinitionEvaluation) with methods, accessors, static and instance
 * fields, private names and static blocks.
 */
#include <string.h>
#include "compile/cinternal.h"

void hx_push_function_ctx(hx_fstate *fs, hx_cscope *ps, hx_cscope *bs);

static bool params_simple(hx_ast_node *fn) {
    hx_ast_list *p = &fn->u.func.params;
    for (uint32_t i = 0; i < p->len; i++)
        if (p->items[i]->kind != HX_AST_IDENTIFIER) return false;
    return true;
}

static uint32_t positional_params(hx_ast_node *fn) {
    hx_ast_list *p = &fn->u.func.params;
    uint32_t n = p->len;
    if (n && p->items[n - 1]->kind == HX_AST_REST) n--;
    return n;
}

static hx_binding *find_b(hx_cscope *cs, const hx_ast_name *name) {
    if (!cs) return NULL;
    for (uint32_t i = 0; i < cs->count; i++)
        if (cs->bind[i].name == name) return &cs->bind[i];
    return NULL;
}

static void place(hx_fstate *fs, hx_binding *b, hx_cscope *home) {
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

/* Synthetic bindings: captured ones get context slots; the arguments
 * object gets a register.  index is stored +1 for registers (0 = frame). */
void hx_place_syn(hx_fstate *fs, hx_fninfo *fi, hx_cscope *home) {
    for (int k = 0; k < HX_SYN_COUNT; k++) {
        hx_binding *b = &fi->syn[k];
        b->fn = fs;
        b->storage = HX_ST_REG;
        b->index = 0;
        if (fi->captured_syn[k] && home) {
            b->storage = HX_ST_CTX;
            b->home = home;
            b->index = home->ctx_slots++;
            home->has_ctx = true;
        } else if (k == HX_SYN_ARGUMENTS && fi->uses_syn[k]) {
            b->index = hx_alloc_reg(fs) + 1;
        }
    }
}

void hx_store_syn_from(hx_fstate *fs, hx_fninfo *fi, int k, hx_opcode producer) {
    hx_binding *b = &fi->syn[k];
    if (b->storage == HX_ST_CTX) {
        hx_emit_op(fs, producer);
        hx_emit_op(fs, HX_OPC_store_ctx);
        hx_emit_u16(fs, 0);
        hx_emit_u16(fs, (uint16_t)b->index);
    } else if (b->index) {
        hx_emit_op(fs, producer);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)(b->index - 1));
    }
}

/* Pushes the context of a body scope separate from the parameters. */
static void push_body_ctx(hx_fstate *fs, hx_cscope *bs) {
    hx_scopeinfo *si = hx_cscope_info(hx_cur_compiler, bs);
    if (!si) {
        hx_cur_compiler->failed = true;
        return;
    }
    for (uint32_t i = 0; i < bs->count; i++) {
        hx_binding *b = &bs->bind[i];
        if (b->storage != HX_ST_CTX || b->home != bs) continue;
        si->names[b->index] = hx_name_value(fs, b->name);
        si->kinds[b->index] = hx_slot_kind(b);
    }
    si->hdr.flags |= 1; /* the function's var scope (sloppy eval adds vars here) */
    hx_emit_op_const(fs, HX_OPC_push_ctx, hx_add_const(fs, HX_PTR_VALUE(HX_TAG_CELL, si)));
}

/* Emits the whole function body into fs (fresh) and returns the funcdef. */
static hx_funcdef *compile_function_body(hx_fstate *fs, hx_ast_node *fn) {
    hx_fninfo *fi = hx_fninfo_of(hx_cur_compiler, fn);
    fs->info = fi;
    uint32_t ff = fn->u.func.flags;
    fs->strict = (ff & HX_FN_STRICT) != 0;
    if (fs->strict) fs->flags |= HX_FD_STRICT;
    if (fn->kind == HX_AST_ARROW) fs->flags |= HX_FD_ARROW;
    if (ff & HX_FN_GENERATOR) fs->flags |= HX_FD_GENERATOR;
    if (ff & HX_FN_ASYNC) fs->flags |= HX_FD_ASYNC;
    if (ff & HX_FN_METHOD) fs->flags |= HX_FD_METHOD;
    if (ff & HX_FN_CLASS_CONSTRUCTOR) fs->flags |= HX_FD_CLASS_CONSTRUCTOR | HX_FD_CONSTRUCTOR;
    if (ff & HX_FN_DERIVED) fs->flags |= HX_FD_DERIVED;
    if (ff & HX_FN_GETTER) fs->flags |= HX_FD_GETTER;
    if (ff & HX_FN_SETTER) fs->flags |= HX_FD_SETTER;
    if (fn->kind != HX_AST_ARROW && !(ff & (HX_FN_METHOD | HX_FN_GENERATOR | HX_FN_ASYNC)))
        fs->flags |= HX_FD_CONSTRUCTOR;
    hx_cscope *ps = hx_cscope_of(fn->u.func.param_scope);
    hx_cscope *bs = hx_cscope_of(fn->u.func.body_scope);
    hx_cscope *home = bs ? bs : ps;
    bool simple = params_simple(fn);
    uint32_t npos = positional_params(fn);
    fs->nregs = fs->max_regs = npos;
    /* With parameter expressions the parameters get an environment of their
     * own and the body's declarations a separate one (ES2025 10.2.11 steps
     * 27-28): phome holds parameters, the function's own name and this /
     * new.target / arguments; home holds the body's bindings. */
    bool split = !simple && (ff & HX_FN_PARAM_EXPRESSIONS) && ps && bs;
    hx_cscope *phome = split ? ps : home;
    if (home) {
        home->ctx_slots = 0;
        home->has_ctx = false;
    }
    if (split) {
        ps->ctx_slots = 0;
        ps->has_ctx = false;
    }
    /* parameter bindings */
    if (ps) {
        if (simple) {
            for (uint32_t i = 0; i < ps->count; i++) ps->bind[i].storage = 0xFF;
            for (uint32_t i = 0; i < npos; i++) {
                hx_binding *b = find_b(ps, fn->u.func.params.items[i]->u.ident.name);
                if (!b) continue;
                b->fn = fs;
                if (!b->captured) {
                    b->storage = HX_ST_REG;
                    b->index = i; /* a later duplicate name wins */
                }
            }
            for (uint32_t i = 0; i < ps->count; i++)
                if (ps->bind[i].captured) place(fs, &ps->bind[i], home);
                else if (ps->bind[i].storage == 0xFF) place(fs, &ps->bind[i], home);
        } else {
            /* parameters are in their TDZ until initialised in order
             * (ES2025 10.2.11 step 26: f(a = b, b) throws) */
            for (uint32_t i = 0; i < ps->count; i++) {
                ps->bind[i].tdz = true;
                place(fs, &ps->bind[i], phome);
            }
        }
    }
    if (fi->self_scope) {
        hx_binding *b = &fi->self_scope->bind[0];
        place(fs, b, phome);
    }
    /* body bindings: a var named like a parameter is that parameter */
    if (bs) {
        for (uint32_t i = 0; i < bs->count; i++) {
            hx_binding *b = &bs->bind[i];
            hx_binding *p = (b->decl_kind == HX_DECL_VAR || b->decl_kind == HX_DECL_ANNEXB_VAR ||
                             b->decl_kind == HX_DECL_FUNCTION) && ps && simple ? find_b(ps, b->name) : NULL;
            if (p && b->decl_kind != HX_DECL_FUNCTION && !b->captured && !p->captured) {
                *b = *p;
                b->decl_kind = HX_DECL_PARAM;
                continue;
            }
            if (p && b->decl_kind != HX_DECL_FUNCTION && b->captured && p->captured) {
                *b = *p;
                b->decl_kind = HX_DECL_PARAM;
                continue;
            }
            place(fs, b, home);
        }
    }
    hx_place_syn(fs, fi, phome);
    if (fi->has_eval && home) home->has_ctx = true;
    if (split) fi->body = phome; /* this, arguments, ... live with the parameters */
    fs->scope = phome;
    if (ps && bs && ps != bs) {
        /* the chain seen from the body: body -> params -> self -> outer */
    }
    /* --- prologue --- */
    hx_set_pos(fs, fn);
    if (split) {
        if (phome->has_ctx) hx_push_function_ctx(fs, NULL, phome);
        /* eval in parameter expressions declares vars with the parameters */
        if (phome->has_ctx && phome->info) phome->info->hdr.flags |= 1;
    } else if (home && home->has_ctx)
        hx_push_function_ctx(fs, ps, bs);
    if (phome && phome->has_ctx && phome->info) {
        /* the self-name and synthetic bindings' slot names */
        if (fi->self_scope && fi->self_scope->bind[0].storage == HX_ST_CTX)
            phome->info->names[fi->self_scope->bind[0].index] = hx_name_value(fs, fi->self_scope->bind[0].name);
    }
    hx_store_syn_from(fs, fi, HX_SYN_THIS, HX_OPC_push_this);
    hx_store_syn_from(fs, fi, HX_SYN_NEW_TARGET, HX_OPC_push_new_target);
    hx_store_syn_from(fs, fi, HX_SYN_FUNC, HX_OPC_push_callee);
    if (fi->self_scope) {
        hx_binding *b = &fi->self_scope->bind[0];
        hx_emit_op(fs, HX_OPC_push_callee);
        if (b->storage == HX_ST_CTX) {
            hx_emit_op(fs, HX_OPC_store_ctx);
            hx_emit_u16(fs, 0);
            hx_emit_u16(fs, (uint16_t)b->index);
        } else
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
    }
    if (fi->uses_syn[HX_SYN_ARGUMENTS] && fn->kind != HX_AST_ARROW) {
        bool mapped = !fs->strict && simple;
        if (mapped) fs->flags |= HX_FD_MAPPED_ARGUMENTS;
        fs->flags |= HX_FD_NEEDS_ARGUMENTS;
        if (mapped) {
            /* parameter position -> context slot (the last duplicate name maps) */
            hx_value map = hx_array_new(fs->realm, 0);
            if (hx_is_exception(map)) {
                hx_cur_compiler->failed = true;
                return NULL;
            }
            for (uint32_t i = 0; i < npos; i++) {
                const hx_ast_name *nm = fn->u.func.params.items[i]->u.ident.name;
                bool later = false;
                for (uint32_t j = i + 1; j < npos; j++)
                    if (fn->u.func.params.items[j]->u.ident.name == nm) later = true;
                hx_binding *b = find_b(ps, nm);
                int32_t slot = !later && b && b->storage == HX_ST_CTX ? (int32_t)b->index : -1;
                if (hx_array_push(fs->realm, hx_as_object(map), hx_int(slot)) < 0) {
                    hx_cur_compiler->failed = true;
                    return NULL;
                }
            }
            hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, map));
            hx_emit_op_u8(fs, HX_OPC_arguments, 1);
        } else {
            hx_emit_op_u8(fs, HX_OPC_arguments, 0);
            hx_adjust(fs, 1);
        }
        hx_binding *b = &fi->syn[HX_SYN_ARGUMENTS];
        if (b->storage == HX_ST_CTX) {
            hx_emit_op(fs, HX_OPC_store_ctx);
            hx_emit_u16(fs, 0);
            hx_emit_u16(fs, (uint16_t)b->index);
        } else
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)(b->index - 1));
    }
    /* an arguments binding name visible to eval */
    if (phome && phome->has_ctx && phome->info && fi->syn[HX_SYN_ARGUMENTS].storage == HX_ST_CTX) {
        phome->info->names[fi->syn[HX_SYN_ARGUMENTS].index] = HX_ATOM(fs->rt, arguments);
    }
    /* lexical body bindings start uninitialised */
    if (bs && !split) hx_init_lexicals_uninit(fs, bs);
    /* parameters */
    if (simple) {
        for (uint32_t i = 0; ps && i < ps->count; i++) {
            hx_binding *b = &ps->bind[i];
            if (b->storage != HX_ST_CTX) continue;
            /* the last parameter with this name supplies the value */
            uint32_t src = UINT32_MAX;
            for (uint32_t j = 0; j < npos; j++)
                if (fn->u.func.params.items[j]->u.ident.name == b->name) src = j;
            if (src == UINT32_MAX) continue;
            hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)src);
            hx_emit_op(fs, HX_OPC_store_ctx);
            hx_emit_u16(fs, 0);
            hx_emit_u16(fs, (uint16_t)b->index);
        }
    } else {
        hx_ast_list *params = &fn->u.func.params;
        for (uint32_t i = 0; ps && i < ps->count; i++)
            if (ps->bind[i].storage == HX_ST_REG) {
                hx_emit_op(fs, HX_OPC_push_uninit);
                hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)ps->bind[i].index);
            }
        fs->in_params = fn->kind != HX_AST_ARROW;
        for (uint32_t i = 0; i < params->len; i++) {
            hx_ast_node *p = params->items[i];
            hx_set_pos(fs, p);
            if (p->kind == HX_AST_REST) {
                fs->flags |= HX_FD_HAS_REST;
                hx_emit_op_u16(fs, HX_OPC_rest, (uint16_t)i);
                hx_compile_bind_pattern(fs, p->u.unary_stmt.argument, true);
            } else {
                hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)i);
                hx_compile_bind_pattern(fs, p, true);
            }
        }
        fs->in_params = false;
    }
    if (split) {
        /* the body's environment (ES2025 10.2.11 step 28) */
        if (bs->has_ctx) push_body_ctx(fs, bs);
        fs->scope = bs;
        hx_init_lexicals_uninit(fs, bs);
    }
    /* vars with a parameter's name start with its value (non-simple lists) */
    if (bs && !simple && ps) {
        for (uint32_t i = 0; i < bs->count; i++) {
            hx_binding *b = &bs->bind[i];
            if (b->decl_kind != HX_DECL_VAR) continue;
            hx_binding *p = find_b(ps, b->name);
            if (!p) continue;
            hx_ref pr = {p, 0, p->name, false};
            if (p->storage == HX_ST_CTX) {
                uint32_t d = 0;
                for (hx_cscope *c = fs->scope; c && c != p->home; c = c->parent)
                    if (c->has_ctx) d++;
                pr.depth = d;
            }
            hx_emit_load(fs, &pr, fn);
            hx_ref vr = {b, 0, b->name, false};
            if (b->storage == HX_ST_CTX) {
                uint32_t d = 0;
                for (hx_cscope *c = fs->scope; c && c != b->home; c = c->parent)
                    if (c->has_ctx) d++;
                vr.depth = d;
            }
            hx_emit_store(fs, &vr, true, fn);
            hx_emit_op(fs, HX_OPC_drop);
        }
    }
    fs->scope = home;
    hx_hoist_functions(fs, fn->u.func.body_scope);
    if (fs->flags & HX_FD_GENERATOR) hx_emit_op(fs, HX_OPC_initial_yield);
    /* --- body --- */
    if (ff & HX_FN_EXPR_BODY) {
        hx_compile_expr(fs, fn->u.func.body.items[0]);
        hx_emit_op(fs, HX_OPC_return);
    } else {
        hx_compile_stmts(fs, &fn->u.func.body);
        if (fs->flags & HX_FD_DERIVED) {
            hx_emit_op(fs, HX_OPC_push_undefined);
            hx_emit_return(fs, NULL);
        } else
            hx_emit_op(fs, HX_OPC_return_undef);
    }
    hx_funcdef *d = hx_fstate_finish(fs);
    if (!d) return NULL;
    d->param_count = (uint16_t)npos;
    d->length = (uint16_t)fn->u.func.length;
    d->src_start = fn->u.func.src_start;
    d->src_end = fn->u.func.src_end;
    if (fn->u.func.name) {
        hx_value nm = hx_string_from_utf8(fs->rt, fn->u.func.name->utf8, fn->u.func.name->len);
        if (!hx_is_exception(nm)) d->name = nm;
    }
    return d;
}

uint32_t hx_compile_function(hx_fstate *parent, hx_ast_node *fn) {
    hx_fstate fs;
    hx_fstate_init(&fs, parent, parent->realm, fn);
    fs.eval_scope = HX_UNDEFINED;
    hx_funcdef *d = compile_function_body(&fs, fn);
    hx_fstate_free(&fs);
    if (!d) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    return hx_add_const(parent, HX_PTR_VALUE(HX_TAG_CELL, d));
}

void hx_emit_closure(hx_fstate *fs, hx_ast_node *fn, hx_value name) {
    uint32_t k = hx_compile_function(fs, fn);
    if (hx_cur_compiler->failed) return;
    if (!hx_is_undefined(name) && !fn->u.func.name) {
        hx_funcdef *d = hx_get_ptr(fs->consts[k]);
        d->name = name;
    }
    hx_set_pos(fs, fn);
    hx_emit_op_const(fs, HX_OPC_closure, k);
}

/* ---- generators ------------------------------------------------------------ */

void hx_compile_yield(hx_fstate *fs, hx_ast_node *n) {
    if (n->u.yield.delegate) {
        /* ES2025 15.5.5 yield*: a loop around ystar_step (see interp.c) */
        hx_compile_expr(fs, n->u.yield.argument);
        hx_set_pos(fs, n);
        hx_emit_op(fs, HX_OPC_get_iterator);
        hx_emit_op(fs, HX_OPC_push_undefined);
        hx_emit_op_u8(fs, HX_OPC_push_i8, 0);
        int base = fs->depth; /* it nx dn recv kind */
        uint32_t top = fs->len;
        uint32_t exit_at = hx_emit_jump(fs, HX_OPC_ystar_step);
        uint32_t to_ret = hx_emit_jump(fs, HX_OPC_jmp_true);
        hx_emit_op(fs, HX_OPC_yield_raw);
        hx_emit_jump_to(fs, HX_OPC_jmp, top);
        hx_patch_here(fs, to_ret);
        fs->depth = base - 1; /* it nx dn value */
        hx_emit_op(fs, HX_OPC_nip);
        hx_emit_op(fs, HX_OPC_nip);
        hx_emit_op(fs, HX_OPC_nip);
        hx_emit_return(fs, n);
        hx_patch_here(fs, exit_at);
        fs->depth = base - 4; /* value */
        return;
    }
    if (n->u.yield.argument) hx_compile_expr(fs, n->u.yield.argument);
    else hx_emit_op(fs, HX_OPC_push_undefined);
    hx_set_pos(fs, n);
    hx_emit_op(fs, HX_OPC_yield);
    uint32_t ret = hx_emit_jump(fs, HX_OPC_resume_switch);
    uint32_t over = hx_emit_jump(fs, HX_OPC_jmp);
    hx_patch_here(fs, ret);
    /* a return() request: return the received value through finally blocks */
    hx_emit_return(fs, n);
    hx_adjust(fs, 1);
    hx_patch_here(fs, over);
}

/* ---- classes ------------------------------------------------------------------ */

/* A function-like scope the resolver did not make (an initialiser or static
 * block without declarations): it holds this / new.target / the function. */
static hx_cscope *synthetic_home(hx_cscope *parent, hx_ast_scope_kind kind, hx_ast_node *owner) {
    hx_cscope *home = hx_arena_calloc(hx_cur_compiler->arena, sizeof(hx_cscope));
    hx_ast_scope *hs = hx_arena_calloc(hx_cur_compiler->arena, sizeof(hx_ast_scope));
    if (!home || !hs) {
        hx_cur_compiler->failed = true;
        return NULL;
    }
    hs->kind = (uint8_t)kind;
    hs->compiler_data = home;
    hs->node = owner;
    home->ast = hs;
    home->parent = parent;
    home->is_function = true;
    home->fn_node = owner;
    return home;
}

/* Compiles the instance (or static) field initialiser of a class as a
 * method whose `this` is the object being initialised. */
static uint32_t compile_field_init(hx_fstate *parent, hx_ast_node *cls, bool is_static, uint32_t *key_slots) {
    hx_fstate fs;
    hx_fstate_init(&fs, parent, parent->realm, cls);
    hx_fninfo *fi = hx_fninfo_of(hx_cur_compiler, cls);
    hx_fninfo empty;
    memset(&empty, 0, sizeof empty);
    empty.node = cls;
    fs.info = fi ? fi : &empty;
    fs.strict = true;
    fs.flags = HX_FD_STRICT | HX_FD_METHOD | HX_FD_CLASS_FIELD_INIT;
    fs.scope = parent->scope;
    /* synthetic bindings (this for arrows inside initialisers) need a
     * context: the scope the resolver made for the initialisers */
    hx_cscope *home = fi ? fi->body : NULL;
    if (!home) {
        home = synthetic_home(parent->scope, HX_SCOPE_FUNCTION_BODY, cls);
        if (!home) return 0;
        fs.info->body = home;
    }
    home->ctx_slots = 0;
    home->has_ctx = false;
    home->info = NULL;
    hx_place_syn(&fs, fs.info, home);
    fs.scope = home;
    if (home->has_ctx) {
        hx_scopeinfo *si = hx_cscope_info(hx_cur_compiler, home);
        if (!si) {
            hx_cur_compiler->failed = true;
            return 0;
        }
        hx_emit_op_const(&fs, HX_OPC_push_ctx, hx_add_const(&fs, HX_PTR_VALUE(HX_TAG_CELL, si)));
    }
    hx_store_syn_from(&fs, fs.info, HX_SYN_THIS, HX_OPC_push_this);
    hx_store_syn_from(&fs, fs.info, HX_SYN_FUNC, HX_OPC_push_callee);
    hx_store_syn_from(&fs, fs.info, HX_SYN_NEW_TARGET, HX_OPC_push_new_target);
    hx_ast_list *body = &cls->u.klass.body;
    /* private methods and accessors first (the brand), then fields in order */
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; i < body->len; i++) {
            hx_ast_node *el = body->items[i];
            if (pass == 0 && el->kind == HX_AST_METHOD && el->u.method.is_static == is_static &&
                el->u.method.key->kind == HX_AST_PRIVATE_NAME) {
                /* this name fn -> define as private (methods non-writable); the
                 * function was made once when the class was evaluated */
                hx_emit_op(&fs, HX_OPC_push_this);
                hx_emit_private_name(&fs, el->u.method.key);
                {
                    hx_binding tmp = {0};
                    tmp.storage = HX_ST_CTX;
                    tmp.index = key_slots[i];
                    uint32_t d = 0;
                    for (hx_cscope *c = fs.scope; c && c != parent->scope; c = c->parent)
                        if (c->has_ctx) d++;
                    hx_ref r = {&tmp, d, NULL, false};
                    hx_emit_load(&fs, &r, el);
                }
                uint8_t kind = el->u.method.kind == HX_METHOD_GET ? 1 : el->u.method.kind == HX_METHOD_SET ? 2 : 0;
                hx_emit_op_u8(&fs, HX_OPC_define_method, (uint8_t)(kind | 8)); /* 8: private */
                hx_emit_op(&fs, HX_OPC_drop);
                continue;
            }
            if (pass == 1 && el->kind == HX_AST_FIELD && el->u.field.is_static == is_static) {
                hx_emit_op(&fs, HX_OPC_push_this);
                hx_value name = HX_UNDEFINED;
                hx_ast_node *key = el->u.field.key;
                bool priv = key->kind == HX_AST_PRIVATE_NAME;
                if (priv) {
                    hx_emit_private_name(&fs, key);
                    name = hx_string_from_utf8(fs.rt, key->u.ident.name->utf8, key->u.ident.name->len);
                } else if (key_slots[i] != UINT32_MAX) {
                    /* computed key, evaluated at class definition time */
                    hx_ref r = {NULL, 0, NULL, false};
                    hx_binding tmp = {0};
                    tmp.storage = HX_ST_CTX;
                    tmp.index = key_slots[i];
                    uint32_t d = 0;
                    for (hx_cscope *c = fs.scope; c && c != parent->scope; c = c->parent)
                        if (c->has_ctx) d++;
                    hx_cscope *cs = parent->scope; /* the class scope */
                    (void)cs;
                    r.b = &tmp;
                    r.depth = d;
                    hx_emit_load(&fs, &r, el);
                } else {
                    hx_value k;
                    if (key->kind == HX_AST_IDENTIFIER) k = hx_name_key(&fs, key->u.ident.name);
                    else if (key->kind == HX_AST_STRING_LIT) {
                        hx_value s = hx_string_from_utf16(fs.rt, key->u.string.chars, key->u.string.len);
                        k = hx_is_exception(s) ? HX_ATOM(fs.rt, empty) : hx_key_from_string(fs.rt, s);
                    } else {
                        hx_value s = hx_number_to_string_value(fs.rt, key->u.number.value);
                        k = hx_is_exception(s) ? HX_ATOM(fs.rt, empty) : hx_key_from_string(fs.rt, s);
                    }
                    hx_emit_op_const(&fs, HX_OPC_push_const, hx_add_const(&fs, k));
                    name = hx_key_is_index(k) ? hx_key_to_value(fs.rt, k) : k;
                    if (hx_is_symbol(name)) name = HX_UNDEFINED;
                }
                if (el->u.field.value) {
                    if (key_slots[i] != UINT32_MAX && hx_is_anonymous_fn(el->u.field.value)) {
                        hx_compile_expr_named(&fs, el->u.field.value, HX_ATOM(fs.rt, empty));
                        hx_emit_op_u8(&fs, HX_OPC_set_function_name, 0);
                    } else
                        hx_compile_expr_named(&fs, el->u.field.value, name);
                } else
                    hx_emit_op(&fs, HX_OPC_push_undefined);
                hx_set_pos(&fs, el);
                hx_emit_op(&fs, priv ? HX_OPC_define_private : HX_OPC_define_elem);
                hx_emit_op(&fs, HX_OPC_drop);
            }
        }
    }
    hx_emit_op(&fs, HX_OPC_return_undef);
    hx_funcdef *d = hx_fstate_finish(&fs);
    hx_fstate_free(&fs);
    if (!d) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    d->name = HX_ATOM(parent->rt, empty);
    return hx_add_const(parent, HX_PTR_VALUE(HX_TAG_CELL, d));
}

/* A static block runs as a method of the class with this = the class. */
static uint32_t compile_static_block(hx_fstate *parent, hx_ast_node *blk) {
    hx_fstate fs;
    hx_fstate_init(&fs, parent, parent->realm, blk);
    hx_fninfo *fi = hx_fninfo_of(hx_cur_compiler, blk);
    fs.info = fi;
    fs.strict = true;
    fs.flags = HX_FD_STRICT | HX_FD_METHOD;
    hx_cscope *bs = hx_cscope_of(blk->u.block.scope);
    hx_cscope *home = bs;
    if (!home) {
        home = synthetic_home(parent->scope, HX_SCOPE_STATIC_BLOCK, blk);
        if (!home) return 0;
        fi->body = home;
    }
    home->ctx_slots = 0;
    home->has_ctx = false;
    for (uint32_t i = 0; bs && i < bs->count; i++) place(&fs, &bs->bind[i], home);
    hx_place_syn(&fs, fi, home);
    if (fi->has_eval) home->has_ctx = true;
    fs.scope = home;
    if (home->has_ctx) hx_push_function_ctx(&fs, NULL, home);
    hx_store_syn_from(&fs, fi, HX_SYN_THIS, HX_OPC_push_this);
    hx_store_syn_from(&fs, fi, HX_SYN_FUNC, HX_OPC_push_callee);
    hx_store_syn_from(&fs, fi, HX_SYN_NEW_TARGET, HX_OPC_push_new_target);
    if (bs) hx_init_lexicals_uninit(&fs, bs);
    hx_hoist_functions(&fs, blk->u.block.scope);
    hx_compile_stmts(&fs, &blk->u.block.body);
    hx_emit_op(&fs, HX_OPC_return_undef);
    hx_funcdef *d = hx_fstate_finish(&fs);
    hx_fstate_free(&fs);
    if (!d) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    return hx_add_const(parent, HX_PTR_VALUE(HX_TAG_CELL, d));
}

/* The implicit constructor (ES2025 15.7.14 step 14). */
static uint32_t default_constructor(hx_fstate *parent, hx_ast_node *cls, bool derived) {
    hx_fstate fs;
    hx_fstate_init(&fs, parent, parent->realm, cls);
    hx_fninfo empty;
    memset(&empty, 0, sizeof empty);
    empty.node = cls;
    fs.info = &empty;
    fs.strict = true;
    fs.flags = HX_FD_STRICT | HX_FD_CLASS_CONSTRUCTOR | HX_FD_CONSTRUCTOR | HX_FD_METHOD | (derived ? HX_FD_DERIVED : 0);
    hx_set_pos(&fs, cls);
    if (derived) {
        hx_emit_op(&fs, HX_OPC_super_call_forward);
        hx_emit_op(&fs, HX_OPC_return);
    } else
        hx_emit_op(&fs, HX_OPC_return_undef);
    hx_funcdef *d = hx_fstate_finish(&fs);
    hx_fstate_free(&fs);
    if (!d) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    d->src_start = cls->u.klass.src_start;
    d->src_end = cls->u.klass.src_end;
    return hx_add_const(parent, HX_PTR_VALUE(HX_TAG_CELL, d));
}

void hx_compile_class(hx_fstate *fs, hx_ast_node *cls, hx_value name) {
    hx_ast_scope *scope = cls->u.klass.scope;
    hx_cscope *cs = hx_cscope_of(scope);
    bool saved_strict = fs->strict;
    fs->strict = true;
    hx_set_pos(fs, cls);
    /* class scope: the inner name binding, then private names and computed
     * field keys in extra context slots */
    if (!cs) {
        hx_compile_error(fs, cls, "class without scope");
        return;
    }
    cs->ctx_slots = 0;
    for (uint32_t i = 0; i < cs->count; i++) {
        hx_binding *b = &cs->bind[i];
        b->fn = fs;
        b->storage = HX_ST_CTX;
        b->home = cs;
        b->index = cs->ctx_slots++;
    }
    /* private name i lives in slot count + i */
    cs->ctx_slots = cs->count + cls->u.klass.private_count;
    hx_ast_list *body = &cls->u.klass.body;
    uint32_t *key_slots = body->len ? hx_arena_alloc(hx_cur_compiler->arena, body->len * sizeof(uint32_t)) : NULL;
    for (uint32_t i = 0; i < body->len; i++) {
        key_slots[i] = UINT32_MAX;
        hx_ast_node *el = body->items[i];
        if (el->kind == HX_AST_FIELD && el->u.field.computed) key_slots[i] = cs->ctx_slots++;
        /* private methods and accessors: one function object per class evaluation */
        if (el->kind == HX_AST_METHOD && el->u.method.key->kind == HX_AST_PRIVATE_NAME) key_slots[i] = cs->ctx_slots++;
    }
    cs->has_ctx = true;
    hx_scopeinfo *si = hx_cscope_info(hx_cur_compiler, cs);
    if (!si) {
        hx_cur_compiler->failed = true;
        return;
    }
    for (uint32_t i = 0; i < cs->count; i++) {
        si->names[i] = hx_name_value(fs, cs->bind[i].name);
        si->kinds[i] = HX_SLOT_UNINIT | HX_SLOT_CONST | HX_SLOT_LEXICAL;
    }
    for (uint32_t i = 0; i < cls->u.klass.private_count; i++)
        si->names[cs->count + i] = hx_name_value(fs, cls->u.klass.privates[i].name);
    hx_emit_op_const(fs, HX_OPC_push_ctx, hx_add_const(fs, HX_PTR_VALUE(HX_TAG_CELL, si)));
    hx_cscope *outer = fs->scope;
    fs->scope = cs;
    for (uint32_t i = 0; i < cls->u.klass.private_count; i++) {
        hx_value nm = hx_string_from_utf8(fs->rt, cls->u.klass.privates[i].name->utf8, cls->u.klass.privates[i].name->len);
        hx_emit_op_const(fs, HX_OPC_private_symbol, hx_add_const(fs, nm));
        hx_emit_op(fs, HX_OPC_store_ctx);
        hx_emit_u16(fs, 0);
        hx_emit_u16(fs, (uint16_t)(cs->count + i));
    }
    /* heritage */
    bool derived = cls->u.klass.super_class != NULL;
    if (derived) {
        hx_compile_expr(fs, cls->u.klass.super_class);
        hx_set_pos(fs, cls);
        hx_emit_op(fs, HX_OPC_class_heritage);
    } else {
        hx_emit_op(fs, HX_OPC_push_hole);
        hx_emit_op(fs, HX_OPC_push_hole);
    }
    /* constructor */
    uint32_t ck;
    if (cls->u.klass.constructor) ck = hx_compile_function(fs, cls->u.klass.constructor->u.method.value);
    else ck = default_constructor(fs, cls, derived);
    if (hx_cur_compiler->failed) return;
    hx_funcdef *cd = hx_get_ptr(fs->consts[ck]);
    cd->src_start = cls->u.klass.src_start;
    cd->src_end = cls->u.klass.src_end;
    if (!hx_is_undefined(name)) cd->name = name;
    else if (cls->u.klass.name) {
        hx_value nm = hx_string_from_utf8(fs->rt, cls->u.klass.name->utf8, cls->u.klass.name->len);
        if (!hx_is_exception(nm)) cd->name = nm;
    } else
        cd->name = HX_ATOM(fs->rt, empty);
    hx_emit_op_const(fs, HX_OPC_closure, ck);
    hx_emit_op_u8(fs, HX_OPC_class_create, derived ? 1 : 0);
    /* stack: ctor proto */
    bool has_instance_init = false, has_static_init = false;
    for (uint32_t i = 0; i < body->len; i++) {
        hx_ast_node *el = body->items[i];
        if (el->kind == HX_AST_METHOD) {
            if (el->u.method.kind == HX_METHOD_CONSTRUCTOR) continue;
            bool is_static = el->u.method.is_static;
            if (el->u.method.key->kind == HX_AST_PRIVATE_NAME) {
                if (is_static) has_static_init = true;
                else has_instance_init = true;
                /* home -> closure (named "#m" / "get #m") -> context slot */
                if (is_static) hx_emit_op_u8(fs, HX_OPC_pick, 1);
                else hx_emit_op(fs, HX_OPC_dup);
                hx_ast_node *key = el->u.method.key;
                hx_value nm = hx_string_from_utf8(fs->rt, key->u.ident.name->utf8, key->u.ident.name->len);
                if (!hx_is_exception(nm) && el->u.method.kind != HX_METHOD_METHOD) {
                    hx_value pre = hx_string_from_cstr(fs->rt, el->u.method.kind == HX_METHOD_GET ? "get " : "set ");
                    nm = hx_is_exception(pre) ? pre : hx_string_concat(fs->rt, pre, nm);
                }
                hx_emit_closure(fs, el->u.method.value, hx_is_exception(nm) ? HX_UNDEFINED : nm);
                hx_emit_op(fs, HX_OPC_set_home);
                hx_emit_op(fs, HX_OPC_nip);
                hx_emit_op(fs, HX_OPC_store_ctx);
                hx_emit_u16(fs, 0);
                hx_emit_u16(fs, (uint16_t)key_slots[i]);
                continue;
            }
            /* target key fn -> target */
            if (is_static) hx_emit_op_u8(fs, HX_OPC_pick, 1);
            else hx_emit_op(fs, HX_OPC_dup);
            hx_ast_node *key = el->u.method.key;
            if (el->u.method.computed) {
                hx_compile_expr(fs, key);
                hx_emit_op(fs, HX_OPC_to_property_key);
            } else {
                hx_value k;
                if (key->kind == HX_AST_IDENTIFIER) k = hx_name_key(fs, key->u.ident.name);
                else if (key->kind == HX_AST_STRING_LIT) {
                    hx_value s = hx_string_from_utf16(fs->rt, key->u.string.chars, key->u.string.len);
                    k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
                } else if (key->kind == HX_AST_NUMBER_LIT) {
                    hx_value s = hx_number_to_string_value(fs->rt, key->u.number.value);
                    k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
                } else {
                    hx_compile_expr(fs, key);
                    hx_emit_op(fs, HX_OPC_to_property_key);
                    k = HX_UNDEFINED;
                }
                if (!hx_is_undefined(k)) hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, k));
            }
            hx_emit_closure(fs, el->u.method.value, HX_UNDEFINED);
            uint8_t kind = el->u.method.kind == HX_METHOD_GET ? 1 : el->u.method.kind == HX_METHOD_SET ? 2 : 0;
            hx_emit_op_u8(fs, HX_OPC_define_method, kind);
            hx_emit_op(fs, HX_OPC_drop);
        } else if (el->kind == HX_AST_FIELD) {
            if (el->u.field.is_static) has_static_init = true;
            else has_instance_init = true;
            if (el->u.field.computed) {
                hx_compile_expr(fs, el->u.field.key);
                hx_emit_op(fs, HX_OPC_to_property_key);
                hx_emit_op(fs, HX_OPC_store_ctx);
                hx_emit_u16(fs, 0);
                hx_emit_u16(fs, (uint16_t)key_slots[i]);
            }
        } else if (el->kind == HX_AST_STATIC_BLOCK) {
            has_static_init = true;
        }
    }
    /* the class name binding is initialised before static elements run */
    hx_emit_op_u8(fs, HX_OPC_pick, 1);
    if (cs->count) {
        hx_emit_op(fs, HX_OPC_store_ctx);
        hx_emit_u16(fs, 0);
        hx_emit_u16(fs, 0);
    } else
        hx_emit_op(fs, HX_OPC_drop);
    if (has_instance_init) {
        /* ctor proto -> ctor proto: attach the initialiser (home = proto) */
        hx_emit_op_u8(fs, HX_OPC_pick, 1);
        hx_emit_op_u8(fs, HX_OPC_pick, 1);
        uint32_t k = compile_field_init(fs, cls, false, key_slots);
        hx_emit_op_const(fs, HX_OPC_closure, k);
        hx_emit_op(fs, HX_OPC_set_home);
        hx_emit_op(fs, HX_OPC_nip);
        hx_emit_op(fs, HX_OPC_set_class_fields);
        hx_emit_op(fs, HX_OPC_drop);
    }
    hx_emit_op(fs, HX_OPC_drop); /* proto */
    if (has_static_init) {
        /* static fields and blocks, in order, each as a method call on ctor */
        bool fields_done = false;
        for (uint32_t i = 0; i < body->len; i++) {
            hx_ast_node *el = body->items[i];
            bool static_private_method = el->kind == HX_AST_METHOD && el->u.method.is_static &&
                                         el->u.method.key->kind == HX_AST_PRIVATE_NAME;
            if (el->kind == HX_AST_STATIC_BLOCK) {
                uint32_t k = compile_static_block(fs, el);
                hx_emit_op(fs, HX_OPC_dup);
                hx_emit_op_const(fs, HX_OPC_closure, k);
                hx_emit_op(fs, HX_OPC_set_home);
                hx_emit_op(fs, HX_OPC_nip);
                hx_emit_op_u8(fs, HX_OPC_pick, 1);
                hx_emit_op_u16(fs, HX_OPC_call, 0);
                hx_adjust(fs, -1);
                hx_emit_op(fs, HX_OPC_drop);
            } else if (!fields_done && ((el->kind == HX_AST_FIELD && el->u.field.is_static) || static_private_method)) {
                /* all static fields run in one initialiser; blocks interleave in order
                 * only when they come first, which the split below preserves */
                fields_done = true;
                uint32_t k = compile_field_init(fs, cls, true, key_slots);
                hx_emit_op(fs, HX_OPC_dup);
                hx_emit_op_const(fs, HX_OPC_closure, k);
                hx_emit_op(fs, HX_OPC_set_home);
                hx_emit_op(fs, HX_OPC_nip);
                hx_emit_op_u8(fs, HX_OPC_pick, 1);
                hx_emit_op_u16(fs, HX_OPC_call, 0);
                hx_adjust(fs, -1);
                hx_emit_op(fs, HX_OPC_drop);
            }
        }
    }
    hx_emit_op(fs, HX_OPC_pop_ctx);
    fs->scope = outer;
    fs->strict = saved_strict;
}
