/*
 * value.h — the NaN-boxed value representation (DESIGN.md §3).
 *
 * A value is 64 bits.  Doubles are stored as themselves, with every NaN
 * canonicalised to HX_CANON_NAN so that the top 16 bits of a double are never
 * 0xFFF9..0xFFFF.  Those bit patterns carry a tag in the top 16 bits:
 *
 *   0xFFF9  int32 in the low 32 bits (also used, unsigned, for index keys)
 *   0xFFFA  special: undefined, null, false, true, hole, exception, uninit
 *   0xFFFB  pointer to an object cell
 *   0xFFFC  pointer to a string cell
 *   0xFFFD  pointer to a symbol cell
 *   0xFFFE  pointer to a bigint cell
 *   0xFFFF  pointer to an internal cell (templates, contexts, shapes, ...)
 *
 * Invariant: a double produced by arithmetic must go through hx_double()
 * (which canonicalises NaN) before it becomes a value.
 */
#ifndef HX_VALUE_H
#define HX_VALUE_H

#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <math.h>

typedef uint64_t hx_value;

#define HX_TAG_INT 0xFFF9u
#define HX_TAG_SPECIAL 0xFFFAu
#define HX_TAG_OBJECT 0xFFFBu
#define HX_TAG_STRING 0xFFFCu
#define HX_TAG_SYMBOL 0xFFFDu
#define HX_TAG_BIGINT 0xFFFEu
#define HX_TAG_CELL 0xFFFFu

#define HX_MAKE(tag, low) (((uint64_t)(tag) << 48) | (uint64_t)(low))
#define HX_TAG(v) ((uint32_t)((v) >> 48))
#define HX_PAYLOAD(v) ((v) & 0xFFFFFFFFFFFFull)

#define HX_CANON_NAN 0x7FF8000000000000ull

#define HX_UNDEFINED HX_MAKE(HX_TAG_SPECIAL, 0)
#define HX_NULL HX_MAKE(HX_TAG_SPECIAL, 1)
#define HX_FALSE HX_MAKE(HX_TAG_SPECIAL, 2)
#define HX_TRUE HX_MAKE(HX_TAG_SPECIAL, 3)
#define HX_HOLE HX_MAKE(HX_TAG_SPECIAL, 4)      /* missing array element */
#define HX_EXCEPTION HX_MAKE(HX_TAG_SPECIAL, 5) /* "an exception is pending" marker */
#define HX_UNINIT HX_MAKE(HX_TAG_SPECIAL, 6)    /* binding in its temporal dead zone */

static inline bool hx_is_double(hx_value v) { return v < 0xFFF9000000000000ull; }
static inline bool hx_is_int(hx_value v) { return HX_TAG(v) == HX_TAG_INT; }
static inline bool hx_is_number(hx_value v) { return v < 0xFFFA000000000000ull; }
static inline bool hx_is_undefined(hx_value v) { return v == HX_UNDEFINED; }
static inline bool hx_is_null(hx_value v) { return v == HX_NULL; }
static inline bool hx_is_nullish(hx_value v) { return v == HX_UNDEFINED || v == HX_NULL; }
static inline bool hx_is_bool(hx_value v) { return v == HX_TRUE || v == HX_FALSE; }
static inline bool hx_is_exception(hx_value v) { return v == HX_EXCEPTION; }
static inline bool hx_is_object(hx_value v) { return HX_TAG(v) == HX_TAG_OBJECT; }
static inline bool hx_is_string(hx_value v) { return HX_TAG(v) == HX_TAG_STRING; }
static inline bool hx_is_symbol(hx_value v) { return HX_TAG(v) == HX_TAG_SYMBOL; }
static inline bool hx_is_bigint(hx_value v) { return HX_TAG(v) == HX_TAG_BIGINT; }
static inline bool hx_is_cell(hx_value v) { return HX_TAG(v) == HX_TAG_CELL; }
static inline bool hx_is_heap(hx_value v) { return HX_TAG(v) >= HX_TAG_OBJECT; }

static inline int32_t hx_get_int(hx_value v) { return (int32_t)(uint32_t)v; }
static inline hx_value hx_int(int32_t i) { return HX_MAKE(HX_TAG_INT, (uint32_t)i); }

static inline double hx_get_double(hx_value v) {
    double d;
    memcpy(&d, &v, 8);
    return d;
}
/* Any double, NaN canonicalised. */
static inline hx_value hx_double(double d) {
    hx_value v;
    if (d != d) return HX_CANON_NAN;
    memcpy(&v, &d, 8);
    return v;
}
/* A number value, using the int32 form when d is an int32 (but not -0). */
static inline hx_value hx_number(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) {
        int32_t i = (int32_t)d;
        if ((double)i == d && !(i == 0 && signbit(d))) return hx_int(i);
    }
    return hx_double(d);
}
static inline double hx_to_double_fast(hx_value v) {
    return hx_is_int(v) ? (double)hx_get_int(v) : hx_get_double(v);
}
static inline hx_value hx_bool(bool b) { return b ? HX_TRUE : HX_FALSE; }

static inline void *hx_get_ptr(hx_value v) { return (void *)(uintptr_t)HX_PAYLOAD(v); }
#define HX_PTR_VALUE(tag, p) HX_MAKE(tag, (uint64_t)(uintptr_t)(p))

#endif
