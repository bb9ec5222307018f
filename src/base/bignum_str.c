/*
 * bignum_str.c — BigInt text conversions: StringToBigInt and BigInt
 * literal digits (ES2025 7.1.14, 12.9.3), and BigInt::toString for radix
 * 2..36 (ES2025 6.1.6.2.23).
 *
 * Power-of-two radixes move bits directly.  Other radixes work a chunk of
 * digits at a time: parsing multiplies by radix^k and adds, printing divides
 * by radix^k, with radix^k the largest power below 2^32.
 */
#include "base/bignum.h"
#include "base/numconv.h"

#include <stdlib.h>
#include <string.h>

typedef struct text {
    const uint8_t *l;
    const uint16_t *u;
} text;

static inline uint32_t at(const text *t, size_t i) { return t->l ? t->l[i] : t->u[i]; }

static int digit_value(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
    return 99;
}

/* Where the digits are, once the syntax is checked. */
typedef struct span {
    size_t start, end; /* digit run, may contain '_' in literal syntax */
    size_t ndigits;    /* digits in it, separators excluded */
    int radix;
    bool neg;
} span;

/* Checks the grammar of hx_bignum_syntax; fills *s and returns true when
 * the text is valid. */
static bool scan(const text *t, size_t len, hx_bignum_syntax syntax, span *s) {
    size_t i = 0, end = len;
    s->neg = false;
    s->radix = 10;
    if (syntax == HX_BIGNUM_STRING) {
        /* StringIntegerLiteral ::: StrWhiteSpace_opt StrIntegerLiteral
         * StrWhiteSpace_opt; all-space text is 0n (7.1.14 step 3). */
        while (i < end && hx_numconv_is_str_space(at(t, i))) i++;
        while (end > i && hx_numconv_is_str_space(at(t, end - 1))) end--;
        if (i == end) {
            s->start = s->end = i;
            s->ndigits = 0;
            return true;
        }
    }
    if (end - i >= 2 && at(t, i) == '0') {
        uint32_t c = at(t, i + 1) | 0x20;
        s->radix = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 10;
        if (s->radix != 10) i += 2; /* NonDecimalIntegerLiteral: no sign */
    }
    if (s->radix == 10 && syntax == HX_BIGNUM_STRING && (at(t, i) == '+' || at(t, i) == '-'))
        s->neg = at(t, i++) == '-'; /* SignedInteger */
    s->start = i;
    s->end = end;
    s->ndigits = 0;
    for (; i < end; i++) {
        uint32_t c = at(t, i);
        if (c == '_' && syntax == HX_BIGNUM_LITERAL) continue;
        if (digit_value(c) >= s->radix) return false;
        s->ndigits++;
    }
    return s->ndigits > 0;
}

/* Bits per digit of a power-of-two radix, else 0. */
static int pow2_bits(int radix) {
    switch (radix) {
    case 2: return 1;
    case 4: return 2;
    case 8: return 3;
    case 16: return 4;
    case 32: return 5;
    default: return 0;
    }
}

size_t hx_bignum_parse_size(const uint8_t *latin1, const uint16_t *utf16, size_t len,
                            hx_bignum_syntax syntax) {
    text t = {latin1, utf16};
    span s;
    if (!scan(&t, len, syntax, &s)) return 0;
    /* ceil(log2(radix)) bits per digit bounds the value (10 -> 4 bits). */
    int bits = s.radix == 10 ? 4 : pow2_bits(s.radix);
    uint64_t total = (uint64_t)s.ndigits * (uint64_t)bits;
    uint64_t limbs = total / 32 + 2;
    return limbs > SIZE_MAX ? SIZE_MAX : (size_t)limbs;
}

void hx_bignum_parse(hx_bignum *r, const uint8_t *latin1, const uint16_t *utf16, size_t len,
                     hx_bignum_syntax syntax) {
    text t = {latin1, utf16};
    span s;
    scan(&t, len, syntax, &s);
    size_t n = 0;
    int bits = pow2_bits(s.radix);
    if (bits) {
        /* Pack bits from the least significant digit upward. */
        uint64_t acc = 0;
        int have = 0;
        for (size_t i = s.end; i-- > s.start;) {
            uint32_t c = at(&t, i);
            if (c == '_') continue;
            acc |= (uint64_t)digit_value(c) << have;
            have += bits;
            if (have >= 32) {
                r->d[n++] = (hx_limb)acc;
                acc >>= 32;
                have -= 32;
            }
        }
        if (have) r->d[n++] = (hx_limb)acc;
    } else {
        /* Decimal: r = r * 10^k + chunk for chunks of up to 9 digits. */
        hx_limb chunk = 0, scale = 1;
        for (size_t i = s.start; i < s.end; i++) {
            uint32_t c = at(&t, i);
            if (c == '_') continue;
            chunk = chunk * 10 + (hx_limb)(c - '0');
            scale *= 10;
            if (scale == 1000000000u) {
                hx_limb top = hx_limbs_mul_1(r->d, r->d, n, scale, chunk);
                if (top) r->d[n++] = top;
                chunk = 0;
                scale = 1;
            }
        }
        if (scale > 1) {
            hx_limb top = hx_limbs_mul_1(r->d, r->d, n, scale, chunk);
            if (top) r->d[n++] = top;
        }
    }
    r->len = hx_limbs_norm(r->d, n);
    r->neg = s.neg && r->len > 0; /* "-0" is 0n */
}

size_t hx_bignum_to_string_size(const hx_bignum *a, int radix) {
    uint64_t bits = hx_limbs_bitlen(a->d, a->len);
    int per = 1; /* floor(log2(radix)) bits per digit at least */
    while ((2 << per) <= radix) per++;
    uint64_t digits = bits / (uint64_t)per + 1;
    uint64_t total = digits + 2; /* sign and NUL */
    return total > SIZE_MAX ? SIZE_MAX : (size_t)total;
}

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

long hx_bignum_to_string(const hx_bignum *a, int radix, char *buf, const hx_bignum_alloc *al) {
    char *p = buf;
    if (a->len == 0) {
        strcpy(buf, "0");
        return 1;
    }
    if (a->neg) *p++ = '-';
    int bits = pow2_bits(radix);
    if (bits) {
        uint64_t total = hx_limbs_bitlen(a->d, a->len);
        uint64_t ndig = (total + (uint64_t)bits - 1) / (uint64_t)bits;
        for (uint64_t k = ndig; k-- > 0;) {
            uint64_t pos = k * (uint64_t)bits;
            size_t w = (size_t)(pos / 32);
            uint64_t v = a->d[w];
            if (w + 1 < a->len) v |= (uint64_t)a->d[w + 1] << 32;
            *p++ = digit_chars[(v >> (pos % 32)) & (((unsigned)1 << bits) - 1)];
        }
        *p = 0;
        return (long)(p - buf);
    }
    /* Repeated division of a scratch copy by radix^per, filling the digits
     * from the end of the buffer, then moving them to the front. */
    hx_limb chunk = (hx_limb)radix;
    int per = 1;
    while ((uint64_t)chunk * (unsigned)radix <= 0xFFFFFFFFu) {
        chunk *= (hx_limb)radix;
        per++;
    }
    size_t n = a->len;
    hx_limb *work = al ? al->alloc(al->ud, n * sizeof(hx_limb)) : malloc(n * sizeof(hx_limb));
    if (!work) return -1;
    memcpy(work, a->d, n * sizeof(hx_limb));
    size_t cap = hx_bignum_to_string_size(a, radix) - 1 - (size_t)a->neg;
    char *end = p + cap, *w = end;
    while (n) {
        hx_limb rem = hx_limbs_divmod_1(work, work, n, chunk);
        n = hx_limbs_norm(work, n);
        for (int i = 0; i < per && (n || rem); i++) {
            *--w = digit_chars[rem % (unsigned)radix];
            rem /= (unsigned)radix;
        }
    }
    if (al) al->free(al->ud, work, a->len * sizeof(hx_limb));
    else free(work);
    size_t len = (size_t)(end - w);
    memmove(p, w, len);
    p[len] = 0;
    return (long)(p + len - buf);
}
