/*
 * cinternal.h — state shared by the compiler's files: per-binding storage
 * decided by the resolver, per-scope context layout, the function being
 * emitted (hx_fstate) and the emit helpers.
 *
 * Invariant: fs->depth is the exact operand-stack depth at the current
 * emission point; every emit_* helper adjusts it by the opcode's stack
 * effect, so exception handlers and finally blocks record correct depths.
 */
#ifndef HX_CINTERNAL_H
#define HX_CINTERNAL_H

#include "compile/compiler.h"
#include "compile/opcodes.h"

typedef enum hx_storage {
    HX_ST_REG,        /* register of the owning function */
    HX_ST_CTX,        /* slot of the owning scope's heap context */
    HX_ST_GLOBAL,     /* global object property (script var/function) */
    HX_ST_GLOBAL_LEX, /* global lexical record (script let/const/class) */
    HX_ST_DYNAMIC,    /* found by name at run time (sloppy eval vars) */
} hx_storage;

typedef struct hx_fstate hx_fstate;
typedef struct hx_cscope hx_cscope;

typedef struct hx_binding {
    const hx_ast_name *name;
    uint8_t decl_kind; /* hx_ast_decl_kind, or HX_DECL_KIND_COUNT + n for synthetic ones */
    uint8_t storage;   /* hx_storage */
    bool captured;
    bool is_const;     /* const, class-name, import: assignment is a TypeError */
    bool tdz;          /* starts uninitialised (let/const/class) */
    bool sloppy_fn_name; /* named function expression binding: assignment ignored in sloppy mode */
    uint32_t index;    /* register or context slot */
    hx_cscope *home;   /* the scope whose context holds it (HX_ST_CTX) */
    hx_fstate *fn;     /* owning function (set during emission) */
} hx_binding;

/* hx_scopeinfo.kinds of a binding's context slot. */
static inline uint8_t hx_slot_kind(const hx_binding *b) {
    bool lexical = b->decl_kind == HX_DECL_LET || b->decl_kind == HX_DECL_CONST || b->decl_kind == HX_DECL_CLASS ||
                   b->decl_kind == HX_DECL_CLASS_NAME || b->decl_kind == HX_DECL_USING ||
                   b->decl_kind == HX_DECL_AWAIT_USING;
    return (uint8_t)((b->tdz ? HX_SLOT_UNINIT : 0) | (b->is_const ? HX_SLOT_CONST : 0) | (lexical ? HX_SLOT_LEXICAL : 0));
}

/* Compiler data of one AST scope (hx_ast_scope.compiler_data). */
struct hx_cscope {
    hx_ast_scope *ast;
    hx_cscope *parent;
    hx_binding *bind;    /* one per decl, same order */
    uint32_t count;
    bool has_ctx;        /* a context is pushed for this scope at run time */
    bool is_function;    /* function body scope (the function's top context) */
    bool dynamic;        /* names here can be shadowed at run time (with / sloppy eval) */
    uint32_t ctx_slots;
    hx_scopeinfo *info;  /* names of the context's slots, built lazily */
    hx_ast_node *fn_node; /* the function (or program) this scope belongs to */
};

/* Synthetic per-function bindings: this, new.target, the active function
 * (whose [[HomeObject]] serves super), arguments. */
enum { HX_SYN_THIS, HX_SYN_NEW_TARGET, HX_SYN_FUNC, HX_SYN_ARGUMENTS, HX_SYN_COUNT };

/* Per-function resolver results, hung on the function node via a side table. */
typedef struct hx_fninfo {
    hx_ast_node *node;
    struct hx_fninfo *parent;
    bool uses_syn[HX_SYN_COUNT];
    bool captured_syn[HX_SYN_COUNT];
    bool has_eval;        /* direct eval inside (itself or nested arrows) */
    bool all_captured;    /* eval/with: every binding lives in a named context */
    hx_cscope *body;      /* the function's body scope (or program scope) */
    hx_cscope *self_scope; /* named function expression: its own-name scope */
    hx_cscope *params;    /* the parameter scope (functions) */
    hx_binding syn[HX_SYN_COUNT];
} hx_fninfo;

/* Control-flow targets for break/continue. */
typedef struct hx_jumplist {
    uint32_t *at;
    uint32_t len, cap;
} hx_jumplist;

typedef enum { HX_CF_LOOP, HX_CF_LABEL, HX_CF_SWITCH, HX_CF_FINALLY, HX_CF_ITER, HX_CF_CTX,
               HX_CF_BLOCK_LABEL } hx_cf_kind;

typedef struct hx_cflow {
    struct hx_cflow *outer;
    hx_cf_kind kind;
    const hx_ast_name **labels; /* labels naming this statement */
    uint32_t label_count;
    hx_jumplist breaks, continues;
    uint32_t finally_label;     /* HX_CF_FINALLY: gosub target list */
    hx_jumplist gosubs;
    int depth;                  /* operand stack depth at entry */
    uint32_t continue_target;
    bool continue_known;
} hx_cflow;

struct hx_fstate {
    hx_fstate *parent;
    hx_realm *realm;
    hx_runtime *rt;
    hx_ast_node *node;  /* function node or PROGRAM */
    hx_fninfo *info;
    hx_funcdef *def;
    /* code */
    uint8_t *code;
    uint32_t len, cap;
    hx_value *consts;
    uint32_t const_count, const_cap;
    hx_handler *handlers;
    uint32_t handler_count, handler_cap;
    uint32_t *lines;
    uint32_t line_count, line_cap;
    uint32_t last_line, last_col;
    int depth, max_depth;
    uint32_t nregs, max_regs;
    uint32_t ic_count;
    uint32_t flags;     /* HX_FD_* */
    bool strict;
    bool is_program;
    bool is_eval;
    bool sloppy_eval_program;
    bool in_with;       /* inside a with body: names resolve dynamically */
    hx_cscope *scope;   /* innermost scope being emitted */
    hx_cflow *cf;
    int ctx_depth_reg;  /* register holding the try-entry context, -1 */
    hx_value eval_scope; /* for eval code: the caller's scope chain descriptor */
    int return_label_reg;
    int try_depth;      /* inside try statements: no tail calls */
    bool tail_call;     /* the next emitted call is in tail position */
    bool in_params;     /* emitting a non-arrow function's parameter initialisation */
};

/* Deepest expression nesting the compiler accepts (operator chains such
 * as a + a + ... parse without nesting but compile recursively). */
#define HX_COMPILE_MAX_DEPTH 20000

typedef struct hx_compiler {
    hx_realm *realm;
    hx_runtime *rt;
    hx_source *source;
    hx_arena *arena;       /* the parse arena: compiler side data lives here too */
    hx_fninfo **fninfos;   /* side table: function node -> info */
    uint32_t fn_count, fn_cap;
    bool failed;
    hx_value eval_scope;
    uint32_t depth;    /* recursion depth of the passes (HX_COMPILE_MAX_DEPTH) */
    hx_ast_node *too_deep; /* where the resolver gave up on nesting */
    hx_cscope **withs; /* marker scopes of with statements */
    uint32_t with_count, with_cap;
} hx_compiler;

/* resolve.c */
int hx_resolve_program(hx_compiler *c, hx_ast_node *program);
hx_fninfo *hx_fninfo_of(hx_compiler *c, hx_ast_node *fn);
hx_cscope *hx_cscope_of(hx_ast_scope *s);
hx_scopeinfo *hx_cscope_info(hx_compiler *c, hx_cscope *s);
void hx_compiler_add_with(hx_compiler *c, hx_ast_node *with, hx_cscope *marker);
hx_cscope *hx_compiler_with_marker(hx_compiler *c, hx_ast_node *with);

/* emit.c */
extern hx_compiler *hx_cur_compiler; /* not thread-shared: one compile at a time per thread */
void hx_emit_op(hx_fstate *fs, hx_opcode op);
void hx_emit_u8(hx_fstate *fs, uint8_t v);
void hx_emit_u16(hx_fstate *fs, uint16_t v);
void hx_emit_u32(hx_fstate *fs, uint32_t v);
void hx_emit_op_u16(hx_fstate *fs, hx_opcode op, uint16_t v);
void hx_emit_op_u8(hx_fstate *fs, hx_opcode op, uint8_t v);
void hx_emit_op_const(hx_fstate *fs, hx_opcode op, uint32_t k);
void hx_emit_op_key(hx_fstate *fs, hx_opcode op, hx_value key); /* KEYIC: allocates an IC */
uint32_t hx_emit_jump(hx_fstate *fs, hx_opcode op);      /* returns patch position */
void hx_patch_jump(hx_fstate *fs, uint32_t at, uint32_t target);
void hx_patch_here(hx_fstate *fs, uint32_t at);
void hx_emit_jump_to(hx_fstate *fs, hx_opcode op, uint32_t target);
uint32_t hx_add_const(hx_fstate *fs, hx_value v);
uint32_t hx_const_string_utf16(hx_fstate *fs, const uint16_t *s, uint32_t len);
uint32_t hx_const_name(hx_fstate *fs, const hx_ast_name *name); /* interned string */
hx_value hx_name_value(hx_fstate *fs, const hx_ast_name *name);
hx_value hx_name_key(hx_fstate *fs, const hx_ast_name *name);
void hx_emit_number(hx_fstate *fs, double d);
void hx_set_pos(hx_fstate *fs, const hx_ast_node *n);
void hx_adjust(hx_fstate *fs, int delta);
uint32_t hx_alloc_reg(hx_fstate *fs);
void hx_free_reg(hx_fstate *fs, uint32_t r);
void hx_add_handler(hx_fstate *fs, uint32_t start, uint32_t end, uint32_t target, int depth);
void hx_jl_add(hx_fstate *fs, hx_jumplist *jl, uint32_t at);
void hx_jl_patch(hx_fstate *fs, hx_jumplist *jl, uint32_t target);
void hx_jl_free(hx_jumplist *jl);
void hx_compile_error(hx_fstate *fs, const hx_ast_node *n, const char *fmt, ...);
hx_funcdef *hx_fstate_finish(hx_fstate *fs);
void hx_fstate_init(hx_fstate *fs, hx_fstate *parent, hx_realm *realm, hx_ast_node *node);
void hx_fstate_free(hx_fstate *fs);

/* variables (compile_var.c) */
typedef struct hx_ref {
    hx_binding *b;     /* NULL: global or dynamic */
    uint32_t depth;    /* context hops (HX_ST_CTX) */
    const hx_ast_name *name;
    bool dynamic;      /* resolve by name at run time */
} hx_ref;
hx_ref hx_lookup(hx_fstate *fs, const hx_ast_name *name);
void hx_emit_load(hx_fstate *fs, hx_ref *r, const hx_ast_node *at);
void hx_emit_load_typeof(hx_fstate *fs, hx_ref *r);
/* Stores TOS into the binding, keeping it on the stack. init: declaration
 * initialisation (no TDZ / const checks). */
void hx_emit_store(hx_fstate *fs, hx_ref *r, bool init, const hx_ast_node *at);
void hx_emit_syn_load(hx_fstate *fs, int syn);
void hx_emit_syn_store(hx_fstate *fs, int syn);
void hx_enter_scope(hx_fstate *fs, hx_ast_scope *s);
void hx_leave_scope(hx_fstate *fs, hx_ast_scope *s);
void hx_init_lexicals_uninit(hx_fstate *fs, hx_cscope *cs);

/* compile_expr.c */
void hx_compile_expr(hx_fstate *fs, hx_ast_node *n);
void hx_compile_expr_discard(hx_fstate *fs, hx_ast_node *n); /* evaluates for effect */
void hx_compile_expr_named(hx_fstate *fs, hx_ast_node *n, hx_value name); /* NamedEvaluation */
void hx_compile_cond_jump(hx_fstate *fs, hx_ast_node *n, bool jump_if, hx_jumplist *jl);
bool hx_is_anonymous_fn(hx_ast_node *n);
void hx_compile_args(hx_fstate *fs, hx_ast_list *args, int *argc_out, bool *spread_out);

/* compile_pattern.c: stores TOS into the pattern/target, popping it */
void hx_compile_bind_pattern(hx_fstate *fs, hx_ast_node *target, bool init);
/* assignment target evaluation for simple targets (member/identifier) */

/* compile_stmt.c */
void hx_compile_stmt(hx_fstate *fs, hx_ast_node *n);
void hx_compile_stmts(hx_fstate *fs, hx_ast_list *l);
void hx_hoist_functions(hx_fstate *fs, hx_ast_scope *s);

/* compile_func.c */
uint32_t hx_compile_function(hx_fstate *fs, hx_ast_node *fn); /* const index of the funcdef */
void hx_compile_class(hx_fstate *fs, hx_ast_node *cls, hx_value name);
void hx_compile_yield(hx_fstate *fs, hx_ast_node *n);
void hx_emit_return(hx_fstate *fs, const hx_ast_node *at);
void hx_emit_private_name(hx_fstate *fs, hx_ast_node *pn);
void hx_emit_this(hx_fstate *fs, const hx_ast_node *at);
void hx_emit_invalid_target(hx_fstate *fs);
void hx_place_syn(hx_fstate *fs, hx_fninfo *fi, hx_cscope *home);
void hx_store_syn_from(hx_fstate *fs, hx_fninfo *fi, int k, hx_opcode producer);
void hx_emit_closure(hx_fstate *fs, hx_ast_node *fn, hx_value name);

#endif
