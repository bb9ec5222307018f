/*
 * bignum.h — arbitrary-precision signed integers for BigInt (ES2025 6.1.6.2).
 *
 * Representation: sign and magnitude.  hx_bignum describes a number stored
 * elsewhere (for the VM, inside a GC cell): `d` points to `len` 32-bit limbs,
 * least significant first, normalized (no zero top limb; zero is len 0 and
 * never negative).
 *
 * Memory contract: nothing here allocates a result.  For every operation a
 * sizing helper (hx_bignum_*_size) returns how many limbs the result may
 * need; the caller provides an output hx_bignum whose `d` has at least that
 * capacity (so the VM can allocate a GC cell of the right size first), and
 * the operation sets its `len` and `neg`.  Capacities are upper bounds; the
 * normalized result may be shorter.  Sizing helpers saturate at SIZE_MAX
 * instead of overflowing: compare their answer with HX_BIGNUM_MAX_LIMBS and
 * throw RangeError when it is larger.  Unless a function says otherwise, the
 * output must not share storage with an input.
 *
 * Operations that need temporary memory (multiply, divide, power, radix
 * conversion) take an hx_bignum_alloc; pass NULL to use malloc/free.  They
 * return 0, or -1 when that allocation failed (outputs are then undefined).
 * The scratch memory is always released before they return.
 */
#ifndef HX_BIGNUM_H
#define HX_BIGNUM_H

#include "base/limbs.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest BigInt Heron creates: 2^30 bits (the caller's RangeError
 * limit; operations themselves work for any size that fits in memory). */
#define HX_BIGNUM_MAX_BITS (UINT64_C(1) << 30)
#define HX_BIGNUM_MAX_LIMBS ((size_t)(HX_BIGNUM_MAX_BITS / HX_LIMB_BITS))

typedef struct hx_bignum {
    hx_limb *d;
    size_t len;
    bool neg;
} hx_bignum;

/* Scratch-memory callbacks.  alloc returns NULL on failure; free receives
 * the size that was allocated. */
typedef struct hx_bignum_alloc {
    void *(*alloc)(void *ud, size_t bytes);
    void (*free)(void *ud, void *p, size_t bytes);
    void *ud;
} hx_bignum_alloc;

/* ---- basic queries and conversions ---------------------------------- */

static inline bool hx_bignum_is_zero(const hx_bignum *a) { return a->len == 0; }

/* Three-way comparison of the mathematical values: -1, 0 or 1. */
int hx_bignum_cmp(const hx_bignum *a, const hx_bignum *b);

/* Exact comparison with a Number (ES2025 7.2.13 IsLessThan, 7.2.15
 * IsLooselyEqual): -1, 0 or 1, or HX_BIGNUM_UNORDERED when d is NaN.
 * Non-integral doubles and the infinities compare exactly. */
#define HX_BIGNUM_UNORDERED 2
int hx_bignum_cmp_double(const hx_bignum *a, double d);

/* 𝔽(ℝ(a)): the nearest double, ties to even; Infinity beyond the range
 * (ES2025 21.1.1.1 Number(value) step 2). */
double hx_bignum_to_double(const hx_bignum *a);

/* NumberToBigInt (ES2025 21.2.1.1.1) for an integral finite d (the caller
 * throws RangeError otherwise).  -0 gives 0. */
size_t hx_bignum_from_double_size(double d);
void hx_bignum_from_double(hx_bignum *r, double d);

/* int64/uint64 conversions for BigInt64Array/BigUint64Array: the "to"
 * direction wraps modulo 2^64 (BigInt::asIntN / asUintN with 64 bits). */
#define HX_BIGNUM_INT64_LIMBS 2
void hx_bignum_from_int64(hx_bignum *r, int64_t v);
void hx_bignum_from_uint64(hx_bignum *r, uint64_t v);
int64_t hx_bignum_to_int64(const hx_bignum *a);
uint64_t hx_bignum_to_uint64(const hx_bignum *a);

/* r = a (a plain copy into caller storage of a->len limbs). */
void hx_bignum_copy(hx_bignum *r, const hx_bignum *a);

/* ---- arithmetic (ES2025 6.1.6.2) ------------------------------------- */

/* r = -a (BigInt::unaryMinus).  Capacity a->len; r may be a. */
void hx_bignum_neg(hx_bignum *r, const hx_bignum *a);

/* r = a + b, r = a - b (BigInt::add / subtract). */
size_t hx_bignum_add_size(const hx_bignum *a, const hx_bignum *b);
void hx_bignum_add(hx_bignum *r, const hx_bignum *a, const hx_bignum *b);
void hx_bignum_sub(hx_bignum *r, const hx_bignum *a, const hx_bignum *b);

/* r = a * b (BigInt::multiply); Karatsuba for large operands. */
size_t hx_bignum_mul_size(const hx_bignum *a, const hx_bignum *b);
int hx_bignum_mul(hx_bignum *r, const hx_bignum *a, const hx_bignum *b,
                  const hx_bignum_alloc *al);

/* Truncating division (BigInt::divide / remainder): q = a / b rounded toward
 * zero, rem = a - q b with the sign of a.  b must be nonzero (the caller
 * throws RangeError).  q or rem may be NULL when not wanted. */
size_t hx_bignum_div_size(const hx_bignum *a, const hx_bignum *b);
size_t hx_bignum_rem_size(const hx_bignum *a, const hx_bignum *b);
int hx_bignum_divrem(hx_bignum *q, hx_bignum *rem, const hx_bignum *a, const hx_bignum *b,
                     const hx_bignum_alloc *al);

/* r = a ** e (BigInt::exponentiate) for e >= 0 (the caller throws
 * RangeError for negative exponents, and for an exponent above 2^64-1 when
 * the base is not 0, 1 or -1).  0 ** 0 is 1. */
size_t hx_bignum_pow_size(const hx_bignum *a, uint64_t e);
int hx_bignum_pow(hx_bignum *r, const hx_bignum *a, uint64_t e, const hx_bignum_alloc *al);

/* r = a * 2^n for n >= 0, floor(a / 2^-n) for n < 0 (BigInt::leftShift;
 * signedRightShift is a shift by -n).  The caller turns shift counts beyond
 * int64 into RangeError (left) or 0 / -1 (right) itself. */
size_t hx_bignum_shift_size(const hx_bignum *a, int64_t n);
void hx_bignum_shift(hx_bignum *r, const hx_bignum *a, int64_t n);

/* Bitwise operators on the infinite two's-complement form
 * (BigInt::bitwiseAND / OR / XOR, ES2025 6.1.6.2.20 BigIntBitwiseOp). */
size_t hx_bignum_bitop_size(const hx_bignum *a, const hx_bignum *b);
void hx_bignum_and(hx_bignum *r, const hx_bignum *a, const hx_bignum *b);
void hx_bignum_or(hx_bignum *r, const hx_bignum *a, const hx_bignum *b);
void hx_bignum_xor(hx_bignum *r, const hx_bignum *a, const hx_bignum *b);

/* r = ~a = -a - 1 (BigInt::bitwiseNOT). */
size_t hx_bignum_not_size(const hx_bignum *a);
void hx_bignum_not(hx_bignum *r, const hx_bignum *a);

/* BigInt.asIntN / BigInt.asUintN (ES2025 21.2.2.1, 21.2.2.2) for
 * 0 <= bits <= 2^53 - 1.  asUintN of a negative number needs bits/32 limbs,
 * which the size helper reports honestly (the caller throws RangeError when
 * it exceeds HX_BIGNUM_MAX_LIMBS). */
size_t hx_bignum_as_int_n_size(const hx_bignum *a, uint64_t bits);
void hx_bignum_as_int_n(hx_bignum *r, const hx_bignum *a, uint64_t bits);
size_t hx_bignum_as_uint_n_size(const hx_bignum *a, uint64_t bits);
void hx_bignum_as_uint_n(hx_bignum *r, const hx_bignum *a, uint64_t bits);

/* ---- text (bignum_str.c) --------------------------------------------- */

/* Grammar accepted by the parser. */
typedef enum hx_bignum_syntax {
    /* StringToBigInt (ES2025 7.1.14): surrounding StrWhiteSpace trimmed;
     * empty or all-space text is 0n; a decimal integer with optional sign;
     * or 0x/0o/0b (any case) and digits with no sign.  No separators, no
     * fraction or exponent. */
    HX_BIGNUM_STRING,
    /* The digits of a BigInt literal as the lexer saw them, without the `n`:
     * decimal, or 0x/0o/0b with digits; `_` separators are skipped (the
     * lexer has checked their placement). */
    HX_BIGNUM_LITERAL,
} hx_bignum_syntax;

/* Checks the text (exactly one of latin1 / utf16 non-NULL) and returns the
 * limbs its value needs (at least 1), or 0 when it is not valid syntax
 * (StringToBigInt's "undefined": BigInt() throws SyntaxError). */
size_t hx_bignum_parse_size(const uint8_t *latin1, const uint16_t *utf16, size_t len,
                            hx_bignum_syntax syntax);
/* Parses text already accepted by hx_bignum_parse_size into r. */
void hx_bignum_parse(hx_bignum *r, const uint8_t *latin1, const uint16_t *utf16, size_t len,
                     hx_bignum_syntax syntax);

/* BigInt::toString(a, radix) for radix 2..36 (lower-case digits, '-' sign).
 * The size is in bytes including the NUL; hx_bignum_to_string writes the
 * NUL-terminated text to buf and returns its length, or -1 when scratch
 * allocation failed. */
size_t hx_bignum_to_string_size(const hx_bignum *a, int radix);
long hx_bignum_to_string(const hx_bignum *a, int radix, char *buf, const hx_bignum_alloc *al);

#endif
