/*
 * compile_program.c — compiling whole programs: scripts (with the global
 * declaration list checked by GlobalDeclarationInstantiation at run time),
 * eval code (ES2025 19.2.1.1 PerformEval), and dynamic functions
 * (CreateDynamicFunction); plus source records and parse-error reporting.
 */
#include <stdio.h>
#include <string.h>
#include "compile/cinternal.h"

hx_source *hx_source_new(hx_runtime *rt, const char *filename, const char *text, size_t len) {
    hx_source *s = hx_gc_alloc(rt, HX_CELL_SOURCE, sizeof(hx_source));
    if (!s) return NULL;
    size_t fl = strlen(filename);
    s->filename = hx_mem_alloc(rt, fl + 1);
    s->text = hx_mem_alloc(rt, len + 1);
    if (!s->filename || !s->text) {
        /* keep the cell consistent for the sweeper */
        if (s->filename) hx_mem_free(rt, s->filename, fl + 1);
        if (s->text) hx_mem_free(rt, s->text, len + 1);
        s->filename = hx_mem_alloc(rt, 1);
        s->text = hx_mem_alloc(rt, 1);
        if (s->filename) s->filename[0] = 0;
        if (s->text) s->text[0] = 0;
        s->len = 0;
        return NULL;
    }
    memcpy(s->filename, filename, fl + 1);
    memcpy(s->text, text, len);
    s->text[len] = 0;
    s->len = len;
    return s;
}

hx_value hx_throw_parse_error(hx_realm *realm, const char *filename, const hx_parse_error *err) {
    if (err->out_of_memory) return hx_throw_oom(realm->rt);
    hx_value e = hx_throw_syntax_error(realm, "%s", err->message);
    if (hx_is_exception(e) && realm->rt->has_exception && hx_is_object(realm->rt->exception)) {
        /* record where: "file:line:col" for people and the CLI's code frame */
        hx_object *o = hx_as_object(realm->rt->exception);
        char pos[600];
        snprintf(pos, sizeof pos, "%s:%u:%u", filename ? filename : "<input>", err->line, err->column);
        hx_value pv = hx_string_from_cstr(realm->rt, pos);
        hx_value k = hx_atom_from_cstr(realm->rt, "sourcePosition");
        if (!hx_is_exception(pv) && !hx_is_exception(k)) hx_define_value(realm, o, k, pv, HX_PROP_BUILTIN);
        /* the stack of a syntax error starts at the source position */
        hx_sb sb;
        hx_sb_init(&sb, realm->rt);
        hx_sb_add_cstr(&sb, "SyntaxError: ");
        hx_sb_add_cstr(&sb, err->message);
        hx_sb_add_cstr(&sb, "\n    at ");
        hx_sb_add_cstr(&sb, pos);
        hx_value st = hx_sb_finish(&sb);
        if (!hx_is_exception(st)) hx_define_value(realm, o, HX_ATOM(realm->rt, stack), st, HX_PROP_BUILTIN);
    }
    return HX_EXCEPTION;
}

/* The list GlobalDeclarationInstantiation checks: [name, kind, ...] with
 * kind 0 var, 1 function, 2 let, 3 const, 4 class. */
static hx_value global_decl_list(hx_fstate *fs, hx_ast_scope *s) {
    hx_value arr = hx_array_new(fs->realm, 0);
    if (hx_is_exception(arr)) return arr;
    for (uint32_t i = 0; i < s->decl_count; i++) {
        hx_ast_decl *d = &s->decls[i];
        int kind;
        switch (d->kind) {
        case HX_DECL_VAR:
        case HX_DECL_ANNEXB_VAR: kind = 0; break;
        case HX_DECL_FUNCTION: kind = 1; break;
        case HX_DECL_LET: kind = 2; break;
        case HX_DECL_CONST: kind = 3; break;
        case HX_DECL_CLASS: kind = 4; break;
        default: continue;
        }
        hx_value nm = hx_name_value(fs, d->name);
        if (hx_array_push(fs->realm, hx_as_object(arr), nm) < 0 ||
            hx_array_push(fs->realm, hx_as_object(arr), hx_int(kind)) < 0)
            return HX_EXCEPTION;
    }
    return arr;
}

static hx_funcdef *compile_script(hx_compiler *c, hx_ast_node *prog) {
    hx_fstate fs;
    hx_fstate_init(&fs, NULL, c->realm, prog);
    fs.is_program = true;
    fs.strict = prog->u.program.strict;
    fs.flags = HX_FD_IS_SCRIPT | (fs.strict ? HX_FD_STRICT : 0);
    fs.info = hx_fninfo_of(c, prog);
    hx_cscope *cs = hx_cscope_of(prog->u.program.scope);
    bool is_eval = prog->u.program.source_type == HX_SOURCE_EVAL;
    fs.is_eval = is_eval;
    fs.eval_scope = c->eval_scope;
    if (is_eval) fs.flags |= HX_FD_IS_EVAL;
    fs.return_label_reg = (int)hx_alloc_reg(&fs); /* completion value */
    if (cs) {
        cs->ctx_slots = 0;
        for (uint32_t i = 0; i < cs->count; i++) {
            hx_binding *b = &cs->bind[i];
            b->fn = &fs;
            bool lexical = b->decl_kind == HX_DECL_LET || b->decl_kind == HX_DECL_CONST || b->decl_kind == HX_DECL_CLASS;
            if (!is_eval) b->storage = lexical ? HX_ST_GLOBAL_LEX : HX_ST_GLOBAL;
            else if (!fs.strict && !lexical) b->storage = HX_ST_DYNAMIC;
            else if (b->captured) {
                b->storage = HX_ST_CTX;
                b->home = cs;
                b->index = cs->ctx_slots++;
                cs->has_ctx = true;
            } else {
                b->storage = HX_ST_REG;
                b->index = hx_alloc_reg(&fs);
            }
        }
    }
    fs.sloppy_eval_program = is_eval && !fs.strict;
    /* this / new.target captured by arrows at the top level live in the
     * program's context */
    if (cs && fs.info) hx_place_syn(&fs, fs.info, cs);
    fs.scope = cs;
    hx_set_pos(&fs, prog);
    hx_emit_op(&fs, HX_OPC_push_undefined);
    hx_emit_op_u16(&fs, HX_OPC_store_reg, (uint16_t)fs.return_label_reg);
    if (!is_eval && cs) {
        hx_value list = global_decl_list(&fs, prog->u.program.scope);
        if (hx_is_exception(list)) {
            c->failed = true;
            return NULL;
        }
        hx_emit_op_const(&fs, HX_OPC_global_decls, hx_add_const(&fs, list));
    }
    if (cs && cs->has_ctx) {
        hx_scopeinfo *si = hx_cscope_info(c, cs);
        if (!si) {
            c->failed = true;
            return NULL;
        }
        for (uint32_t i = 0; i < cs->count; i++) {
            hx_binding *b = &cs->bind[i];
            if (b->storage != HX_ST_CTX) continue;
            si->names[b->index] = hx_name_value(&fs, b->name);
            si->kinds[b->index] = hx_slot_kind(b);
        }
        hx_emit_op_const(&fs, HX_OPC_push_ctx, hx_add_const(&fs, HX_PTR_VALUE(HX_TAG_CELL, si)));
        hx_store_syn_from(&fs, fs.info, HX_SYN_THIS, HX_OPC_push_this);
        hx_store_syn_from(&fs, fs.info, HX_SYN_NEW_TARGET, HX_OPC_push_new_target);
        hx_store_syn_from(&fs, fs.info, HX_SYN_FUNC, HX_OPC_push_callee);
    }
    if (is_eval && cs) {
        if (!fs.strict) {
            /* EvalDeclarationInstantiation: vars in the caller's var scope */
            for (uint32_t i = 0; i < cs->count; i++) {
                hx_binding *b = &cs->bind[i];
                if (b->storage == HX_ST_DYNAMIC && b->decl_kind != HX_DECL_FUNCTION)
                    hx_emit_op_const(&fs, HX_OPC_declare_var, hx_const_name(&fs, b->name));
            }
        }
        hx_init_lexicals_uninit(&fs, cs);
    }
    hx_hoist_functions(&fs, prog->u.program.scope);
    if (prog->u.program.source_type == HX_SOURCE_FUNCTION && prog->u.program.body.len == 1) {
        /* CreateDynamicFunction: the program is the one function expression */
        hx_ast_node *f = prog->u.program.body.items[0];
        if (f->kind == HX_AST_EXPR_STMT) f = f->u.expr_stmt.expression;
        hx_compile_expr(&fs, f);
        hx_emit_op(&fs, HX_OPC_return);
    } else
        hx_compile_stmts(&fs, &prog->u.program.body);
    hx_emit_op_u16(&fs, HX_OPC_load_reg, (uint16_t)fs.return_label_reg);
    hx_emit_op(&fs, HX_OPC_return);
    hx_funcdef *d = hx_fstate_finish(&fs);
    hx_fstate_free(&fs);
    if (d) d->src_end = (uint32_t)c->source->len;
    return d;
}

hx_funcdef *hx_compile_program(hx_realm *realm, hx_ast_node *program, hx_source *source, hx_value eval_scope) {
    hx_compiler c;
    memset(&c, 0, sizeof c);
    c.realm = realm;
    c.rt = realm->rt;
    c.source = source;
    c.eval_scope = eval_scope;
    hx_compiler *saved = hx_cur_compiler;
    hx_arena arena;
    hx_arena_init(&arena);
    c.arena = &arena;
    hx_cur_compiler = &c;
    hx_funcdef *d = NULL;
    if (hx_resolve_program(&c, program) == 0) d = compile_script(&c, program);
    else if (c.too_deep && !realm->rt->has_exception) {
        hx_parse_error e;
        memset(&e, 0, sizeof e);
        snprintf(e.message, sizeof e.message, "expression too deeply nested");
        e.line = c.too_deep->line;
        e.column = c.too_deep->col;
        hx_throw_parse_error(realm, source ? source->filename : "<input>", &e);
    }
    if (!d && !realm->rt->has_exception) hx_throw_oom(realm->rt);
    hx_arena_free_all(&arena);
    hx_cur_compiler = saved;
    return d;
}

hx_funcdef *hx_compile_source(hx_realm *realm, const char *text, size_t len, const char *filename, int flags) {
    hx_runtime *rt = realm->rt;
    hx_arena arena;
    hx_arena_init(&arena);
    hx_parse_options opts;
    memset(&opts, 0, sizeof opts);
    opts.goal = (flags & HR_EVAL_MODULE) ? HX_GOAL_MODULE : HX_GOAL_SCRIPT;
    opts.filename = filename;
    if (flags & HR_EVAL_STRICT) opts.flags |= HX_PARSE_STRICT;
    if (flags & HR_EVAL_TYPESCRIPT) opts.flags |= HX_PARSE_TS;
    hx_parse_error err;
    hx_ast_node *prog = hx_parse(&arena, text, len, &opts, &err);
    if (!prog) {
        hx_throw_parse_error(realm, filename, &err);
        hx_arena_free_all(&arena);
        return NULL;
    }
    if (flags & HR_EVAL_MODULE) {
        hx_arena_free_all(&arena);
        hx_throw_syntax_error(realm, "modules are not supported yet (ES modules are a later issue): %s", filename);
        return NULL;
    }
    hx_source *src = hx_source_new(rt, filename, text, len);
    if (!src) {
        hx_arena_free_all(&arena);
        return NULL;
    }
    hx_funcdef *d = hx_compile_program(realm, prog, src, HX_UNDEFINED);
    hx_arena_free_all(&arena);
    return d;
}

/* ES2025 19.2.1.1 PerformEval.  Direct eval sees the caller's scope chain
 * (everything there was made findable by name at compile time). */
hx_value hx_perform_eval(hx_realm *realm, hx_value x, bool direct, bool strict_caller, hx_frame *caller,
                         hx_value eval_scope) {
    if (!hx_is_string(x)) return x;
    hx_runtime *rt = realm->rt;
    size_t len;
    char *text = hx_string_to_wtf8(rt, hx_as_string(x), &len);
    if (!text) return HX_EXCEPTION;
    hx_arena arena;
    hx_arena_init(&arena);
    hx_parse_options opts;
    memset(&opts, 0, sizeof opts);
    opts.goal = HX_GOAL_EVAL;
    opts.filename = "eval";
    if (direct && strict_caller) opts.flags |= HX_PARSE_STRICT;
    hx_funcdef *fdef = NULL;
    if (direct && caller && caller->def) {
        /* what the surrounding function allows (ES2025 19.2.1.1 steps 6-8) */
        hx_funcdef *cd = caller->def;
        hx_object *fn = caller->callee;
        (void)fn;
        if (!(cd->flags & (HX_FD_IS_SCRIPT | HX_FD_IS_EVAL)) || (cd->flags & HX_FD_IS_EVAL)) {
            if (!(cd->flags & HX_FD_IS_SCRIPT)) {
                opts.flags |= HX_PARSE_IN_FUNCTION;
                if (!(cd->flags & HX_FD_ARROW)) opts.flags |= HX_PARSE_NEW_TARGET;
                if (cd->flags & HX_FD_METHOD) opts.flags |= HX_PARSE_SUPER_PROPERTY;
                if (cd->flags & HX_FD_DERIVED) opts.flags |= HX_PARSE_SUPER_CALL;
                if (cd->flags & HX_FD_CLASS_FIELD_INIT) opts.flags |= HX_PARSE_CLASS_FIELD | HX_PARSE_SUPER_PROPERTY;
            }
        }
        if (cd->flags & HX_FD_ARROW) {
            /* arrows take these from their enclosing function: allow them and
             * let the run time find the bindings */
            opts.flags |= HX_PARSE_IN_FUNCTION | HX_PARSE_NEW_TARGET;
        }
        if (cd->flags & HX_FD_IS_EVAL) opts.flags |= caller->flags & 0; /* nested eval: as permissive as its parent */
    }
    /* private names of enclosing classes are visible to direct eval code */
    const char *privs[64];
    uint32_t npriv = 0;
    if (direct && caller) {
        for (hx_context *c = caller->ctx; c && npriv < 64; c = c->parent) {
            if (!c->info) continue;
            for (uint32_t i = 0; i < c->info->count && npriv < 64; i++) {
                hx_value nm = c->info->names[i];
                if (!hx_is_string(nm)) continue;
                hx_string *ns = hx_string_flat(rt, hx_as_string(nm));
                if (!ns || !ns->len || hx_string_char_at(ns, 0) != '#') continue;
                char *u = hx_string_to_utf8(rt, ns, NULL);
                if (u) privs[npriv++] = hx_arena_dup(&arena, u, strlen(u) + 1);
                if (u) hx_mem_free(rt, u, strlen(u) + 1);
            }
        }
        opts.private_names = privs;
        opts.private_name_count = npriv;
    }
    hx_parse_error err;
    hx_ast_node *prog = hx_parse(&arena, text, len, &opts, &err);
    if (!prog) {
        hx_throw_parse_error(realm, "eval", &err);
        hx_arena_free_all(&arena);
        hx_mem_free(rt, text, len + 1);
        return HX_EXCEPTION;
    }
    /* ES2025 19.2.1.3 step 5.d: in a function's parameter initialisers the
     * implicit arguments binding exists, so eval code may not declare it */
    if (eval_scope == HX_TRUE && !prog->u.program.strict) {
        hx_ast_scope *ps = prog->u.program.scope;
        for (uint32_t i = 0; ps && i < ps->decl_count; i++) {
            hx_ast_decl *d = &ps->decls[i];
            if ((d->kind == HX_DECL_VAR || d->kind == HX_DECL_FUNCTION || d->kind == HX_DECL_ANNEXB_VAR) &&
                d->name->len == 9 && !memcmp(d->name->utf8, "arguments", 9)) {
                hx_arena_free_all(&arena);
                hx_mem_free(rt, text, len + 1);
                return hx_throw_syntax_error(realm, "Identifier 'arguments' has already been declared");
            }
        }
    }
    hx_source *src = hx_source_new(rt, "eval", text, len);
    hx_mem_free(rt, text, len + 1);
    if (!src) {
        hx_arena_free_all(&arena);
        return HX_EXCEPTION;
    }
    fdef = hx_compile_program(realm, prog, src, direct ? HX_TRUE : HX_UNDEFINED);
    hx_arena_free_all(&arena);
    if (!fdef) return HX_EXCEPTION;
    /* eval re-enters the interpreter from C: count it like a native call */
    if (rt->native_depth >= HX_MAX_NATIVE_DEPTH) return hx_throw_range_error(realm, "Maximum call stack size exceeded");
    rt->native_depth++;
    hx_value r = hx_run_eval(realm, fdef, direct ? caller : NULL);
    rt->native_depth--;
    return r;
}

hx_value hx_compile_dynamic_function(hx_realm *realm, const char *params, size_t params_len, const char *body,
                                     size_t body_len, int kind, hx_value new_target) {
    hx_runtime *rt = realm->rt;
    hx_arena arena;
    hx_arena_init(&arena);
    hx_parse_error err;
    hx_ast_node *prog = hx_parse_function(&arena, params, params_len, body, body_len, (hx_dynfn_kind)kind, &err);
    if (!prog) {
        hx_throw_parse_error(realm, "anonymous", &err);
        hx_arena_free_all(&arena);
        return HX_EXCEPTION;
    }
    hx_source *src = hx_source_new(rt, "anonymous", prog->u.program.source_text, prog->u.program.source_text_len);
    if (!src) {
        hx_arena_free_all(&arena);
        return HX_EXCEPTION;
    }
    hx_funcdef *d = hx_compile_program(realm, prog, src, HX_UNDEFINED);
    hx_arena_free_all(&arena);
    if (!d) return HX_EXCEPTION;
    /* the program's single statement creates the function: run it in the
     * global scope (dynamic functions close over the global environment) */
    hx_value fn = hx_run_script(realm, d);
    if (hx_is_exception(fn) || !hx_is_object(fn)) return fn;
    /* OrdinaryCreateFromConstructor's prototype from new_target */
    if (hx_is_object(new_target)) {
        static const hx_intrinsic protos[] = {HX_INTR_FunctionPrototype, HX_INTR_GeneratorFunctionPrototype,
                                              HX_INTR_AsyncFunctionPrototype, HX_INTR_AsyncGeneratorFunctionPrototype};
        hx_value proto = hx_get_prototype_from_constructor(realm, new_target, protos[kind]);
        if (hx_is_exception(proto)) return proto;
        if (hx_set_prototype_of(realm, hx_as_object(fn), proto) < 0) return HX_EXCEPTION;
    }
    return fn;
}
