/*
 * unicode.c — per-code-point lookups over the generated tables in
 * unicode_tables.c: identifier characters, white space, case mappings.
 * ASCII and Latin-1 take fast paths; the rest is a binary search over
 * sorted range or run tables (see unicode_tables.h for their layout).
 */
#include "unicode/unicode_tables.h"

/* Binary search in a sorted table of inclusive [lo, hi] pairs. */
static bool in_ranges(const uint32_t *r, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[2 * mid])
            hi = mid;
        else if (c > r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static bool latin1_bit(const uint32_t bits[8], uint32_t c) {
    return (bits[c >> 5] >> (c & 31)) & 1;
}

bool hx_unicode_is_id_start(uint32_t c) {
    if (c < 256) return latin1_bit(hx_unicode_id_start_latin1, c);
    return in_ranges(hx_unicode_id_start_ranges, hx_unicode_id_start_ranges_len, c);
}

bool hx_unicode_is_id_continue(uint32_t c) {
    if (c < 256) return latin1_bit(hx_unicode_id_continue_latin1, c);
    return in_ranges(hx_unicode_id_continue_ranges, hx_unicode_id_continue_ranges_len, c);
}

bool hx_unicode_is_space(uint32_t c) {
    /* ES2025 12.2: <TAB> <VT> <FF> <ZWNBSP> and every Zs character. */
    if (c < 128) return c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C;
    if (c == 0xFEFF) return true;
    return in_ranges(hx_unicode_zs_ranges, hx_unicode_zs_ranges_len, c);
}

/* Finds the run covering c (the last run starting at or below c). */
static uint32_t map_runs(const hx_unicode_case_run *runs, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (runs[mid].start <= c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return c;
    const hx_unicode_case_run *r = &runs[lo - 1];
    uint32_t off = c - r->start;
    if (off % r->step == 0 && off / r->step < r->len) return (uint32_t)((int32_t)c + r->delta);
    return c;
}

uint32_t hx_unicode_simple_upper(uint32_t c) {
    if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return map_runs(hx_unicode_upper_runs, hx_unicode_upper_runs_len, c);
}

uint32_t hx_unicode_simple_lower(uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return map_runs(hx_unicode_lower_runs, hx_unicode_lower_runs_len, c);
}

uint32_t hx_unicode_simple_fold(uint32_t c) {
    if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return map_runs(hx_unicode_fold_runs, hx_unicode_fold_runs_len, c);
}

static const hx_unicode_special_case *find_special(const hx_unicode_special_case *t, size_t n,
                                                   uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (t[mid].c < c)
            lo = mid + 1;
        else if (t[mid].c > c)
            hi = mid;
        else
            return &t[mid];
    }
    return NULL;
}

static int full_map(const hx_unicode_special_case *t, size_t n, uint32_t c, uint32_t out[3]) {
    const hx_unicode_special_case *s = find_special(t, n, c);
    if (!s) return 0;
    for (uint32_t i = 0; i < s->n; i++)
        out[i] = s->to[i];
    return (int)s->n;
}

int hx_unicode_full_upper(uint32_t c, uint32_t out[3]) {
    int n = c < 128 ? 0 : full_map(hx_unicode_special_upper, hx_unicode_special_upper_len, c, out);
    if (n) return n;
    out[0] = hx_unicode_simple_upper(c);
    return 1;
}

int hx_unicode_full_lower(uint32_t c, uint32_t out[3]) {
    int n = c < 128 ? 0 : full_map(hx_unicode_special_lower, hx_unicode_special_lower_len, c, out);
    if (n) return n;
    out[0] = hx_unicode_simple_lower(c);
    return 1;
}

const hx_unicode_case_run *hx_unicode_case_runs(hx_unicode_map which, size_t *count) {
    switch (which) {
    case HX_UNICODE_MAP_UPPER: *count = hx_unicode_upper_runs_len; return hx_unicode_upper_runs;
    case HX_UNICODE_MAP_LOWER: *count = hx_unicode_lower_runs_len; return hx_unicode_lower_runs;
    default: *count = hx_unicode_fold_runs_len; return hx_unicode_fold_runs;
    }
}
