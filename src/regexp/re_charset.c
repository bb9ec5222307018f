/*
 * re_charset.c — code point sets for character classes: sorted range lists
 * with union / intersection / difference / complement, case
 * canonicalization (ES2025 22.2.2.7.3 Canonicalize), and the string sets of
 * the v flag (ES2025 22.2.2.9 CharSet elements that are strings).
 * Every operation keeps ranges normalized (sorted, disjoint, non-adjacent)
 * and returns false only on allocation failure.
 */
#include <stdlib.h>
#include <string.h>

#include "regexp/re_internal.h"
#include "unicode/unicode.h"

static bool reserve(re_ranges *s, size_t n) {
    if (n <= s->cap) return true;
    size_t cap = s->cap ? s->cap * 2 : 8;
    while (cap < n)
        cap *= 2;
    uint32_t *r = realloc(s->r, cap * 2 * sizeof(uint32_t));
    if (!r) return false;
    s->r = r;
    s->cap = cap;
    return true;
}

bool hx_re_ranges_add(re_ranges *s, uint32_t lo, uint32_t hi) {
    if (!reserve(s, s->n + 1)) return false;
    s->r[2 * s->n] = lo;
    s->r[2 * s->n + 1] = hi;
    s->n++;
    return true;
}

static int cmp_range(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

void hx_re_ranges_normalize(re_ranges *s) {
    if (s->n < 2) return;
    qsort(s->r, s->n, 2 * sizeof(uint32_t), cmp_range);
    size_t out = 0;
    for (size_t i = 1; i < s->n; i++) {
        uint32_t lo = s->r[2 * i], hi = s->r[2 * i + 1];
        if (lo <= s->r[2 * out + 1] + 1ull) {
            if (hi > s->r[2 * out + 1]) s->r[2 * out + 1] = hi;
        } else {
            out++;
            s->r[2 * out] = lo;
            s->r[2 * out + 1] = hi;
        }
    }
    s->n = out + 1;
}

void hx_re_ranges_free(re_ranges *s) {
    free(s->r);
    s->r = NULL;
    s->n = s->cap = 0;
}

bool hx_re_ranges_contains(const re_ranges *s, uint32_t c) {
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < s->r[2 * mid])
            hi = mid;
        else if (c > s->r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

bool hx_re_ranges_copy(re_ranges *dst, const re_ranges *src) {
    dst->n = 0;
    if (!reserve(dst, src->n)) return false;
    if (src->n) memcpy(dst->r, src->r, src->n * 2 * sizeof(uint32_t));
    dst->n = src->n;
    return true;
}

bool hx_re_ranges_union(re_ranges *dst, const re_ranges *b) {
    if (!reserve(dst, dst->n + b->n)) return false;
    if (b->n) memcpy(dst->r + 2 * dst->n, b->r, b->n * 2 * sizeof(uint32_t));
    dst->n += b->n;
    hx_re_ranges_normalize(dst);
    return true;
}

bool hx_re_ranges_intersect(re_ranges *dst, const re_ranges *b) {
    re_ranges out = {0};
    size_t i = 0, j = 0;
    while (i < dst->n && j < b->n) {
        uint32_t lo = dst->r[2 * i] > b->r[2 * j] ? dst->r[2 * i] : b->r[2 * j];
        uint32_t hi = dst->r[2 * i + 1] < b->r[2 * j + 1] ? dst->r[2 * i + 1] : b->r[2 * j + 1];
        if (lo <= hi && !hx_re_ranges_add(&out, lo, hi)) {
            hx_re_ranges_free(&out);
            return false;
        }
        if (dst->r[2 * i + 1] < b->r[2 * j + 1])
            i++;
        else
            j++;
    }
    hx_re_ranges_free(dst);
    *dst = out;
    return true;
}

bool hx_re_ranges_complement(re_ranges *dst, uint32_t maxc) {
    re_ranges out = {0};
    uint32_t next = 0;
    bool ok = true;
    for (size_t i = 0; i < dst->n && ok; i++) {
        if (dst->r[2 * i] > maxc) break;
        if (dst->r[2 * i] > next) ok = hx_re_ranges_add(&out, next, dst->r[2 * i] - 1);
        next = dst->r[2 * i + 1] + 1;
        if (dst->r[2 * i + 1] >= maxc) next = maxc + 1;
    }
    if (ok && next <= maxc) ok = hx_re_ranges_add(&out, next, maxc);
    if (!ok) {
        hx_re_ranges_free(&out);
        return false;
    }
    hx_re_ranges_free(dst);
    *dst = out;
    return true;
}

bool hx_re_ranges_subtract(re_ranges *dst, const re_ranges *b) {
    re_ranges nb = {0};
    if (!hx_re_ranges_copy(&nb, b) || !hx_re_ranges_complement(&nb, 0x10FFFF)) {
        hx_re_ranges_free(&nb);
        return false;
    }
    bool ok = hx_re_ranges_intersect(dst, &nb);
    hx_re_ranges_free(&nb);
    return ok;
}

/* ES2025 22.2.2.7.3 Canonicalize(rer, ch) with rer.[[IgnoreCase]] true. */
uint32_t hx_re_canon(uint32_t c, bool unicode) {
    if (c < 128) {
        if (unicode) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    }
    if (unicode) return hx_unicode_simple_fold(c); /* step 1: scf */
    /* Steps 3-7: toUppercase, keep ch unless the result is one code unit
     * and does not map non-ASCII to ASCII. */
    uint32_t u[3];
    if (hx_unicode_full_upper(c, u) != 1 || u[0] > 0xFFFF || u[0] < 128) return c;
    return u[0];
}

bool hx_re_noncanonical_set(re_ranges *out, bool unicode) {
    size_t n;
    const hx_unicode_case_run *runs =
        hx_unicode_case_runs(unicode ? HX_UNICODE_MAP_FOLD : HX_UNICODE_MAP_UPPER, &n);
    out->n = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < runs[i].len; k++) {
            uint32_t c = runs[i].start + k * runs[i].step;
            if (hx_re_canon(c, unicode) != c && !hx_re_ranges_add(out, c, c)) return false;
        }
    /* ASCII is handled inline by hx_re_canon, not by the tables. */
    if (!hx_re_ranges_add(out, unicode ? 'A' : 'a', unicode ? 'Z' : 'z')) return false;
    hx_re_ranges_normalize(out);
    return true;
}

bool hx_re_ranges_canonicalize(re_ranges *s, bool unicode) {
    re_ranges nc = {0}, add = {0};
    bool ok = hx_re_noncanonical_set(&nc, unicode);
    for (size_t i = 0; ok && i < nc.n; i++)
        for (uint32_t c = nc.r[2 * i]; ok && c <= nc.r[2 * i + 1]; c++)
            if (hx_re_ranges_contains(s, c)) {
                uint32_t k = hx_re_canon(c, unicode);
                ok = hx_re_ranges_add(&add, k, k);
            }
    ok = ok && hx_re_ranges_subtract(s, &nc) && hx_re_ranges_union(s, &add);
    hx_re_ranges_free(&nc);
    hx_re_ranges_free(&add);
    return ok;
}

/* ---- string sets ---- */

void hx_re_cset_free(re_cset *s) {
    hx_re_ranges_free(&s->cps);
    free(s->strs);
    s->strs = NULL;
    s->strs_len = s->strs_cap = s->nstr = 0;
}

static bool has_string(const re_cset *s, const uint32_t *cp, size_t n) {
    for (size_t i = 0; i < s->strs_len; i += 1 + s->strs[i])
        if (s->strs[i] == n && memcmp(s->strs + i + 1, cp, n * sizeof(uint32_t)) == 0) return true;
    return false;
}

bool hx_re_cset_add_string(re_cset *s, const uint32_t *cp, size_t n) {
    if (n == 1) return hx_re_ranges_add(&s->cps, cp[0], cp[0]); /* caller normalizes */
    if (has_string(s, cp, n)) return true;
    if (s->strs_len + n + 1 > s->strs_cap) {
        size_t cap = s->strs_cap ? s->strs_cap * 2 : 64;
        while (cap < s->strs_len + n + 1)
            cap *= 2;
        uint32_t *p = realloc(s->strs, cap * sizeof(uint32_t));
        if (!p) return false;
        s->strs = p;
        s->strs_cap = cap;
    }
    s->strs[s->strs_len] = (uint32_t)n;
    if (n) memcpy(s->strs + s->strs_len + 1, cp, n * sizeof(uint32_t));
    s->strs_len += n + 1;
    s->nstr++;
    return true;
}

bool hx_re_cset_union(re_cset *dst, const re_cset *b) {
    if (!hx_re_ranges_union(&dst->cps, &b->cps)) return false;
    for (size_t i = 0; i < b->strs_len; i += 1 + b->strs[i])
        if (!hx_re_cset_add_string(dst, b->strs + i + 1, b->strs[i])) return false;
    return true;
}

/* Keeps the strings of dst that are (keep=true) or are not (keep=false) in b. */
static void filter_strings(re_cset *dst, const re_cset *b, bool keep) {
    size_t out = 0, n = 0;
    for (size_t i = 0; i < dst->strs_len;) {
        size_t len = dst->strs[i];
        if (has_string(b, dst->strs + i + 1, len) == keep) {
            memmove(dst->strs + out, dst->strs + i, (len + 1) * sizeof(uint32_t));
            out += len + 1;
            n++;
        }
        i += len + 1;
    }
    dst->strs_len = out;
    dst->nstr = n;
}

bool hx_re_cset_intersect(re_cset *dst, const re_cset *b) {
    filter_strings(dst, b, true);
    return hx_re_ranges_intersect(&dst->cps, &b->cps);
}

bool hx_re_cset_subtract(re_cset *dst, const re_cset *b) {
    filter_strings(dst, b, false);
    return hx_re_ranges_subtract(&dst->cps, &b->cps);
}

bool hx_re_cset_canonicalize(re_cset *s, bool unicode) {
    if (!hx_re_ranges_canonicalize(&s->cps, unicode)) return false;
    if (!s->nstr) return true;
    re_cset old = *s;
    s->strs = NULL;
    s->strs_len = s->strs_cap = s->nstr = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < old.strs_len; i += 1 + old.strs[i]) {
        uint32_t *p = old.strs + i + 1;
        for (size_t k = 0; k < old.strs[i]; k++)
            p[k] = hx_re_canon(p[k], unicode);
        ok = hx_re_cset_add_string(s, p, old.strs[i]);
    }
    free(old.strs);
    return ok;
}
