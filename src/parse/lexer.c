/*
 * lexer.c — ES2025 clause 12 tokenizer over UTF-8 source (see lexer.h).
 * ASCII is handled on fast paths; other code points go through
 * hx_utf8_decode (invalid UTF-8 reads as U+FFFD; WTF-8 surrogates pass) and the Unicode tables.
 * Invariant: every read checks `pos < len`; errors become HX_T_ERROR tokens.
 */
#include "parse/lexer.h"

#include <stdlib.h>
#include <string.h>

#include "base/numconv.h"
#include "unicode/unicode.h"

const char *const hx_token_names[HX_T_COUNT] = {
#define HX_TOKEN_STR(name, str) str,
    HX_TOKENS(HX_TOKEN_STR)
#undef HX_TOKEN_STR
};

static const char *const keyword_text[HX_KW_COUNT] = {
    NULL,
#define HX_KW_STR(name, str) str,
    HX_KEYWORDS(HX_KW_STR)
#undef HX_KW_STR
};

/* ---- UTF-8 ---------------------------------------------------------------- */

uint32_t hx_utf8_decode(const uint8_t *s, uint32_t len, uint32_t *pos)
{
    uint32_t i = *pos;
    uint32_t c = s[i];
    if (c < 0x80) {
        *pos = i + 1;
        return c;
    }
    uint32_t need, min;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        c &= 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        c &= 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        c &= 0x07;
        min = 0x10000;
    } else {
        *pos = i + 1;
        return 0xFFFD;
    }
    if (len - i - 1 < need) {
        *pos = i + 1;
        return 0xFFFD;
    }
    for (uint32_t k = 1; k <= need; k++) {
        uint32_t b = s[i + k];
        if ((b & 0xC0) != 0x80) {
            *pos = i + 1;
            return 0xFFFD;
        }
        c = (c << 6) | (b & 0x3F);
    }
    /* surrogate code points pass through (WTF-8): eval and Function source
     * built from JS strings may contain lone surrogates (see hx_string_to_wtf8) */
    if (c < min || c > 0x10FFFF) {
        *pos = i + 1;
        return 0xFFFD;
    }
    *pos = i + need + 1;
    return c;
}

/* ---- scratch buffers ------------------------------------------------------ */

static bool buf16_push(hx_lexer_t *lx, uint32_t *n, uint32_t cp)
{
    if (*n + 2 > lx->buf16_cap) {
        uint32_t cap = lx->buf16_cap ? lx->buf16_cap * 2 : 256;
        while (cap < *n + 2)
            cap *= 2;
        uint16_t *b = realloc(lx->buf16, cap * sizeof(uint16_t));
        if (!b) {
            lx->oom = true;
            return false;
        }
        lx->buf16 = b;
        lx->buf16_cap = cap;
    }
    if (cp >= 0x10000) {
        cp -= 0x10000;
        lx->buf16[(*n)++] = (uint16_t)(0xD800 + (cp >> 10));
        lx->buf16[(*n)++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    } else {
        lx->buf16[(*n)++] = (uint16_t)cp;
    }
    return true;
}

static bool buf8_push(hx_lexer_t *lx, uint32_t *n, uint32_t cp)
{
    if (*n + 5 > lx->buf8_cap) {
        uint32_t cap = lx->buf8_cap ? lx->buf8_cap * 2 : 256;
        while (cap < *n + 5)
            cap *= 2;
        char *b = realloc(lx->buf8, cap);
        if (!b) {
            lx->oom = true;
            return false;
        }
        lx->buf8 = b;
        lx->buf8_cap = cap;
    }
    char *o = lx->buf8 + *n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        *n += 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        *n += 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        *n += 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        *n += 4;
    }
    return true;
}

static bool buf8_byte(hx_lexer_t *lx, uint32_t *n, uint8_t byte)
{
    if (*n + 1 > lx->buf8_cap) {
        if (!buf8_push(lx, n, 0))
            return false;
        (*n)--;
    }
    lx->buf8[(*n)++] = (char)byte;
    return true;
}

static uint16_t *dup16(hx_lexer_t *lx, uint32_t n)
{
    uint16_t *p = hx_arena_alloc(lx->arena, (size_t)n * 2 + 2);
    if (!p) {
        lx->oom = true;
        return NULL;
    }
    if (n)
        memcpy(p, lx->buf16, (size_t)n * 2);
    p[n] = 0;
    return p;
}

uint16_t *hx_lex_utf16(hx_lexer_t *lx, const char *s, uint32_t len, uint32_t *out_len)
{
    uint32_t n = 0, i = 0;
    while (i < len) {
        uint32_t c = hx_utf8_decode((const uint8_t *)s, len, &i);
        if (!buf16_push(lx, &n, c))
            return NULL;
    }
    *out_len = n;
    return dup16(lx, n);
}

/* ---- interning ------------------------------------------------------------ */

static uint32_t hash_bytes(const char *s, uint32_t len)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < len; i++) {
        h ^= (uint8_t)s[i];
        h *= 16777619u;
    }
    return h;
}

const hx_ast_name *hx_lex_intern(hx_lexer_t *lx, const char *s, uint32_t len)
{
    uint32_t h = hash_bytes(s, len);
    for (hx_ast_name *n = lx->buckets[h & (lx->nbuckets - 1)]; n; n = n->next_) {
        if (n->hash == h && n->len == len && memcmp(n->utf8, s, len) == 0)
            return n;
    }
    if (lx->nnames >= lx->nbuckets) {
        uint32_t nb = lx->nbuckets * 2;
        hx_ast_name **b = hx_arena_calloc(lx->arena, nb * sizeof(*b));
        if (!b) {
            lx->oom = true;
            return NULL;
        }
        for (uint32_t i = 0; i < lx->nbuckets; i++) {
            hx_ast_name *n = lx->buckets[i];
            while (n) {
                hx_ast_name *next = n->next_;
                n->next_ = b[n->hash & (nb - 1)];
                b[n->hash & (nb - 1)] = n;
                n = next;
            }
        }
        lx->buckets = b;
        lx->nbuckets = nb;
    }
    hx_ast_name *n = hx_arena_alloc(lx->arena, sizeof(*n));
    char *text = hx_arena_dup(lx->arena, s, len);
    if (!n || !text) {
        lx->oom = true;
        return NULL;
    }
    n->utf8 = text;
    n->len = len;
    n->hash = h;
    n->keyword = HX_KW_NONE;
    n->reserved_ = 0;
    n->next_ = lx->buckets[h & (lx->nbuckets - 1)];
    lx->buckets[h & (lx->nbuckets - 1)] = n;
    lx->nnames++;
    return n;
}

bool hx_lex_init(hx_lexer_t *lx, hx_arena *arena, const char *src, size_t len, bool module,
                 bool html_comments)
{
    memset(lx, 0, sizeof(*lx));
    lx->arena = arena;
    lx->src = (const uint8_t *)src;
    lx->len = len > UINT32_MAX - 16 ? UINT32_MAX - 16 : (uint32_t)len;
    lx->line = 1;
    lx->module = module;
    lx->html_comments = html_comments && !module;
    lx->col_line = 0;
    lx->nbuckets = 256;
    lx->buckets = hx_arena_calloc(arena, lx->nbuckets * sizeof(hx_ast_name *));
    if (!lx->buckets)
        return false;
    for (int k = 1; k < HX_KW_COUNT; k++) {
        hx_ast_name *n =
            (hx_ast_name *)hx_lex_intern(lx, keyword_text[k], (uint32_t)strlen(keyword_text[k]));
        if (!n)
            return false;
        n->keyword = (uint16_t)k;
    }
    return true;
}

void hx_lex_free(hx_lexer_t *lx)
{
    free(lx->buf16);
    free(lx->buf8);
    lx->buf16 = NULL;
    lx->buf8 = NULL;
}

/* ---- positions ------------------------------------------------------------ */

uint32_t hx_lex_column(hx_lexer_t *lx, uint32_t off, uint32_t line, uint32_t line_start)
{
    uint32_t from = line_start, col = 1;
    if (lx->col_line == line && lx->col_off <= off && lx->col_off >= line_start) {
        from = lx->col_off;
        col = lx->col_val;
    }
    for (uint32_t i = from; i < off && i < lx->len; i++) {
        uint8_t b = lx->src[i];
        if ((b & 0xC0) != 0x80)
            col++;
        if (b >= 0xF0)
            col++;
    }
    lx->col_line = line;
    lx->col_off = off;
    lx->col_val = col;
    return col;
}

/* ---- character classes ---------------------------------------------------- */

static bool is_line_term(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static bool is_id_start(uint32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_';
    return hx_unicode_is_id_start(c);
}

static bool is_id_part(uint32_t c)
{
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '$' || c == '_';
    return c == 0x200C || c == 0x200D || hx_unicode_is_id_continue(c);
}

static int hexval(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* Code point at pos without consuming (-1 at end); *w gets its byte width. */
static int32_t peek_cp(hx_lexer_t *lx, uint32_t pos, uint32_t *w)
{
    if (pos >= lx->len) {
        *w = 0;
        return -1;
    }
    if (lx->src[pos] < 0x80) {
        *w = 1;
        return lx->src[pos];
    }
    uint32_t p = pos;
    uint32_t c = hx_utf8_decode(lx->src, lx->len, &p);
    *w = p - pos;
    return (int32_t)c;
}

static int peekb(hx_lexer_t *lx, uint32_t pos)
{
    return pos < lx->len ? lx->src[pos] : -1;
}

static void newline_at(hx_lexer_t *lx, uint32_t next)
{
    lx->line++;
    lx->line_start = next;
}

static void set_error(hx_lexer_t *lx, const char *msg, uint32_t at)
{
    lx->tok.type = HX_T_ERROR;
    lx->tok.error = msg;
    lx->tok.error_pos = at;
}

/* ---- whitespace and comments ---------------------------------------------- */

/* Skips whitespace and comments; returns false (with an ERROR token) on an
 * unterminated comment.  Sets tok.nl_before. */
static bool skip_space(hx_lexer_t *lx)
{
    bool line_start_only = lx->pos == 0; /* only whitespace/comments since line start */
    if (lx->pos == 0 && lx->len >= 2 && lx->src[0] == '#' && lx->src[1] == '!') {
        /* Hashbang comment (ES2025 12.5) */
        lx->pos = 2;
        while (lx->pos < lx->len) {
            uint32_t w;
            int32_t c = peek_cp(lx, lx->pos, &w);
            if (is_line_term((uint32_t)c))
                break;
            lx->pos += w;
        }
    }
    while (lx->pos < lx->len) {
        uint8_t b = lx->src[lx->pos];
        if (b == ' ' || b == '\t' || b == 0x0B || b == 0x0C) {
            lx->pos++;
            continue;
        }
        if (b == '\n' || b == '\r') {
            lx->pos++;
            if (b == '\r' && peekb(lx, lx->pos) == '\n')
                lx->pos++;
            newline_at(lx, lx->pos);
            lx->tok.nl_before = true;
            line_start_only = true;
            continue;
        }
        if (b == '/' && peekb(lx, lx->pos + 1) == '/') {
            lx->pos += 2;
        line_comment:
            while (lx->pos < lx->len) {
                uint32_t w;
                int32_t c = peek_cp(lx, lx->pos, &w);
                if (is_line_term((uint32_t)c))
                    break;
                lx->pos += w;
            }
            continue;
        }
        if (b == '/' && peekb(lx, lx->pos + 1) == '*') {
            uint32_t start = lx->pos;
            lx->pos += 2;
            bool closed = false, had_nl = false;
            while (lx->pos < lx->len) {
                uint8_t d = lx->src[lx->pos];
                if (d == '*' && peekb(lx, lx->pos + 1) == '/') {
                    lx->pos += 2;
                    closed = true;
                    break;
                }
                if (d == '\n' || d == '\r') {
                    lx->pos++;
                    if (d == '\r' && peekb(lx, lx->pos) == '\n')
                        lx->pos++;
                    newline_at(lx, lx->pos);
                    had_nl = true;
                    continue;
                }
                if (d >= 0x80) {
                    uint32_t w;
                    int32_t c = peek_cp(lx, lx->pos, &w);
                    lx->pos += w;
                    if (c == 0x2028 || c == 0x2029) {
                        newline_at(lx, lx->pos);
                        had_nl = true;
                    }
                    continue;
                }
                lx->pos++;
            }
            if (!closed) {
                set_error(lx, "Unterminated comment", start);
                return false;
            }
            if (had_nl) {
                lx->tok.nl_before = true;
                line_start_only = true;
            }
            continue;
        }
        if (lx->html_comments) {
            /* Annex B.1.1 HTML-like comments */
            if (b == '<' && lx->pos + 3 < lx->len && memcmp(lx->src + lx->pos, "<!--", 4) == 0) {
                lx->pos += 4;
                goto line_comment;
            }
            if (b == '-' && line_start_only && lx->pos + 2 < lx->len &&
                memcmp(lx->src + lx->pos, "-->", 3) == 0) {
                lx->pos += 3;
                goto line_comment;
            }
        }
        if (b >= 0x80) {
            uint32_t w;
            int32_t c = peek_cp(lx, lx->pos, &w);
            if (c == 0x2028 || c == 0x2029) {
                lx->pos += w;
                newline_at(lx, lx->pos);
                lx->tok.nl_before = true;
                line_start_only = true;
                continue;
            }
            if (c == 0xA0 || c == 0xFEFF || hx_unicode_is_space((uint32_t)c)) {
                lx->pos += w;
                continue;
            }
        }
        break;
    }
    return true;
}

/* ---- identifiers ---------------------------------------------------------- */

/* Reads \uXXXX or \u{X...} at pos (pointing at the backslash); returns the
 * code point or -1. */
static int32_t read_unicode_escape(hx_lexer_t *lx, uint32_t *pos)
{
    uint32_t p = *pos;
    if (peekb(lx, p) != '\\' || peekb(lx, p + 1) != 'u')
        return -1;
    p += 2;
    uint32_t v = 0;
    if (peekb(lx, p) == '{') {
        p++;
        int n = 0;
        while (peekb(lx, p) >= 0 && hexval((uint32_t)peekb(lx, p)) >= 0) {
            v = v * 16 + (uint32_t)hexval((uint32_t)peekb(lx, p));
            if (v > 0x10FFFF)
                return -1;
            p++;
            n++;
        }
        if (n == 0 || peekb(lx, p) != '}')
            return -1;
        p++;
    } else {
        for (int k = 0; k < 4; k++) {
            int c = peekb(lx, p);
            if (c < 0 || hexval((uint32_t)c) < 0)
                return -1;
            v = v * 16 + (uint32_t)hexval((uint32_t)c);
            p++;
        }
    }
    *pos = p;
    return (int32_t)v;
}

/* Reads an IdentifierName starting at lx->pos (first char already known to
 * be an identifier start or a backslash).  Fills tok.name / tok.escaped. */
static bool read_ident(hx_lexer_t *lx, uint32_t prefix_len)
{
    uint32_t start = lx->pos;
    bool escaped = false;
    /* fast path: plain ASCII */
    uint32_t p = lx->pos;
    while (p < lx->len) {
        uint8_t b = lx->src[p];
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
            b == '$' || b == '_')
            p++;
        else
            break;
    }
    if (p >= lx->len || (lx->src[p] != '\\' && lx->src[p] < 0x80)) {
        lx->pos = p;
        const hx_ast_name *n =
            hx_lex_intern(lx, (const char *)lx->src + start - prefix_len, p - start + prefix_len);
        if (!n)
            return false;
        lx->tok.name = n;
        lx->tok.escaped = false;
        return true;
    }
    uint32_t n8 = 0;
    for (uint32_t i = start - prefix_len; i < start; i++)
        if (!buf8_push(lx, &n8, lx->src[i]))
            return false;
    p = start;
    bool at_start = true;
    while (p < lx->len) {
        int32_t c;
        uint32_t w;
        if (lx->src[p] == '\\') {
            uint32_t q = p;
            c = read_unicode_escape(lx, &q);
            if (c < 0 || !(at_start ? is_id_start((uint32_t)c) : is_id_part((uint32_t)c))) {
                set_error(lx, "Invalid Unicode escape sequence", p);
                return false;
            }
            escaped = true;
            p = q;
        } else {
            c = peek_cp(lx, p, &w);
            if (!(at_start ? is_id_start((uint32_t)c) : is_id_part((uint32_t)c)))
                break;
            p += w;
        }
        if (!buf8_push(lx, &n8, (uint32_t)c))
            return false;
        at_start = false;
    }
    lx->pos = p;
    const hx_ast_name *n = hx_lex_intern(lx, lx->buf8, n8);
    if (!n)
        return false;
    lx->tok.name = n;
    lx->tok.escaped = escaped;
    return true;
}

/* ---- numbers -------------------------------------------------------------- */

static bool is_digit_in(int c, int radix)
{
    if (c < 0)
        return false;
    if (radix <= 10)
        return c >= '0' && c < '0' + radix;
    return hexval((uint32_t)c) >= 0;
}

/* Reads digits of `radix` with numeric separators into buf8 (separators
 * dropped).  Returns false on a misplaced separator. */
static bool read_digits(hx_lexer_t *lx, uint32_t *n8, int radix, bool allow_sep, bool *any)
{
    bool prev_digit = false;
    *any = false;
    for (;;) {
        int c = peekb(lx, lx->pos);
        if (c == '_') {
            if (!allow_sep || !prev_digit || !is_digit_in(peekb(lx, lx->pos + 1), radix)) {
                set_error(lx, "Invalid numeric separator", lx->pos);
                return false;
            }
            lx->pos++;
            prev_digit = false;
            continue;
        }
        if (!is_digit_in(c, radix))
            break;
        if (!buf8_push(lx, n8, (uint32_t)c))
            return false;
        lx->pos++;
        prev_digit = true;
        *any = true;
    }
    return true;
}

static void read_number(hx_lexer_t *lx)
{
    uint32_t start = lx->pos;
    uint32_t n8 = 0;
    bool any;
    lx->tok.type = HX_T_NUMBER;
    lx->tok.legacy_octal = false;
    int c0 = peekb(lx, lx->pos), c1 = peekb(lx, lx->pos + 1);
    if (c0 == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
        int radix = (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8 : 2;
        lx->pos += 2;
        if (!read_digits(lx, &n8, radix, true, &any))
            return;
        if (!any) {
            set_error(lx, "Invalid number", start);
            return;
        }
        if (peekb(lx, lx->pos) == 'n') {
            lx->pos++;
            lx->tok.type = HX_T_BIGINT;
            lx->tok.radix = (uint8_t)radix;
        } else {
            lx->tok.num = hx_parse_radix_integer(lx->buf8, n8, radix);
        }
    } else if (c0 == '0' && c1 >= '0' && c1 <= '9') {
        /* LegacyOctalIntegerLiteral / NonOctalDecimalIntegerLiteral (B.1.1) */
        lx->tok.legacy_octal = true;
        bool octal = true;
        lx->pos++;
        while (peekb(lx, lx->pos) >= '0' && peekb(lx, lx->pos) <= '9') {
            if (peekb(lx, lx->pos) >= '8')
                octal = false;
            if (!buf8_push(lx, &n8, (uint32_t)lx->src[lx->pos]))
                return;
            lx->pos++;
        }
        if (peekb(lx, lx->pos) == '_') {
            set_error(lx, "Numeric separators are not allowed here", lx->pos);
            return;
        }
        if (octal) {
            lx->tok.num = hx_parse_radix_integer(lx->buf8, n8, 8);
        } else {
            /* decimal: may have a fraction/exponent */
            if (peekb(lx, lx->pos) == '.') {
                buf8_push(lx, &n8, '.');
                lx->pos++;
                if (!read_digits(lx, &n8, 10, true, &any))
                    return;
            }
            int e = peekb(lx, lx->pos);
            if (e == 'e' || e == 'E') {
                buf8_push(lx, &n8, 'e');
                lx->pos++;
                int s = peekb(lx, lx->pos);
                if (s == '+' || s == '-') {
                    buf8_push(lx, &n8, (uint32_t)s);
                    lx->pos++;
                }
                if (!read_digits(lx, &n8, 10, true, &any))
                    return;
                if (!any) {
                    set_error(lx, "Invalid number", start);
                    return;
                }
            }
            lx->tok.num = hx_parse_decimal(lx->buf8, n8);
        }
        if (peekb(lx, lx->pos) == 'n') {
            set_error(lx, "Invalid BigInt literal", start);
            return;
        }
    } else {
        bool int_part = false, is_int = true;
        if (c0 == '0' && c1 == '_') {
            set_error(lx, "Numeric separators are not allowed after a leading 0", lx->pos + 1);
            return;
        }
        if (c0 != '.') {
            if (!read_digits(lx, &n8, 10, true, &any))
                return;
            int_part = any;
            if (c0 == '0' && peekb(lx, lx->pos) == '_') {
                set_error(lx, "Numeric separators are not allowed here", lx->pos);
                return;
            }
        }
        if (peekb(lx, lx->pos) == '.') {
            is_int = false;
            if (!buf8_push(lx, &n8, '.'))
                return;
            lx->pos++;
            if (peekb(lx, lx->pos) == '_') {
                set_error(lx, "Invalid numeric separator", lx->pos);
                return;
            }
            if (!read_digits(lx, &n8, 10, true, &any))
                return;
            if (!any && !int_part) {
                set_error(lx, "Invalid number", start);
                return;
            }
        }
        int e = peekb(lx, lx->pos);
        if (e == 'e' || e == 'E') {
            is_int = false;
            buf8_push(lx, &n8, 'e');
            lx->pos++;
            int s = peekb(lx, lx->pos);
            if (s == '+' || s == '-') {
                buf8_push(lx, &n8, (uint32_t)s);
                lx->pos++;
            }
            if (peekb(lx, lx->pos) == '_') {
                set_error(lx, "Invalid numeric separator", lx->pos);
                return;
            }
            if (!read_digits(lx, &n8, 10, true, &any))
                return;
            if (!any) {
                set_error(lx, "Invalid number", start);
                return;
            }
        }
        if (peekb(lx, lx->pos) == 'n') {
            if (!is_int) {
                set_error(lx, "Invalid BigInt literal", start);
                return;
            }
            lx->pos++;
            lx->tok.type = HX_T_BIGINT;
            lx->tok.radix = 10;
        } else {
            lx->tok.num = hx_parse_decimal(lx->buf8, n8);
        }
    }
    if (lx->oom)
        return;
    if (lx->tok.type == HX_T_BIGINT) {
        /* strip leading zeros (keep one) */
        uint32_t k = 0;
        while (k + 1 < n8 && lx->buf8[k] == '0')
            k++;
        char *d = hx_arena_dup(lx->arena, lx->buf8 + k, n8 - k);
        if (!d) {
            lx->oom = true;
            return;
        }
        lx->tok.digits = d;
        lx->tok.digits_len = n8 - k;
    }
    /* ES2025 12.9.3: the SourceCharacter after a NumericLiteral must not be
     * an IdentifierStart or DecimalDigit. */
    uint32_t w;
    int32_t c = peek_cp(lx, lx->pos, &w);
    if (c >= 0 && (is_id_start((uint32_t)c) || c == '\\' || (c >= '0' && c <= '9')))
        set_error(lx, "Identifier starts immediately after numeric literal", lx->pos);
}

/* ---- strings and templates ------------------------------------------------ */

/* Reads an escape sequence after the backslash at lx->pos-1 (pos points at
 * the char after '\').  Appends the value to buf16 at *n.  Returns 1 ok,
 * 0 invalid escape (message in *msg), -1 OOM.  *octal set for legacy octal
 * / \8 \9.  template: \0 followed by a digit and legacy octal are invalid. */
static int read_escape(hx_lexer_t *lx, uint32_t *n, bool template, bool *octal, const char **msg)
{
    uint32_t w;
    int32_t c = peek_cp(lx, lx->pos, &w);
    if (c < 0) {
        *msg = "Unterminated string";
        return 0;
    }
    lx->pos += w;
    switch (c) {
    case 'n': return buf16_push(lx, n, '\n') ? 1 : -1;
    case 't': return buf16_push(lx, n, '\t') ? 1 : -1;
    case 'r': return buf16_push(lx, n, '\r') ? 1 : -1;
    case 'b': return buf16_push(lx, n, '\b') ? 1 : -1;
    case 'f': return buf16_push(lx, n, '\f') ? 1 : -1;
    case 'v': return buf16_push(lx, n, '\v') ? 1 : -1;
    case '\r':
        if (peekb(lx, lx->pos) == '\n')
            lx->pos++;
        newline_at(lx, lx->pos);
        return 1;
    case '\n':
    case 0x2028:
    case 0x2029:
        newline_at(lx, lx->pos);
        return 1;
    case 'x': {
        int h1 = peekb(lx, lx->pos), h2 = peekb(lx, lx->pos + 1);
        if (h1 < 0 || h2 < 0 || hexval((uint32_t)h1) < 0 || hexval((uint32_t)h2) < 0) {
            *msg = "Invalid hexadecimal escape sequence";
            return 0;
        }
        lx->pos += 2;
        return buf16_push(lx, n, (uint32_t)(hexval((uint32_t)h1) * 16 + hexval((uint32_t)h2))) ? 1
                                                                                                  : -1;
    }
    case 'u': {
        uint32_t p = lx->pos - 2;
        int32_t v = read_unicode_escape(lx, &p);
        if (v < 0) {
            *msg = "Invalid Unicode escape sequence";
            return 0;
        }
        lx->pos = p;
        /* \uD83D\uDE00 stays as two code units, which is the same thing */
        return buf16_push(lx, n, (uint32_t)v) ? 1 : -1;
    }
    case '0':
        if (!(peekb(lx, lx->pos) >= '0' && peekb(lx, lx->pos) <= '9'))
            return buf16_push(lx, n, 0) ? 1 : -1;
        /* fallthrough: legacy octal */
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        if (template) {
            *msg = "Octal escape sequences are not allowed in template strings";
            return 0;
        }
        *octal = true;
        uint32_t v = (uint32_t)(c - '0');
        int d = peekb(lx, lx->pos);
        if (d >= '0' && d <= '7') {
            v = v * 8 + (uint32_t)(d - '0');
            lx->pos++;
            d = peekb(lx, lx->pos);
            if (c <= '3' && d >= '0' && d <= '7') {
                v = v * 8 + (uint32_t)(d - '0');
                lx->pos++;
            }
        }
        return buf16_push(lx, n, v) ? 1 : -1;
    }
    case '8':
    case '9':
        if (template) {
            *msg = "\\8 and \\9 are not allowed in template strings";
            return 0;
        }
        *octal = true;
        return buf16_push(lx, n, (uint32_t)c) ? 1 : -1;
    default:
        return buf16_push(lx, n, (uint32_t)c) ? 1 : -1;
    }
}

static void read_string(hx_lexer_t *lx, uint8_t quote)
{
    uint32_t start = lx->pos;
    lx->pos++;
    uint32_t n = 0;
    bool octal = false, escaped = false;
    lx->tok.octal_pos = 0;
    for (;;) {
        if (lx->pos >= lx->len) {
            set_error(lx, "Unterminated string literal", start);
            return;
        }
        uint8_t b = lx->src[lx->pos];
        if (b == quote) {
            lx->pos++;
            break;
        }
        if (b == '\n' || b == '\r') {
            set_error(lx, "Unterminated string literal", start);
            return;
        }
        if (b == '\\') {
            uint32_t esc = lx->pos;
            lx->pos++;
            escaped = true;
            const char *msg = NULL;
            bool o = false;
            int r = read_escape(lx, &n, false, &o, &msg);
            if (r < 0)
                return;
            if (r == 0) {
                set_error(lx, msg, esc);
                return;
            }
            if (o && !octal) {
                octal = true;
                lx->tok.octal_pos = esc;
            }
            continue;
        }
        if (b < 0x80) {
            if (!buf16_push(lx, &n, b))
                return;
            lx->pos++;
        } else {
            uint32_t c = hx_utf8_decode(lx->src, lx->len, &lx->pos);
            if (!buf16_push(lx, &n, c))
                return;
        }
    }
    lx->tok.type = HX_T_STRING;
    lx->tok.legacy_octal = octal;
    lx->tok.escaped = escaped;
    lx->tok.str = dup16(lx, n);
    lx->tok.str_len = n;
}

/* Reads template characters from lx->pos up to '`' or '${' (ES2025 12.9.6);
 * lx->pos is just after the opening '`' or '}'. */
static void read_template(hx_lexer_t *lx, uint32_t start)
{
    uint32_t n = 0;
    bool invalid = false;
    /* raw goes to buf8 as UTF-8 first, then converted */
    uint32_t n8 = 0;
    for (;;) {
        if (lx->pos >= lx->len) {
            set_error(lx, "Unterminated template literal", start);
            return;
        }
        uint8_t b = lx->src[lx->pos];
        if (b == '`') {
            lx->pos++;
            lx->tok.tail = true;
            break;
        }
        if (b == '$' && peekb(lx, lx->pos + 1) == '{') {
            lx->pos += 2;
            lx->tok.tail = false;
            break;
        }
        if (b == '\\') {
            uint32_t esc = lx->pos;
            lx->pos++;
            const char *msg = NULL;
            bool o = false;
            uint32_t save_n = n;
            int r = read_escape(lx, &n, true, &o, &msg);
            if (r < 0)
                return;
            if (r == 0) {
                /* NotEscapeSequence (ES2025 12.9.6): the cooked value is
                 * undefined; what follows the bad escape's first character
                 * reads as ordinary template characters (all are in raw). */
                invalid = true;
                n = save_n;
                if (lx->pos >= lx->len) {
                    set_error(lx, "Unterminated template literal", start);
                    return;
                }
            }
            /* raw text of the escape: copy source bytes, normalizing CR */
            for (uint32_t i = esc; i < lx->pos; i++) {
                uint8_t d = lx->src[i];
                if (d == '\r') {
                    if (!buf8_push(lx, &n8, '\n'))
                        return;
                    if (i + 1 < lx->pos && lx->src[i + 1] == '\n')
                        i++;
                    continue;
                }
                if (!buf8_byte(lx, &n8, d))
                    return;
            }
            continue;
        }
        if (b == '\r') {
            /* CR and CRLF become LF in both cooked and raw values */
            lx->pos++;
            if (peekb(lx, lx->pos) == '\n')
                lx->pos++;
            newline_at(lx, lx->pos);
            if (!buf16_push(lx, &n, '\n') || !buf8_push(lx, &n8, '\n'))
                return;
            continue;
        }
        uint32_t c;
        if (b < 0x80) {
            c = b;
            lx->pos++;
        } else {
            c = hx_utf8_decode(lx->src, lx->len, &lx->pos);
        }
        if (c == '\n' || c == 0x2028 || c == 0x2029)
            newline_at(lx, lx->pos);
        if (!buf16_push(lx, &n, c) || !buf8_push(lx, &n8, c))
            return;
    }
    lx->tok.type = HX_T_TEMPLATE;
    lx->tok.invalid_escape = invalid;
    if (invalid) {
        lx->tok.str = NULL;
        lx->tok.str_len = 0;
    } else {
        lx->tok.str = dup16(lx, n);
        lx->tok.str_len = n;
    }
    uint32_t rl;
    lx->tok.raw = hx_lex_utf16(lx, lx->buf8, n8, &rl);
    lx->tok.raw_len = rl;
}

/* ---- main scanner --------------------------------------------------------- */

static void punct(hx_lexer_t *lx, int type, uint32_t len)
{
    lx->tok.type = (uint8_t)type;
    lx->pos += len;
}

void hx_lex_next(hx_lexer_t *lx)
{
    hx_token *t = &lx->tok;
    t->nl_before = false;
    t->escaped = false;
    t->legacy_octal = false;
    t->invalid_escape = false;
    t->name = NULL;
    t->error = NULL;
    if (!skip_space(lx)) {
        t->start = t->end = lx->pos;
        t->line = lx->line;
        t->col = hx_lex_column(lx, lx->pos, lx->line, lx->line_start);
        return;
    }
    t->start = lx->pos;
    t->line = lx->line;
    t->col = hx_lex_column(lx, lx->pos, lx->line, lx->line_start);
    if (lx->pos >= lx->len) {
        t->type = HX_T_EOF;
        t->end = lx->pos;
        return;
    }
    uint8_t b = lx->src[lx->pos];
    int b1 = peekb(lx, lx->pos + 1), b2 = peekb(lx, lx->pos + 2), b3 = peekb(lx, lx->pos + 3);
    switch (b) {
    case '{': punct(lx, HX_T_LBRACE, 1); break;
    case '}': punct(lx, HX_T_RBRACE, 1); break;
    case '(': punct(lx, HX_T_LPAREN, 1); break;
    case ')': punct(lx, HX_T_RPAREN, 1); break;
    case '[': punct(lx, HX_T_LBRACKET, 1); break;
    case ']': punct(lx, HX_T_RBRACKET, 1); break;
    case ';': punct(lx, HX_T_SEMI, 1); break;
    case ',': punct(lx, HX_T_COMMA, 1); break;
    case ':': punct(lx, HX_T_COLON, 1); break;
    case '~': punct(lx, HX_T_TILDE, 1); break;
    case '@': punct(lx, HX_T_AT, 1); break;
    case '.':
        if (b1 >= '0' && b1 <= '9')
            read_number(lx);
        else if (b1 == '.' && b2 == '.')
            punct(lx, HX_T_ELLIPSIS, 3);
        else
            punct(lx, HX_T_DOT, 1);
        break;
    case '<':
        if (b1 == '<')
            punct(lx, b2 == '=' ? HX_T_SHL_ASSIGN : HX_T_SHL, b2 == '=' ? 3 : 2);
        else if (b1 == '=')
            punct(lx, HX_T_LE, 2);
        else
            punct(lx, HX_T_LT, 1);
        break;
    case '>':
        if (b1 == '>') {
            if (b2 == '>')
                punct(lx, b3 == '=' ? HX_T_SHR_ASSIGN : HX_T_SHR, b3 == '=' ? 4 : 3);
            else
                punct(lx, b2 == '=' ? HX_T_SAR_ASSIGN : HX_T_SAR, b2 == '=' ? 3 : 2);
        } else if (b1 == '=')
            punct(lx, HX_T_GE, 2);
        else
            punct(lx, HX_T_GT, 1);
        break;
    case '=':
        if (b1 == '=')
            punct(lx, b2 == '=' ? HX_T_SEQ : HX_T_EQ, b2 == '=' ? 3 : 2);
        else if (b1 == '>')
            punct(lx, HX_T_ARROW, 2);
        else
            punct(lx, HX_T_ASSIGN, 1);
        break;
    case '!':
        if (b1 == '=')
            punct(lx, b2 == '=' ? HX_T_SNE : HX_T_NE, b2 == '=' ? 3 : 2);
        else
            punct(lx, HX_T_BANG, 1);
        break;
    case '+':
        punct(lx, b1 == '+' ? HX_T_INC : b1 == '=' ? HX_T_PLUS_ASSIGN : HX_T_PLUS,
              b1 == '+' || b1 == '=' ? 2 : 1);
        break;
    case '-':
        punct(lx, b1 == '-' ? HX_T_DEC : b1 == '=' ? HX_T_MINUS_ASSIGN : HX_T_MINUS,
              b1 == '-' || b1 == '=' ? 2 : 1);
        break;
    case '*':
        if (b1 == '*')
            punct(lx, b2 == '=' ? HX_T_STARSTAR_ASSIGN : HX_T_STARSTAR, b2 == '=' ? 3 : 2);
        else
            punct(lx, b1 == '=' ? HX_T_STAR_ASSIGN : HX_T_STAR, b1 == '=' ? 2 : 1);
        break;
    case '%': punct(lx, b1 == '=' ? HX_T_PERCENT_ASSIGN : HX_T_PERCENT, b1 == '=' ? 2 : 1); break;
    case '^': punct(lx, b1 == '=' ? HX_T_CARET_ASSIGN : HX_T_CARET, b1 == '=' ? 2 : 1); break;
    case '/': punct(lx, b1 == '=' ? HX_T_SLASH_ASSIGN : HX_T_SLASH, b1 == '=' ? 2 : 1); break;
    case '&':
        if (b1 == '&')
            punct(lx, b2 == '=' ? HX_T_AND_ASSIGN : HX_T_AND, b2 == '=' ? 3 : 2);
        else
            punct(lx, b1 == '=' ? HX_T_AMP_ASSIGN : HX_T_AMP, b1 == '=' ? 2 : 1);
        break;
    case '|':
        if (b1 == '|')
            punct(lx, b2 == '=' ? HX_T_OR_ASSIGN : HX_T_OR, b2 == '=' ? 3 : 2);
        else
            punct(lx, b1 == '=' ? HX_T_PIPE_ASSIGN : HX_T_PIPE, b1 == '=' ? 2 : 1);
        break;
    case '?':
        if (b1 == '?')
            punct(lx, b2 == '=' ? HX_T_NULLISH_ASSIGN : HX_T_NULLISH, b2 == '=' ? 3 : 2);
        else if (b1 == '.' && !(b2 >= '0' && b2 <= '9'))
            punct(lx, HX_T_QDOT, 2);
        else
            punct(lx, HX_T_QUESTION, 1);
        break;
    case '"':
    case '\'':
        read_string(lx, b);
        break;
    case '`':
        lx->pos++;
        read_template(lx, t->start);
        break;
    case '#': {
        lx->pos++;
        uint32_t w;
        int32_t c = peek_cp(lx, lx->pos, &w);
        if (c == '\\' || (c >= 0 && is_id_start((uint32_t)c))) {
            if (read_ident(lx, 1))
                t->type = HX_T_PRIVATE;
        } else {
            set_error(lx, "Invalid or unexpected token", t->start);
        }
        break;
    }
    default:
        if (b >= '0' && b <= '9') {
            read_number(lx);
            break;
        }
        {
            uint32_t w;
            int32_t c = peek_cp(lx, lx->pos, &w);
            if (c == '\\' || is_id_start((uint32_t)c)) {
                if (read_ident(lx, 0))
                    t->type = HX_T_NAME;
                break;
            }
            set_error(lx, "Invalid or unexpected token", t->start);
            lx->pos += w ? w : 1;
        }
        break;
    }
    if (lx->oom) {
        set_error(lx, "out of memory", t->start);
    }
    t->end = lx->pos;
}

void hx_lex_rescan_regexp(hx_lexer_t *lx)
{
    hx_token *t = &lx->tok;
    uint32_t start = t->start;
    lx->pos = start + 1;
    bool in_class = false;
    uint32_t body_start = lx->pos;
    for (;;) {
        if (lx->pos >= lx->len) {
            set_error(lx, "Invalid regular expression: missing /", start);
            t->end = lx->pos;
            return;
        }
        uint32_t w;
        int32_t c = peek_cp(lx, lx->pos, &w);
        if (is_line_term((uint32_t)c)) {
            set_error(lx, "Invalid regular expression: missing /", start);
            t->end = lx->pos;
            return;
        }
        if (c == '\\') {
            lx->pos++;
            uint32_t w2;
            int32_t d = peek_cp(lx, lx->pos, &w2);
            if (d < 0 || is_line_term((uint32_t)d)) {
                set_error(lx, "Invalid regular expression: missing /", start);
                t->end = lx->pos;
                return;
            }
            lx->pos += w2;
            continue;
        }
        if (c == '[')
            in_class = true;
        else if (c == ']')
            in_class = false;
        else if (c == '/' && !in_class)
            break;
        lx->pos += w;
    }
    uint32_t body_end = lx->pos;
    lx->pos++;
    uint32_t flags_start = lx->pos;
    for (;;) {
        uint32_t w;
        int32_t c = peek_cp(lx, lx->pos, &w);
        if (c == '\\') {
            set_error(lx, "Invalid regular expression flags", lx->pos);
            t->end = lx->pos;
            return;
        }
        if (c < 0 || !is_id_part((uint32_t)c))
            break;
        lx->pos += w;
    }
    uint32_t pl, fl;
    t->str = hx_lex_utf16(lx, (const char *)lx->src + body_start, body_end - body_start, &pl);
    t->raw = hx_lex_utf16(lx, (const char *)lx->src + flags_start, lx->pos - flags_start, &fl);
    t->str_len = pl;
    t->raw_len = fl;
    t->type = lx->oom ? HX_T_ERROR : HX_T_REGEXP;
    if (lx->oom)
        t->error = "out of memory";
    t->end = lx->pos;
}

void hx_lex_rescan_template(hx_lexer_t *lx)
{
    hx_token *t = &lx->tok;
    lx->pos = t->start + 1;
    t->invalid_escape = false;
    read_template(lx, t->start);
    if (lx->oom)
        set_error(lx, "out of memory", t->start);
    t->end = lx->pos;
}

void hx_lex_split_gt(hx_lexer_t *lx)
{
    hx_token *t = &lx->tok;
    lx->pos = t->start + 1;
    t->type = HX_T_GT;
    t->end = lx->pos;
}

void hx_lex_save(const hx_lexer_t *lx, hx_lex_state *st)
{
    st->pos = lx->pos;
    st->line = lx->line;
    st->line_start = lx->line_start;
    st->tok = lx->tok;
}

void hx_lex_restore(hx_lexer_t *lx, const hx_lex_state *st)
{
    lx->pos = st->pos;
    lx->line = st->line;
    lx->line_start = st->line_start;
    lx->tok = st->tok;
}
