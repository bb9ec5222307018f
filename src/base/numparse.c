/*
 * numparse.c — text to Number: correctly rounded decimal and radix-integer
 * parsing, StringToNumber (ES2025 7.1.4.1.1) and parseFloat's prefix scan
 * (ES2025 19.2.4).
 *
 * A decimal is first reduced to at most MAX_DIGITS significant digits plus a
 * "sticky" flag recording whether nonzero digits were cut off.  That loses
 * nothing: a double, or a point half-way between two doubles, has at most
 * 767 significant digits, so no rounding boundary lies strictly between the
 * truncated value and the truncated value with a 1 appended.  Small inputs
 * take an exact floating-point fast path; the rest are rounded exactly with
 * big integers (fixbig.h).  The C library's strtod is not used.
 */
#include "base/numconv.h"
#include "base/fixbig.h"

#include <math.h>
#include <string.h>

/* Input text: exactly one of the two pointers is set. */
typedef struct text {
    const uint8_t *l;
    const uint16_t *u;
} text;

static inline uint32_t at(const text *t, size_t i) { return t->l ? t->l[i] : t->u[i]; }

#define MAX_DIGITS 800

/* A decimal value D * 10^exp (+ a little when sticky), D = digits dig[0..nd)
 * without leading zeros. */
typedef struct decimal {
    char dig[MAX_DIGITS];
    int nd;
    bool sticky;
    int64_t exp;
} decimal;

static inline bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* Adds one mantissa digit; exp_adj tracks the power of ten of D's last
 * digit relative to the units position. */
static void push_digit(decimal *d, uint32_t c, bool fraction, int64_t *exp_adj) {
    if (fraction) (*exp_adj)--;
    if (d->nd == 0 && c == '0') return; /* leading zero */
    if (d->nd < MAX_DIGITS) {
        d->dig[d->nd++] = (char)c;
    } else {
        (*exp_adj)++; /* dropped: D stays a prefix, one power of ten higher */
        if (c != '0') d->sticky = true;
    }
}

/* Longest prefix of t[i..end) that is a StrUnsignedDecimalLiteral without
 * "Infinity" (ES2025 7.1.4.1): digits, optional point and fraction (at least
 * one digit in all), optional exponent.  Returns the end of the prefix, or i
 * when there is none; fills *d. */
static size_t scan_decimal(const text *t, size_t i, size_t end, decimal *d) {
    d->nd = 0;
    d->sticky = false;
    int64_t adj = 0;
    size_t p = i;
    bool any = false;
    while (p < end && is_digit(at(t, p))) {
        push_digit(d, at(t, p++), false, &adj);
        any = true;
    }
    if (p < end && at(t, p) == '.') {
        size_t q = p + 1;
        while (q < end && is_digit(at(t, q))) {
            push_digit(d, at(t, q++), true, &adj);
            any = true;
        }
        if (!any) return i; /* a lone "." */
        p = q;
    }
    if (!any) return i;
    d->exp = adj;
    if (p < end && (at(t, p) == 'e' || at(t, p) == 'E')) {
        size_t q = p + 1;
        bool neg = false;
        if (q < end && (at(t, q) == '+' || at(t, q) == '-')) neg = at(t, q++) == '-';
        if (q < end && is_digit(at(t, q))) {
            /* Saturate: beyond 10^12 the value is 0 or Infinity anyway. */
            int64_t e = 0;
            while (q < end && is_digit(at(t, q))) {
                if (e < INT64_C(1000000000000)) e = e * 10 + (at(t, q) - '0');
                q++;
            }
            d->exp += neg ? -e : e;
            p = q;
        }
    }
    return p;
}

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* The double nearest to the decimal, ties to even. */
static double decimal_to_double(const decimal *d) {
    if (d->nd == 0) return 0.0;
    int64_t e = d->exp;
    if (d->nd + e > 310) return HUGE_VAL; /* >= 10^310 */
    if (d->nd + e < -324) return 0.0;     /* < 10^-325, below half of 2^-1074 */
    if (d->nd <= 15 && !d->sticky) {
        /* Fast path: D < 10^15 and the power of ten are exact doubles, so one
         * IEEE multiplication or division rounds once, correctly. */
        uint64_t v = 0;
        for (int i = 0; i < d->nd; i++) v = v * 10 + (uint64_t)(d->dig[i] - '0');
        if (e >= 0 && e <= 22) return (double)v * exact_pow10[e];
        if (e < 0 && e >= -22) return (double)v / exact_pow10[-e];
        if (e > 22 && d->nd + e <= 15 + 22) /* v * 10^(e-22) is still exact */
            return (double)v * exact_pow10[e - 22] * exact_pow10[22];
    }
    hx_fixbig D;
    D.n = 0;
    int i = 0;
    while (i < d->nd) {
        hx_limb chunk = 0, scale = 1;
        for (int k = 0; k < 9 && i < d->nd; k++, i++) {
            chunk = chunk * 10 + (hx_limb)(d->dig[i] - '0');
            scale *= 10;
        }
        hx_fixbig_mul_add(&D, scale, chunk);
    }
    if (d->sticky) { /* stand-in for the cut digits, see the file comment */
        hx_fixbig_mul_add(&D, 10, 1);
        e--;
    }
    if (e >= 0) {
        hx_fixbig_mul_pow10(&D, (unsigned)e);
        return hx_fixbig_to_double(&D);
    }
    /* D * 10^e = (D * 2^sh / 5^-e) * 2^(e-sh); choose sh so the quotient has
     * at least 66 bits, then round it with the remainder as sticky bit. */
    hx_fixbig P;
    hx_fixbig_set_u64(&P, 1);
    hx_fixbig_mul_pow5(&P, (unsigned)-e);
    int64_t sh = (int64_t)hx_limbs_bitlen(P.d, P.n) - (int64_t)hx_limbs_bitlen(D.d, D.n) + 66;
    if (sh < 0) sh = 0;
    hx_fixbig_shl(&D, (unsigned)sh);
    hx_limb q[HX_FIXBIG_LIMBS], r[HX_FIXBIG_LIMBS], scratch[2 * HX_FIXBIG_LIMBS + 2];
    size_t qn = D.n - P.n + 1;
    hx_limbs_divmod(q, r, D.d, D.n, P.d, P.n, scratch);
    bool sticky = hx_limbs_norm(r, P.n) != 0;
    return hx_limbs_to_double(q, hx_limbs_norm(q, qn), e - sh, sticky);
}

double hx_parse_decimal(const char *s, size_t len) {
    text t = {(const uint8_t *)s, NULL};
    decimal d;
    if (scan_decimal(&t, 0, len, &d) == 0) return NAN;
    return decimal_to_double(&d);
}

static int digit_value(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
    return 99;
}

/* Whether t[i..end) is a nonempty run of digits of `radix`. */
static bool all_radix_digits(const text *t, size_t i, size_t end, int radix) {
    if (i == end) return false;
    for (; i < end; i++)
        if (digit_value(at(t, i)) >= radix) return false;
    return true;
}

/* Correctly rounded value of the radix digits t[i..end) (already checked). */
static double radix_integer(const text *t, size_t i, size_t end, int radix) {
    while (i < end && at(t, i) == '0') i++;
    size_t n = end - i;
    if (n == 0) return 0.0;
    int low_bits = 0, high_bits = 0; /* floor and ceil of log2(radix) */
    while ((2 << low_bits) <= radix) low_bits++;
    while ((1 << high_bits) < radix) high_bits++;
    if ((uint64_t)(n - 1) * (uint64_t)low_bits >= 1024) return HUGE_VAL; /* >= 2^1024 */
    if ((uint64_t)n * (uint64_t)high_bits <= 53) { /* below 2^53: exact in a double */
        double v = 0;
        for (; i < end; i++) v = v * radix + digit_value(at(t, i));
        return v;
    }
    hx_fixbig x;
    x.n = 0;
    for (; i < end; i++) hx_fixbig_mul_add(&x, (hx_limb)radix, (hx_limb)digit_value(at(t, i)));
    return hx_fixbig_to_double(&x);
}

double hx_parse_radix_integer(const char *s, size_t len, int radix) {
    text t = {(const uint8_t *)s, NULL};
    if (!all_radix_digits(&t, 0, len, radix)) return NAN;
    return radix_integer(&t, 0, len, radix);
}

bool hx_numconv_is_str_space(uint32_t c) {
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

/* Whether t[i..] starts with "Infinity". */
static bool has_infinity(const text *t, size_t i, size_t end) {
    static const char word[] = "Infinity";
    if (end - i < 8) return false;
    for (int k = 0; k < 8; k++)
        if (at(t, i + (size_t)k) != (uint32_t)word[k]) return false;
    return true;
}

double hx_string_to_number(const uint8_t *latin1, const uint16_t *utf16, size_t len) {
    text t = {latin1, utf16};
    size_t i = 0, end = len;
    while (i < end && hx_numconv_is_str_space(at(&t, i))) i++;
    while (end > i && hx_numconv_is_str_space(at(&t, end - 1))) end--;
    if (i == end) return 0.0; /* StringNumericLiteral ::: StrWhiteSpace_opt */
    /* NonDecimalIntegerLiteral: 0b / 0o / 0x, no sign, no separators. */
    if (end - i >= 2 && at(&t, i) == '0') {
        uint32_t c = at(&t, i + 1) | 0x20;
        int radix = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (radix) {
            if (!all_radix_digits(&t, i + 2, end, radix)) return NAN;
            return radix_integer(&t, i + 2, end, radix);
        }
    }
    bool neg = false;
    if (at(&t, i) == '+' || at(&t, i) == '-') neg = at(&t, i++) == '-';
    if (end - i == 8 && has_infinity(&t, i, end)) return neg ? -HUGE_VAL : HUGE_VAL;
    decimal d;
    size_t stop = scan_decimal(&t, i, end, &d);
    if (stop == i || stop != end) return NAN;
    double v = decimal_to_double(&d);
    return neg ? -v : v;
}

double hx_parse_float_prefix(const uint8_t *latin1, const uint16_t *utf16, size_t len) {
    text t = {latin1, utf16};
    size_t i = 0;
    while (i < len && hx_numconv_is_str_space(at(&t, i))) i++; /* ES2025 19.2.4 step 3 */
    bool neg = false;
    if (i < len && (at(&t, i) == '+' || at(&t, i) == '-')) neg = at(&t, i++) == '-';
    if (has_infinity(&t, i, len)) return neg ? -HUGE_VAL : HUGE_VAL;
    decimal d;
    if (scan_decimal(&t, i, len, &d) == i) return NAN; /* step 5: no valid prefix */
    double v = decimal_to_double(&d);
    return neg ? -v : v;
}
