/*
 * parse_func.c — functions, arrow functions, methods and classes (ES2025
 * 15.1-15.8): formal parameters, bodies with directive prologues, the
 * retroactive checks a "use strict" body imposes on its name and
 * parameters, class elements and private names (15.7.1 early errors).
 * Invariant: every function gets its own pfunc and two scopes (parameters,
 * body); the previous grammar context is restored when it ends.
 */
#include "parse/parser_int.h"

#include <stdlib.h>
#include <string.h>

#define ERR_NODE(n, ...) hx_p_error_at(p, (n)->start, (n)->line, (n)->col, __VA_ARGS__)

pfunc *hx_p_fn_push(hx_parser *p, hx_ast_node *node)
{
    if (p->failed)
        return NULL;
    pfunc *f = hx_arena_calloc(p->arena, sizeof(pfunc));
    if (!f)
        return hx_p_oom(p);
    f->parent = p->fn;
    f->node = node;
    f->label_chain = -1;
    p->fn = f;
    return f;
}

void hx_p_fn_pop(hx_parser *p, pfunc *f)
{
    p->fn = f->parent;
}

void hx_p_fn_use(hx_parser *p, int what)
{
    static const uint32_t flag[] = {HX_FN_USES_THIS, HX_FN_USES_ARGUMENTS, HX_FN_USES_SUPER_PROP,
                                    HX_FN_USES_SUPER_CALL, HX_FN_USES_NEW_TARGET,
                                    HX_FN_DIRECT_EVAL};
    for (pfunc *f = p->fn; f; f = f->parent) {
        switch (what) {
        case USE_THIS: f->n_this++; break;
        case USE_ARGS: f->n_args++; break;
        case USE_SUPER_PROP: f->n_super_prop++; break;
        case USE_SUPER_CALL: f->n_super_call++; break;
        case USE_NEW_TARGET: f->n_new_target++; break;
        case USE_EVAL: f->n_eval++; break;
        }
        f->flags |= flag[what];
        if (!f->arrow)
            break;
    }
    if (what == USE_EVAL) {
        /* every enclosing function and scope can be reached by name */
        pfunc *f = p->fn;
        while (f && f->arrow)
            f = f->parent;
        for (f = f ? f->parent : NULL; f; f = f->parent) {
            f->flags |= HX_FN_INNER_EVAL;
            f->n_inner_eval++;
        }
        if (p->scope)
            p->scope->out->flags |= HX_SCOPE_F_DIRECT_EVAL;
        for (pscope *s = p->scope; s; s = s->parent)
            s->out->flags |= HX_SCOPE_F_INNER_EVAL;
    }
}

void hx_p_private_ref(hx_parser *p, const hx_ast_name *name, ppos at)
{
    if (p->nprivrefs == p->capprivrefs) {
        uint32_t c = p->capprivrefs ? p->capprivrefs * 2 : 16;
        pprivref *n = realloc(p->privrefs, c * sizeof(*n));
        if (!n) {
            hx_p_oom(p);
            return;
        }
        p->privrefs = n;
        p->capprivrefs = c;
    }
    p->privrefs[p->nprivrefs].name = name;
    p->privrefs[p->nprivrefs].pos = at;
    p->nprivrefs++;
}

/* ---- parameters ------------------------------------------------------------ */

static void collect_names(hx_ast_node *pat, hx_ast_node **out, uint32_t *n, uint32_t cap)
{
    if (!pat)
        return;
    switch (pat->kind) {
    case HX_AST_IDENTIFIER:
        if (*n < cap)
            out[(*n)++] = pat;
        return;
    case HX_AST_ASSIGN_PATTERN: collect_names(pat->u.assign.target, out, n, cap); return;
    case HX_AST_REST: collect_names(pat->u.unary_stmt.argument, out, n, cap); return;
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < pat->u.array.items.len; i++) {
            hx_ast_node *it = pat->u.array.items.items[i];
            if (it && it->kind == HX_AST_PROPERTY)
                it = it->u.prop.value;
            collect_names(it, out, n, cap);
        }
        return;
    default: return;
    }
}

/* Checks done once the body (and so strictness) is known: ES2025 15.2.1,
 * 15.3.1, 15.5.1 ... (duplicate parameters, eval/arguments, reserved words,
 * "use strict" with a non-simple list). */
static bool check_params(hx_parser *p, hx_ast_node *fn, bool simple, bool allow_dups)
{
    hx_ast_list *ps = &fn->u.func.params;
    hx_ast_node *stackbuf[64];
    hx_ast_node **names = stackbuf;
    uint32_t cap = 64, n = 0;
    /* count first */
    for (uint32_t i = 0; i < ps->len; i++)
        collect_names(ps->items[i], names, &n, 0);
    uint32_t total = 0;
    {
        /* collect_names with cap 0 does not count; walk again with a big
         * buffer if needed */
        hx_ast_node **tmp = NULL;
        uint32_t tcap = 64;
        for (;;) {
            total = 0;
            tmp = tcap <= 64 ? stackbuf : hx_arena_alloc(p->arena, tcap * sizeof(void *));
            if (!tmp)
                return hx_p_oom(p) != NULL;
            for (uint32_t i = 0; i < ps->len; i++)
                collect_names(ps->items[i], tmp, &total, tcap);
            if (total < tcap)
                break;
            tcap *= 4;
        }
        names = tmp;
        cap = tcap;
    }
    (void)cap;
    for (uint32_t i = 0; i < total; i++) {
        hx_ast_node *id = names[i];
        if (p->strict) {
            int kw = id->u.ident.name->keyword;
            if (kw == HX_KW_EVAL || kw == HX_KW_ARGUMENTS)
                return ERR_NODE(id, "Unexpected eval or arguments in strict mode") != NULL;
            if (kw > HX_KW_LAST_RESERVED && kw <= HX_KW_LAST_STRICT_RESERVED)
                return ERR_NODE(id, "Unexpected strict mode reserved word '%s'",
                                id->u.ident.name->utf8) != NULL;
            if (kw == HX_KW_YIELD)
                return ERR_NODE(id, "Unexpected strict mode reserved word 'yield'") != NULL;
        }
        if (!(allow_dups && simple && !p->strict)) {
            for (uint32_t k = 0; k < i; k++)
                if (names[k]->u.ident.name == id->u.ident.name)
                    return ERR_NODE(id, "Duplicate parameter name not allowed in this context") !=
                           NULL;
        }
    }
    return true;
}

/* FormalParameters between ( and ), declaring PARAM bindings. */
static bool parse_params(hx_parser *p, hx_ast_node *fn, pfunc *f, hx_ast_list *ctor_props)
{
    if (!hx_p_expect(p, HX_T_LPAREN))
        return false;
    uint32_t base = p->nstk;
    uint32_t length = 0;
    bool counting = true, simple = true;
    uint32_t pbase_props = 0;
    (void)pbase_props;
    f->in_params = true;
    hx_ast_node *props[64];
    uint32_t nprops = 0;
    while (!p->failed && TOK.type != HX_T_RPAREN) {
        if (p->ts && hx_p_is_kw(p, HX_KW_THIS) && p->nstk == base) {
            /* `this: T` parameter (dropped) */
            hx_token nt;
            int t = hx_p_peek(p, &nt);
            if (t == HX_T_COLON) {
                hx_p_next(p);
                if (!hx_ts_type_annotation(p))
                    break;
                if (TOK.type != HX_T_RPAREN && !hx_p_expect(p, HX_T_COMMA))
                    break;
                continue;
            }
        }
        uint32_t mods = 0;
        ppos mat = hx_p_here(p);
        if (p->ts && !hx_ts_skip_modifiers(p, &mods))
            break;
        if (mods && !ctor_props) {
            hx_p_error_at(p, mat.start, mat.line, mat.col,
                          "A parameter property is only allowed in a constructor "
                          "implementation");
            break;
        }
        if (TOK.type == HX_T_ELLIPSIS) {
            ppos at = hx_p_here(p);
            hx_p_next(p);
            hx_ast_node *r = hx_p_node(p, HX_AST_REST, at);
            hx_ast_node *t = hx_p_binding_target(p, HX_DECL_PARAM, fn);
            if (!r || !t)
                break;
            if (p->ts && TOK.type == HX_T_QUESTION)
                hx_p_next(p);
            if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
                break;
            if (TOK.type == HX_T_ASSIGN) {
                hx_p_error_tok(p, "Rest parameter may not have a default initializer");
                break;
            }
            r->u.unary_stmt.argument = t;
            hx_p_push(p, hx_p_finish(p, r));
            simple = false;
            counting = false;
            if (TOK.type != HX_T_RPAREN) {
                hx_p_error_tok(p, "Rest parameter must be last formal parameter");
                break;
            }
            break;
        }
        hx_ast_node *e = hx_p_binding_element(p, HX_DECL_PARAM, fn);
        if (!e)
            break;
        if (mods) {
            hx_ast_node *id = e->kind == HX_AST_ASSIGN_PATTERN ? e->u.assign.target : e;
            if (id->kind != HX_AST_IDENTIFIER) {
                ERR_NODE(id, "A parameter property may not be declared using a binding pattern");
                break;
            }
            if (nprops < 64)
                props[nprops++] = id;
        }
        if (e->kind != HX_AST_IDENTIFIER) {
            simple = false;
            counting = counting && e->kind != HX_AST_ASSIGN_PATTERN;
        }
        if (counting)
            length++;
        hx_p_push(p, e);
        if (TOK.type != HX_T_RPAREN && !hx_p_expect(p, HX_T_COMMA))
            break;
    }
    f->in_params = false;
    if (p->failed || !hx_p_expect(p, HX_T_RPAREN)) {
        p->nstk = base;
        return false;
    }
    fn->u.func.params = hx_p_list(p, base);
    fn->u.func.length = length;
    if (simple)
        fn->u.func.flags |= HX_FN_SIMPLE_PARAMS;
    for (uint32_t i = 0; i < fn->u.func.params.len; i++)
        if (fn->u.func.params.items[i]->kind != HX_AST_IDENTIFIER) {
            /* defaults or patterns (computed keys) make parameter expressions
             * possible: hasParameterExpressions (approximation: any non-simple
             * element; only defaults/computed keys really evaluate code) */
            fn->u.func.flags |= HX_FN_PARAM_EXPRESSIONS;
        }
    if (ctor_props && nprops) {
        hx_ast_node **items = hx_arena_alloc(p->arena, nprops * sizeof(void *));
        if (!items)
            return hx_p_oom(p) != NULL;
        memcpy(items, props, nprops * sizeof(void *));
        ctor_props->items = items;
        ctor_props->len = nprops;
    }
    return !p->failed;
}

/* Parameters (already parsed or converted), body, and the final checks. */
typedef struct fnctx {
    bool yield_expr, await_expr, await_reserved, in_ok, strict;
    pscope *scope;
} fnctx;

static void ctx_save(hx_parser *p, fnctx *c)
{
    c->yield_expr = p->yield_expr;
    c->await_expr = p->await_expr;
    c->await_reserved = p->await_reserved;
    c->in_ok = p->in_ok;
    c->strict = p->strict;
    c->scope = p->scope;
}

static void ctx_restore(hx_parser *p, fnctx *c)
{
    p->yield_expr = c->yield_expr;
    p->await_expr = c->await_expr;
    p->await_reserved = c->await_reserved;
    p->in_ok = c->in_ok;
    hx_p_set_strict(p, c->strict);
    p->scope = c->scope;
}

/* `{ FunctionBody }`; sets HX_FN_USE_STRICT / strictness. */
static bool parse_body(hx_parser *p, hx_ast_node *fn, pfunc *f)
{
    if (!hx_p_expect(p, HX_T_LBRACE))
        return false;
    pscope *bs = hx_p_scope_push(p, HX_SCOPE_FUNCTION_BODY, fn);
    if (!bs)
        return false;
    bs->var_scope = true;
    bs->fn_body = true;
    f->body_scope = bs;
    uint32_t base = p->nstk;
    uint32_t fl = 0;
    bool was_strict = p->strict;
    if (!hx_p_body_items(p, HX_T_RBRACE, true, &fl))
        return false;
    if (fl & HX_FN_USE_STRICT) {
        fn->u.func.flags |= HX_FN_USE_STRICT;
        if (!(fn->u.func.flags & HX_FN_SIMPLE_PARAMS))
            return hx_p_error_at(p, fn->start, fn->line, fn->col,
                                 "Illegal 'use strict' directive in function with non-simple "
                                 "parameter list") != NULL;
    }
    (void)was_strict;
    fn->u.func.body = hx_p_list(p, base);
    if (!hx_p_expect(p, HX_T_RBRACE))
        return false;
    return true;
}

static bool finish_function(hx_parser *p, hx_ast_node *fn, pfunc *f, bool allow_dups)
{
    if (p->strict)
        fn->u.func.flags |= HX_FN_STRICT;
    if (!check_params(p, fn, (fn->u.func.flags & HX_FN_SIMPLE_PARAMS) != 0, allow_dups))
        return false;
    if (f->body_scope && !p->strict && !hx_p_annexb_resolve(p, f, f->body_scope))
        return false;
    fn->u.func.flags |= f->flags;
    if (f->param_scope) {
        hx_ast_decl *d;
        const hx_ast_name *args = hx_p_intern(p, "arguments");
        if (!args)
            return false;
        if (hx_p_scope_lookup_decl(f->param_scope, args, &d) ||
            (f->body_scope && hx_p_scope_lookup_decl(f->body_scope, args, &d) &&
             d->kind != HX_DECL_VAR && d->kind != HX_DECL_ANNEXB_VAR))
            fn->u.func.flags |= HX_FN_HAS_ARGUMENTS_BINDING;
    }
    if (f->body_scope && !hx_p_scope_pop(p, f->body_scope))
        return false;
    if (f->param_scope && !hx_p_scope_pop(p, f->param_scope))
        return false;
    fn->u.func.param_scope = f->param_scope ? f->param_scope->out : NULL;
    fn->u.func.body_scope = f->body_scope ? f->body_scope->out : NULL;
    fn->u.func.src_end = p->prev_end;
    return true;
}

/* FunctionDeclaration / FunctionExpression / generator / async variants.
 * The current token is `function` (any `async` already consumed). */
hx_ast_node *hx_p_function(hx_parser *p, ppos at, int kind, bool is_async, bool is_decl,
                           bool default_export)
{
    if (!hx_p_enter(p))
        return NULL;
    hx_p_next(p);
    bool gen = false;
    if (TOK.type == HX_T_STAR) {
        gen = true;
        hx_p_next(p);
    }
    hx_ast_node *fn = hx_p_node(p, kind, at);
    if (!fn)
        return NULL;
    fn->u.func.src_start = at.start;
    if (is_async)
        fn->u.func.flags |= HX_FN_ASYNC;
    if (gen)
        fn->u.func.flags |= HX_FN_GENERATOR;
    hx_ast_node *id = NULL;
    fnctx c;
    ctx_save(p, &c);
    if (TOK.type == HX_T_NAME && !(p->ts && TOK.type == HX_T_LT)) {
        ppos iat = hx_p_here(p);
        /* A declaration's name is bound in the enclosing context; an
         * expression's name in the function's own (ES2025 15.2.1, 15.5.1). */
        if (!is_decl) {
            p->yield_expr = gen;
            p->await_expr = is_async;
            p->await_reserved = is_async || p->module;
        }
        const hx_ast_name *nm = TOK.name;
        bool esc = TOK.escaped;
        if (!hx_p_check_binding_name(p, nm, esc, iat))
            return NULL;
        id = hx_p_node(p, HX_AST_IDENTIFIER, iat);
        if (!id)
            return NULL;
        id->u.ident.name = nm;
        id->u.ident.escaped = esc;
        hx_p_next(p);
        hx_p_finish(p, id);
        ctx_restore(p, &c);
        fn->u.func.id = id;
        fn->u.func.name = nm;
        if (!is_decl)
            fn->u.func.flags |= HX_FN_NAMED_EXPR;
    } else if (is_decl && !default_export) {
        return hx_p_unexpected(p);
    }
    /* In TypeScript a declaration may turn out to be an overload signature
     * (no body), which binds nothing: its name is declared once the body is
     * seen. */
    const hx_ast_name *decl_name = NULL;
    int decl_kind = 0;
    uint8_t decl_flags = 0;
    if (is_decl) {
        decl_name = id ? id->u.ident.name : hx_p_intern(p, "*default*");
        if (!decl_name)
            return NULL;
        pscope *s = p->scope;
        decl_kind = s->var_scope ? HX_DECL_FUNCTION : HX_DECL_BLOCK_FUNCTION;
        decl_flags = (is_async || gen) ? HX_DECL_F_NOT_PLAIN_FUNCTION : 0;
        if (s->module && s->var_scope && (is_async || gen))
            decl_flags = HX_DECL_F_NOT_PLAIN_FUNCTION;
        if (!p->ts && !p->ts_collect &&
            !hx_p_declare(p, decl_name, decl_kind, id, fn, decl_flags))
            return NULL;
    }
    if (p->ts && TOK.type == HX_T_LT && !hx_ts_type_params(p))
        return NULL;
    pfunc *f = hx_p_fn_push(p, fn);
    if (!f)
        return NULL;
    f->is_async = is_async;
    f->generator = gen;
    f->new_target = true;
    p->yield_expr = gen;
    p->await_expr = is_async;
    p->await_reserved = is_async || p->module;
    p->in_ok = true;
    f->param_scope = hx_p_scope_push(p, HX_SCOPE_FUNCTION_PARAMS, fn);
    if (!f->param_scope || !parse_params(p, fn, f, NULL))
        return NULL;
    if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
        return NULL;
    if (p->ts && is_decl && TOK.type != HX_T_LBRACE) {
        /* overload signature: dropped */
        if (!hx_p_semicolon(p))
            return NULL;
        ctx_restore(p, &c);
        hx_p_fn_pop(p, f);
        hx_p_leave(p);
        hx_ast_node *e = hx_p_node(p, HX_AST_EMPTY, at);
        if (e) {
            e->flags |= HX_AST_F_SYNTHETIC;
            e->end = e->start;
        }
        return e;
    }
    if (p->ts && is_decl && !p->ts_collect) {
        pscope *inner = p->scope;
        p->scope = c.scope;
        bool ok = hx_p_declare(p, decl_name, decl_kind, id, fn, decl_flags);
        p->scope = inner;
        if (!ok)
            return NULL;
    }
    if (!parse_body(p, fn, f))
        return NULL;
    if (p->strict && id) {
        int kw = id->u.ident.name->keyword;
        if (kw == HX_KW_EVAL || kw == HX_KW_ARGUMENTS)
            return ERR_NODE(id, "Unexpected eval or arguments in strict mode");
        if ((kw > HX_KW_LAST_RESERVED && kw <= HX_KW_LAST_STRICT_RESERVED) || kw == HX_KW_YIELD)
            return ERR_NODE(id, "Unexpected strict mode reserved word '%s'", id->u.ident.name->utf8);
    }
    if (!finish_function(p, fn, f, true))
        return NULL;
    ctx_restore(p, &c);
    hx_p_fn_pop(p, f);
    hx_p_leave(p);
    return hx_p_finish(p, fn);
}

/* Method / getter / setter / constructor body; the current token is `(`
 * (or `<` for TypeScript type parameters).  `class_member`: a TypeScript
 * class member may omit its body (overload signature, abstract method). */
static hx_ast_node *method_function(hx_parser *p, ppos at, uint32_t fn_flags, hx_ast_node *key,
                                    bool class_member, hx_ast_list *ctor_props)
{
    (void)key;
    if (!hx_p_enter(p))
        return NULL;
    hx_ast_node *fn = hx_p_node(p, HX_AST_FUNCTION_EXPR, at);
    if (!fn)
        return NULL;
    fn->u.func.src_start = at.start;
    fn->u.func.flags = fn_flags;
    if (p->ts && TOK.type == HX_T_LT && !hx_ts_type_params(p))
        return NULL;
    fnctx c;
    ctx_save(p, &c);
    pfunc *f = hx_p_fn_push(p, fn);
    if (!f)
        return NULL;
    f->is_async = (fn_flags & HX_FN_ASYNC) != 0;
    f->generator = (fn_flags & HX_FN_GENERATOR) != 0;
    f->method = true;
    f->new_target = true;
    f->super_call = (fn_flags & HX_FN_DERIVED) != 0;
    p->yield_expr = f->generator;
    p->await_expr = f->is_async;
    p->await_reserved = f->is_async || p->module;
    p->in_ok = true;
    f->param_scope = hx_p_scope_push(p, HX_SCOPE_FUNCTION_PARAMS, fn);
    if (!f->param_scope || !parse_params(p, fn, f, ctor_props))
        return NULL;
    hx_ast_list *ps = &fn->u.func.params;
    if ((fn_flags & HX_FN_GETTER) && ps->len != 0)
        return ERR_NODE(fn, "Getter must not have any formal parameters.");
    if ((fn_flags & HX_FN_SETTER) &&
        (ps->len != 1 || ps->items[0]->kind == HX_AST_REST))
        return ERR_NODE(fn, "Setter must have exactly one formal parameter.");
    if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
        return NULL;
    if (p->ts && class_member && TOK.type != HX_T_LBRACE) {
        if (!hx_p_semicolon(p))
            return NULL;
        ctx_restore(p, &c);
        hx_p_fn_pop(p, f);
        hx_p_leave(p);
        fn->u.func.body.len = UINT32_MAX;
        return fn;
    }
    if (!parse_body(p, fn, f))
        return NULL;
    if (!finish_function(p, fn, f, false))
        return NULL;
    ctx_restore(p, &c);
    hx_p_fn_pop(p, f);
    hx_p_leave(p);
    return hx_p_finish(p, fn);
}

hx_ast_node *hx_p_method_function(hx_parser *p, ppos at, uint32_t fn_flags, hx_ast_node *key)
{
    return method_function(p, at, fn_flags, key, false, NULL);
}

/* ArrowFunction / AsyncArrowFunction (ES2025 15.3, 15.9): params are the
 * cover expressions; scopes created since `mark` (inside default values)
 * are re-parented under the arrow's parameter scope. */
hx_ast_node *hx_p_arrow(hx_parser *p, ppos at, hx_ast_list params, bool is_async, uint32_t mark,
                        pfunc *snap)
{
    if (!hx_p_enter(p))
        return NULL;
    if (!hx_p_arrow_params_convert(p, &params))
        return NULL;
    hx_ast_node *fn = hx_p_node(p, HX_AST_ARROW, at);
    if (!fn)
        return NULL;
    fn->u.func.src_start = at.start;
    fn->u.func.flags = HX_FN_ARROW | (is_async ? HX_FN_ASYNC : 0);
    fn->u.func.params = params;
    bool simple = true;
    uint32_t length = 0;
    bool counting = true;
    for (uint32_t i = 0; i < params.len; i++) {
        hx_ast_node *e = params.items[i];
        if (e->kind != HX_AST_IDENTIFIER) {
            simple = false;
            if (e->kind == HX_AST_ASSIGN_PATTERN || e->kind == HX_AST_REST)
                counting = false;
        }
        if (counting)
            length++;
    }
    fn->u.func.length = length;
    if (simple)
        fn->u.func.flags |= HX_FN_SIMPLE_PARAMS;
    else
        fn->u.func.flags |= HX_FN_PARAM_EXPRESSIONS;
    pfunc *outer = p->fn;
    /* uses inside the parameter list were counted on the enclosing function */
    if (outer->n_this > snap->n_this)
        fn->u.func.flags |= HX_FN_USES_THIS;
    if (outer->n_args > snap->n_args)
        fn->u.func.flags |= HX_FN_USES_ARGUMENTS;
    if (outer->n_super_prop > snap->n_super_prop)
        fn->u.func.flags |= HX_FN_USES_SUPER_PROP;
    if (outer->n_super_call > snap->n_super_call)
        fn->u.func.flags |= HX_FN_USES_SUPER_CALL;
    if (outer->n_new_target > snap->n_new_target)
        fn->u.func.flags |= HX_FN_USES_NEW_TARGET;
    if (outer->n_eval > snap->n_eval)
        fn->u.func.flags |= HX_FN_DIRECT_EVAL;
    fnctx c;
    ctx_save(p, &c);
    pscope *enclosing = p->scope;
    pfunc *f = hx_p_fn_push(p, fn);
    if (!f)
        return NULL;
    f->arrow = true;
    f->is_async = is_async;
    f->param_scope = hx_p_scope_push(p, HX_SCOPE_FUNCTION_PARAMS, fn);
    if (!f->param_scope)
        return NULL;
    hx_p_scope_reparent(p, mark, enclosing, f->param_scope);
    for (uint32_t i = 0; i < params.len; i++)
        if (!hx_p_declare_pattern(p, params.items[i], HX_DECL_PARAM, fn))
            return NULL;
    if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
        return NULL;
    if (!hx_p_expect(p, HX_T_ARROW))
        return NULL;
    p->yield_expr = false;
    p->await_expr = is_async;
    /* the body of a non-async arrow is [~Await] even inside async code or a
     * static block (ES2025 15.3 ConciseBody) */
    p->await_reserved = is_async || p->module;
    if (TOK.type == HX_T_LBRACE) {
        p->in_ok = true;
        if (!parse_body(p, fn, f))
            return NULL;
    } else {
        pscope *bs = hx_p_scope_push(p, HX_SCOPE_FUNCTION_BODY, fn);
        if (!bs)
            return NULL;
        bs->var_scope = true;
        bs->fn_body = true;
        f->body_scope = bs;
        p->in_ok = c.in_ok;
        hx_ast_node *e = hx_p_assign(p, NULL);
        if (!e)
            return NULL;
        hx_ast_node **items = hx_arena_alloc(p->arena, sizeof(void *));
        if (!items)
            return hx_p_oom(p);
        items[0] = e;
        fn->u.func.body.items = items;
        fn->u.func.body.len = 1;
        fn->u.func.flags |= HX_FN_EXPR_BODY;
    }
    if (!finish_function(p, fn, f, false))
        return NULL;
    ctx_restore(p, &c);
    hx_p_fn_pop(p, f);
    hx_p_leave(p);
    return hx_p_finish(p, fn);
}

/* ---- classes --------------------------------------------------------------- */

static bool key_is(hx_ast_node *key, bool computed, const char *s)
{
    if (computed)
        return false;
    if (key->kind == HX_AST_IDENTIFIER)
        return strcmp(key->u.ident.name->utf8, s) == 0;
    if (key->kind == HX_AST_STRING_LIT) {
        size_t n = strlen(s);
        if (key->u.string.len != n)
            return false;
        for (size_t i = 0; i < n; i++)
            if (key->u.string.chars[i] != (uint16_t)s[i])
                return false;
        return true;
    }
    return false;
}

static bool add_private(hx_parser *p, pclass *cls, hx_ast_node *key, int kind, bool is_static,
                        hx_ast_node *element)
{
    const hx_ast_name *name = key->u.ident.name;
    for (uint32_t i = 0; i < cls->npriv; i++) {
        hx_ast_private_decl *d = &cls->privs[i];
        if (d->name != name)
            continue;
        if (d->is_static == is_static &&
            ((d->kind == HX_PRIV_GETTER && kind == HX_PRIV_SETTER) ||
             (d->kind == HX_PRIV_SETTER && kind == HX_PRIV_GETTER))) {
            if (d->kind == HX_PRIV_SETTER) {
                d->element2 = d->element;
                d->element = element;
            } else {
                d->element2 = element;
            }
            d->kind = HX_PRIV_ACCESSOR;
            return true;
        }
        return ERR_NODE(key, "Identifier '%s' has already been declared", name->utf8) != NULL;
    }
    if (cls->npriv == cls->cappriv) {
        uint32_t c = cls->cappriv ? cls->cappriv * 2 : 8;
        hx_ast_private_decl *n = hx_arena_alloc(p->arena, c * sizeof(*n));
        if (!n)
            return hx_p_oom(p) != NULL;
        if (cls->npriv)
            memcpy(n, cls->privs, cls->npriv * sizeof(*n));
        cls->privs = n;
        cls->cappriv = c;
    }
    hx_ast_private_decl *d = &cls->privs[cls->npriv++];
    d->name = name;
    d->kind = (uint8_t)kind;
    d->is_static = is_static;
    d->element = element;
    d->element2 = NULL;
    return true;
}

/* Field initializer or static block: a method-like context of its own. */
static pfunc *push_element_fn(hx_parser *p, hx_ast_node *node, bool static_block, fnctx *c)
{
    ctx_save(p, c);
    pfunc *f = hx_p_fn_push(p, node);
    if (!f)
        return NULL;
    f->method = true;
    f->new_target = true;
    f->field_init = !static_block;
    f->static_block = static_block;
    p->yield_expr = false;
    p->await_expr = false;
    p->await_reserved = static_block || p->module;
    p->in_ok = true;
    return f;
}

static hx_ast_node *class_element(hx_parser *p, pclass *cls, bool derived, hx_ast_node *klass)
{
    ppos at = hx_p_here(p);
    bool is_static = false;
    uint32_t tsmods = 0;
    if (p->ts && !hx_ts_skip_modifiers(p, &tsmods))
        return NULL;
    if (hx_p_is_kw(p, HX_KW_STATIC)) {
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_LBRACE) {
            /* ClassStaticBlock (ES2025 15.7.1) */
            hx_p_next(p);
            hx_p_next(p);
            hx_ast_node *sb = hx_p_node(p, HX_AST_STATIC_BLOCK, at);
            if (!sb)
                return NULL;
            fnctx c;
            pfunc *f = push_element_fn(p, sb, true, &c);
            if (!f)
                return NULL;
            pscope *s = hx_p_scope_push(p, HX_SCOPE_STATIC_BLOCK, sb);
            if (!s)
                return NULL;
            s->var_scope = true;
            f->body_scope = s;
            uint32_t base = p->nstk;
            uint32_t fl;
            if (!hx_p_body_items(p, HX_T_RBRACE, false, &fl))
                return NULL;
            sb->u.block.body = hx_p_list(p, base);
            if (!hx_p_expect(p, HX_T_RBRACE))
                return NULL;
            sb->u.block.scope = s->out;
            sb->u.block.flags = f->flags;
            if (!hx_p_scope_pop(p, s))
                return NULL;
            ctx_restore(p, &c);
            hx_p_fn_pop(p, f);
            return hx_p_finish(p, sb);
        }
        if (t != HX_T_LPAREN && t != HX_T_ASSIGN && t != HX_T_SEMI && t != HX_T_RBRACE &&
            !(p->ts && (t == HX_T_COLON || t == HX_T_QUESTION || t == HX_T_LT || t == HX_T_BANG)) &&
            !(t == HX_T_NAME && nt.nl_before && false)) {
            is_static = true;
            hx_p_next(p);
            if (p->ts && !hx_ts_skip_modifiers(p, &tsmods))
                return NULL;
        }
    }
    ppos mat = hx_p_here(p); /* method source text starts after `static` */
    uint32_t fnflags = HX_FN_METHOD | HX_FN_STRICT;
    int mkind = HX_METHOD_METHOD;
    if (hx_p_is_kw(p, HX_KW_ASYNC) || hx_p_is_kw(p, HX_KW_GET) || hx_p_is_kw(p, HX_KW_SET)) {
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        bool is_mod = t != HX_T_LPAREN && t != HX_T_ASSIGN && t != HX_T_SEMI && t != HX_T_RBRACE &&
                      !(p->ts && (t == HX_T_COLON || t == HX_T_QUESTION || t == HX_T_LT ||
                                  t == HX_T_BANG)) &&
                      !(t == HX_T_STAR && !hx_p_is_kw(p, HX_KW_ASYNC));
        if (is_mod && nt.nl_before) {
            /* `get\n x` is a field `get` followed by ASI? No: ClassElement
             * `get` [no LineTerminator] only applies to async. */
            if (hx_p_is_kw(p, HX_KW_ASYNC))
                is_mod = false;
        }
        if (is_mod) {
            if (hx_p_is_kw(p, HX_KW_ASYNC))
                fnflags |= HX_FN_ASYNC;
            else
                mkind = hx_p_is_kw(p, HX_KW_GET) ? HX_METHOD_GET : HX_METHOD_SET;
            hx_p_next(p);
        }
    }
    if (TOK.type == HX_T_STAR) {
        if (mkind != HX_METHOD_METHOD)
            return hx_p_unexpected(p);
        fnflags |= HX_FN_GENERATOR;
        hx_p_next(p);
    }
    bool computed;
    hx_ast_node *key = hx_p_property_name(p, &computed, true);
    if (!key)
        return NULL;
    bool priv = key->kind == HX_AST_PRIVATE_NAME;
    if (p->ts && (TOK.type == HX_T_QUESTION || TOK.type == HX_T_BANG))
        hx_p_next(p);
    if (p->ts && TOK.type == HX_T_LBRACKET && false)
        return NULL;
    if (TOK.type == HX_T_LPAREN || (p->ts && TOK.type == HX_T_LT) || mkind != HX_METHOD_METHOD ||
        (fnflags & (HX_FN_ASYNC | HX_FN_GENERATOR))) {
        hx_ast_node *m = hx_p_node(p, HX_AST_METHOD, at);
        if (!m)
            return NULL;
        bool is_ctor = !is_static && !priv && key_is(key, computed, "constructor");
        if (is_ctor) {
            if (mkind != HX_METHOD_METHOD)
                return ERR_NODE(key, "Class constructor may not be an accessor");
            if (fnflags & HX_FN_GENERATOR)
                return ERR_NODE(key, "Class constructor may not be a generator");
            if (fnflags & HX_FN_ASYNC)
                return ERR_NODE(key, "Class constructor may not be an async method");
            if (klass->u.klass.constructor && klass->u.klass.constructor->u.method.value->u.func.body.len != UINT32_MAX)
                return ERR_NODE(key, "A class may only have one constructor");
            mkind = HX_METHOD_CONSTRUCTOR;
            fnflags |= HX_FN_CLASS_CONSTRUCTOR | (derived ? HX_FN_DERIVED : 0);
        }
        if (is_static && key_is(key, computed, "prototype"))
            return ERR_NODE(key, "Classes may not have a static property named 'prototype'");
        if (mkind == HX_METHOD_GET)
            fnflags |= HX_FN_GETTER;
        if (mkind == HX_METHOD_SET)
            fnflags |= HX_FN_SETTER;
        if (is_static)
            fnflags |= HX_FN_STATIC;
        hx_ast_list props = {NULL, 0};
        hx_ast_node *fn = method_function(p, mat, fnflags, key, true, is_ctor ? &props : NULL);
        if (!fn)
            return NULL;
        m->u.method.key = key;
        m->u.method.value = fn;
        m->u.method.kind = (uint8_t)mkind;
        m->u.method.is_static = is_static;
        m->u.method.computed = computed;
        hx_p_finish(p, m);
        if (fn->u.func.body.len == UINT32_MAX)
            return m; /* TypeScript overload: caller drops it */
        if (is_ctor && props.len) {
            if (!hx_ts_param_properties(p, fn, props, derived))
                return NULL;
            cls->ts_props = props;
        }
        if (priv) {
            int pk = mkind == HX_METHOD_GET ? HX_PRIV_GETTER
                                            : mkind == HX_METHOD_SET ? HX_PRIV_SETTER
                                                                     : HX_PRIV_METHOD;
            if (!add_private(p, cls, key, pk, is_static, m))
                return NULL;
        }
        if (is_ctor)
            klass->u.klass.constructor = m;
        return m;
    }
    /* FieldDefinition */
    if (key_is(key, computed, "constructor"))
        return ERR_NODE(key, "Classes may not have a field named 'constructor'");
    if (is_static && key_is(key, computed, "prototype"))
        return ERR_NODE(key, "Classes may not have a static property named 'prototype'");
    hx_ast_node *fd = hx_p_node(p, HX_AST_FIELD, at);
    if (!fd)
        return NULL;
    fd->u.field.key = key;
    fd->u.field.is_static = is_static;
    fd->u.field.computed = computed;
    if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
        return NULL;
    if (TOK.type == HX_T_ASSIGN) {
        hx_p_next(p);
        fnctx c;
        pfunc *f = push_element_fn(p, fd, false, &c);
        if (!f)
            return NULL;
        hx_ast_node *v = hx_p_assign(p, NULL);
        if (!v)
            return NULL;
        fd->u.field.value = v;
        fd->u.field.fn_flags = f->flags;
        ctx_restore(p, &c);
        hx_p_fn_pop(p, f);
    }
    if (!hx_p_semicolon(p))
        return NULL;
    hx_p_finish(p, fd);
    if (priv && !add_private(p, cls, key, HX_PRIV_FIELD, is_static, fd))
        return NULL;
    if (tsmods & TSM_DECLARE)
        fd->u.field.key = fd->u.field.key; /* declared fields still define nothing: see caller */
    return fd;
}

hx_ast_node *hx_p_class(hx_parser *p, ppos at, bool is_decl, bool default_export)
{
    if (!hx_p_enter(p))
        return NULL;
    hx_p_next(p); /* class */
    hx_ast_node *k = hx_p_node(p, is_decl ? HX_AST_CLASS_DECL : HX_AST_CLASS_EXPR, at);
    if (!k)
        return NULL;
    k->u.klass.src_start = at.start;
    bool outer_strict = p->strict;
    hx_p_set_strict(p, true); /* ES2025 11.2.2: all parts of a class are strict */
    hx_ast_node *id = NULL;
    if (TOK.type == HX_T_NAME && !hx_p_is_kw(p, HX_KW_EXTENDS) &&
        !(p->ts && hx_p_is_kw(p, HX_KW_IMPLEMENTS))) {
        ppos iat = hx_p_here(p);
        if (!hx_p_check_binding_name(p, TOK.name, TOK.escaped, iat))
            return NULL;
        id = hx_p_node(p, HX_AST_IDENTIFIER, iat);
        if (!id)
            return NULL;
        id->u.ident.name = TOK.name;
        id->u.ident.escaped = TOK.escaped;
        hx_p_next(p);
        hx_p_finish(p, id);
        k->u.klass.id = id;
        k->u.klass.name = id->u.ident.name;
    } else if (is_decl && !default_export) {
        return hx_p_unexpected(p);
    }
    if (is_decl) {
        const hx_ast_name *nm = id ? id->u.ident.name : hx_p_intern(p, "*default*");
        if (!nm)
            return NULL;
        hx_p_set_strict(p, outer_strict);
        if (!p->ts_collect && !hx_p_declare(p, nm, HX_DECL_CLASS, id, k, 0))
            return NULL;
        hx_p_set_strict(p, true);
    }
    if (p->ts && TOK.type == HX_T_LT && !hx_ts_type_params(p))
        return NULL;
    pscope *cs = hx_p_scope_push(p, HX_SCOPE_CLASS, k);
    if (!cs)
        return NULL;
    if (id && !hx_p_declare(p, id->u.ident.name, HX_DECL_CLASS_NAME, id, k, 0))
        return NULL;
    bool derived = false;
    if (hx_p_is_kw(p, HX_KW_EXTENDS)) {
        hx_p_next(p);
        hx_ast_node *h = hx_p_lhs(p);
        if (!h)
            return NULL;
        if (h->kind == HX_AST_ARROW && !(h->flags & HX_AST_F_PARENS))
            return ERR_NODE(h, "Unexpected arrow function");
        k->u.klass.super_class = h;
        derived = true;
        if (p->ts && TOK.type == HX_T_LT && !hx_ts_try_type_args(p))
            return NULL;
    }
    if (p->ts && hx_p_is_kw(p, HX_KW_IMPLEMENTS)) {
        hx_p_next(p);
        for (;;) {
            if (!hx_ts_skip_type(p))
                return NULL;
            if (TOK.type != HX_T_COMMA)
                break;
            hx_p_next(p);
        }
    }
    pclass *cls = hx_arena_calloc(p->arena, sizeof(pclass));
    if (!cls)
        return hx_p_oom(p);
    cls->parent = p->cls;
    cls->ref_base = p->nprivrefs;
    p->cls = cls;
    if (!hx_p_expect(p, HX_T_LBRACE))
        return NULL;
    uint32_t base = p->nstk;
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        if (TOK.type == HX_T_SEMI) {
            hx_p_next(p);
            continue;
        }
        if (p->ts) {
            /* index signature `[key: string]: T;`, possibly `static` or
             * `readonly` (dropped) */
            pspec sp;
            hx_p_spec_save(p, &sp);
            uint32_t imods = 0;
            if (!hx_ts_skip_modifiers(p, &imods))
                return NULL;
            hx_token st;
            if (hx_p_is_kw(p, HX_KW_STATIC) && hx_p_peek(p, &st) == HX_T_LBRACKET)
                hx_p_next(p);
            if (!hx_ts_skip_modifiers(p, &imods))
                return NULL;
            if (TOK.type == HX_T_LBRACKET)
                hx_p_next(p);
            else
                goto not_index;
            if (TOK.type == HX_T_NAME) {
                hx_token nt;
                if (hx_p_peek(p, &nt) == HX_T_COLON) {
                    hx_p_next(p);
                    if (!hx_ts_type_annotation(p) || !hx_p_expect(p, HX_T_RBRACKET) ||
                        !hx_ts_type_annotation(p) || !hx_p_semicolon(p))
                        return NULL;
                    continue;
                }
            }
        not_index:
            hx_p_spec_restore(p, &sp);
        }
        uint32_t mods = 0;
        pspec sp;
        if (p->ts) {
            hx_p_spec_save(p, &sp);
            if (!hx_ts_skip_modifiers(p, &mods))
                return NULL;
            hx_p_spec_restore(p, &sp);
        }
        hx_ast_node *el = class_element(p, cls, derived, k);
        if (!el)
            return NULL;
        if (el->kind == HX_AST_METHOD && el->u.method.value->u.func.body.len == UINT32_MAX)
            continue; /* TypeScript overload signature / abstract method */
        if (el->kind == HX_AST_FIELD && (mods & (TSM_DECLARE | TSM_ABSTRACT)))
            continue;
        hx_p_push(p, el);
    }
    if (p->failed || !hx_p_expect(p, HX_T_RBRACE)) {
        p->nstk = base;
        return NULL;
    }
    k->u.klass.body = hx_p_list(p, base);
    if (cls->ts_props.len && !hx_ts_param_property_fields(p, k, cls->ts_props))
        return NULL;
    k->u.klass.privates = cls->privs;
    k->u.klass.private_count = cls->npriv;
    k->u.klass.scope = cs->out;
    k->u.klass.src_end = p->prev_end;
    /* resolve private references made inside this class body */
    uint32_t w = cls->ref_base;
    for (uint32_t i = cls->ref_base; i < p->nprivrefs; i++) {
        bool found = false;
        for (uint32_t j = 0; j < cls->npriv && !found; j++)
            found = cls->privs[j].name == p->privrefs[i].name;
        if (!found)
            p->privrefs[w++] = p->privrefs[i];
    }
    p->nprivrefs = w;
    p->cls = cls->parent;
    if (!hx_p_scope_pop(p, cs))
        return NULL;
    hx_p_set_strict(p, outer_strict);
    hx_p_leave(p);
    return hx_p_finish(p, k);
}
