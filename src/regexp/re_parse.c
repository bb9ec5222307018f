/*
 * re_parse.c — RegExp pattern parser (ES2025 22.2.1) producing the AST of
 * re_internal.h, with all early errors (22.2.1.1), the web-compatibility
 * grammar of Annex B.1.2 when neither u nor v is set, the class-set syntax
 * of the v flag, and regexp modifiers (?ims-ims:...).
 *
 * Character sets are resolved here, with the flags in force at that point
 * of the pattern (modifiers may change i), and stored canonicalized when
 * ignoring case (see re_internal.h).  Recursion is bounded by RE_MAX_DEPTH;
 * exceeding it is a SyntaxError, never a stack overflow.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regexp/re_internal.h"
#include "unicode/unicode.h"

typedef struct named_group {
    int group;
    uint32_t *path; /* pairs (disjunction id, alternative index) from the root */
    size_t path_len;
} named_group;

typedef struct parser {
    re_ast *ast;
    const uint16_t *s;
    size_t len, pos;
    bool umode; /* u or v: HasEitherUnicodeFlag */
    bool vmode; /* v: UnicodeSets */
    bool named; /* the pattern has a GroupName ([+NamedCaptureGroups]) */
    int total_caps;
    int cur; /* RF_ICASE | RF_MULTI | RF_DOTALL in force */
    int depth;
    bool failed;
    char *err;
    size_t errlen;
    uint32_t *path;
    size_t path_len, path_cap;
    uint32_t next_disj;
    named_group *groups;
    size_t ngroups, groups_cap;
} parser;

/* Records the first error; returns -1 so callers can `return fail(...)`. */
static int fail(parser *p, const char *msg) {
    if (!p->failed) {
        p->failed = true;
        if (p->errlen) snprintf(p->err, p->errlen, "%s", msg);
    }
    return -1;
}

static int oom(parser *p) {
    return fail(p, HX_REGEXP_OOM_MESSAGE);
}

static bool icase(const parser *p) {
    return (p->cur & RF_ICASE) != 0;
}

static int peek(const parser *p, size_t off) {
    return p->pos + off < p->len ? p->s[p->pos + off] : -1;
}

static bool is_lead(uint32_t c) {
    return c >= 0xD800 && c <= 0xDBFF;
}
static bool is_trail(uint32_t c) {
    return c >= 0xDC00 && c <= 0xDFFF;
}

/* Reads one source character: a code point in unicode mode (or when
 * `pairs` is set), else a code unit. */
static uint32_t next_char(parser *p, bool pairs) {
    uint32_t c = p->s[p->pos++];
    if ((p->umode || pairs) && is_lead(c) && p->pos < p->len && is_trail(p->s[p->pos]))
        c = 0x10000 + ((c - 0xD800) << 10) + (p->s[p->pos++] - 0xDC00);
    return c;
}

static int new_node(parser *p, int type) {
    re_ast *a = p->ast;
    if (a->nnodes >= RE_MAX_NODES) return fail(p, "regular expression too large");
    if (a->nnodes == a->nodes_cap) {
        size_t cap = a->nodes_cap ? a->nodes_cap * 2 : 32;
        re_node *n = realloc(a->nodes, cap * sizeof(re_node));
        if (!n) return oom(p);
        a->nodes = n;
        a->nodes_cap = cap;
    }
    re_node *n = &a->nodes[a->nnodes];
    memset(n, 0, sizeof *n);
    n->type = (uint16_t)type;
    n->flags = (uint16_t)p->cur;
    n->child = n->next = -1;
    return (int)a->nnodes++;
}

static int char_node(parser *p, uint32_t c) {
    int n = new_node(p, RN_CHAR);
    if (n >= 0) p->ast->nodes[n].a = icase(p) ? hx_re_canon(c, p->umode) : c;
    return n;
}

/* Takes ownership of *cs. */
static int class_node(parser *p, re_cset *cs, bool invert) {
    re_ast *a = p->ast;
    if (icase(p) && !hx_re_cset_canonicalize(cs, p->umode)) {
        hx_re_cset_free(cs);
        return oom(p);
    }
    if (a->nclasses == a->classes_cap) {
        size_t cap = a->classes_cap ? a->classes_cap * 2 : 8;
        re_cset *c = realloc(a->classes, cap * sizeof(re_cset));
        if (!c) {
            hx_re_cset_free(cs);
            return oom(p);
        }
        a->classes = c;
        a->classes_cap = cap;
    }
    int n = new_node(p, RN_CLASS);
    if (n < 0) {
        hx_re_cset_free(cs);
        return -1;
    }
    a->classes[a->nclasses] = *cs;
    memset(cs, 0, sizeof *cs);
    a->nodes[n].a = (uint32_t)a->nclasses++;
    if (invert) a->nodes[n].flags |= RF_INVERT;
    return n;
}

static void append_child(parser *p, int parent, int *last, int child) {
    if (*last < 0)
        p->ast->nodes[parent].child = child;
    else
        p->ast->nodes[*last].next = child;
    *last = child;
}

/* ---- names ---- */

static bool pool_push(parser *p, uint32_t c) {
    re_ast *a = p->ast;
    if (a->name_pool_len + 2 > a->name_pool_cap) {
        size_t cap = a->name_pool_cap ? a->name_pool_cap * 2 : 64;
        uint16_t *n = realloc(a->name_pool, cap * sizeof(uint16_t));
        if (!n) return false;
        a->name_pool = n;
        a->name_pool_cap = cap;
    }
    if (c >= 0x10000) {
        a->name_pool[a->name_pool_len++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
        a->name_pool[a->name_pool_len++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
    } else {
        a->name_pool[a->name_pool_len++] = (uint16_t)c;
    }
    return true;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads exactly n hex digits at pos; -1 (pos unchanged) if not there. */
static int32_t read_hex(parser *p, int n) {
    int32_t v = 0;
    for (int i = 0; i < n; i++) {
        int h = hexval(peek(p, (size_t)i));
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    p->pos += (size_t)n;
    return v;
}

/* RegExpUnicodeEscapeSequence after "\u" (ES2025 22.2.1).  unicode selects
 * the [+UnicodeMode] forms (surrogate pair of escapes, \u{...}).  Returns
 * the code point, -1 if not an escape (pos restored), -2 on a malformed
 * \u{...} in unicode mode. */
static int32_t read_unicode_escape(parser *p, bool unicode) {
    size_t save = p->pos;
    if (unicode && peek(p, 0) == '{') {
        p->pos++;
        int32_t v = 0;
        size_t digits = 0;
        int h;
        while ((h = hexval(peek(p, 0))) >= 0) {
            v = v * 16 + h;
            if (v > 0x10FFFF) return -2;
            p->pos++;
            digits++;
        }
        if (!digits || peek(p, 0) != '}') return -2;
        p->pos++;
        return v;
    }
    int32_t v = read_hex(p, 4);
    if (v < 0) {
        p->pos = save;
        return -1;
    }
    if (unicode && is_lead((uint32_t)v) && peek(p, 0) == '\\' && peek(p, 1) == 'u') {
        size_t mid = p->pos;
        p->pos += 2;
        int32_t t = read_hex(p, 4);
        if (t >= 0 && is_trail((uint32_t)t)) return 0x10000 + ((v - 0xD800) << 10) + (t - 0xDC00);
        p->pos = mid;
    }
    return v;
}

static bool id_start(uint32_t c) {
    return c == '$' || c == '_' || hx_unicode_is_id_start(c);
}
static bool id_part(uint32_t c) {
    return c == '$' || c == 0x200C || c == 0x200D || hx_unicode_is_id_continue(c);
}

/* GroupName :: < RegExpIdentifierName > (pos after '<'); appends the name to
 * the pool and fills *name. */
static bool parse_group_name(parser *p, re_name *name) {
    name->off = (uint32_t)p->ast->name_pool_len;
    bool first = true;
    for (;;) {
        if (p->pos >= p->len) return fail(p, "invalid capture group name"), false;
        uint32_t c;
        if (p->s[p->pos] == '>') {
            if (first) return fail(p, "invalid capture group name"), false;
            p->pos++;
            break;
        }
        if (p->s[p->pos] == '\\') {
            p->pos++;
            if (peek(p, 0) != 'u') return fail(p, "invalid capture group name"), false;
            p->pos++;
            int32_t v = read_unicode_escape(p, true);
            if (v < 0) return fail(p, "invalid Unicode escape"), false;
            c = (uint32_t)v;
        } else {
            c = next_char(p, true);
        }
        if (!(first ? id_start(c) : id_part(c)))
            return fail(p, "invalid capture group name"), false;
        if (!pool_push(p, c)) return oom(p), false;
        first = false;
    }
    name->len = (uint32_t)(p->ast->name_pool_len - name->off);
    return true;
}

static bool names_equal(const re_ast *a, re_name x, re_name y) {
    return x.len == y.len &&
           memcmp(a->name_pool + x.off, a->name_pool + y.off, x.len * sizeof(uint16_t)) == 0;
}

/* ---- character sets for escapes ---- */

static bool add_list(re_ranges *r, const uint32_t *pairs, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!hx_re_ranges_add(r, pairs[2 * i], pairs[2 * i + 1])) return false;
    hx_re_ranges_normalize(r);
    return true;
}

/* AllCharacters(rer) (ES2025 22.2.2.9.x): with v and i, the code points
 * that are their own simple case folding. */
static bool all_characters(parser *p, re_ranges *out) {
    out->n = 0;
    if (p->vmode && icase(p)) {
        if (!hx_re_noncanonical_set(out, true)) return false;
        return hx_re_ranges_complement(out, 0x10FFFF);
    }
    return hx_re_ranges_add(out, 0, p->umode ? 0x10FFFF : 0xFFFF);
}

/* CharacterComplement(rer, S). */
static bool char_complement(parser *p, re_ranges *s) {
    re_ranges all = {0};
    bool ok = all_characters(p, &all) && hx_re_ranges_subtract(&all, s);
    if (ok) {
        hx_re_ranges_free(s);
        *s = all;
    } else {
        hx_re_ranges_free(&all);
    }
    return ok;
}

/* WordCharacters(rer) (ES2025 22.2.2.9.4): basic word characters plus, with
 * unicode and ignoreCase, those whose canonical form is one. */
static bool word_chars(parser *p, re_ranges *r) {
    static const uint32_t basic[] = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
    if (!add_list(r, basic, 4)) return false;
    if (p->umode && icase(p)) {
        re_ranges nc = {0};
        bool ok = hx_re_noncanonical_set(&nc, true);
        for (size_t i = 0; ok && i < nc.n; i++)
            for (uint32_t c = nc.r[2 * i]; ok && c <= nc.r[2 * i + 1]; c++) {
                uint32_t k = hx_re_canon(c, true);
                if (k < 128 && hx_re_ranges_contains(r, k) && !hx_re_ranges_contains(r, c))
                    ok = hx_re_ranges_add(r, c, c);
            }
        hx_re_ranges_free(&nc);
        if (!ok) return false;
        hx_re_ranges_normalize(r);
    }
    return true;
}

/* CharacterClassEscape d D s S w W (ES2025 22.2.2.9). */
static bool class_escape_set(parser *p, int e, re_ranges *r) {
    static const uint32_t digits[] = {'0', '9'};
    static const uint32_t space[] = {9,      13,     0x20,   0x20,   0xA0,   0xA0,   0x1680,
                                     0x1680, 0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F,
                                     0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF};
    bool ok;
    switch (e | 0x20) {
    case 'd': ok = add_list(r, digits, 1); break;
    case 's': ok = add_list(r, space, 10); break;
    default: ok = word_chars(p, r); break;
    }
    if (ok && e >= 'A' && e <= 'Z') ok = char_complement(p, r);
    return ok;
}

static bool is_name_char(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* \p{...} / \P{...} after the letter (ES2025 22.2.2.9 UnicodeMatchProperty).
 * Fills cs (strings only for a property of strings, allowed when
 * allow_strings); returns false on error. */
static bool parse_property(parser *p, bool negated, bool allow_strings, re_cset *cs,
                           bool *may_strings) {
    char name[64], value[64];
    size_t nl = 0, vl = 0;
    bool has_value = false;
    *may_strings = false;
    if (peek(p, 0) != '{') return fail(p, "invalid property name"), false;
    p->pos++;
    while (is_name_char(peek(p, 0))) {
        if (nl >= sizeof name - 1) return fail(p, "invalid property name"), false;
        name[nl++] = (char)p->s[p->pos++];
    }
    if (peek(p, 0) == '=') {
        p->pos++;
        has_value = true;
        while (is_name_char(peek(p, 0))) {
            if (vl >= sizeof value - 1) return fail(p, "invalid property name"), false;
            value[vl++] = (char)p->s[p->pos++];
        }
        if (!vl) return fail(p, "invalid property name"), false;
    }
    if (peek(p, 0) != '}' || !nl) return fail(p, "invalid property name"), false;
    p->pos++;
    int prop = hx_unicode_property_lookup(name, nl, has_value ? value : NULL, vl);
    size_t n;
    if (prop < 0) {
        int sp = has_value || !p->vmode ? -1 : hx_unicode_string_property_lookup(name, nl);
        if (sp < 0) return fail(p, "invalid property name"), false;
        if (negated || !allow_strings) return fail(p, "negated property of strings"), false;
        n = hx_unicode_string_property_ranges(sp, NULL, 0);
        re_ranges *r = &cs->cps;
        r->n = 0;
        if (n > r->cap) {
            uint32_t *nr = realloc(r->r, n * 2 * sizeof(uint32_t));
            if (!nr) return oom(p), false;
            r->r = nr;
            r->cap = n;
        }
        hx_unicode_string_property_ranges(sp, r->r, n);
        r->n = n;
        size_t cursor = 0, k;
        uint32_t seq[HX_UNICODE_MAX_SEQUENCE];
        while (hx_unicode_string_property_next(sp, &cursor, seq, &k))
            if (!hx_re_cset_add_string(cs, seq, k)) return oom(p), false;
        *may_strings = true;
        if (p->vmode && icase(p) && !hx_re_cset_canonicalize(cs, true)) return oom(p), false;
        return true;
    }
    n = hx_unicode_property_ranges(prop, NULL, 0);
    re_ranges *r = &cs->cps;
    if (n > r->cap) {
        uint32_t *nr = realloc(r->r, n * 2 * sizeof(uint32_t));
        if (!nr) return oom(p), false;
        r->r = nr;
        r->cap = n;
    }
    hx_unicode_property_ranges(prop, r->r, n);
    r->n = n;
    /* MaybeSimpleCaseFolding for v (ES2025 22.2.2.9.x), then complement. */
    if (p->vmode && icase(p) && !hx_re_ranges_canonicalize(r, true)) return oom(p), false;
    if (negated && !char_complement(p, r)) return oom(p), false;
    return true;
}

/* ---- character escapes ---- */

/* Whether c is one of the ASCII characters in set (strchr alone would
 * match any c whose low byte is one of them, or NUL). */
static bool in_set(const char *set, int c) {
    return c > 0 && c < 128 && strchr(set, c) != NULL;
}

static bool is_syntax_char(int c) {
    return in_set("^$\\.*+?()[]{}|", c);
}

static bool is_octal(int c) {
    return c >= '0' && c <= '7';
}

/* LegacyOctalEscapeSequence (Annex B.1.2), pos at the first digit. */
static uint32_t legacy_octal(parser *p) {
    uint32_t v = (uint32_t)(p->s[p->pos++] - '0');
    if (is_octal(peek(p, 0))) {
        v = v * 8 + (uint32_t)(p->s[p->pos++] - '0');
        if (v < 32 && is_octal(peek(p, 0))) v = v * 8 + (uint32_t)(p->s[p->pos++] - '0');
    }
    return v;
}

/* CharacterEscape (pos after the backslash).  Returns the character or -1
 * after reporting an error.  In Annex B, "\c" not followed by a control
 * letter stands for a backslash and leaves pos at the 'c'. */
static int32_t parse_char_escape(parser *p, bool in_class) {
    int c = peek(p, 0);
    if (c < 0) return fail(p, "\\ at end of pattern");
    switch (c) {
    case 'f': p->pos++; return 0x0C;
    case 'n': p->pos++; return 0x0A;
    case 'r': p->pos++; return 0x0D;
    case 't': p->pos++; return 0x09;
    case 'v': p->pos++; return 0x0B;
    case 'c': {
        int l = peek(p, 1);
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) {
            p->pos += 2;
            return l % 32;
        }
        if (p->umode) return fail(p, "invalid escape");
        /* Annex B ClassControlLetter: digits and '_' inside classes. */
        if (in_class && ((l >= '0' && l <= '9') || l == '_')) {
            p->pos += 2;
            return l % 32;
        }
        return '\\';
    }
    case '0':
        if (peek(p, 1) < '0' || peek(p, 1) > '9') {
            p->pos++;
            return 0;
        }
        if (p->umode) return fail(p, "invalid decimal escape");
        return (int32_t)legacy_octal(p);
    case 'x': {
        p->pos++;
        int32_t v = read_hex(p, 2);
        if (v >= 0) return v;
        if (p->umode) return fail(p, "invalid escape");
        return 'x';
    }
    case 'u': {
        p->pos++;
        int32_t v = read_unicode_escape(p, p->umode);
        if (v >= 0) return v;
        if (p->umode) return fail(p, "invalid Unicode escape");
        return 'u';
    }
    default: break;
    }
    if (p->umode) {
        /* IdentityEscape[+UnicodeMode] :: SyntaxCharacter or '/'. */
        if (is_syntax_char(c) || c == '/' || (in_class && c == '-')) {
            p->pos++;
            return c;
        }
        return fail(p, "invalid escape");
    }
    if (c >= '1' && c <= '7') return (int32_t)legacy_octal(p);
    if (c == 'k' && p->named) return fail(p, "invalid escape");
    return (int32_t)next_char(p, false);
}

/* ---- quantifiers ---- */

/* Parses {n}, {n,}, {n,m} at pos; on success advances and fills min/max.
 * Returns false (pos unchanged) if the text there is not that form. */
static bool parse_braces(parser *p, uint32_t *min, uint32_t *max, double *dmin, double *dmax) {
    size_t save = p->pos;
    if (peek(p, 0) != '{') return false;
    p->pos++;
    double a = 0, b;
    size_t nd = 0;
    while (peek(p, 0) >= '0' && peek(p, 0) <= '9')
        a = a * 10 + (p->s[p->pos++] - '0'), nd++;
    if (!nd) goto no;
    b = a;
    if (peek(p, 0) == ',') {
        p->pos++;
        nd = 0;
        b = -1;
        if (peek(p, 0) >= '0' && peek(p, 0) <= '9') {
            b = 0;
            while (peek(p, 0) >= '0' && peek(p, 0) <= '9')
                b = b * 10 + (p->s[p->pos++] - '0');
        }
    }
    if (peek(p, 0) != '}') goto no;
    p->pos++;
    *dmin = a;
    *dmax = b;
    *min = a >= 4294967295.0 ? RE_INFINITY - 1 : (uint32_t)a;
    *max = b < 0 || b >= 4294967295.0 ? RE_INFINITY : (uint32_t)b;
    return true;
no:
    p->pos = save;
    return false;
}

static bool at_quantifier(parser *p) {
    int c = peek(p, 0);
    if (c == '*' || c == '+' || c == '?') return true;
    if (c != '{') return false;
    uint32_t a, b;
    double x, y;
    size_t save = p->pos;
    bool q = parse_braces(p, &a, &b, &x, &y);
    p->pos = save;
    return q;
}

/* ---- classes (no v flag) ---- */

/* ClassAtom: a character (*ch) or, for a class escape, a set in *set
 * (returns 1 for a set, 0 for a character, -1 on error). */
static int parse_class_atom(parser *p, uint32_t *ch, re_ranges *set) {
    if (p->s[p->pos] != '\\') {
        *ch = next_char(p, false);
        return 0;
    }
    p->pos++;
    int c = peek(p, 0);
    switch (c) {
    case 'b':
        p->pos++;
        *ch = 8;
        return 0;
    case '-':
        if (p->umode) {
            p->pos++;
            *ch = '-';
            return 0;
        }
        break;
    case 'd':
    case 'D':
    case 's':
    case 'S':
    case 'w':
    case 'W': p->pos++; return class_escape_set(p, c, set) ? 1 : oom(p);
    case 'p':
    case 'P':
        if (p->umode) {
            re_cset cs = {0};
            bool may;
            p->pos++;
            if (!parse_property(p, c == 'P', false, &cs, &may)) {
                hx_re_cset_free(&cs);
                return -1;
            }
            bool ok = hx_re_ranges_union(set, &cs.cps);
            hx_re_cset_free(&cs);
            return ok ? 1 : oom(p);
        }
        break;
    default:
        if (c >= '1' && c <= '9' && p->umode) return fail(p, "invalid class escape");
        if ((c == '8' || c == '9')) {
            p->pos++;
            *ch = (uint32_t)c;
            return 0;
        }
        break;
    }
    int32_t v = parse_char_escape(p, true);
    if (v < 0) return -1;
    *ch = (uint32_t)v;
    return 0;
}

/* CharacterClass without v (ES2025 22.2.1, Annex B ClassAtom rules); pos
 * after '['. */
static int parse_class(parser *p) {
    bool invert = false;
    re_cset cs = {0};
    re_ranges a = {0}, b = {0};
    if (peek(p, 0) == '^') {
        invert = true;
        p->pos++;
    }
    for (;;) {
        if (p->pos >= p->len) {
            fail(p, "unterminated character class");
            goto fail;
        }
        if (p->s[p->pos] == ']') {
            p->pos++;
            break;
        }
        uint32_t c1, c2;
        a.n = b.n = 0;
        int k1 = parse_class_atom(p, &c1, &a);
        if (k1 < 0) goto fail;
        if (peek(p, 0) == '-' && peek(p, 1) != ']' && peek(p, 1) >= 0) {
            p->pos++;
            int k2 = parse_class_atom(p, &c2, &b);
            if (k2 < 0) goto fail;
            if (k1 || k2) {
                /* Annex B ClassAtom: a class escape in a range is the union
                 * of both sides and '-'. */
                if (p->umode) {
                    fail(p, "invalid character class range");
                    goto fail;
                }
                if (!(k1 ? hx_re_ranges_union(&cs.cps, &a) : hx_re_ranges_add(&cs.cps, c1, c1)) ||
                    !(k2 ? hx_re_ranges_union(&cs.cps, &b) : hx_re_ranges_add(&cs.cps, c2, c2)) ||
                    !hx_re_ranges_add(&cs.cps, '-', '-')) {
                    oom(p);
                    goto fail;
                }
                continue;
            }
            if (c1 > c2) {
                fail(p, "range out of order in character class");
                goto fail;
            }
            if (!hx_re_ranges_add(&cs.cps, c1, c2)) {
                oom(p);
                goto fail;
            }
            continue;
        }
        if (!(k1 ? hx_re_ranges_union(&cs.cps, &a) : hx_re_ranges_add(&cs.cps, c1, c1))) {
            oom(p);
            goto fail;
        }
    }
    hx_re_ranges_free(&a);
    hx_re_ranges_free(&b);
    hx_re_ranges_normalize(&cs.cps);
    return class_node(p, &cs, invert);
fail:
    hx_re_ranges_free(&a);
    hx_re_ranges_free(&b);
    hx_re_cset_free(&cs);
    return -1;
}

/* ---- classes with the v flag (ClassSetExpression) ---- */

static bool is_double_punct(int c) {
    return in_set("&!#$%*+,.:;<=>?@^`~", c);
}

/* ClassSetCharacter (pos at it).  Returns the code point or -1 (error). */
static int32_t parse_set_char(parser *p) {
    int c = peek(p, 0);
    if (c < 0) return fail(p, "unterminated character class");
    if (c == '\\') {
        p->pos++;
        int e = peek(p, 0);
        if (e == 'b') {
            p->pos++;
            return 8;
        }
        /* ClassSetReservedPunctuator */
        if (in_set("&-!#%,:;<=>@`~", e)) {
            p->pos++;
            return e;
        }
        return parse_char_escape(p, false);
    }
    if (is_double_punct(c) && peek(p, 1) == c) return fail(p, "invalid set operation in class");
    if (in_set("()[]{}/-|", c)) return fail(p, "invalid character in class");
    return (int32_t)next_char(p, false);
}

static bool fold_set(parser *p, re_cset *cs) {
    return !icase(p) || hx_re_cset_canonicalize(cs, true);
}

static bool parse_set_contents(parser *p, re_cset *out, bool *may);

/* ClassSetOperand: nested class, \q{...}, class escape or character.
 * *single receives the character when the operand is a lone
 * ClassSetCharacter (which may start a range). */
static bool parse_set_operand(parser *p, re_cset *cs, bool *may, int32_t *single) {
    *may = false;
    *single = -1;
    int c = peek(p, 0);
    if (c == '[') {
        p->pos++;
        if (++p->depth > RE_MAX_DEPTH)
            return fail(p, "regular expression too deeply nested"), false;
        bool inv = false;
        if (peek(p, 0) == '^') {
            inv = true;
            p->pos++;
        }
        if (!parse_set_contents(p, cs, may)) return false;
        p->depth--;
        if (inv) {
            if (*may) return fail(p, "negated character class may contain strings"), false;
            if (!char_complement(p, &cs->cps)) return oom(p), false;
        }
        return true;
    }
    if (c == '\\') {
        int e = peek(p, 1);
        if (e == 'q' && peek(p, 2) == '{') {
            /* ClassStringDisjunction */
            p->pos += 3;
            uint32_t buf[64];
            uint32_t *str = buf;
            size_t n = 0, cap = 64;
            bool ok = true;
            for (;;) {
                int d = peek(p, 0);
                if (d == '}' || d == '|') {
                    if (n != 1) *may = true;
                    if (!hx_re_cset_add_string(cs, str, n)) {
                        ok = false;
                        oom(p);
                        break;
                    }
                    n = 0;
                    p->pos++;
                    if (d == '}') break;
                    continue;
                }
                int32_t ch = parse_set_char(p);
                if (ch < 0) {
                    ok = false;
                    break;
                }
                if (n == cap) {
                    uint32_t *ns = malloc(cap * 2 * sizeof(uint32_t));
                    if (!ns) {
                        ok = false;
                        oom(p);
                        break;
                    }
                    memcpy(ns, str, n * sizeof(uint32_t));
                    if (str != buf) free(str);
                    str = ns;
                    cap *= 2;
                }
                str[n++] = (uint32_t)ch;
            }
            if (str != buf) free(str);
            hx_re_ranges_normalize(&cs->cps);
            return ok && (fold_set(p, cs) || (oom(p), false));
        }
        if (in_set("dDsSwW", e)) {
            p->pos += 2;
            return class_escape_set(p, e, &cs->cps) || (oom(p), false);
        }
        if (e == 'p' || e == 'P') {
            p->pos += 2;
            return parse_property(p, e == 'P', true, cs, may);
        }
    }
    int32_t ch = parse_set_char(p);
    if (ch < 0) return false;
    *single = ch;
    if (!hx_re_ranges_add(&cs->cps, (uint32_t)ch, (uint32_t)ch)) return oom(p), false;
    return fold_set(p, cs) || (oom(p), false);
}

/* ClassContents[+UnicodeSetsMode] up to and including the closing ']'. */
static bool parse_set_contents(parser *p, re_cset *out, bool *may) {
    re_cset op = {0};
    bool opmay;
    int32_t single;
    *may = false;
    if (peek(p, 0) == ']') {
        p->pos++;
        return true;
    }
    if (!parse_set_operand(p, out, may, &single)) return false;
    int mode = 0; /* 0 union, 1 intersection, 2 subtraction */
    if (peek(p, 0) == '&' && peek(p, 1) == '&')
        mode = 1;
    else if (peek(p, 0) == '-' && peek(p, 1) == '-')
        mode = 2;
    bool ok = true;
    if (mode) {
        while (ok && peek(p, 0) != ']') {
            if (p->pos >= p->len) {
                fail(p, "unterminated character class");
                ok = false;
                break;
            }
            int oc = mode == 1 ? '&' : '-';
            if (peek(p, 0) != oc || peek(p, 1) != oc) {
                fail(p, "invalid set operation in class");
                ok = false;
                break;
            }
            p->pos += 2;
            if (mode == 1 && peek(p, 0) == '&') {
                fail(p, "invalid set operation in class");
                ok = false;
                break;
            }
            memset(&op, 0, sizeof op);
            ok = parse_set_operand(p, &op, &opmay, &single);
            if (ok) {
                ok = mode == 1 ? hx_re_cset_intersect(out, &op) : hx_re_cset_subtract(out, &op);
                if (!ok) oom(p);
                /* MayContainStrings: intersection needs all, subtraction the first. */
                if (mode == 1 && !opmay) *may = false;
            }
            hx_re_cset_free(&op);
        }
    } else {
        for (;;) {
            if (p->pos >= p->len) {
                fail(p, "unterminated character class");
                ok = false;
                break;
            }
            if (peek(p, 0) == '-' && peek(p, 1) != '-') {
                /* ClassSetRange: the previous operand must be a character. */
                if (single < 0) {
                    fail(p, "invalid character class range");
                    ok = false;
                    break;
                }
                p->pos++;
                int32_t hi = parse_set_char(p);
                if (hi < 0) {
                    ok = false;
                    break;
                }
                if (hi < single) {
                    fail(p, "range out of order in character class");
                    ok = false;
                    break;
                }
                memset(&op, 0, sizeof op);
                ok = hx_re_ranges_add(&op.cps, (uint32_t)single, (uint32_t)hi) &&
                     fold_set(p, &op) && hx_re_cset_union(out, &op);
                hx_re_cset_free(&op);
                if (!ok) {
                    oom(p);
                    break;
                }
                single = -1;
                continue;
            }
            if (peek(p, 0) == ']') break;
            if ((peek(p, 0) == '&' && peek(p, 1) == '&') ||
                (peek(p, 0) == '-' && peek(p, 1) == '-')) {
                fail(p, "invalid set operation in class");
                ok = false;
                break;
            }
            memset(&op, 0, sizeof op);
            ok = parse_set_operand(p, &op, &opmay, &single);
            if (ok) {
                if (opmay) *may = true;
                ok = hx_re_cset_union(out, &op);
                if (!ok) oom(p);
            }
            hx_re_cset_free(&op);
            if (!ok) break;
        }
    }
    if (ok && peek(p, 0) != ']') {
        fail(p, "unterminated character class");
        ok = false;
    }
    if (ok) p->pos++;
    return ok;
}

static int parse_class_v(parser *p) {
    re_cset cs = {0};
    bool may, invert = false;
    if (++p->depth > RE_MAX_DEPTH) return fail(p, "regular expression too deeply nested");
    if (peek(p, 0) == '^') {
        invert = true;
        p->pos++;
    }
    if (!parse_set_contents(p, &cs, &may)) {
        hx_re_cset_free(&cs);
        return -1;
    }
    p->depth--;
    if (invert) {
        /* ES2025 22.2.1.1: [^...] may not contain strings; with v the
         * complement is taken here (CompileCharacterClass). */
        if (may) {
            hx_re_cset_free(&cs);
            return fail(p, "negated character class may contain strings");
        }
        if (!char_complement(p, &cs.cps)) {
            hx_re_cset_free(&cs);
            return oom(p);
        }
    }
    return class_node(p, &cs, false);
}

/* ---- atoms, terms, disjunctions ---- */

static int parse_disjunction(parser *p);

static bool push_path(parser *p, uint32_t disj) {
    if (p->path_len + 2 > p->path_cap) {
        size_t cap = p->path_cap ? p->path_cap * 2 : 32;
        uint32_t *n = realloc(p->path, cap * sizeof(uint32_t));
        if (!n) return false;
        p->path = n;
        p->path_cap = cap;
    }
    p->path[p->path_len++] = disj;
    p->path[p->path_len++] = 0;
    return true;
}

static bool record_named_group(parser *p, int group) {
    if (p->ngroups == p->groups_cap) {
        size_t cap = p->groups_cap ? p->groups_cap * 2 : 8;
        named_group *g = realloc(p->groups, cap * sizeof(named_group));
        if (!g) return false;
        p->groups = g;
        p->groups_cap = cap;
    }
    named_group *g = &p->groups[p->ngroups];
    g->group = group;
    g->path_len = p->path_len;
    g->path = malloc((p->path_len ? p->path_len : 1) * sizeof(uint32_t));
    if (!g->path) return false;
    memcpy(g->path, p->path, p->path_len * sizeof(uint32_t));
    p->ngroups++;
    return true;
}

/* Group after "(": capturing, named, non-capturing, modifiers, lookaround.
 * *quantifiable tells whether a quantifier may follow. */
static int parse_group(parser *p, bool *quantifiable) {
    re_ast *a = p->ast;
    int saved_flags = p->cur;
    int node = -1, kind = RN_GROUP;
    uint16_t look = 0;
    *quantifiable = true;
    if (++p->depth > RE_MAX_DEPTH) return fail(p, "regular expression too deeply nested");
    if (peek(p, 0) == '?') {
        int c = peek(p, 1);
        if (c == '=' || c == '!') {
            p->pos += 2;
            kind = RN_LOOK;
            look = c == '!' ? RF_NEG : 0;
            /* Annex B QuantifiableAssertion: lookahead only, no u/v. */
            *quantifiable = !p->umode;
        } else if (c == '<' && (peek(p, 2) == '=' || peek(p, 2) == '!')) {
            kind = RN_LOOK;
            look = RF_BEHIND | (peek(p, 2) == '!' ? RF_NEG : 0);
            p->pos += 3;
            *quantifiable = false;
        } else if (c == '<') {
            p->pos += 2;
            if (a->ncaps > p->total_caps) return fail(p, "invalid group");
            int g = a->ncaps++;
            if (!parse_group_name(p, &a->group_names[g])) return -1;
            if (!record_named_group(p, g)) return oom(p);
            node = new_node(p, RN_GROUP);
            if (node < 0) return -1;
            a->nodes[node].a = (uint32_t)g;
        } else {
            /* (?:  or modifiers (?ims-ims:  (ES2025 22.2.1 RegularExpressionModifiers) */
            p->pos++;
            int add = 0, rem = 0, *cur = &add;
            bool dash = false;
            for (;;) {
                int f = peek(p, 0), bit;
                if (f == ':') break;
                if (f == '-' && !dash) {
                    dash = true;
                    cur = &rem;
                    p->pos++;
                    continue;
                }
                if (f == 'i')
                    bit = RF_ICASE;
                else if (f == 'm')
                    bit = RF_MULTI;
                else if (f == 's')
                    bit = RF_DOTALL;
                else
                    return fail(p, "invalid group");
                if ((add | rem) & bit) return fail(p, "repeated flag in modifiers");
                *cur |= bit;
                p->pos++;
            }
            if (dash && !add && !rem) return fail(p, "invalid group");
            p->pos++;
            p->cur = (p->cur | add) & ~rem;
            kind = -1;
        }
    } else {
        if (a->ncaps > p->total_caps) return fail(p, "invalid group");
        node = new_node(p, RN_GROUP);
        if (node < 0) return -1;
        a->nodes[node].a = (uint32_t)a->ncaps++;
    }
    int body = parse_disjunction(p);
    p->cur = saved_flags;
    if (body < 0) return -1;
    if (peek(p, 0) != ')') return fail(p, "unterminated group");
    p->pos++;
    p->depth--;
    if (kind == -1) return body;
    if (kind == RN_LOOK) {
        node = new_node(p, RN_LOOK);
        if (node < 0) return -1;
        a->nodes[node].flags |= look;
    }
    a->nodes[node].child = body;
    return node;
}

/* AtomEscape (pos after the backslash); *quantifiable as for parse_group. */
static int parse_atom_escape(parser *p, bool *assertion) {
    re_ast *a = p->ast;
    int c = peek(p, 0);
    *assertion = false;
    if (c < 0) return fail(p, "\\ at end of pattern");
    if (c == 'b' || c == 'B') {
        p->pos++;
        *assertion = true;
        int n = new_node(p, RN_WORDB);
        if (n >= 0 && c == 'B') a->nodes[n].flags |= RF_NEG;
        if (n >= 0 && p->umode && icase(p)) a->nodes[n].flags |= RF_UWORD;
        return n;
    }
    if (in_set("dDsSwW", c)) {
        re_cset cs = {0};
        p->pos++;
        if (!class_escape_set(p, c, &cs.cps)) return oom(p);
        return class_node(p, &cs, false);
    }
    if ((c == 'p' || c == 'P') && p->umode) {
        re_cset cs = {0};
        bool may;
        p->pos++;
        if (!parse_property(p, c == 'P', true, &cs, &may)) {
            hx_re_cset_free(&cs);
            return -1;
        }
        return class_node(p, &cs, false);
    }
    if (c == 'k' && (p->umode || p->named)) {
        p->pos++;
        if (peek(p, 0) != '<') return fail(p, "invalid named reference");
        p->pos++;
        re_name name;
        if (!parse_group_name(p, &name)) return -1;
        if (a->nref_names == a->ref_names_cap) {
            size_t cap = a->ref_names_cap ? a->ref_names_cap * 2 : 8;
            re_name *n = realloc(a->ref_names, cap * sizeof(re_name));
            if (!n) return oom(p);
            a->ref_names = n;
            a->ref_names_cap = cap;
        }
        a->ref_names[a->nref_names] = name;
        int n = new_node(p, RN_BACKREF);
        if (n < 0) return -1;
        a->nodes[n].flags |= RF_NAMED;
        a->nodes[n].a = (uint32_t)a->nref_names++;
        return n;
    }
    if (c >= '1' && c <= '9') {
        /* DecimalEscape; Annex B reinterprets one beyond the group count. */
        size_t save = p->pos;
        double v = 0;
        while (peek(p, 0) >= '0' && peek(p, 0) <= '9')
            v = v * 10 + (p->s[p->pos++] - '0');
        if (v <= p->total_caps) {
            int n = new_node(p, RN_BACKREF);
            if (n >= 0) a->nodes[n].a = (uint32_t)v;
            return n;
        }
        if (p->umode) return fail(p, "invalid backreference");
        p->pos = save;
        if (c >= '8') {
            p->pos++;
            return char_node(p, (uint32_t)c);
        }
        return char_node(p, legacy_octal(p));
    }
    int32_t ch = parse_char_escape(p, false);
    if (ch < 0) return -1;
    return char_node(p, (uint32_t)ch);
}

/* Term (ES2025 22.2.1 with Annex B ExtendedAtom). */
static int parse_term(parser *p) {
    re_ast *a = p->ast;
    int c = p->s[p->pos];
    int atom;
    int first_cap = a->ncaps;
    bool quantifiable = true;
    switch (c) {
    case '^':
    case '$':
        p->pos++;
        atom = new_node(p, c == '^' ? RN_BOL : RN_EOL);
        quantifiable = false;
        break;
    case '\\': {
        bool assertion;
        p->pos++;
        atom = parse_atom_escape(p, &assertion);
        quantifiable = !assertion;
        break;
    }
    case '(':
        p->pos++;
        atom = parse_group(p, &quantifiable);
        break;
    case '.':
        p->pos++;
        atom = new_node(p, RN_DOT);
        break;
    case '[':
        p->pos++;
        atom = p->vmode ? parse_class_v(p) : parse_class(p);
        break;
    case '*':
    case '+':
    case '?': return fail(p, "nothing to repeat");
    case '{':
        if (p->umode)
            return fail(p, at_quantifier(p) ? "nothing to repeat" : "lone quantifier bracket");
        if (at_quantifier(p)) return fail(p, "nothing to repeat");
        p->pos++;
        atom = char_node(p, '{');
        break;
    case '}':
    case ']':
        if (p->umode) return fail(p, "lone quantifier bracket");
        p->pos++;
        atom = char_node(p, (uint32_t)c);
        break;
    default: atom = char_node(p, next_char(p, false)); break;
    }
    if (atom < 0) return -1;
    if (!at_quantifier(p)) return atom;
    if (!quantifiable) return fail(p, "nothing to repeat");
    uint32_t min, max;
    double dmin = 0, dmax = -1;
    c = p->s[p->pos];
    if (c == '*')
        min = 0, max = RE_INFINITY, p->pos++;
    else if (c == '+')
        min = 1, max = RE_INFINITY, p->pos++;
    else if (c == '?')
        min = 0, max = 1, p->pos++;
    else {
        parse_braces(p, &min, &max, &dmin, &dmax);
        if (dmax >= 0 && dmin > dmax) return fail(p, "numbers out of order in {} quantifier");
    }
    bool greedy = true;
    if (peek(p, 0) == '?') {
        greedy = false;
        p->pos++;
    }
    int q = new_node(p, RN_QUANT);
    if (q < 0) return -1;
    re_node *n = &a->nodes[q];
    n->child = atom;
    n->a = min;
    n->b = max;
    n->c = (uint32_t)first_cap;
    n->d = (uint32_t)(a->ncaps - first_cap);
    if (greedy) n->flags |= RF_GREEDY;
    return q;
}

static int parse_alternative(parser *p) {
    int seq = new_node(p, RN_SEQ), last = -1;
    if (seq < 0) return -1;
    while (p->pos < p->len && p->s[p->pos] != '|' && p->s[p->pos] != ')') {
        int t = parse_term(p);
        if (t < 0) return -1;
        append_child(p, seq, &last, t);
    }
    return seq;
}

static int parse_disjunction(parser *p) {
    if (!push_path(p, p->next_disj++)) return oom(p);
    int first = parse_alternative(p);
    if (first < 0) return -1;
    int result = first;
    if (peek(p, 0) == '|') {
        int alt = new_node(p, RN_ALT), last = -1;
        if (alt < 0) return -1;
        append_child(p, alt, &last, first);
        while (peek(p, 0) == '|') {
            p->pos++;
            p->path[p->path_len - 1]++;
            int n = parse_alternative(p);
            if (n < 0) return -1;
            append_child(p, alt, &last, n);
        }
        result = alt;
    }
    p->path_len -= 2;
    return result;
}

/* Counts capturing groups and detects group names before parsing, since
 * \N and \k depend on them (ES2025 22.2.1.1, Annex B.1.2). */
static void prescan(parser *p) {
    int caps = 0, depth = 0;
    for (size_t i = 0; i < p->len; i++) {
        uint16_t c = p->s[i];
        if (c == '\\') {
            i++;
            continue;
        }
        if (depth) {
            if (c == ']')
                depth--;
            else if (c == '[' && p->vmode)
                depth++;
            continue;
        }
        if (c == '[')
            depth = 1;
        else if (c == '(') {
            if (i + 1 < p->len && p->s[i + 1] == '?') {
                if (i + 3 < p->len && p->s[i + 2] == '<' && p->s[i + 3] != '=' &&
                    p->s[i + 3] != '!') {
                    caps++;
                    p->named = true;
                }
            } else {
                caps++;
            }
        }
    }
    p->total_caps = caps;
}

/* MightBothParticipate (ES2025 22.2.1.1): false when some disjunction holds
 * the two groups in different alternatives. */
static bool might_both_participate(const named_group *x, const named_group *y) {
    for (size_t i = 0; i + 1 < x->path_len && i + 1 < y->path_len; i += 2) {
        if (x->path[i] != y->path[i]) return true;
        if (x->path[i + 1] != y->path[i + 1]) return false;
    }
    return true;
}

static bool check_names(parser *p) {
    re_ast *a = p->ast;
    for (size_t i = 0; i < p->ngroups; i++)
        for (size_t j = i + 1; j < p->ngroups; j++)
            if (names_equal(a, a->group_names[p->groups[i].group],
                            a->group_names[p->groups[j].group]) &&
                might_both_participate(&p->groups[i], &p->groups[j]))
                return fail(p, "duplicate capture group name"), false;
    for (size_t r = 0; r < a->nref_names; r++) {
        bool found = false;
        for (int g = 1; g < a->ncaps && !found; g++)
            found = a->group_names[g].len && names_equal(a, a->group_names[g], a->ref_names[r]);
        if (!found) return fail(p, "invalid named reference"), false;
    }
    return true;
}

bool hx_re_parse(re_ast *ast, const uint16_t *pattern, size_t len, int flags, char *errbuf,
                 size_t errbuf_len) {
    parser p = {0};
    memset(ast, 0, sizeof *ast);
    ast->root = -1;
    p.ast = ast;
    p.s = pattern;
    p.len = len;
    p.vmode = (flags & HX_RE_UNICODE_SETS) != 0;
    p.umode = p.vmode || (flags & HX_RE_UNICODE);
    p.err = errbuf;
    p.errlen = errbuf_len;
    if (flags & HX_RE_IGNORE_CASE) p.cur |= RF_ICASE;
    if (flags & HX_RE_MULTILINE) p.cur |= RF_MULTI;
    if (flags & HX_RE_DOT_ALL) p.cur |= RF_DOTALL;
    prescan(&p);
    if (p.total_caps >= RE_MAX_CAPTURES) {
        fail(&p, "too many capture groups");
        return false;
    }
    ast->group_names = calloc((size_t)p.total_caps + 1, sizeof(re_name));
    if (!ast->group_names) {
        oom(&p);
        return false;
    }
    ast->ncaps = 1;
    int root = parse_disjunction(&p);
    if (root >= 0 && p.pos < p.len) root = fail(&p, "unmatched ')'");
    if (root >= 0 && !check_names(&p)) root = -1;
    ast->root = root;
    for (size_t i = 0; i < p.ngroups; i++)
        free(p.groups[i].path);
    free(p.groups);
    free(p.path);
    return root >= 0;
}

void hx_re_ast_free(re_ast *ast) {
    for (size_t i = 0; i < ast->nclasses; i++)
        hx_re_cset_free(&ast->classes[i]);
    free(ast->classes);
    free(ast->nodes);
    free(ast->group_names);
    free(ast->ref_names);
    free(ast->name_pool);
    memset(ast, 0, sizeof *ast);
}
