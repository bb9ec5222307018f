/*
 * parser.h — entry points of the front end: source text (UTF-8) to AST
 * (ast.h), with every early error of ES2025 reported as a syntax error.
 * TypeScript syntax is accepted when HX_PARSE_TS is set.
 * Invariant: the parser never reads past `len` bytes, never recurses deeper
 * than HX_PARSE_MAX_DEPTH, and reports out-of-memory as an error.
 */
#ifndef HX_PARSER_H
#define HX_PARSER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "base/arena.h"
#include "parse/ast.h"

/* Nesting limit for expressions/statements/functions; deeper input gives the
 * error "too much nesting" instead of overflowing the C stack. */
#define HX_PARSE_MAX_DEPTH 1000

typedef enum hx_parse_goal {
    HX_GOAL_SCRIPT,
    HX_GOAL_MODULE,
    HX_GOAL_EVAL, /* eval code (direct or indirect: see flags) */
} hx_parse_goal;

enum {
    HX_PARSE_STRICT = 1 << 0,         /* start in strict mode */
    HX_PARSE_TS = 1 << 1,             /* TypeScript syntax */
    /* Direct eval context (ES2025 19.2.1.1 PerformEval steps 6-10): */
    HX_PARSE_IN_FUNCTION = 1 << 2,    /* inside a (non-arrow) function */
    HX_PARSE_NEW_TARGET = 1 << 3,     /* new.target allowed */
    HX_PARSE_SUPER_PROPERTY = 1 << 4, /* super.x allowed */
    HX_PARSE_SUPER_CALL = 1 << 5,     /* super() allowed */
    HX_PARSE_CLASS_FIELD = 1 << 6,    /* inside a class field initializer:
                                         `arguments` is an error */
    HX_PARSE_NO_HTML_COMMENTS = 1 << 7, /* disable Annex B.1.1 in scripts */
};

typedef struct hx_parse_options {
    hx_parse_goal goal;
    uint32_t flags;       /* HX_PARSE_* */
    const char *filename; /* for messages; may be NULL */
    /* Direct eval inside class bodies: the private names (UTF-8 with the
     * '#', e.g. "#x") declared by enclosing classes, which the eval code
     * may reference. */
    const char *const *private_names;
    uint32_t private_name_count;
} hx_parse_options;

typedef struct hx_parse_error {
    char message[256];
    uint32_t line;   /* 1-based */
    uint32_t column; /* 1-based, UTF-16 code units */
    uint32_t offset; /* byte offset in the source */
    bool out_of_memory;
} hx_parse_error;

/* Parses `src` (len bytes of UTF-8; invalid sequences read as U+FFFD).
 * Returns the PROGRAM node (allocated in `arena`), or NULL with *err filled
 * in on a syntax error or out-of-memory.  opts may be NULL (script, sloppy). */
hx_ast_node *hx_parse(hx_arena *arena, const char *src, size_t len, const hx_parse_options *opts,
                      hx_parse_error *err);

/* Kinds of dynamic function (CreateDynamicFunction's `kind`). */
typedef enum hx_dynfn_kind {
    HX_DYNFN_NORMAL,
    HX_DYNFN_GENERATOR,
    HX_DYNFN_ASYNC,
    HX_DYNFN_ASYNC_GENERATOR,
} hx_dynfn_kind;

/* The `Function` / `GeneratorFunction` / `AsyncFunction` /
 * `AsyncGeneratorFunction` constructors (ES2025 20.2.1.1.1
 * CreateDynamicFunction steps 10-20): params and body are the
 * already-stringified argument texts (UTF-8).  Parses the parameters and the
 * body separately (so neither can close the other early), then the whole
 * synthesized text "<prefix> anonymous(<params>\n) {\n<body>\n}".  Returns
 * a PROGRAM of source_type HX_SOURCE_FUNCTION whose body holds a single
 * FUNCTION_EXPR; program.source_text is the synthesized text (the function's
 * toString), and positions refer to it.  flags: HX_PARSE_TS is ignored. */
hx_ast_node *hx_parse_function(hx_arena *arena, const char *params, size_t params_len,
                               const char *body, size_t body_len, hx_dynfn_kind kind,
                               hx_parse_error *err);

#endif
