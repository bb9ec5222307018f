/*
 * run.c — runs one source text in a fresh runtime and realm, drains the
 * job queue, and reports an uncaught error: the message and stack, and for
 * a syntax error the offending source line with a caret under the column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"
#include "cli.h"

/* The bytecode dump reaches into the engine (not part of the public API). */
void heron_cli_dump_bytecode(hr_realm *realm, const char *name, const char *src, size_t len, int flags);

static void print_code_frame(const char *src, size_t len, const char *pos) {
    /* pos is "file:line:col" */
    const char *c2 = strrchr(pos, ':');
    if (!c2) return;
    const char *c1 = c2 - 1;
    while (c1 > pos && *c1 != ':') c1--;
    if (c1 <= pos) return;
    long line = strtol(c1 + 1, NULL, 10), col = strtol(c2 + 1, NULL, 10);
    if (line < 1) return;
    const char *p = src, *end = src + len;
    for (long l = 1; l < line && p < end; p++)
        if (*p == '\n') l++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r') e++;
    fprintf(stderr, "%5ld | %.*s\n      | ", line, (int)(e - p), p);
    for (long i = 1; i < col; i++) fputc(i - 1 < e - p && p[i - 1] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
}

static void report(hr_realm *realm, hr_value exc, const char *src, size_t len) {
    fflush(stdout);
    char *msg = hr_format_exception(realm, exc);
    if (hr_is_object(exc)) {
        hr_value pos = hr_get(realm, exc, "sourcePosition");
        if (hr_is_string(pos)) {
            char *p = hr_to_utf8(realm, pos, NULL);
            if (p) {
                char *name = hr_to_utf8(realm, hr_get(realm, exc, "message"), NULL);
                fprintf(stderr, "%s: SyntaxError: %s\n", p, name ? name : "");
                print_code_frame(src, len, p);
                hr_free(hr_realm_runtime(realm), name);
                hr_free(hr_realm_runtime(realm), p);
                hr_free(hr_realm_runtime(realm), msg);
                return;
            }
        }
    }
    fprintf(stderr, "Uncaught %s\n", msg ? msg : "exception");
    hr_free(hr_realm_runtime(realm), msg);
}

int heron_cli_run(const char *name, const char *src, size_t len, int flags, bool dump) {
    hr_config cfg;
    hr_config_init(&cfg);
    hr_runtime *rt = hr_runtime_new(&cfg);
    if (!rt) {
        fprintf(stderr, "heron: out of memory\n");
        return 1;
    }
    hr_realm *realm = hr_realm_new(rt);
    if (!realm) {
        fprintf(stderr, "heron: cannot create a realm\n");
        hr_runtime_free(rt);
        return 1;
    }
    int status = 0;
    hr_scope scope;
    hr_scope_open(rt, &scope);
    if (dump) {
        heron_cli_dump_bytecode(realm, name, src, len, flags);
        hr_scope_close(&scope);
        hr_runtime_free(rt);
        return 0;
    }
    hr_status st = hr_eval(realm, src, len, name, flags, NULL);
    if (st == HR_OK) st = hr_run_jobs(rt);
    if (st != HR_OK) {
        hr_value exc = hr_take_exception(rt);
        report(realm, exc, src, len);
        status = 1;
    }
    fflush(stdout);
    hr_scope_close(&scope);
    hr_runtime_free(rt);
    return status;
}
