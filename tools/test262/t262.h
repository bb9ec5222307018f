/*
 * t262.h — the test262 conformance runner's internal interface (not part of
 * libheron).  The runner is one parent process that lists the tests, hands
 * them to forked worker processes and reports; each worker runs one test at a
 * time in a fresh Heron runtime.
 *
 * Invariants: the configuration (t262_config) is filled once before any
 * worker is forked and never changes afterwards, so workers read it without
 * any message passing.  Every allocation the runner makes is checked through
 * t262_xalloc, which ends the process on out of memory (the runner's own
 * memory, not the engine's, which has its own limit per test).
 */
#ifndef T262_H
#define T262_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "heron.h"

/* ---- Small utilities (util.c) ------------------------------------------ */

/* A growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct t262_buf {
    char *data;
    size_t len, cap;
} t262_buf;

/* A growable list of owned NUL-terminated strings. */
typedef struct t262_list {
    char **items;
    size_t len, cap;
} t262_list;

void *t262_xalloc(void *ptr, size_t size);
char *t262_xstrdup(const char *s);
char *t262_xstrndup(const char *s, size_t n);
void t262_buf_append(t262_buf *b, const char *data, size_t len);
void t262_buf_puts(t262_buf *b, const char *s);
void t262_buf_printf(t262_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void t262_buf_free(t262_buf *b);
void t262_list_push(t262_list *l, const char *s);
void t262_list_pushn(t262_list *l, const char *s, size_t n);
bool t262_list_has(const t262_list *l, const char *s);
/* Sorts with strcmp; t262_list_find then does a binary search (-1: absent). */
void t262_list_sort(t262_list *l);
long t262_list_find(const t262_list *l, const char *s);
void t262_list_free(t262_list *l);
/* Appends the comma-separated items of `csv` (blanks trimmed, empty items
 * dropped). */
void t262_list_add_csv(t262_list *l, const char *csv);
/* Reads a whole file; false (errno set) when it cannot be read. */
bool t262_read_file(const char *path, t262_buf *out);
/* Reads a list file: one entry per line, '#' starts a comment, surrounding
 * blanks ignored.  Returns false if the file cannot be read. */
bool t262_read_list_file(const char *path, t262_list *out);
/* Seconds on the monotonic clock. */
double t262_now(void);

/* ---- Front matter (meta.c) ---------------------------------------------- */

enum {
    T262_FLAG_ONLY_STRICT = 1 << 0,
    T262_FLAG_NO_STRICT = 1 << 1,
    T262_FLAG_RAW = 1 << 2,
    T262_FLAG_MODULE = 1 << 3,
    T262_FLAG_ASYNC = 1 << 4,
    T262_FLAG_CAN_BLOCK_FALSE = 1 << 5,
    T262_FLAG_CAN_BLOCK_TRUE = 1 << 6,
    T262_FLAG_NON_DETERMINISTIC = 1 << 7,
    T262_FLAG_GENERATED = 1 << 8
};

typedef enum t262_phase {
    T262_PHASE_NONE = 0, /* not a negative test */
    T262_PHASE_PARSE,
    T262_PHASE_RESOLUTION,
    T262_PHASE_RUNTIME
} t262_phase;

/* What INTERPRETING.md says a runner must read from the YAML front matter
 * (the comment that opens with slash-star-dashes and closes with
 * dashes-star-slash). */
typedef struct t262_meta {
    unsigned flags;       /* T262_FLAG_* bits of the known flags */
    t262_list flag_names; /* every flag as written (for --exclude-flags) */
    t262_list includes;   /* harness files, in order */
    t262_list features;
    t262_list locale;
    t262_phase negative_phase;
    char negative_type[64]; /* constructor name of the expected error */
} t262_meta;

/* Parses the front matter of a test.  Returns false with a message in `err`
 * if there is none or it is malformed. */
bool t262_meta_parse(const char *src, size_t len, t262_meta *meta, char *err, size_t errlen);
void t262_meta_free(t262_meta *meta);
/* Phase from its front-matter name ("parse", ...); T262_PHASE_NONE if unknown. */
t262_phase t262_phase_from_name(const char *name);

/* ---- Configuration (main.c fills it) ------------------------------------ */

typedef struct t262_config {
    const char *suite;          /* test262 checkout (has harness/ and test/) */
    const char *baseline;       /* expected-failures file, or NULL */
    bool update;                /* rewrite the baseline */
    int jobs;                   /* worker processes; 0: run in this process */
    double timeout;             /* seconds per test and mode */
    size_t memory_limit;        /* hr_config.memory_limit per runtime (bytes) */
    size_t rlimit_as;           /* RLIMIT_AS of workers (bytes); 0: none */
    int recycle;                /* a worker is replaced after this many tests */
    int summary_depth;          /* directory levels below test/ in the table */
    int verbose;                /* -v: print every failure */
    bool progress;              /* progress line on stderr */
    bool can_block;             /* host [[CanBlock]]: which CanBlock* tests run */
    t262_list skip_features;    /* tests with these features are skipped */
    t262_list exclude_features; /* tests with these are not counted at all */
    t262_list only_features;    /* if non-empty: count only tests with one */
    t262_list exclude_flags;
    t262_list only_flags;
    t262_phase negative_only; /* if set: count only negative tests of it */
    t262_list prefixes;       /* paths (relative to the suite) to run */
    t262_list filters;        /* substrings a test path must contain */
} t262_config;

/* ---- Test outcomes -------------------------------------------------------- */

typedef enum t262_status {
    T262_PASS = 0,
    T262_FAIL = 1,
    T262_SKIP = 2,    /* not run: unsupported feature or CanBlock mismatch */
    T262_EXCLUDED = 3 /* not run and not counted (--exclude-*, --only-*) */
} t262_status;

/* ---- Suite files (suite.c) ------------------------------------------------ */

/* Lists the tests to run (paths relative to the suite root, "test/..."),
 * sorted.  Without prefixes: test/language, test/built-ins, test/annexB and
 * test/harness.  Files with "_FIXTURE" in their name are not tests. */
bool t262_suite_list(const t262_config *cfg, t262_list *tests);
/* Contents of harness/NAME, read once and cached for the process.  NULL
 * (with a message in `err`) if it cannot be read. */
const t262_buf *t262_harness_get(const t262_config *cfg, const char *name, char *err,
                                 size_t errlen);

/* ---- Host of one runtime (host.c) ----------------------------------------- */

/* Per-runtime state the host functions share.  Owned by the code running
 * the test; lives as long as the runtime. */
typedef struct t262_host {
    hr_runtime *rt;
    t262_buf output; /* everything print() wrote, one line per call */
    double deadline; /* t262_now() after which evaluation is interrupted */
    bool timed_out;  /* the interrupt fired */
} t262_host;

/* Defines `print` and `$262` (INTERPRETING.md "Host-Defined Functions") on
 * the realm's global object as writable, configurable, non-enumerable
 * properties.  Must run inside an open handle scope.  Returns false with an
 * exception pending. */
bool t262_host_install(hr_realm *realm, t262_host *host);
/* The hr_interrupt_fn for hr_set_interrupt; `opaque` is the t262_host. */
bool t262_host_interrupt(hr_runtime *rt, void *opaque);

/* ---- Running one test (exec.c) ------------------------------------------- */

/* Runs the test at `relpath` in every mode it needs, each in a fresh
 * runtime.  On T262_FAIL `msg` says why (prefixed by the mode when the test
 * runs in both); on T262_SKIP it names the reason. */
t262_status t262_exec_test(const t262_config *cfg, const char *relpath, t262_buf *msg);

/* ---- Worker processes (pool.c) ------------------------------------------ */

typedef void (*t262_result_fn)(size_t index, t262_status status, const char *msg, size_t len,
                               void *opaque);

/* Runs every test of `tests` on cfg->jobs forked workers (or in process when
 * jobs is 0), calling `on_result` in the parent once per test, in completion
 * order.  A worker that dies or overruns its time fails its test and is
 * replaced.  Returns false if workers cannot be started at all. */
bool t262_pool_run(const t262_config *cfg, const t262_list *tests, t262_result_fn on_result,
                   void *opaque);

/* ---- Report and baseline (report.c) -------------------------------------- */

typedef struct t262_result {
    t262_status status;
    char *msg; /* owned; NULL when there is nothing to say */
} t262_result;

/* Prints the table, the baseline comparison and the closing lines; rewrites
 * the baseline with --update.  Returns the process exit status. */
int t262_report(const t262_config *cfg, const t262_list *tests, const t262_result *results,
                double seconds);

#endif /* T262_H */
