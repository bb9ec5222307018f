/*
 * parse_scope.c — declarations and their early errors while parsing:
 * duplicate lexical names, lexical/var conflicts (ES2025 14.2.1, 14.12.1,
 * 15.2.1, 16.1.1, 16.2.1), Annex B.3.2 function-in-block hoisting and B.3.4
 * catch-parameter redeclaration, and the hx_ast_scope records handed to the
 * compiler.
 * Invariant: a scope's decls hold each name once; vars live only in the
 * nearest var scope, and every non-var scope they pass through remembers
 * the name (pscope.vars) so a later lexical declaration can conflict.
 */
#include "parse/parser_int.h"

#include <stdlib.h>
#include <string.h>

static bool grow(hx_parser *p, void **arr, uint32_t *cap, uint32_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    uint32_t c = *cap ? *cap * 2 : 8;
    while (c < need)
        c *= 2;
    void *n = hx_arena_alloc(p->arena, c * elem);
    if (!n) {
        hx_p_oom(p);
        return false;
    }
    if (*cap)
        memcpy(n, *arr, *cap * elem);
    *arr = n;
    *cap = c;
    return true;
}

pscope *hx_p_scope_push(hx_parser *p, int kind, hx_ast_node *node)
{
    if (p->failed)
        return NULL;
    pscope *s = hx_arena_calloc(p->arena, sizeof(pscope));
    hx_ast_scope *o = hx_arena_calloc(p->arena, sizeof(hx_ast_scope));
    if (!s || !o)
        return hx_p_oom(p);
    s->out = o;
    s->kind = (uint8_t)kind;
    s->parent = p->scope;
    s->fn = p->fn;
    o->kind = (uint8_t)kind;
    o->parent = p->scope ? p->scope->out : NULL;
    o->node = node;
    if (p->nscopes == p->capscopes) {
        uint32_t c = p->capscopes ? p->capscopes * 2 : 64;
        pscope **n = realloc(p->scopes, c * sizeof(*n));
        if (!n)
            return hx_p_oom(p);
        p->scopes = n;
        p->capscopes = c;
    }
    p->scopes[p->nscopes++] = s;
    p->scope = s;
    return s;
}

bool hx_p_scope_pop(hx_parser *p, pscope *s)
{
    if (p->failed)
        return false;
    s->out->decls = s->decls;
    s->out->decl_count = s->ndecls;
    if (p->strict)
        s->out->flags |= HX_SCOPE_F_STRICT;
    p->scope = s->parent;
    return true;
}

void hx_p_scope_reparent(hx_parser *p, uint32_t mark, pscope *from, pscope *to)
{
    for (uint32_t i = mark; i < p->nscopes; i++) {
        pscope *s = p->scopes[i];
        if (s != to && s->parent == from) {
            s->parent = to;
            s->out->parent = to->out;
        }
    }
}

static hx_ast_decl *find(pscope *s, const hx_ast_name *name)
{
    for (uint32_t i = 0; i < s->ndecls; i++)
        if (s->decls[i].name == name)
            return &s->decls[i];
    return NULL;
}

pscope *hx_p_scope_lookup_decl(pscope *s, const hx_ast_name *name, hx_ast_decl **out)
{
    *out = find(s, name);
    return *out ? s : NULL;
}

static bool has_var(pscope *s, const hx_ast_name *name)
{
    for (uint32_t i = 0; i < s->nvars; i++)
        if (s->vars[i] == name)
            return true;
    return false;
}

static bool is_lexical(int kind)
{
    return kind == HX_DECL_LET || kind == HX_DECL_CONST || kind == HX_DECL_CLASS ||
           kind == HX_DECL_BLOCK_FUNCTION || kind == HX_DECL_USING ||
           kind == HX_DECL_AWAIT_USING || kind == HX_DECL_IMPORT;
}

static hx_ast_decl *add(hx_parser *p, pscope *s, const hx_ast_name *name, int kind,
                        hx_ast_node *id, hx_ast_node *decl, uint8_t flags)
{
    if (!grow(p, (void **)&s->decls, &s->capdecls, s->ndecls + 1, sizeof(hx_ast_decl)))
        return NULL;
    hx_ast_decl *d = &s->decls[s->ndecls++];
    d->name = name;
    d->kind = (uint8_t)kind;
    d->flags = flags;
    d->id = id;
    d->decl = decl;
    return d;
}

static void *dup_error(hx_parser *p, hx_ast_node *id, const hx_ast_name *name)
{
    if (id)
        return hx_p_error_at(p, id->start, id->line, id->col,
                             "Identifier '%s' has already been declared", name->utf8);
    return hx_p_error_tok(p, "Identifier '%s' has already been declared", name->utf8);
}

/* Declares `name` in the current scope (ES2025 early errors on duplicate
 * and conflicting declarations). */
bool hx_p_declare(hx_parser *p, const hx_ast_name *name, int kind, hx_ast_node *id,
                  hx_ast_node *decl, uint8_t flags)
{
    if (p->failed)
        return false;
    pscope *s = p->scope;
    if (kind == HX_DECL_VAR) {
        /* walk to the var scope; every block on the way must not bind it
         * lexically (B.3.4: a simple catch parameter is fine) */
        pscope *t = s;
        while (!t->var_scope) {
            hx_ast_decl *d = find(t, name);
            if (d && !(t->kind == HX_SCOPE_CATCH && t->simple_catch))
                return dup_error(p, id, name);
            if (!has_var(t, name)) {
                if (!grow(p, (void **)&t->vars, &t->capvars, t->nvars + 1, sizeof(void *)))
                    return false;
                t->vars[t->nvars++] = name;
            }
            t = t->parent;
        }
        hx_ast_decl *d = find(t, name);
        if (d) {
            if (is_lexical(d->kind) || (t->module && d->kind == HX_DECL_FUNCTION))
                return dup_error(p, id, name);
            return true;
        }
        if (t->fn_body) {
            /* var may repeat a parameter name (it is listed anyway) */
        }
        return add(p, t, name, kind, id, decl, flags) != NULL;
    }
    if (kind == HX_DECL_FUNCTION && !s->module) {
        /* top-level function of a function body / script / eval: var-scoped */
        hx_ast_decl *d = find(s, name);
        if (d) {
            if (is_lexical(d->kind))
                return dup_error(p, id, name);
            d->kind = HX_DECL_FUNCTION;
            d->id = id;
            d->decl = decl;
            d->flags = flags;
            return true;
        }
        return add(p, s, name, kind, id, decl, flags) != NULL;
    }
    if (kind == HX_DECL_PARAM || kind == HX_DECL_CATCH_PARAM) {
        hx_ast_decl *d = find(s, name);
        if (d) {
            if (kind == HX_DECL_CATCH_PARAM)
                return dup_error(p, id, name);
            /* duplicate parameters: checked by the function (strictness and
             * simple-list rules are known only after the body) */
            d->flags |= 0x80;
            return true;
        }
        return add(p, s, name, kind, id, decl, flags) != NULL;
    }
    /* lexical: let const class using block-function import, module-level
     * functions, class name */
    if (kind != HX_DECL_CLASS_NAME && kind != HX_DECL_IMPORT && kind != HX_DECL_BLOCK_FUNCTION &&
        kind != HX_DECL_FUNCTION && name->keyword == HX_KW_LET) {
        if (id)
            return hx_p_error_at(p, id->start, id->line, id->col,
                                 "let is disallowed as a lexically bound name");
        return hx_p_error_tok(p, "let is disallowed as a lexically bound name");
    }
    hx_ast_decl *d = find(s, name);
    if (d) {
        /* B.3.2.4: sloppy duplicate plain function declarations in blocks */
        if (kind == HX_DECL_BLOCK_FUNCTION && d->kind == HX_DECL_BLOCK_FUNCTION && !p->strict &&
            !(flags & HX_DECL_F_NOT_PLAIN_FUNCTION) && !(d->flags & HX_DECL_F_NOT_PLAIN_FUNCTION)) {
            return add(p, s, name, kind, id, decl, flags | 0x40) != NULL;
        }
        return dup_error(p, id, name);
    }
    if (has_var(s, name))
        return dup_error(p, id, name);
    if (s->catch_body && s->parent && find(s->parent, name))
        return dup_error(p, id, name);
    if (s->fn_body && s->fn && s->fn->param_scope && find(s->fn->param_scope, name))
        return dup_error(p, id, name);
    hx_ast_decl *nd = add(p, s, name, kind, id, decl, flags);
    if (!nd)
        return false;
    if (kind == HX_DECL_BLOCK_FUNCTION && !p->strict && !(flags & HX_DECL_F_NOT_PLAIN_FUNCTION)) {
        pfunc *f = p->fn;
        if (!grow(p, (void **)&f->annexb, &f->capannexb, f->nannexb + 1, sizeof(pannexb)))
            return false;
        f->annexb[f->nannexb].scope = s;
        f->annexb[f->nannexb].index = s->ndecls - 1;
        f->nannexb++;
    }
    return true;
}

/* Declares every name bound by a binding pattern. */
bool hx_p_declare_pattern(hx_parser *p, hx_ast_node *pat, int kind, hx_ast_node *decl)
{
    if (!pat || p->failed)
        return !p->failed;
    switch (pat->kind) {
    case HX_AST_IDENTIFIER:
        return hx_p_declare(p, pat->u.ident.name, kind, pat, decl, 0);
    case HX_AST_ASSIGN_PATTERN:
        return hx_p_declare_pattern(p, pat->u.assign.target, kind, decl);
    case HX_AST_REST:
        return hx_p_declare_pattern(p, pat->u.unary_stmt.argument, kind, decl);
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT_PATTERN:
        for (uint32_t i = 0; i < pat->u.array.items.len; i++) {
            hx_ast_node *it = pat->u.array.items.items[i];
            if (!it)
                continue;
            if (it->kind == HX_AST_PROPERTY)
                it = it->u.prop.value;
            if (!hx_p_declare_pattern(p, it, kind, decl))
                return false;
        }
        return true;
    default:
        return true;
    }
}

/* ES2025 B.3.2.1 / B.3.2.2 / B.3.2.3: decides, at the end of a function or
 * program, which sloppy block-level function declarations also get a var
 * binding in var_scope. */
bool hx_p_annexb_resolve(hx_parser *p, pfunc *f, pscope *var_scope)
{
    for (uint32_t i = 0; i < f->nannexb; i++) {
        pscope *bs = f->annexb[i].scope;
        hx_ast_decl *d = &bs->decls[f->annexb[i].index];
        const hx_ast_name *name = d->name;
        bool ok = true;
        /* "replacing the FunctionDeclaration with a var F would not produce
         * any Early Errors": no lexical F between the block and the var
         * scope (including the var scope's own lexical names) */
        for (pscope *t = bs->parent; t && ok; t = t->parent) {
            hx_ast_decl *e = find(t, name);
            if (e) {
                if (t->kind == HX_SCOPE_CATCH && t->simple_catch)
                    ;
                else if (is_lexical(e->kind) || e->kind == HX_DECL_CATCH_PARAM ||
                         e->kind == HX_DECL_CLASS_NAME)
                    ok = false;
                else if (t->module && e->kind == HX_DECL_FUNCTION)
                    ok = false;
            }
            if (t == var_scope)
                break;
        }
        /* other lexical declarations of F in the same block */
        for (uint32_t k = 0; k < bs->ndecls && ok; k++)
            if (k != f->annexb[i].index && bs->decls[k].name == name &&
                bs->decls[k].kind != HX_DECL_BLOCK_FUNCTION)
                ok = false;
        /* "F is not an element of parameterNames" */
        if (ok && f->param_scope && find(f->param_scope, name))
            ok = false;
        if (!ok)
            continue;
        d->flags |= HX_DECL_F_ANNEXB;
        hx_ast_decl *e = find(var_scope, name);
        if (!e && !(name->keyword == HX_KW_ARGUMENTS && !f->is_program)) {
            if (!add(p, var_scope, name, HX_DECL_ANNEXB_VAR, d->id, d->decl, 0))
                return false;
        }
    }
    return !p->failed;
}
