/*
 * heron.h — the whole public embedding API of Heron, a JavaScript and
 * TypeScript engine.  This header is also the manual: every declaration says
 * what it does, who owns what, and what it returns on failure.
 *
 * Model: one hr_runtime owns a garbage-collected heap, the atom table and the
 * job queue.  It holds any number of hr_realm (a global object with its own
 * intrinsics).  Values (hr_value) are 64-bit and only stay valid while they
 * are rooted: every value the API hands out is rooted in the innermost open
 * handle scope (hr_scope_open/hr_scope_close), and a native function runs
 * inside a scope of its own that closes when it returns.  To keep a value
 * longer, make it persistent (hr_persist / hr_unpersist).
 *
 * Errors: a function that can throw returns HR_EXCEPTION (status) or the
 * exception marker value (hr_is_exception(v)); the thrown value is pending in
 * the runtime until hr_take_exception() removes it.
 */
#ifndef HERON_H
#define HERON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HERON_VERSION_MAJOR 0
#define HERON_VERSION_MINOR 1
#define HERON_VERSION_PATCH 0
#define HERON_VERSION_STRING "0.1.0"

#if defined(__GNUC__)
#define HR_API __attribute__((visibility("default")))
#define HR_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define HR_API
#define HR_WARN_UNUSED
#endif

typedef struct hr_runtime hr_runtime;
typedef struct hr_realm hr_realm;

/* A JavaScript value.  Opaque bits: inspect it only through the functions
 * below.  Valid while rooted (see the handle-scope rules above). */
typedef uint64_t hr_value;

/* Result of evaluating code or running jobs. */
typedef enum hr_status {
    HR_OK = 0,          /* completed normally */
    HR_EXCEPTION = 1,   /* a JavaScript exception is pending: hr_take_exception() */
    HR_SUSPENDED = 2,   /* host-driven mode: orders are pending (later issue) */
    HR_NEED_IMPORTS = 3 /* a module graph needs sources for specifiers (later issue) */
} hr_status;

/* ---- Runtime ----------------------------------------------------------- */

/* Memory hooks.  realloc(ptr, 0) frees; NULL from a non-zero request means
 * out of memory, which the engine reports as a catchable error. */
typedef void *(*hr_realloc_fn)(void *opaque, void *ptr, size_t old_size, size_t new_size);

typedef struct hr_config {
    hr_realloc_fn realloc; /* NULL: the C library */
    void *realloc_opaque;
    size_t memory_limit;    /* bytes of heap; 0: none */
    int max_call_depth;     /* native + JS nesting before RangeError; 0: default */
    bool gc_stress;         /* collect at every allocation (slow; for tests) */
} hr_config;

/* Fills *config with the defaults.  Also reads HERON_GC_STRESS=1 from the
 * environment, so any program can be run under GC stress. */
HR_API void hr_config_init(hr_config *config);

/* Creates a runtime.  Returns NULL when memory runs out. */
HR_API hr_runtime *hr_runtime_new(const hr_config *config);

/* Frees the runtime, every realm, value and persistent handle in it. */
HR_API void hr_runtime_free(hr_runtime *rt);

/* Runs a full garbage collection. */
HR_API void hr_gc(hr_runtime *rt);

/* Interrupt callback: polled regularly while JavaScript runs (loops, calls,
 * regular-expression matching).  Returning true aborts the current evaluation
 * with an uncatchable "interrupted" error: the API call returns
 * HR_EXCEPTION and hr_is_interrupted() is true. */
typedef bool (*hr_interrupt_fn)(hr_runtime *rt, void *opaque);
HR_API void hr_set_interrupt(hr_runtime *rt, hr_interrupt_fn fn, void *opaque);

/* True when the pending exception was produced by the interrupt callback. */
HR_API bool hr_is_interrupted(hr_runtime *rt);

/* ---- Realms ------------------------------------------------------------ */

/* Creates a realm with all standard intrinsics and a fresh global object.
 * The realm lives until the runtime is freed or hr_realm_release() is called
 * and nothing references it any more.  Returns NULL on out of memory. */
HR_API hr_realm *hr_realm_new(hr_runtime *rt);

/* Drops the host's reference to a realm created with hr_realm_new. */
HR_API void hr_realm_release(hr_realm *realm);

HR_API hr_runtime *hr_realm_runtime(hr_realm *realm);

/* The realm's global object. */
HR_API hr_value hr_realm_global(hr_realm *realm);

/* Host data attached to a realm (not owned by the engine). */
HR_API void hr_realm_set_opaque(hr_realm *realm, void *opaque);
HR_API void *hr_realm_opaque(hr_realm *realm);

/* ---- Evaluation -------------------------------------------------------- */

enum {
    HR_EVAL_SCRIPT = 0,         /* a classic script (the default) */
    HR_EVAL_MODULE = 1 << 0,    /* an ES module */
    HR_EVAL_STRICT = 1 << 1,    /* force strict mode for a script */
    HR_EVAL_TYPESCRIPT = 1 << 2 /* parse TypeScript syntax (also implied by a .ts/.mts/.cts filename) */
};

/* Parses and runs source (UTF-8, `len` bytes) in `realm`.  `filename` names
 * the source in errors and stack traces.  On HR_OK *result (if not NULL)
 * receives the completion value.  On HR_EXCEPTION the exception is pending.
 * Does not run the job queue: call hr_run_jobs. */
HR_API hr_status hr_eval(hr_realm *realm, const char *source, size_t len, const char *filename,
                         int flags, hr_value *result) HR_WARN_UNUSED;

/* Parses only: returns HR_OK or HR_EXCEPTION with a pending SyntaxError. */
HR_API hr_status hr_check_syntax(hr_realm *realm, const char *source, size_t len,
                                 const char *filename, int flags) HR_WARN_UNUSED;

/* Runs queued jobs (microtasks) until the queue is empty.  Returns
 * HR_EXCEPTION if a job threw an uncatchable error (interrupt). */
HR_API hr_status hr_run_jobs(hr_runtime *rt);

/* ---- Exceptions -------------------------------------------------------- */

HR_API bool hr_has_exception(hr_runtime *rt);

/* Removes and returns the pending exception (undefined if none). */
HR_API hr_value hr_take_exception(hr_runtime *rt);

/* Makes `value` the pending exception; returns the exception marker to be
 * returned from a native function. */
HR_API hr_value hr_throw(hr_realm *realm, hr_value value);

typedef enum hr_error_kind {
    HR_ERROR, HR_TYPE_ERROR, HR_RANGE_ERROR, HR_SYNTAX_ERROR, HR_REFERENCE_ERROR,
    HR_EVAL_ERROR, HR_URI_ERROR
} hr_error_kind;

/* Throws a new error of `kind` with a printf-formatted message; returns the
 * exception marker. */
HR_API hr_value hr_throw_error(hr_realm *realm, hr_error_kind kind, const char *fmt, ...);

/* Formats an exception value for people: "Name: message" followed by the
 * stack ("    at f (file.js:1:2)" lines) and, for syntax errors, a code frame
 * with a caret.  Returns a NUL-terminated UTF-8 string to free with hr_free. */
HR_API char *hr_format_exception(hr_realm *realm, hr_value exception);

/* ---- Values ------------------------------------------------------------ */

HR_API hr_value hr_undefined(void);
HR_API hr_value hr_null(void);
HR_API hr_value hr_bool(bool b);
HR_API hr_value hr_number(double d);
HR_API hr_value hr_exception_marker(void);

HR_API bool hr_is_exception(hr_value v);
HR_API bool hr_is_undefined(hr_value v);
HR_API bool hr_is_null(hr_value v);
HR_API bool hr_is_bool(hr_value v);
HR_API bool hr_is_number(hr_value v);
HR_API bool hr_is_string(hr_value v);
HR_API bool hr_is_symbol(hr_value v);
HR_API bool hr_is_object(hr_value v);
HR_API bool hr_is_function(hr_value v);

HR_API bool hr_get_bool(hr_value v);     /* v must be a boolean */
HR_API double hr_get_number(hr_value v); /* v must be a number */

/* Creates a string from UTF-8 (ill-formed sequences become U+FFFD). */
HR_API hr_value hr_string(hr_realm *realm, const char *utf8, size_t len);

/* ToString(v) as UTF-8 (lone surrogates become U+FFFD), NUL-terminated,
 * to free with hr_free; *len_out (if not NULL) receives the byte length.
 * Returns NULL with an exception pending if ToString throws. */
HR_API char *hr_to_utf8(hr_realm *realm, hr_value v, size_t *len_out);

/* Frees memory handed out by the API (strings from hr_to_utf8 and
 * hr_format_exception). */
HR_API void hr_free(hr_runtime *rt, void *ptr);

/* ---- Objects and functions -------------------------------------------- */

HR_API hr_value hr_new_object(hr_realm *realm);

/* Property access by UTF-8 name.  Get returns the exception marker on a
 * throw; set/define return false with an exception pending. */
HR_API hr_value hr_get(hr_realm *realm, hr_value obj, const char *name);
HR_API bool hr_set(hr_realm *realm, hr_value obj, const char *name, hr_value value);

/* Defines a writable, configurable, non-enumerable data property (the
 * attributes builtins have). */
HR_API bool hr_define(hr_realm *realm, hr_value obj, const char *name, hr_value value);

/* A native function.  `args` has `argc` entries (missing ones are not
 * padded); `data` is the pointer given at creation.  Return a value, or the
 * exception marker after hr_throw / hr_throw_error. */
typedef hr_value (*hr_native_fn)(hr_realm *realm, hr_value this_value, int argc,
                                 const hr_value *args, void *data);

HR_API hr_value hr_new_function(hr_realm *realm, hr_native_fn fn, const char *name, int length,
                                void *data);

/* Calls `fn` with `this_value` and arguments; exception marker on a throw. */
HR_API hr_value hr_call(hr_realm *realm, hr_value fn, hr_value this_value, int argc,
                        const hr_value *args);

/* ---- Rooting ----------------------------------------------------------- */

typedef struct hr_scope {
    hr_runtime *rt;
    size_t mark;
} hr_scope;

/* Values the API returns after hr_scope_open stay rooted until the matching
 * hr_scope_close.  Scopes nest strictly. */
HR_API void hr_scope_open(hr_runtime *rt, hr_scope *scope);
HR_API void hr_scope_close(hr_scope *scope);

/* Persistent roots: valid until hr_unpersist (or the runtime is freed). */
typedef struct hr_persistent hr_persistent;
HR_API hr_persistent *hr_persist(hr_runtime *rt, hr_value v);
HR_API hr_value hr_persistent_get(hr_persistent *p);
HR_API void hr_unpersist(hr_runtime *rt, hr_persistent *p);

/* ---- Host hooks for test harnesses -------------------------------------- */

/* Detaches an ArrayBuffer (test262's $262.detachArrayBuffer).  Returns false
 * with a TypeError pending if `buffer` is not a detachable ArrayBuffer. */
HR_API bool hr_detach_array_buffer(hr_realm *realm, hr_value buffer);

/* The realm a function object belongs to, or NULL for non-functions. */
HR_API hr_realm *hr_function_realm(hr_realm *realm, hr_value fn);

#ifdef __cplusplus
}
#endif
#endif /* HERON_H */
