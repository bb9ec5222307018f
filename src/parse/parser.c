/*
 * parser.c — parser core: token consumption, errors, node allocation, list
 * building, and the entry points hx_parse / hx_parse_function (ES2025
 * 16.1 scripts, 16.2 modules, 19.2.1 eval, 20.2.1.1.1 CreateDynamicFunction).
 * Invariant: after the first error (p->failed) nothing else is recorded;
 * parse functions unwind by returning NULL.
 */
#include "parse/parser_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *hx_p_error_at(hx_parser *p, uint32_t off, uint32_t line, uint32_t col, const char *fmt, ...)
{
    if (p->failed)
        return NULL;
    p->failed = true;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof(p->err->message), fmt, ap);
    va_end(ap);
    p->err->offset = off;
    p->err->line = line;
    p->err->column = col;
    return NULL;
}

void *hx_p_oom(hx_parser *p)
{
    if (!p->failed) {
        hx_p_error_at(p, TOK.start, TOK.line, TOK.col, "out of memory");
        p->err->out_of_memory = true;
    }
    return NULL;
}

void *hx_p_error_tok(hx_parser *p, const char *fmt, ...)
{
    if (p->failed)
        return NULL;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return hx_p_error_at(p, TOK.start, TOK.line, TOK.col, "%s", buf);
}

void *hx_p_unexpected(hx_parser *p)
{
    if (p->failed)
        return NULL;
    switch (TOK.type) {
    case HX_T_EOF: return hx_p_error_tok(p, "Unexpected end of input");
    case HX_T_ERROR: {
        if (p->lx.oom)
            return hx_p_oom(p);
        /* the fault may lie after the token start, even on a later line */
        uint32_t at = TOK.error_pos >= TOK.start ? TOK.error_pos : TOK.start;
        uint32_t line = TOK.line, col = TOK.col;
        for (uint32_t i = TOK.start; i < at && i < p->lx.len; i++) {
            uint8_t b = p->lx.src[i];
            if (b == '\n' || (b == '\r' && !(i + 1 < p->lx.len && p->lx.src[i + 1] == '\n'))) {
                line++;
                col = 1;
            } else if ((b & 0xC0) != 0x80) {
                col += b >= 0xF0 ? 2 : 1;
            }
        }
        return hx_p_error_at(p, at, line, col, "%s", TOK.error);
    }
    case HX_T_NAME:
        if (TOK.name->keyword && TOK.name->keyword <= HX_KW_LAST_STRICT_RESERVED)
            return hx_p_error_tok(p, "Unexpected token '%s'", TOK.name->utf8);
        return hx_p_error_tok(p, "Unexpected identifier '%s'", TOK.name->utf8);
    case HX_T_PRIVATE: return hx_p_error_tok(p, "Unexpected identifier '%s'", TOK.name->utf8);
    case HX_T_NUMBER:
    case HX_T_BIGINT: return hx_p_error_tok(p, "Unexpected number");
    case HX_T_STRING: return hx_p_error_tok(p, "Unexpected string");
    case HX_T_TEMPLATE: return hx_p_error_tok(p, "Unexpected template string");
    case HX_T_REGEXP: return hx_p_error_tok(p, "Unexpected regular expression");
    default: return hx_p_error_tok(p, "Unexpected token '%s'", hx_token_names[TOK.type]);
    }
}

void hx_p_next(hx_parser *p)
{
    if (p->failed)
        return;
    p->prev_end = TOK.end;
    p->prev_line = p->lx.line;
    hx_lex_next(&p->lx);
    if (TOK.type == HX_T_ERROR)
        hx_p_unexpected(p);
}

bool hx_p_eat(hx_parser *p, int type)
{
    if (TOK.type == type && !p->failed) {
        hx_p_next(p);
        return !p->failed;
    }
    return false;
}

bool hx_p_expect(hx_parser *p, int type)
{
    if (p->failed)
        return false;
    if (TOK.type != type) {
        hx_p_unexpected(p);
        return false;
    }
    hx_p_next(p);
    return !p->failed;
}

/* Automatic semicolon insertion (ES2025 12.10.1 rules 1 and 2). */
bool hx_p_semicolon(hx_parser *p)
{
    if (p->failed)
        return false;
    if (TOK.type == HX_T_SEMI) {
        hx_p_next(p);
        return !p->failed;
    }
    if (TOK.type == HX_T_RBRACE || TOK.type == HX_T_EOF || TOK.nl_before)
        return true;
    hx_p_unexpected(p);
    return false;
}

ppos hx_p_here(hx_parser *p)
{
    ppos r = {TOK.start, TOK.line, TOK.col};
    return r;
}

hx_ast_node *hx_p_node(hx_parser *p, int kind, ppos at)
{
    if (p->failed)
        return NULL;
    hx_ast_node *n = hx_arena_calloc(p->arena, sizeof(hx_ast_node));
    if (!n)
        return hx_p_oom(p);
    n->kind = (uint16_t)kind;
    n->start = at.start;
    n->end = at.start;
    n->line = at.line;
    n->col = at.col;
    if (kind == HX_AST_IDENTIFIER || kind == HX_AST_PRIVATE_NAME)
        n->u.ident.binding = -1;
    return n;
}

hx_ast_node *hx_p_finish(hx_parser *p, hx_ast_node *n)
{
    if (!n || p->failed)
        return NULL;
    n->end = p->prev_end > n->start ? p->prev_end : n->start;
    return n;
}

bool hx_p_push(hx_parser *p, hx_ast_node *n)
{
    if (p->failed)
        return false;
    if (p->nstk == p->capstk) {
        uint32_t cap = p->capstk ? p->capstk * 2 : 256;
        hx_ast_node **s = realloc(p->stk, cap * sizeof(*s));
        if (!s) {
            hx_p_oom(p);
            return false;
        }
        p->stk = s;
        p->capstk = cap;
    }
    p->stk[p->nstk++] = n;
    return true;
}

hx_ast_list hx_p_list(hx_parser *p, uint32_t base)
{
    hx_ast_list l = {NULL, 0};
    if (p->failed || p->nstk < base) {
        p->nstk = base;
        return l;
    }
    uint32_t n = p->nstk - base;
    if (n) {
        l.items = hx_arena_alloc(p->arena, n * sizeof(hx_ast_node *));
        if (!l.items) {
            hx_p_oom(p);
            p->nstk = base;
            return l;
        }
        memcpy(l.items, p->stk + base, n * sizeof(hx_ast_node *));
    }
    l.len = n;
    p->nstk = base;
    return l;
}

bool hx_p_is_kw(hx_parser *p, int kw)
{
    return TOK.type == HX_T_NAME && TOK.name->keyword == kw && !TOK.escaped;
}

bool hx_p_is_name(hx_parser *p, int kw)
{
    return TOK.type == HX_T_NAME && TOK.name->keyword == kw;
}

int hx_p_peek(hx_parser *p, hx_token *out)
{
    hx_lex_state st;
    hx_lex_save(&p->lx, &st);
    hx_lex_next(&p->lx);
    int t = TOK.type;
    if (out)
        *out = TOK;
    hx_lex_restore(&p->lx, &st);
    return t;
}

void hx_p_spec_save(hx_parser *p, pspec *s)
{
    hx_lex_save(&p->lx, &s->lx);
    s->prev_end = p->prev_end;
    s->nstk = p->nstk;
    s->depth = p->depth;
    s->nscopes = p->nscopes;
    s->nprivrefs = p->nprivrefs;
    s->fn = p->fn;
    s->scope = p->scope;
    s->cls = p->cls;
    s->ts_ns = p->ts_ns;
    s->nts_refs = p->nts_refs;
    s->strict = p->strict;
    s->yield_expr = p->yield_expr;
    s->await_expr = p->await_expr;
    s->await_reserved = p->await_reserved;
    s->in_ok = p->in_ok;
}

void hx_p_spec_restore(hx_parser *p, pspec *s)
{
    if (p->err->out_of_memory)
        return; /* out of memory is never retried */
    hx_lex_restore(&p->lx, &s->lx);
    p->failed = false;
    p->prev_end = s->prev_end;
    p->nstk = s->nstk;
    p->depth = s->depth;
    p->nscopes = s->nscopes;
    p->nprivrefs = s->nprivrefs;
    p->fn = s->fn;
    p->scope = s->scope;
    p->cls = s->cls;
    p->ts_ns = s->ts_ns;
    p->nts_refs = s->nts_refs;
    hx_p_set_strict(p, s->strict);
    p->yield_expr = s->yield_expr;
    p->await_expr = s->await_expr;
    p->await_reserved = s->await_reserved;
    p->in_ok = s->in_ok;
}

bool hx_p_enter(hx_parser *p)
{
    if (++p->depth > HX_PARSE_MAX_DEPTH) {
        hx_p_error_tok(p, "too much nesting");
        return false;
    }
    return !p->failed;
}

void hx_p_leave(hx_parser *p)
{
    p->depth--;
}

void hx_p_set_strict(hx_parser *p, bool strict)
{
    p->strict = strict;
    p->lx.strict = strict;
}

const hx_ast_name *hx_p_intern(hx_parser *p, const char *s)
{
    const hx_ast_name *n = hx_lex_intern(&p->lx, s, (uint32_t)strlen(s));
    if (!n)
        hx_p_oom(p);
    return n;
}

hx_ast_node *hx_p_string_node(hx_parser *p, const char *utf8)
{
    hx_ast_node *n = hx_p_node(p, HX_AST_STRING_LIT, hx_p_here(p));
    if (!n)
        return NULL;
    uint32_t len;
    n->u.string.chars = hx_lex_utf16(&p->lx, utf8, (uint32_t)strlen(utf8), &len);
    if (!n->u.string.chars)
        return hx_p_oom(p);
    n->u.string.len = len;
    return n;
}

/* ---- exports check (ES2025 16.2.1.1 early errors) ------------------------ */

static bool check_module_exports(hx_parser *p, pscope *top)
{
    /* every `export { x }` (without from) must name a declared binding */
    for (uint32_t i = 0; i < p->nexport_locals; i++) {
        hx_ast_node *id = p->export_locals[i];
        hx_ast_decl *d = NULL;
        for (uint32_t k = 0; k < top->ndecls; k++)
            if (top->decls[k].name == id->u.ident.name) {
                d = &top->decls[k];
                break;
            }
        if (!d) {
            hx_p_error_at(p, id->start, id->line, id->col, "Export '%s' is not defined in module",
                          id->u.ident.name->utf8);
            return false;
        }
    }
    return true;
}

/* TypeScript: an import binding never used as a value is a type-only import
 * and is dropped, with its declaration; an import whose bindings are all
 * dropped disappears entirely (a bare `import "m"` stays). */
static bool elide_type_imports(hx_parser *p, hx_ast_node *prog, pscope *top)
{
    hx_ast_list *body = &prog->u.program.body;
    uint32_t w = 0;
    for (uint32_t i = 0; i < body->len; i++) {
        hx_ast_node *s = body->items[i];
        if (s->kind == HX_AST_IMPORT_DECL && s->u.import_decl.specifiers.len) {
            hx_ast_list *sp = &s->u.import_decl.specifiers;
            uint32_t k = 0;
            for (uint32_t j = 0; j < sp->len; j++)
                if (sp->items[j]->u.import_spec.local->u.ident.name->reserved_ & 1)
                    sp->items[k++] = sp->items[j];
            sp->len = k;
            if (k == 0)
                continue;
        }
        body->items[w++] = s;
    }
    body->len = w;
    uint32_t k = 0;
    for (uint32_t i = 0; i < top->ndecls; i++)
        if (top->decls[i].kind != HX_DECL_IMPORT || (top->decls[i].name->reserved_ & 1))
            top->decls[k++] = top->decls[i];
    top->ndecls = k;
    return true;
}

/* ---- entry points ------------------------------------------------------- */

static void parser_init(hx_parser *p, hx_arena *arena, hx_parse_error *err)
{
    memset(p, 0, sizeof(*p));
    p->arena = arena;
    p->err = err;
    memset(err, 0, sizeof(*err));
    p->in_ok = true;
}

static void parser_free(hx_parser *p)
{
    hx_lex_free(&p->lx);
    free(p->stk);
    free(p->scopes);
    free(p->ts_refs);
    free(p->privrefs);
    free(p->exported);
    free(p->export_locals);
}

static hx_ast_node *parse_program(hx_parser *p)
{
    ppos at = {0, 1, 1};
    hx_ast_node *prog = hx_p_node(p, HX_AST_PROGRAM, at);
    if (!prog)
        return NULL;
    prog->u.program.source_type =
        p->goal == HX_GOAL_MODULE ? HX_SOURCE_MODULE
                                  : p->goal == HX_GOAL_EVAL ? HX_SOURCE_EVAL : HX_SOURCE_SCRIPT;
    pfunc *f = hx_p_fn_push(p, NULL);
    if (!f)
        return NULL;
    f->is_program = true;
    f->strict = p->strict;
    if (p->goal == HX_GOAL_EVAL) {
        /* PerformEval steps 6-10: what the surrounding code allows */
        f->new_target = (p->flags & HX_PARSE_NEW_TARGET) != 0;
        f->method = (p->flags & HX_PARSE_SUPER_PROPERTY) != 0;
        f->super_call = (p->flags & HX_PARSE_SUPER_CALL) != 0;
        f->field_init = (p->flags & HX_PARSE_CLASS_FIELD) != 0;
    }
    int sk = p->goal == HX_GOAL_MODULE ? HX_SCOPE_MODULE
                                       : p->goal == HX_GOAL_EVAL ? HX_SCOPE_EVAL : HX_SCOPE_SCRIPT;
    pscope *s = hx_p_scope_push(p, sk, prog);
    if (!s)
        return NULL;
    s->var_scope = true;
    s->module = p->module;
    f->body_scope = s;
    if (p->module) {
        p->await_expr = true;
        p->await_reserved = true;
    }
    hx_p_next(p);
    uint32_t fl = 0;
    if (!hx_p_body_items(p, HX_T_EOF, true, &fl))
        return NULL;
    uint32_t base = p->nstk;
    (void)base;
    prog->u.program.body.items = NULL;
    hx_ast_node *last = p->nstk ? NULL : NULL;
    (void)last;
    prog->u.program.body = hx_p_list(p, 0);
    if (p->failed)
        return NULL;
    if (!hx_p_annexb_resolve(p, f, s))
        return NULL;
    if (p->module && !check_module_exports(p, s))
        return NULL;
    if (p->ts && !elide_type_imports(p, prog, s))
        return NULL;
    /* private names referenced outside any class (eval code sees the
     * enclosing classes' names) */
    for (uint32_t i = 0; i < p->nprivrefs; i++) {
        bool ok = false;
        for (uint32_t k = 0; k < p->neval_privs && !ok; k++)
            ok = strcmp(p->eval_privs[k], p->privrefs[i].name->utf8) == 0;
        if (!ok) {
            pprivref *r = &p->privrefs[i];
            return hx_p_error_at(p, r->pos.start, r->pos.line, r->pos.col,
                                 "Private field '%s' must be declared in an enclosing class",
                                 r->name->utf8);
        }
    }
    prog->u.program.scope = s->out;
    prog->u.program.strict = p->strict;
    prog->u.program.has_top_level_await = p->has_tla;
    prog->u.program.direct_eval = f->n_eval != 0;
    prog->u.program.uses_this = f->n_this != 0;
    if (p->strict)
        s->out->flags |= HX_SCOPE_F_STRICT;
    if (!hx_p_scope_pop(p, s))
        return NULL;
    hx_p_fn_pop(p, f);
    prog->end = p->lx.len;
    return prog;
}

hx_ast_node *hx_parse(hx_arena *arena, const char *src, size_t len, const hx_parse_options *opts,
                      hx_parse_error *err)
{
    hx_parser p;
    hx_parse_options def = {HX_GOAL_SCRIPT, 0, NULL, NULL, 0};
    if (!opts)
        opts = &def;
    parser_init(&p, arena, err);
    p.goal = opts->goal;
    p.flags = opts->flags;
    p.module = opts->goal == HX_GOAL_MODULE;
    p.ts = (opts->flags & HX_PARSE_TS) != 0;
    p.eval_privs = opts->private_names;
    p.neval_privs = opts->private_name_count;
    if (!hx_lex_init(&p.lx, arena, src, len, p.module,
                     !(opts->flags & HX_PARSE_NO_HTML_COMMENTS))) {
        hx_p_oom(&p);
        parser_free(&p);
        return NULL;
    }
    hx_p_set_strict(&p, p.module || (opts->flags & HX_PARSE_STRICT));
    hx_ast_node *root = parse_program(&p);
    if (p.failed)
        root = NULL;
    parser_free(&p);
    return root;
}

/* Appends text to a growing malloc'd buffer; false on OOM. */
static bool cat(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t c = (*len + n + 1) * 2;
        char *b = realloc(*buf, c);
        if (!b)
            return false;
        *buf = b;
        *cap = c;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = 0;
    return true;
}

/* Parses text as FormalParameters[~Yield/+Yield, ~Await/+Await] or
 * FunctionBody alone (CreateDynamicFunction steps 14-17): each must be a
 * complete production by itself. */
static bool check_dynamic_part(hx_arena *arena, const char *prefix, const char *text, size_t len,
                               bool params, hx_parse_error *err)
{
    /* Wrap so that the part must parse exactly: parameters become
     * "(<params>\n)" and the body "{<body>\n}"; a part that closes the
     * wrapper early leaves tokens behind and fails in the full parse below
     * or here. */
    char *buf = NULL;
    size_t n = 0, cap = 0;
    bool ok = cat(&buf, &n, &cap, prefix, strlen(prefix)) &&
              cat(&buf, &n, &cap, params ? " anonymous(" : " anonymous(\n) {\n", params ? 11 : 16) &&
              cat(&buf, &n, &cap, text, len) &&
              cat(&buf, &n, &cap, params ? "\n) {\n\n}" : "\n}", params ? 7 : 2);
    if (!ok) {
        free(buf);
        snprintf(err->message, sizeof(err->message), "out of memory");
        err->out_of_memory = true;
        return false;
    }
    hx_arena tmp;
    hx_arena_init(&tmp);
    hx_parse_options o = {HX_GOAL_SCRIPT, HX_PARSE_NO_HTML_COMMENTS, NULL, NULL, 0};
    hx_ast_node *r = hx_parse(&tmp, buf, n, &o, err);
    bool good = r && r->u.program.body.len == 1 &&
                r->u.program.body.items[0]->kind == HX_AST_FUNCTION_DECL;
    if (r && !good)
        snprintf(err->message, sizeof(err->message), "Unexpected token in %s",
                 params ? "function parameters" : "function body");
    hx_arena_free_all(&tmp);
    free(buf);
    (void)arena;
    return good;
}

hx_ast_node *hx_parse_function(hx_arena *arena, const char *params, size_t params_len,
                               const char *body, size_t body_len, hx_dynfn_kind kind,
                               hx_parse_error *err)
{
    static const char *const prefixes[] = {"function", "function*", "async function",
                                           "async function*"};
    const char *prefix = prefixes[kind];
    memset(err, 0, sizeof(*err));
    if (!check_dynamic_part(arena, prefix, params, params_len, true, err) ||
        !check_dynamic_part(arena, prefix, body, body_len, false, err))
        return NULL;
    /* step 12: sourceString = prefix + " anonymous(" + P + 0x000A ")" + " {"
     * + 0x000A + bodyString + 0x000A + "}" */
    char *buf = NULL;
    size_t n = 0, cap = 0;
    bool ok = cat(&buf, &n, &cap, "(", 1) && cat(&buf, &n, &cap, prefix, strlen(prefix)) &&
              cat(&buf, &n, &cap, " anonymous(", 11) && cat(&buf, &n, &cap, params, params_len) &&
              cat(&buf, &n, &cap, "\n) {\n", 5) && cat(&buf, &n, &cap, body, body_len) &&
              cat(&buf, &n, &cap, "\n})", 3);
    if (!ok) {
        free(buf);
        snprintf(err->message, sizeof(err->message), "out of memory");
        err->out_of_memory = true;
        return NULL;
    }
    /* The text is parsed as an expression statement "(function ...)" so the
     * function is a FunctionExpression; positions are shifted by the "(". */
    char *text = hx_arena_dup(arena, buf + 1, n - 2);
    free(buf);
    if (!text) {
        snprintf(err->message, sizeof(err->message), "out of memory");
        err->out_of_memory = true;
        return NULL;
    }
    /* Parse the function text itself as a function expression. */
    hx_parser p;
    parser_init(&p, arena, err);
    p.goal = HX_GOAL_SCRIPT;
    p.flags = HX_PARSE_NO_HTML_COMMENTS;
    if (!hx_lex_init(&p.lx, arena, text, n - 2, false, false)) {
        hx_p_oom(&p);
        parser_free(&p);
        return NULL;
    }
    hx_ast_node *prog = NULL;
    ppos at = {0, 1, 1};
    pfunc *f = NULL;
    pscope *s = NULL;
    prog = hx_p_node(&p, HX_AST_PROGRAM, at);
    if (prog)
        f = hx_p_fn_push(&p, NULL);
    if (f) {
        f->is_program = true;
        s = hx_p_scope_push(&p, HX_SCOPE_SCRIPT, prog);
    }
    if (s) {
        s->var_scope = true;
        f->body_scope = s;
        hx_p_next(&p);
        bool is_async = kind == HX_DYNFN_ASYNC || kind == HX_DYNFN_ASYNC_GENERATOR;
        if (is_async)
            hx_p_next(&p);
        hx_ast_node *fn = hx_p_function(&p, at, HX_AST_FUNCTION_EXPR, is_async, false, false);
        if (fn && p.lx.tok.type != HX_T_EOF)
            hx_p_unexpected(&p);
        if (fn && !p.failed) {
            uint32_t base = p.nstk;
            hx_p_push(&p, fn);
            prog->u.program.body = hx_p_list(&p, base);
            prog->u.program.source_type = HX_SOURCE_FUNCTION;
            prog->u.program.source_text = text;
            prog->u.program.source_text_len = (uint32_t)(n - 2);
            prog->u.program.scope = s->out;
            prog->end = (uint32_t)(n - 2);
            hx_p_scope_pop(&p, s);
            hx_p_fn_pop(&p, f);
        }
    }
    if (p.failed)
        prog = NULL;
    parser_free(&p);
    return prog;
}
