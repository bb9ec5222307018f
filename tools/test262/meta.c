/*
 * meta.c — reads a test's YAML front matter (INTERPRETING.md "Metadata").
 *
 * Only the subset of YAML the suite uses is understood: top-level keys at
 * column 0; list values written either as a flow sequence `[a, b]` (possibly
 * across lines) or as indented `- item` lines; the `negative` mapping as
 * indented `phase:` / `type:` lines (or a flow mapping `{phase: ..}`); block
 * scalars (`|`, `>`) and every key the runner does not use are skipped.
 * Invariant: a key the runner needs is never silently dropped — a malformed
 * value makes the parse fail, so the test fails instead of running wrongly.
 */
#include "t262.h"

#include <stdio.h>
#include <string.h>

typedef struct line_reader {
    const char *p, *end;
} line_reader;

/* Lines end with LF, CRLF or a lone CR (some tests use CR only, to test
 * line terminators). */
static bool next_line(line_reader *r, const char **line, size_t *len) {
    if (r->p >= r->end) return false;
    const char *q = r->p;
    while (q < r->end && *q != '\n' && *q != '\r')
        q++;
    *line = r->p;
    *len = (size_t)(q - r->p);
    if (q < r->end && *q == '\r' && q + 1 < r->end && q[1] == '\n') q++;
    r->p = q < r->end ? q + 1 : q;
    return true;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *n) {
    while (*n && is_space(**s))
        (*s)++, (*n)--;
    while (*n && is_space((*s)[*n - 1]))
        (*n)--;
}

/* Removes one level of matching quotes. */
static void unquote(const char **s, size_t *n) {
    if (*n >= 2 && ((**s == '"' && (*s)[*n - 1] == '"') || (**s == '\'' && (*s)[*n - 1] == '\'')))
        (*s)++, *n -= 2;
}

/* Drops a " # comment" tail. */
static void strip_comment(const char *s, size_t *n) {
    for (size_t i = 0; i < *n; i++)
        if (s[i] == '#' && (i == 0 || is_space(s[i - 1]))) {
            *n = i;
            return;
        }
}

static void push_item(t262_list *l, const char *s, size_t n) {
    trim(&s, &n);
    unquote(&s, &n);
    if (n) t262_list_pushn(l, s, n);
}

/* Splits the inside of a flow sequence on commas. */
static void push_flow_items(t262_list *l, const char *s, size_t n) {
    size_t start = 0;
    for (size_t i = 0; i <= n; i++)
        if (i == n || s[i] == ',') {
            push_item(l, s + start, i - start);
            start = i + 1;
        }
}

t262_phase t262_phase_from_name(const char *name) {
    if (strcmp(name, "parse") == 0) return T262_PHASE_PARSE;
    if (strcmp(name, "resolution") == 0) return T262_PHASE_RESOLUTION;
    if (strcmp(name, "runtime") == 0) return T262_PHASE_RUNTIME;
    return T262_PHASE_NONE;
}

static const struct {
    const char *name;
    unsigned bit;
} known_flags[] = {
    {"onlyStrict", T262_FLAG_ONLY_STRICT},
    {"noStrict", T262_FLAG_NO_STRICT},
    {"raw", T262_FLAG_RAW},
    {"module", T262_FLAG_MODULE},
    {"async", T262_FLAG_ASYNC},
    {"CanBlockIsFalse", T262_FLAG_CAN_BLOCK_FALSE},
    {"CanBlockIsTrue", T262_FLAG_CAN_BLOCK_TRUE},
    {"non-deterministic", T262_FLAG_NON_DETERMINISTIC},
    {"generated", T262_FLAG_GENERATED},
};

/* One `key: value` entry of the negative mapping. */
static bool negative_entry(t262_meta *m, const char *s, size_t n, char *err, size_t errlen) {
    const char *colon = memchr(s, ':', n);
    if (!colon) {
        snprintf(err, errlen, "malformed 'negative' entry");
        return false;
    }
    const char *k = s, *v = colon + 1;
    size_t kn = (size_t)(colon - s), vn = n - kn - 1;
    trim(&k, &kn);
    trim(&v, &vn);
    unquote(&v, &vn);
    char value[64];
    if (vn >= sizeof value) {
        snprintf(err, errlen, "'negative' value too long");
        return false;
    }
    memcpy(value, v, vn);
    value[vn] = '\0';
    if (kn == 5 && memcmp(k, "phase", 5) == 0) {
        m->negative_phase = t262_phase_from_name(value);
        if (m->negative_phase == T262_PHASE_NONE) {
            snprintf(err, errlen, "unknown negative phase '%s'", value);
            return false;
        }
    } else if (kn == 4 && memcmp(k, "type", 4) == 0) {
        memcpy(m->negative_type, value, vn + 1);
    }
    return true;
}

static bool finish_negative(t262_meta *m, bool seen, char *err, size_t errlen) {
    if (!seen) return true;
    if (m->negative_phase == T262_PHASE_NONE || !m->negative_type[0]) {
        snprintf(err, errlen, "'negative' needs both phase and type");
        return false;
    }
    return true;
}

static void set_flag_bits(t262_meta *m) {
    for (size_t i = 0; i < m->flag_names.len; i++)
        for (size_t j = 0; j < sizeof known_flags / sizeof known_flags[0]; j++)
            if (strcmp(m->flag_names.items[i], known_flags[j].name) == 0)
                m->flags |= known_flags[j].bit;
}

bool t262_meta_parse(const char *src, size_t len, t262_meta *m, char *err, size_t errlen) {
    memset(m, 0, sizeof *m);
    const char *end = src + len;
    const char *open = NULL, *close = NULL;
    for (const char *p = src; p + 5 <= end; p++)
        if (memcmp(p, "/*---", 5) == 0) {
            open = p + 5;
            break;
        }
    if (open)
        for (const char *p = open; p + 5 <= end; p++)
            if (memcmp(p, "---*/", 5) == 0) {
                close = p;
                break;
            }
    if (!open || !close) {
        snprintf(err, errlen, "no front matter");
        return false;
    }

    line_reader r = {open, close};
    const char *line;
    size_t n;
    t262_list *list = NULL; /* the list key whose items follow */
    bool in_negative = false, seen_negative = false;
    bool in_flow = false; /* inside a flow sequence spanning lines */
    while (next_line(&r, &line, &n)) {
        if (in_flow) {
            const char *close_br = memchr(line, ']', n);
            push_flow_items(list, line, close_br ? (size_t)(close_br - line) : n);
            if (close_br) in_flow = false;
            continue;
        }
        const char *s = line;
        size_t sn = n;
        trim(&s, &sn);
        if (sn == 0 || *s == '#') continue;
        if (is_space(line[0])) {
            /* An indented line belongs to the current key. */
            if (in_negative) {
                strip_comment(s, &sn);
                if (!negative_entry(m, s, sn, err, errlen)) goto fail;
            } else if (list && *s == '-') {
                strip_comment(s, &sn);
                push_item(list, s + 1, sn - 1);
            }
            continue;
        }
        const char *colon = memchr(line, ':', n);
        if (!colon) {
            list = NULL;
            in_negative = false;
            continue;
        }
        size_t kn = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vn = n - kn - 1;
        trim(&v, &vn);
        strip_comment(v, &vn);
        trim(&v, &vn);
        list = NULL;
        in_negative = false;
#define KEY(name) (kn == sizeof(name) - 1 && memcmp(line, name, kn) == 0)
        if (KEY("includes"))
            list = &m->includes;
        else if (KEY("flags"))
            list = &m->flag_names;
        else if (KEY("features"))
            list = &m->features;
        else if (KEY("locale"))
            list = &m->locale;
        else if (KEY("negative")) {
            seen_negative = true;
            in_negative = true;
            if (vn && *v == '{') {
                /* Flow mapping: {phase: parse, type: SyntaxError} */
                const char *rb = memchr(v, '}', vn);
                if (!rb) {
                    snprintf(err, errlen, "malformed 'negative' mapping");
                    goto fail;
                }
                const char *q = v + 1;
                while (q < rb) {
                    const char *comma = memchr(q, ',', (size_t)(rb - q));
                    const char *e = comma ? comma : rb;
                    if (!negative_entry(m, q, (size_t)(e - q), err, errlen)) goto fail;
                    q = e + 1;
                }
                in_negative = false;
            }
            continue;
        }
#undef KEY
        if (!list || vn == 0) continue;
        if (*v == '[') {
            const char *close_br = memchr(v, ']', vn);
            push_flow_items(list, v + 1, close_br ? (size_t)(close_br - v - 1) : vn - 1);
            if (!close_br) in_flow = true;
        } else {
            /* A single plain scalar: `flags: module` is read as one item. */
            push_item(list, v, vn);
        }
    }
    if (in_flow) {
        snprintf(err, errlen, "unterminated list in front matter");
        goto fail;
    }
    if (!finish_negative(m, seen_negative, err, errlen)) goto fail;
    set_flag_bits(m);
    return true;
fail:
    t262_meta_free(m);
    return false;
}

void t262_meta_free(t262_meta *m) {
    t262_list_free(&m->flag_names);
    t262_list_free(&m->includes);
    t262_list_free(&m->features);
    t262_list_free(&m->locale);
}
