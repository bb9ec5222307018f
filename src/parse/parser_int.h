/*
 * parser_int.h — state shared by the parser's files (parser.c, parse_expr.c,
 * parse_stmt.c, parse_func.c, parse_scope.c, ts_parse.c, ts_lower.c).
 * Not for use outside src/parse/.
 *
 * Error discipline: the first error is recorded in p->err and p->failed is
 * set; every parse function then returns NULL (or false) and callers
 * propagate that without further work.
 */
#ifndef HX_PARSER_INT_H
#define HX_PARSER_INT_H

#include "parse/parser.h"
#include "parse/lexer.h"

/* Start position of a node, captured from a token. */
typedef struct ppos {
    uint32_t start, line, col;
} ppos;

/* Parser-side scope (see ast.h for what the compiler receives). */
typedef struct pscope {
    hx_ast_scope *out;
    struct pscope *parent;
    struct pfunc *fn;
    uint8_t kind;        /* hx_ast_scope_kind */
    bool var_scope;      /* program / function body / static block */
    bool simple_catch;   /* CATCH scope with a plain identifier parameter */
    bool catch_body;     /* BLOCK that is the body of a catch clause */
    bool fn_body;        /* FUNCTION_BODY (check parameter conflicts) */
    bool module;         /* module top level: functions are lexical */
    hx_ast_decl *decls;
    uint32_t ndecls, capdecls;
    const hx_ast_name **vars; /* names of vars declared in or below (non-var scopes) */
    uint32_t nvars, capvars;
} pscope;

typedef struct plabel {
    const hx_ast_name *name;
    bool loop;
} plabel;

/* Candidate for Annex B.3.2 function-in-block hoisting. */
typedef struct pannexb {
    pscope *scope;
    uint32_t index; /* into scope->decls */
} pannexb;

/* Function context (functions, arrows, program, class field initializers,
 * static blocks). */
typedef struct pfunc {
    struct pfunc *parent;
    hx_ast_node *node; /* function node, or NULL */
    uint32_t flags;    /* HX_FN_* accumulated */
    bool arrow, is_async, generator, strict;
    bool is_program;
    bool field_init;   /* class field initializer (no `arguments`) */
    bool static_block; /* class static block */
    bool method;       /* super.x allowed */
    bool super_call;   /* super() allowed */
    bool new_target;   /* new.target allowed */
    bool in_params;    /* parsing this function's formal parameters */
    uint32_t n_this, n_args, n_super_prop, n_super_call, n_new_target, n_eval, n_inner_eval;
    plabel *labels;
    uint32_t nlabels, caplabels;
    int label_chain;   /* index of the first label applying to the next statement, or -1 */
    int loop_depth, breakable_depth;
    pscope *param_scope, *body_scope;
    pannexb *annexb;
    uint32_t nannexb, capannexb;
} pfunc;

/* Cover-grammar bookkeeping (like ES2025 13.2.5.1 / 13.15.1 refinements). */
typedef struct pcover {
    uint32_t shorthand_init; /* offset+1 of the first `{a = 1}` (error unless pattern) */
    ppos shorthand_pos;
    uint32_t double_proto;   /* offset+1 of a duplicate __proto__ */
    ppos double_proto_pos;
} pcover;

/* A private-name reference awaiting its declaring class. */
typedef struct pprivref {
    const hx_ast_name *name;
    ppos pos;
} pprivref;

/* Class context: private names declared so far and references to check
 * when the class body ends (ES2025 15.7.1 AllPrivateIdentifiersValid). */
typedef struct pclass {
    struct pclass *parent;
    hx_ast_private_decl *privs;
    uint32_t npriv, cappriv;
    uint32_t ref_base; /* index into p->privrefs where this class's refs start */
    hx_ast_list ts_props; /* TypeScript constructor parameter properties (IDENTIFIERs) */
} pclass;

/* TypeScript namespace and enum lowering (ts_lower.c).  A tsmerge collects
 * the names one namespace (exports) or enum (members) gets from all its
 * declarations with the same owner: the enclosing pscope, or the tsmerge
 * of the namespace that exports it.  Identifier references made inside a
 * namespace body are recorded (tsref) and, when the body ends, those that
 * name an export and are not shadowed become `N.name`. */
typedef struct tsmerge {
    struct tsmerge *next;
    const void *owner;
    const hx_ast_name *name;
    bool is_enum;
    const hx_ast_name **names;
    uint32_t nnames, capnames;
} tsmerge;

typedef struct tsref {
    hx_ast_node *id; /* IDENTIFIER reference */
    pscope *scope;   /* scope it appeared in */
} tsref;

typedef struct tsns {
    struct tsns *parent;
    tsmerge *merge;
    const hx_ast_name *name;
    pscope *body;         /* the lowered function's body scope */
    uint32_t ref_base;    /* p->ts_refs index where this body's references start */
    uint32_t scope_base;  /* p->nscopes when the body started */
    bool export_next;     /* the enum / namespace about to be parsed is exported */
} tsns;

typedef struct hx_parser {
    hx_arena *arena;
    hx_lexer_t lx;
    hx_parse_error *err;
    bool failed;
    hx_parse_goal goal;
    uint32_t flags;     /* HX_PARSE_* */
    bool module;
    bool ts;            /* TypeScript */
    bool strict;        /* current code is strict */
    /* grammar parameters of the current production */
    bool yield_expr;    /* [+Yield]: `yield` is an operator */
    bool await_expr;    /* [+Await]: `await` is an operator */
    bool await_reserved; /* `await` may not be an identifier (module/async/static block) */
    bool in_ok;         /* [+In] */
    bool in_class_field; /* eval inside class field initializer */
    /* previous token end (for node ranges) */
    uint32_t prev_end;
    uint32_t prev_line;
    uint32_t depth;
    pfunc *fn;
    pscope *scope;
    pclass *cls;
    /* arrow cover tracking: offsets+1 of the first yield / await expression and
     * `await` identifier in the current parenthesized / call arguments */
    uint32_t yield_pos, await_pos, await_ident_pos;
    ppos yield_ppos, await_ppos, await_ident_ppos;
    /* all scopes in creation order (for re-parenting arrow cover scopes) */
    pscope **scopes;
    uint32_t nscopes, capscopes;
    /* node stack for building lists */
    hx_ast_node **stk;
    uint32_t nstk, capstk;
    /* unresolved private-name references */
    pprivref *privrefs;
    uint32_t nprivrefs, capprivrefs;
    /* module export bookkeeping */
    const hx_ast_name **exported;
    uint32_t nexported, capexported;
    hx_ast_node **export_locals; /* IDENTIFIER nodes of `export {x}` to check */
    uint32_t nexport_locals, capexport_locals;
    /* TypeScript: names used in value positions (for import elision) */
    bool ts_collect;
    const char *const *eval_privs;
    uint32_t neval_privs;
    bool has_tla;
    bool ts_async_arrow; /* the next parenthesized arrow is `async <T>(...)` */
    tsns *ts_ns;         /* innermost TypeScript namespace body, or NULL */
    tsmerge *ts_merges;
    tsref *ts_refs;
    uint32_t nts_refs, capts_refs;
} hx_parser;

#define TOK (p->lx.tok)

/* Speculative parsing (TypeScript ambiguities): everything a failed attempt
 * may have changed. */
typedef struct pspec {
    hx_lex_state lx;
    uint32_t prev_end, nstk, depth, nscopes, nprivrefs;
    pfunc *fn;
    pscope *scope;
    pclass *cls;
    tsns *ts_ns;
    uint32_t nts_refs;
    bool strict, yield_expr, await_expr, await_reserved, in_ok;
} pspec;
void hx_p_spec_save(hx_parser *p, pspec *s);
void hx_p_spec_restore(hx_parser *p, pspec *s); /* also clears the error */

/* parser.c */
void *hx_p_oom(hx_parser *p);
void *hx_p_error_at(hx_parser *p, uint32_t off, uint32_t line, uint32_t col, const char *fmt, ...);
void *hx_p_error_tok(hx_parser *p, const char *fmt, ...);
void *hx_p_unexpected(hx_parser *p);
void hx_p_next(hx_parser *p);
bool hx_p_eat(hx_parser *p, int type);
bool hx_p_expect(hx_parser *p, int type);
bool hx_p_semicolon(hx_parser *p);
ppos hx_p_here(hx_parser *p);
hx_ast_node *hx_p_node(hx_parser *p, int kind, ppos at);
hx_ast_node *hx_p_finish(hx_parser *p, hx_ast_node *n);
bool hx_p_push(hx_parser *p, hx_ast_node *n);
hx_ast_list hx_p_list(hx_parser *p, uint32_t base);
bool hx_p_is_kw(hx_parser *p, int kw);  /* unescaped keyword `kw` */
bool hx_p_is_name(hx_parser *p, int kw); /* NAME with keyword kw (maybe escaped) */
int hx_p_peek(hx_parser *p, hx_token *out); /* type of the next token */
bool hx_p_enter(hx_parser *p);
void hx_p_leave(hx_parser *p);
void hx_p_set_strict(hx_parser *p, bool strict);
hx_ast_node *hx_p_string_node(hx_parser *p, const char *utf8);
const hx_ast_name *hx_p_intern(hx_parser *p, const char *s);

/* parse_expr.c */
hx_ast_node *hx_p_expression(hx_parser *p);
hx_ast_node *hx_p_assign(hx_parser *p, pcover *cv);
hx_ast_node *hx_p_lhs(hx_parser *p);
hx_ast_node *hx_p_binding_target(hx_parser *p, int decl_kind, hx_ast_node *decl);
hx_ast_node *hx_p_binding_element(hx_parser *p, int decl_kind, hx_ast_node *decl);
hx_ast_node *hx_p_binding_ident(hx_parser *p, int decl_kind, hx_ast_node *decl);
hx_ast_node *hx_p_to_assign_target(hx_parser *p, hx_ast_node *n, bool pattern_ok);
bool hx_p_check_label(hx_parser *p, const hx_ast_name *name, bool escaped, ppos at);
bool hx_p_check_binding_name(hx_parser *p, const hx_ast_name *name, bool escaped, ppos at);
hx_ast_node *hx_p_property_name(hx_parser *p, bool *computed, bool allow_private);
hx_ast_node *hx_p_template(hx_parser *p, bool tagged);
hx_ast_node *hx_p_ident_ref(hx_parser *p);
hx_ast_node *hx_p_arrow_params_convert(hx_parser *p, hx_ast_list *params);
void hx_p_note_ident_ref(hx_parser *p, const hx_ast_name *name);

/* parse_stmt.c */
hx_ast_node *hx_p_statement_list_item(hx_parser *p);
hx_ast_node *hx_p_statement(hx_parser *p, int ctx);
hx_ast_node *hx_p_block(hx_parser *p, bool new_scope);
bool hx_p_body_items(hx_parser *p, int end_type, bool directives, uint32_t *flags_out);
hx_ast_node *hx_p_module_item(hx_parser *p);
hx_ast_node *hx_p_var_decl(hx_parser *p, int kind, bool in_for, ppos at);

/* parse_func.c */
hx_ast_node *hx_p_function(hx_parser *p, ppos at, int kind, bool is_async, bool is_decl,
                           bool default_export);
hx_ast_node *hx_p_method_function(hx_parser *p, ppos at, uint32_t fn_flags, hx_ast_node *key);
hx_ast_node *hx_p_arrow(hx_parser *p, ppos at, hx_ast_list params_exprs, bool is_async,
                        uint32_t scope_mark, pfunc *counters);
hx_ast_node *hx_p_class(hx_parser *p, ppos at, bool is_decl, bool default_export);
void hx_p_fn_use(hx_parser *p, int what);
enum { USE_THIS, USE_ARGS, USE_SUPER_PROP, USE_SUPER_CALL, USE_NEW_TARGET, USE_EVAL };
pfunc *hx_p_fn_push(hx_parser *p, hx_ast_node *node);
void hx_p_fn_pop(hx_parser *p, pfunc *f);
void hx_p_private_ref(hx_parser *p, const hx_ast_name *name, ppos at);

/* parse_scope.c */
pscope *hx_p_scope_push(hx_parser *p, int kind, hx_ast_node *node);
bool hx_p_scope_pop(hx_parser *p, pscope *s);
bool hx_p_declare(hx_parser *p, const hx_ast_name *name, int kind, hx_ast_node *id,
                  hx_ast_node *decl, uint8_t flags);
bool hx_p_declare_pattern(hx_parser *p, hx_ast_node *pat, int kind, hx_ast_node *decl);
bool hx_p_annexb_resolve(hx_parser *p, pfunc *f, pscope *var_scope);
pscope *hx_p_scope_lookup_decl(pscope *s, const hx_ast_name *name, hx_ast_decl **out);
void hx_p_scope_reparent(hx_parser *p, uint32_t mark, pscope *from, pscope *to);

/* ts_parse.c (TypeScript syntax that is parsed and dropped) */
bool hx_ts_skip_type(hx_parser *p);
bool hx_ts_type_annotation(hx_parser *p);   /* `: T` if present */
bool hx_ts_type_params(hx_parser *p);       /* `<T, U extends X = Y>` if present */
bool hx_ts_try_type_args(hx_parser *p);     /* `<T>` before ( or ` : speculative */
hx_ast_node *hx_ts_statement(hx_parser *p, bool *handled, bool exported);
bool hx_ts_skip_modifiers(hx_parser *p, uint32_t *mods);
enum {
    TSM_PUBLIC = 1, TSM_PRIVATE = 2, TSM_PROTECTED = 4, TSM_READONLY = 8,
    TSM_ABSTRACT = 16, TSM_DECLARE = 32, TSM_OVERRIDE = 64,
};

/* ts_lower.c */
hx_ast_node *hx_ts_lower_enum(hx_parser *p, ppos at, bool is_const, bool exported);
hx_ast_node *hx_ts_lower_namespace(hx_parser *p, ppos at, bool exported);
bool hx_ts_param_properties(hx_parser *p, hx_ast_node *ctor, hx_ast_list props, bool derived);
bool hx_ts_param_property_fields(hx_parser *p, hx_ast_node *klass, hx_ast_list props);
bool hx_ts_note_ref(hx_parser *p, hx_ast_node *id); /* inside a namespace body */

#endif
