/*
 * regexp.h — ECMAScript regular expressions (ES2025 22.2): pattern syntax
 * validation (used by the parser for early errors), compilation to a compact
 * bytecode program, and a backtracking matcher over Latin-1 or UTF-16 text
 * that polls an interrupt callback so a catastrophic pattern can be stopped.
 * The compiled program is a plain malloc'd byte array owned by the caller;
 * nothing here touches the GC heap, and there is no global mutable state, so
 * programs may be compiled and run from several threads.
 *
 * Limits (each a clean error, never a crash): groups and classes nested more
 * than 256 deep, more than 65535 capture groups or 4M pattern nodes give a
 * SyntaxError message; a match needing more than 16M backtrack entries
 * (256 MB), or a subject longer than INT32_MAX code units, gives
 * HX_RE_OUT_OF_MEMORY.  Unicode data is UCD 15.0 (src/unicode/README.md).
 * Internals: re_internal.h (AST, bytecode), re_parse.c, re_charset.c,
 * re_compile.c, re_exec.c.
 */
#ifndef HX_REGEXP_H
#define HX_REGEXP_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Flag bits, parsed from the flags string "dgimsuvy". */
enum {
    HX_RE_HAS_INDICES = 1 << 0,  /* d */
    HX_RE_GLOBAL = 1 << 1,       /* g */
    HX_RE_IGNORE_CASE = 1 << 2,  /* i */
    HX_RE_MULTILINE = 1 << 3,    /* m */
    HX_RE_DOT_ALL = 1 << 4,      /* s */
    HX_RE_UNICODE = 1 << 5,      /* u */
    HX_RE_UNICODE_SETS = 1 << 6, /* v */
    HX_RE_STICKY = 1 << 7        /* y */
};

/* The exact message hx_regexp_check_syntax / hx_regexp_compile leave in
 * errbuf when they fail for lack of memory rather than a SyntaxError. */
#define HX_REGEXP_OOM_MESSAGE "out of memory"

/* Parses a flags string (UTF-16 code units).  Returns the flag bits, or -1
 * if a flag is unknown or repeated, or both u and v are given. */
int hx_regexp_parse_flags(const uint16_t *flags, size_t len);

/* Checks pattern syntax and early errors for the given flag bits (ES2025
 * 22.2.1.1).  Returns true if valid; otherwise false with a NUL-terminated
 * message in errbuf (e.g. "nothing to repeat"; "out of memory" if an
 * allocation failed).  Annex B syntax is allowed when neither u nor v is
 * set.  Only the i, m, s, u and v bits affect the pattern. */
bool hx_regexp_check_syntax(const uint16_t *pattern, size_t len, int flags, char *errbuf,
                            size_t errbuf_len);

/* A compiled program: opaque bytes from hx_regexp_compile, freed with free(). */
typedef struct hx_regexp_program hx_regexp_program;

/* Compiles; NULL with message in errbuf on syntax error or out of memory
 * (then the message is HX_REGEXP_OOM_MESSAGE). */
hx_regexp_program *hx_regexp_compile(const uint16_t *pattern, size_t len, int flags, char *errbuf,
                                     size_t errbuf_len);

void hx_regexp_free(hx_regexp_program *prog);

/* Number of capture groups including group 0. */
int hx_regexp_capture_count(const hx_regexp_program *prog);

/* Names of the named groups: returns the UTF-16 name of group i (1-based)
 * or NULL if group i is unnamed; *len receives its length.  With duplicate
 * named groups (ES2025) several groups may share one name. */
const uint16_t *hx_regexp_group_name(const hx_regexp_program *prog, int group, size_t *len);

/* The first group after `after` (0 to start) whose name is name[0..len),
 * or -1; call again with the result to find duplicate named groups. */
int hx_regexp_group_index(const hx_regexp_program *prog, const uint16_t *name, size_t len,
                          int after);

int hx_regexp_flags(const hx_regexp_program *prog);

/* Interrupt poll: return true to abort matching. */
typedef bool (*hx_regexp_interrupt_fn)(void *opaque);

typedef enum hx_regexp_result {
    HX_RE_NO_MATCH = 0,
    HX_RE_MATCH = 1,
    HX_RE_INTERRUPTED = -1, /* the interrupt callback asked to stop */
    HX_RE_OUT_OF_MEMORY = -2
} hx_regexp_result;

/* Tries to match at `start` (sticky semantics: only at `start`); the caller
 * loops over start positions for non-sticky searches, or passes
 * search=true to let the matcher scan forward from start (advancing by code
 * point with u/v, as AdvanceStringIndex does).  Exactly one of latin1 /
 * utf16 is non-NULL.  captures[] has 2 * capture_count entries (start, end
 * code-unit indices; -1 for unmatched groups); it is written only on
 * HX_RE_MATCH.  The g, y and d flags are the caller's business.  The
 * interrupt callback (may be NULL) is polled every 4096 steps and receives
 * opaque. */
hx_regexp_result hx_regexp_exec(const hx_regexp_program *prog, const uint8_t *latin1,
                                const uint16_t *utf16, size_t len, size_t start, bool search,
                                int *captures, hx_regexp_interrupt_fn interrupt, void *opaque);

#endif
