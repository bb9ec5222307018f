/*
 * resolve.c — scope analysis, the compiler's first pass.  Walks the whole
 * program once, attaching an hx_cscope to every AST scope and an hx_fninfo
 * to every function, and decides for each binding whether an inner
 * function captures it (then it lives in a heap context) or whether names
 * must stay findable at run time (direct eval, `with`).
 *
 * Invariant: after this pass, a binding's `captured` flag is final; the
 * emitters only assign registers/slots and never change it.
 */
#include <string.h>
#include "compile/cinternal.h"

typedef struct rstate {
    hx_compiler *c;
    hx_cscope *scope;   /* innermost scope */
    hx_fninfo *fn;      /* innermost function (incl. synthetic class-field ones) */
    int with_depth;     /* inside `with` bodies of the current function chain */
} rstate;

static void walk(rstate *r, hx_ast_node *n);
static void walk_list(rstate *r, hx_ast_list *l) {
    for (uint32_t i = 0; i < l->len; i++)
        if (l->items[i]) walk(r, l->items[i]);
}

hx_cscope *hx_cscope_of(hx_ast_scope *s) { return s ? (hx_cscope *)s->compiler_data : NULL; }

hx_fninfo *hx_fninfo_of(hx_compiler *c, hx_ast_node *fn) {
    for (uint32_t i = 0; i < c->fn_count; i++)
        if (c->fninfos[i]->node == fn) return c->fninfos[i];
    return NULL;
}

static hx_fninfo *new_fninfo(rstate *r, hx_ast_node *node) {
    hx_compiler *c = r->c;
    hx_fninfo *fi = hx_arena_calloc(c->arena, sizeof(hx_fninfo));
    if (!fi) {
        c->failed = true;
        return NULL;
    }
    fi->node = node;
    fi->parent = r->fn;
    if (c->fn_count == c->fn_cap) {
        uint32_t ncap = c->fn_cap ? c->fn_cap * 2 : 64;
        hx_fninfo **n = hx_arena_alloc(c->arena, ncap * sizeof(hx_fninfo *));
        if (!n) {
            c->failed = true;
            return NULL;
        }
        if (c->fn_count) memcpy(n, c->fninfos, c->fn_count * sizeof(hx_fninfo *));
        c->fninfos = n;
        c->fn_cap = ncap;
    }
    c->fninfos[c->fn_count++] = fi;
    return fi;
}

static hx_cscope *enter(rstate *r, hx_ast_scope *s) {
    if (!s) return NULL;
    hx_cscope *cs = hx_arena_calloc(r->c->arena, sizeof(hx_cscope));
    if (!cs) {
        r->c->failed = true;
        return NULL;
    }
    cs->ast = s;
    cs->parent = r->scope;
    cs->count = s->decl_count;
    cs->fn_node = r->fn ? r->fn->node : NULL;
    cs->bind = s->decl_count ? hx_arena_calloc(r->c->arena, s->decl_count * sizeof(hx_binding)) : NULL;
    if (s->decl_count && !cs->bind) {
        r->c->failed = true;
        return NULL;
    }
    for (uint32_t i = 0; i < s->decl_count; i++) {
        hx_ast_decl *d = &s->decls[i];
        hx_binding *b = &cs->bind[i];
        b->name = d->name;
        b->decl_kind = d->kind;
        b->is_const = d->kind == HX_DECL_CONST || d->kind == HX_DECL_CLASS_NAME || d->kind == HX_DECL_IMPORT ||
                      d->kind == HX_DECL_USING || d->kind == HX_DECL_AWAIT_USING;
        b->tdz = d->kind == HX_DECL_LET || d->kind == HX_DECL_CONST || d->kind == HX_DECL_CLASS ||
                 d->kind == HX_DECL_CLASS_NAME || d->kind == HX_DECL_USING || d->kind == HX_DECL_AWAIT_USING;
    }
    s->compiler_data = cs;
    r->scope = cs;
    return cs;
}

static void leave(rstate *r, hx_cscope *cs) {
    if (cs) r->scope = cs->parent;
}

static hx_binding *find_in(hx_cscope *cs, const hx_ast_name *name) {
    for (uint32_t i = 0; i < cs->count; i++)
        if (cs->bind[i].name == name) return &cs->bind[i];
    return NULL;
}

/* Marks every binding visible from the current scope as captured (direct
 * eval can name any of them). */
static void capture_all(rstate *r) {
    for (hx_cscope *cs = r->scope; cs; cs = cs->parent)
        for (uint32_t i = 0; i < cs->count; i++) cs->bind[i].captured = true;
    for (hx_fninfo *f = r->fn; f; f = f->parent) {
        f->all_captured = true;
        for (int k = 0; k < HX_SYN_COUNT; k++) f->captured_syn[k] = true;
    }
}

static void reference(rstate *r, const hx_ast_name *name) {
    for (hx_cscope *cs = r->scope; cs; cs = cs->parent) {
        hx_binding *b = find_in(cs, name);
        if (b) {
            if (cs->fn_node != (r->fn ? r->fn->node : NULL) || r->with_depth) b->captured = true;
            return;
        }
    }
}

static bool fn_is_strict(hx_ast_node *n) {
    if (!n) return false;
    switch (n->kind) {
    case HX_AST_PROGRAM: return n->u.program.strict;
    case HX_AST_FUNCTION_DECL:
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW: return (n->u.func.flags & HX_FN_STRICT) != 0;
    default: return true; /* class fields and static blocks */
    }
}

static bool is_arrow_like(hx_fninfo *f) {
    hx_ast_node *n = f->node;
    return n && n->kind == HX_AST_ARROW;
}

/* this / new.target / super / arguments: owned by the nearest non-arrow
 * function (or the program); captured when referenced from an arrow. */
static void use_syn(rstate *r, int syn) {
    bool crossed = false;
    for (hx_fninfo *f = r->fn; f; f = f->parent) {
        if (is_arrow_like(f)) {
            crossed = true;
            continue;
        }
        f->uses_syn[syn] = true;
        if (crossed) f->captured_syn[syn] = true;
        return;
    }
}

static void walk_function(rstate *r, hx_ast_node *fn) {
    hx_fninfo *fi = new_fninfo(r, fn);
    if (!fi) return;
    hx_fninfo *saved_fn = r->fn;
    int saved_with = r->with_depth;
    r->fn = fi;
    r->with_depth = 0;
    /* a named function expression binds its own name (ES2025 15.2.5),
     * outside the parameters: a synthetic one-binding scope */
    hx_cscope *self = NULL;
    if ((fn->u.func.flags & HX_FN_NAMED_EXPR) && fn->u.func.name) {
        hx_ast_scope *ss = hx_arena_calloc(r->c->arena, sizeof(hx_ast_scope));
        hx_ast_decl *d = hx_arena_calloc(r->c->arena, sizeof(hx_ast_decl));
        if (!ss || !d) {
            r->c->failed = true;
            return;
        }
        d->name = fn->u.func.name;
        d->kind = HX_DECL_CLASS_NAME;
        d->id = fn->u.func.id;
        d->decl = fn;
        ss->kind = HX_SCOPE_BLOCK;
        ss->decl_count = 1;
        ss->decls = d;
        ss->node = fn;
        self = enter(r, ss);
        if (self) {
            self->fn_node = fn;
            self->bind[0].tdz = false;
            self->bind[0].sloppy_fn_name = true;
            fi->self_scope = self;
        }
    }
    hx_cscope *ps = enter(r, fn->u.func.param_scope);
    if (ps) ps->fn_node = fn;
    fi->params = ps;
    if (fn->u.func.flags & HX_FN_DIRECT_EVAL) {
        fi->has_eval = true;
    }
    /* parameters see the parameter scope only: closures in parameter
     * expressions cannot see body declarations (ES2025 10.2.11 step 28) */
    walk_list(r, &fn->u.func.params);
    hx_cscope *bs = enter(r, fn->u.func.body_scope);
    if (bs) {
        bs->fn_node = fn;
        bs->is_function = true;
    }
    fi->body = bs;
    if (fn->u.func.flags & HX_FN_EXPR_BODY) walk(r, fn->u.func.body.items[0]);
    else walk_list(r, &fn->u.func.body);
    if (!(fn->kind == HX_AST_ARROW) && (fn->u.func.flags & HX_FN_USES_ARGUMENTS) &&
        !(fn->u.func.flags & HX_FN_HAS_ARGUMENTS_BINDING))
        fi->uses_syn[HX_SYN_ARGUMENTS] = true;
    /* a mapped arguments object aliases the parameters: they live in the
     * context so both see one storage (ES2025 10.4.4.7) */
    if (fi->uses_syn[HX_SYN_ARGUMENTS] && !(fn->u.func.flags & HX_FN_STRICT) &&
        (fn->u.func.flags & HX_FN_SIMPLE_PARAMS) && ps)
        for (uint32_t i = 0; i < ps->count; i++) ps->bind[i].captured = true;
    leave(r, bs);
    leave(r, ps);
    leave(r, self);
    r->fn = saved_fn;
    r->with_depth = saved_with;
}

static void walk_class(rstate *r, hx_ast_node *cls) {
    if (cls->u.klass.super_class) walk(r, cls->u.klass.super_class);
    hx_cscope *cs = enter(r, cls->u.klass.scope);
    /* private names and brands live in the class scope's context */
    if (cs) {
        for (uint32_t i = 0; i < cs->count; i++) cs->bind[i].captured = true;
    }
    /* element keys are evaluated in the class scope; field initialisers run
     * as methods (one synthetic function info for the class's fields) and
     * static blocks as methods of their own */
    hx_fninfo *fields = NULL;
    for (uint32_t i = 0; i < cls->u.klass.body.len; i++) {
        hx_ast_node *el = cls->u.klass.body.items[i];
        if (el->kind == HX_AST_METHOD) {
            if (el->u.method.computed) walk(r, el->u.method.key);
            walk(r, el->u.method.value);
        } else if (el->kind == HX_AST_FIELD) {
            if (el->u.field.computed) walk(r, el->u.field.key);
            if (el->u.field.value) {
                if (!fields) {
                    /* the initialiser function's own scope, between the class
                     * scope and anything nested in the initialisers */
                    fields = new_fninfo(r, cls);
                    if (!fields) return;
                    hx_cscope *home = hx_arena_calloc(r->c->arena, sizeof(hx_cscope));
                    hx_ast_scope *hs = hx_arena_calloc(r->c->arena, sizeof(hx_ast_scope));
                    if (!home || !hs) {
                        r->c->failed = true;
                        return;
                    }
                    hs->kind = HX_SCOPE_FUNCTION_BODY;
                    hs->compiler_data = home;
                    hs->node = cls;
                    home->ast = hs;
                    home->parent = r->scope;
                    home->is_function = true;
                    home->fn_node = cls;
                    fields->body = home;
                }
                hx_fninfo *fi = fields;
                hx_fninfo *saved = r->fn;
                hx_cscope *saved_scope = r->scope;
                r->fn = fi;
                r->scope = fi->body;
                walk(r, el->u.field.value);
                r->fn = saved;
                r->scope = saved_scope;
            }
        } else if (el->kind == HX_AST_STATIC_BLOCK) {
            hx_fninfo *fi = new_fninfo(r, el);
            if (!fi) return;
            hx_fninfo *saved = r->fn;
            r->fn = fi;
            hx_cscope *bs = enter(r, el->u.block.scope);
            if (bs) {
                bs->fn_node = el;
                bs->is_function = true;
            }
            fi->body = bs;
            walk_list(r, &el->u.block.body);
            leave(r, bs);
            r->fn = saved;
        }
    }
    leave(r, cs);
}

static void walk_key(rstate *r, hx_ast_node *key, bool computed) {
    if (computed) walk(r, key);
}

static void walk_node(rstate *r, hx_ast_node *n);

static void walk(rstate *r, hx_ast_node *n) {
    if (!n || r->c->failed) return;
    if (++r->c->depth > HX_COMPILE_MAX_DEPTH) {
        r->c->failed = true;
        r->c->too_deep = n;
        return;
    }
    walk_node(r, n);
    r->c->depth--;
}

static void walk_node(rstate *r, hx_ast_node *n) {
    switch ((hx_ast_kind)n->kind) {
    case HX_AST_PROGRAM: {
        hx_fninfo *fi = new_fninfo(r, n);
        if (!fi) return;
        r->fn = fi;
        hx_cscope *cs = enter(r, n->u.program.scope);
        if (cs) {
            cs->fn_node = n;
            cs->is_function = true;
        }
        fi->body = cs;
        walk_list(r, &n->u.program.body);
        leave(r, cs);
        return;
    }
    case HX_AST_VAR_DECL: walk_list(r, &n->u.var_decl.declarations); return;
    case HX_AST_VAR_DECLARATOR:
        walk(r, n->u.declarator.id);
        walk(r, n->u.declarator.init);
        return;
    case HX_AST_FUNCTION_DECL:
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW: walk_function(r, n); return;
    case HX_AST_CLASS_DECL:
    case HX_AST_CLASS_EXPR: walk_class(r, n); return;
    case HX_AST_EXPR_STMT: walk(r, n->u.expr_stmt.expression); return;
    case HX_AST_BLOCK: {
        hx_cscope *cs = enter(r, n->u.block.scope);
        walk_list(r, &n->u.block.body);
        leave(r, cs);
        return;
    }
    case HX_AST_STATIC_BLOCK: return; /* handled by walk_class */
    case HX_AST_EMPTY:
    case HX_AST_DEBUGGER:
    case HX_AST_BREAK:
    case HX_AST_CONTINUE:
    case HX_AST_NULL_LIT:
    case HX_AST_BOOL_LIT:
    case HX_AST_NUMBER_LIT:
    case HX_AST_BIGINT_LIT:
    case HX_AST_STRING_LIT:
    case HX_AST_REGEXP_LIT:
    case HX_AST_TEMPLATE_ELEMENT:
    case HX_AST_PRIVATE_NAME:
    case HX_AST_IMPORT_SPECIFIER:
    case HX_AST_IMPORT_ATTRIBUTE:
    case HX_AST_EXPORT_SPECIFIER:
    case HX_AST_EXPORT_ALL:
    case HX_AST_IMPORT_DECL: return;
    case HX_AST_WITH: {
        walk(r, n->u.with.object);
        capture_all(r);
        /* a marker scope: the object environment between the body and the
         * enclosing scopes; names passing it are resolved at run time */
        hx_cscope *marker = hx_arena_calloc(r->c->arena, sizeof(hx_cscope));
        hx_ast_scope *ms = hx_arena_calloc(r->c->arena, sizeof(hx_ast_scope));
        if (!marker || !ms) {
            r->c->failed = true;
            return;
        }
        ms->kind = HX_SCOPE_BLOCK;
        ms->compiler_data = marker;
        ms->node = n;
        marker->ast = ms;
        marker->parent = r->scope;
        marker->has_ctx = true;
        marker->dynamic = true;
        marker->fn_node = r->fn ? r->fn->node : NULL;
        hx_compiler_add_with(r->c, n, marker);
        r->scope = marker;
        r->with_depth++;
        walk(r, n->u.with.body);
        r->with_depth--;
        r->scope = marker->parent;
        return;
    }
    case HX_AST_RETURN:
    case HX_AST_THROW:
    case HX_AST_SPREAD:
    case HX_AST_CHAIN:
    case HX_AST_AWAIT:
    case HX_AST_REST: walk(r, n->u.unary_stmt.argument); return;
    case HX_AST_LABELED: walk(r, n->u.labeled.body); return;
    case HX_AST_IF:
    case HX_AST_CONDITIONAL:
        walk(r, n->u.if_.test);
        walk(r, n->u.if_.consequent);
        walk(r, n->u.if_.alternate);
        return;
    case HX_AST_SWITCH: {
        walk(r, n->u.switch_.discriminant);
        hx_cscope *cs = enter(r, n->u.switch_.scope);
        walk_list(r, &n->u.switch_.cases);
        leave(r, cs);
        return;
    }
    case HX_AST_SWITCH_CASE:
        walk(r, n->u.switch_case.test);
        walk_list(r, &n->u.switch_case.consequent);
        return;
    case HX_AST_TRY:
        walk(r, n->u.try_.block);
        walk(r, n->u.try_.handler);
        walk(r, n->u.try_.finalizer);
        return;
    case HX_AST_CATCH: {
        hx_cscope *cs = enter(r, n->u.catch_.scope);
        walk(r, n->u.catch_.param);
        walk(r, n->u.catch_.body);
        leave(r, cs);
        return;
    }
    case HX_AST_WHILE:
    case HX_AST_DO_WHILE:
        walk(r, n->u.loop.test);
        walk(r, n->u.loop.body);
        return;
    case HX_AST_FOR: {
        hx_cscope *cs = enter(r, n->u.for_.scope);
        walk(r, n->u.for_.init);
        walk(r, n->u.for_.test);
        walk(r, n->u.for_.update);
        walk(r, n->u.for_.body);
        leave(r, cs);
        return;
    }
    case HX_AST_FOR_IN:
    case HX_AST_FOR_OF: {
        hx_cscope *cs = enter(r, n->u.for_in.scope);
        walk(r, n->u.for_in.left);
        walk(r, n->u.for_in.right);
        walk(r, n->u.for_in.body);
        leave(r, cs);
        return;
    }
    case HX_AST_EXPORT_NAMED: walk(r, n->u.export_named.declaration); return;
    case HX_AST_EXPORT_DEFAULT: walk(r, n->u.export_default.declaration); return;
    case HX_AST_IDENTIFIER:
        if (n->u.ident.name->len == 9 && !memcmp(n->u.ident.name->utf8, "arguments", 9)) {
            /* resolves to a real binding if one exists; else the arguments object */
            for (hx_cscope *cs = r->scope; cs; cs = cs->parent)
                if (find_in(cs, n->u.ident.name)) {
                    reference(r, n->u.ident.name);
                    return;
                }
            use_syn(r, HX_SYN_ARGUMENTS);
            return;
        }
        reference(r, n->u.ident.name);
        return;
    case HX_AST_TEMPLATE: walk_list(r, &n->u.tmpl.expressions); return;
    case HX_AST_TAGGED_TEMPLATE:
        walk(r, n->u.tagged.tag);
        walk(r, n->u.tagged.quasi);
        return;
    case HX_AST_THIS: use_syn(r, HX_SYN_THIS); return;
    case HX_AST_SUPER:
        use_syn(r, HX_SYN_FUNC);
        use_syn(r, HX_SYN_THIS);
        use_syn(r, HX_SYN_NEW_TARGET);
        return;
    case HX_AST_ARRAY:
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT:
    case HX_AST_OBJECT_PATTERN: walk_list(r, &n->u.array.items); return;
    case HX_AST_PROPERTY:
        walk_key(r, n->u.prop.key, n->u.prop.computed);
        walk(r, n->u.prop.value);
        return;
    case HX_AST_METHOD:
        walk_key(r, n->u.method.key, n->u.method.computed);
        walk(r, n->u.method.value);
        return;
    case HX_AST_FIELD: return;
    case HX_AST_UNARY: walk(r, n->u.unary.argument); return;
    case HX_AST_UPDATE: walk(r, n->u.update.argument); return;
    case HX_AST_BINARY:
    case HX_AST_LOGICAL:
        walk(r, n->u.binary.left);
        walk(r, n->u.binary.right);
        return;
    case HX_AST_ASSIGN:
    case HX_AST_ASSIGN_PATTERN:
        walk(r, n->u.assign.target);
        walk(r, n->u.assign.value);
        return;
    case HX_AST_CALL:
    case HX_AST_NEW:
        walk(r, n->u.call.callee);
        walk_list(r, &n->u.call.arguments);
        if (n->kind == HX_AST_CALL && n->u.call.direct_eval) {
            capture_all(r);
            /* sloppy eval can add vars to the enclosing var scope: names that
             * pass through it must be looked up at run time */
            if (r->fn && !fn_is_strict(r->fn->node)) {
                hx_cscope *vs = r->fn->body ? r->fn->body : r->fn->params; /* eval in parameters */
                if (vs) vs->dynamic = true;
            }
            for (hx_fninfo *f = r->fn; f; f = f->parent) {
                f->has_eval = true;
                for (int k = 0; k < HX_SYN_COUNT; k++) f->uses_syn[k] = true;
                if (!is_arrow_like(f)) break;
            }
        }
        return;
    case HX_AST_MEMBER:
        walk(r, n->u.member.object);
        if (n->u.member.computed) walk(r, n->u.member.property);
        return;
    case HX_AST_SEQUENCE: walk_list(r, &n->u.sequence.expressions); return;
    case HX_AST_YIELD: walk(r, n->u.yield.argument); return;
    case HX_AST_META_PROPERTY:
        if (n->u.meta.kind == HX_META_NEW_TARGET) use_syn(r, HX_SYN_NEW_TARGET);
        return;
    case HX_AST_IMPORT_CALL:
        walk(r, n->u.import_call.source);
        walk(r, n->u.import_call.options);
        return;
    case HX_AST_PRIVATE_IN: walk(r, n->u.private_in.right); return;
    case HX_AST_KIND_COUNT: return;
    }
}

void hx_compiler_add_with(hx_compiler *c, hx_ast_node *with, hx_cscope *marker) {
    if (c->with_count == c->with_cap) {
        uint32_t ncap = c->with_cap ? c->with_cap * 2 : 8;
        hx_cscope **n = hx_arena_alloc(c->arena, ncap * sizeof(hx_cscope *));
        if (!n) {
            c->failed = true;
            return;
        }
        if (c->with_count) memcpy(n, c->withs, c->with_count * sizeof(hx_cscope *));
        c->withs = n;
        c->with_cap = ncap;
    }
    c->withs[c->with_count++] = marker;
}

hx_cscope *hx_compiler_with_marker(hx_compiler *c, hx_ast_node *with) {
    for (uint32_t i = 0; i < c->with_count; i++)
        if (c->withs[i]->ast->node == with) return c->withs[i];
    return NULL;
}

int hx_resolve_program(hx_compiler *c, hx_ast_node *program) {
    rstate r = {c, NULL, NULL, 0};
    walk(&r, program);
    return c->failed ? -1 : 0;
}

/* Names of a scope's context slots, for dynamic lookup (eval, with). */
hx_scopeinfo *hx_cscope_info(hx_compiler *c, hx_cscope *cs) {
    if (cs->info) return cs->info;
    hx_runtime *rt = c->rt;
    hx_scopeinfo *si = hx_gc_alloc(rt, HX_CELL_SCOPEINFO, sizeof(hx_scopeinfo));
    if (!si) return NULL;
    uint32_t n = cs->ctx_slots;
    si->names = n ? hx_mem_alloc(rt, n * sizeof(hx_value)) : NULL;
    si->kinds = n ? hx_mem_alloc(rt, n) : NULL;
    if (n && (!si->names || !si->kinds)) return NULL;
    for (uint32_t i = 0; i < n; i++) {
        si->names[i] = HX_UNDEFINED;
        si->kinds[i] = 0;
    }
    si->count = n;
    cs->info = si;
    return si;
}
