/*
 * ts_parse.c — TypeScript syntax that is parsed and dropped (DESIGN.md §6):
 * type annotations, type parameters/arguments, interfaces, type aliases,
 * `declare` (ambient) declarations, modifiers, overload signatures.  Types
 * are consumed token by token with a small recursive grammar (object types
 * and interface bodies member by member, so a malformed member is reported
 * where tsc reports it); nothing reaches the AST.  Where TypeScript's
 * grammar is ambiguous (`(` starting a function type or a parenthesized
 * type, `<` after a type name) the parser looks ahead and backtracks.
 * Invariant: these functions only consume tokens and report errors; they
 * never declare bindings.
 */
#include "parse/parser_int.h"

static bool type_primary(hx_parser *p);

static bool expect_gt(hx_parser *p)
{
    if (TOK.type == HX_T_SAR || TOK.type == HX_T_SHR || TOK.type == HX_T_GE ||
        TOK.type == HX_T_SAR_ASSIGN || TOK.type == HX_T_SHR_ASSIGN)
        hx_lex_split_gt(&p->lx);
    return hx_p_expect(p, HX_T_GT);
}

/* `<A, B>` type arguments (current token `<`). */
static bool type_args(hx_parser *p)
{
    if (!hx_p_expect(p, HX_T_LT))
        return false;
    while (!p->failed) {
        if (!hx_ts_skip_type(p))
            return false;
        if (TOK.type != HX_T_COMMA)
            break;
        hx_p_next(p);
    }
    return expect_gt(p);
}

bool hx_ts_try_type_args(hx_parser *p)
{
    return type_args(p);
}

/* Skips a template literal type `a${T}b` (current token TEMPLATE). */
static bool skip_template(hx_parser *p)
{
    while (!p->failed) {
        bool tail = TOK.tail;
        hx_p_next(p);
        if (tail)
            return !p->failed;
        if (!hx_ts_skip_type(p))
            return false;
        if (TOK.type != HX_T_RBRACE) {
            hx_p_unexpected(p);
            return false;
        }
        hx_lex_rescan_template(&p->lx);
        if (TOK.type != HX_T_TEMPLATE) {
            hx_p_unexpected(p);
            return false;
        }
    }
    return false;
}

/* Skips a balanced (), [] or {} group including the closing token. */
static bool skip_group(hx_parser *p)
{
    int depth = 0;
    do {
        switch (TOK.type) {
        case HX_T_LPAREN: case HX_T_LBRACKET: case HX_T_LBRACE: depth++; break;
        case HX_T_RPAREN: case HX_T_RBRACKET: case HX_T_RBRACE: depth--; break;
        case HX_T_EOF: hx_p_unexpected(p); return false;
        case HX_T_TEMPLATE:
            if (!skip_template(p))
                return false;
            continue;
        default: break;
        }
        hx_p_next(p);
    } while (depth > 0 && !p->failed);
    return !p->failed;
}

static bool is_kw(hx_parser *p, int kw)
{
    return hx_p_is_kw(p, kw);
}

/* ---- object type members: interface bodies and `{ ... }` types ---------- */

static bool starts_member_name(int t)
{
    return t == HX_T_NAME || t == HX_T_STRING || t == HX_T_NUMBER || t == HX_T_LBRACKET ||
           t == HX_T_PRIVATE;
}

/* Call, construct or method signature from `<` or `(`: `<T>(a: T): R`. */
static bool signature(hx_parser *p)
{
    if (TOK.type == HX_T_LT && !hx_ts_type_params(p))
        return false;
    if (TOK.type != HX_T_LPAREN)
        return hx_p_unexpected(p) != NULL;
    return skip_group(p) && hx_ts_type_annotation(p);
}

/* `{ readonly [K in T as N]-?: V }` — after `{`; is this a mapped type? */
static bool starts_mapped(hx_parser *p)
{
    pspec sp;
    hx_p_spec_save(p, &sp);
    if (TOK.type == HX_T_PLUS || TOK.type == HX_T_MINUS)
        hx_p_next(p);
    hx_token nt;
    if (is_kw(p, HX_KW_READONLY) && hx_p_peek(p, &nt) == HX_T_LBRACKET)
        hx_p_next(p);
    bool mapped = false;
    if (TOK.type == HX_T_LBRACKET) {
        hx_p_next(p);
        if (TOK.type == HX_T_NAME) {
            hx_p_next(p);
            mapped = hx_p_is_kw(p, HX_KW_IN);
        }
    }
    hx_p_spec_restore(p, &sp);
    return mapped;
}

static bool mapped_type(hx_parser *p)
{
    if (TOK.type == HX_T_PLUS || TOK.type == HX_T_MINUS)
        hx_p_next(p);
    if (is_kw(p, HX_KW_READONLY))
        hx_p_next(p);
    hx_p_next(p); /* [ */
    hx_p_next(p); /* K */
    hx_p_next(p); /* in */
    if (!hx_ts_skip_type(p))
        return false;
    if (is_kw(p, HX_KW_AS)) {
        hx_p_next(p);
        if (!hx_ts_skip_type(p))
            return false;
    }
    if (!hx_p_expect(p, HX_T_RBRACKET))
        return false;
    if (TOK.type == HX_T_PLUS || TOK.type == HX_T_MINUS) {
        hx_p_next(p);
        if (TOK.type != HX_T_QUESTION)
            return hx_p_unexpected(p) != NULL;
    }
    if (TOK.type == HX_T_QUESTION)
        hx_p_next(p);
    if (!hx_ts_type_annotation(p))
        return false;
    if (TOK.type == HX_T_SEMI || TOK.type == HX_T_COMMA)
        hx_p_next(p);
    return hx_p_expect(p, HX_T_RBRACE);
}

/* One member of an object type: property, method, call / construct /
 * index signature, accessor. */
static bool type_member(hx_parser *p)
{
    hx_token nt;
    if (TOK.type == HX_T_LPAREN || TOK.type == HX_T_LT)
        return signature(p);
    if (is_kw(p, HX_KW_NEW)) {
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_LPAREN || t == HX_T_LT) {
            hx_p_next(p);
            return signature(p);
        }
    }
    if (is_kw(p, HX_KW_READONLY) || is_kw(p, HX_KW_GET) || is_kw(p, HX_KW_SET)) {
        int t = hx_p_peek(p, &nt);
        if (starts_member_name(t) && !nt.nl_before)
            hx_p_next(p);
    }
    if (TOK.type == HX_T_LBRACKET) {
        /* index signature `[k: K]: V`, or a computed name `[Symbol.iterator]` */
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_NAME) {
            pspec sp;
            hx_p_spec_save(p, &sp);
            hx_p_next(p);
            hx_p_next(p);
            bool index = TOK.type == HX_T_COLON;
            hx_p_spec_restore(p, &sp);
            if (index) {
                hx_p_next(p);
                hx_p_next(p);
                return hx_ts_type_annotation(p) && hx_p_expect(p, HX_T_RBRACKET) &&
                       hx_ts_type_annotation(p);
            }
        }
        if (!skip_group(p))
            return false;
    } else if (starts_member_name(TOK.type)) {
        /* like tsc: a name not followed by `?`, `:`, `(`, `<`, a separator
         * or a line break does not start a member */
        ppos at = hx_p_here(p);
        int t = hx_p_peek(p, &nt);
        if (!(t == HX_T_QUESTION || t == HX_T_COLON || t == HX_T_LPAREN || t == HX_T_LT ||
              t == HX_T_SEMI || t == HX_T_COMMA || t == HX_T_RBRACE || nt.nl_before))
            return hx_p_error_at(p, at.start, at.line, at.col, "Property or signature expected") !=
                   NULL;
        hx_p_next(p);
    } else {
        return hx_p_error_tok(p, "Property or signature expected") != NULL;
    }
    if (TOK.type == HX_T_QUESTION)
        hx_p_next(p);
    if (TOK.type == HX_T_LPAREN || TOK.type == HX_T_LT)
        return signature(p);
    return hx_ts_type_annotation(p);
}

/* `{ members }` of an interface or object type (current token `{`);
 * members are separated by `;`, `,` or a line break. */
static bool type_members(hx_parser *p)
{
    if (!hx_p_expect(p, HX_T_LBRACE))
        return false;
    if (starts_mapped(p))
        return mapped_type(p);
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        if (!type_member(p))
            return false;
        if (TOK.type == HX_T_SEMI || TOK.type == HX_T_COMMA)
            hx_p_next(p);
        else if (TOK.type != HX_T_RBRACE && !TOK.nl_before)
            return hx_p_unexpected(p) != NULL;
    }
    return hx_p_expect(p, HX_T_RBRACE);
}

/* At `(` in a type: does a function type's parameter list start here, rather
 * than a parenthesized type?  `()`, `(...`, `(a:`, `(a?`, `(a,`, `(a =`,
 * `(a) =>` and destructured parameters `([a]:` / `({a}) =>` are parameters;
 * `((x: T) => U)` and `(A | B)` are not.  Looks ahead and restores. */
static bool starts_function_type(hx_parser *p)
{
    pspec sp;
    hx_p_spec_save(p, &sp);
    hx_p_next(p);
    bool fn = false;
    if (TOK.type == HX_T_RPAREN || TOK.type == HX_T_ELLIPSIS) {
        fn = true;
    } else if (TOK.type == HX_T_NAME || TOK.type == HX_T_LBRACKET || TOK.type == HX_T_LBRACE) {
        if (TOK.type == HX_T_NAME) {
            uint32_t mods = 0;
            hx_ts_skip_modifiers(p, &mods);
            hx_p_next(p);
        } else if (!skip_group(p)) {
            hx_p_spec_restore(p, &sp);
            return false;
        }
        int t = TOK.type;
        if (t == HX_T_COLON || t == HX_T_COMMA || t == HX_T_QUESTION || t == HX_T_ASSIGN) {
            fn = true;
        } else if (t == HX_T_RPAREN) {
            hx_p_next(p);
            fn = TOK.type == HX_T_ARROW;
        }
    }
    hx_p_spec_restore(p, &sp);
    return fn;
}

/* `<...>` after a type name: type arguments if they parse, otherwise the `<`
 * belongs to the enclosing expression (`x as number < y`). */
static bool try_type_args_in_type(hx_parser *p)
{
    pspec sp;
    hx_p_spec_save(p, &sp);
    if (type_args(p))
        return true;
    if (p->err->out_of_memory)
        return false;
    hx_p_spec_restore(p, &sp);
    return true;
}

static bool type_primary(hx_parser *p)
{
    if (!hx_p_enter(p))
        return false;
    bool ok = true;
    switch (TOK.type) {
    case HX_T_LPAREN:
        if (starts_function_type(p)) {
            /* function type `(a: T) => R` */
            ok = skip_group(p) && hx_p_expect(p, HX_T_ARROW) && hx_ts_skip_type(p);
        } else {
            /* parenthesized type `(A | B)[]` */
            hx_p_next(p);
            ok = hx_ts_skip_type(p) && hx_p_expect(p, HX_T_RPAREN);
        }
        break;
    case HX_T_LT:
        /* generic function type `<T>(x: T) => T` */
        ok = hx_ts_type_params(p) && skip_group(p) && hx_p_expect(p, HX_T_ARROW) &&
             hx_ts_skip_type(p);
        break;
    case HX_T_LBRACKET: ok = skip_group(p); break;
    case HX_T_LBRACE: ok = type_members(p); break;
    case HX_T_STRING:
    case HX_T_NUMBER:
    case HX_T_BIGINT: hx_p_next(p); break;
    case HX_T_MINUS:
        hx_p_next(p);
        if (TOK.type != HX_T_NUMBER && TOK.type != HX_T_BIGINT)
            ok = hx_p_unexpected(p) != NULL;
        else
            hx_p_next(p);
        break;
    case HX_T_TEMPLATE:
        ok = skip_template(p);
        break;
    case HX_T_NAME:
        if (is_kw(p, HX_KW_TYPEOF)) {
            hx_p_next(p);
            if (is_kw(p, HX_KW_IMPORT)) {
                hx_p_next(p);
                ok = skip_group(p);
            } else {
                hx_p_next(p);
            }
            while (ok && TOK.type == HX_T_DOT) {
                hx_p_next(p);
                hx_p_next(p);
            }
            if (ok && TOK.type == HX_T_LT && !TOK.nl_before)
                ok = type_args(p);
        } else if (is_kw(p, HX_KW_KEYOF) || is_kw(p, HX_KW_UNIQUE) || is_kw(p, HX_KW_READONLY)) {
            hx_p_next(p);
            ok = type_primary(p);
            while (ok && TOK.type == HX_T_LBRACKET && !TOK.nl_before)
                ok = skip_group(p);
        } else if (is_kw(p, HX_KW_INFER)) {
            hx_p_next(p);
            hx_p_next(p);
            if (is_kw(p, HX_KW_EXTENDS)) {
                hx_p_next(p);
                ok = type_primary(p);
            }
        } else if (is_kw(p, HX_KW_NEW) || is_kw(p, HX_KW_ABSTRACT)) {
            if (is_kw(p, HX_KW_ABSTRACT))
                hx_p_next(p);
            hx_p_next(p);
            if (TOK.type == HX_T_LT && !hx_ts_type_params(p))
                return false;
            ok = skip_group(p) && hx_p_expect(p, HX_T_ARROW) && hx_ts_skip_type(p);
        } else if (is_kw(p, HX_KW_IMPORT)) {
            hx_p_next(p);
            ok = skip_group(p);
            while (ok && TOK.type == HX_T_DOT) {
                hx_p_next(p);
                hx_p_next(p);
            }
            if (ok && TOK.type == HX_T_LT)
                ok = type_args(p);
        } else {
            hx_p_next(p);
            while (TOK.type == HX_T_DOT) {
                hx_p_next(p);
                if (TOK.type != HX_T_NAME)
                    return hx_p_unexpected(p) != NULL;
                hx_p_next(p);
            }
            if (TOK.type == HX_T_LT && !TOK.nl_before)
                ok = try_type_args_in_type(p);
            /* type predicate `x is T` */
            if (ok && is_kw(p, HX_KW_IS) && !TOK.nl_before) {
                hx_p_next(p);
                ok = hx_ts_skip_type(p);
            }
        }
        break;
    default: ok = hx_p_unexpected(p) != NULL; break;
    }
    /* postfix: T[] / T[K] */
    while (ok && !p->failed && TOK.type == HX_T_LBRACKET && !TOK.nl_before)
        ok = skip_group(p);
    hx_p_leave(p);
    return ok && !p->failed;
}

bool hx_ts_skip_type(hx_parser *p)
{
    if (!hx_p_enter(p))
        return false;
    if (TOK.type == HX_T_PIPE || TOK.type == HX_T_AMP)
        hx_p_next(p);
    if (is_kw(p, HX_KW_ASSERTS)) {
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_NAME && !nt.nl_before) {
            hx_p_next(p);
            hx_p_next(p);
            if (is_kw(p, HX_KW_IS)) {
                hx_p_next(p);
                if (!hx_ts_skip_type(p))
                    return false;
            }
            hx_p_leave(p);
            return true;
        }
    }
    bool ok = type_primary(p);
    while (ok && (TOK.type == HX_T_PIPE || TOK.type == HX_T_AMP)) {
        hx_p_next(p);
        ok = type_primary(p);
    }
    if (ok && is_kw(p, HX_KW_EXTENDS) && !TOK.nl_before) {
        /* conditional type */
        hx_p_next(p);
        ok = type_primary(p);
        while (ok && (TOK.type == HX_T_PIPE || TOK.type == HX_T_AMP)) {
            hx_p_next(p);
            ok = type_primary(p);
        }
        ok = ok && hx_p_expect(p, HX_T_QUESTION) && hx_ts_skip_type(p) &&
             hx_p_expect(p, HX_T_COLON) && hx_ts_skip_type(p);
    }
    hx_p_leave(p);
    return ok && !p->failed;
}

bool hx_ts_type_annotation(hx_parser *p)
{
    if (TOK.type != HX_T_COLON)
        return true;
    hx_p_next(p);
    return hx_ts_skip_type(p);
}

bool hx_ts_type_params(hx_parser *p)
{
    if (TOK.type != HX_T_LT)
        return true;
    hx_p_next(p);
    while (!p->failed && TOK.type != HX_T_GT) {
        while (is_kw(p, HX_KW_CONST) || hx_p_is_kw(p, HX_KW_IN) || is_kw(p, HX_KW_OUT)) {
            hx_token nt;
            if (hx_p_peek(p, &nt) != HX_T_NAME)
                break;
            hx_p_next(p);
        }
        if (TOK.type != HX_T_NAME)
            return hx_p_unexpected(p) != NULL;
        hx_p_next(p);
        if (is_kw(p, HX_KW_EXTENDS)) {
            hx_p_next(p);
            if (!hx_ts_skip_type(p))
                return false;
        }
        if (TOK.type == HX_T_ASSIGN) {
            hx_p_next(p);
            if (!hx_ts_skip_type(p))
                return false;
        }
        if (TOK.type != HX_T_COMMA)
            break;
        hx_p_next(p);
    }
    return expect_gt(p);
}

bool hx_ts_skip_modifiers(hx_parser *p, uint32_t *mods)
{
    for (;;) {
        int m = 0;
        if (is_kw(p, HX_KW_PUBLIC)) m = TSM_PUBLIC;
        else if (is_kw(p, HX_KW_PRIVATE)) m = TSM_PRIVATE;
        else if (is_kw(p, HX_KW_PROTECTED)) m = TSM_PROTECTED;
        else if (is_kw(p, HX_KW_READONLY)) m = TSM_READONLY;
        else if (is_kw(p, HX_KW_ABSTRACT)) m = TSM_ABSTRACT;
        else if (is_kw(p, HX_KW_DECLARE)) m = TSM_DECLARE;
        else if (is_kw(p, HX_KW_OVERRIDE)) m = TSM_OVERRIDE;
        if (!m)
            return true;
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        /* a modifier is followed by the member name on the same line */
        if (nt.nl_before || !(t == HX_T_NAME || t == HX_T_STRING || t == HX_T_NUMBER ||
                              t == HX_T_LBRACKET || t == HX_T_PRIVATE || t == HX_T_STAR ||
                              t == HX_T_LBRACE || t == HX_T_ELLIPSIS))
            return true;
        *mods |= (uint32_t)m;
        hx_p_next(p);
    }
}

static hx_ast_node *dropped(hx_parser *p, ppos at)
{
    hx_ast_node *e = hx_p_node(p, HX_AST_EMPTY, at);
    if (e) {
        e->flags |= HX_AST_F_SYNTHETIC;
        e->end = e->start;
    }
    return e;
}

/* Skips an ambient declaration after `declare`. */
static bool skip_ambient(hx_parser *p)
{
    bool block_kind = is_kw(p, HX_KW_CLASS) || is_kw(p, HX_KW_NAMESPACE) ||
                      is_kw(p, HX_KW_MODULE) || is_kw(p, HX_KW_GLOBAL) || is_kw(p, HX_KW_ENUM) ||
                      is_kw(p, HX_KW_ABSTRACT) || is_kw(p, HX_KW_INTERFACE);
    bool first = true;
    while (!p->failed) {
        if (TOK.type == HX_T_EOF)
            return true;
        if (TOK.type == HX_T_SEMI) {
            hx_p_next(p);
            return true;
        }
        if (!first && TOK.nl_before && !block_kind && TOK.type != HX_T_LBRACE &&
            TOK.type != HX_T_COLON && TOK.type != HX_T_PIPE && TOK.type != HX_T_AMP &&
            TOK.type != HX_T_COMMA)
            return true;
        if (TOK.type == HX_T_RBRACE)
            return true;
        first = false;
        if (TOK.type == HX_T_LPAREN || TOK.type == HX_T_LBRACKET || TOK.type == HX_T_LBRACE) {
            bool brace = TOK.type == HX_T_LBRACE;
            if (!skip_group(p))
                return false;
            if (brace && block_kind)
                return true;
            continue;
        }
        hx_p_next(p);
    }
    return false;
}

hx_ast_node *hx_ts_statement(hx_parser *p, bool *handled, bool exported)
{
    *handled = false;
    if (TOK.type != HX_T_NAME || TOK.escaped)
        return NULL;
    ppos at = hx_p_here(p);
    int kw = TOK.name->keyword;
    hx_token nt;
    int t;
    switch (kw) {
    case HX_KW_INTERFACE:
        t = hx_p_peek(p, &nt);
        if (t != HX_T_NAME || nt.nl_before)
            return NULL;
        *handled = true;
        hx_p_next(p);
        hx_p_next(p);
        if (TOK.type == HX_T_LT && !hx_ts_type_params(p))
            return NULL;
        if (is_kw(p, HX_KW_EXTENDS)) {
            hx_p_next(p);
            for (;;) {
                if (!hx_ts_skip_type(p))
                    return NULL;
                if (TOK.type != HX_T_COMMA)
                    break;
                hx_p_next(p);
            }
        }
        if (!type_members(p))
            return NULL;
        return dropped(p, at);
    case HX_KW_TYPE:
        t = hx_p_peek(p, &nt);
        if (t != HX_T_NAME || nt.nl_before)
            return NULL;
        *handled = true;
        hx_p_next(p);
        hx_p_next(p);
        if (TOK.type == HX_T_LT && !hx_ts_type_params(p))
            return NULL;
        if (!hx_p_expect(p, HX_T_ASSIGN) || !hx_ts_skip_type(p) || !hx_p_semicolon(p))
            return NULL;
        return dropped(p, at);
    case HX_KW_DECLARE:
        t = hx_p_peek(p, &nt);
        if (t != HX_T_NAME || nt.nl_before)
            return NULL;
        *handled = true;
        hx_p_next(p);
        if (!skip_ambient(p))
            return NULL;
        return dropped(p, at);
    case HX_KW_ENUM:
        *handled = true;
        hx_p_next(p);
        return hx_ts_lower_enum(p, at, false, exported);
    case HX_KW_CONST:
        t = hx_p_peek(p, &nt);
        if (t == HX_T_NAME && nt.name->keyword == HX_KW_ENUM) {
            *handled = true;
            hx_p_next(p);
            hx_p_next(p);
            return hx_ts_lower_enum(p, at, true, exported);
        }
        return NULL;
    case HX_KW_NAMESPACE:
    case HX_KW_MODULE:
        t = hx_p_peek(p, &nt);
        if (nt.nl_before)
            return NULL;
        if (t == HX_T_STRING) {
            /* `module "x" { }`: ambient */
            *handled = true;
            hx_p_next(p);
            if (!skip_ambient(p))
                return NULL;
            return dropped(p, at);
        }
        if (t != HX_T_NAME)
            return NULL;
        *handled = true;
        hx_p_next(p);
        return hx_ts_lower_namespace(p, at, exported);
    case HX_KW_ABSTRACT:
        t = hx_p_peek(p, &nt);
        if (t != HX_T_NAME || nt.name->keyword != HX_KW_CLASS || nt.nl_before)
            return NULL;
        *handled = true;
        hx_p_next(p);
        return hx_p_class(p, at, true, false);
    case HX_KW_IMPORT:
        /* `import x = require("m")` / `import x = N.y` */
        t = hx_p_peek(p, &nt);
        if (t == HX_T_NAME) {
            hx_lex_state st;
            hx_lex_save(&p->lx, &st);
            hx_lex_next(&p->lx);
            hx_lex_next(&p->lx);
            bool eq = TOK.type == HX_T_ASSIGN;
            hx_lex_restore(&p->lx, &st);
            if (eq) {
                *handled = true;
                return hx_p_error_tok(p, "'import x = require(...)' is not supported; use an ES "
                                         "import");
            }
        }
        return NULL;
    case HX_KW_EXPORT:
        t = hx_p_peek(p, &nt);
        if (t == HX_T_ASSIGN) {
            *handled = true;
            return hx_p_error_tok(p, "'export =' is not supported; use 'export default'");
        }
        return NULL;
    default: return NULL;
    }
}
