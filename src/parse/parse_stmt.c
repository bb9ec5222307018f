/*
 * parse_stmt.c — statements and declarations (ES2025 clause 14), directive
 * prologues, and module items (16.2.2 imports, 16.2.3 exports) with their
 * early errors: labels, break/continue targets, lexical declarations in
 * single-statement positions, for-in/of heads, duplicate exports.
 * Invariant: statement lists are built on the parser's node stack; every
 * scope pushed here is popped on the success path.
 */
#include "parse/parser_int.h"

#include <stdlib.h>
#include <string.h>

#define ERR_NODE(n, ...) hx_p_error_at(p, (n)->start, (n)->line, (n)->col, __VA_ARGS__)

enum { CTX_LIST = 0, CTX_SINGLE = 1, CTX_IF = 2 };

/* ---- variable declarations ------------------------------------------------ */

static int decl_kind_of(int vk)
{
    switch (vk) {
    case HX_VAR_VAR: return HX_DECL_VAR;
    case HX_VAR_LET: return HX_DECL_LET;
    case HX_VAR_CONST: return HX_DECL_CONST;
    case HX_VAR_USING: return HX_DECL_USING;
    default: return HX_DECL_AWAIT_USING;
    }
}

/* VariableDeclarationList / BindingList after the keyword.  in_for: the
 * head of a for statement (initializers optional; `in` excluded). */
hx_ast_node *hx_p_var_decl(hx_parser *p, int kind, bool in_for, ppos at)
{
    hx_ast_node *d = hx_p_node(p, HX_AST_VAR_DECL, at);
    if (!d)
        return NULL;
    d->u.var_decl.kind = (uint8_t)kind;
    uint32_t base = p->nstk;
    int dk = decl_kind_of(kind);
    for (;;) {
        ppos dat = hx_p_here(p);
        hx_ast_node *dc = hx_p_node(p, HX_AST_VAR_DECLARATOR, dat);
        if (!dc)
            break;
        hx_ast_node *id;
        if (kind >= HX_VAR_USING) {
            if (TOK.type != HX_T_NAME) {
                hx_p_error_tok(p, "'using' declarations may not have binding patterns");
                break;
            }
            id = hx_p_binding_ident(p, dk, d);
        } else {
            id = hx_p_binding_target(p, dk, d);
        }
        if (!id)
            break;
        if (p->ts && TOK.type == HX_T_BANG)
            hx_p_next(p);
        if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
            break;
        dc->u.declarator.id = id;
        if (TOK.type == HX_T_ASSIGN) {
            hx_p_next(p);
            hx_ast_node *init = hx_p_assign(p, NULL);
            if (!init)
                break;
            dc->u.declarator.init = init;
        } else if (!in_for) {
            if (kind == HX_VAR_CONST)
                return hx_p_error_tok(p, "Missing initializer in const declaration");
            if (kind >= HX_VAR_USING)
                return hx_p_error_tok(p, "Missing initializer in using declaration");
            if (id->kind != HX_AST_IDENTIFIER)
                return hx_p_error_tok(p, "Missing initializer in destructuring declaration");
        }
        hx_p_push(p, hx_p_finish(p, dc));
        if (TOK.type != HX_T_COMMA)
            break;
        hx_p_next(p);
    }
    if (p->failed) {
        p->nstk = base;
        return NULL;
    }
    d->u.var_decl.declarations = hx_p_list(p, base);
    return hx_p_finish(p, d);
}

/* Checks declarators of a for(;;) head / plain declaration for missing
 * initializers (const, patterns, using). */
static bool check_inits(hx_parser *p, hx_ast_node *d)
{
    for (uint32_t i = 0; i < d->u.var_decl.declarations.len; i++) {
        hx_ast_node *dc = d->u.var_decl.declarations.items[i];
        if (dc->u.declarator.init)
            continue;
        if (d->u.var_decl.kind == HX_VAR_CONST)
            return ERR_NODE(dc, "Missing initializer in const declaration") != NULL;
        if (d->u.var_decl.kind >= HX_VAR_USING)
            return ERR_NODE(dc, "Missing initializer in using declaration") != NULL;
        if (dc->u.declarator.id->kind != HX_AST_IDENTIFIER)
            return ERR_NODE(dc, "Missing initializer in destructuring declaration") != NULL;
    }
    return true;
}

/* Is the current `let` the start of a LexicalDeclaration? (ES2025 14.3.1
 * and the ExpressionStatement lookahead `let [`) */
static bool let_is_decl(hx_parser *p, bool list)
{
    hx_token nt;
    int t = hx_p_peek(p, &nt);
    if (t == HX_T_LBRACKET)
        return true;
    if (!list)
        return false;
    if (t == HX_T_LBRACE)
        return true;
    if (t == HX_T_NAME) {
        if (nt.name->keyword == HX_KW_IN || nt.name->keyword == HX_KW_INSTANCEOF)
            return nt.escaped;
        return true;
    }
    return false;
}

/* `using` [no LineTerminator here] BindingIdentifier */
static bool using_is_decl(hx_parser *p)
{
    if (!hx_p_is_kw(p, HX_KW_USING))
        return false;
    hx_token nt;
    int t = hx_p_peek(p, &nt);
    return t == HX_T_NAME && !nt.nl_before &&
           !(nt.name->keyword == HX_KW_IN && !nt.escaped) &&
           !(nt.name->keyword == HX_KW_INSTANCEOF && !nt.escaped);
}

/* `await using x` (two-token lookahead) */
static bool await_using_is_decl(hx_parser *p)
{
    if (!hx_p_is_kw(p, HX_KW_AWAIT) || !p->await_expr)
        return false;
    hx_lex_state st;
    hx_lex_save(&p->lx, &st);
    hx_lex_next(&p->lx);
    bool ok = false;
    if (TOK.type == HX_T_NAME && TOK.name->keyword == HX_KW_USING && !TOK.escaped &&
        !TOK.nl_before) {
        hx_lex_next(&p->lx);
        ok = TOK.type == HX_T_NAME && !TOK.nl_before;
    }
    hx_lex_restore(&p->lx, &st);
    return ok;
}

static bool using_allowed_here(hx_parser *p)
{
    /* not at the top level of a Script, not directly in a case clause */
    pscope *s = p->scope;
    if (s->kind == HX_SCOPE_SCRIPT || s->kind == HX_SCOPE_SWITCH)
        return false;
    if (s->kind == HX_SCOPE_EVAL && p->goal == HX_GOAL_EVAL)
        return false;
    return true;
}

/* ---- labels, loops -------------------------------------------------------- */

static bool push_label(hx_parser *p, const hx_ast_name *name, ppos at)
{
    pfunc *f = p->fn;
    for (uint32_t i = 0; i < f->nlabels; i++)
        if (f->labels[i].name == name)
            return hx_p_error_at(p, at.start, at.line, at.col, "Label '%s' has already been declared",
                                 name->utf8) != NULL;
    if (f->nlabels == f->caplabels) {
        uint32_t c = f->caplabels ? f->caplabels * 2 : 8;
        plabel *n = hx_arena_alloc(p->arena, c * sizeof(*n));
        if (!n)
            return hx_p_oom(p) != NULL;
        if (f->nlabels)
            memcpy(n, f->labels, f->nlabels * sizeof(*n));
        f->labels = n;
        f->caplabels = c;
    }
    f->labels[f->nlabels].name = name;
    f->labels[f->nlabels].loop = false;
    f->nlabels++;
    return true;
}

/* Marks the labels directly in front of the loop being parsed. */
static void mark_loop_labels(hx_parser *p, int chain)
{
    if (chain < 0)
        return;
    for (uint32_t i = (uint32_t)chain; i < p->fn->nlabels; i++)
        p->fn->labels[i].loop = true;
}

static hx_ast_node *loop_body(hx_parser *p)
{
    p->fn->loop_depth++;
    p->fn->breakable_depth++;
    hx_ast_node *b = hx_p_statement(p, CTX_SINGLE);
    p->fn->loop_depth--;
    p->fn->breakable_depth--;
    return b;
}

static hx_ast_node *parse_jump(hx_parser *p, int kind)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, kind, at);
    if (!n)
        return NULL;
    pfunc *f = p->fn;
    if (TOK.type == HX_T_NAME && !TOK.nl_before &&
        !(TOK.name->keyword && TOK.name->keyword <= HX_KW_LAST_RESERVED &&
          TOK.name->keyword != HX_KW_YIELD && TOK.name->keyword != HX_KW_AWAIT)) {
        const hx_ast_name *name = TOK.name;
        plabel *l = NULL;
        for (uint32_t i = 0; i < f->nlabels; i++)
            if (f->labels[i].name == name)
                l = &f->labels[i];
        if (!l)
            return hx_p_error_tok(p, "Undefined label '%s'", name->utf8);
        if (kind == HX_AST_CONTINUE && !l->loop)
            return hx_p_error_tok(p, "Illegal continue statement: '%s' does not denote an "
                                     "iteration statement", name->utf8);
        n->u.jump.label = name;
        hx_p_next(p);
    } else if (kind == HX_AST_CONTINUE ? f->loop_depth == 0 : f->breakable_depth == 0) {
        return hx_p_error_at(p, at.start, at.line, at.col,
                             kind == HX_AST_CONTINUE ? "Illegal continue statement: no surrounding "
                                                       "iteration statement"
                                                     : "Illegal break statement");
    }
    if (!hx_p_semicolon(p))
        return NULL;
    return hx_p_finish(p, n);
}

/* ---- blocks ----------------------------------------------------------------- */

hx_ast_node *hx_p_block(hx_parser *p, bool new_scope)
{
    ppos at = hx_p_here(p);
    hx_ast_node *b = hx_p_node(p, HX_AST_BLOCK, at);
    if (!b || !hx_p_expect(p, HX_T_LBRACE))
        return NULL;
    pscope *s = NULL;
    if (new_scope) {
        s = hx_p_scope_push(p, HX_SCOPE_BLOCK, b);
        if (!s)
            return NULL;
    }
    uint32_t base = p->nstk;
    uint32_t fl;
    if (!hx_p_body_items(p, HX_T_RBRACE, false, &fl))
        return NULL;
    b->u.block.body = hx_p_list(p, base);
    if (!hx_p_expect(p, HX_T_RBRACE))
        return NULL;
    if (s) {
        b->u.block.scope = s->out;
        if (!hx_p_scope_pop(p, s))
            return NULL;
    }
    return hx_p_finish(p, b);
}

/* Statement list up to end_type; with directives, the prologue is
 * recognised (ES2025 11.2.1) and *flags gets HX_FN_USE_STRICT. */
bool hx_p_body_items(hx_parser *p, int end_type, bool directives, uint32_t *flags)
{
    *flags = 0;
    bool prologue = directives;
    uint32_t octal_off = 0, octal_line = 0, octal_col = 0;
    bool have_octal = false;
    if (!hx_p_enter(p))
        return false;
    while (!p->failed && TOK.type != end_type) {
        if (TOK.type == HX_T_EOF) {
            hx_p_unexpected(p);
            break;
        }
        hx_token first = TOK;
        hx_ast_node *s = p->scope->kind == HX_SCOPE_MODULE ? hx_p_module_item(p)
                                                           : hx_p_statement_list_item(p);
        if (!s)
            break;
        if (s->kind == HX_AST_EMPTY && (s->flags & HX_AST_F_SYNTHETIC) && s->start == s->end) {
            /* dropped TypeScript declaration */
        } else if (s->kind == HX_AST_BLOCK && (s->flags & HX_AST_F_SYNTHETIC) &&
                   !s->u.block.scope) {
            /* lowered TypeScript enum / namespace: a statement group */
            for (uint32_t i = 0; i < s->u.block.body.len; i++)
                hx_p_push(p, s->u.block.body.items[i]);
        } else if (!hx_p_push(p, s)) {
            break;
        }
        if (prologue) {
            hx_ast_node *e = s->kind == HX_AST_EXPR_STMT ? s->u.expr_stmt.expression : NULL;
            if (first.type == HX_T_STRING && e && e->kind == HX_AST_STRING_LIT &&
                !(e->flags & HX_AST_F_PARENS) && e->start == first.start && e->end == first.end) {
                s->u.expr_stmt.directive = true;
                if (first.legacy_octal && !have_octal) {
                    have_octal = true;
                    octal_off = first.octal_pos;
                    octal_line = first.line;
                    octal_col = first.col;
                }
                if (first.end - first.start == 12 &&
                    memcmp(p->lx.src + first.start + 1, "use strict", 10) == 0) {
                    *flags |= HX_FN_USE_STRICT;
                    hx_p_set_strict(p, true);
                    if (p->fn) {
                        p->fn->strict = true;
                        if (p->fn->is_program && p->scope)
                            p->scope->out->flags |= HX_SCOPE_F_STRICT;
                    }
                }
                if (p->strict && have_octal) {
                    hx_p_error_at(p, octal_off, octal_line, octal_col,
                                  "Octal escape sequences are not allowed in strict mode");
                    break;
                }
            } else {
                prologue = false;
            }
        }
    }
    hx_p_leave(p);
    return !p->failed;
}

/* ---- statements ------------------------------------------------------------ */

static hx_ast_node *parse_if(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_IF, at);
    if (!n || !hx_p_expect(p, HX_T_LPAREN))
        return NULL;
    n->u.if_.test = hx_p_expression(p);
    if (!n->u.if_.test || !hx_p_expect(p, HX_T_RPAREN))
        return NULL;
    n->u.if_.consequent = hx_p_statement(p, CTX_IF);
    if (!n->u.if_.consequent)
        return NULL;
    if (hx_p_is_kw(p, HX_KW_ELSE)) {
        hx_p_next(p);
        n->u.if_.alternate = hx_p_statement(p, CTX_IF);
        if (!n->u.if_.alternate)
            return NULL;
    }
    return hx_p_finish(p, n);
}

/* for / for-in / for-of / for-await (ES2025 14.7.4, 14.7.5) */
static hx_ast_node *parse_for(hx_parser *p, int chain)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    bool is_await = false;
    if (hx_p_is_kw(p, HX_KW_AWAIT)) {
        if (!p->await_expr || (p->fn && p->fn->static_block))
            return hx_p_unexpected(p);
        if (p->fn->is_program)
            p->has_tla = true;
        is_await = true;
        hx_p_next(p);
    }
    if (!hx_p_expect(p, HX_T_LPAREN))
        return NULL;
    mark_loop_labels(p, chain);
    pscope *fs = NULL;
    hx_ast_node *init = NULL;
    ppos iat = hx_p_here(p);
    bool in = p->in_ok;
    bool decl = false;
    bool starts_let = hx_p_is_kw(p, HX_KW_LET), starts_async = hx_p_is_kw(p, HX_KW_ASYNC);
    int vk = -1;
    if (hx_p_is_kw(p, HX_KW_VAR))
        vk = HX_VAR_VAR;
    else if (hx_p_is_kw(p, HX_KW_CONST))
        vk = HX_VAR_CONST;
    else if (starts_let) {
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_LBRACKET || t == HX_T_LBRACE ||
            (t == HX_T_NAME && !(nt.name->keyword == HX_KW_IN && !nt.escaped)))
            vk = HX_VAR_LET;
        if (p->strict)
            vk = HX_VAR_LET;
    } else if (using_is_decl(p)) {
        hx_token nt;
        hx_p_peek(p, &nt);
        /* `for (using of x)` is a for-of over `using`... unless `of` is a name */
        if (!(nt.name->keyword == HX_KW_OF && !nt.escaped)) {
            vk = HX_VAR_USING;
        } else {
            /* `for (using of of y)`: declaration of `of` */
            hx_lex_state st;
            hx_lex_save(&p->lx, &st);
            hx_lex_next(&p->lx);
            hx_lex_next(&p->lx);
            bool d = TOK.type == HX_T_NAME && TOK.name->keyword == HX_KW_OF;
            hx_lex_restore(&p->lx, &st);
            if (d)
                vk = HX_VAR_USING;
        }
    } else if (await_using_is_decl(p)) {
        vk = HX_VAR_AWAIT_USING;
    }
    if (vk >= 0) {
        decl = true;
        if (vk != HX_VAR_VAR) {
            fs = hx_p_scope_push(p, HX_SCOPE_FOR, NULL);
            if (!fs)
                return NULL;
        }
        hx_p_next(p);
        if (vk == HX_VAR_AWAIT_USING)
            hx_p_next(p);
        p->in_ok = false;
        init = hx_p_var_decl(p, vk, true, iat);
        p->in_ok = in;
        if (!init)
            return NULL;
    } else if (TOK.type != HX_T_SEMI) {
        /* the head may be an assignment pattern: keep cover errors until
         * we know whether `of`/`in` follows */
        p->in_ok = false;
        pcover cv = {0};
        init = hx_p_assign(p, &cv);
        if (init && !(hx_p_is_kw(p, HX_KW_OF) || hx_p_is_kw(p, HX_KW_IN))) {
            if (cv.shorthand_init)
                return hx_p_error_at(p, cv.shorthand_pos.start, cv.shorthand_pos.line,
                                     cv.shorthand_pos.col, "Invalid shorthand property initializer");
            if (cv.double_proto)
                return hx_p_error_at(p, cv.double_proto_pos.start, cv.double_proto_pos.line,
                                     cv.double_proto_pos.col,
                                     "Duplicate __proto__ fields are not allowed in object literals");
            if (TOK.type == HX_T_COMMA) {
                uint32_t base = p->nstk;
                hx_p_push(p, init);
                while (TOK.type == HX_T_COMMA && !p->failed) {
                    hx_p_next(p);
                    hx_ast_node *x = hx_p_assign(p, NULL);
                    if (!x)
                        return NULL;
                    hx_p_push(p, x);
                }
                hx_ast_node *sq = hx_p_node(p, HX_AST_SEQUENCE, (ppos){init->start, init->line, init->col});
                if (!sq)
                    return NULL;
                sq->u.sequence.expressions = hx_p_list(p, base);
                init = hx_p_finish(p, sq);
            }
        }
        p->in_ok = in;
        if (!init)
            return NULL;
    }
    hx_ast_node *n;
    bool is_of = hx_p_is_kw(p, HX_KW_OF), is_in = hx_p_is_kw(p, HX_KW_IN);
    if (is_await && !is_of)
        return hx_p_unexpected(p);
    if (init && (is_of || is_in)) {
        if (decl) {
            hx_ast_list *dl = &init->u.var_decl.declarations;
            if (dl->len != 1)
                return ERR_NODE(init, "Invalid left-hand side in for-%s loop: Must have a single "
                                      "binding.", is_of ? "of" : "in");
            hx_ast_node *dc = dl->items[0];
            if (dc->u.declarator.init) {
                /* B.3.5: for (var x = e in o) in sloppy code */
                if (!(is_in && vk == HX_VAR_VAR && !p->strict &&
                      dc->u.declarator.id->kind == HX_AST_IDENTIFIER))
                    return ERR_NODE(init, "for-%s loop variable declaration may not have an "
                                          "initializer.", is_of ? "of" : "in");
            }
            if (is_in && vk >= HX_VAR_USING)
                return ERR_NODE(init, "'using' declarations are not allowed in for-in loops");
        } else {
            if (is_of && starts_let && !(init->flags & HX_AST_F_PARENS))
                return ERR_NODE(init, "The left-hand side of a for-of loop may not be 'let'.");
            if (is_of && starts_async && init->kind == HX_AST_IDENTIFIER &&
                !(init->flags & HX_AST_F_PARENS) && !init->u.ident.escaped && !is_await)
                return ERR_NODE(init, "The left-hand side of a for-of loop may not be 'async'.");
            if (!(init->kind == HX_AST_CALL && !p->strict && !init->u.call.optional) &&
                !hx_p_to_assign_target(p, init, true))
                return NULL;
        }
        hx_p_next(p);
        n = hx_p_node(p, is_of ? HX_AST_FOR_OF : HX_AST_FOR_IN, at);
        if (!n)
            return NULL;
        n->u.for_in.left = init;
        n->u.for_in.await_ = is_await;
        p->in_ok = true;
        n->u.for_in.right = is_of ? hx_p_assign(p, NULL) : hx_p_expression(p);
        p->in_ok = in;
        if (!n->u.for_in.right || !hx_p_expect(p, HX_T_RPAREN))
            return NULL;
        n->u.for_in.body = loop_body(p);
        if (!n->u.for_in.body)
            return NULL;
        if (fs) {
            fs->out->node = n;
            n->u.for_in.scope = fs->out;
        }
    } else {
        if (decl && !check_inits(p, init))
            return NULL;
        if (!hx_p_expect(p, HX_T_SEMI))
            return NULL;
        n = hx_p_node(p, HX_AST_FOR, at);
        if (!n)
            return NULL;
        n->u.for_.init = init;
        if (TOK.type != HX_T_SEMI) {
            n->u.for_.test = hx_p_expression(p);
            if (!n->u.for_.test)
                return NULL;
        }
        if (!hx_p_expect(p, HX_T_SEMI))
            return NULL;
        if (TOK.type != HX_T_RPAREN) {
            n->u.for_.update = hx_p_expression(p);
            if (!n->u.for_.update)
                return NULL;
        }
        if (!hx_p_expect(p, HX_T_RPAREN))
            return NULL;
        n->u.for_.body = loop_body(p);
        if (!n->u.for_.body)
            return NULL;
        if (fs) {
            fs->out->node = n;
            n->u.for_.scope = fs->out;
        }
    }
    if (fs && !hx_p_scope_pop(p, fs))
        return NULL;
    return hx_p_finish(p, n);
}

static hx_ast_node *parse_switch(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_SWITCH, at);
    if (!n || !hx_p_expect(p, HX_T_LPAREN))
        return NULL;
    n->u.switch_.discriminant = hx_p_expression(p);
    if (!n->u.switch_.discriminant || !hx_p_expect(p, HX_T_RPAREN) ||
        !hx_p_expect(p, HX_T_LBRACE))
        return NULL;
    pscope *s = hx_p_scope_push(p, HX_SCOPE_SWITCH, n);
    if (!s)
        return NULL;
    p->fn->breakable_depth++;
    uint32_t base = p->nstk;
    bool has_default = false;
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        ppos cat = hx_p_here(p);
        hx_ast_node *c = hx_p_node(p, HX_AST_SWITCH_CASE, cat);
        if (!c)
            break;
        if (hx_p_is_kw(p, HX_KW_CASE)) {
            hx_p_next(p);
            c->u.switch_case.test = hx_p_expression(p);
            if (!c->u.switch_case.test)
                break;
        } else if (hx_p_is_kw(p, HX_KW_DEFAULT)) {
            if (has_default) {
                hx_p_error_tok(p, "More than one default clause in switch statement");
                break;
            }
            has_default = true;
            hx_p_next(p);
        } else {
            hx_p_unexpected(p);
            break;
        }
        if (!hx_p_expect(p, HX_T_COLON))
            break;
        uint32_t cbase = p->nstk;
        while (!p->failed && TOK.type != HX_T_RBRACE && !hx_p_is_kw(p, HX_KW_CASE) &&
               !hx_p_is_kw(p, HX_KW_DEFAULT)) {
            hx_ast_node *st = hx_p_statement_list_item(p);
            if (!st)
                break;
            if (!(st->kind == HX_AST_EMPTY && (st->flags & HX_AST_F_SYNTHETIC)))
                hx_p_push(p, st);
        }
        c->u.switch_case.consequent = hx_p_list(p, cbase);
        hx_p_push(p, hx_p_finish(p, c));
    }
    p->fn->breakable_depth--;
    if (p->failed || !hx_p_expect(p, HX_T_RBRACE)) {
        p->nstk = base;
        return NULL;
    }
    n->u.switch_.cases = hx_p_list(p, base);
    n->u.switch_.scope = s->out;
    if (!hx_p_scope_pop(p, s))
        return NULL;
    return hx_p_finish(p, n);
}

static hx_ast_node *parse_try(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_TRY, at);
    if (!n)
        return NULL;
    n->u.try_.block = hx_p_block(p, true);
    if (!n->u.try_.block)
        return NULL;
    if (hx_p_is_kw(p, HX_KW_CATCH)) {
        ppos cat = hx_p_here(p);
        hx_p_next(p);
        hx_ast_node *c = hx_p_node(p, HX_AST_CATCH, cat);
        if (!c)
            return NULL;
        pscope *cs = hx_p_scope_push(p, HX_SCOPE_CATCH, c);
        if (!cs)
            return NULL;
        if (TOK.type == HX_T_LPAREN) {
            hx_p_next(p);
            cs->simple_catch = TOK.type == HX_T_NAME;
            c->u.catch_.param = hx_p_binding_target(p, HX_DECL_CATCH_PARAM, c);
            if (!c->u.catch_.param)
                return NULL;
            if (p->ts && TOK.type == HX_T_COLON && !hx_ts_type_annotation(p))
                return NULL;
            if (!hx_p_expect(p, HX_T_RPAREN))
                return NULL;
        }
        /* the catch body is a block whose lexical names may not repeat the
         * parameter (ES2025 14.15.1) */
        ppos bat = hx_p_here(p);
        hx_ast_node *b = hx_p_node(p, HX_AST_BLOCK, bat);
        if (!b || !hx_p_expect(p, HX_T_LBRACE))
            return NULL;
        pscope *bs = hx_p_scope_push(p, HX_SCOPE_BLOCK, b);
        if (!bs)
            return NULL;
        bs->catch_body = true;
        uint32_t base = p->nstk;
        uint32_t fl;
        if (!hx_p_body_items(p, HX_T_RBRACE, false, &fl))
            return NULL;
        b->u.block.body = hx_p_list(p, base);
        if (!hx_p_expect(p, HX_T_RBRACE))
            return NULL;
        b->u.block.scope = bs->out;
        if (!hx_p_scope_pop(p, bs))
            return NULL;
        c->u.catch_.body = hx_p_finish(p, b);
        c->u.catch_.scope = cs->out;
        if (!hx_p_scope_pop(p, cs))
            return NULL;
        n->u.try_.handler = hx_p_finish(p, c);
    }
    if (hx_p_is_kw(p, HX_KW_FINALLY)) {
        hx_p_next(p);
        n->u.try_.finalizer = hx_p_block(p, true);
        if (!n->u.try_.finalizer)
            return NULL;
    }
    if (!n->u.try_.handler && !n->u.try_.finalizer)
        return hx_p_error_tok(p, "Missing catch or finally after try");
    return hx_p_finish(p, n);
}

/* A function declaration where only a Statement is allowed: B.3.3 lets
 * sloppy `if (x) function f(){}` through, as if in a block. */
static hx_ast_node *if_function(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_ast_node *b = hx_p_node(p, HX_AST_BLOCK, at);
    if (!b)
        return NULL;
    b->flags |= HX_AST_F_SYNTHETIC;
    pscope *s = hx_p_scope_push(p, HX_SCOPE_BLOCK, b);
    if (!s)
        return NULL;
    hx_ast_node *f = hx_p_function(p, at, HX_AST_FUNCTION_DECL, false, true, false);
    if (!f)
        return NULL;
    hx_ast_node **items = hx_arena_alloc(p->arena, sizeof(void *));
    if (!items)
        return hx_p_oom(p);
    items[0] = f;
    b->u.block.body.items = items;
    b->u.block.body.len = 1;
    b->u.block.scope = s->out;
    if (!hx_p_scope_pop(p, s))
        return NULL;
    return hx_p_finish(p, b);
}

static hx_ast_node *expression_statement(hx_parser *p, ppos at)
{
    hx_ast_node *n = hx_p_node(p, HX_AST_EXPR_STMT, at);
    if (!n)
        return NULL;
    n->u.expr_stmt.expression = hx_p_expression(p);
    if (!n->u.expr_stmt.expression || !hx_p_semicolon(p))
        return NULL;
    return hx_p_finish(p, n);
}

hx_ast_node *hx_p_statement(hx_parser *p, int ctx)
{
    if (!hx_p_enter(p))
        return NULL;
    int chain = p->fn->label_chain;
    p->fn->label_chain = -1;
    ppos at = hx_p_here(p);
    hx_ast_node *r = NULL;
    switch (TOK.type) {
    case HX_T_LBRACE: r = hx_p_block(p, true); goto done;
    case HX_T_SEMI:
        r = hx_p_node(p, HX_AST_EMPTY, at);
        hx_p_next(p);
        hx_p_finish(p, r);
        goto done;
    case HX_T_NAME: break;
    default: r = expression_statement(p, at); goto done;
    }
    if (TOK.escaped && TOK.name->keyword && TOK.name->keyword <= HX_KW_LAST_RESERVED &&
        TOK.name->keyword != HX_KW_YIELD && TOK.name->keyword != HX_KW_AWAIT) {
        r = hx_p_error_tok(p, "Keyword must not contain escaped characters");
        goto done;
    }
    switch (TOK.escaped ? 0 : TOK.name->keyword) {
    case HX_KW_VAR: {
        hx_p_next(p);
        r = hx_p_var_decl(p, HX_VAR_VAR, false, at);
        if (r && !hx_p_semicolon(p))
            r = NULL;
        hx_p_finish(p, r);
        goto done;
    }
    case HX_KW_IF: r = parse_if(p); goto done;
    case HX_KW_FOR: r = parse_for(p, chain); goto done;
    case HX_KW_WHILE: {
        hx_p_next(p);
        mark_loop_labels(p, chain);
        hx_ast_node *n = hx_p_node(p, HX_AST_WHILE, at);
        if (!n || !hx_p_expect(p, HX_T_LPAREN))
            goto done;
        n->u.loop.test = hx_p_expression(p);
        if (!n->u.loop.test || !hx_p_expect(p, HX_T_RPAREN))
            goto done;
        n->u.loop.body = loop_body(p);
        if (n->u.loop.body)
            r = hx_p_finish(p, n);
        goto done;
    }
    case HX_KW_DO: {
        hx_p_next(p);
        mark_loop_labels(p, chain);
        hx_ast_node *n = hx_p_node(p, HX_AST_DO_WHILE, at);
        if (!n)
            goto done;
        n->u.loop.body = loop_body(p);
        if (!n->u.loop.body || !hx_p_is_kw(p, HX_KW_WHILE)) {
            if (!p->failed)
                hx_p_unexpected(p);
            goto done;
        }
        hx_p_next(p);
        if (!hx_p_expect(p, HX_T_LPAREN))
            goto done;
        n->u.loop.test = hx_p_expression(p);
        if (!n->u.loop.test || !hx_p_expect(p, HX_T_RPAREN))
            goto done;
        /* ES2025 12.10.1: a semicolon is inserted after do-while's ) */
        if (TOK.type == HX_T_SEMI)
            hx_p_next(p);
        r = hx_p_finish(p, n);
        goto done;
    }
    case HX_KW_CONTINUE: r = parse_jump(p, HX_AST_CONTINUE); goto done;
    case HX_KW_BREAK: r = parse_jump(p, HX_AST_BREAK); goto done;
    case HX_KW_RETURN: {
        pfunc *f = p->fn;
        if (f->is_program || f->field_init || f->static_block) {
            r = hx_p_error_tok(p, "Illegal return statement");
            goto done;
        }
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_RETURN, at);
        if (!n)
            goto done;
        if (TOK.type != HX_T_SEMI && TOK.type != HX_T_RBRACE && TOK.type != HX_T_EOF &&
            !TOK.nl_before) {
            n->u.unary_stmt.argument = hx_p_expression(p);
            if (!n->u.unary_stmt.argument)
                goto done;
        }
        if (hx_p_semicolon(p))
            r = hx_p_finish(p, n);
        goto done;
    }
    case HX_KW_WITH: {
        if (p->strict) {
            r = hx_p_error_tok(p, "Strict mode code may not include a with statement");
            goto done;
        }
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_WITH, at);
        if (!n || !hx_p_expect(p, HX_T_LPAREN))
            goto done;
        n->u.with.object = hx_p_expression(p);
        if (!n->u.with.object || !hx_p_expect(p, HX_T_RPAREN))
            goto done;
        for (pscope *s = p->scope; s; s = s->parent)
            s->out->flags |= HX_SCOPE_F_WITH;
        n->u.with.body = hx_p_statement(p, CTX_SINGLE);
        if (n->u.with.body)
            r = hx_p_finish(p, n);
        goto done;
    }
    case HX_KW_SWITCH: r = parse_switch(p); goto done;
    case HX_KW_THROW: {
        hx_p_next(p);
        if (TOK.nl_before) {
            r = hx_p_error_tok(p, "Illegal newline after throw");
            goto done;
        }
        hx_ast_node *n = hx_p_node(p, HX_AST_THROW, at);
        if (!n)
            goto done;
        n->u.unary_stmt.argument = hx_p_expression(p);
        if (n->u.unary_stmt.argument && hx_p_semicolon(p))
            r = hx_p_finish(p, n);
        goto done;
    }
    case HX_KW_TRY: r = parse_try(p); goto done;
    case HX_KW_DEBUGGER:
        hx_p_next(p);
        r = hx_p_node(p, HX_AST_DEBUGGER, at);
        if (r && !hx_p_semicolon(p))
            r = NULL;
        hx_p_finish(p, r);
        goto done;
    case HX_KW_FUNCTION:
        if (ctx == CTX_IF && !p->strict) {
            hx_token nt;
            if (hx_p_peek(p, &nt) == HX_T_STAR) {
                r = hx_p_error_tok(p, "Generators can only be declared at the top level or "
                                      "inside a block");
                goto done;
            }
            r = if_function(p);
            goto done;
        }
        r = hx_p_error_tok(p, p->strict ? "In strict mode code, functions can only be declared "
                                          "at top level or inside a block"
                                        : "In non-strict mode code, functions can only be "
                                          "declared at top level, inside a block, or as the body "
                                          "of an if statement");
        goto done;
    case HX_KW_CLASS:
    case HX_KW_CONST:
    case HX_KW_ENUM:
    case HX_KW_IMPORT:
    case HX_KW_EXPORT:
        if (TOK.name->keyword == HX_KW_IMPORT) {
            hx_token nt;
            int t = hx_p_peek(p, &nt);
            if (t == HX_T_LPAREN || t == HX_T_DOT) {
                r = expression_statement(p, at);
                goto done;
            }
        }
        r = hx_p_unexpected(p);
        goto done;
    case HX_KW_LET:
        if (let_is_decl(p, false)) {
            r = hx_p_error_tok(p, "Lexical declaration cannot appear in a single-statement "
                                  "context");
            goto done;
        }
        break;
    case HX_KW_ASYNC: {
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_FUNCTION && !nt.escaped &&
            !nt.nl_before) {
            r = hx_p_error_tok(p, "Async functions can only be declared at the top level or "
                                  "inside a block");
            goto done;
        }
        break;
    }
    default: break;
    }
    /* LabelledStatement: Identifier `:` */
    {
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_COLON) {
            const hx_ast_name *name = TOK.name;
            if (!hx_p_check_label(p, name, TOK.escaped, at))
                goto done;
            hx_p_next(p);
            hx_p_next(p);
            if (!push_label(p, name, at))
                goto done;
            hx_ast_node *n = hx_p_node(p, HX_AST_LABELED, at);
            if (!n)
                goto done;
            n->u.labeled.label = name;
            p->fn->label_chain = chain >= 0 ? chain : (int)p->fn->nlabels - 1;
            if (hx_p_is_kw(p, HX_KW_FUNCTION)) {
                /* B.3.1 labelled function declarations (sloppy, not as a
                 * loop body or other single statement) */
                if (p->strict || ctx != CTX_LIST) {
                    hx_p_error_tok(p, "In strict mode code, functions can only be declared at top "
                                      "level or inside a block");
                    goto done;
                }
                hx_token ft;
                if (hx_p_peek(p, &ft) == HX_T_STAR) {
                    hx_p_unexpected(p);
                    goto done;
                }
                p->fn->label_chain = -1;
                n->u.labeled.body =
                    hx_p_function(p, hx_p_here(p), HX_AST_FUNCTION_DECL, false, true, false);
            } else {
                n->u.labeled.body = hx_p_statement(p, ctx == CTX_LIST ? CTX_LIST : CTX_SINGLE);
            }
            p->fn->nlabels--;
            if (n->u.labeled.body)
                r = hx_p_finish(p, n);
            goto done;
        }
    }
    r = expression_statement(p, at);
done:
    hx_p_leave(p);
    return p->failed ? NULL : r;
}

/* StatementListItem: Statement or Declaration. */
hx_ast_node *hx_p_statement_list_item(hx_parser *p)
{
    ppos at = hx_p_here(p);
    if (TOK.type != HX_T_NAME)
        return hx_p_statement(p, CTX_LIST);
    if (p->ts) {
        bool handled = false;
        hx_ast_node *r = hx_ts_statement(p, &handled, false);
        if (handled)
            return r;
    }
    if (TOK.escaped)
        return hx_p_statement(p, CTX_LIST);
    switch (TOK.name->keyword) {
    case HX_KW_FUNCTION:
        return hx_p_function(p, at, HX_AST_FUNCTION_DECL, false, true, false);
    case HX_KW_ASYNC: {
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_FUNCTION && !nt.escaped &&
            !nt.nl_before) {
            hx_p_next(p);
            return hx_p_function(p, at, HX_AST_FUNCTION_DECL, true, true, false);
        }
        break;
    }
    case HX_KW_CLASS: return hx_p_class(p, at, true, false);
    case HX_KW_CONST:
    case HX_KW_LET: {
        if (TOK.name->keyword == HX_KW_LET && !let_is_decl(p, true))
            break;
        int k = TOK.name->keyword == HX_KW_LET ? HX_VAR_LET : HX_VAR_CONST;
        hx_p_next(p);
        if (p->ts && k == HX_VAR_CONST && hx_p_is_kw(p, HX_KW_ENUM)) {
            hx_p_next(p);
            return hx_ts_lower_enum(p, at, true, false);
        }
        hx_ast_node *d = hx_p_var_decl(p, k, false, at);
        if (!d || !hx_p_semicolon(p))
            return NULL;
        return hx_p_finish(p, d);
    }
    case HX_KW_USING:
        if (using_is_decl(p)) {
            if (!using_allowed_here(p))
                return hx_p_error_tok(p, "'using' declarations are not allowed here");
            hx_p_next(p);
            hx_ast_node *d = hx_p_var_decl(p, HX_VAR_USING, false, at);
            if (!d || !hx_p_semicolon(p))
                return NULL;
            return hx_p_finish(p, d);
        }
        break;
    case HX_KW_AWAIT:
        if (await_using_is_decl(p)) {
            if (!using_allowed_here(p))
                return hx_p_error_tok(p, "'await using' declarations are not allowed here");
            if (p->fn->is_program)
                p->has_tla = true;
            hx_p_next(p);
            hx_p_next(p);
            hx_ast_node *d = hx_p_var_decl(p, HX_VAR_AWAIT_USING, false, at);
            if (!d || !hx_p_semicolon(p))
                return NULL;
            return hx_p_finish(p, d);
        }
        break;
    default: break;
    }
    return hx_p_statement(p, CTX_LIST);
}

/* ---- modules ---------------------------------------------------------------- */

static bool well_formed(hx_ast_node *s)
{
    for (uint32_t i = 0; i < s->u.string.len; i++) {
        uint16_t c = s->u.string.chars[i];
        if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 < s->u.string.len && s->u.string.chars[i + 1] >= 0xDC00 &&
                s->u.string.chars[i + 1] <= 0xDFFF) {
                i++;
                continue;
            }
            return false;
        }
        if (c >= 0xDC00 && c <= 0xDFFF)
            return false;
    }
    return true;
}

/* ModuleExportName: IdentifierName or StringLiteral. */
static hx_ast_node *export_name(hx_parser *p)
{
    ppos at = hx_p_here(p);
    if (TOK.type == HX_T_STRING) {
        hx_ast_node *n = hx_p_node(p, HX_AST_STRING_LIT, at);
        if (!n)
            return NULL;
        n->u.string.chars = TOK.str;
        n->u.string.len = TOK.str_len;
        if (!well_formed(n))
            return hx_p_error_tok(p, "Invalid module export name: contains unpaired surrogate");
        hx_p_next(p);
        return hx_p_finish(p, n);
    }
    if (TOK.type != HX_T_NAME)
        return hx_p_unexpected(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_IDENTIFIER, at);
    if (!n)
        return NULL;
    n->u.ident.name = TOK.name;
    n->u.ident.escaped = TOK.escaped;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

static const hx_ast_name *name_of_export(hx_parser *p, hx_ast_node *n)
{
    if (n->kind == HX_AST_IDENTIFIER)
        return n->u.ident.name;
    /* string export names are interned by their UTF-8 text */
    char buf[512];
    uint32_t k = 0;
    for (uint32_t i = 0; i < n->u.string.len && k + 4 < sizeof(buf); i++) {
        uint32_t c = n->u.string.chars[i];
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n->u.string.len) {
            c = 0x10000 + ((c - 0xD800) << 10) + (n->u.string.chars[i + 1] - 0xDC00);
            i++;
        }
        if (c < 0x80)
            buf[k++] = (char)c;
        else if (c < 0x800) {
            buf[k++] = (char)(0xC0 | (c >> 6));
            buf[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            buf[k++] = (char)(0xE0 | (c >> 12));
            buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[k++] = (char)(0xF0 | (c >> 18));
            buf[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    const hx_ast_name *nm = hx_lex_intern(&p->lx, buf, k);
    if (!nm)
        hx_p_oom(p);
    return nm;
}

static bool add_export(hx_parser *p, const hx_ast_name *name, hx_ast_node *at)
{
    if (!name)
        return false;
    for (uint32_t i = 0; i < p->nexported; i++)
        if (p->exported[i] == name)
            return ERR_NODE(at, "Duplicate export of '%s'", name->utf8) != NULL;
    if (p->nexported == p->capexported) {
        uint32_t c = p->capexported ? p->capexported * 2 : 16;
        const hx_ast_name **n = realloc(p->exported, c * sizeof(*n));
        if (!n)
            return hx_p_oom(p) != NULL;
        p->exported = n;
        p->capexported = c;
    }
    p->exported[p->nexported++] = name;
    return true;
}

static bool add_export_pattern(hx_parser *p, hx_ast_node *pat)
{
    if (!pat)
        return true;
    switch (pat->kind) {
    case HX_AST_IDENTIFIER: return add_export(p, pat->u.ident.name, pat);
    case HX_AST_ASSIGN_PATTERN: return add_export_pattern(p, pat->u.assign.target);
    case HX_AST_REST: return add_export_pattern(p, pat->u.unary_stmt.argument);
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < pat->u.array.items.len; i++) {
            hx_ast_node *it = pat->u.array.items.items[i];
            if (it && it->kind == HX_AST_PROPERTY)
                it = it->u.prop.value;
            if (!add_export_pattern(p, it))
                return false;
        }
        return true;
    default: return true;
    }
}

/* `with { key: "value", ... }` import attributes (ES2025 16.2.2) */
static bool parse_attributes(hx_parser *p, hx_ast_list *out)
{
    if (!hx_p_is_kw(p, HX_KW_WITH))
        return true;
    hx_p_next(p);
    if (!hx_p_expect(p, HX_T_LBRACE))
        return false;
    uint32_t base = p->nstk;
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        ppos at = hx_p_here(p);
        hx_ast_node *a = hx_p_node(p, HX_AST_IMPORT_ATTRIBUTE, at);
        if (!a)
            break;
        if (TOK.type != HX_T_NAME && TOK.type != HX_T_STRING) {
            hx_p_unexpected(p);
            break;
        }
        a->u.attribute.key = export_name(p);
        if (!a->u.attribute.key)
            break;
        for (uint32_t i = base; i < p->nstk; i++) {
            hx_ast_node *k = p->stk[i]->u.attribute.key;
            hx_ast_node *k2 = a->u.attribute.key;
            if (name_of_export(p, k) == name_of_export(p, k2)) {
                ERR_NODE(k2, "Import attribute has duplicate key");
                break;
            }
        }
        if (p->failed || !hx_p_expect(p, HX_T_COLON))
            break;
        if (TOK.type != HX_T_STRING) {
            hx_p_unexpected(p);
            break;
        }
        a->u.attribute.value = export_name(p);
        if (!a->u.attribute.value)
            break;
        hx_p_push(p, hx_p_finish(p, a));
        if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
            break;
    }
    if (p->failed || !hx_p_expect(p, HX_T_RBRACE)) {
        p->nstk = base;
        return false;
    }
    *out = hx_p_list(p, base);
    return !p->failed;
}

static hx_ast_node *string_node(hx_parser *p)
{
    if (TOK.type != HX_T_STRING)
        return hx_p_unexpected(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_STRING_LIT, hx_p_here(p));
    if (!n)
        return NULL;
    n->u.string.chars = TOK.str;
    n->u.string.len = TOK.str_len;
    hx_p_next(p);
    return hx_p_finish(p, n);
}

static hx_ast_node *import_binding(hx_parser *p, hx_ast_node *spec)
{
    return hx_p_binding_ident(p, HX_DECL_IMPORT, spec);
}

static hx_ast_node *parse_import(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    hx_ast_node *n = hx_p_node(p, HX_AST_IMPORT_DECL, at);
    if (!n)
        return NULL;
    bool type_only = false;
    if (p->ts && hx_p_is_kw(p, HX_KW_TYPE)) {
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        if (t == HX_T_LBRACE || t == HX_T_STAR ||
            (t == HX_T_NAME && !(nt.name->keyword == HX_KW_FROM && !nt.escaped))) {
            type_only = true;
            p->ts_collect = true;
            hx_p_next(p);
        }
    }
    uint32_t base = p->nstk;
    if (TOK.type != HX_T_STRING) {
        if (TOK.type == HX_T_NAME) {
            hx_ast_node *s = hx_p_node(p, HX_AST_IMPORT_SPECIFIER, hx_p_here(p));
            if (!s)
                return NULL;
            s->u.import_spec.kind = HX_IMPORT_DEFAULT;
            s->u.import_spec.local = type_only ? export_name(p) : import_binding(p, s);
            if (!s->u.import_spec.local)
                return NULL;
            if (p->ts && TOK.type == HX_T_ASSIGN)
                return hx_p_error_tok(p, "'import x = require(...)' is not supported");
            hx_p_push(p, hx_p_finish(p, s));
            if (TOK.type == HX_T_COMMA)
                hx_p_next(p);
            else if (!hx_p_is_kw(p, HX_KW_FROM))
                return hx_p_unexpected(p);
        }
        if (TOK.type == HX_T_STAR) {
            hx_ast_node *s = hx_p_node(p, HX_AST_IMPORT_SPECIFIER, hx_p_here(p));
            hx_p_next(p);
            if (!s || !hx_p_is_kw(p, HX_KW_AS))
                return hx_p_unexpected(p);
            hx_p_next(p);
            s->u.import_spec.kind = HX_IMPORT_NAMESPACE;
            s->u.import_spec.local = type_only ? export_name(p) : import_binding(p, s);
            if (!s->u.import_spec.local)
                return NULL;
            hx_p_push(p, hx_p_finish(p, s));
        } else if (TOK.type == HX_T_LBRACE) {
            hx_p_next(p);
            while (!p->failed && TOK.type != HX_T_RBRACE) {
                hx_ast_node *s = hx_p_node(p, HX_AST_IMPORT_SPECIFIER, hx_p_here(p));
                if (!s)
                    break;
                s->u.import_spec.kind = HX_IMPORT_NAMED;
                bool spec_type = false;
                if (p->ts && hx_p_is_kw(p, HX_KW_TYPE)) {
                    hx_token nt;
                    int t = hx_p_peek(p, &nt);
                    if ((t == HX_T_NAME && !(nt.name->keyword == HX_KW_AS && false)) ||
                        t == HX_T_STRING) {
                        if (!(t == HX_T_NAME && nt.name->keyword == HX_KW_AS)) {
                            spec_type = true;
                            hx_p_next(p);
                        } else {
                            /* `type as x` or `type as as x`: look further */
                            hx_lex_state st;
                            hx_lex_save(&p->lx, &st);
                            hx_lex_next(&p->lx);
                            hx_lex_next(&p->lx);
                            bool more = TOK.type == HX_T_NAME;
                            hx_lex_restore(&p->lx, &st);
                            if (more) {
                                hx_lex_save(&p->lx, &st);
                                hx_lex_next(&p->lx);
                                hx_lex_next(&p->lx);
                                hx_lex_next(&p->lx);
                                bool three = TOK.type == HX_T_NAME;
                                hx_lex_restore(&p->lx, &st);
                                if (three) {
                                    spec_type = true;
                                    hx_p_next(p);
                                }
                            }
                        }
                    }
                }
                hx_token first = TOK;
                hx_ast_node *imported = export_name(p);
                if (!imported)
                    break;
                if (hx_p_is_kw(p, HX_KW_AS)) {
                    hx_p_next(p);
                    s->u.import_spec.imported = imported;
                    s->u.import_spec.local =
                        (type_only || spec_type) ? export_name(p) : import_binding(p, s);
                    if (!s->u.import_spec.local)
                        break;
                } else {
                    if (imported->kind != HX_AST_IDENTIFIER) {
                        hx_p_unexpected(p);
                        break;
                    }
                    /* the name is also the binding */
                    if (!(type_only || spec_type)) {
                        if (!hx_p_check_binding_name(p, first.name, first.escaped,
                                                     (ppos){first.start, first.line, first.col}))
                            break;
                        hx_ast_node *local = hx_p_node(p, HX_AST_IDENTIFIER,
                                                       (ppos){first.start, first.line, first.col});
                        if (!local)
                            break;
                        *local = *imported;
                        if (!hx_p_declare(p, first.name, HX_DECL_IMPORT, local, s, 0))
                            break;
                        s->u.import_spec.local = local;
                    } else {
                        s->u.import_spec.local = imported;
                    }
                    s->u.import_spec.imported = imported;
                }
                if (!(type_only || spec_type))
                    hx_p_push(p, hx_p_finish(p, s));
                if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
                    break;
            }
            if (!hx_p_expect(p, HX_T_RBRACE))
                return NULL;
        } else if (p->nstk == base) {
            return hx_p_unexpected(p);
        }
        if (!hx_p_is_kw(p, HX_KW_FROM))
            return hx_p_unexpected(p);
        hx_p_next(p);
    }
    p->ts_collect = false;
    n->u.import_decl.specifiers = hx_p_list(p, base);
    n->u.import_decl.source = string_node(p);
    if (!n->u.import_decl.source)
        return NULL;
    if (!parse_attributes(p, &n->u.import_decl.attributes) || !hx_p_semicolon(p))
        return NULL;
    hx_p_finish(p, n);
    if (type_only) {
        hx_ast_node *e = hx_p_node(p, HX_AST_EMPTY, at);
        if (e) {
            e->flags |= HX_AST_F_SYNTHETIC;
            e->end = e->start;
        }
        return e;
    }
    return n;
}

static bool record_local_export(hx_parser *p, hx_ast_node *id)
{
    if (p->nexport_locals == p->capexport_locals) {
        uint32_t c = p->capexport_locals ? p->capexport_locals * 2 : 16;
        hx_ast_node **n = realloc(p->export_locals, c * sizeof(*n));
        if (!n)
            return hx_p_oom(p) != NULL;
        p->export_locals = n;
        p->capexport_locals = c;
    }
    p->export_locals[p->nexport_locals++] = id;
    hx_p_note_ident_ref(p, id->u.ident.name);
    return true;
}

static hx_ast_node *parse_export(hx_parser *p)
{
    ppos at = hx_p_here(p);
    hx_p_next(p);
    if (TOK.type == HX_T_STAR) {
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_EXPORT_ALL, at);
        if (!n)
            return NULL;
        if (hx_p_is_kw(p, HX_KW_AS)) {
            hx_p_next(p);
            n->u.export_all.exported = export_name(p);
            if (!n->u.export_all.exported ||
                !add_export(p, name_of_export(p, n->u.export_all.exported),
                            n->u.export_all.exported))
                return NULL;
        }
        if (!hx_p_is_kw(p, HX_KW_FROM))
            return hx_p_unexpected(p);
        hx_p_next(p);
        n->u.export_all.source = string_node(p);
        if (!n->u.export_all.source || !parse_attributes(p, &n->u.export_all.attributes) ||
            !hx_p_semicolon(p))
            return NULL;
        return hx_p_finish(p, n);
    }
    if (hx_p_is_kw(p, HX_KW_DEFAULT)) {
        hx_ast_node *dkw = hx_p_node(p, HX_AST_EMPTY, hx_p_here(p));
        hx_p_next(p);
        hx_ast_node *n = hx_p_node(p, HX_AST_EXPORT_DEFAULT, at);
        const hx_ast_name *def = hx_p_intern(p, "default");
        if (!n || !def || !add_export(p, def, dkw))
            return NULL;
        ppos dat = hx_p_here(p);
        hx_ast_node *d = NULL;
        if (hx_p_is_kw(p, HX_KW_FUNCTION)) {
            d = hx_p_function(p, dat, HX_AST_FUNCTION_DECL, false, true, true);
        } else if (hx_p_is_kw(p, HX_KW_ASYNC)) {
            hx_token nt;
            if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_FUNCTION &&
                !nt.escaped && !nt.nl_before) {
                hx_p_next(p);
                d = hx_p_function(p, dat, HX_AST_FUNCTION_DECL, true, true, true);
            }
        } else if (hx_p_is_kw(p, HX_KW_CLASS)) {
            d = hx_p_class(p, dat, true, true);
        } else if (p->ts && hx_p_is_kw(p, HX_KW_ABSTRACT)) {
            hx_p_next(p);
            d = hx_p_class(p, dat, true, true);
        } else if (p->ts && hx_p_is_kw(p, HX_KW_INTERFACE)) {
            bool handled;
            d = hx_ts_statement(p, &handled, true);
            if (d)
                return d;
            return NULL;
        }
        if (!d && !p->failed) {
            d = hx_p_assign(p, NULL);
            if (!d || !hx_p_semicolon(p))
                return NULL;
            const hx_ast_name *star = hx_p_intern(p, "*default*");
            if (!star || !hx_p_declare(p, star, HX_DECL_CONST, NULL, n, 0))
                return NULL;
        }
        if (!d)
            return NULL;
        if (d->kind == HX_AST_EMPTY && (d->flags & HX_AST_F_SYNTHETIC))
            return d; /* TypeScript overload signature */
        n->u.export_default.declaration = d;
        return hx_p_finish(p, n);
    }
    hx_ast_node *n = hx_p_node(p, HX_AST_EXPORT_NAMED, at);
    if (!n)
        return NULL;
    if (TOK.type == HX_T_LBRACE || (p->ts && hx_p_is_kw(p, HX_KW_TYPE) &&
                                    hx_p_peek(p, NULL) == HX_T_LBRACE)) {
        bool type_only = TOK.type != HX_T_LBRACE;
        if (type_only)
            hx_p_next(p);
        hx_p_next(p);
        uint32_t base = p->nstk;
        while (!p->failed && TOK.type != HX_T_RBRACE) {
            hx_ast_node *s = hx_p_node(p, HX_AST_EXPORT_SPECIFIER, hx_p_here(p));
            if (!s)
                break;
            bool spec_type = false;
            if (p->ts && hx_p_is_kw(p, HX_KW_TYPE)) {
                hx_token nt;
                int t = hx_p_peek(p, &nt);
                if ((t == HX_T_NAME && nt.name->keyword != HX_KW_AS) || t == HX_T_STRING) {
                    spec_type = true;
                    hx_p_next(p);
                }
            }
            hx_token lt = TOK;
            s->u.export_spec.local = export_name(p);
            if (!s->u.export_spec.local)
                break;
            if (hx_p_is_kw(p, HX_KW_AS)) {
                hx_p_next(p);
                s->u.export_spec.exported = export_name(p);
                if (!s->u.export_spec.exported)
                    break;
            } else {
                s->u.export_spec.exported = s->u.export_spec.local;
            }
            (void)lt;
            if (!(type_only || spec_type))
                hx_p_push(p, hx_p_finish(p, s));
            if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
                break;
        }
        if (p->failed || !hx_p_expect(p, HX_T_RBRACE)) {
            p->nstk = base;
            return NULL;
        }
        n->u.export_named.specifiers = hx_p_list(p, base);
        if (hx_p_is_kw(p, HX_KW_FROM)) {
            hx_p_next(p);
            n->u.export_named.source = string_node(p);
            if (!n->u.export_named.source ||
                !parse_attributes(p, &n->u.export_named.attributes))
                return NULL;
        }
        if (!hx_p_semicolon(p))
            return NULL;
        hx_ast_list *sl = &n->u.export_named.specifiers;
        for (uint32_t i = 0; i < sl->len; i++) {
            hx_ast_node *s = sl->items[i];
            if (!add_export(p, name_of_export(p, s->u.export_spec.exported),
                            s->u.export_spec.exported))
                return NULL;
            if (!n->u.export_named.source) {
                /* ES2025 16.2.3.1: local names must be identifiers, not
                 * reserved words or strings */
                hx_ast_node *l = s->u.export_spec.local;
                if (l->kind != HX_AST_IDENTIFIER)
                    return ERR_NODE(l, "Unexpected string");
                int kw = l->u.ident.name->keyword;
                if ((kw && kw <= HX_KW_LAST_STRICT_RESERVED) || kw == HX_KW_AWAIT)
                    return ERR_NODE(l, "Unexpected reserved word '%s'", l->u.ident.name->utf8);
                if (s->u.export_spec.exported == l) {
                    hx_ast_node *c = hx_p_node(p, HX_AST_IDENTIFIER, (ppos){l->start, l->line, l->col});
                    if (!c)
                        return NULL;
                    *c = *l;
                    s->u.export_spec.local = c;
                    l = c;
                }
                if (!record_local_export(p, l))
                    return NULL;
            }
        }
        if (type_only) {
            hx_ast_node *e = hx_p_node(p, HX_AST_EMPTY, at);
            if (e) {
                e->flags |= HX_AST_F_SYNTHETIC;
                e->end = e->start;
            }
            return e;
        }
        return hx_p_finish(p, n);
    }
    /* export Declaration / VariableStatement */
    hx_ast_node *d = NULL;
    ppos dat = hx_p_here(p);
    if (p->ts) {
        bool handled = false;
        d = hx_ts_statement(p, &handled, true);
        if (handled) {
            if (!d)
                return NULL;
            if (d->kind == HX_AST_EMPTY)
                return d;
            if (d->kind == HX_AST_BLOCK && (d->flags & HX_AST_F_SYNTHETIC)) {
                /* export enum / namespace: export the `var N` */
                hx_ast_node *vd = d->u.block.body.items[0];
                if (!add_export_pattern(p, vd->u.var_decl.declarations.items[0]->u.declarator.id))
                    return NULL;
                n->u.export_named.declaration = vd;
                hx_p_finish(p, n);
                d->u.block.body.items[0] = n;
                return d;
            }
            goto have_decl;
        }
    }
    if (hx_p_is_kw(p, HX_KW_VAR)) {
        hx_p_next(p);
        d = hx_p_var_decl(p, HX_VAR_VAR, false, dat);
        if (!d || !hx_p_semicolon(p))
            return NULL;
        hx_p_finish(p, d);
    } else if (hx_p_is_kw(p, HX_KW_LET) || hx_p_is_kw(p, HX_KW_CONST)) {
        int k = hx_p_is_kw(p, HX_KW_LET) ? HX_VAR_LET : HX_VAR_CONST;
        hx_p_next(p);
        d = hx_p_var_decl(p, k, false, dat);
        if (!d || !hx_p_semicolon(p))
            return NULL;
        hx_p_finish(p, d);
    } else if (hx_p_is_kw(p, HX_KW_FUNCTION)) {
        d = hx_p_function(p, dat, HX_AST_FUNCTION_DECL, false, true, false);
    } else if (hx_p_is_kw(p, HX_KW_ASYNC)) {
        hx_token nt;
        if (hx_p_peek(p, &nt) == HX_T_NAME && nt.name->keyword == HX_KW_FUNCTION && !nt.escaped &&
            !nt.nl_before) {
            hx_p_next(p);
            d = hx_p_function(p, dat, HX_AST_FUNCTION_DECL, true, true, false);
        } else {
            return hx_p_unexpected(p);
        }
    } else if (hx_p_is_kw(p, HX_KW_CLASS)) {
        d = hx_p_class(p, dat, true, false);
    } else {
        return hx_p_unexpected(p);
    }
    if (!d)
        return NULL;
have_decl:
    if (d->kind == HX_AST_VAR_DECL) {
        for (uint32_t i = 0; i < d->u.var_decl.declarations.len; i++)
            if (!add_export_pattern(p, d->u.var_decl.declarations.items[i]->u.declarator.id))
                return NULL;
    } else if (d->kind == HX_AST_EMPTY && (d->flags & HX_AST_F_SYNTHETIC)) {
        return d; /* TypeScript overload signature */
    } else if (d->kind == HX_AST_FUNCTION_DECL) {
        if (!add_export(p, d->u.func.name, d->u.func.id))
            return NULL;
    } else if (d->kind == HX_AST_CLASS_DECL) {
        if (!add_export(p, d->u.klass.name, d->u.klass.id))
            return NULL;
    }
    n->u.export_named.declaration = d;
    return hx_p_finish(p, n);
}

hx_ast_node *hx_p_module_item(hx_parser *p)
{
    if (hx_p_is_kw(p, HX_KW_IMPORT)) {
        hx_token nt;
        int t = hx_p_peek(p, &nt);
        if (t != HX_T_LPAREN && t != HX_T_DOT)
            return parse_import(p);
    } else if (hx_p_is_kw(p, HX_KW_EXPORT)) {
        return parse_export(p);
    }
    return hx_p_statement_list_item(p);
}
