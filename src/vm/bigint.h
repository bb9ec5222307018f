/*
 * bigint.h — BigInt values on the GC heap (hx_bigint cells), built on the
 * arbitrary-precision arithmetic of src/base/bignum.  Operations return a
 * BigInt value, or HX_EXCEPTION with an error pending (RangeError for
 * division by zero, out of memory).
 */
#ifndef HX_VM_BIGINT_H
#define HX_VM_BIGINT_H

#include "vm/vm.h"

/* Largest BigInt magnitude, in bits; larger results are a RangeError
 * ("Maximum BigInt size exceeded"). */
#define HX_BIGINT_MAX_BITS (1ull << 30)

hx_value hx_bigint_from_int64(hx_realm *realm, int64_t v);
hx_value hx_bigint_from_double(hx_realm *realm, double d); /* d integral */
/* StringToBigInt (ES2025 7.1.14): BigInt, or undefined if the text is not valid. */
hx_value hx_bigint_from_string_value(hx_realm *realm, hx_value str);
/* Literal digits (no prefix) in radix 2/8/10/16. */
hx_value hx_bigint_from_literal(hx_realm *realm, const char *digits, size_t len, int radix);
hx_value hx_bigint_to_string(hx_realm *realm, hx_value v, int radix);
double hx_bigint_to_double(hx_value v);
int hx_bigint_compare(hx_value a, hx_value b);            /* -1 0 1 */
int hx_bigint_compare_number(hx_value a, double d);       /* -1 0 1, 2 if d is NaN */

typedef enum {
    HX_BIG_ADD, HX_BIG_SUB, HX_BIG_MUL, HX_BIG_DIV, HX_BIG_MOD, HX_BIG_EXP,
    HX_BIG_AND, HX_BIG_OR, HX_BIG_XOR, HX_BIG_SHL, HX_BIG_SAR, HX_BIG_SHR
} hx_bigint_op;
hx_value hx_bigint_binary(hx_realm *realm, hx_bigint_op op, hx_value a, hx_value b);
hx_value hx_bigint_neg(hx_realm *realm, hx_value a);
hx_value hx_bigint_not(hx_realm *realm, hx_value a);
hx_value hx_bigint_as_n(hx_realm *realm, hx_value a, uint64_t bits, bool is_signed);
int64_t hx_bigint_to_int64(hx_value v);
uint64_t hx_bigint_to_uint64(hx_value v);                 /* low 64 bits, two's complement */
hx_value hx_bigint_from_uint64(hx_realm *realm, uint64_t v);
bool hx_bigint_is_zero(hx_value v);
bool hx_bigint_is_negative(hx_value v);

#endif
