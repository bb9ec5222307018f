/*
 * parse_expr.c — expressions (ES2025 clause 13) and the cover grammars:
 * an expression parsed before we know it is an assignment pattern or arrow
 * parameters is re-interpreted in place (kinds ARRAY→ARRAY_PATTERN,
 * OBJECT→OBJECT_PATTERN, ASSIGN→ASSIGN_PATTERN, SPREAD→REST).
 * Invariant: cover-only errors (`{a = 1}` outside a pattern, duplicate
 * __proto__) are held in a pcover until the enclosing AssignmentExpression
 * knows which reading applies; yield/await positions for arrow parameters
 * are held in the parser (yield_pos, await_pos, await_ident_pos).
 */
#include "parse/parser_int.h"

#include <string.h>

#include "regexp/regexp.h"

static hx_ast_node *parse_unary(hx_parser *p, pcover *cv);
static hx_ast_node *parse_conditional(hx_parser *p, pcover *cv);
static hx_ast_node *parse_call_member(hx_parser *p, pcover *cv, bool no_call);
static hx_ast_node *parse_primary(hx_parser *p, pcover *cv);

#define ERR_NODE(n, ...) hx_p_error_at(p, (n)->start, (n)->line, (n)->col, __VA_ARGS__)

/* TypeScript: after `expr<T>`, does the token show an instantiation
 * expression (`f<T>;`, `[f<T>, g]`, `f<T> === g`) rather than a comparison
 * `a < b > c`?  Like tsc: a line break, a binary operator other than
 * `<`, `>`, `+`, `-`, or a token that cannot start an expression. */
static bool ts_instantiation_end(hx_parser *p)
{
    if (TOK.nl_before)
        return true;
    switch (TOK.type) {
    case HX_T_SEMI: case HX_T_RPAREN: case HX_T_RBRACKET: case HX_T_RBRACE: case HX_T_COMMA:
    case HX_T_COLON: case HX_T_EOF: case HX_T_QUESTION:
    case HX_T_EQ: case HX_T_NE: case HX_T_SEQ: case HX_T_SNE:
    case HX_T_AND: case HX_T_OR: case HX_T_NULLISH: case HX_T_STAR: case HX_T_PERCENT:
    case HX_T_STARSTAR: case HX_T_AMP: case HX_T_PIPE: case HX_T_CARET: case HX_T_LE:
    case HX_T_GE: case HX_T_SHL: case HX_T_SAR: case HX_T_SHR:
        return true;
    case HX_T_NAME:
        return (hx_p_is_kw(p, HX_KW_AS) || hx_p_is_kw(p, HX_KW_SATISFIES) ||
                hx_p_is_kw(p, HX_KW_INSTANCEOF) || hx_p_is_kw(p, HX_KW_IN));
    default: return false;
    }
}

static pfunc *this_fn(hx_parser *p)
{
    pfunc *f = p->fn;
    while (f && f->arrow)
        f = f->parent;
    return f;
}

/* ---- identifiers ---------------------------------------------------------- */

/* Is `name` usable as an IdentifierReference / BindingIdentifier here?
 * (ES2025 13.1.1 early errors) */
static bool check_ident(hx_parser *p, const hx_ast_name *name, bool escaped, ppos at, bool binding)
{
    int kw = name->keyword;
    if (kw == HX_KW_NONE || kw > HX_KW_LAST_STRICT_RESERVED) {
        if (binding && p->strict && (kw == HX_KW_EVAL || kw == HX_KW_ARGUMENTS))
            return hx_p_error_at(p, at.start, at.line, at.col,
                                 "Unexpected eval or arguments in strict mode") != NULL;
        return true;
    }
    if (kw == HX_KW_YIELD) {
        if (p->yield_expr || p->strict)
            return hx_p_error_at(p, at.start, at.line, at.col, "Unexpected %s 'yield'",
                                 p->strict ? "strict mode reserved word" : "token") != NULL;
        return true;
    }
    if (kw == HX_KW_AWAIT) {
        if (p->await_reserved || p->await_expr || p->goal == HX_GOAL_MODULE)
            return hx_p_error_at(p, at.start, at.line, at.col, "Unexpected reserved word 'await'") !=
                   NULL;
        if (!p->await_ident_pos) {
            p->await_ident_pos = at.start + 1;
            p->await_ident_ppos = at;
        }
        return true;
    }
    if (kw > HX_KW_LAST_RESERVED) {
        if (p->strict)
            return hx_p_error_at(p, at.start, at.line, at.col,
                                 "Unexpected strict mode reserved word '%s'", name->utf8) != NULL;
        return true;
    }
    if (escaped)
        return hx_p_error_at(p, at.start, at.line, at.col,
                             "Keyword must not contain escaped characters") != NULL;
    return hx_p_error_at(p, at.start, at.line, at.col, "Unexpected token '%s'", name->utf8) != NULL;
}

bool hx_p_check_binding_name(hx_parser *p, const hx_ast_name *name, bool escaped, ppos at)
{
    return check_ident(p, name, escaped, at, true);
}

bool hx_p_check_label(hx_parser *p, const hx_ast_name *name, bool escaped, ppos at)
{
    return check_ident(p, name, escaped, at, false);
}

void hx_p_note_ident_ref(hx_parser *p, const hx_ast_name *name)
{
    if (name->keyword == HX_KW_ARGUMENTS)
        hx_p_fn_use(p, USE_ARGS);
    if (p->ts) /* value use: keeps a TypeScript import alive */
        ((hx_ast_name *)name)->reserved_ |= 1;
}

/* IdentifierReference at the current NAME token. */
hx_ast_node *hx_p_ident_ref(hx_parser *p)
{
    if (TOK.type != HX_T_NAME)
        return hx_p_unexpected(p);
    ppos at = hx_p_here(p);
    if (!check_ident(p, TOK.name, TOK.escaped, at, false))
        return NULL;
    if (TOK.name->keyword == HX_KW_ARGUMENTS) {
        pfunc *f = this_fn(p);
        if (f && (f->field_init || f->static_block))
            return hx_p_error_tok(p, "'arguments' is not allowed in class field initializer or "
                                     "static initialization block");
    }
    hx_ast_node *n = hx_p_node(p, HX_AST_IDENTIFIER, at);
    if (!n)
        return NULL;
    n->u.ident.name = TOK.name;
    n->u.ident.escaped = TOK.escaped;
    hx_p_note_ident_ref(p, TOK.name);
    if (p->ts_ns && !hx_ts_note_ref(p, n))
        return NULL;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

hx_ast_node *hx_p_binding_ident(hx_parser *p, int decl_kind, hx_ast_node *decl)
{
    if (TOK.type != HX_T_NAME)
        return hx_p_unexpected(p);
    ppos at = hx_p_here(p);
    if (!check_ident(p, TOK.name, TOK.escaped, at, true))
        return NULL;
    hx_ast_node *n = hx_p_node(p, HX_AST_IDENTIFIER, at);
    if (!n)
        return NULL;
    n->u.ident.name = TOK.name;
    n->u.ident.escaped = TOK.escaped;
    hx_p_next(p);
    hx_p_finish(p, n);
    if (decl_kind >= 0 && !hx_p_declare(p, n->u.ident.name, decl_kind, n, decl, 0))
        return NULL;
    return n;
}

/* ---- binding patterns (ES2025 14.3.3) ------------------------------------- */

hx_ast_node *hx_p_binding_element(hx_parser *p, int decl_kind, hx_ast_node *decl)
{
    ppos at = hx_p_here(p);
    hx_ast_node *t = hx_p_binding_target(p, decl_kind, decl);
    if (!t)
        return NULL;
    if (p->ts && TOK.type == HX_T_QUESTION && p->fn && p->fn->in_params)
        hx_p_next(p);
    if (p->ts && TOK.type == HX_T_COLON && p->fn && p->fn->in_params && !hx_ts_type_annotation(p))
        return NULL;
    if (TOK.type == HX_T_ASSIGN) {
        hx_p_next(p);
        bool in = p->in_ok;
        p->in_ok = true;
        hx_ast_node *v = hx_p_assign(p, NULL);
        p->in_ok = in;
        if (!v)
            return NULL;
        hx_ast_node *a = hx_p_node(p, HX_AST_ASSIGN_PATTERN, at);
        if (!a)
            return NULL;
        a->u.assign.op = HX_OP_ASSIGN;
        a->u.assign.target = t;
        a->u.assign.value = v;
        return hx_p_finish(p, a);
    }
    return t;
}

hx_ast_node *hx_p_binding_target(hx_parser *p, int decl_kind, hx_ast_node *decl)
{
    ppos at = hx_p_here(p);
    if (TOK.type == HX_T_NAME)
        return hx_p_binding_ident(p, decl_kind, decl);
    if (!hx_p_enter(p))
        return NULL;
    hx_ast_node *res = NULL;
    uint32_t base = p->nstk;
    if (TOK.type == HX_T_LBRACKET) {
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_ARRAY_PATTERN, at);
        while (n && !p->failed && TOK.type != HX_T_RBRACKET) {
            if (TOK.type == HX_T_COMMA) {
                hx_p_push(p, NULL);
                hx_p_next(p);
                continue;
            }
            if (TOK.type == HX_T_ELLIPSIS) {
                ppos rat = hx_p_here(p);
                hx_p_next(p);
                hx_ast_node *r = hx_p_node(p, HX_AST_REST, rat);
                hx_ast_node *t = hx_p_binding_target(p, decl_kind, decl);
                if (!r || !t)
                    break;
                r->u.unary_stmt.argument = t;
                hx_p_push(p, hx_p_finish(p, r));
                if (TOK.type != HX_T_RBRACKET) {
                    hx_p_error_tok(p, "Rest element must be last element");
                    break;
                }
                break;
            }
            hx_ast_node *e = hx_p_binding_element(p, decl_kind, decl);
            if (!e || !hx_p_push(p, e))
                break;
            if (TOK.type != HX_T_RBRACKET && !hx_p_expect(p, HX_T_COMMA))
                break;
        }
        if (n && hx_p_expect(p, HX_T_RBRACKET)) {
            n->u.array.items = hx_p_list(p, base);
            res = hx_p_finish(p, n);
        }
    } else if (TOK.type == HX_T_LBRACE) {
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_OBJECT_PATTERN, at);
        while (n && !p->failed && TOK.type != HX_T_RBRACE) {
            ppos pat = hx_p_here(p);
            if (TOK.type == HX_T_ELLIPSIS) {
                hx_p_next(p);
                hx_ast_node *r = hx_p_node(p, HX_AST_REST, pat);
                hx_ast_node *t = hx_p_binding_ident(p, decl_kind, decl);
                if (!r || !t)
                    break;
                r->u.unary_stmt.argument = t;
                hx_p_push(p, hx_p_finish(p, r));
                if (TOK.type != HX_T_RBRACE) {
                    hx_p_error_tok(p, "Rest element must be last element");
                    break;
                }
                break;
            }
            hx_ast_node *prop = hx_p_node(p, HX_AST_PROPERTY, pat);
            if (!prop)
                break;
            bool computed = false;
            bool was_name = TOK.type == HX_T_NAME;
            hx_token keytok = TOK;
            hx_ast_node *key = hx_p_property_name(p, &computed, false);
            if (!key)
                break;
            prop->u.prop.key = key;
            prop->u.prop.computed = computed;
            prop->u.prop.kind = HX_PROP_INIT;
            if (TOK.type == HX_T_COLON) {
                hx_p_next(p);
                hx_ast_node *v = hx_p_binding_element(p, decl_kind, decl);
                if (!v)
                    break;
                prop->u.prop.value = v;
            } else {
                if (!was_name || computed) {
                    hx_p_unexpected(p);
                    break;
                }
                /* shorthand: the key is also the binding */
                if (!check_ident(p, keytok.name, keytok.escaped, pat, true))
                    break;
                hx_ast_node *id = hx_p_node(p, HX_AST_IDENTIFIER, pat);
                if (!id)
                    break;
                id->u.ident.name = keytok.name;
                id->u.ident.escaped = keytok.escaped;
                id->end = key->end;
                if (decl_kind >= 0 && !hx_p_declare(p, keytok.name, decl_kind, id, decl, 0))
                    break;
                prop->u.prop.shorthand = true;
                hx_ast_node *v = id;
                if (TOK.type == HX_T_ASSIGN) {
                    hx_p_next(p);
                    bool in = p->in_ok;
                    p->in_ok = true;
                    hx_ast_node *init = hx_p_assign(p, NULL);
                    p->in_ok = in;
                    if (!init)
                        break;
                    v = hx_p_node(p, HX_AST_ASSIGN_PATTERN, pat);
                    if (!v)
                        break;
                    v->u.assign.op = HX_OP_ASSIGN;
                    v->u.assign.target = id;
                    v->u.assign.value = init;
                    hx_p_finish(p, v);
                }
                prop->u.prop.value = v;
            }
            hx_p_push(p, hx_p_finish(p, prop));
            if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
                break;
        }
        if (n && hx_p_expect(p, HX_T_RBRACE)) {
            n->u.object.items = hx_p_list(p, base);
            res = hx_p_finish(p, n);
        }
    } else {
        hx_p_unexpected(p);
    }
    p->nstk = base;
    hx_p_leave(p);
    return p->failed ? NULL : res;
}

/* ---- re-interpretation of covers ------------------------------------------ */

static bool is_simple_target(hx_parser *p, hx_ast_node *n, bool report)
{
    if (n->kind == HX_AST_IDENTIFIER) {
        if (p->strict && (n->u.ident.name->keyword == HX_KW_EVAL ||
                          n->u.ident.name->keyword == HX_KW_ARGUMENTS)) {
            if (report)
                ERR_NODE(n, "Unexpected eval or arguments in strict mode");
            return false;
        }
        return true;
    }
    if (n->kind == HX_AST_MEMBER)
        return true;
    /* Annex B web-compat (AssignmentTargetType web-compat): a call in sloppy
     * code parses as a target and throws ReferenceError when evaluated */
    if (n->kind == HX_AST_CALL && !p->strict && !n->u.call.optional)
        return true;
    if (report)
        ERR_NODE(n, "Invalid left-hand side in assignment");
    return false;
}

/* AssignmentPattern refinement (ES2025 13.15.5): converts an object/array
 * literal to a pattern in place; checks simple targets. */
hx_ast_node *hx_p_to_assign_target(hx_parser *p, hx_ast_node *n, bool pattern_ok)
{
    if (!n || p->failed)
        return NULL;
    switch (n->kind) {
    case HX_AST_IDENTIFIER:
    case HX_AST_MEMBER:
        return is_simple_target(p, n, true) ? n : NULL;
    case HX_AST_OBJECT_PATTERN:
    case HX_AST_ARRAY_PATTERN:
        if (!pattern_ok || (n->flags & HX_AST_F_PARENS))
            return ERR_NODE(n, "Invalid destructuring assignment target");
        return n;
    case HX_AST_ARRAY: {
        if (!pattern_ok || (n->flags & HX_AST_F_PARENS))
            return ERR_NODE(n, "Invalid destructuring assignment target");
        hx_ast_list *l = &n->u.array.items;
        for (uint32_t i = 0; i < l->len; i++) {
            hx_ast_node *e = l->items[i];
            if (!e)
                continue;
            if (e->kind == HX_AST_SPREAD) {
                if (i + 1 != l->len || n->u.array.trailing_comma_after_rest_)
                    return ERR_NODE(e, "Rest element must be last element");
                hx_ast_node *a = e->u.unary_stmt.argument;
                if (a->kind == HX_AST_ASSIGN && !(a->flags & HX_AST_F_PARENS))
                    return ERR_NODE(a, "Invalid destructuring assignment target");
                if (!hx_p_to_assign_target(p, a, true))
                    return NULL;
                e->kind = HX_AST_REST;
                continue;
            }
            if (e->kind == HX_AST_ASSIGN && !(e->flags & HX_AST_F_PARENS)) {
                if (e->u.assign.op != HX_OP_ASSIGN)
                    return ERR_NODE(e, "Invalid destructuring assignment target");
                e->kind = HX_AST_ASSIGN_PATTERN;
                continue;
            }
            if (e->kind == HX_AST_ASSIGN_PATTERN)
                continue;
            if (!hx_p_to_assign_target(p, e, true))
                return NULL;
        }
        n->kind = HX_AST_ARRAY_PATTERN;
        return n;
    }
    case HX_AST_OBJECT: {
        if (!pattern_ok || (n->flags & HX_AST_F_PARENS))
            return ERR_NODE(n, "Invalid destructuring assignment target");
        hx_ast_list *l = &n->u.object.items;
        for (uint32_t i = 0; i < l->len; i++) {
            hx_ast_node *e = l->items[i];
            if (e->kind == HX_AST_SPREAD) {
                if (i + 1 != l->len || n->u.array.trailing_comma_after_rest_)
                    return ERR_NODE(e, "Rest element must be last element");
                hx_ast_node *a = e->u.unary_stmt.argument;
                if (!is_simple_target(p, a, false))
                    return ERR_NODE(a, "Invalid destructuring assignment target");
                e->kind = HX_AST_REST;
                continue;
            }
            if (e->kind != HX_AST_PROPERTY || e->u.prop.kind != HX_PROP_INIT || e->u.prop.method)
                return ERR_NODE(e, "Invalid destructuring assignment target");
            e->u.prop.proto = false;
            hx_ast_node *v = e->u.prop.value;
            if (e->u.prop.shorthand && v->kind == HX_AST_IDENTIFIER) {
                if (!check_ident(p, v->u.ident.name, v->u.ident.escaped,
                                 (ppos){v->start, v->line, v->col}, true))
                    return NULL;
                continue;
            }
            if (v->kind == HX_AST_ASSIGN && !(v->flags & HX_AST_F_PARENS)) {
                if (v->u.assign.op != HX_OP_ASSIGN)
                    return ERR_NODE(v, "Invalid destructuring assignment target");
                v->kind = HX_AST_ASSIGN_PATTERN;
                continue;
            }
            if (v->kind == HX_AST_ASSIGN_PATTERN) {
                if (e->u.prop.shorthand) {
                    hx_ast_node *t = v->u.assign.target;
                    if (!check_ident(p, t->u.ident.name, t->u.ident.escaped,
                                     (ppos){t->start, t->line, t->col}, true))
                        return NULL;
                }
                continue;
            }
            if (!hx_p_to_assign_target(p, v, true))
                return NULL;
        }
        n->kind = HX_AST_OBJECT_PATTERN;
        return n;
    }
    default:
        return ERR_NODE(n, "Invalid left-hand side in assignment");
    }
}

/* ArrowFormalParameters refinement: expression → binding pattern. */
static hx_ast_node *to_binding(hx_parser *p, hx_ast_node *n)
{
    if (!n || p->failed)
        return NULL;
    if (n->flags & HX_AST_F_PARENS)
        return ERR_NODE(n, "Invalid destructuring assignment target");
    switch (n->kind) {
    case HX_AST_IDENTIFIER:
        if (!check_ident(p, n->u.ident.name, n->u.ident.escaped, (ppos){n->start, n->line, n->col},
                         true))
            return NULL;
        return n;
    case HX_AST_ASSIGN:
    case HX_AST_ASSIGN_PATTERN:
        if (n->u.assign.op != HX_OP_ASSIGN)
            return ERR_NODE(n, "Invalid destructuring assignment target");
        n->kind = HX_AST_ASSIGN_PATTERN;
        return to_binding(p, n->u.assign.target) ? n : NULL;
    case HX_AST_ARRAY:
    case HX_AST_ARRAY_PATTERN: {
        hx_ast_list *l = &n->u.array.items;
        for (uint32_t i = 0; i < l->len; i++) {
            hx_ast_node *e = l->items[i];
            if (!e)
                continue;
            if (e->kind == HX_AST_SPREAD || e->kind == HX_AST_REST) {
                if (i + 1 != l->len || n->u.array.trailing_comma_after_rest_)
                    return ERR_NODE(e, "Rest element must be last element");
                hx_ast_node *a = e->u.unary_stmt.argument;
                if (a->kind == HX_AST_ASSIGN || a->kind == HX_AST_ASSIGN_PATTERN)
                    return ERR_NODE(a, "Invalid destructuring assignment target");
                if (!to_binding(p, a))
                    return NULL;
                e->kind = HX_AST_REST;
                continue;
            }
            if (!to_binding(p, e))
                return NULL;
        }
        n->kind = HX_AST_ARRAY_PATTERN;
        return n;
    }
    case HX_AST_OBJECT:
    case HX_AST_OBJECT_PATTERN: {
        hx_ast_list *l = &n->u.object.items;
        for (uint32_t i = 0; i < l->len; i++) {
            hx_ast_node *e = l->items[i];
            if (e->kind == HX_AST_SPREAD || e->kind == HX_AST_REST) {
                if (i + 1 != l->len || n->u.array.trailing_comma_after_rest_)
                    return ERR_NODE(e, "Rest element must be last element");
                hx_ast_node *a = e->u.unary_stmt.argument;
                if (a->kind != HX_AST_IDENTIFIER || (a->flags & HX_AST_F_PARENS))
                    return ERR_NODE(a, "Invalid destructuring assignment target");
                if (!to_binding(p, a))
                    return NULL;
                e->kind = HX_AST_REST;
                continue;
            }
            if (e->kind != HX_AST_PROPERTY || e->u.prop.kind != HX_PROP_INIT || e->u.prop.method)
                return ERR_NODE(e, "Invalid destructuring assignment target");
            e->u.prop.proto = false;
            if (!to_binding(p, e->u.prop.value))
                return NULL;
        }
        n->kind = HX_AST_OBJECT_PATTERN;
        return n;
    }
    default:
        return ERR_NODE(n, "Invalid destructuring assignment target");
    }
}

/* ---- yield / await -------------------------------------------------------- */

static hx_ast_node *parse_yield(hx_parser *p)
{
    ppos at = hx_p_here(p);
    if (p->fn->in_params)
        return hx_p_error_tok(p, "Yield expression not allowed in formal parameter");
    if (!p->yield_pos) {
        p->yield_pos = at.start + 1;
        p->yield_ppos = at;
    }
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_YIELD, at);
    if (!n)
        return NULL;
    if (!TOK.nl_before) {
        if (TOK.type == HX_T_STAR) {
            hx_p_next(p);
            n->u.yield.delegate = true;
            n->u.yield.argument = hx_p_assign(p, NULL);
            if (!n->u.yield.argument)
                return NULL;
        } else {
            /* the operand is optional: absent before a token that cannot
             * start an AssignmentExpression */
            switch (TOK.type) {
            case HX_T_RPAREN: case HX_T_RBRACKET: case HX_T_RBRACE: case HX_T_COMMA:
            case HX_T_SEMI: case HX_T_COLON: case HX_T_EOF: case HX_T_QUESTION:
                break;
            default:
                if (hx_p_is_kw(p, HX_KW_IN))
                    break;
                n->u.yield.argument = hx_p_assign(p, NULL);
                if (!n->u.yield.argument)
                    return NULL;
            }
        }
    }
    return hx_p_finish(p, n);
}

/* ---- property names ------------------------------------------------------- */

hx_ast_node *hx_p_property_name(hx_parser *p, bool *computed, bool allow_private)
{
    ppos at = hx_p_here(p);
    *computed = false;
    hx_ast_node *n = NULL;
    switch (TOK.type) {
    case HX_T_NAME:
        n = hx_p_node(p, HX_AST_IDENTIFIER, at);
        if (n) {
            n->u.ident.name = TOK.name;
            n->u.ident.escaped = TOK.escaped;
        }
        break;
    case HX_T_PRIVATE:
        if (!allow_private)
            return hx_p_unexpected(p);
        if (TOK.name->keyword == HX_KW_PRIV_CONSTRUCTOR)
            return hx_p_error_tok(p, "Classes may not have a private field named '#constructor'");
        n = hx_p_node(p, HX_AST_PRIVATE_NAME, at);
        if (n) {
            n->u.ident.name = TOK.name;
            n->u.ident.escaped = TOK.escaped;
        }
        break;
    case HX_T_STRING:
        n = hx_p_node(p, HX_AST_STRING_LIT, at);
        if (n) {
            if (TOK.legacy_octal && p->strict)
                return hx_p_error_at(p, TOK.octal_pos, TOK.line, TOK.col,
                                     "Octal escape sequences are not allowed in strict mode");
            n->u.string.chars = TOK.str;
            n->u.string.len = TOK.str_len;
            n->u.string.has_octal_escape = TOK.legacy_octal;
        }
        break;
    case HX_T_NUMBER:
        if (TOK.legacy_octal && p->strict)
            return hx_p_error_tok(p, "Octal literals are not allowed in strict mode");
        n = hx_p_node(p, HX_AST_NUMBER_LIT, at);
        if (n) {
            n->u.number.value = TOK.num;
            n->u.number.legacy_octal = TOK.legacy_octal;
        }
        break;
    case HX_T_BIGINT:
        n = hx_p_node(p, HX_AST_BIGINT_LIT, at);
        if (n) {
            n->u.bigint.digits = TOK.digits;
            n->u.bigint.len = TOK.digits_len;
            n->u.bigint.radix = TOK.radix;
        }
        break;
    case HX_T_LBRACKET: {
        hx_p_next(p);
        *computed = true;
        bool in = p->in_ok;
        p->in_ok = true;
        n = hx_p_assign(p, NULL);
        p->in_ok = in;
        if (!n || !hx_p_expect(p, HX_T_RBRACKET))
            return NULL;
        return n;
    }
    default:
        return hx_p_unexpected(p);
    }
    if (!n)
        return NULL;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

static bool is_proto_key(hx_ast_node *key)
{
    if (key->kind == HX_AST_IDENTIFIER)
        return key->u.ident.name->keyword == HX_KW_PROTO;
    if (key->kind == HX_AST_STRING_LIT) {
        static const char s[] = "__proto__";
        if (key->u.string.len != 9)
            return false;
        for (int i = 0; i < 9; i++)
            if (key->u.string.chars[i] != (uint16_t)s[i])
                return false;
        return true;
    }
    return false;
}

/* ---- object and array literals -------------------------------------------- */

static hx_ast_node *parse_object(hx_parser *p, pcover *cv)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *obj = hx_p_node(p, HX_AST_OBJECT, at);
    if (!obj)
        return NULL;
    uint32_t base = p->nstk;
    bool has_proto = false;
    bool in = p->in_ok;
    p->in_ok = true;
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        ppos pat = hx_p_here(p);
        if (TOK.type == HX_T_ELLIPSIS) {
            hx_p_next(p);
            hx_ast_node *s = hx_p_node(p, HX_AST_SPREAD, pat);
            hx_ast_node *a = hx_p_assign(p, cv);
            if (!s || !a)
                break;
            s->u.unary_stmt.argument = a;
            hx_p_push(p, hx_p_finish(p, s));
            if (TOK.type == HX_T_COMMA) {
                hx_p_next(p);
                if (TOK.type == HX_T_RBRACE)
                    obj->u.object.trailing_comma_after_rest_ = true;
            } else if (TOK.type != HX_T_RBRACE) {
                hx_p_unexpected(p);
            }
            continue;
        }
        hx_ast_node *prop = hx_p_node(p, HX_AST_PROPERTY, pat);
        if (!prop)
            break;
        uint32_t fnflags = 0;
        int kind = HX_PROP_INIT;
        /* modifiers: async, get, set, * (ES2025 15.4 MethodDefinition) */
        if (hx_p_is_kw(p, HX_KW_ASYNC) || hx_p_is_kw(p, HX_KW_GET) || hx_p_is_kw(p, HX_KW_SET)) {
            hx_token nt;
            int t = hx_p_peek(p, &nt);
            bool is_mod = t != HX_T_COMMA && t != HX_T_COLON && t != HX_T_LPAREN &&
                          t != HX_T_RBRACE && t != HX_T_ASSIGN && !(p->ts && t == HX_T_LT) &&
                          !(t == HX_T_STAR && !hx_p_is_kw(p, HX_KW_ASYNC));
            if (hx_p_is_kw(p, HX_KW_ASYNC) && nt.nl_before)
                is_mod = false;
            if (is_mod) {
                if (hx_p_is_kw(p, HX_KW_ASYNC))
                    fnflags |= HX_FN_ASYNC;
                else
                    kind = hx_p_is_kw(p, HX_KW_GET) ? HX_PROP_GET : HX_PROP_SET;
                hx_p_next(p);
            }
        }
        if (TOK.type == HX_T_STAR) {
            if (kind != HX_PROP_INIT)
                return hx_p_unexpected(p);
            fnflags |= HX_FN_GENERATOR;
            hx_p_next(p);
        }
        bool was_name = TOK.type == HX_T_NAME;
        hx_token keytok = TOK;
        bool computed;
        hx_ast_node *key = hx_p_property_name(p, &computed, false);
        if (!key)
            break;
        prop->u.prop.key = key;
        prop->u.prop.computed = computed;
        prop->u.prop.kind = (uint8_t)kind;
        if (kind != HX_PROP_INIT || fnflags || TOK.type == HX_T_LPAREN ||
            (p->ts && TOK.type == HX_T_LT)) {
            if (kind == HX_PROP_GET)
                fnflags |= HX_FN_GETTER;
            if (kind == HX_PROP_SET)
                fnflags |= HX_FN_SETTER;
            prop->u.prop.method = kind == HX_PROP_INIT;
            hx_ast_node *fn = hx_p_method_function(p, pat, fnflags | HX_FN_METHOD, key);
            if (!fn)
                break;
            prop->u.prop.value = fn;
        } else if (TOK.type == HX_T_COLON) {
            hx_p_next(p);
            hx_ast_node *v = hx_p_assign(p, cv);
            if (!v)
                break;
            prop->u.prop.value = v;
            if (!computed && is_proto_key(key)) {
                prop->u.prop.proto = true;
                if (has_proto && cv && !cv->double_proto) {
                    cv->double_proto = pat.start + 1;
                    cv->double_proto_pos = pat;
                } else if (has_proto && !cv) {
                    ERR_NODE(key, "Duplicate __proto__ fields are not allowed in object literals");
                    break;
                }
                has_proto = true;
            }
        } else {
            /* shorthand IdentifierReference / CoverInitializedName */
            if (!was_name || computed) {
                hx_p_unexpected(p);
                break;
            }
            if (!check_ident(p, keytok.name, keytok.escaped, pat, false))
                break;
            if (keytok.name->keyword == HX_KW_ARGUMENTS) {
                pfunc *f = this_fn(p);
                if (f && (f->field_init || f->static_block)) {
                    hx_p_error_at(p, pat.start, pat.line, pat.col,
                                  "'arguments' is not allowed in class field initializer or "
                                  "static initialization block");
                    break;
                }
            }
            hx_ast_node *id = hx_p_node(p, HX_AST_IDENTIFIER, pat);
            if (!id)
                break;
            id->u.ident.name = keytok.name;
            id->u.ident.escaped = keytok.escaped;
            id->end = key->end;
            hx_p_note_ident_ref(p, keytok.name);
            if (p->ts_ns && !hx_ts_note_ref(p, id))
                break;
            prop->u.prop.shorthand = true;
            prop->u.prop.value = id;
            if (TOK.type == HX_T_ASSIGN) {
                if (!cv) {
                    hx_p_error_tok(p, "Invalid shorthand property initializer");
                    break;
                }
                if (!cv->shorthand_init) {
                    cv->shorthand_init = TOK.start + 1;
                    cv->shorthand_pos = hx_p_here(p);
                }
                hx_p_next(p);
                hx_ast_node *init = hx_p_assign(p, NULL);
                hx_ast_node *ap = hx_p_node(p, HX_AST_ASSIGN_PATTERN, pat);
                if (!init || !ap)
                    break;
                ap->u.assign.op = HX_OP_ASSIGN;
                ap->u.assign.target = id;
                ap->u.assign.value = init;
                prop->u.prop.value = hx_p_finish(p, ap);
            }
        }
        hx_p_push(p, hx_p_finish(p, prop));
        if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
            break;
    }
    p->in_ok = in;
    if (p->failed || !hx_p_expect(p, HX_T_RBRACE)) {
        p->nstk = base;
        return NULL;
    }
    obj->u.object.items = hx_p_list(p, base);
    return hx_p_finish(p, obj);
}

static hx_ast_node *parse_array(hx_parser *p, pcover *cv)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *arr = hx_p_node(p, HX_AST_ARRAY, at);
    if (!arr)
        return NULL;
    uint32_t base = p->nstk;
    bool in = p->in_ok;
    p->in_ok = true;
    while (!p->failed && TOK.type != HX_T_RBRACKET) {
        if (TOK.type == HX_T_COMMA) {
            hx_p_push(p, NULL);
            hx_p_next(p);
            continue;
        }
        hx_ast_node *e;
        if (TOK.type == HX_T_ELLIPSIS) {
            ppos sat = hx_p_here(p);
            hx_p_next(p);
            e = hx_p_node(p, HX_AST_SPREAD, sat);
            hx_ast_node *a = hx_p_assign(p, cv);
            if (!e || !a)
                break;
            e->u.unary_stmt.argument = a;
            hx_p_finish(p, e);
            if (TOK.type == HX_T_COMMA) {
                hx_token nt;
                if (hx_p_peek(p, &nt) == HX_T_RBRACKET)
                    arr->u.array.trailing_comma_after_rest_ = true;
            }
        } else {
            e = hx_p_assign(p, cv);
        }
        if (!e || !hx_p_push(p, e))
            break;
        if (TOK.type != HX_T_RBRACKET && !hx_p_expect(p, HX_T_COMMA))
            break;
    }
    p->in_ok = in;
    if (p->failed || !hx_p_expect(p, HX_T_RBRACKET)) {
        p->nstk = base;
        return NULL;
    }
    arr->u.array.items = hx_p_list(p, base);
    return hx_p_finish(p, arr);
}

/* ---- templates ------------------------------------------------------------ */

hx_ast_node *hx_p_template(hx_parser *p, bool tagged)
{
    ppos at = hx_p_here(p);
    hx_ast_node *t = hx_p_node(p, HX_AST_TEMPLATE, at);
    if (!t)
        return NULL;
    uint32_t qbase = p->nstk;
    /* quasis and expressions are interleaved on the stack, split below */
    bool in = p->in_ok;
    p->in_ok = true;
    for (;;) {
        if (TOK.type != HX_T_TEMPLATE) {
            hx_p_unexpected(p);
            break;
        }
        if (TOK.invalid_escape && !tagged) {
            hx_p_error_tok(p, "Invalid escape sequence in template");
            break;
        }
        hx_ast_node *q = hx_p_node(p, HX_AST_TEMPLATE_ELEMENT, hx_p_here(p));
        if (!q)
            break;
        q->u.tmpl_elem.cooked = TOK.str;
        q->u.tmpl_elem.cooked_len = TOK.str_len;
        q->u.tmpl_elem.raw = TOK.raw;
        q->u.tmpl_elem.raw_len = TOK.raw_len;
        q->u.tmpl_elem.tail = TOK.tail;
        bool tail = TOK.tail;
        hx_p_next(p);
        hx_p_finish(p, q);
        hx_p_push(p, q);
        if (tail)
            break;
        hx_ast_node *e = hx_p_expression(p);
        if (!e)
            break;
        hx_p_push(p, e);
        if (TOK.type != HX_T_RBRACE) {
            hx_p_unexpected(p);
            break;
        }
        hx_lex_rescan_template(&p->lx);
        if (TOK.type == HX_T_ERROR) {
            hx_p_unexpected(p);
            break;
        }
    }
    p->in_ok = in;
    if (p->failed) {
        p->nstk = qbase;
        return NULL;
    }
    uint32_t n = p->nstk - qbase;
    uint32_t nq = (n + 1) / 2, ne = n / 2;
    hx_ast_node **qs = hx_arena_alloc(p->arena, nq * sizeof(void *));
    hx_ast_node **es = hx_arena_alloc(p->arena, (ne ? ne : 1) * sizeof(void *));
    if (!qs || !es)
        return hx_p_oom(p);
    for (uint32_t i = 0; i < n; i++) {
        if (i % 2 == 0)
            qs[i / 2] = p->stk[qbase + i];
        else
            es[i / 2] = p->stk[qbase + i];
    }
    p->nstk = qbase;
    t->u.tmpl.quasis.items = qs;
    t->u.tmpl.quasis.len = nq;
    t->u.tmpl.expressions.items = es;
    t->u.tmpl.expressions.len = ne;
    return hx_p_finish(p, t);
}

/* ---- regular expressions -------------------------------------------------- */

static hx_ast_node *parse_regexp(hx_parser *p)
{
    hx_lex_rescan_regexp(&p->lx);
    if (TOK.type == HX_T_ERROR)
        return hx_p_unexpected(p);
    ppos at = hx_p_here(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_REGEXP_LIT, at);
    if (!n)
        return NULL;
    int flags = hx_regexp_parse_flags(TOK.raw, TOK.raw_len);
    if (flags < 0)
        return hx_p_error_tok(p, "Invalid regular expression flags");
    char msg[128];
    if (!hx_regexp_check_syntax(TOK.str, TOK.str_len, flags, msg, sizeof(msg)))
        return hx_p_error_tok(p, "Invalid regular expression: /%s/: %s", "...", msg);
    n->u.regexp.pattern = TOK.str;
    n->u.regexp.pattern_len = TOK.str_len;
    n->u.regexp.flags_text = TOK.raw;
    n->u.regexp.flags_len = TOK.raw_len;
    n->u.regexp.flags = flags;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

/* ---- parenthesized expressions and arrow functions ------------------------ */

/* Parses `( ... )` as either a parenthesized expression or arrow function
 * parameters (CoverParenthesizedExpressionAndArrowParameterList). */
static hx_ast_node *parse_paren(hx_parser *p)
{
    ppos at = hx_p_here(p);
    uint32_t save_y = p->yield_pos, save_a = p->await_pos, save_ai = p->await_ident_pos;
    ppos save_yp = p->yield_ppos, save_ap = p->await_ppos, save_aip = p->await_ident_ppos;
    p->yield_pos = p->await_pos = p->await_ident_pos = 0;
    uint32_t mark = p->nscopes;
    pfunc snap = *p->fn;
    hx_p_next(p);
    uint32_t base = p->nstk;
    pcover cv = {0};
    bool in = p->in_ok;
    p->in_ok = true;
    bool trailing_comma = false, has_rest = false;
    ppos rest_pos = at;
    while (!p->failed && TOK.type != HX_T_RPAREN) {
        if (TOK.type == HX_T_ELLIPSIS) {
            rest_pos = hx_p_here(p);
            hx_p_next(p);
            hx_ast_node *r = hx_p_node(p, HX_AST_REST, rest_pos);
            hx_ast_node *t = hx_p_binding_target(p, -1, NULL);
            if (!r || !t)
                break;
            if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
                break;
            r->u.unary_stmt.argument = t;
            hx_p_push(p, hx_p_finish(p, r));
            has_rest = true;
            if (TOK.type != HX_T_RPAREN) {
                hx_p_error_tok(p, "Rest parameter must be last formal parameter");
                break;
            }
            break;
        }
        hx_ast_node *e = hx_p_assign(p, &cv);
        if (!e)
            break;
        if (p->ts && (TOK.type == HX_T_COLON || TOK.type == HX_T_QUESTION)) {
            /* a typed arrow parameter `(x: T) =>` / `(x?: T) =>` */
            if (TOK.type == HX_T_QUESTION)
                hx_p_next(p);
            if (TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
                break;
            if (TOK.type == HX_T_ASSIGN) {
                hx_p_next(p);
                hx_ast_node *v = hx_p_assign(p, NULL);
                hx_ast_node *a = hx_p_node(p, HX_AST_ASSIGN, (ppos){e->start, e->line, e->col});
                if (!v || !a)
                    break;
                a->u.assign.op = HX_OP_ASSIGN;
                a->u.assign.target = e;
                a->u.assign.value = v;
                e = hx_p_finish(p, a);
            }
        }
        hx_p_push(p, e);
        if (TOK.type == HX_T_COMMA) {
            hx_p_next(p);
            if (TOK.type == HX_T_RPAREN)
                trailing_comma = true;
        } else if (TOK.type != HX_T_RPAREN) {
            hx_p_unexpected(p);
        }
    }
    p->in_ok = in;
    if (p->failed || !hx_p_expect(p, HX_T_RPAREN)) {
        p->nstk = base;
        return NULL;
    }
    uint32_t n = p->nstk - base;
    bool ts_ret = false;
    if (p->ts && TOK.type == HX_T_COLON) {
        /* `(a): T => ...` return type: only valid as an arrow */
        pspec sp;
        hx_p_spec_save(p, &sp);
        bool ok = hx_ts_type_annotation(p) && TOK.type == HX_T_ARROW && !TOK.nl_before;
        if (!ok)
            hx_p_spec_restore(p, &sp);
        else
            ts_ret = true;
    }
    if (TOK.type == HX_T_ARROW && !TOK.nl_before) {
        (void)ts_ret;
        bool as_async = p->ts_async_arrow;
        p->ts_async_arrow = false;
        hx_ast_list params = hx_p_list(p, base);
        if (p->yield_pos) {
            return hx_p_error_at(p, p->yield_ppos.start, p->yield_ppos.line, p->yield_ppos.col,
                                 "Yield expression not allowed in formal parameter");
        }
        if (p->await_pos)
            return hx_p_error_at(p, p->await_ppos.start, p->await_ppos.line, p->await_ppos.col,
                                 "Await expression not allowed in formal parameter");
        if (cv.double_proto)
            cv.double_proto = 0;
        p->yield_pos = save_y;
        p->await_pos = save_a;
        p->await_ident_pos = save_ai ? save_ai : p->await_ident_pos;
        p->yield_ppos = save_yp;
        p->await_ppos = save_ap;
        if (save_ai)
            p->await_ident_ppos = save_aip;
        return hx_p_arrow(p, at, params, as_async, mark, &snap);
    }
    if (n == 0 || has_rest || trailing_comma) {
        p->nstk = base;
        if (n == 0 || trailing_comma)
            return hx_p_unexpected(p);
        return hx_p_error_at(p, rest_pos.start, rest_pos.line, rest_pos.col, "Unexpected token '...'");
    }
    if (cv.shorthand_init) {
        p->nstk = base;
        return hx_p_error_at(p, cv.shorthand_pos.start, cv.shorthand_pos.line, cv.shorthand_pos.col,
                             "Invalid shorthand property initializer");
    }
    if (cv.double_proto) {
        p->nstk = base;
        return hx_p_error_at(p, cv.double_proto_pos.start, cv.double_proto_pos.line,
                             cv.double_proto_pos.col,
                             "Duplicate __proto__ fields are not allowed in object literals");
    }
    /* merge cover positions outward */
    if (save_y) {
        p->yield_pos = save_y;
        p->yield_ppos = save_yp;
    }
    if (save_a) {
        p->await_pos = save_a;
        p->await_ppos = save_ap;
    }
    if (save_ai) {
        p->await_ident_pos = save_ai;
        p->await_ident_ppos = save_aip;
    }
    hx_ast_node *e;
    if (n == 1) {
        e = p->stk[base];
        p->nstk = base;
    } else {
        e = hx_p_node(p, HX_AST_SEQUENCE, (ppos){p->stk[base]->start, p->stk[base]->line,
                                                 p->stk[base]->col});
        if (!e)
            return NULL;
        e->end = p->stk[p->nstk - 1]->end;
        e->u.sequence.expressions = hx_p_list(p, base);
    }
    if (e)
        e->flags |= HX_AST_F_PARENS;
    return e;
}

hx_ast_node *hx_p_arrow_params_convert(hx_parser *p, hx_ast_list *params)
{
    for (uint32_t i = 0; i < params->len; i++) {
        hx_ast_node *e = params->items[i];
        if (e->kind == HX_AST_REST) {
            if (!to_binding(p, e->u.unary_stmt.argument))
                return NULL;
            if (e->u.unary_stmt.argument->kind == HX_AST_ASSIGN_PATTERN)
                return ERR_NODE(e, "Invalid destructuring assignment target");
            continue;
        }
        if (!to_binding(p, e))
            return NULL;
    }
    return (hx_ast_node *)params;
}

/* ---- primary expressions -------------------------------------------------- */

static hx_ast_node *literal(hx_parser *p, int kind)
{
    hx_ast_node *n = hx_p_node(p, kind, hx_p_here(p));
    if (!n)
        return NULL;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

/* IdentifierReference, or the single parameter of `x => ...`. */
static hx_ast_node *ident_or_arrow(hx_parser *p)
{
    ppos at = hx_p_here(p);
    uint32_t mark = p->nscopes;
    pfunc snap = *p->fn;
    hx_ast_node *id = hx_p_ident_ref(p);
    if (!id || TOK.type != HX_T_ARROW || TOK.nl_before)
        return id;
    hx_ast_node **items = hx_arena_alloc(p->arena, sizeof(void *));
    if (!items)
        return hx_p_oom(p);
    items[0] = id;
    hx_ast_list l = {items, 1};
    return hx_p_arrow(p, at, l, false, mark, &snap);
}

/* `async` at the current token: async function expression, async arrow
 * `async x =>` / `async (...) =>`, or an identifier / call. */
static hx_ast_node *parse_async(hx_parser *p, pcover *cv)
{
    ppos at = hx_p_here(p);
    hx_token nt;
    int t = hx_p_peek(p, &nt);
    if (t == HX_T_NAME && nt.name->keyword == HX_KW_FUNCTION && !nt.escaped && !nt.nl_before) {
        hx_p_next(p);
        return hx_p_function(p, at, HX_AST_FUNCTION_EXPR, true, false, false);
    }
    if (p->ts && t == HX_T_LT && !nt.nl_before) {
        /* generic async arrow `async <T>(x: T) => ...` */
        pspec sp;
        hx_p_spec_save(p, &sp);
        hx_p_next(p);
        if (hx_ts_type_params(p) && TOK.type == HX_T_LPAREN) {
            p->ts_async_arrow = true;
            hx_ast_node *r = parse_paren(p);
            p->ts_async_arrow = false;
            if (r && r->kind == HX_AST_ARROW) {
                r->start = at.start;
                r->line = at.line;
                r->col = at.col;
                r->u.func.src_start = at.start;
                return r;
            }
        }
        hx_p_spec_restore(p, &sp);
    }
    if (t == HX_T_NAME && !nt.nl_before) {
        hx_lex_state st;
        hx_lex_save(&p->lx, &st);
        hx_lex_next(&p->lx);
        hx_lex_next(&p->lx);
        bool arrow = TOK.type == HX_T_ARROW;
        hx_lex_restore(&p->lx, &st);
        if (!arrow)
            return ident_or_arrow(p);
    }
    if (t == HX_T_NAME && !nt.nl_before) {
        /* async x => ... */
        hx_p_next(p);
        uint32_t mark = p->nscopes;
        pfunc snap = *p->fn;
        if (TOK.type != HX_T_NAME)
            return hx_p_unexpected(p);
        if (TOK.name->keyword == HX_KW_AWAIT)
            return hx_p_error_tok(p, "Unexpected reserved word 'await'");
        hx_ast_node *id = hx_p_node(p, HX_AST_IDENTIFIER, hx_p_here(p));
        if (!id)
            return NULL;
        id->u.ident.name = TOK.name;
        id->u.ident.escaped = TOK.escaped;
        hx_p_next(p);
        hx_p_finish(p, id);
        if (TOK.type != HX_T_ARROW || TOK.nl_before)
            return hx_p_unexpected(p);
        hx_ast_node **items = hx_arena_alloc(p->arena, sizeof(void *));
        if (!items)
            return hx_p_oom(p);
        items[0] = id;
        hx_ast_list l = {items, 1};
        return hx_p_arrow(p, at, l, true, mark, &snap);
    }
    if (t == HX_T_LPAREN && !nt.nl_before) {
        /* async ( ... ) — call or async arrow head */
        uint32_t save_y = p->yield_pos, save_a = p->await_pos, save_ai = p->await_ident_pos;
        ppos syp = p->yield_ppos, sap = p->await_ppos, saip = p->await_ident_ppos;
        p->yield_pos = p->await_pos = p->await_ident_pos = 0;
        uint32_t mark = p->nscopes;
        pfunc snap = *p->fn;
        hx_ast_node *callee = hx_p_ident_ref(p);
        if (!callee)
            return NULL;
        hx_p_next(p); /* ( */
        uint32_t base = p->nstk;
        pcover acv = {0};
        bool in = p->in_ok;
        p->in_ok = true;
        bool trailing = false;
        while (!p->failed && TOK.type != HX_T_RPAREN) {
            hx_ast_node *e;
            if (TOK.type == HX_T_ELLIPSIS) {
                ppos sat = hx_p_here(p);
                hx_p_next(p);
                e = hx_p_node(p, HX_AST_SPREAD, sat);
                hx_ast_node *a = hx_p_assign(p, &acv);
                if (!e || !a)
                    break;
                e->u.unary_stmt.argument = a;
                hx_p_finish(p, e);
            } else {
                e = hx_p_assign(p, &acv);
            }
            if (!e || !hx_p_push(p, e))
                break;
            if (TOK.type == HX_T_COMMA) {
                hx_p_next(p);
                if (TOK.type == HX_T_RPAREN)
                    trailing = true;
            } else if (TOK.type != HX_T_RPAREN) {
                hx_p_unexpected(p);
            }
        }
        p->in_ok = in;
        if (p->failed || !hx_p_expect(p, HX_T_RPAREN)) {
            p->nstk = base;
            return NULL;
        }
        if (p->ts && TOK.type == HX_T_COLON) {
            pspec sp;
            hx_p_spec_save(p, &sp);
            if (!(hx_ts_type_annotation(p) && TOK.type == HX_T_ARROW))
                hx_p_spec_restore(p, &sp);
        }
        if (TOK.type == HX_T_ARROW && !TOK.nl_before) {
            hx_ast_list params = hx_p_list(p, base);
            for (uint32_t i = 0; i < params.len; i++) {
                hx_ast_node *e = params.items[i];
                if (e->kind == HX_AST_SPREAD) {
                    if (i + 1 != params.len || trailing)
                        return ERR_NODE(e, "Rest parameter must be last formal parameter");
                    e->kind = HX_AST_REST;
                }
            }
            if (p->await_pos)
                return hx_p_error_at(p, p->await_ppos.start, p->await_ppos.line,
                                     p->await_ppos.col,
                                     "Await expression not allowed in formal parameter");
            if (p->await_ident_pos)
                return hx_p_error_at(p, p->await_ident_ppos.start, p->await_ident_ppos.line,
                                     p->await_ident_ppos.col, "Unexpected reserved word 'await'");
            if (p->yield_pos)
                return hx_p_error_at(p, p->yield_ppos.start, p->yield_ppos.line, p->yield_ppos.col,
                                     "Yield expression not allowed in formal parameter");
            p->yield_pos = save_y;
            p->await_pos = save_a;
            p->await_ident_pos = save_ai;
            p->yield_ppos = syp;
            p->await_ppos = sap;
            p->await_ident_ppos = saip;
            return hx_p_arrow(p, at, params, true, mark, &snap);
        }
        if (acv.shorthand_init) {
            p->nstk = base;
            return hx_p_error_at(p, acv.shorthand_pos.start, acv.shorthand_pos.line,
                                 acv.shorthand_pos.col, "Invalid shorthand property initializer");
        }
        if (acv.double_proto) {
            p->nstk = base;
            return hx_p_error_at(p, acv.double_proto_pos.start, acv.double_proto_pos.line,
                                 acv.double_proto_pos.col,
                                 "Duplicate __proto__ fields are not allowed in object literals");
        }
        if (save_y) {
            p->yield_pos = save_y;
            p->yield_ppos = syp;
        }
        if (save_a) {
            p->await_pos = save_a;
            p->await_ppos = sap;
        }
        if (save_ai) {
            p->await_ident_pos = save_ai;
            p->await_ident_ppos = saip;
        }
        hx_ast_node *call = hx_p_node(p, HX_AST_CALL, at);
        if (!call)
            return NULL;
        call->u.call.callee = callee;
        call->u.call.arguments = hx_p_list(p, base);
        return hx_p_finish(p, call);
    }
    (void)cv;
    return ident_or_arrow(p);
}

static hx_ast_node *parse_primary(hx_parser *p, pcover *cv)
{
    ppos at = hx_p_here(p);
    switch (TOK.type) {
    case HX_T_NAME: {
        const hx_ast_name *name = TOK.name;
        if (!TOK.escaped) {
            switch (name->keyword) {
            case HX_KW_THIS:
                hx_p_fn_use(p, USE_THIS);
                return literal(p, HX_AST_THIS);
            case HX_KW_NULL: return literal(p, HX_AST_NULL_LIT);
            case HX_KW_TRUE:
            case HX_KW_FALSE: {
                hx_ast_node *n = hx_p_node(p, HX_AST_BOOL_LIT, at);
                if (!n)
                    return NULL;
                n->u.boolean.value = name->keyword == HX_KW_TRUE;
                hx_p_next(p);
                return hx_p_finish(p, n);
            }
            case HX_KW_FUNCTION:
                return hx_p_function(p, at, HX_AST_FUNCTION_EXPR, false, false, false);
            case HX_KW_CLASS: return hx_p_class(p, at, false, false);
            case HX_KW_ASYNC: return parse_async(p, cv);
            case HX_KW_NEW:
            case HX_KW_SUPER:
            case HX_KW_IMPORT:
                return parse_call_member(p, cv, false);
            default: break;
            }
        }
        if (p->ts && name->keyword == HX_KW_ABSTRACT && !TOK.escaped) {
            hx_token nt;
            if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_CLASS && !nt.nl_before) {
                hx_p_next(p);
                return hx_p_class(p, at, false, false);
            }
        }
        return ident_or_arrow(p);
    }
    case HX_T_NUMBER: {
        if (TOK.legacy_octal && p->strict)
            return hx_p_error_tok(p, "Octal literals are not allowed in strict mode");
        hx_ast_node *n = hx_p_node(p, HX_AST_NUMBER_LIT, at);
        if (!n)
            return NULL;
        n->u.number.value = TOK.num;
        n->u.number.legacy_octal = TOK.legacy_octal;
        hx_p_next(p);
        return hx_p_finish(p, n);
    }
    case HX_T_BIGINT: {
        hx_ast_node *n = hx_p_node(p, HX_AST_BIGINT_LIT, at);
        if (!n)
            return NULL;
        n->u.bigint.digits = TOK.digits;
        n->u.bigint.len = TOK.digits_len;
        n->u.bigint.radix = TOK.radix;
        hx_p_next(p);
        return hx_p_finish(p, n);
    }
    case HX_T_STRING: {
        if (TOK.legacy_octal && p->strict)
            return hx_p_error_at(p, TOK.octal_pos, TOK.line, TOK.col,
                                 "Octal escape sequences are not allowed in strict mode");
        hx_ast_node *n = hx_p_node(p, HX_AST_STRING_LIT, at);
        if (!n)
            return NULL;
        n->u.string.chars = TOK.str;
        n->u.string.len = TOK.str_len;
        n->u.string.has_octal_escape = TOK.legacy_octal;
        hx_p_next(p);
        return hx_p_finish(p, n);
    }
    case HX_T_TEMPLATE: return hx_p_template(p, false);
    case HX_T_SLASH:
    case HX_T_SLASH_ASSIGN: return parse_regexp(p);
    case HX_T_LBRACKET: return parse_array(p, cv);
    case HX_T_LBRACE: return parse_object(p, cv);
    case HX_T_LPAREN: return parse_paren(p);
    case HX_T_LT:
        if (p->ts) {
            /* generic arrow `<T>(x: T) => x` or type assertion `<T>x` */
            pspec sp;
            hx_p_spec_save(p, &sp);
            if (hx_ts_type_params(p) && TOK.type == HX_T_LPAREN) {
                hx_ast_node *r = parse_paren(p);
                if (r && r->kind == HX_AST_ARROW)
                    return r;
            }
            hx_p_spec_restore(p, &sp);
            hx_p_next(p);
            if (!hx_ts_skip_type(p) || !hx_p_expect(p, HX_T_GT))
                return NULL;
            return parse_unary(p, NULL);
        }
        return hx_p_unexpected(p);
    case HX_T_PRIVATE: {
        /* `#x in obj` (ES2025 13.10): only before `in` */
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_IN && !nt.escaped &&
            p->in_ok) {
            hx_ast_node *n = hx_p_node(p, HX_AST_PRIVATE_NAME, at);
            if (!n)
                return NULL;
            n->u.ident.name = TOK.name;
            hx_p_private_ref(p, TOK.name, at);
            hx_p_next(p);
            return hx_p_finish(p, n);
        }
        return hx_p_unexpected(p);
    }
    default:
        return hx_p_unexpected(p);
    }
}

/* ---- arguments, member and call expressions -------------------------------- */

static bool parse_arguments(hx_parser *p, hx_ast_list *out)
{
    hx_p_next(p); /* ( */
    uint32_t base = p->nstk;
    bool in = p->in_ok;
    p->in_ok = true;
    while (!p->failed && TOK.type != HX_T_RPAREN) {
        hx_ast_node *e;
        if (TOK.type == HX_T_ELLIPSIS) {
            ppos sat = hx_p_here(p);
            hx_p_next(p);
            e = hx_p_node(p, HX_AST_SPREAD, sat);
            hx_ast_node *a = hx_p_assign(p, NULL);
            if (!e || !a)
                break;
            e->u.unary_stmt.argument = a;
            hx_p_finish(p, e);
        } else {
            e = hx_p_assign(p, NULL);
        }
        if (!e || !hx_p_push(p, e))
            break;
        if (TOK.type != HX_T_RPAREN && !hx_p_expect(p, HX_T_COMMA))
            break;
    }
    p->in_ok = in;
    if (p->failed || !hx_p_expect(p, HX_T_RPAREN)) {
        p->nstk = base;
        return false;
    }
    *out = hx_p_list(p, base);
    return !p->failed;
}

static hx_ast_node *parse_import_call_or_meta(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    if (TOK.type == HX_T_DOT) {
        hx_p_next(p);
        if (!hx_p_is_name(p, HX_KW_META))
            return hx_p_unexpected(p);
        if (TOK.escaped)
            return hx_p_error_tok(p, "'import.meta' must not contain escaped characters");
        if (!p->module)
            return hx_p_error_at(p, at.start, at.line, at.col,
                                 "Cannot use 'import.meta' outside a module");
        hx_ast_node *n = hx_p_node(p, HX_AST_META_PROPERTY, at);
        if (!n)
            return NULL;
        n->u.meta.kind = HX_META_IMPORT_META;
        hx_p_next(p);
        return hx_p_finish(p, n);
    }
    if (TOK.type != HX_T_LPAREN)
        return hx_p_unexpected(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_IMPORT_CALL, at);
    if (!n)
        return NULL;
    bool in = p->in_ok;
    p->in_ok = true;
    n->u.import_call.source = hx_p_assign(p, NULL);
    if (!n->u.import_call.source)
        return NULL;
    if (TOK.type == HX_T_COMMA) {
        hx_p_next(p);
        if (TOK.type != HX_T_RPAREN) {
            n->u.import_call.options = hx_p_assign(p, NULL);
            if (!n->u.import_call.options)
                return NULL;
            if (TOK.type == HX_T_COMMA)
                hx_p_next(p);
        }
    }
    p->in_ok = in;
    if (!hx_p_expect(p, HX_T_RPAREN))
        return NULL;
    return hx_p_finish(p, n);
}

/* MemberExpression / CallExpression / OptionalExpression / NewExpression.
 * no_call: parsing the callee of `new` (stops before arguments). */
static hx_ast_node *parse_call_member(hx_parser *p, pcover *cv, bool no_call)
{
    ppos at = hx_p_here(p);
    hx_ast_node *e = NULL;
    if (!hx_p_enter(p))
        return NULL;
    if (hx_p_is_kw(p, HX_KW_NEW)) {
        hx_p_next(p);
        if (TOK.type == HX_T_DOT) {
            hx_p_next(p);
            if (!hx_p_is_name(p, HX_KW_TARGET)) {
                hx_p_leave(p);
                return hx_p_unexpected(p);
            }
            if (TOK.escaped) {
                hx_p_leave(p);
                return hx_p_error_tok(p, "'new.target' must not contain escaped characters");
            }
            pfunc *f = this_fn(p);
            if (!f || (f->is_program && !f->new_target)) {
                hx_p_leave(p);
                return hx_p_error_at(p, at.start, at.line, at.col,
                                     "new.target expression is not allowed here");
            }
            hx_p_fn_use(p, USE_NEW_TARGET);
            e = hx_p_node(p, HX_AST_META_PROPERTY, at);
            if (!e) {
                hx_p_leave(p);
                return NULL;
            }
            e->u.meta.kind = HX_META_NEW_TARGET;
            hx_p_next(p);
            hx_p_finish(p, e);
        } else {
            if (hx_p_is_kw(p, HX_KW_IMPORT)) {
                hx_token nt;
                if (hx_p_peek(p, &nt) == HX_T_LPAREN) {
                    hx_p_leave(p);
                    return hx_p_error_tok(p, "Cannot use new with import");
                }
            }
            hx_ast_node *callee = parse_call_member(p, NULL, true);
            if (!callee) {
                hx_p_leave(p);
                return NULL;
            }
            if (callee->kind == HX_AST_ARROW && !(callee->flags & HX_AST_F_PARENS)) {
                hx_p_leave(p);
                return ERR_NODE(callee, "Unexpected arrow function");
            }
            if (callee->kind == HX_AST_CHAIN) {
                hx_p_leave(p);
                return ERR_NODE(callee, "Invalid optional chain from new expression");
            }
            if (p->ts && TOK.type == HX_T_LT && !hx_ts_try_type_args(p) && p->failed) {
                hx_p_leave(p);
                return NULL;
            }
            e = hx_p_node(p, HX_AST_NEW, at);
            if (!e) {
                hx_p_leave(p);
                return NULL;
            }
            e->u.call.callee = callee;
            if (TOK.type == HX_T_LPAREN) {
                if (!parse_arguments(p, &e->u.call.arguments)) {
                    hx_p_leave(p);
                    return NULL;
                }
            }
            hx_p_finish(p, e);
        }
    } else if (hx_p_is_kw(p, HX_KW_SUPER)) {
        hx_p_next(p);
        pfunc *f = this_fn(p);
        if (TOK.type == HX_T_LPAREN && !no_call) {
            if (!f || !f->super_call) {
                hx_p_leave(p);
                return hx_p_error_at(p, at.start, at.line, at.col, "'super' keyword unexpected here");
            }
            hx_p_fn_use(p, USE_SUPER_CALL);
        } else if (TOK.type == HX_T_DOT || TOK.type == HX_T_LBRACKET) {
            if (!f || !f->method) {
                hx_p_leave(p);
                return hx_p_error_at(p, at.start, at.line, at.col, "'super' keyword unexpected here");
            }
            hx_p_fn_use(p, USE_SUPER_PROP);
        } else {
            hx_p_leave(p);
            return hx_p_error_at(p, at.start, at.line, at.col, "'super' keyword unexpected here");
        }
        e = hx_p_node(p, HX_AST_SUPER, at);
        hx_p_finish(p, e);
    } else if (hx_p_is_kw(p, HX_KW_IMPORT)) {
        e = parse_import_call_or_meta(p);
        if (e && e->kind == HX_AST_IMPORT_CALL && no_call) {
            hx_p_leave(p);
            return ERR_NODE(e, "Cannot use new with import");
        }
    } else {
        e = parse_primary(p, cv);
    }
    if (!e || (e->kind == HX_AST_ARROW && !(e->flags & HX_AST_F_PARENS))) {
        hx_p_leave(p);
        return e;
    }
    bool chain = false;
    for (;;) {
        bool opt_bracket = false;
        if (p->failed)
            break;
        ppos lat = {e->start, e->line, e->col};
        int t = TOK.type;
        if (t == HX_T_DOT || t == HX_T_QDOT) {
            bool optional = t == HX_T_QDOT;
            if (optional && no_call) {
                hx_p_error_tok(p, "Invalid optional chain from new expression");
                break;
            }
            hx_p_next(p);
            if (optional) {
                chain = true;
                if (TOK.type == HX_T_LPAREN) {
                    hx_ast_node *c = hx_p_node(p, HX_AST_CALL, lat);
                    if (!c || !parse_arguments(p, &c->u.call.arguments))
                        break;
                    c->u.call.callee = e;
                    c->u.call.optional = true;
                    e = hx_p_finish(p, c);
                    continue;
                }
                if (TOK.type == HX_T_LBRACKET) {
                    opt_bracket = true;
                    goto computed;
                }
                if (TOK.type == HX_T_TEMPLATE) {
                    hx_p_error_tok(p, "Invalid tagged template on optional chain");
                    break;
                }
                if (p->ts && TOK.type == HX_T_LT) {
                    if (!hx_ts_try_type_args(p) && p->failed)
                        break;
                    if (TOK.type == HX_T_LPAREN) {
                        hx_ast_node *c = hx_p_node(p, HX_AST_CALL, lat);
                        if (!c || !parse_arguments(p, &c->u.call.arguments))
                            break;
                        c->u.call.callee = e;
                        c->u.call.optional = true;
                        e = hx_p_finish(p, c);
                        continue;
                    }
                }
            }
            hx_ast_node *m = hx_p_node(p, HX_AST_MEMBER, lat);
            if (!m)
                break;
            m->u.member.object = e;
            m->u.member.optional = optional;
            if (TOK.type == HX_T_PRIVATE) {
                if (e->kind == HX_AST_SUPER) {
                    hx_p_error_tok(p, "Unexpected private field");
                    break;
                }
                hx_ast_node *pn = hx_p_node(p, HX_AST_PRIVATE_NAME, hx_p_here(p));
                if (!pn)
                    break;
                pn->u.ident.name = TOK.name;
                hx_p_private_ref(p, TOK.name, hx_p_here(p));
                hx_p_next(p);
                m->u.member.property = hx_p_finish(p, pn);
            } else if (TOK.type == HX_T_NAME) {
                hx_ast_node *pn = hx_p_node(p, HX_AST_IDENTIFIER, hx_p_here(p));
                if (!pn)
                    break;
                pn->u.ident.name = TOK.name;
                pn->u.ident.escaped = TOK.escaped;
                hx_p_next(p);
                m->u.member.property = hx_p_finish(p, pn);
            } else {
                hx_p_unexpected(p);
                break;
            }
            e = hx_p_finish(p, m);
            continue;
        }
        if (t == HX_T_LBRACKET) {
        computed:
            hx_p_next(p);
            bool in = p->in_ok;
            p->in_ok = true;
            hx_ast_node *prop = hx_p_expression(p);
            p->in_ok = in;
            if (!prop || !hx_p_expect(p, HX_T_RBRACKET))
                break;
            hx_ast_node *m = hx_p_node(p, HX_AST_MEMBER, lat);
            if (!m)
                break;
            m->u.member.object = e;
            m->u.member.property = prop;
            m->u.member.computed = true;
            m->u.member.optional = opt_bracket;
            e = hx_p_finish(p, m);
            continue;
        }
        if (t == HX_T_TEMPLATE) {
            if (chain) {
                hx_p_error_tok(p, "Invalid tagged template on optional chain");
                break;
            }
            hx_ast_node *tt = hx_p_node(p, HX_AST_TAGGED_TEMPLATE, lat);
            hx_ast_node *q = hx_p_template(p, true);
            if (!tt || !q)
                break;
            tt->u.tagged.tag = e;
            tt->u.tagged.quasi = q;
            e = hx_p_finish(p, tt);
            continue;
        }
        if (t == HX_T_LPAREN && !no_call) {
            hx_ast_node *c = hx_p_node(p, HX_AST_CALL, lat);
            if (!c || !parse_arguments(p, &c->u.call.arguments))
                break;
            c->u.call.callee = e;
            if (e->kind == HX_AST_IDENTIFIER && e->u.ident.name->keyword == HX_KW_EVAL &&
                !chain) {
                c->u.call.direct_eval = true;
                hx_p_fn_use(p, USE_EVAL);
            }
            e = hx_p_finish(p, c);
            continue;
        }
        if (p->ts && t == HX_T_BANG && !TOK.nl_before) {
            /* non-null assertion `x!` */
            hx_p_next(p);
            e->end = p->prev_end;
            continue;
        }
        if (p->ts && t == HX_T_LT) {
            /* f<T>(x) / new C<T>() / f<T>`...` / instantiation expression */
            pspec sp;
            hx_p_spec_save(p, &sp);
            if (hx_ts_try_type_args(p) &&
                (TOK.type == HX_T_LPAREN || TOK.type == HX_T_TEMPLATE || no_call ||
                 ts_instantiation_end(p))) {
                if (no_call)
                    break;
                continue;
            }
            hx_p_spec_restore(p, &sp);
        }
        break;
    }
    hx_p_leave(p);
    if (p->failed)
        return NULL;
    if (e->kind == HX_AST_SUPER)
        return ERR_NODE(e, "'super' keyword unexpected here");
    if (chain) {
        hx_ast_node *c = hx_p_node(p, HX_AST_CHAIN, (ppos){e->start, e->line, e->col});
        if (!c)
            return NULL;
        c->u.unary_stmt.argument = e;
        c->end = e->end;
        e = c;
    }
    return e;
}

hx_ast_node *hx_p_lhs(hx_parser *p)
{
    return parse_call_member(p, NULL, false);
}

/* ---- unary, binary, conditional ------------------------------------------- */

static hx_ast_node *parse_postfix(hx_parser *p, pcover *cv)
{
    hx_ast_node *e = parse_call_member(p, cv, false);
    if (!e || (e->kind == HX_AST_ARROW && !(e->flags & HX_AST_F_PARENS)))
        return e;
    if ((TOK.type == HX_T_INC || TOK.type == HX_T_DEC) && !TOK.nl_before) {
        if (!is_simple_target(p, e, false))
            return ERR_NODE(e, e->kind == HX_AST_IDENTIFIER
                                   ? "Unexpected eval or arguments in strict mode"
                                   : "Invalid left-hand side expression in postfix operation");
        hx_ast_node *u = hx_p_node(p, HX_AST_UPDATE, (ppos){e->start, e->line, e->col});
        if (!u)
            return NULL;
        u->u.update.op = TOK.type == HX_T_INC ? HX_OP_INC : HX_OP_DEC;
        u->u.update.argument = e;
        hx_p_next(p);
        return hx_p_finish(p, u);
    }
    return e;
}

static hx_ast_node *parse_unary(hx_parser *p, pcover *cv)
{
    ppos at = hx_p_here(p);
    int op = -1;
    switch (TOK.type) {
    case HX_T_MINUS: op = HX_OP_NEG; break;
    case HX_T_PLUS: op = HX_OP_PLUS; break;
    case HX_T_BANG: op = HX_OP_NOT; break;
    case HX_T_TILDE: op = HX_OP_BIT_NOT; break;
    case HX_T_INC:
    case HX_T_DEC: {
        int uop = TOK.type == HX_T_INC ? HX_OP_INC : HX_OP_DEC;
        hx_p_next(p);
        if (!hx_p_enter(p))
            return NULL;
        hx_ast_node *a = parse_unary(p, NULL);
        hx_p_leave(p);
        if (!a)
            return NULL;
        if (!is_simple_target(p, a, false))
            return ERR_NODE(a, a->kind == HX_AST_IDENTIFIER
                                   ? "Unexpected eval or arguments in strict mode"
                                   : "Invalid left-hand side expression in prefix operation");
        hx_ast_node *u = hx_p_node(p, HX_AST_UPDATE, at);
        if (!u)
            return NULL;
        u->u.update.op = (uint8_t)uop;
        u->u.update.prefix = true;
        u->u.update.argument = a;
        return hx_p_finish(p, u);
    }
    case HX_T_NAME:
        if (TOK.escaped)
            break;
        switch (TOK.name->keyword) {
        case HX_KW_TYPEOF: op = HX_OP_TYPEOF; break;
        case HX_KW_VOID: op = HX_OP_VOID; break;
        case HX_KW_DELETE: op = HX_OP_DELETE; break;
        case HX_KW_AWAIT:
            if (p->await_expr || (p->module && p->fn->is_program)) {
                if (p->fn->in_params)
                    return hx_p_error_tok(p, "Await expression not allowed in formal parameter");
                if (p->fn && p->fn->static_block)
                    return hx_p_unexpected(p);
                if (!p->await_pos) {
                    p->await_pos = at.start + 1;
                    p->await_ppos = at;
                }
                if (p->fn->is_program)
                    p->has_tla = true;
                hx_p_next(p);
                if (!hx_p_enter(p))
                    return NULL;
                hx_ast_node *a = parse_unary(p, NULL);
                hx_p_leave(p);
                if (!a)
                    return NULL;
                hx_ast_node *u = hx_p_node(p, HX_AST_AWAIT, at);
                if (!u)
                    return NULL;
                u->u.unary_stmt.argument = a;
                return hx_p_finish(p, u);
            }
            break;
        default: break;
        }
        break;
    default: break;
    }
    if (op < 0) {
        hx_ast_node *e = parse_postfix(p, cv);
        if (e && p->ts && !(e->kind == HX_AST_ARROW && !(e->flags & HX_AST_F_PARENS))) {
            /* `x as T`, `x satisfies T` bind tighter than binary operators */
            while (!p->failed && (hx_p_is_kw(p, HX_KW_AS) || hx_p_is_kw(p, HX_KW_SATISFIES)) &&
                   !TOK.nl_before) {
                hx_p_next(p);
                if (hx_p_is_kw(p, HX_KW_CONST))
                    hx_p_next(p);
                else if (!hx_ts_skip_type(p))
                    return NULL;
                e->end = p->prev_end;
            }
        }
        return p->failed ? NULL : e;
    }
    hx_p_next(p);
    if (!hx_p_enter(p))
        return NULL;
    hx_ast_node *a = parse_unary(p, NULL);
    hx_p_leave(p);
    if (!a)
        return NULL;
    if (op == HX_OP_DELETE) {
        if (p->strict && a->kind == HX_AST_IDENTIFIER)
            return ERR_NODE(a, "Delete of an unqualified identifier in strict mode.");
        hx_ast_node *m = a->kind == HX_AST_CHAIN ? a->u.unary_stmt.argument : a;
        if (m->kind == HX_AST_MEMBER && m->u.member.property->kind == HX_AST_PRIVATE_NAME)
            return ERR_NODE(a, "Private fields can not be deleted");
    }
    hx_ast_node *u = hx_p_node(p, HX_AST_UNARY, at);
    if (!u)
        return NULL;
    u->u.unary.op = (uint8_t)op;
    u->u.unary.argument = a;
    hx_p_finish(p, u);
    if (TOK.type == HX_T_STARSTAR)
        return hx_p_error_tok(p, "Unary operator used immediately before exponentiation "
                                 "expression. Parenthesis must be used to disambiguate operator "
                                 "precedence");
    return u;
}

/* Binary operator precedence (0 = not a binary operator here). */
static int binop(hx_parser *p, int *op)
{
    switch (TOK.type) {
    case HX_T_NULLISH: *op = HX_OP_NULLISH; return 1;
    case HX_T_OR: *op = HX_OP_OR; return 2;
    case HX_T_AND: *op = HX_OP_AND; return 3;
    case HX_T_PIPE: *op = HX_OP_BIT_OR; return 4;
    case HX_T_CARET: *op = HX_OP_BIT_XOR; return 5;
    case HX_T_AMP: *op = HX_OP_BIT_AND; return 6;
    case HX_T_EQ: *op = HX_OP_EQ; return 7;
    case HX_T_NE: *op = HX_OP_NE; return 7;
    case HX_T_SEQ: *op = HX_OP_STRICT_EQ; return 7;
    case HX_T_SNE: *op = HX_OP_STRICT_NE; return 7;
    case HX_T_LT: *op = HX_OP_LT; return 8;
    case HX_T_GT: *op = HX_OP_GT; return 8;
    case HX_T_LE: *op = HX_OP_LE; return 8;
    case HX_T_GE: *op = HX_OP_GE; return 8;
    case HX_T_NAME:
        if (TOK.escaped)
            return 0;
        if (TOK.name->keyword == HX_KW_INSTANCEOF) {
            *op = HX_OP_INSTANCEOF;
            return 8;
        }
        if (TOK.name->keyword == HX_KW_IN && p->in_ok) {
            *op = HX_OP_IN;
            return 8;
        }
        return 0;
    case HX_T_SHL: *op = HX_OP_SHL; return 9;
    case HX_T_SAR: *op = HX_OP_SAR; return 9;
    case HX_T_SHR: *op = HX_OP_SHR; return 9;
    case HX_T_PLUS: *op = HX_OP_ADD; return 10;
    case HX_T_MINUS: *op = HX_OP_SUB; return 10;
    case HX_T_STAR: *op = HX_OP_MUL; return 11;
    case HX_T_SLASH: *op = HX_OP_DIV; return 11;
    case HX_T_PERCENT: *op = HX_OP_MOD; return 11;
    case HX_T_STARSTAR: *op = HX_OP_EXP; return 12;
    default: return 0;
    }
}

static hx_ast_node *parse_binary(hx_parser *p, pcover *cv, int min_prec)
{
    hx_ast_node *left = parse_unary(p, cv);
    if (!left || (left->kind == HX_AST_ARROW && !(left->flags & HX_AST_F_PARENS)))
        return left;
    if (left->kind == HX_AST_PRIVATE_NAME && !hx_p_is_kw(p, HX_KW_IN))
        return ERR_NODE(left, "Unexpected private name");
    for (;;) {
        int op;
        int prec = binop(p, &op);
        if (!prec || prec < min_prec)
            break;
        if (left->kind == HX_AST_PRIVATE_NAME && op != HX_OP_IN)
            return ERR_NODE(left, "Unexpected private name");
        if (left->kind == HX_AST_PRIVATE_NAME && prec < 8)
            break;
        hx_p_next(p);
        if (!hx_p_enter(p))
            return NULL;
        /* ** is right-associative */
        hx_ast_node *right = parse_binary(p, NULL, op == HX_OP_EXP ? prec : prec + 1);
        hx_p_leave(p);
        if (!right)
            return NULL;
        if (right->kind == HX_AST_ARROW && !(right->flags & HX_AST_F_PARENS))
            return ERR_NODE(right, "Malformed arrow function parameter list");
        if (op == HX_OP_EXP && left->kind == HX_AST_UNARY && !(left->flags & HX_AST_F_PARENS))
            return ERR_NODE(left, "Unary operator used immediately before exponentiation "
                                  "expression");
        if (op == HX_OP_EXP && left->kind == HX_AST_AWAIT && !(left->flags & HX_AST_F_PARENS))
            return ERR_NODE(left, "Unary operator used immediately before exponentiation "
                                  "expression");
        /* ?? cannot mix with && / || without parentheses (ES2025 13.13) */
        if (op == HX_OP_NULLISH || op == HX_OP_AND || op == HX_OP_OR) {
            hx_ast_node *sides[2] = {left, right};
            for (int k = 0; k < 2; k++) {
                hx_ast_node *s = sides[k];
                if (s->kind == HX_AST_LOGICAL && !(s->flags & HX_AST_F_PARENS) &&
                    ((op == HX_OP_NULLISH) != (s->u.binary.op == HX_OP_NULLISH)))
                    return ERR_NODE(s, "Cannot mix ?? with && or || without parentheses");
            }
        }
        int kind = (op == HX_OP_AND || op == HX_OP_OR || op == HX_OP_NULLISH) ? HX_AST_LOGICAL
                                                                              : HX_AST_BINARY;
        hx_ast_node *b;
        if (left->kind == HX_AST_PRIVATE_NAME) {
            b = hx_p_node(p, HX_AST_PRIVATE_IN, (ppos){left->start, left->line, left->col});
            if (!b)
                return NULL;
            b->u.private_in.name = left;
            b->u.private_in.right = right;
        } else {
            b = hx_p_node(p, kind, (ppos){left->start, left->line, left->col});
            if (!b)
                return NULL;
            b->u.binary.op = (uint8_t)op;
            b->u.binary.left = left;
            b->u.binary.right = right;
        }
        left = hx_p_finish(p, b);
    }
    if (left->kind == HX_AST_PRIVATE_NAME)
        return ERR_NODE(left, "Unexpected private name");
    return left;
}

static hx_ast_node *parse_conditional(hx_parser *p, pcover *cv)
{
    hx_ast_node *test = parse_binary(p, cv, 1);
    if (!test || TOK.type != HX_T_QUESTION ||
        (test->kind == HX_AST_ARROW && !(test->flags & HX_AST_F_PARENS)))
        return test;
    if (p->ts) {
        /* `(a?: T) =>`, `(a?, b) =>`, `(a?) =>`, `(a? = 1) =>`: an optional
         * arrow parameter, left for parse_paren (no conditional continues so) */
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_COLON || t == HX_T_COMMA || t == HX_T_RPAREN || t == HX_T_ASSIGN)
            return test;
    }
    hx_p_next(p);
    bool in = p->in_ok;
    p->in_ok = true;
    hx_ast_node *c = hx_p_assign(p, NULL);
    p->in_ok = in;
    if (!c || !hx_p_expect(p, HX_T_COLON))
        return NULL;
    hx_ast_node *a = hx_p_assign(p, NULL);
    if (!a)
        return NULL;
    hx_ast_node *n = hx_p_node(p, HX_AST_CONDITIONAL, (ppos){test->start, test->line, test->col});
    if (!n)
        return NULL;
    n->u.if_.test = test;
    n->u.if_.consequent = c;
    n->u.if_.alternate = a;
    return hx_p_finish(p, n);
}

static int assign_op(int t)
{
    switch (t) {
    case HX_T_ASSIGN: return HX_OP_ASSIGN;
    case HX_T_PLUS_ASSIGN: return HX_OP_ADD;
    case HX_T_MINUS_ASSIGN: return HX_OP_SUB;
    case HX_T_STAR_ASSIGN: return HX_OP_MUL;
    case HX_T_SLASH_ASSIGN: return HX_OP_DIV;
    case HX_T_PERCENT_ASSIGN: return HX_OP_MOD;
    case HX_T_STARSTAR_ASSIGN: return HX_OP_EXP;
    case HX_T_SHL_ASSIGN: return HX_OP_SHL;
    case HX_T_SAR_ASSIGN: return HX_OP_SAR;
    case HX_T_SHR_ASSIGN: return HX_OP_SHR;
    case HX_T_AMP_ASSIGN: return HX_OP_BIT_AND;
    case HX_T_PIPE_ASSIGN: return HX_OP_BIT_OR;
    case HX_T_CARET_ASSIGN: return HX_OP_BIT_XOR;
    case HX_T_AND_ASSIGN: return HX_OP_AND;
    case HX_T_OR_ASSIGN: return HX_OP_OR;
    case HX_T_NULLISH_ASSIGN: return HX_OP_NULLISH;
    default: return -1;
    }
}

hx_ast_node *hx_p_assign(hx_parser *p, pcover *outer)
{
    if (p->failed || !hx_p_enter(p))
        return NULL;
    hx_ast_node *res = NULL;
    if (hx_p_is_name(p, HX_KW_YIELD) && p->yield_expr) {
        if (TOK.escaped) {
            hx_p_error_tok(p, "Keyword must not contain escaped characters");
        } else {
            res = parse_yield(p);
        }
        hx_p_leave(p);
        return res;
    }
    pcover local = {0};
    pcover *cv = outer ? outer : &local;
    pcover saved = *cv;
    if (outer)
        memset(cv, 0, sizeof(*cv));
    hx_ast_node *left = parse_conditional(p, cv);
    if (!left)
        goto out;
    if (left->kind == HX_AST_ARROW && !(left->flags & HX_AST_F_PARENS)) {
        res = left;
        goto merge;
    }
    int op = assign_op(TOK.type);
    if (op >= 0) {
        if (op == HX_OP_ASSIGN) {
            bool web_call = left->kind == HX_AST_CALL && !p->strict && !left->u.call.optional;
            if (!web_call && !hx_p_to_assign_target(p, left, true))
                goto out;
            if (left->kind == HX_AST_ARRAY_PATTERN || left->kind == HX_AST_OBJECT_PATTERN) {
                cv->shorthand_init = 0;
                cv->double_proto = 0;
            }
        } else if (!is_simple_target(p, left, true) ||
                   ((op == HX_OP_AND || op == HX_OP_OR || op == HX_OP_NULLISH) &&
                    left->kind == HX_AST_CALL)) {
            if (!p->failed)
                ERR_NODE(left, "Invalid left-hand side in assignment");
            goto out;
        }
        hx_p_next(p);
        hx_ast_node *v = hx_p_assign(p, NULL);
        if (!v)
            goto out;
        hx_ast_node *n = hx_p_node(p, HX_AST_ASSIGN, (ppos){left->start, left->line, left->col});
        if (!n)
            goto out;
        n->u.assign.op = (uint8_t)op;
        n->u.assign.target = left;
        n->u.assign.value = v;
        res = hx_p_finish(p, n);
    } else {
        res = left;
    }
merge:
    if (!outer) {
        if (cv->shorthand_init) {
            res = hx_p_error_at(p, cv->shorthand_pos.start, cv->shorthand_pos.line,
                                cv->shorthand_pos.col, "Invalid shorthand property initializer");
        } else if (cv->double_proto) {
            res = hx_p_error_at(p, cv->double_proto_pos.start, cv->double_proto_pos.line,
                                cv->double_proto_pos.col,
                                "Duplicate __proto__ fields are not allowed in object literals");
        }
    } else {
        if (saved.shorthand_init) {
            cv->shorthand_init = saved.shorthand_init;
            cv->shorthand_pos = saved.shorthand_pos;
        }
        if (saved.double_proto) {
            cv->double_proto = saved.double_proto;
            cv->double_proto_pos = saved.double_proto_pos;
        }
    }
out:
    hx_p_leave(p);
    return p->failed ? NULL : res;
}

hx_ast_node *hx_p_expression(hx_parser *p)
{
    hx_ast_node *e = hx_p_assign(p, NULL);
    if (!e || TOK.type != HX_T_COMMA)
        return e;
    uint32_t base = p->nstk;
    hx_p_push(p, e);
    while (TOK.type == HX_T_COMMA && !p->failed) {
        hx_p_next(p);
        hx_ast_node *x = hx_p_assign(p, NULL);
        if (!x)
            break;
        hx_p_push(p, x);
    }
    if (p->failed) {
        p->nstk = base;
        return NULL;
    }
    hx_ast_node *s = hx_p_node(p, HX_AST_SEQUENCE, (ppos){e->start, e->line, e->col});
    if (!s)
        return NULL;
    s->u.sequence.expressions = hx_p_list(p, base);
    return hx_p_finish(p, s);
}
