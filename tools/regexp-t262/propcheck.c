/*
 * propcheck.c — checks the Unicode property tables against test262's
 * generated property-escape tests recorded by props.js: every listed code
 * point string must fully match its regexp (e.g. /^\p{Lu}+$/u), and each
 * property of strings must match its strings and reject its non-strings.
 * A development tool, not part of libheron or the test suite; see run.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regexp/regexp.h"

static uint16_t *buf;
static size_t blen, bcap;

static bool put(uint32_t c) {
    if (blen + 2 > bcap) {
        size_t cap = bcap ? bcap * 2 : 1 << 20;
        uint16_t *n = realloc(buf, cap * sizeof(uint16_t));
        if (!n) return false;
        buf = n;
        bcap = cap;
    }
    if (c >= 0x10000) {
        buf[blen++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
        buf[blen++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
        buf[blen++] = (uint16_t)c;
    }
    return true;
}

static bool found(const hx_regexp_program *p) {
    int caps[2];
    return hx_regexp_exec(p, NULL, buf, blen, 0, true, caps, NULL, NULL) == HX_RE_MATCH;
}

/* Strings are "u.u.u,u.u" (code units, hex); checks all joined, then each. */
static bool check_strings(const hx_regexp_program *p, char *list, bool want) {
    if (!strcmp(list, "none")) return true;
    char *q = list;
    blen = 0;
    while (*q) {
        put((uint32_t)strtoul(q, &q, 16));
        if (*q) q++;
    }
    if (found(p) != want) return false;
    for (q = list; *q;) {
        blen = 0;
        for (;;) {
            put((uint32_t)strtoul(q, &q, 16));
            if (*q != '.') break;
            q++;
        }
        if (*q == ',') q++;
        if (found(p) != want) return false;
    }
    return true;
}

int main(int argc, char **argv) {
    FILE *f = fopen(argc > 1 ? argv[1] : "props.txt", "r");
    if (!f) return 2;
    static char line[1 << 24];
    static uint16_t pat[4096];
    int pass = 0, fail = 0;
    char last[256] = "";
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *save;
        char *file = strtok_r(line, "\t", &save), *ph = strtok_r(NULL, "\t", &save);
        char *fl = strtok_r(NULL, "\t", &save), *ranges = strtok_r(NULL, "\t", &save);
        size_t pl = 0;
        for (char *q = ph; *q && pl < 4096;) {
            pat[pl++] = (uint16_t)strtol(q, &q, 16);
            if (*q == ',') q++;
        }
        uint16_t fb[8];
        size_t fn = strlen(fl);
        for (size_t i = 0; i < fn && i < 8; i++)
            fb[i] = (uint16_t)fl[i];
        char err[128];
        hx_regexp_program *p =
            hx_regexp_compile(pat, pl, hx_regexp_parse_flags(fb, fn), err, sizeof err);
        bool ok = p != NULL;
        if (ok && strcmp(ranges, "S")) {
            blen = 0;
            for (char *q = ranges; strcmp(ranges, "none") && *q;) {
                uint32_t a = (uint32_t)strtoul(q, &q, 16);
                uint32_t b = (uint32_t)strtoul(q + 1, &q, 16);
                if (*q == ',') q++;
                for (uint32_t c = a; c <= b; c++)
                    put(c);
            }
            int caps[2];
            ok = hx_regexp_exec(p, NULL, buf, blen, 0, false, caps, NULL, NULL) == HX_RE_MATCH &&
                 caps[1] == (int)blen;
        } else if (ok) {
            char *m = strtok_r(NULL, "\t", &save), *nm = strtok_r(NULL, "\t", &save);
            ok = check_strings(p, m, true) && check_strings(p, nm, false);
        }
        if (ok) {
            pass++;
        } else {
            fail++;
            if (strcmp(last, file)) printf("FAIL %s %s\n", file, p ? "" : err);
            snprintf(last, sizeof last, "%s", file);
        }
        hx_regexp_free(p);
    }
    fclose(f);
    free(buf);
    printf("property-escape checks: %d passed, %d failed\n", pass, fail);
    return 0;
}
