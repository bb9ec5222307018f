/*
 * compiler.h — the bytecode compiler's entry points (AST -> hx_funcdef).
 *
 * Compilation runs in two passes over a program's AST:
 *  1. resolve.c walks every scope and reference and decides where each
 *     binding lives: a register of its function, a slot of a heap context
 *     (when an inner function captures it, or eval/with can reach it by
 *     name), the global object / global lexical record, or a dynamic name
 *     lookup (inside `with` or reachable by sloppy direct eval).
 *  2. the emitters (compile_*.c) generate code for each function.
 */
#ifndef HX_COMPILER_H
#define HX_COMPILER_H

#include "vm/vm.h"
#include "parse/ast.h"
#include "parse/parser.h"

/* Scope descriptor of a direct eval call site: the bindings visible from
 * the call, for compiling the eval code against them. */
typedef struct hx_eval_scope hx_eval_scope;

/* Compiles a parsed script (or module / eval program) into the funcdef of
 * its top-level code.  Returns NULL with an exception pending. */
hx_funcdef *hx_compile_program(hx_realm *realm, hx_ast_node *program, hx_source *source,
                               hx_value eval_scope);

/* Parses and compiles source text; NULL with a SyntaxError pending. */
hx_funcdef *hx_compile_source(hx_realm *realm, const char *text, size_t len, const char *filename,
                              int hr_eval_flags);

/* CreateDynamicFunction (ES2025 20.2.1.1.1) for the Function, GeneratorFunction,
 * AsyncFunction and AsyncGeneratorFunction constructors: returns the new
 * function object or HX_EXCEPTION. kind is an hx_dynfn_kind. */
hx_value hx_compile_dynamic_function(hx_realm *realm, const char *params, size_t params_len,
                                     const char *body, size_t body_len, int kind,
                                     hx_value new_target);

/* PerformEval (ES2025 19.2.1.1): `direct` with the caller's frame. */
hx_value hx_perform_eval(hx_realm *realm, hx_value src, bool direct, bool strict_caller,
                         hx_frame *caller, hx_value eval_scope);

hx_source *hx_source_new(hx_runtime *rt, const char *filename, const char *text, size_t len);

/* Converts a parse error into a pending SyntaxError "file:line:col: message". */
hx_value hx_throw_parse_error(hx_realm *realm, const char *filename, const hx_parse_error *err);

/* Disassembles a funcdef (and nested ones) to f (a FILE *). */
void hx_disassemble(hx_runtime *rt, hx_funcdef *def, void *f);

#endif
