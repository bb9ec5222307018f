/*
 * numconv.h — exact conversions between numbers and text, as ECMAScript
 * requires them: Number::toString (shortest round-trip digits), radix
 * conversion, toFixed/toExponential/toPrecision, and StringToNumber.
 * Nothing here allocates from the GC heap; outputs go to caller buffers.
 */
#ifndef HX_NUMCONV_H
#define HX_NUMCONV_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Large enough for any output of the functions below except radix/fixed
 * forms of huge numbers, which take HX_NUMCONV_BIG_BUF. */
#define HX_NUMCONV_BUF 128
#define HX_NUMCONV_BIG_BUF 1100

/* Shortest-round-trip decimal digits of finite d > 0: writes the digits
 * (no dot, no sign) to digits[] (at most 17) and returns their count n;
 * *exp10 receives k such that d = 0.d1d2...dn * 10^k.  Among shortest
 * candidates the one closest to d is chosen (ES2025 6.1.6.1.20 note 2). */
int hx_dtoa_shortest(double d, char digits[18], int *exp10);

/* Number::toString(d) for radix 10 (ES2025 6.1.6.1.20): "NaN", "-Infinity",
 * "1e+21", "0.000001", "-0" is "0".  Writes a NUL-terminated string to buf
 * (HX_NUMCONV_BUF bytes) and returns its length. */
int hx_number_to_string(double d, char *buf);

/* Number::toString(d, radix) for radix 2..36, exact (no precision loss in
 * the integer part; fraction digits until the value is uniquely
 * identified).  buf must hold HX_NUMCONV_BIG_BUF bytes.  Returns length. */
int hx_number_to_radix_string(double d, int radix, char *buf);

/* Number.prototype.toFixed(f), 0 <= f <= 100, |d| < 1e21 (caller handles
 * the rest).  buf: HX_NUMCONV_BIG_BUF bytes.  Returns length. */
int hx_number_to_fixed(double d, int f, char *buf);

/* Number.prototype.toExponential: f digits after the point, 0..100, or
 * f = -1 for "as many as needed" (shortest).  d finite.  Returns length. */
int hx_number_to_exponential(double d, int f, char *buf);

/* Number.prototype.toPrecision(p), 1 <= p <= 100, d finite.  Returns length. */
int hx_number_to_precision(double d, int p, char *buf);

/* Correctly rounded value of a decimal numeric literal written with ASCII
 * digits, an optional '.', and an optional exponent (e.g. "12.5e-3"); no
 * sign, no separators.  `len` bytes. */
double hx_parse_decimal(const char *s, size_t len);

/* Value of an integer written in `radix` (2, 8, 16; or 10) with ASCII digits
 * and no prefix, correctly rounded when it exceeds 2^53. */
double hx_parse_radix_integer(const char *s, size_t len, int radix);

/* StringToNumber (ES2025 7.1.4.1.1) over a Latin-1 or UTF-16 string:
 * trims StrWhiteSpace and line terminators, accepts Infinity with sign,
 * decimal with sign, 0x/0o/0b without sign, empty string is 0; anything
 * else is NaN.  Exactly one of latin1 / utf16 is non-NULL. */
double hx_string_to_number(const uint8_t *latin1, const uint16_t *utf16, size_t len);

/* parseFloat's prefix scan (ES2025 19.2.4) on the same input forms: leading
 * whitespace skipped, longest prefix that is a StrDecimalLiteral. NaN if none. */
double hx_parse_float_prefix(const uint8_t *latin1, const uint16_t *utf16, size_t len);

/* Whether code unit c is a StrWhiteSpaceChar (ES2025 7.1.4.1): WhiteSpace
 * (TAB, VT, FF, ZWNBSP, any Zs) or LineTerminator.  Shared with
 * StringToBigInt. */
bool hx_numconv_is_str_space(uint32_t c);

#endif
