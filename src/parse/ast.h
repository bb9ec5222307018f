/*
 * ast.h — the abstract syntax tree the parser produces and the scope
 * analysis / bytecode compiler / async analysis consume.
 *
 * Invariants a reader must keep:
 *  - Every node, list, string and scope lives in the parse's hx_arena and dies
 *    with it (hx_arena_free_all).  Nothing here is malloc'd individually.
 *  - The tree is ESTree-shaped.  Parentheses leave no node: a parenthesized
 *    expression is its inner node with HX_AST_F_PARENS set.
 *  - Identifier names are interned per parse: two hx_ast_name pointers are
 *    equal iff the names are equal (compare pointers, not text).
 *  - TypeScript is gone from the tree: types are dropped while parsing and
 *    enums / namespaces / parameter properties arrive as ordinary nodes
 *    (flagged HX_AST_F_SYNTHETIC where the parser invented them), with the
 *    positions of the .ts source.
 *  - This header only grows: kinds and fields are added, never renamed or
 *    removed.
 */
#ifndef HX_AST_H
#define HX_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ---------------------------------------------------------------------------
 * Node kinds: one X-macro list.  X(ENUM_SUFFIX, "DumpName")
 * The comment after each entry names the union member that holds its fields.
 * ------------------------------------------------------------------------- */
#define HX_AST_NODE_KINDS(X)                                                         \
    X(PROGRAM, "Program")                       /* program */                       \
    /* ---- statements and declarations ---- */                                     \
    X(VAR_DECL, "VariableDeclaration")          /* var_decl */                      \
    X(VAR_DECLARATOR, "VariableDeclarator")     /* declarator */                    \
    X(FUNCTION_DECL, "FunctionDeclaration")     /* func */                          \
    X(CLASS_DECL, "ClassDeclaration")           /* klass */                         \
    X(EXPR_STMT, "ExpressionStatement")         /* expr_stmt */                     \
    X(BLOCK, "BlockStatement")                  /* block */                         \
    X(EMPTY, "EmptyStatement")                  /* (no fields) */                   \
    X(DEBUGGER, "DebuggerStatement")            /* (no fields) */                   \
    X(WITH, "WithStatement")                    /* with */                          \
    X(RETURN, "ReturnStatement")                /* unary_stmt (argument may be NULL) */ \
    X(THROW, "ThrowStatement")                  /* unary_stmt */                    \
    X(LABELED, "LabeledStatement")              /* labeled */                       \
    X(BREAK, "BreakStatement")                  /* jump */                          \
    X(CONTINUE, "ContinueStatement")            /* jump */                          \
    X(IF, "IfStatement")                        /* if_ */                           \
    X(SWITCH, "SwitchStatement")                /* switch_ */                       \
    X(SWITCH_CASE, "SwitchCase")                /* switch_case */                   \
    X(TRY, "TryStatement")                      /* try_ */                          \
    X(CATCH, "CatchClause")                     /* catch_ */                        \
    X(WHILE, "WhileStatement")                  /* loop */                          \
    X(DO_WHILE, "DoWhileStatement")             /* loop */                          \
    X(FOR, "ForStatement")                      /* for_ */                          \
    X(FOR_IN, "ForInStatement")                 /* for_in */                        \
    X(FOR_OF, "ForOfStatement")                 /* for_in (await_ flag for for-await) */ \
    /* ---- module items ---- */                                                    \
    X(IMPORT_DECL, "ImportDeclaration")         /* import_decl */                   \
    X(IMPORT_SPECIFIER, "ImportSpecifier")      /* import_spec */                   \
    X(IMPORT_ATTRIBUTE, "ImportAttribute")      /* attribute */                     \
    X(EXPORT_NAMED, "ExportNamedDeclaration")   /* export_named */                  \
    X(EXPORT_SPECIFIER, "ExportSpecifier")      /* export_spec */                   \
    X(EXPORT_DEFAULT, "ExportDefaultDeclaration") /* export_default */              \
    X(EXPORT_ALL, "ExportAllDeclaration")       /* export_all */                    \
    /* ---- expressions ---- */                                                     \
    X(IDENTIFIER, "Identifier")                 /* ident */                         \
    X(PRIVATE_NAME, "PrivateIdentifier")        /* ident (name includes the '#') */ \
    X(NULL_LIT, "NullLiteral")                  /* (no fields) */                   \
    X(BOOL_LIT, "BooleanLiteral")               /* boolean */                       \
    X(NUMBER_LIT, "NumericLiteral")             /* number */                        \
    X(BIGINT_LIT, "BigIntLiteral")              /* bigint */                        \
    X(STRING_LIT, "StringLiteral")              /* string */                        \
    X(REGEXP_LIT, "RegExpLiteral")              /* regexp */                        \
    X(TEMPLATE, "TemplateLiteral")              /* tmpl */                          \
    X(TEMPLATE_ELEMENT, "TemplateElement")      /* tmpl_elem */                     \
    X(TAGGED_TEMPLATE, "TaggedTemplateExpression") /* tagged */                     \
    X(THIS, "ThisExpression")                   /* (no fields) */                   \
    X(SUPER, "Super")                           /* (no fields) */                   \
    X(ARRAY, "ArrayExpression")                 /* array (NULL items are holes) */  \
    X(OBJECT, "ObjectExpression")               /* object */                        \
    X(PROPERTY, "Property")                     /* prop */                          \
    X(SPREAD, "SpreadElement")                  /* unary_stmt (argument) */         \
    X(FUNCTION_EXPR, "FunctionExpression")      /* func */                          \
    X(ARROW, "ArrowFunctionExpression")         /* func */                          \
    X(CLASS_EXPR, "ClassExpression")            /* klass */                         \
    X(METHOD, "MethodDefinition")               /* method */                        \
    X(FIELD, "PropertyDefinition")              /* field */                         \
    X(STATIC_BLOCK, "StaticBlock")              /* block */                         \
    X(UNARY, "UnaryExpression")                 /* unary */                         \
    X(UPDATE, "UpdateExpression")               /* update */                        \
    X(BINARY, "BinaryExpression")               /* binary */                        \
    X(LOGICAL, "LogicalExpression")             /* binary */                        \
    X(ASSIGN, "AssignmentExpression")           /* assign */                        \
    X(CONDITIONAL, "ConditionalExpression")     /* if_ (test ? consequent : alternate) */ \
    X(CALL, "CallExpression")                   /* call */                          \
    X(NEW, "NewExpression")                     /* call */                          \
    X(MEMBER, "MemberExpression")               /* member */                        \
    X(CHAIN, "ChainExpression")                 /* unary_stmt (argument = chain) */ \
    X(SEQUENCE, "SequenceExpression")           /* sequence */                      \
    X(YIELD, "YieldExpression")                 /* yield */                         \
    X(AWAIT, "AwaitExpression")                 /* unary_stmt (argument) */         \
    X(META_PROPERTY, "MetaProperty")            /* meta */                          \
    X(IMPORT_CALL, "ImportExpression")          /* import_call */                   \
    X(PRIVATE_IN, "PrivateInExpression")        /* private_in */                    \
    /* ---- binding / assignment patterns ---- */                                   \
    X(OBJECT_PATTERN, "ObjectPattern")          /* object (PROPERTY / REST items) */ \
    X(ARRAY_PATTERN, "ArrayPattern")            /* array (NULL items are elisions) */ \
    X(ASSIGN_PATTERN, "AssignmentPattern")      /* assign (op = HX_OP_ASSIGN) */    \
    X(REST, "RestElement")                      /* unary_stmt (argument = target) */

typedef enum hx_ast_kind {
#define HX_AST_KIND_ENUM(name, str) HX_AST_##name,
    HX_AST_NODE_KINDS(HX_AST_KIND_ENUM)
#undef HX_AST_KIND_ENUM
    HX_AST_KIND_COUNT
} hx_ast_kind;

/* "Program", "VariableDeclaration", ... indexed by hx_ast_kind. */
extern const char *const hx_ast_kind_names[HX_AST_KIND_COUNT];

/* ---------------------------------------------------------------------------
 * Operators: one list for unary, update, binary, logical and assignment.
 * X(ENUM_SUFFIX, "source text")
 * An ASSIGN node's op is HX_OP_ASSIGN for '=', otherwise the binary or
 * logical operator it combines with ('+=' has op HX_OP_ADD, '??=' has
 * HX_OP_NULLISH).
 * ------------------------------------------------------------------------- */
#define HX_AST_OPS(X)                                                               \
    X(ASSIGN, "=")                                                                  \
    /* binary */                                                                    \
    X(EQ, "==") X(NE, "!=") X(STRICT_EQ, "===") X(STRICT_NE, "!==")                 \
    X(LT, "<") X(LE, "<=") X(GT, ">") X(GE, ">=")                                   \
    X(SHL, "<<") X(SAR, ">>") X(SHR, ">>>")                                         \
    X(ADD, "+") X(SUB, "-") X(MUL, "*") X(DIV, "/") X(MOD, "%") X(EXP, "**")        \
    X(BIT_OR, "|") X(BIT_XOR, "^") X(BIT_AND, "&")                                  \
    X(IN, "in") X(INSTANCEOF, "instanceof")                                         \
    /* logical (LOGICAL nodes and logical assignment) */                            \
    X(AND, "&&") X(OR, "||") X(NULLISH, "??")                                       \
    /* unary */                                                                     \
    X(NEG, "-") X(PLUS, "+") X(NOT, "!") X(BIT_NOT, "~")                            \
    X(TYPEOF, "typeof") X(VOID, "void") X(DELETE, "delete")                         \
    /* update */                                                                    \
    X(INC, "++") X(DEC, "--")

typedef enum hx_ast_op {
#define HX_AST_OP_ENUM(name, str) HX_OP_##name,
    HX_AST_OPS(HX_AST_OP_ENUM)
#undef HX_AST_OP_ENUM
    HX_OP_COUNT
} hx_ast_op;

/* Source text of each operator, indexed by hx_ast_op. */
extern const char *const hx_ast_op_names[HX_OP_COUNT];

/* ---------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------- */

/* An interned identifier (escapes decoded).  utf8 is NUL-terminated; len is
 * its byte length; hash is a hash of the bytes.  Unique per parse: equal
 * names share one hx_ast_name.  Private names are interned with their '#'
 * ("#x"), so they never collide with public names. */
typedef struct hx_ast_name {
    const char *utf8;
    uint32_t len;
    uint32_t hash;
    uint16_t keyword; /* parser-internal: token code if a reserved/contextual word */
    uint16_t reserved_;
    struct hx_ast_name *next_; /* parser-internal: intern table chain */
} hx_ast_name;

/* ---------------------------------------------------------------------------
 * Lists: arena arrays of node pointers.
 * ------------------------------------------------------------------------- */
typedef struct hx_ast_node hx_ast_node;

typedef struct hx_ast_list {
    hx_ast_node **items;
    uint32_t len;
} hx_ast_list;

/* ---------------------------------------------------------------------------
 * Scopes and declarations
 *
 * Each scope-creating node points to an hx_ast_scope listing the bindings that
 * scope creates (each name at most once per scope):
 *  - Program (script/eval): top-level var + function declarations (kind VAR /
 *    FUNCTION, the spec's VarDeclaredNames / VarScopedDeclarations) and
 *    top-level let/const/class/using (LexicallyDeclaredNames).
 *  - Module: as above plus import bindings; a module's var and lexical
 *    declarations live in the one module scope.
 *  - Functions have two scopes: `param_scope` (PARAM decls, in order, plus
 *    nothing else) and `body_scope` (var names from anywhere in the body
 *    excluding nested functions, hoisted top-level function declarations,
 *    and the body's top-level lexical declarations).  A var with the same
 *    name as a parameter is still listed in body_scope (the compiler applies
 *    FunctionDeclarationInstantiation, ES2025 10.2.11 steps 27-28).
 *    A named function expression's own name binding (ES2025 15.2.5) is not a
 *    declaration in either scope; see HX_FN_NAMED_EXPR.
 *  - Block, switch (one scope for all cases), for/for-in/for-of heads with
 *    lexical declarations (`for_.scope`, `for_in.scope`; NULL for var/no
 *    declaration heads), catch clause (the parameter names; the catch body
 *    is a BLOCK with its own scope), class (the inner class-name binding,
 *    kind CLASS_NAME, for named classes), static block (like a function body).
 *  - Vars declared anywhere in a function body (or program) appear only in
 *    the nearest function body / program scope, never in blocks.
 *
 * When a var-scope contains both a `var x` and a `function x(){}`, the entry
 * is kind FUNCTION and `decl` is the last such function declaration (the one
 * that initializes the binding, ES2025 10.2.11 step 32).
 * ------------------------------------------------------------------------- */
#define HX_AST_DECL_KINDS(X)                                                        \
    X(VAR, "var")                                                                   \
    X(LET, "let")                                                                   \
    X(CONST, "const")                                                               \
    X(CLASS, "class")               /* class declaration */                        \
    X(FUNCTION, "function")         /* hoisted: top level of a function/script */  \
    X(BLOCK_FUNCTION, "block-function") /* function declared in a block/case */    \
    X(PARAM, "param")                                                               \
    X(CATCH_PARAM, "catch-param")                                                   \
    X(IMPORT, "import")             /* import binding (module scope) */            \
    X(USING, "using")                                                               \
    X(AWAIT_USING, "await-using")                                                   \
    X(CLASS_NAME, "class-name")     /* inner immutable binding of a named class */ \
    X(ANNEXB_VAR, "annexb-var")     /* var binding created by Annex B.3.2 for a \
                                       block function (see HX_DECL_F_ANNEXB) */

typedef enum hx_ast_decl_kind {
#define HX_AST_DECL_ENUM(name, str) HX_DECL_##name,
    HX_AST_DECL_KINDS(HX_AST_DECL_ENUM)
#undef HX_AST_DECL_ENUM
    HX_DECL_KIND_COUNT
} hx_ast_decl_kind;

extern const char *const hx_ast_decl_kind_names[HX_DECL_KIND_COUNT];

/* hx_ast_decl.flags */
enum {
    /* On a BLOCK_FUNCTION: sloppy-mode Annex B.3.2.1/B.3.2.2/B.3.2.3 applies —
     * replacing it with `var F` would cause no early error and F is not a
     * parameter name.  The nearest var scope then also holds F (kind
     * ANNEXB_VAR unless a VAR/FUNCTION/PARAM F already exists there), and
     * evaluating the declaration copies the block binding's value to the var
     * binding.  (Global/eval code adds the runtime CanDeclareGlobalVar /
     * conflict checks of B.3.2.2 / B.3.2.3; those are the compiler's.) */
    HX_DECL_F_ANNEXB = 1 << 0,
    /* The declared function is async/generator (never Annex B hoisted). */
    HX_DECL_F_NOT_PLAIN_FUNCTION = 1 << 1,
};

typedef struct hx_ast_decl {
    const hx_ast_name *name;
    uint8_t kind;   /* hx_ast_decl_kind */
    uint8_t flags;  /* HX_DECL_F_* */
    /* The BindingIdentifier (IDENTIFIER node) that declares the name. */
    hx_ast_node *id;
    /* The declaring construct: VAR_DECL (var/let/const/using), FUNCTION_DECL,
     * CLASS_DECL / CLASS_EXPR (CLASS_NAME), the function node (PARAM),
     * CATCH (CATCH_PARAM), IMPORT_SPECIFIER (IMPORT), EXPORT_DEFAULT for the
     * "*default*" binding of `export default <expression>`. */
    hx_ast_node *decl;
} hx_ast_decl;

typedef enum hx_ast_scope_kind {
    HX_SCOPE_SCRIPT,
    HX_SCOPE_MODULE,
    HX_SCOPE_EVAL,
    HX_SCOPE_FUNCTION_PARAMS,
    HX_SCOPE_FUNCTION_BODY,
    HX_SCOPE_BLOCK,
    HX_SCOPE_FOR,
    HX_SCOPE_SWITCH,
    HX_SCOPE_CATCH,
    HX_SCOPE_CLASS,
    HX_SCOPE_STATIC_BLOCK,
} hx_ast_scope_kind;

/* hx_ast_scope.flags */
enum {
    HX_SCOPE_F_STRICT = 1 << 0,       /* code in this scope is strict */
    HX_SCOPE_F_DIRECT_EVAL = 1 << 1,  /* a direct eval call occurs directly in
                                         this scope (not in a nested function);
                                         its bindings can be reached by name */
    HX_SCOPE_F_INNER_EVAL = 1 << 2,   /* a direct eval occurs in this scope or
                                         any scope/function nested inside it */
    HX_SCOPE_F_WITH = 1 << 3,         /* a `with` statement occurs inside */
};

typedef struct hx_ast_scope {
    uint8_t kind;  /* hx_ast_scope_kind */
    uint8_t flags; /* HX_SCOPE_F_* */
    uint32_t decl_count;
    hx_ast_decl *decls;
    struct hx_ast_scope *parent; /* enclosing scope (NULL for the root) */
    hx_ast_node *node;           /* the node that owns this scope */
    void *compiler_data;         /* free for scope analysis / the compiler */
} hx_ast_scope;

/* Private names of a class (ES2025 15.7.1 PrivateBoundIdentifiers). */
typedef enum hx_ast_private_kind {
    HX_PRIV_FIELD,
    HX_PRIV_METHOD,
    HX_PRIV_GETTER,
    HX_PRIV_SETTER,
    HX_PRIV_ACCESSOR, /* a getter and a setter pair (merged entry) */
} hx_ast_private_kind;

typedef struct hx_ast_private_decl {
    const hx_ast_name *name; /* with '#' */
    uint8_t kind;            /* hx_ast_private_kind */
    bool is_static;
    hx_ast_node *element;  /* METHOD or FIELD node (for ACCESSOR: the getter) */
    hx_ast_node *element2; /* ACCESSOR only: the setter */
} hx_ast_private_decl;

/* ---------------------------------------------------------------------------
 * Node flags common to every node (hx_ast_node.flags)
 * ------------------------------------------------------------------------- */
enum {
    HX_AST_F_PARENS = 1 << 0,    /* the expression was written in parentheses */
    HX_AST_F_SYNTHETIC = 1 << 1, /* invented by the parser (TypeScript lowering) */
};

/* Function flags (func.flags) */
enum {
    HX_FN_ARROW = 1u << 0,
    HX_FN_ASYNC = 1u << 1,
    HX_FN_GENERATOR = 1u << 2,
    HX_FN_METHOD = 1u << 3,            /* object/class method (incl. accessors,
                                          constructors); has a [[HomeObject]] */
    HX_FN_GETTER = 1u << 4,
    HX_FN_SETTER = 1u << 5,
    HX_FN_CLASS_CONSTRUCTOR = 1u << 6, /* the class's constructor (explicit) */
    HX_FN_DERIVED = 1u << 7,           /* constructor of a class with `extends` */
    HX_FN_STATIC = 1u << 8,            /* static class method */
    HX_FN_STRICT = 1u << 9,            /* function code is strict */
    HX_FN_SIMPLE_PARAMS = 1u << 10,    /* IsSimpleParameterList */
    HX_FN_USE_STRICT = 1u << 11,       /* body has a "use strict" directive */
    HX_FN_DIRECT_EVAL = 1u << 12,      /* contains a direct eval call: `eval(...)`
                                          with a plain identifier callee, in the
                                          function itself or in a nested arrow */
    HX_FN_USES_ARGUMENTS = 1u << 13,   /* references `arguments` (itself or in
                                          nested arrows) */
    HX_FN_USES_THIS = 1u << 14,        /* uses `this` (itself or nested arrows;
                                          an arrow with it must capture this) */
    HX_FN_USES_SUPER_PROP = 1u << 15,  /* super.x / super[x] (incl. nested arrows) */
    HX_FN_USES_SUPER_CALL = 1u << 16,  /* super(...) (incl. nested arrows) */
    HX_FN_USES_NEW_TARGET = 1u << 17,  /* new.target (incl. nested arrows) */
    HX_FN_NAMED_EXPR = 1u << 18,       /* named function expression: `name` is
                                          bound inside it (immutable) */
    HX_FN_EXPR_BODY = 1u << 19,        /* concise arrow: body.len == 1, the
                                          single item is an EXPR_STMT-free
                                          expression (see func.body) */
    HX_FN_PARAM_EXPRESSIONS = 1u << 20, /* hasParameterExpressions (ES2025
                                          10.2.11 step 8): defaults/computed keys */
    HX_FN_INNER_EVAL = 1u << 21,       /* some nested function (any depth)
                                          contains a direct eval */
    HX_FN_CLASS_FIELD_INIT = 1u << 22, /* synthetic: a class field initializer */
    HX_FN_HAS_ARGUMENTS_BINDING = 1u << 23, /* `arguments` is declared as a
                                          parameter, var, function or lexical
                                          name in this function */
};

/* VAR_DECL kinds */
typedef enum hx_ast_var_kind {
    HX_VAR_VAR,
    HX_VAR_LET,
    HX_VAR_CONST,
    HX_VAR_USING,
    HX_VAR_AWAIT_USING,
} hx_ast_var_kind;

/* PROPERTY kinds (object literal members / object pattern members) */
typedef enum hx_ast_prop_kind {
    HX_PROP_INIT,   /* key: value (also shorthand, method: see flags) */
    HX_PROP_GET,
    HX_PROP_SET,
} hx_ast_prop_kind;

/* METHOD kinds (class elements) */
typedef enum hx_ast_method_kind {
    HX_METHOD_METHOD,
    HX_METHOD_GET,
    HX_METHOD_SET,
    HX_METHOD_CONSTRUCTOR,
} hx_ast_method_kind;

/* IMPORT_SPECIFIER kinds */
typedef enum hx_ast_import_kind {
    HX_IMPORT_DEFAULT,   /* import x from "m"            (imported == NULL) */
    HX_IMPORT_NAMESPACE, /* import * as x from "m"       (imported == NULL) */
    HX_IMPORT_NAMED,     /* import { a as x } from "m"   */
} hx_ast_import_kind;

/* META_PROPERTY kinds */
typedef enum hx_ast_meta_kind {
    HX_META_NEW_TARGET,
    HX_META_IMPORT_META,
} hx_ast_meta_kind;

/* PROGRAM source types */
typedef enum hx_ast_source_type {
    HX_SOURCE_SCRIPT,
    HX_SOURCE_MODULE,
    HX_SOURCE_EVAL,
    HX_SOURCE_FUNCTION, /* CreateDynamicFunction: body holds one FUNCTION_EXPR */
} hx_ast_source_type;

/* ---------------------------------------------------------------------------
 * The node
 * ------------------------------------------------------------------------- */
struct hx_ast_node {
    uint16_t kind;  /* hx_ast_kind */
    uint16_t flags; /* HX_AST_F_* */
    /* Source range [start, end) as byte offsets into the UTF-8 source, and
     * the 1-based line and 1-based column (in UTF-16 code units) of start. */
    uint32_t start, end;
    uint32_t line, col;

    union {
        /* PROGRAM */
        struct {
            hx_ast_list body;    /* statements / module items (directives are
                                    EXPR_STMT with directive set) */
            hx_ast_scope *scope; /* SCRIPT / MODULE / EVAL scope */
            uint8_t source_type; /* hx_ast_source_type */
            bool strict;         /* whole program is strict (module, flag or
                                    "use strict" directive) */
            bool has_top_level_await; /* module uses await at top level */
            bool direct_eval;    /* a direct eval at top level (not in a function) */
            bool uses_this;      /* `this` at top level (incl. arrows) */
            /* Function-constructor parses: the whole synthesized source text
             * ("function anonymous(a,b\n) {\nbody\n}") in the arena. */
            const char *source_text;
            uint32_t source_text_len;
        } program;

        /* VAR_DECL */
        struct {
            uint8_t kind;             /* hx_ast_var_kind */
            hx_ast_list declarations; /* VAR_DECLARATOR */
        } var_decl;

        /* VAR_DECLARATOR */
        struct {
            hx_ast_node *id;   /* IDENTIFIER or pattern */
            hx_ast_node *init; /* NULL if none */
        } declarator;

        /* FUNCTION_DECL, FUNCTION_EXPR, ARROW (methods/accessors/constructors
         * are FUNCTION_EXPR with HX_FN_METHOD) */
        struct {
            hx_ast_node *id;         /* IDENTIFIER or NULL (anonymous/arrow/method;
                                        `export default function(){}` has NULL
                                        and binds "*default*") */
            const hx_ast_name *name; /* id's name or NULL */
            hx_ast_list params;      /* IDENTIFIER / patterns / ASSIGN_PATTERN /
                                        REST (last) */
            /* Statements of the FunctionBody.  With HX_FN_EXPR_BODY (concise
             * arrow), body.len == 1 and body.items[0] is the expression
             * itself (not wrapped in a statement). */
            hx_ast_list body;
            uint32_t flags;           /* HX_FN_* */
            uint32_t length;          /* ExpectedArgumentCount: params before
                                         the first default or rest */
            uint32_t src_start, src_end; /* byte range of the whole function
                                            text (Function.prototype.toString):
                                            from `async`/`function`/`get`/`static`
                                            /key start to the closing brace */
            hx_ast_scope *param_scope;   /* FUNCTION_PARAMS */
            hx_ast_scope *body_scope;    /* FUNCTION_BODY */
        } func;

        /* CLASS_DECL, CLASS_EXPR */
        struct {
            hx_ast_node *id;          /* IDENTIFIER or NULL */
            const hx_ast_name *name;  /* id's name or NULL */
            hx_ast_node *super_class; /* heritage expression or NULL */
            hx_ast_list body;         /* METHOD / FIELD / STATIC_BLOCK, in
                                         source order (constructor included) */
            hx_ast_node *constructor; /* the constructor METHOD, or NULL if the
                                         class has none (default constructor) */
            hx_ast_scope *scope;      /* CLASS scope (class-name binding) */
            hx_ast_private_decl *privates; /* declared private names */
            uint32_t private_count;
            uint32_t src_start, src_end; /* `class` .. `}` for toString */
        } klass;

        /* EXPR_STMT */
        struct {
            hx_ast_node *expression;
            bool directive; /* part of a directive prologue (a string literal
                               statement at the start of a body) */
        } expr_stmt;

        /* BLOCK, STATIC_BLOCK */
        struct {
            hx_ast_list body;
            hx_ast_scope *scope; /* BLOCK scope; STATIC_BLOCK: STATIC_BLOCK
                                    scope, which holds vars and lexicals */
            uint32_t flags;      /* STATIC_BLOCK: HX_FN_* uses flags
                                    (this/super/eval) */
        } block;

        /* WITH */
        struct {
            hx_ast_node *object;
            hx_ast_node *body;
        } with;

        /* RETURN, THROW, SPREAD, CHAIN, AWAIT, REST: one operand */
        struct {
            hx_ast_node *argument;
        } unary_stmt;

        /* LABELED */
        struct {
            const hx_ast_name *label;
            hx_ast_node *body;
        } labeled;

        /* BREAK, CONTINUE */
        struct {
            const hx_ast_name *label; /* NULL if none */
        } jump;

        /* IF, CONDITIONAL */
        struct {
            hx_ast_node *test;
            hx_ast_node *consequent;
            hx_ast_node *alternate; /* NULL if none (IF only) */
        } if_;

        /* SWITCH */
        struct {
            hx_ast_node *discriminant;
            hx_ast_list cases;   /* SWITCH_CASE */
            hx_ast_scope *scope; /* SWITCH scope (lexical decls of all cases) */
        } switch_;

        /* SWITCH_CASE */
        struct {
            hx_ast_node *test; /* NULL for `default:` */
            hx_ast_list consequent;
        } switch_case;

        /* TRY */
        struct {
            hx_ast_node *block;     /* BLOCK */
            hx_ast_node *handler;   /* CATCH or NULL */
            hx_ast_node *finalizer; /* BLOCK or NULL */
        } try_;

        /* CATCH */
        struct {
            hx_ast_node *param;  /* IDENTIFIER / pattern, or NULL (`catch {`) */
            hx_ast_node *body;   /* BLOCK */
            hx_ast_scope *scope; /* CATCH scope with the parameter names */
        } catch_;

        /* WHILE, DO_WHILE */
        struct {
            hx_ast_node *test;
            hx_ast_node *body;
        } loop;

        /* FOR */
        struct {
            hx_ast_node *init;   /* VAR_DECL, expression or NULL */
            hx_ast_node *test;   /* NULL if omitted */
            hx_ast_node *update; /* NULL if omitted */
            hx_ast_node *body;
            hx_ast_scope *scope; /* FOR scope when init is a let/const/using
                                    declaration (per-iteration copies for let),
                                    else NULL */
        } for_;

        /* FOR_IN, FOR_OF */
        struct {
            /* VAR_DECL with exactly one declarator (init NULL except for the
             * Annex B.3.5 `for (var x = e in o)` sloppy form), or an
             * assignment target (IDENTIFIER / MEMBER / pattern) */
            hx_ast_node *left;
            hx_ast_node *right;
            hx_ast_node *body;
            bool await_;         /* for await (...of...) */
            hx_ast_scope *scope; /* FOR scope for let/const/using heads (the
                                    TDZ scope of the head, ES2025 14.7.5.6),
                                    else NULL */
        } for_in;

        /* IMPORT_DECL */
        struct {
            hx_ast_list specifiers; /* IMPORT_SPECIFIER (empty for `import "m"`) */
            hx_ast_node *source;    /* STRING_LIT */
            hx_ast_list attributes; /* IMPORT_ATTRIBUTE (`with { type: "json" }`) */
        } import_decl;

        /* IMPORT_SPECIFIER */
        struct {
            uint8_t kind;          /* hx_ast_import_kind */
            hx_ast_node *imported; /* IDENTIFIER or STRING_LIT (NAMED only) */
            hx_ast_node *local;    /* IDENTIFIER (the binding) */
        } import_spec;

        /* IMPORT_ATTRIBUTE */
        struct {
            hx_ast_node *key;   /* IDENTIFIER or STRING_LIT */
            hx_ast_node *value; /* STRING_LIT */
        } attribute;

        /* EXPORT_NAMED */
        struct {
            hx_ast_node *declaration; /* VAR_DECL / FUNCTION_DECL / CLASS_DECL
                                         or NULL */
            hx_ast_list specifiers;   /* EXPORT_SPECIFIER */
            hx_ast_node *source;      /* STRING_LIT for `export {..} from "m"` */
            hx_ast_list attributes;   /* IMPORT_ATTRIBUTE */
        } export_named;

        /* EXPORT_SPECIFIER */
        struct {
            hx_ast_node *local;    /* IDENTIFIER, or STRING_LIT when re-exporting
                                      from a source */
            hx_ast_node *exported; /* IDENTIFIER or STRING_LIT */
        } export_spec;

        /* EXPORT_DEFAULT */
        struct {
            /* FUNCTION_DECL / CLASS_DECL (maybe anonymous: binds "*default*")
             * or an expression (binds "*default*", NamedEvaluation "default") */
            hx_ast_node *declaration;
        } export_default;

        /* EXPORT_ALL */
        struct {
            hx_ast_node *exported; /* IDENTIFIER / STRING_LIT for `* as ns`, or NULL */
            hx_ast_node *source;   /* STRING_LIT */
            hx_ast_list attributes;
        } export_all;

        /* IDENTIFIER, PRIVATE_NAME */
        struct {
            const hx_ast_name *name;
            bool escaped;    /* the source spelling contained \u escapes */
            int32_t binding; /* free for scope analysis (parser sets -1) */
            void *resolved;  /* free for scope analysis (parser sets NULL) */
        } ident;

        /* BOOL_LIT */
        struct {
            bool value;
        } boolean;

        /* NUMBER_LIT */
        struct {
            double value;
            bool legacy_octal; /* 012 / 08 style literal (sloppy only) */
        } number;

        /* BIGINT_LIT: digits without prefix, separators or the 'n' */
        struct {
            const char *digits; /* ASCII, NUL-terminated, in the arena */
            uint32_t len;
            uint8_t radix; /* 2, 8, 10, 16 */
        } bigint;

        /* STRING_LIT: the string value (may contain lone surrogates) */
        struct {
            const uint16_t *chars; /* arena; not NUL-terminated */
            uint32_t len;
            bool has_octal_escape; /* \0nn, \8, \9 escape (for directive checks) */
        } string;

        /* REGEXP_LIT */
        struct {
            const uint16_t *pattern; /* body between the slashes, as written */
            uint32_t pattern_len;
            const uint16_t *flags_text;
            uint32_t flags_len;
            int flags; /* HX_RE_* bits from hx_regexp_parse_flags */
        } regexp;

        /* TEMPLATE */
        struct {
            hx_ast_list quasis;      /* TEMPLATE_ELEMENT, expressions.len + 1 */
            hx_ast_list expressions;
        } tmpl;

        /* TEMPLATE_ELEMENT */
        struct {
            const uint16_t *cooked; /* NULL when the cooked value is undefined
                                       (invalid escape in a tagged template) */
            uint32_t cooked_len;
            const uint16_t *raw;    /* TRV: CR and CRLF normalized to LF */
            uint32_t raw_len;
            bool tail;
        } tmpl_elem;

        /* TAGGED_TEMPLATE: each node is one template site (its identity keys
         * the template-object cache, ES2025 13.2.8.4 GetTemplateObject) */
        struct {
            hx_ast_node *tag;
            hx_ast_node *quasi; /* TEMPLATE */
            bool optional_chain_tag; /* parser-internal: always false */
        } tagged;

        /* ARRAY, ARRAY_PATTERN, OBJECT, OBJECT_PATTERN */
        struct {
            hx_ast_list items; /* ARRAY: expressions / SPREAD / NULL holes;
                                  ARRAY_PATTERN: targets / ASSIGN_PATTERN /
                                  REST / NULL elisions;
                                  OBJECT: PROPERTY / SPREAD;
                                  OBJECT_PATTERN: PROPERTY / REST */
            bool trailing_comma_after_rest_; /* parser-internal */
        } array, object;

        /* PROPERTY */
        struct {
            hx_ast_node *key;   /* IDENTIFIER (non-computed name), STRING_LIT,
                                   NUMBER_LIT, BIGINT_LIT, or an expression
                                   when computed */
            hx_ast_node *value; /* expression, FUNCTION_EXPR for methods and
                                   accessors; in patterns the target (maybe
                                   ASSIGN_PATTERN) */
            uint8_t kind;       /* hx_ast_prop_kind */
            bool computed;
            bool method;        /* `m() {}` (incl. async/generator methods) */
            bool shorthand;     /* `{ x }` / `{ x = 1 }` in patterns */
            bool proto;         /* `__proto__: v` that sets the prototype
                                   (non-computed, non-shorthand, non-method;
                                   ES2025 13.2.5.5) */
        } prop;

        /* METHOD */
        struct {
            hx_ast_node *key;   /* IDENTIFIER, STRING_LIT, NUMBER_LIT,
                                   BIGINT_LIT, PRIVATE_NAME, or expression */
            hx_ast_node *value; /* FUNCTION_EXPR (HX_FN_METHOD ...) */
            uint8_t kind;       /* hx_ast_method_kind */
            bool is_static;
            bool computed;
        } method;

        /* FIELD */
        struct {
            hx_ast_node *key;   /* as METHOD.key */
            hx_ast_node *value; /* initializer expression or NULL.  Evaluated
                                   as if the body of a method: `this` is the
                                   instance (or class for static), arguments
                                   is forbidden, super.x allowed. */
            bool is_static;
            bool computed;
            uint32_t fn_flags;  /* HX_FN_USES_THIS / _SUPER_PROP / _DIRECT_EVAL
                                   / _INNER_EVAL of the initializer */
        } field;

        /* UNARY */
        struct {
            uint8_t op; /* NEG PLUS NOT BIT_NOT TYPEOF VOID DELETE */
            hx_ast_node *argument;
        } unary;

        /* UPDATE */
        struct {
            uint8_t op; /* INC DEC */
            bool prefix;
            hx_ast_node *argument; /* IDENTIFIER or MEMBER */
        } update;

        /* BINARY, LOGICAL */
        struct {
            uint8_t op;
            hx_ast_node *left;
            hx_ast_node *right;
        } binary;

        /* ASSIGN, ASSIGN_PATTERN */
        struct {
            uint8_t op;          /* HX_OP_ASSIGN or the combined operator */
            hx_ast_node *target; /* IDENTIFIER, MEMBER, OBJECT_PATTERN,
                                    ARRAY_PATTERN (patterns only with '=') */
            hx_ast_node *value;
        } assign;

        /* CALL, NEW */
        struct {
            hx_ast_node *callee;   /* SUPER for super(...) */
            hx_ast_list arguments; /* expressions / SPREAD */
            bool optional;         /* `f?.()` (this link is optional) */
            bool direct_eval;      /* callee is the plain identifier `eval`
                                      (unparenthesized or not) and not optional:
                                      a candidate direct eval */
        } call;

        /* MEMBER */
        struct {
            hx_ast_node *object;   /* SUPER for super.x / super[x] */
            hx_ast_node *property; /* IDENTIFIER (name), PRIVATE_NAME, or an
                                      expression when computed */
            bool computed;
            bool optional;         /* `a?.b` / `a?.[b]` (this link is optional) */
        } member;

        /* SEQUENCE */
        struct {
            hx_ast_list expressions;
        } sequence;

        /* YIELD */
        struct {
            hx_ast_node *argument; /* NULL if none */
            bool delegate;         /* yield* */
        } yield;

        /* META_PROPERTY */
        struct {
            uint8_t kind; /* hx_ast_meta_kind */
        } meta;

        /* IMPORT_CALL */
        struct {
            hx_ast_node *source;
            hx_ast_node *options; /* second argument or NULL */
        } import_call;

        /* PRIVATE_IN: `#x in obj` */
        struct {
            hx_ast_node *name; /* PRIVATE_NAME */
            hx_ast_node *right;
        } private_in;
    } u;
};

/* Prints the tree as an indented dump to f (a FILE *), for debugging and
 * parsecheck --dump. */
void hx_ast_dump(const hx_ast_node *node, void *f);

#endif
