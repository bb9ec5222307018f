/*
 * string.c — immutable strings: Latin-1 or UTF-16 storage chosen per string,
 * ropes for concatenation (flattened on demand), hashing, comparison,
 * conversion to and from UTF-8, and a string builder.
 *
 * Invariant: a flat string is Latin-1 unless it contains a code unit above
 * 0xFF; two equal strings therefore always have the same storage kind, which
 * lets comparisons of flat strings use memcmp.
 */
#include <stdio.h>
#include <string.h>
#include "vm/vm.h"

#define ROPE_MIN_LEN 24 /* shorter concatenations are copied flat at once */

hx_string *hx_string_alloc(hx_runtime *rt, uint32_t len, bool wide) {
    if (len > HX_MAX_STRING_LENGTH) {
        hx_throw_range_error(rt->current_realm, "Invalid string length");
        return NULL;
    }
    size_t bytes = sizeof(hx_string) + (size_t)len * (wide ? 2 : 1) + 1;
    hx_string *s = hx_gc_alloc(rt, HX_CELL_STRING, bytes);
    if (!s) return NULL;
    s->len = len;
    if (wide) s->hdr.flags |= HX_STR_WIDE;
    return s;
}

hx_value hx_string_from_latin1(hx_runtime *rt, const uint8_t *p, size_t len) {
    hx_string *s = hx_string_alloc(rt, (uint32_t)len, false);
    if (!s) return HX_EXCEPTION;
    if (len) memcpy(hx_str_latin1(s), p, len);
    return hx_string_value(s);
}

hx_value hx_string_from_utf16(hx_runtime *rt, const uint16_t *p, size_t len) {
    bool wide = false;
    for (size_t i = 0; i < len; i++)
        if (p[i] > 0xFF) {
            wide = true;
            break;
        }
    hx_string *s = hx_string_alloc(rt, (uint32_t)len, wide);
    if (!s) return HX_EXCEPTION;
    if (wide) memcpy(hx_str_utf16(s), p, len * 2);
    else
        for (size_t i = 0; i < len; i++) hx_str_latin1(s)[i] = (uint8_t)p[i];
    return hx_string_value(s);
}

/* Decodes one UTF-8 sequence; ill-formed input yields U+FFFD and consumes
 * the maximal ill-formed prefix (one byte). */
static uint32_t utf8_decode(const uint8_t *p, size_t n, size_t *used) {
    uint8_t c = p[0];
    if (c < 0x80) {
        *used = 1;
        return c;
    }
    int extra;
    uint32_t cp, min;
    if ((c & 0xE0) == 0xC0) extra = 1, cp = c & 0x1F, min = 0x80;
    else if ((c & 0xF0) == 0xE0) extra = 2, cp = c & 0x0F, min = 0x800;
    else if ((c & 0xF8) == 0xF0) extra = 3, cp = c & 0x07, min = 0x10000;
    else {
        *used = 1;
        return 0xFFFD;
    }
    if ((size_t)extra >= n) {
        *used = 1;
        return 0xFFFD;
    }
    for (int i = 1; i <= extra; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            *used = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *used = 1;
        return 0xFFFD;
    }
    *used = (size_t)extra + 1;
    return cp;
}

hx_value hx_string_from_utf8(hx_runtime *rt, const char *src, size_t len) {
    const uint8_t *p = (const uint8_t *)src;
    size_t units = 0;
    bool wide = false, ascii = true;
    for (size_t i = 0; i < len;) {
        size_t used;
        if (p[i] < 0x80) {
            units++;
            i++;
            continue;
        }
        ascii = false;
        uint32_t cp = utf8_decode(p + i, len - i, &used);
        i += used;
        units += cp >= 0x10000 ? 2 : 1;
        if (cp > 0xFF) wide = true;
    }
    if (ascii) return hx_string_from_latin1(rt, p, len);
    hx_string *s = hx_string_alloc(rt, (uint32_t)units, wide);
    if (!s) return HX_EXCEPTION;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        size_t used;
        uint32_t cp = utf8_decode(p + i, len - i, &used);
        i += used;
        if (!wide) hx_str_latin1(s)[k++] = (uint8_t)cp;
        else if (cp >= 0x10000) {
            cp -= 0x10000;
            hx_str_utf16(s)[k++] = (uint16_t)(0xD800 + (cp >> 10));
            hx_str_utf16(s)[k++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else
            hx_str_utf16(s)[k++] = (uint16_t)cp;
    }
    return hx_string_value(s);
}

hx_value hx_string_from_cstr(hx_runtime *rt, const char *s) {
    return hx_string_from_utf8(rt, s, strlen(s));
}

hx_value hx_string_from_char(hx_runtime *rt, uint16_t c) {
    if (c <= 0xFF) {
        uint8_t b = (uint8_t)c;
        return hx_string_from_latin1(rt, &b, 1);
    }
    return hx_string_from_utf16(rt, &c, 1);
}

hx_value hx_string_from_int(hx_runtime *rt, int64_t i) {
    char buf[24];
    char *p = buf + sizeof buf;
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (i < 0) *--p = '-';
    return hx_string_from_latin1(rt, (const uint8_t *)p, (size_t)(buf + sizeof buf - p));
}

/* Copies the characters of any string (rope or flat) into dst, which is
 * UTF-16 when wide.  Iterative over the right spine to bound recursion. */
static void copy_chars(hx_string *s, void *dst, bool wide, uint32_t at) {
    for (;;) {
        if (s->hdr.flags & HX_STR_ROPE) {
            hx_rope *r = (hx_rope *)s;
            if (r->flat) {
                s = r->flat;
                continue;
            }
            copy_chars(r->left, dst, wide, at);
            at += r->left->len;
            s = r->right;
            continue;
        }
        if (wide) {
            uint16_t *d = (uint16_t *)dst + at;
            if (hx_str_is_wide(s)) memcpy(d, hx_str_utf16(s), s->len * 2);
            else
                for (uint32_t i = 0; i < s->len; i++) d[i] = hx_str_latin1(s)[i];
        } else {
            memcpy((uint8_t *)dst + at, hx_str_latin1(s), s->len);
        }
        return;
    }
}

hx_string *hx_string_flat(hx_runtime *rt, hx_string *s) {
    if (!(s->hdr.flags & HX_STR_ROPE)) return s;
    hx_rope *r = (hx_rope *)s;
    if (r->flat) return r->flat;
    bool wide = s->hdr.flags & HX_STR_WIDE;
    hx_string *f = hx_string_alloc(rt, s->len, wide);
    if (!f) return NULL;
    copy_chars(s, wide ? (void *)hx_str_utf16(f) : (void *)hx_str_latin1(f), wide, 0);
    HX_WRITE(r->flat, f);
    /* the parts are no longer needed */
    r->left = r->right = NULL;
    return f;
}

hx_value hx_string_concat(hx_runtime *rt, hx_value av, hx_value bv) {
    hx_string *a = hx_as_string(av), *b = hx_as_string(bv);
    if (a->len == 0) return bv;
    if (b->len == 0) return av;
    uint64_t len = (uint64_t)a->len + b->len;
    if (len > HX_MAX_STRING_LENGTH) return hx_throw_range_error(rt->current_realm, "Invalid string length");
    bool wide = (a->hdr.flags | b->hdr.flags) & HX_STR_WIDE;
    if (len < ROPE_MIN_LEN) {
        hx_string *fa = hx_string_flat(rt, a);
        if (!fa) return HX_EXCEPTION;
        hx_string *fb = hx_string_flat(rt, b);
        if (!fb) return HX_EXCEPTION;
        hx_string *s = hx_string_alloc(rt, (uint32_t)len, wide);
        if (!s) return HX_EXCEPTION;
        void *d = wide ? (void *)hx_str_utf16(s) : (void *)hx_str_latin1(s);
        copy_chars(fa, d, wide, 0);
        copy_chars(fb, d, wide, fa->len);
        return hx_string_value(s);
    }
    uint32_t da = (a->hdr.flags & HX_STR_ROPE) ? ((hx_rope *)a)->depth : 0;
    uint32_t db = (b->hdr.flags & HX_STR_ROPE) ? ((hx_rope *)b)->depth : 0;
    /* Keep ropes shallow: a deep left spine (the usual s += x loop) is fine
     * for copy_chars, which recurses only on left children of bounded depth. */
    if (da > 2000) {
        if (!hx_string_flat(rt, a)) return HX_EXCEPTION;
        da = 0;
    }
    if (db > 2000) {
        if (!hx_string_flat(rt, b)) return HX_EXCEPTION;
        db = 0;
    }
    hx_rope *r = hx_gc_alloc(rt, HX_CELL_STRING, sizeof(hx_rope));
    if (!r) return HX_EXCEPTION;
    r->base.hdr.flags = HX_STR_ROPE | (wide ? HX_STR_WIDE : 0);
    r->base.len = (uint32_t)len;
    r->left = a;
    r->right = b;
    r->depth = (da > db ? da : db) + 1;
    return hx_string_value(&r->base);
}

uint16_t hx_string_char_at(hx_string *s, uint32_t i) {
    HX_ASSERT(!(s->hdr.flags & HX_STR_ROPE) && i < s->len);
    return hx_str_is_wide(s) ? hx_str_utf16(s)[i] : hx_str_latin1(s)[i];
}

uint32_t hx_string_hash(hx_runtime *rt, hx_string *s) {
    if (s->hdr.extra) return s->hdr.extra;
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return 1;
    uint32_t h = 2166136261u; /* FNV-1a over code units */
    if (hx_str_is_wide(f))
        for (uint32_t i = 0; i < f->len; i++) h = (h ^ hx_str_utf16(f)[i]) * 16777619u;
    else
        for (uint32_t i = 0; i < f->len; i++) h = (h ^ hx_str_latin1(f)[i]) * 16777619u;
    if (h == 0) h = 1;
    s->hdr.extra = h;
    if (f != s) f->hdr.extra = h;
    return h;
}

/* Character i of any string, walking ropes (no allocation). */
static uint16_t char_at_any(hx_string *s, uint32_t i) {
    while (s->hdr.flags & HX_STR_ROPE) {
        hx_rope *r = (hx_rope *)s;
        if (r->flat) s = r->flat;
        else if (i < r->left->len) s = r->left;
        else {
            i -= r->left->len;
            s = r->right;
        }
    }
    return hx_string_char_at(s, i);
}

bool hx_string_equal(hx_runtime *rt, hx_string *a, hx_string *b) {
    if (a == b) return true;
    if (a->len != b->len) return false;
    if ((a->hdr.flags & HX_STR_INTERNED) && (b->hdr.flags & HX_STR_INTERNED)) return false;
    if ((a->hdr.flags ^ b->hdr.flags) & HX_STR_WIDE) return false;
    if (a->hdr.extra && b->hdr.extra && a->hdr.extra != b->hdr.extra) return false;
    if (!rt || ((a->hdr.flags | b->hdr.flags) & HX_STR_ROPE && !rt)) {
        for (uint32_t i = 0; i < a->len; i++)
            if (char_at_any(a, i) != char_at_any(b, i)) return false;
        return true;
    }
    hx_string *fa = hx_string_flat(rt, a), *fb = hx_string_flat(rt, b);
    if (!fa || !fb) return false;
    return memcmp(fa + 1, fb + 1, (size_t)fa->len * (hx_str_is_wide(fa) ? 2 : 1)) == 0;
}

int hx_string_compare(hx_runtime *rt, hx_string *a, hx_string *b) {
    hx_string *fa = hx_string_flat(rt, a), *fb = hx_string_flat(rt, b);
    if (!fa || !fb) return 0;
    uint32_t n = fa->len < fb->len ? fa->len : fb->len;
    if (!hx_str_is_wide(fa) && !hx_str_is_wide(fb)) {
        int c = memcmp(hx_str_latin1(fa), hx_str_latin1(fb), n);
        if (c) return c < 0 ? -1 : 1;
    } else {
        for (uint32_t i = 0; i < n; i++) {
            uint16_t x = hx_string_char_at(fa, i), y = hx_string_char_at(fb, i);
            if (x != y) return x < y ? -1 : 1;
        }
    }
    return fa->len < fb->len ? -1 : fa->len > fb->len ? 1 : 0;
}

hx_value hx_string_substring(hx_runtime *rt, hx_string *s, uint32_t start, uint32_t end) {
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return HX_EXCEPTION;
    if (start == 0 && end == f->len) return hx_string_value(f);
    if (!hx_str_is_wide(f)) return hx_string_from_latin1(rt, hx_str_latin1(f) + start, end - start);
    return hx_string_from_utf16(rt, hx_str_utf16(f) + start, end - start);
}

int32_t hx_string_index_of(hx_runtime *rt, hx_string *hay, hx_string *needle, uint32_t from) {
    hx_string *h = hx_string_flat(rt, hay), *n = hx_string_flat(rt, needle);
    if (!h || !n) return -1;
    if (n->len == 0) return from <= h->len ? (int32_t)from : -1;
    if (n->len > h->len) return -1;
    uint16_t first = hx_string_char_at(n, 0);
    for (uint32_t i = from; i + n->len <= h->len; i++) {
        if (hx_string_char_at(h, i) != first) continue;
        uint32_t k = 1;
        while (k < n->len && hx_string_char_at(h, i + k) == hx_string_char_at(n, k)) k++;
        if (k == n->len) return (int32_t)i;
    }
    return -1;
}

static char *to_utf8(hx_runtime *rt, hx_string *s, size_t *len_out, bool wtf8);

char *hx_string_to_utf8(hx_runtime *rt, hx_string *s, size_t *len_out) { return to_utf8(rt, s, len_out, false); }

/* As UTF-8, but a lone surrogate is encoded as its own 3-byte sequence
 * (WTF-8), so source text built from strings keeps it (eval, Function). */
char *hx_string_to_wtf8(hx_runtime *rt, hx_string *s, size_t *len_out) { return to_utf8(rt, s, len_out, true); }

static char *to_utf8(hx_runtime *rt, hx_string *s, size_t *len_out, bool wtf8) {
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return NULL;
    size_t cap = (size_t)f->len * 3 + 1, k = 0;
    char *out = hx_mem_alloc(rt, cap);
    if (!out) return NULL;
    for (uint32_t i = 0; i < f->len; i++) {
        uint32_t c = hx_string_char_at(f, i);
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < f->len) {
            uint32_t d = hx_string_char_at(f, i + 1);
            if (d >= 0xDC00 && d <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
                i++;
            }
        }
        if (c >= 0xD800 && c <= 0xDFFF && !wtf8) c = 0xFFFD;
        if (c < 0x80) out[k++] = (char)c;
        else if (c < 0x800) {
            out[k++] = (char)(0xC0 | (c >> 6));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out[k++] = (char)(0xE0 | (c >> 12));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[k++] = (char)(0xF0 | (c >> 18));
            out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    out[k] = 0;
    /* Shrink so that hx_mem_free can later be given the exact size, len + 1. */
    char *shrunk = hx_mem_realloc(rt, out, cap, k + 1);
    if (!shrunk) {
        hx_mem_free(rt, out, cap);
        return NULL;
    }
    out = shrunk;
    if (len_out) *len_out = k;
    return out;
}

/* ---- String builder ---------------------------------------------------- */

void hx_sb_init(hx_sb *sb, hx_runtime *rt) {
    memset(sb, 0, sizeof *sb);
    sb->rt = rt;
}

static bool sb_grow(hx_sb *sb, uint32_t extra, bool wide) {
    if (sb->failed) return false;
    if (wide && !sb->wide) {
        /* widen the Latin-1 buffer in place (a new buffer twice the size) */
        uint32_t ncap = (sb->len + extra) * 2 + 16;
        uint16_t *n = hx_mem_alloc(sb->rt, (size_t)ncap * 2);
        if (!n) return sb->failed = true, false;
        for (uint32_t i = 0; i < sb->len; i++) n[i] = sb->buf[i];
        hx_mem_free(sb->rt, sb->buf, sb->cap);
        sb->buf = (uint8_t *)n;
        sb->cap = ncap;
        sb->wide = true;
        return true;
    }
    if ((uint64_t)sb->len + extra > HX_MAX_STRING_LENGTH) return sb->failed = true, false;
    if (sb->len + extra <= sb->cap) return true;
    uint32_t ncap = (sb->len + extra) * 2 + 16;
    if (ncap > HX_MAX_STRING_LENGTH + 16u) ncap = HX_MAX_STRING_LENGTH + 16u;
    size_t unit = sb->wide ? 2 : 1;
    uint8_t *n = hx_mem_realloc(sb->rt, sb->buf, sb->cap * unit, ncap * unit);
    if (!n) return sb->failed = true, false;
    sb->buf = n;
    sb->cap = ncap;
    return true;
}

void hx_sb_add_unit(hx_sb *sb, uint16_t u) {
    if (!sb_grow(sb, 1, u > 0xFF)) return;
    if (sb->wide) ((uint16_t *)sb->buf)[sb->len++] = u;
    else sb->buf[sb->len++] = (uint8_t)u;
}

void hx_sb_add_char(hx_sb *sb, uint32_t c) {
    if (c >= 0x10000) {
        c -= 0x10000;
        hx_sb_add_unit(sb, (uint16_t)(0xD800 + (c >> 10)));
        hx_sb_add_unit(sb, (uint16_t)(0xDC00 + (c & 0x3FF)));
    } else
        hx_sb_add_unit(sb, (uint16_t)c);
}

void hx_sb_add_latin1(hx_sb *sb, const uint8_t *s, size_t n) {
    if (n == 0) return;
    if (!sb_grow(sb, (uint32_t)n, false)) return;
    if (sb->wide)
        for (size_t i = 0; i < n; i++) ((uint16_t *)sb->buf)[sb->len++] = s[i];
    else {
        memcpy(sb->buf + sb->len, s, n);
        sb->len += (uint32_t)n;
    }
}

void hx_sb_add_cstr(hx_sb *sb, const char *s) { hx_sb_add_latin1(sb, (const uint8_t *)s, strlen(s)); }

void hx_sb_add_string(hx_sb *sb, hx_string *s) {
    hx_string *f = hx_string_flat(sb->rt, s);
    if (!f) {
        sb->failed = true;
        return;
    }
    if (!hx_str_is_wide(f)) {
        hx_sb_add_latin1(sb, hx_str_latin1(f), f->len);
        return;
    }
    if (!sb_grow(sb, f->len, true)) return;
    memcpy((uint16_t *)sb->buf + sb->len, hx_str_utf16(f), (size_t)f->len * 2);
    sb->len += f->len;
}

hx_value hx_sb_finish(hx_sb *sb) {
    hx_value v;
    if (sb->failed) {
        hx_sb_free(sb);
        if (!sb->rt->has_exception) return hx_throw_range_error(sb->rt->current_realm, "Invalid string length");
        return HX_EXCEPTION;
    }
    if (sb->wide) v = hx_string_from_utf16(sb->rt, (uint16_t *)sb->buf, sb->len);
    else v = hx_string_from_latin1(sb->rt, sb->buf, sb->len);
    hx_sb_free(sb);
    return v;
}

void hx_sb_free(hx_sb *sb) {
    hx_mem_free(sb->rt, sb->buf, (size_t)sb->cap * (sb->wide ? 2 : 1));
    sb->buf = NULL;
    sb->cap = sb->len = 0;
}
