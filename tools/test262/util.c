/*
 * util.c — buffers, string lists, file reading and the clock for the test262
 * runner.  The runner's own allocations never fail quietly: t262_xalloc ends
 * the process with a message, since a runner that lost part of its results
 * would report wrong figures.
 */
#include "t262.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void *t262_xalloc(void *ptr, size_t size) {
    void *p = realloc(ptr, size ? size : 1);
    if (!p) {
        fprintf(stderr, "test262: out of memory (%zu bytes)\n", size);
        exit(2);
    }
    return p;
}

char *t262_xstrndup(const char *s, size_t n) {
    char *p = t262_xalloc(NULL, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *t262_xstrdup(const char *s) {
    return t262_xstrndup(s, strlen(s));
}

static void buf_reserve(t262_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = t262_xalloc(b->data, cap);
    b->cap = cap;
}

void t262_buf_append(t262_buf *b, const char *data, size_t len) {
    buf_reserve(b, len);
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void t262_buf_puts(t262_buf *b, const char *s) {
    t262_buf_append(b, s, strlen(s));
}

void t262_buf_printf(t262_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void t262_buf_free(t262_buf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void t262_list_pushn(t262_list *l, const char *s, size_t n) {
    if (l->len == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = t262_xalloc(l->items, l->cap * sizeof *l->items);
    }
    l->items[l->len++] = t262_xstrndup(s, n);
}

void t262_list_push(t262_list *l, const char *s) {
    t262_list_pushn(l, s, strlen(s));
}

bool t262_list_has(const t262_list *l, const char *s) {
    for (size_t i = 0; i < l->len; i++)
        if (strcmp(l->items[i], s) == 0) return true;
    return false;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void t262_list_sort(t262_list *l) {
    if (l->len > 1) qsort(l->items, l->len, sizeof *l->items, cmp_str);
}

long t262_list_find(const t262_list *l, const char *s) {
    size_t lo = 0, hi = l->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(l->items[mid], s);
        if (c == 0) return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

void t262_list_free(t262_list *l) {
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

static bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Appends s[0..n) to `l` with surrounding blanks removed, unless empty. */
static void push_trimmed(t262_list *l, const char *s, size_t n) {
    while (n && is_blank(*s))
        s++, n--;
    while (n && is_blank(s[n - 1]))
        n--;
    if (n) t262_list_pushn(l, s, n);
}

void t262_list_add_csv(t262_list *l, const char *csv) {
    const char *p = csv;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        push_trimmed(l, p, n);
        if (!comma) break;
        p = comma + 1;
    }
}

bool t262_read_file(const char *path, t262_buf *out) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    char chunk[65536];
    size_t n;
    out->len = 0;
    t262_buf_append(out, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        t262_buf_append(out, chunk, n);
    bool ok = !ferror(f);
    int saved = errno;
    fclose(f);
    errno = saved;
    return ok;
}

bool t262_read_list_file(const char *path, t262_list *out) {
    t262_buf text = {0};
    if (!t262_read_file(path, &text)) {
        t262_buf_free(&text);
        return false;
    }
    const char *p = text.data;
    while (*p) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        const char *hash = memchr(p, '#', n);
        push_trimmed(out, p, hash ? (size_t)(hash - p) : n);
        p += n + (eol != NULL);
    }
    t262_buf_free(&text);
    return true;
}

double t262_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
