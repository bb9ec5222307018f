/*
 * unicode.h — Unicode character data the engine needs, from tables generated
 * out of the Unicode Character Database (see src/unicode/README.md for the
 * generator and the UCD version).  Code points are uint32_t (0..0x10FFFF).
 */
#ifndef HX_UNICODE_H
#define HX_UNICODE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* ID_Start / ID_Continue (identifier characters, ES2025 12.7; '$', '_',
 * ZWNJ and ZWJ are handled by the lexer, not here). */
bool hx_unicode_is_id_start(uint32_t c);
bool hx_unicode_is_id_continue(uint32_t c);

/* WhiteSpace (ES2025 12.2): TAB VT FF ZWNBSP and category Zs. */
bool hx_unicode_is_space(uint32_t c);

/* Simple case conversions (UnicodeData.txt fields 12/13); return c itself if none. */
uint32_t hx_unicode_simple_upper(uint32_t c);
uint32_t hx_unicode_simple_lower(uint32_t c);

/* Full case conversion (SpecialCasing.txt unconditional mappings + simple):
 * writes up to 3 code points to out and returns their count. */
int hx_unicode_full_upper(uint32_t c, uint32_t out[3]);
int hx_unicode_full_lower(uint32_t c, uint32_t out[3]);

/* Simple case folding (CaseFolding.txt status C and S), for /u and /v regexps. */
uint32_t hx_unicode_simple_fold(uint32_t c);

/* A run of a simple case mapping: code point start + k*step maps to
 * start + k*step + delta for 0 <= k < len.  A table's runs are sorted by
 * start and never overlap. */
typedef struct hx_unicode_case_run {
    uint32_t start;
    int32_t delta;
    uint16_t len;
    uint8_t step;
} hx_unicode_case_run;

typedef enum hx_unicode_map {
    HX_UNICODE_MAP_UPPER, /* UnicodeData.txt simple uppercase */
    HX_UNICODE_MAP_LOWER, /* UnicodeData.txt simple lowercase */
    HX_UNICODE_MAP_FOLD   /* CaseFolding.txt status C + S */
} hx_unicode_map;

/* The runs of one mapping (static storage); *count receives their number.
 * Lets the regexp compiler enumerate every code point a mapping moves. */
const hx_unicode_case_run *hx_unicode_case_runs(hx_unicode_map which, size_t *count);

/* RegExp property escapes (ES2025 22.2.2.9 UnicodeMatchProperty /
 * UnicodeMatchPropertyValue).  Names are ASCII and matched exactly (no loose
 * matching).  With value == NULL, `name` is a lone General_Category value or a
 * binary property (ES2025 tables 67 and 69); otherwise name is
 * General_Category/gc, Script/sc or Script_Extensions/scx and value one of its
 * values.  Returns a property handle >= 0, or -1 if unknown. */
int hx_unicode_property_lookup(const char *name, size_t name_len, const char *value,
                               size_t value_len);

/* Writes the code point ranges of a property as pairs out[2k] = lo,
 * out[2k+1] = hi (sorted, disjoint, inclusive) for up to max ranges, and
 * returns the total number of ranges; call again with more room if larger
 * than max. */
size_t hx_unicode_property_ranges(int prop, uint32_t *out, size_t max);

/* Properties of strings (ES2025 table 68, emoji sequences; /v only).
 * Returns a handle >= 0 or -1 if name is not one. */
int hx_unicode_string_property_lookup(const char *name, size_t name_len);

/* The single code points of a property of strings, as for
 * hx_unicode_property_ranges. */
size_t hx_unicode_string_property_ranges(int sprop, uint32_t *out, size_t max);

/* Longest sequence in any property of strings. */
#define HX_UNICODE_MAX_SEQUENCE 16

/* Iterates the multi-code-point strings of a property of strings: start
 * with *cursor = 0; each call writes one string to out (at most
 * HX_UNICODE_MAX_SEQUENCE code points), stores its length in *n and returns
 * true, or returns false when there are no more. */
bool hx_unicode_string_property_next(int sprop, size_t *cursor, uint32_t *out, size_t *n);

#endif
