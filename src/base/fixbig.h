/*
 * fixbig.h — fixed-capacity unsigned big integers on the stack, for the
 * exact decimal<->binary conversions in numconv.c and numparse.c.  The
 * capacity covers every intermediate those algorithms form (the largest is
 * about 5^1130 * 2^70 while parsing a long decimal near the subnormal
 * range, under 2,800 bits); callers size their operands with that bound in
 * mind, so the routines do not check for overflow.
 */
#ifndef HX_FIXBIG_H
#define HX_FIXBIG_H

#include "base/limbs.h"

#include <stdbool.h>

#define HX_FIXBIG_LIMBS 160

typedef struct hx_fixbig {
    size_t n; /* normalized length */
    hx_limb d[HX_FIXBIG_LIMBS];
} hx_fixbig;

void hx_fixbig_set_u64(hx_fixbig *x, uint64_t v);
/* x = x * m + add */
void hx_fixbig_mul_add(hx_fixbig *x, hx_limb m, hx_limb add);
/* x *= 10^e, x *= 5^e */
void hx_fixbig_mul_pow10(hx_fixbig *x, unsigned e);
void hx_fixbig_mul_pow5(hx_fixbig *x, unsigned e);
/* x <<= bits */
void hx_fixbig_shl(hx_fixbig *x, unsigned bits);
/* Three-way comparison. */
int hx_fixbig_cmp(const hx_fixbig *a, const hx_fixbig *b);
/* Compares a + b with c. */
int hx_fixbig_cmp_sum(const hx_fixbig *a, const hx_fixbig *b, const hx_fixbig *c);
/* a -= b, requires a >= b */
void hx_fixbig_sub(hx_fixbig *a, const hx_fixbig *b);
/* Returns q = floor(r / s) and sets r = r - q s; requires q < 2^32. */
hx_limb hx_fixbig_divrem_small(hx_fixbig *r, const hx_fixbig *s);
/* The double nearest to x (round half to even). */
double hx_fixbig_to_double(const hx_fixbig *x);

#endif
