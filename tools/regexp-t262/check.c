/*
 * check.c — runs hx_regexp_check_syntax over the patterns extract.js pulled
 * out of test262 and reports agreement with test262's expectation (and
 * with node, recorded by extract.js).  A development tool, not part of
 * libheron or the test suite; see run.sh.
 * Input lines: kind \t file \t nodeok|nodeerr \t n \t (hexunits flags)...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regexp/regexp.h"

static size_t parse_units(char *s, uint16_t *out, size_t max) {
    size_t n = 0;
    while (*s && n < max) {
        out[n++] = (uint16_t)strtol(s, &s, 16);
        if (*s == ',') s++;
    }
    return n;
}

int main(int argc, char **argv) {
    FILE *f = fopen(argc > 1 ? argv[1] : "items.txt", "r");
    if (!f) return 2;
    static char line[1 << 20];
    static uint16_t pat[1 << 16];
    int agree = 0, total = 0, node_agree = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *save;
        char *kind = strtok_r(line, "\t", &save), *file = strtok_r(NULL, "\t", &save);
        char *node = strtok_r(NULL, "\t", &save);
        int n = atoi(strtok_r(NULL, "\t", &save));
        bool any_invalid = false;
        char why[160] = "";
        for (int i = 0; i < n; i++) {
            char *item = strtok_r(NULL, "\t", &save), *sp = strrchr(item, ' ');
            *sp = 0;
            const char *fl = strcmp(sp + 1, "-") ? sp + 1 : "";
            size_t pl = parse_units(item, pat, sizeof pat / sizeof pat[0]);
            uint16_t fb[32];
            size_t fn = strlen(fl);
            for (size_t k = 0; k < fn && k < 32; k++)
                fb[k] = (uint16_t)fl[k];
            int flags = fn < 32 ? hx_regexp_parse_flags(fb, fn) : -1;
            char err[128] = "invalid flags";
            if (flags < 0 || !hx_regexp_check_syntax(pat, pl, flags, err, sizeof err)) {
                any_invalid = true;
                snprintf(why, sizeof why, "%s", err);
            }
        }
        bool expect_invalid = strcmp(kind, "neg") == 0;
        total++;
        agree += expect_invalid == any_invalid;
        node_agree += (strcmp(node, "nodeerr") == 0) == any_invalid;
        if (expect_invalid != any_invalid)
            printf("DISAGREE %s %s %s\n", expect_invalid ? "expected-error" : "expected-valid",
                   file, why);
    }
    fclose(f);
    printf("agreement with test262: %d/%d; with node: %d/%d\n", agree, total, node_agree, total);
    return 0;
}
