/*
 * string_normalize.h — Unicode normalization (UAX #15: NFC, NFD, NFKC, NFKD)
 * for String.prototype.normalize, and the layout of its generated tables
 * (string_normalize_tables.c, made by tools/gen-normalize.py).
 */
#ifndef HX_BUILTINS_STRING_NORMALIZE_H
#define HX_BUILTINS_STRING_NORMALIZE_H

#include <stddef.h>
#include <stdint.h>
#include "vm/vm.h"

enum { HX_NFC, HX_NFD, HX_NFKC, HX_NFKD };

/* The normalization form `form` of the flat string s (ES2025 22.1.3.15
 * step 6); HX_EXCEPTION on OOM or when the result is too long. */
hx_value hx_string_normalize(hx_realm *realm, hx_string *s, int form);

/* Canonical_Combining_Class: code points lo..hi (inclusive) have class ccc;
 * sorted, disjoint; absent code points have class 0. */
typedef struct hx_norm_ccc_range {
    uint32_t lo, hi;
    uint8_t ccc;
} hx_norm_ccc_range;

/* Full (recursively expanded) decompositions of cp: the canonical one is
 * hx_norm_pool[offset .. offset+canon_len), the compatibility one follows it
 * (compat_len code points; 0 when it equals the canonical one).  Sorted by
 * cp.  Hangul syllables are decomposed algorithmically and are absent. */
typedef struct hx_norm_decomp {
    uint32_t cp;
    uint16_t offset;
    uint8_t canon_len, compat_len;
} hx_norm_decomp;

/* Primary composites: first + second -> composite, sorted by (first, second). */
typedef struct hx_norm_pair {
    uint32_t first, second, composite;
} hx_norm_pair;

extern const hx_norm_ccc_range hx_norm_ccc[];
extern const size_t hx_norm_ccc_count;
extern const uint32_t hx_norm_pool[];
extern const hx_norm_decomp hx_norm_decomps[];
extern const size_t hx_norm_decomp_count;
extern const hx_norm_pair hx_norm_pairs[];
extern const size_t hx_norm_pair_count;

#endif
