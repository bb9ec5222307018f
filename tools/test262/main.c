/*
 * main.c — the test262 conformance runner's command line (`build/test262`).
 *
 * Reads the options into one t262_config, lists the tests, runs them on the
 * worker pool and hands the results to the report.  The configuration is
 * complete before the first worker is forked (workers read it directly).
 * `build/test262 --help` documents every option.
 */
#include "t262.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: test262 --test262 DIR [options] [PATH...]\n"
    "\n"
    "Runs the test262 conformance suite on Heron, each test in a fresh runtime\n"
    "(non-strict and strict unless its flags say otherwise), in forked worker\n"
    "processes so that a crash fails one test, not the run.\n"
    "\n"
    "PATH...                 run only these tests: directories, files or path\n"
    "                        prefixes relative to the suite root (\"test/\" may be\n"
    "                        left out): test/language/expressions/class,\n"
    "                        built-ins/Array/prototype/fl.  Default: test/language,\n"
    "                        test/built-ins, test/annexB and test/harness.\n"
    "--dir PREFIX            the same as a PATH argument (repeatable)\n"
    "--filter TEXT           run only tests whose path contains TEXT (repeatable)\n"
    "\n"
    "--test262 DIR           the test262 checkout (with harness/ and test/)\n"
    "--baseline FILE         expected failures, one path per line ('#' comments);\n"
    "                        exit status 1 only for failures not listed there\n"
    "--update                rewrite the baseline from this run (tests not run\n"
    "                        keep their entries; skipped tests are dropped)\n"
    "--skip-features FILE    skip tests that use any feature listed in FILE (one\n"
    "                        per line, '#' comments); skips never count as passed\n"
    "--can-block yes|no      the host's [[CanBlock]]: skips CanBlockIsFalse tests\n"
    "                        (yes, the default) or CanBlockIsTrue tests (no)\n"
    "\n"
    "Which tests count (the others are left out of every figure and not run):\n"
    "--exclude-features A,B  leave out tests with any of these features\n"
    "--only-features A,B     count only tests with at least one of these features\n"
    "--exclude-flags A,B     leave out tests with any of these flags (module, async,\n"
    "                        raw, onlyStrict, noStrict, CanBlockIsTrue, ...)\n"
    "--only-flags A,B        count only tests with at least one of these flags\n"
    "--negative-only PHASE   count only negative tests of PHASE (parse,\n"
    "                        resolution or runtime)\n"
    "\n"
    "-j, --jobs N            worker processes (default 2; 0 runs the tests in this\n"
    "                        process, without crash isolation, e.g. under a debugger)\n"
    "--timeout S             seconds per test and mode (default 10), enforced with\n"
    "                        hr_set_interrupt; a worker that ignores it is killed\n"
    "                        after 2*S+10 s\n"
    "--memory-limit MB       engine heap limit per runtime (default 512)\n"
    "--rlimit-as MB          address-space limit of each worker (default 8192; 0:\n"
    "                        none; never applied in sanitizer builds)\n"
    "--recycle N             replace a worker after N tests (default 1000; 0: never)\n"
    "\n"
    "--summary-by DEPTH      directory levels below test/ in the table (default 2:\n"
    "                        language/expressions, built-ins/Array, ...)\n"
    "-v, --verbose           print every failure with its message\n"
    "--progress, --no-progress\n"
    "                        a progress line on stderr (default: when a terminal)\n"
    "-h, --help              this text\n"
    "\n"
    "Output: the table (pass, fail, skip, total, pass%% per directory), the\n"
    "baseline comparison (\"regression: PATH: message\" for each new failure, \"now\n"
    "passing\" for fixed ones), then the skip count, the time, and last the line\n"
    "\"N passed, N failed\".  Exit status: 0 when every failure is in the baseline\n"
    "(or there are none), 1 otherwise, 2 for usage or setup errors.\n";

__attribute__((format(printf, 1, 2), noreturn)) static void die_usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "test262: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n(see test262 --help)\n");
    va_end(ap);
    exit(2);
}

/* Matches `--name VALUE` and `--name=VALUE`; advances *i past the value. */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0) return NULL;
    if (a[n] == '=') return a + n + 1;
    if (a[n] != '\0') return NULL;
    if (*i + 1 >= argc) die_usage("%s needs a value", name);
    return argv[++*i];
}

static double number_arg(const char *name, const char *value, double min) {
    char *end;
    double d = strtod(value, &end);
    if (end == value || *end || d < min) die_usage("bad value for %s", name);
    return d;
}

/* A PATH argument relative to the suite root, starting with "test/". */
static char *normalize_path(const char *suite, const char *arg) {
    size_t sn = strlen(suite);
    while (strncmp(arg, "./", 2) == 0)
        arg += 2;
    if (strncmp(arg, suite, sn) == 0 && arg[sn] == '/') arg += sn + 1;
    t262_buf b = {0};
    if (strncmp(arg, "test/", 5) != 0 && strcmp(arg, "test") != 0) t262_buf_puts(&b, "test/");
    t262_buf_puts(&b, arg);
    while (b.len > 5 && b.data[b.len - 1] == '/')
        b.data[--b.len] = '\0';
    return b.data;
}

typedef struct run_state {
    const t262_config *cfg;
    t262_result *results;
    size_t total, done, failed;
    double last_progress;
} run_state;

static void on_result(size_t index, t262_status status, const char *msg, size_t len, void *opaque) {
    run_state *s = opaque;
    s->results[index].status = status;
    s->results[index].msg = len ? t262_xstrndup(msg, len) : NULL;
    s->done++;
    if (status == T262_FAIL) s->failed++;
    if (s->cfg->progress) {
        double now = t262_now();
        if (now - s->last_progress > 0.2 || s->done == s->total) {
            fprintf(stderr, "\r%zu/%zu tests, %zu failed ", s->done, s->total, s->failed);
            s->last_progress = now;
        }
    }
}

int main(int argc, char **argv) {
    t262_config cfg = {.jobs = 2,
                       .timeout = 10,
                       .memory_limit = (size_t)512 << 20,
                       .rlimit_as = (size_t)8192 << 20,
                       .recycle = 1000,
                       .summary_depth = 2,
                       .can_block = true,
                       .progress = isatty(STDERR_FILENO)};
    const char *skip_file = NULL;
    t262_list raw_paths = {0};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            cfg.verbose++;
        } else if (strcmp(a, "--update") == 0) {
            cfg.update = true;
        } else if (strcmp(a, "--progress") == 0) {
            cfg.progress = true;
        } else if (strcmp(a, "--no-progress") == 0) {
            cfg.progress = false;
        } else if ((v = option_value(argc, argv, &i, "--test262"))) {
            cfg.suite = v;
        } else if ((v = option_value(argc, argv, &i, "--baseline"))) {
            cfg.baseline = v;
        } else if ((v = option_value(argc, argv, &i, "--skip-features"))) {
            skip_file = v;
        } else if ((v = option_value(argc, argv, &i, "--can-block"))) {
            if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0)
                die_usage("--can-block takes yes or no, not %s", v);
            cfg.can_block = strcmp(v, "yes") == 0;
        } else if ((v = option_value(argc, argv, &i, "--exclude-features"))) {
            t262_list_add_csv(&cfg.exclude_features, v);
        } else if ((v = option_value(argc, argv, &i, "--only-features"))) {
            t262_list_add_csv(&cfg.only_features, v);
        } else if ((v = option_value(argc, argv, &i, "--exclude-flags"))) {
            t262_list_add_csv(&cfg.exclude_flags, v);
        } else if ((v = option_value(argc, argv, &i, "--only-flags"))) {
            t262_list_add_csv(&cfg.only_flags, v);
        } else if ((v = option_value(argc, argv, &i, "--negative-only"))) {
            cfg.negative_only = t262_phase_from_name(v);
            if (cfg.negative_only == T262_PHASE_NONE)
                die_usage("--negative-only takes parse, resolution or runtime, not %s", v);
        } else if ((v = option_value(argc, argv, &i, "--dir"))) {
            t262_list_push(&raw_paths, v);
        } else if ((v = option_value(argc, argv, &i, "--filter"))) {
            t262_list_push(&cfg.filters, v);
        } else if ((v = option_value(argc, argv, &i, "--jobs")) ||
                   (v = option_value(argc, argv, &i, "-j"))) {
            cfg.jobs = (int)number_arg("--jobs", v, 0);
        } else if (strncmp(a, "-j", 2) == 0 && a[2]) {
            cfg.jobs = (int)number_arg("-j", a + 2, 0);
        } else if ((v = option_value(argc, argv, &i, "--timeout"))) {
            cfg.timeout = number_arg("--timeout", v, 0.001);
        } else if ((v = option_value(argc, argv, &i, "--memory-limit"))) {
            cfg.memory_limit = (size_t)number_arg("--memory-limit", v, 0) << 20;
        } else if ((v = option_value(argc, argv, &i, "--rlimit-as"))) {
            cfg.rlimit_as = (size_t)number_arg("--rlimit-as", v, 0) << 20;
        } else if ((v = option_value(argc, argv, &i, "--recycle"))) {
            cfg.recycle = (int)number_arg("--recycle", v, 0);
        } else if ((v = option_value(argc, argv, &i, "--summary-by"))) {
            cfg.summary_depth = (int)number_arg("--summary-by", v, 1);
        } else if (a[0] == '-') {
            die_usage("unknown option %s", a);
        } else {
            t262_list_push(&raw_paths, a);
        }
    }
    if (!cfg.suite) die_usage("%s", "--test262 DIR is required");
    if (skip_file && !t262_read_list_file(skip_file, &cfg.skip_features)) {
        perror(skip_file);
        return 2;
    }
    if (cfg.update && !cfg.baseline) die_usage("%s", "--update needs --baseline FILE");
    for (size_t i = 0; i < raw_paths.len; i++) {
        char *p = normalize_path(cfg.suite, raw_paths.items[i]);
        t262_list_push(&cfg.prefixes, p);
        free(p);
    }
    t262_list_free(&raw_paths);

    /* Read the harness every test needs before forking, so that workers
     * share it; this also checks that DIR is a test262 checkout. */
    static const char *const common[] = {"assert.js", "sta.js", "doneprintHandle.js"};
    for (size_t i = 0; i < sizeof common / sizeof common[0]; i++) {
        char err[512];
        if (!t262_harness_get(&cfg, common[i], err, sizeof err)) {
            fprintf(stderr, "test262: %s (is --test262 a test262 checkout?)\n", err);
            return 2;
        }
    }

    t262_list tests = {0};
    if (!t262_suite_list(&cfg, &tests)) return 2;
    run_state state = {.cfg = &cfg, .total = tests.len};
    state.results = t262_xalloc(NULL, (tests.len ? tests.len : 1) * sizeof *state.results);
    for (size_t i = 0; i < tests.len; i++)
        state.results[i] = (t262_result){.status = T262_FAIL, .msg = NULL};

    double start = t262_now();
    if (!t262_pool_run(&cfg, &tests, on_result, &state)) return 2;
    double seconds = t262_now() - start;
    if (cfg.progress) fprintf(stderr, "\r%*s\r", 60, "");

    int status = t262_report(&cfg, &tests, state.results, seconds);
    for (size_t i = 0; i < tests.len; i++)
        free(state.results[i].msg);
    free(state.results);
    t262_list_free(&tests);
    t262_list_free(&cfg.skip_features);
    t262_list_free(&cfg.exclude_features);
    t262_list_free(&cfg.only_features);
    t262_list_free(&cfg.exclude_flags);
    t262_list_free(&cfg.only_flags);
    t262_list_free(&cfg.prefixes);
    t262_list_free(&cfg.filters);
    return status;
}
