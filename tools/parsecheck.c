/*
 * parsecheck.c — runs the front end over files: prints
 * "file:line:col: SyntaxError: message" and exits 1 on the first file with a
 * syntax error, 0 otherwise.  --module / --ts / --strict select the goal and
 * flags (a .ts/.mts/.cts name implies --ts, .mjs/.mts implies --module);
 * --dump prints the AST.  --eval parses as (indirect) eval code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/parser.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap)
            break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    fclose(f);
    *len = n;
    return buf;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* --batch: reads lines "<flags> <path>" (flags: any of m s t, or -) from
 * stdin and prints "OK <path>" or "ERR <path> <line>:<col> <message>". */
static int batch(void)
{
    char line[4096];
    while (fgets(line, sizeof(line), stdin)) {
        line[strcspn(line, "\n")] = 0;
        char *sp = strchr(line, ' ');
        if (!sp)
            continue;
        *sp = 0;
        const char *fl = line, *path = sp + 1;
        size_t len;
        char *src = read_file(path, &len);
        if (!src) {
            printf("ERR %s 0:0 cannot read\n", path);
            continue;
        }
        hx_parse_options o = {strchr(fl, 'm') ? HX_GOAL_MODULE : HX_GOAL_SCRIPT,
                              (strchr(fl, 's') ? HX_PARSE_STRICT : 0) |
                                  (strchr(fl, 't') ? HX_PARSE_TS : 0),
                              path, NULL, 0};
        hx_arena arena;
        hx_arena_init(&arena);
        hx_parse_error err;
        hx_ast_node *root = hx_parse(&arena, src, len, &o, &err);
        if (root)
            printf("OK %s\n", path);
        else
            printf("ERR %s %u:%u %s\n", path, err.line, err.column, err.message);
        fflush(stdout);
        hx_arena_free_all(&arena);
        free(src);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--batch") == 0)
        return batch();
    int module = 0, ts = 0, strict = 0, dump = 0, eval = 0, status = 0, quiet = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--module") == 0) { module = 1; continue; }
        if (strcmp(a, "--ts") == 0) { ts = 1; continue; }
        if (strcmp(a, "--strict") == 0) { strict = 1; continue; }
        if (strcmp(a, "--dump") == 0) { dump = 1; continue; }
        if (strcmp(a, "--eval") == 0) { eval = 1; continue; }
        if (strcmp(a, "--quiet") == 0) { quiet = 1; continue; }
        size_t len;
        char *src = read_file(a, &len);
        if (!src) {
            fprintf(stderr, "%s: cannot read\n", a);
            status = 2;
            continue;
        }
        int is_ts = ts || ends_with(a, ".ts") || ends_with(a, ".mts") || ends_with(a, ".cts");
        int is_mod = module || ends_with(a, ".mjs") || ends_with(a, ".mts");
        hx_parse_options o = {is_mod ? HX_GOAL_MODULE : eval ? HX_GOAL_EVAL : HX_GOAL_SCRIPT,
                              (strict ? HX_PARSE_STRICT : 0) | (is_ts ? HX_PARSE_TS : 0), a,
                              NULL, 0};
        hx_arena arena;
        hx_arena_init(&arena);
        hx_parse_error err;
        hx_ast_node *root = hx_parse(&arena, src, len, &o, &err);
        if (!root) {
            if (!quiet)
                printf("%s:%u:%u: SyntaxError: %s\n", a, err.line, err.column, err.message);
            status = status ? status : 1;
        } else if (dump) {
            hx_ast_dump(root, stdout);
        }
        hx_arena_free_all(&arena);
        free(src);
    }
    return status;
}
