/*
 * ts_lower.c — TypeScript constructs with run-time meaning, lowered to
 * ordinary AST nodes while parsing (DESIGN.md §6), as tsc emits them:
 *   enum E { A, B = 5, C = "s", D = A | B }
 *     → var E; (function (E) { E[E["A"] = 0] = "A"; ...; E["C"] = "s"; })(E || (E = {}));
 *   namespace N { export let x = 1; export function f() { x++; } }
 *     → var N; (function (N) { N.x = 1; function f() { N.x++; } N.f = f; })(N || (N = {}));
 *   namespace A { export namespace B { } }  → ... (B = A.B || (A.B = {})) ...
 *   constructor(private x: T) { ... } → a field `x;` before the other fields
 *     and `this.x = x;` at the start of the body (after the super(...) call
 *     statement in derived classes).
 * Declarations of one enum or namespace merge: members and exports of the
 * earlier ones are visible unqualified in the later ones (tsmerge).  Inside
 * a namespace, an exported variable is a property of the namespace object,
 * never a local binding; references to it are rewritten when the body ends.
 * A namespace that declares no values produces no code.
 * Invented nodes carry HX_AST_F_SYNTHETIC and the position of the TS source
 * construct.  `const enum` is treated as `enum`.
 */
#include "parse/parser_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static hx_ast_node *syn(hx_parser *p, int kind, ppos at)
{
    hx_ast_node *n = hx_p_node(p, kind, at);
    if (n) {
        n->flags |= HX_AST_F_SYNTHETIC;
        n->end = p->prev_end > at.start ? p->prev_end : at.start;
    }
    return n;
}

static hx_ast_node *ident(hx_parser *p, const hx_ast_name *name, ppos at)
{
    hx_ast_node *n = syn(p, HX_AST_IDENTIFIER, at);
    if (n)
        n->u.ident.name = name;
    return n;
}

static hx_ast_list list1(hx_parser *p, hx_ast_node *a)
{
    hx_ast_list l = {NULL, 0};
    hx_ast_node **items = hx_arena_alloc(p->arena, sizeof(void *));
    if (!items) {
        hx_p_oom(p);
        return l;
    }
    items[0] = a;
    l.items = items;
    l.len = 1;
    return l;
}

static hx_ast_node *member(hx_parser *p, hx_ast_node *obj, hx_ast_node *prop, bool computed,
                           ppos at)
{
    hx_ast_node *m = syn(p, HX_AST_MEMBER, at);
    if (!m)
        return NULL;
    m->u.member.object = obj;
    m->u.member.property = prop;
    m->u.member.computed = computed;
    return m;
}

static hx_ast_node *assign(hx_parser *p, hx_ast_node *target, hx_ast_node *value, ppos at)
{
    hx_ast_node *a = syn(p, HX_AST_ASSIGN, at);
    if (!a)
        return NULL;
    a->u.assign.op = HX_OP_ASSIGN;
    a->u.assign.target = target;
    a->u.assign.value = value;
    return a;
}

static hx_ast_node *stmt(hx_parser *p, hx_ast_node *e, ppos at)
{
    hx_ast_node *s = syn(p, HX_AST_EXPR_STMT, at);
    if (s)
        s->u.expr_stmt.expression = e;
    return s;
}

static hx_ast_node *string_from_name(hx_parser *p, const hx_ast_name *name, ppos at)
{
    hx_ast_node *s = syn(p, HX_AST_STRING_LIT, at);
    if (!s)
        return NULL;
    uint32_t len;
    s->u.string.chars = hx_lex_utf16(&p->lx, name->utf8, name->len, &len);
    if (!s->u.string.chars)
        return hx_p_oom(p);
    s->u.string.len = len;
    return s;
}

/* Opens the IIFE `(function (N) { ... })` scaffolding: function node with
 * its pfunc and scopes, parameter N declared. */
typedef struct iife {
    hx_ast_node *fn;
    pfunc *f;
    hx_ast_node *param;
    bool yield_expr, await_expr, await_reserved;
} iife;

static bool iife_open(hx_parser *p, iife *c, const hx_ast_name *name, ppos at)
{
    c->fn = syn(p, HX_AST_FUNCTION_EXPR, at);
    if (!c->fn)
        return false;
    c->fn->u.func.src_start = at.start;
    c->fn->u.func.flags = HX_FN_SIMPLE_PARAMS;
    c->f = hx_p_fn_push(p, c->fn);
    if (!c->f)
        return false;
    c->f->new_target = true;
    c->yield_expr = p->yield_expr;
    c->await_expr = p->await_expr;
    c->await_reserved = p->await_reserved;
    p->yield_expr = p->await_expr = false;
    c->f->param_scope = hx_p_scope_push(p, HX_SCOPE_FUNCTION_PARAMS, c->fn);
    if (!c->f->param_scope)
        return false;
    c->param = ident(p, name, at);
    if (!c->param || !hx_p_declare(p, name, HX_DECL_PARAM, c->param, c->fn, 0))
        return false;
    c->fn->u.func.params = list1(p, c->param);
    c->fn->u.func.length = 1;
    pscope *bs = hx_p_scope_push(p, HX_SCOPE_FUNCTION_BODY, c->fn);
    if (!bs)
        return false;
    bs->var_scope = true;
    bs->fn_body = true;
    c->f->body_scope = bs;
    return true;
}

/* Closes the IIFE; returns the statement `var N; (function(N){...})(init)`
 * as a synthetic BLOCK-free pair pushed by the caller. */
static bool iife_close(hx_parser *p, iife *c, hx_ast_list body)
{
    c->fn->u.func.body = body;
    if (p->strict)
        c->fn->u.func.flags |= HX_FN_STRICT;
    c->fn->u.func.flags |= c->f->flags;
    if (!p->strict && !hx_p_annexb_resolve(p, c->f, c->f->body_scope))
        return false;
    if (!hx_p_scope_pop(p, c->f->body_scope) || !hx_p_scope_pop(p, c->f->param_scope))
        return false;
    c->fn->u.func.param_scope = c->f->param_scope->out;
    c->fn->u.func.body_scope = c->f->body_scope->out;
    c->fn->u.func.src_end = p->prev_end;
    c->fn->end = p->prev_end;
    hx_p_fn_pop(p, c->f);
    p->yield_expr = c->yield_expr;
    p->await_expr = c->await_expr;
    p->await_reserved = c->await_reserved;
    return true;
}

/* `var N;` + `(function (N) {...})(N || (N = {}))` as a synthetic BLOCK
 * without scope (the compiler runs its statements in the enclosing list).
 * Inside namespace `outer` the argument is `N = outer.N || (outer.N = {})`.
 * No `var N` when N is already declared here (a function, class or enum
 * that the namespace merges with, or an earlier declaration). */
static hx_ast_node *emit(hx_parser *p, iife *c, const hx_ast_name *name, ppos at,
                         const hx_ast_name *outer)
{
    hx_ast_decl *prior;
    bool declared = hx_p_scope_lookup_decl(p->scope, name, &prior) != NULL;
    hx_ast_node *vd = NULL;
    if (!declared) {
        vd = syn(p, HX_AST_VAR_DECL, at);
        hx_ast_node *dc = syn(p, HX_AST_VAR_DECLARATOR, at);
        hx_ast_node *vid = ident(p, name, at);
        if (!vd || !dc || !vid)
            return NULL;
        vd->u.var_decl.kind = HX_VAR_VAR;
        dc->u.declarator.id = vid;
        vd->u.var_decl.declarations = list1(p, dc);
        if (!hx_p_declare(p, name, HX_DECL_VAR, vid, vd, 0))
            return NULL;
    }
    hx_ast_node *obj = syn(p, HX_AST_OBJECT, at);
    hx_ast_node *or = syn(p, HX_AST_LOGICAL, at);
    if (!obj || !or)
        return NULL;
    hx_ast_node *arg;
    or->u.binary.op = HX_OP_OR;
    if (outer) {
        hx_ast_node *m1 = member(p, ident(p, outer, at), ident(p, name, at), false, at);
        hx_ast_node *m2 = member(p, ident(p, outer, at), ident(p, name, at), false, at);
        hx_ast_node *a2 = assign(p, m2, obj, at);
        if (!m1 || !a2)
            return NULL;
        a2->flags |= HX_AST_F_PARENS;
        or->u.binary.left = m1;
        or->u.binary.right = a2;
        arg = assign(p, ident(p, name, at), or, at);
    } else {
        hx_ast_node *a2 = assign(p, ident(p, name, at), obj, at);
        if (!a2)
            return NULL;
        a2->flags |= HX_AST_F_PARENS;
        or->u.binary.left = ident(p, name, at);
        or->u.binary.right = a2;
        arg = or;
    }
    hx_ast_node *call = syn(p, HX_AST_CALL, at);
    if (!call || !arg)
        return NULL;
    c->fn->flags |= HX_AST_F_PARENS;
    call->u.call.callee = c->fn;
    call->u.call.arguments = list1(p, arg);
    hx_ast_node *es = stmt(p, call, at);
    hx_ast_node *blk = syn(p, HX_AST_BLOCK, at);
    if (!es || !blk)
        return NULL;
    hx_ast_node **items = hx_arena_alloc(p->arena, 2 * sizeof(void *));
    if (!items)
        return hx_p_oom(p);
    uint32_t n = 0;
    if (vd)
        items[n++] = vd;
    items[n++] = es;
    blk->u.block.body.items = items;
    blk->u.block.body.len = n;
    return blk;
}

/* ---- merging and namespace references ----------------------------------- */

static tsmerge *merge_find(hx_parser *p, const void *owner, const hx_ast_name *name, bool is_enum)
{
    for (tsmerge *m = p->ts_merges; m; m = m->next)
        if (m->owner == owner && m->name == name && m->is_enum == is_enum)
            return m;
    tsmerge *m = hx_arena_calloc(p->arena, sizeof(tsmerge));
    if (!m)
        return hx_p_oom(p);
    m->owner = owner;
    m->name = name;
    m->is_enum = is_enum;
    m->next = p->ts_merges;
    p->ts_merges = m;
    return m;
}

static bool merge_has(const tsmerge *m, const hx_ast_name *name)
{
    for (uint32_t i = 0; i < m->nnames; i++)
        if (m->names[i] == name)
            return true;
    return false;
}

static bool merge_add(hx_parser *p, tsmerge *m, const hx_ast_name *name)
{
    if (merge_has(m, name))
        return true;
    if (m->nnames == m->capnames) {
        uint32_t nc = m->capnames ? m->capnames * 2 : 8;
        const hx_ast_name **nn = hx_arena_alloc(p->arena, nc * sizeof(void *));
        if (!nn)
            return hx_p_oom(p) != NULL;
        if (m->nnames)
            memcpy(nn, m->names, m->nnames * sizeof(void *));
        m->names = nn;
        m->capnames = nc;
    }
    m->names[m->nnames++] = name;
    return true;
}

/* The enum or namespace about to be lowered: is it exported from the
 * enclosing namespace body (then its merge key hangs off that namespace)? */
static tsns *exporting_ns(hx_parser *p)
{
    tsns *ns = p->ts_ns;
    if (!ns || !ns->export_next)
        return NULL;
    ns->export_next = false;
    return p->scope == ns->body ? ns : NULL;
}

bool hx_ts_note_ref(hx_parser *p, hx_ast_node *id)
{
    if (p->nts_refs == p->capts_refs) {
        uint32_t nc = p->capts_refs ? p->capts_refs * 2 : 64;
        tsref *n = realloc(p->ts_refs, nc * sizeof(tsref));
        if (!n)
            return hx_p_oom(p) != NULL;
        p->ts_refs = n;
        p->capts_refs = nc;
    }
    p->ts_refs[p->nts_refs].id = id;
    p->ts_refs[p->nts_refs].scope = p->scope;
    p->nts_refs++;
    return true;
}

/* Rewrites IDENTIFIER `id` in place into the member expression obj.prop. */
static void to_member(hx_ast_node *id, hx_ast_node *obj, hx_ast_node *prop)
{
    obj->end = prop->end = id->end;
    id->kind = HX_AST_MEMBER;
    memset(&id->u, 0, sizeof(id->u));
    id->u.member.object = obj;
    id->u.member.property = prop;
    id->u.member.computed = false;
}

/* Is `id` the binding of some declaration made in the namespace body (an
 * arrow parameter parsed first as an expression)? */
static bool is_binding(hx_parser *p, tsns *ns, hx_ast_node *id)
{
    for (uint32_t i = ns->scope_base; i < p->nscopes; i++) {
        pscope *s = p->scopes[i];
        for (uint32_t k = 0; k < s->ndecls; k++)
            if (s->decls[k].id == id)
                return true;
    }
    return false;
}

/* Rewrites, in place, the references of the body ending now that name an
 * export of `ns` without a closer declaration into `N.name`.  References
 * to other names stay recorded for enclosing namespaces. */
static bool resolve_refs(hx_parser *p, tsns *ns)
{
    uint32_t w = ns->ref_base;
    for (uint32_t i = ns->ref_base; i < p->nts_refs; i++) {
        tsref r = p->ts_refs[i];
        hx_ast_node *id = r.id;
        if (id->kind != HX_AST_IDENTIFIER)
            continue;
        const hx_ast_name *name = id->u.ident.name;
        bool shadowed = false, inside = false;
        for (pscope *s = r.scope; s && !shadowed; s = s->parent) {
            hx_ast_decl *d;
            if (hx_p_scope_lookup_decl(s, name, &d))
                shadowed = true;
            if (s == ns->body) {
                inside = true;
                break;
            }
        }
        if (shadowed)
            continue; /* a local binding for this and every enclosing namespace */
        if (!inside || !merge_has(ns->merge, name)) {
            p->ts_refs[w++] = r;
            continue;
        }
        if (is_binding(p, ns, id))
            continue;
        ppos at = {id->start, id->line, id->col};
        hx_ast_node *obj = ident(p, ns->name, at);
        hx_ast_node *prop = ident(p, name, at);
        if (!obj || !prop)
            return false;
        to_member(id, obj, prop);
    }
    p->nts_refs = w;
    return !p->failed;
}

/* Replaces references to earlier enum members inside an initializer by
 * E.member (TypeScript's scoping of enum member names). */
typedef struct enum_members {
    const hx_ast_name **names;
    uint32_t n;
} enum_members;

static hx_ast_node *rewrite(hx_parser *p, hx_ast_node *e, hx_ast_node *param, enum_members *m)
{
    if (!e)
        return e;
    switch (e->kind) {
    case HX_AST_IDENTIFIER:
        for (uint32_t i = 0; i < m->n; i++)
            if (m->names[i] == e->u.ident.name) {
                ppos at = {e->start, e->line, e->col};
                hx_ast_node *prop = ident(p, e->u.ident.name, at);
                hx_ast_node *obj = ident(p, param->u.ident.name, at);
                hx_ast_node *r = member(p, obj, prop, false, at);
                if (r) {
                    r->end = e->end;
                    r->flags |= e->flags & HX_AST_F_PARENS;
                }
                return r;
            }
        return e;
    case HX_AST_BINARY:
    case HX_AST_LOGICAL:
        e->u.binary.left = rewrite(p, e->u.binary.left, param, m);
        e->u.binary.right = rewrite(p, e->u.binary.right, param, m);
        return e;
    case HX_AST_UNARY: e->u.unary.argument = rewrite(p, e->u.unary.argument, param, m); return e;
    case HX_AST_CONDITIONAL:
        e->u.if_.test = rewrite(p, e->u.if_.test, param, m);
        e->u.if_.consequent = rewrite(p, e->u.if_.consequent, param, m);
        e->u.if_.alternate = rewrite(p, e->u.if_.alternate, param, m);
        return e;
    case HX_AST_MEMBER:
        e->u.member.object = rewrite(p, e->u.member.object, param, m);
        if (e->u.member.computed)
            e->u.member.property = rewrite(p, e->u.member.property, param, m);
        return e;
    case HX_AST_CALL:
        e->u.call.callee = rewrite(p, e->u.call.callee, param, m);
        for (uint32_t i = 0; i < e->u.call.arguments.len; i++)
            e->u.call.arguments.items[i] = rewrite(p, e->u.call.arguments.items[i], param, m);
        return e;
    case HX_AST_TEMPLATE:
        for (uint32_t i = 0; i < e->u.tmpl.expressions.len; i++)
            e->u.tmpl.expressions.items[i] = rewrite(p, e->u.tmpl.expressions.items[i], param, m);
        return e;
    default: return e;
    }
}

/* Constant value of a numeric initializer, if it is one we can fold. */
static bool const_number(hx_ast_node *e, double *out)
{
    if (e->kind == HX_AST_NUMBER_LIT) {
        *out = e->u.number.value;
        return true;
    }
    if (e->kind == HX_AST_UNARY && e->u.unary.op == HX_OP_NEG &&
        const_number(e->u.unary.argument, out)) {
        *out = -*out;
        return true;
    }
    return false;
}

hx_ast_node *hx_ts_lower_enum(hx_parser *p, ppos at, bool is_const, bool exported)
{
    (void)is_const;
    (void)exported;
    tsns *outer = exporting_ns(p);
    if (TOK.type != HX_T_NAME)
        return hx_p_unexpected(p);
    const hx_ast_name *name = TOK.name;
    if (!hx_p_check_binding_name(p, name, TOK.escaped, hx_p_here(p)))
        return NULL;
    tsmerge *merge = merge_find(p, outer ? (const void *)outer->merge : (const void *)p->scope,
                                name, true);
    if (!merge || (outer && !merge_add(p, outer->merge, name)))
        return NULL;
    hx_p_next(p);
    if (!hx_p_expect(p, HX_T_LBRACE))
        return NULL;
    iife c;
    if (!iife_open(p, &c, name, at))
        return NULL;
    uint32_t base = p->nstk;
    /* members of earlier declarations of this enum are in scope too */
    enum_members mem = {NULL, 0};
    uint32_t cap = merge->nnames;
    if (cap) {
        mem.names = hx_arena_alloc(p->arena, cap * sizeof(void *));
        if (!mem.names)
            return hx_p_oom(p);
        memcpy(mem.names, merge->names, cap * sizeof(void *));
        mem.n = cap;
    }
    double next = 0;
    bool next_known = true;
    const hx_ast_name *prev = NULL;
    while (!p->failed && TOK.type != HX_T_RBRACE) {
        ppos mat = hx_p_here(p);
        const hx_ast_name *mname;
        if (TOK.type == HX_T_NAME) {
            mname = TOK.name;
        } else if (TOK.type == HX_T_STRING) {
            char buf[256];
            uint32_t k = 0;
            for (uint32_t i = 0; i < TOK.str_len && k < sizeof(buf) - 1; i++)
                buf[k++] = TOK.str[i] < 0x80 ? (char)TOK.str[i] : '?';
            mname = hx_lex_intern(&p->lx, buf, k);
            if (!mname)
                return hx_p_oom(p);
        } else {
            return hx_p_unexpected(p);
        }
        hx_p_next(p);
        hx_ast_node *value;
        bool is_string = false;
        if (TOK.type == HX_T_ASSIGN) {
            hx_p_next(p);
            value = hx_p_assign(p, NULL);
            if (!value)
                return NULL;
            value = rewrite(p, value, c.param, &mem);
            double v;
            is_string = value->kind == HX_AST_STRING_LIT || value->kind == HX_AST_TEMPLATE;
            if (const_number(value, &v)) {
                next = v + 1;
                next_known = true;
            } else {
                next_known = false;
            }
        } else if (next_known) {
            value = syn(p, HX_AST_NUMBER_LIT, mat);
            if (!value)
                return NULL;
            value->u.number.value = next;
            next += 1;
        } else {
            /* E.prev + 1 */
            hx_ast_node *one = syn(p, HX_AST_NUMBER_LIT, mat);
            hx_ast_node *b = syn(p, HX_AST_BINARY, mat);
            if (!one || !b || !prev)
                return hx_p_error_at(p, mat.start, mat.line, mat.col,
                                     "Enum member must have initializer");
            one->u.number.value = 1;
            b->u.binary.op = HX_OP_ADD;
            b->u.binary.left = member(p, ident(p, name, mat), ident(p, prev, mat), false, mat);
            b->u.binary.right = one;
            value = b;
        }
        /* E["A"] = value  (and E[that] = "A" for non-string members) */
        hx_ast_node *inner = assign(p, member(p, ident(p, name, mat), string_from_name(p, mname, mat),
                                              true, mat),
                                    value, mat);
        hx_ast_node *e = inner;
        if (!is_string)
            e = assign(p, member(p, ident(p, name, mat), inner, true, mat),
                       string_from_name(p, mname, mat), mat);
        hx_ast_node *s = stmt(p, e, mat);
        if (!s || !hx_p_push(p, s))
            return NULL;
        if (mem.n == cap) {
            uint32_t nc = cap ? cap * 2 : 8;
            const hx_ast_name **nn = hx_arena_alloc(p->arena, nc * sizeof(void *));
            if (!nn)
                return hx_p_oom(p);
            if (mem.n)
                memcpy(nn, mem.names, mem.n * sizeof(void *));
            mem.names = nn;
            cap = nc;
        }
        mem.names[mem.n++] = mname;
        if (!merge_add(p, merge, mname))
            return NULL;
        prev = mname;
        if (TOK.type != HX_T_RBRACE && !hx_p_expect(p, HX_T_COMMA))
            return NULL;
    }
    if (!hx_p_expect(p, HX_T_RBRACE))
        return NULL;
    if (!iife_close(p, &c, hx_p_list(p, base)))
        return NULL;
    hx_ast_node *b = emit(p, &c, name, at, outer ? outer->name : NULL);
    if (b)
        b->end = p->prev_end;
    return b;
}

/* An exported variable of namespace `ns` stops being a local binding. */
static bool unbind_export(hx_parser *p, tsns *ns, const hx_ast_name *nm)
{
    if (!merge_add(p, ns->merge, nm))
        return false;
    pscope *s = ns->body;
    for (uint32_t k = 0; k < s->ndecls; k++)
        if (s->decls[k].name == nm) {
            memmove(&s->decls[k], &s->decls[k + 1], (s->ndecls - k - 1) * sizeof(hx_ast_decl));
            s->ndecls--;
            break;
        }
    return true;
}

/* Turns the binding pattern of an exported declaration into an assignment
 * pattern whose targets are `N.x` (TypeScript: `({ a: N.a } = init)`). */
static bool export_pattern(hx_parser *p, tsns *ns, hx_ast_node *pat)
{
    if (!pat || p->failed)
        return !p->failed;
    switch (pat->kind) {
    case HX_AST_IDENTIFIER: {
        ppos at = {pat->start, pat->line, pat->col};
        const hx_ast_name *nm = pat->u.ident.name;
        hx_ast_node *obj = ident(p, ns->name, at);
        hx_ast_node *prop = ident(p, nm, at);
        if (!obj || !prop || !unbind_export(p, ns, nm))
            return false;
        to_member(pat, obj, prop);
        return true;
    }
    case HX_AST_ASSIGN_PATTERN: return export_pattern(p, ns, pat->u.assign.target);
    case HX_AST_REST: return export_pattern(p, ns, pat->u.unary_stmt.argument);
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < pat->u.array.items.len; i++) {
            hx_ast_node *it = pat->u.array.items.items[i];
            if (!it)
                continue;
            if (it->kind == HX_AST_PROPERTY) {
                it->u.prop.shorthand = false;
                it = it->u.prop.value;
            }
            if (!export_pattern(p, ns, it))
                return false;
        }
        return true;
    default: return true;
    }
}

/* `export` inside namespace body `ns` for statement `d` (already parsed):
 * pushes what replaces it.  A variable declaration becomes assignments
 * `N.x = init;` (`({a: N.a} = init);` for patterns) and its names stop
 * being local bindings; a function or class stays local and is copied
 * (`N.f = f;`); a lowered enum or namespace already stored itself in N. */
static bool export_member(hx_parser *p, tsns *ns, hx_ast_node *d, ppos at)
{
    if (d->kind == HX_AST_VAR_DECL) {
        for (uint32_t i = 0; i < d->u.var_decl.declarations.len; i++) {
            hx_ast_node *dc = d->u.var_decl.declarations.items[i];
            hx_ast_node *id = dc->u.declarator.id;
            ppos dat = {dc->start, dc->line, dc->col};
            hx_ast_node *target = id;
            if (id->kind == HX_AST_IDENTIFIER) {
                const hx_ast_name *nm = id->u.ident.name;
                if (!unbind_export(p, ns, nm))
                    return false;
                target = member(p, ident(p, ns->name, dat), ident(p, nm, dat), false, dat);
                if (!target)
                    return false;
                target->end = id->end;
            } else if (!export_pattern(p, ns, id)) {
                return false;
            }
            if (!dc->u.declarator.init)
                continue;
            hx_ast_node *s = stmt(p, assign(p, target, dc->u.declarator.init, dat), dat);
            if (!s || !hx_p_push(p, s))
                return false;
        }
        return !p->failed;
    }
    if (!hx_p_push(p, d))
        return false;
    const hx_ast_name *name = NULL;
    if (d->kind == HX_AST_FUNCTION_DECL)
        name = d->u.func.name;
    else if (d->kind == HX_AST_CLASS_DECL)
        name = d->u.klass.name;
    if (!name)
        return true;
    if (!merge_add(p, ns->merge, name))
        return false;
    hx_ast_node *s = stmt(p, assign(p, member(p, ident(p, ns->name, at), ident(p, name, at), false, at),
                                    ident(p, name, at), at),
                          at);
    return s && hx_p_push(p, s);
}

/* Does the token after `export` start an enum or namespace declaration? */
static bool exports_enum_or_namespace(hx_parser *p)
{
    if (hx_p_is_kw(p, HX_KW_ENUM))
        return true;
    hx_token nt;
    int t = hx_p_peek(p, &nt);
    if (hx_p_is_kw(p, HX_KW_CONST))
        return t == HX_T_NAME && nt.name->keyword == HX_KW_ENUM && !nt.escaped;
    if (hx_p_is_kw(p, HX_KW_NAMESPACE) || hx_p_is_kw(p, HX_KW_MODULE))
        return t == HX_T_NAME && !nt.nl_before;
    return false;
}

hx_ast_node *hx_ts_lower_namespace(hx_parser *p, ppos at, bool exported)
{
    (void)exported;
    tsns *outer = exporting_ns(p);
    if (TOK.type != HX_T_NAME)
        return hx_p_unexpected(p);
    const hx_ast_name *name = TOK.name;
    if (!hx_p_check_binding_name(p, name, TOK.escaped, hx_p_here(p)))
        return NULL;
    tsmerge *merge = merge_find(p, outer ? (const void *)outer->merge : (const void *)p->scope,
                                name, false);
    if (!merge)
        return NULL;
    hx_p_next(p);
    iife c;
    if (!iife_open(p, &c, name, at))
        return NULL;
    tsns *ns = hx_arena_calloc(p->arena, sizeof(tsns));
    if (!ns)
        return hx_p_oom(p);
    ns->parent = p->ts_ns;
    ns->merge = merge;
    ns->name = name;
    ns->body = c.f->body_scope;
    ns->ref_base = p->nts_refs;
    ns->scope_base = p->nscopes;
    p->ts_ns = ns;
    uint32_t base = p->nstk;
    if (TOK.type == HX_T_DOT) {
        /* namespace A.B { } → A's body holds the lowered, exported B */
        hx_p_next(p);
        ppos iat = hx_p_here(p);
        if (TOK.type != HX_T_NAME)
            return hx_p_unexpected(p);
        ns->export_next = true;
        hx_ast_node *b = hx_ts_lower_namespace(p, iat, true);
        if (!b)
            return NULL;
        if (!(b->kind == HX_AST_EMPTY && (b->flags & HX_AST_F_SYNTHETIC)) && !hx_p_push(p, b))
            return NULL;
    } else {
        if (!hx_p_expect(p, HX_T_LBRACE))
            return NULL;
        while (!p->failed && TOK.type != HX_T_RBRACE) {
            if (TOK.type == HX_T_EOF)
                return hx_p_unexpected(p);
            ppos sat = hx_p_here(p);
            bool exp = false;
            if (hx_p_is_kw(p, HX_KW_EXPORT)) {
                exp = true;
                hx_p_next(p);
                ns->export_next = exports_enum_or_namespace(p);
            }
            hx_ast_node *s = hx_p_statement_list_item(p);
            ns->export_next = false;
            if (!s)
                return NULL;
            if (s->kind == HX_AST_EMPTY && (s->flags & HX_AST_F_SYNTHETIC))
                continue;
            if (exp ? !export_member(p, ns, s, sat) : !hx_p_push(p, s))
                return NULL;
        }
        if (!hx_p_expect(p, HX_T_RBRACE))
            return NULL;
    }
    p->ts_ns = ns->parent;
    if (!resolve_refs(p, ns))
        return NULL;
    if (!p->ts_ns)
        p->nts_refs = 0;
    bool empty = p->nstk == base;
    if (!iife_close(p, &c, hx_p_list(p, base)))
        return NULL;
    if (empty) {
        /* only types: TypeScript emits nothing, and N is not a value */
        hx_ast_node *e = syn(p, HX_AST_EMPTY, at);
        if (e)
            e->end = e->start;
        return e;
    }
    if (outer && !merge_add(p, outer->merge, name))
        return NULL;
    hx_ast_node *b = emit(p, &c, name, at, outer ? outer->name : NULL);
    if (b)
        b->end = p->prev_end;
    return b;
}

bool hx_ts_param_properties(hx_parser *p, hx_ast_node *ctor, hx_ast_list props, bool derived)
{
    hx_ast_list *body = &ctor->u.func.body;
    uint32_t insert_at = 0;
    if (derived) {
        for (uint32_t i = 0; i < body->len; i++) {
            hx_ast_node *s = body->items[i];
            if (s->kind == HX_AST_EXPR_STMT && s->u.expr_stmt.expression->kind == HX_AST_CALL &&
                s->u.expr_stmt.expression->u.call.callee->kind == HX_AST_SUPER) {
                insert_at = i + 1;
                break;
            }
        }
    } else {
        /* after the directive prologue */
        while (insert_at < body->len && body->items[insert_at]->kind == HX_AST_EXPR_STMT &&
               body->items[insert_at]->u.expr_stmt.directive)
            insert_at++;
    }
    uint32_t n = body->len + props.len;
    hx_ast_node **items = hx_arena_alloc(p->arena, n * sizeof(void *));
    if (!items)
        return hx_p_oom(p) != NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < insert_at; i++)
        items[k++] = body->items[i];
    for (uint32_t i = 0; i < props.len; i++) {
        hx_ast_node *id = props.items[i];
        ppos at = {id->start, id->line, id->col};
        hx_ast_node *th = syn(p, HX_AST_THIS, at);
        hx_ast_node *s = stmt(p, assign(p, member(p, th, ident(p, id->u.ident.name, at), false, at),
                                        ident(p, id->u.ident.name, at), at),
                              at);
        if (!s)
            return false;
        items[k++] = s;
    }
    for (uint32_t i = insert_at; i < body->len; i++)
        items[k++] = body->items[i];
    body->items = items;
    body->len = n;
    ctor->u.func.flags |= HX_FN_USES_THIS;
    return true;
}

/* Parameter properties are also instance fields without initializer, defined
 * before the class's other fields (TypeScript's emit with
 * useDefineForClassFields, the default for ES2022 targets): this fixes the
 * property order, and the constructor's `this.x = x` then assigns them. */
bool hx_ts_param_property_fields(hx_parser *p, hx_ast_node *klass, hx_ast_list props)
{
    hx_ast_list *body = &klass->u.klass.body;
    uint32_t n = body->len + props.len;
    hx_ast_node **items = hx_arena_alloc(p->arena, n * sizeof(void *));
    if (!items)
        return hx_p_oom(p) != NULL;
    for (uint32_t i = 0; i < props.len; i++) {
        hx_ast_node *id = props.items[i];
        ppos at = {id->start, id->line, id->col};
        hx_ast_node *fd = syn(p, HX_AST_FIELD, at);
        hx_ast_node *key = ident(p, id->u.ident.name, at);
        if (!fd || !key)
            return false;
        fd->end = id->end;
        fd->u.field.key = key;
        items[i] = fd;
    }
    for (uint32_t i = 0; i < body->len; i++)
        items[props.len + i] = body->items[i];
    body->items = items;
    body->len = n;
    return true;
}
