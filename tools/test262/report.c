/*
 * report.c — the runner's verdict: a pass/fail/skip table per directory, the
 * comparison with the baseline of expected failures, and the closing lines.
 *
 * The last line printed is always exactly "N passed, N failed" (skipped and
 * excluded tests never count as passed).  Baseline rules: a failure not in
 * the baseline is a regression and makes the exit status 1; a baseline entry
 * that now passes is only reported.  --update rewrites the baseline from the
 * tests this run decided (passed, failed or skipped) and keeps the entries
 * of tests it did not run, so a partial run never forgets the rest.
 */
#include "t262.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct group {
    char *key;
    size_t pass, fail, skip;
} group;

typedef struct group_table {
    group *items;
    size_t len, cap;
} group_table;

/* "test/built-ins/Array/from/x.js" at depth 2 → "built-ins/Array": the
 * directories below test/, at most `depth` of them. */
static char *group_key(const char *relpath, int depth) {
    const char *p = relpath;
    if (strncmp(p, "test/", 5) == 0) p += 5;
    const char *end = p;
    for (int level = 0; level < depth; level++) {
        const char *slash = strchr(end == p ? end : end + 1, '/');
        if (!slash) break;
        end = slash;
    }
    if (end == p) /* a file directly in test/ */
        return t262_xstrdup(".");
    return t262_xstrndup(p, (size_t)(end - p));
}

static group *group_get(group_table *t, const char *key) {
    for (size_t i = t->len; i-- > 0;)
        if (strcmp(t->items[i].key, key) == 0) return &t->items[i];
    if (t->len == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 64;
        t->items = t262_xalloc(t->items, t->cap * sizeof *t->items);
    }
    t->items[t->len] = (group){.key = t262_xstrdup(key)};
    return &t->items[t->len++];
}

static int cmp_group(const void *a, const void *b) {
    return strcmp(((const group *)a)->key, ((const group *)b)->key);
}

static void group_free(group_table *t) {
    for (size_t i = 0; i < t->len; i++)
        free(t->items[i].key);
    free(t->items);
}

static void print_row(const char *key, size_t pass, size_t fail, size_t skip) {
    size_t total = pass + fail + skip;
    if (pass + fail)
        printf("%-48s %7zu %7zu %7zu %7zu %6.1f%%\n", key, pass, fail, skip, total,
               100.0 * (double)pass / (double)(pass + fail));
    else
        printf("%-48s %7zu %7zu %7zu %7zu %7s\n", key, pass, fail, skip, total, "-");
}

static void print_table(const t262_config *cfg, const t262_list *tests,
                        const t262_result *results) {
    group_table fine = {0}, top = {0};
    for (size_t i = 0; i < tests->len; i++) {
        t262_status st = results[i].status;
        if (st == T262_EXCLUDED) continue;
        char *k1 = group_key(tests->items[i], cfg->summary_depth);
        char *k2 = group_key(tests->items[i], 1);
        group *groups[2] = {group_get(&fine, k1), group_get(&top, k2)};
        for (int g = 0; g < 2; g++) {
            if (st == T262_PASS)
                groups[g]->pass++;
            else if (st == T262_FAIL)
                groups[g]->fail++;
            else
                groups[g]->skip++;
        }
        free(k1);
        free(k2);
    }
    qsort(fine.items, fine.len, sizeof *fine.items, cmp_group);
    qsort(top.items, top.len, sizeof *top.items, cmp_group);
    printf("%-48s %7s %7s %7s %7s %7s\n", "directory", "pass", "fail", "skip", "total", "pass%");
    if (cfg->summary_depth > 1) {
        for (size_t i = 0; i < fine.len; i++)
            print_row(fine.items[i].key, fine.items[i].pass, fine.items[i].fail,
                      fine.items[i].skip);
        printf("\n");
    }
    size_t pass = 0, fail = 0, skip = 0;
    for (size_t i = 0; i < top.len; i++) {
        print_row(top.items[i].key, top.items[i].pass, top.items[i].fail, top.items[i].skip);
        pass += top.items[i].pass;
        fail += top.items[i].fail;
        skip += top.items[i].skip;
    }
    print_row("all", pass, fail, skip);
    printf("\n");
    group_free(&fine);
    group_free(&top);
}

/* First line of a message, for one-line listings. */
static void print_first_line(const char *msg) {
    if (!msg || !*msg) return;
    const char *nl = strchr(msg, '\n');
    printf(": %.*s", nl ? (int)(nl - msg) : (int)strlen(msg), msg);
}

/* "FAIL path" and the message, every line indented. */
static void print_failure(const char *path, const char *msg) {
    printf("FAIL %s\n    ", path);
    for (const char *p = msg ? msg : ""; *p; p++)
        if (*p == '\n')
            fputs("\n    ", stdout);
        else
            putchar(*p);
    putchar('\n');
}

static bool file_exists(const char *suite, const char *rel) {
    t262_buf path = {0};
    t262_buf_printf(&path, "%s/%s", suite, rel);
    struct stat st;
    bool ok = stat(path.data, &st) == 0;
    t262_buf_free(&path);
    return ok;
}

static bool write_baseline(const t262_config *cfg, const t262_list *entries) {
    t262_buf tmp = {0};
    t262_buf_printf(&tmp, "%s.tmp", cfg->baseline);
    FILE *f = fopen(tmp.data, "w");
    bool ok = f != NULL;
    if (ok) {
        fprintf(f, "# test262 tests Heron is expected to fail: one path (relative to the suite\n"
                   "# root) per line, sorted.  `make test262` fails on any other failure;\n"
                   "# `make test262-update` rewrites this file from a run (entries of tests\n"
                   "# outside that run are kept).  Skipped tests are never listed.\n");
        for (size_t i = 0; i < entries->len; i++)
            fprintf(f, "%s\n", entries->items[i]);
        ok = fflush(f) == 0 && !ferror(f);
        ok = fclose(f) == 0 && ok;
    }
    if (ok) ok = rename(tmp.data, cfg->baseline) == 0;
    if (!ok) {
        perror(cfg->baseline);
        remove(tmp.data);
    }
    t262_buf_free(&tmp);
    return ok;
}

/* New baseline: old entries of tests this run did not decide, plus the
 * current failures. */
static bool update_baseline(const t262_config *cfg, const t262_list *tests,
                            const t262_result *results, const t262_list *old) {
    t262_list entries = {0};
    size_t added = 0, removed = 0;
    for (size_t i = 0; i < old->len; i++) {
        long k = t262_list_find(tests, old->items[i]);
        bool decided = k >= 0 && results[k].status != T262_EXCLUDED;
        if (!decided && file_exists(cfg->suite, old->items[i]))
            t262_list_push(&entries, old->items[i]);
        else if (!decided || results[k].status != T262_FAIL)
            removed++;
    }
    for (size_t i = 0; i < tests->len; i++)
        if (results[i].status == T262_FAIL) {
            t262_list_push(&entries, tests->items[i]);
            if (t262_list_find(old, tests->items[i]) < 0) added++;
        }
    t262_list_sort(&entries);
    bool ok = write_baseline(cfg, &entries);
    if (ok)
        printf("baseline: wrote %zu entries to %s (%zu added, %zu removed)\n", entries.len,
               cfg->baseline, added, removed);
    t262_list_free(&entries);
    return ok;
}

int t262_report(const t262_config *cfg, const t262_list *tests, const t262_result *results,
                double seconds) {
    size_t pass = 0, fail = 0, skip = 0, excluded = 0;
    for (size_t i = 0; i < tests->len; i++)
        switch (results[i].status) {
        case T262_PASS: pass++; break;
        case T262_FAIL: fail++; break;
        case T262_SKIP: skip++; break;
        case T262_EXCLUDED: excluded++; break;
        }
    print_table(cfg, tests, results);

    if (cfg->verbose)
        for (size_t i = 0; i < tests->len; i++)
            if (results[i].status == T262_FAIL) print_failure(tests->items[i], results[i].msg);

    t262_list old = {0};
    bool have_baseline = false;
    if (cfg->baseline) {
        have_baseline = t262_read_list_file(cfg->baseline, &old);
        if (!have_baseline)
            printf("baseline %s not found: every failure counts as new\n", cfg->baseline);
        t262_list_sort(&old);
    }

    int status = fail ? 1 : 0;
    if (cfg->baseline && !cfg->update) {
        size_t regressions = 0, fixed = 0;
        for (size_t i = 0; i < tests->len; i++)
            if (results[i].status == T262_FAIL && t262_list_find(&old, tests->items[i]) < 0) {
                printf("regression: %s", tests->items[i]);
                print_first_line(results[i].msg);
                printf("\n");
                regressions++;
            }
        for (size_t i = 0; i < tests->len; i++)
            if (results[i].status == T262_PASS && t262_list_find(&old, tests->items[i]) >= 0) {
                printf("now passing — run make test262-update: %s\n", tests->items[i]);
                fixed++;
            }
        if (regressions)
            printf("%zu new failure%s not in %s\n", regressions, regressions == 1 ? "" : "s",
                   cfg->baseline);
        else
            printf("no new failures (baseline %s: %zu entries)\n", cfg->baseline, old.len);
        if (fixed)
            printf("%zu test%s in the baseline now pass%s\n", fixed, fixed == 1 ? "" : "s",
                   fixed == 1 ? "es" : "");
        status = regressions ? 1 : 0;
    } else if (cfg->baseline && cfg->update) {
        status = update_baseline(cfg, tests, results, &old) ? 0 : 2;
    }
    t262_list_free(&old);

    if (excluded) printf("excluded from the counts: %zu\n", excluded);
    printf("skipped: %zu\n", skip);
    if (cfg->jobs > 0)
        printf("time: %.1f s (%d job%s)\n", seconds, cfg->jobs, cfg->jobs == 1 ? "" : "s");
    else
        printf("time: %.1f s (in process)\n", seconds);
    printf("%zu passed, %zu failed\n", pass, fail);
    fflush(stdout);
    return status;
}
