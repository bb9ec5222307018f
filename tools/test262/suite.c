/*
 * suite.c — finds the tests of a test262 checkout and caches harness files.
 *
 * Test paths are always relative to the suite root ("test/built-ins/..."),
 * which is also how the baseline names them.  Files with "_FIXTURE" in their
 * name are module fixtures, not tests (INTERPRETING.md "Modules").  Harness
 * files are read once per process and kept for its lifetime; the parent
 * reads the ones every test needs before forking, so workers share them.
 */
#include "t262.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const default_roots[] = {"test/language", "test/built-ins", "test/annexB",
                                            "test/harness"};

static bool is_test_file(const char *name) {
    size_t n = strlen(name);
    return n > 3 && strcmp(name + n - 3, ".js") == 0 && !strstr(name, "_FIXTURE");
}

/* Adds the tests under suite/rel (a directory or one file). */
static bool walk(const char *suite, const char *rel, t262_list *out) {
    t262_buf path = {0};
    t262_buf_printf(&path, "%s/%s", suite, rel);
    struct stat st;
    if (stat(path.data, &st) != 0) {
        t262_buf_free(&path);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        const char *base = strrchr(rel, '/');
        if (is_test_file(base ? base + 1 : rel)) t262_list_push(out, rel);
        t262_buf_free(&path);
        return true;
    }
    DIR *d = opendir(path.data);
    t262_buf_free(&path);
    if (!d) return false;
    struct dirent *e;
    t262_buf child = {0};
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        child.len = 0;
        t262_buf_printf(&child, "%s/%s", rel, e->d_name);
        bool is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) {
            t262_buf full = {0};
            t262_buf_printf(&full, "%s/%s", suite, child.data);
            is_dir = stat(full.data, &st) == 0 && S_ISDIR(st.st_mode);
            t262_buf_free(&full);
        }
        if (is_dir)
            walk(suite, child.data, out);
        else if (is_test_file(e->d_name))
            t262_list_push(out, child.data);
    }
    t262_buf_free(&child);
    closedir(d);
    return true;
}

/* A prefix that is not an existing path ("test/built-ins/Array/prototype/fl")
 * selects the tests of its parent directory that start with it. */
static bool walk_prefix(const char *suite, const char *prefix, t262_list *out) {
    if (walk(suite, prefix, out)) return true;
    const char *slash = strrchr(prefix, '/');
    if (!slash) return false;
    t262_list all = {0};
    char *parent = t262_xstrndup(prefix, (size_t)(slash - prefix));
    bool ok = walk(suite, parent, &all);
    free(parent);
    size_t n = strlen(prefix);
    bool any = false;
    for (size_t i = 0; i < all.len; i++)
        if (strncmp(all.items[i], prefix, n) == 0) {
            t262_list_push(out, all.items[i]);
            any = true;
        }
    t262_list_free(&all);
    return ok && any;
}

static bool passes_filters(const t262_config *cfg, const char *rel) {
    if (cfg->filters.len == 0) return true;
    for (size_t i = 0; i < cfg->filters.len; i++)
        if (strstr(rel, cfg->filters.items[i])) return true;
    return false;
}

bool t262_suite_list(const t262_config *cfg, t262_list *tests) {
    t262_list found = {0};
    if (cfg->prefixes.len == 0) {
        /* A root the checkout lacks is left out; none at all is an error. */
        for (size_t i = 0; i < sizeof default_roots / sizeof default_roots[0]; i++)
            walk(cfg->suite, default_roots[i], &found);
        if (found.len == 0) {
            fprintf(stderr, "test262: no tests under %s/test\n", cfg->suite);
            return false;
        }
    } else {
        for (size_t i = 0; i < cfg->prefixes.len; i++)
            if (!walk_prefix(cfg->suite, cfg->prefixes.items[i], &found)) {
                fprintf(stderr, "test262: no tests match %s under %s\n", cfg->prefixes.items[i],
                        cfg->suite);
                t262_list_free(&found);
                return false;
            }
    }
    t262_list_sort(&found);
    /* Overlapping prefixes may list a test twice: keep one of each. */
    for (size_t i = 0; i < found.len; i++) {
        if (i > 0 && strcmp(found.items[i], found.items[i - 1]) == 0) continue;
        if (passes_filters(cfg, found.items[i])) t262_list_push(tests, found.items[i]);
    }
    t262_list_free(&found);
    return true;
}

/* ---- Harness cache --------------------------------------------------------- */

typedef struct harness_entry {
    char *name;
    t262_buf text;
} harness_entry;

/* Entries are allocated one by one so a returned pointer stays valid when
 * the table grows. */
static harness_entry **cache;
static size_t cache_len, cache_cap;

const t262_buf *t262_harness_get(const t262_config *cfg, const char *name, char *err,
                                 size_t errlen) {
    for (size_t i = 0; i < cache_len; i++)
        if (strcmp(cache[i]->name, name) == 0) return &cache[i]->text;
    if (strstr(name, "..")) {
        snprintf(err, errlen, "harness file name '%s' leaves harness/", name);
        return NULL;
    }
    t262_buf path = {0};
    t262_buf_printf(&path, "%s/harness/%s", cfg->suite, name);
    t262_buf text = {0};
    bool ok = t262_read_file(path.data, &text);
    if (!ok) {
        snprintf(err, errlen, "cannot read %s: %s", path.data, strerror(errno));
        t262_buf_free(&path);
        t262_buf_free(&text);
        return NULL;
    }
    t262_buf_free(&path);
    if (cache_len == cache_cap) {
        cache_cap = cache_cap ? cache_cap * 2 : 32;
        cache = t262_xalloc(cache, cache_cap * sizeof *cache);
    }
    harness_entry *e = t262_xalloc(NULL, sizeof *e);
    e->name = t262_xstrdup(name);
    e->text = text;
    cache[cache_len++] = e;
    return &e->text;
}
