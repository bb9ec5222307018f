/*
 * limbs.h — unsigned multi-precision arithmetic on little-endian arrays of
 * 32-bit limbs.  This is the exact-arithmetic core under both the BigInt
 * library (bignum.c) and the number<->text conversions (numconv.c,
 * numparse.c).
 *
 * Conventions: a number is (pointer, length); limb 0 is the least
 * significant.  A "normalized" length has no zero top limb (zero has length
 * 0).  Functions never allocate; results go to caller arrays whose sizes are
 * stated per function, and the few algorithms that need temporary space take
 * a `scratch` array sized by the matching *_scratch() helper.  Unless a
 * function says otherwise, a result array must not overlap an input.
 */
#ifndef HX_LIMBS_H
#define HX_LIMBS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef uint32_t hx_limb;
#define HX_LIMB_BITS 32

/* Length of a[0..n) with zero top limbs removed. */
size_t hx_limbs_norm(const hx_limb *a, size_t n);

/* Three-way comparison (-1, 0, 1) of normalized a and b. */
int hx_limbs_cmp(const hx_limb *a, size_t an, const hx_limb *b, size_t bn);

/* r[0..an) = a + b with an >= bn; returns the carry out (0 or 1).  r may be a. */
hx_limb hx_limbs_add(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn);

/* r[0..an) = a - b with an >= bn; returns the borrow out (0 or 1; 0 when
 * a >= b).  r may be a. */
hx_limb hx_limbs_sub(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn);

/* r[0..n) = a * m + carry; returns the limb that does not fit.  r may be a. */
hx_limb hx_limbs_mul_1(hx_limb *r, const hx_limb *a, size_t n, hx_limb m, hx_limb carry);

/* r[0..n) += a * m; returns the carry limb out of r[n-1]. */
hx_limb hx_limbs_addmul_1(hx_limb *r, const hx_limb *a, size_t n, hx_limb m);

/* q[0..n) = a / d, returns a % d (d != 0).  q may be a. */
hx_limb hx_limbs_divmod_1(hx_limb *q, const hx_limb *a, size_t n, hx_limb d);

/* r[0..n) = a << s (0 <= s < 32); returns the bits shifted out at the top.
 * r may be a. */
hx_limb hx_limbs_shl(hx_limb *r, const hx_limb *a, size_t n, unsigned s);

/* r[0..n) = a >> s (0 <= s < 32); returns the bits shifted out at the bottom
 * (in the high bits of the returned limb).  r may be a. */
hx_limb hx_limbs_shr(hx_limb *r, const hx_limb *a, size_t n, unsigned s);

/* Temporary limbs hx_limbs_mul needs for operands of an and bn limbs. */
size_t hx_limbs_mul_scratch(size_t an, size_t bn);

/* r[0..an+bn) = a * b (schoolbook below HX_LIMBS_KARATSUBA limbs, Karatsuba
 * above).  r must not overlap a, b or scratch. */
void hx_limbs_mul(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn,
                  hx_limb *scratch);
#define HX_LIMBS_KARATSUBA 40

/* Temporary limbs hx_limbs_divmod needs. */
size_t hx_limbs_divmod_scratch(size_t an, size_t bn);

/* Knuth's algorithm D (TAOCP 4.3.1): q[0..an-bn+1) = a / b and
 * r[0..bn) = a % b, for an >= bn >= 1 and b[bn-1] != 0.  q or r may be
 * NULL when not wanted.  Outputs must not overlap inputs or scratch. */
void hx_limbs_divmod(hx_limb *q, hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b,
                     size_t bn, hx_limb *scratch);

/* Number of significant bits of normalized a (0 for zero). */
uint64_t hx_limbs_bitlen(const hx_limb *a, size_t n);

/* The double nearest to (a + e) * 2^exp2, where a is normalized and e is an
 * infinitesimal positive amount when `sticky` (some nonzero bits were cut
 * off below a) and zero otherwise.  Rounds half to even, produces
 * subnormals, zero and Infinity as IEEE 754 does. */
double hx_limbs_to_double(const hx_limb *a, size_t n, int64_t exp2, bool sticky);

#endif
