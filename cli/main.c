/*
 * main.c — the `heron` command: run a script or TypeScript file, evaluate
 * code given with -e, or dump a file's bytecode.  An uncaught error prints
 * its message and stack (with a code frame and caret for syntax errors) to
 * stderr and exits with status 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"
#include "cli.h"

static void usage(void) {
    fprintf(stderr,
            "usage: heron [options] file.{js,mjs,cjs,ts,mts,cts}\n"
            "       heron -e 'code'\n"
            "options:\n"
            "  -e CODE            evaluate CODE\n"
            "  --module           treat a .js file as an ES module\n"
            "  --dump-bytecode    print the compiled bytecode instead of running\n"
            "  --version          print the version\n");
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (n < cap) break;
        cap *= 2;
        char *nb = realloc(buf, cap);
        if (!nb) {
            free(buf);
            buf = NULL;
        }
        buf = nb;
    }
    fclose(f);
    if (buf) *len = n;
    return buf;
}

static bool has_suffix(const char *s, const char *suf) {
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

int main(int argc, char **argv) {
    const char *code = NULL, *file = NULL;
    bool module = false, dump = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-e") && i + 1 < argc) code = argv[++i];
        else if (!strcmp(argv[i], "--module")) module = true;
        else if (!strcmp(argv[i], "--dump-bytecode")) dump = true;
        else if (!strcmp(argv[i], "--version")) {
            printf("heron %s\n", HERON_VERSION_STRING);
            return 0;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage();
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "heron: unknown option %s\n", argv[i]);
            usage();
            return 2;
        } else if (!file)
            file = argv[i];
    }
    if (!code && !file) {
        usage();
        return 2;
    }
    size_t len = 0;
    char *src = NULL;
    const char *name = file ? file : "<eval>";
    if (code) {
        len = strlen(code);
        src = malloc(len + 1);
        if (src) memcpy(src, code, len + 1);
    } else {
        src = read_file(file, &len);
        if (!src) {
            fprintf(stderr, "heron: cannot read %s\n", file);
            return 1;
        }
    }
    int flags = 0;
    if (module || (file && (has_suffix(file, ".mjs") || has_suffix(file, ".mts")))) flags |= HR_EVAL_MODULE;
    int status = heron_cli_run(name, src, len, flags, dump);
    free(src);
    return status;
}
