/*
 * numconv.c — Number to text: Number::toString (shortest round-trip digits),
 * Number::toString with a radix, and the exact toFixed / toExponential /
 * toPrecision conversions.
 *
 * Every conversion works on the exact binary value d = f * 2^e with big
 * integers (fixbig.h); no step relies on floating-point rounding or printf.
 * Shortest digits use the free-format algorithm of Steele & White as
 * refined by Burger & Dybvig: the value and the half-way points to its
 * neighbours are held as exact fractions r/s, (r+m+)/s, (r-m-)/s.
 */
#include "base/numconv.h"
#include "base/fixbig.h"

#include <math.h>
#include <string.h>

/* d = f * 2^e exactly, f < 2^53; for d > 0 finite. */
static void decompose(double d, uint64_t *f, int *e) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int be = (int)((bits >> 52) & 0x7FF);
    uint64_t frac = bits & ((UINT64_C(1) << 52) - 1);
    if (be == 0) {
        *f = frac;
        *e = -1074;
    } else {
        *f = frac | (UINT64_C(1) << 52);
        *e = be - 1075;
    }
}

/* *dst = *src, copying only the limbs in use. */
static void copy(hx_fixbig *dst, const hx_fixbig *src) {
    dst->n = src->n;
    memcpy(dst->d, src->d, src->n * sizeof(hx_limb));
}

static void set_pow2(hx_fixbig *x, unsigned k) {
    hx_fixbig_set_u64(x, 1);
    hx_fixbig_shl(x, k);
}

/* Whether a + b reaches c: a + b >= c when `inclusive`, a + b > c otherwise. */
static bool sum_reaches(const hx_fixbig *a, const hx_fixbig *b, const hx_fixbig *c,
                        bool inclusive) {
    int cmp = hx_fixbig_cmp_sum(a, b, c);
    return inclusive ? cmp >= 0 : cmp > 0;
}

int hx_dtoa_shortest(double d, char digits[18], int *exp10) {
    /* Integers below 2^53 are their own shortest form: the neighbours are at
     * most 1 apart, so no other integer (and no shorter decimal, which would
     * be another integer) lies within half an ulp. */
    if (d < 9007199254740992.0 && d == floor(d)) {
        char tmp[20]; /* decimal digits, least significant first */
        int n = 0, z = 0;
        uint64_t v = (uint64_t)d;
        do {
            tmp[n++] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        while (tmp[z] == '0') z++; /* trailing zeros are not digits of s */
        *exp10 = n;
        for (int i = 0; i < n - z; i++) digits[i] = tmp[n - 1 - i];
        return n - z;
    }
    uint64_t f;
    int e;
    decompose(d, &f, &e);
    /* A boundary half-way to a neighbour rounds back to d (ties to even)
     * exactly when f is even, so it is an acceptable output only then. */
    bool even = (f & 1) == 0;
    hx_fixbig r, s, mp, mm;
    bool skewed = f == (UINT64_C(1) << 52) && e > -1074; /* lower gap is half */
    hx_fixbig_set_u64(&r, f);
    if (e >= 0) {
        hx_fixbig_shl(&r, (unsigned)e + (skewed ? 2 : 1));
        hx_fixbig_set_u64(&s, skewed ? 4 : 2);
        set_pow2(&mp, (unsigned)e + (skewed ? 1 : 0));
        set_pow2(&mm, (unsigned)e);
    } else {
        hx_fixbig_shl(&r, skewed ? 2 : 1);
        set_pow2(&s, (unsigned)(-e) + (skewed ? 2 : 1));
        hx_fixbig_set_u64(&mp, skewed ? 2 : 1);
        hx_fixbig_set_u64(&mm, 1);
    }
    /* Find k, the least integer with (r + m+)/s < 10^k (<= when the upper
     * boundary is not acceptable), starting from an estimate. */
    int k = (int)ceil(log10(d));
    if (k >= 0) {
        hx_fixbig_mul_pow10(&s, (unsigned)k);
    } else {
        hx_fixbig_mul_pow10(&r, (unsigned)-k);
        hx_fixbig_mul_pow10(&mp, (unsigned)-k);
        hx_fixbig_mul_pow10(&mm, (unsigned)-k);
    }
    while (sum_reaches(&r, &mp, &s, even)) {
        hx_fixbig_mul_add(&s, 10, 0);
        k++;
    }
    /* The estimate may also be one too high: lower k while 10 (r + m+)
     * stays within s. */
    for (;;) {
        hx_fixbig r10, mp10;
        copy(&r10, &r);
        copy(&mp10, &mp);
        hx_fixbig_mul_add(&r10, 10, 0);
        hx_fixbig_mul_add(&mp10, 10, 0);
        if (sum_reaches(&r10, &mp10, &s, even)) break;
        copy(&r, &r10);
        copy(&mp, &mp10);
        hx_fixbig_mul_add(&mm, 10, 0);
        k--;
    }
    /* Generate digits until the truncation (within m-) or the round-up
     * (within m+) is inside the rounding interval. */
    int n = 0;
    for (;;) {
        hx_fixbig_mul_add(&r, 10, 0);
        hx_fixbig_mul_add(&mp, 10, 0);
        hx_fixbig_mul_add(&mm, 10, 0);
        hx_limb dig = hx_fixbig_divrem_small(&r, &s);
        int low_cmp = hx_fixbig_cmp(&r, &mm);
        bool low = even ? low_cmp <= 0 : low_cmp < 0;
        bool high = sum_reaches(&r, &mp, &s, even);
        if (!low && !high) {
            digits[n++] = (char)('0' + dig);
            continue;
        }
        if (low && high) {
            /* Both candidates are acceptable: take the closer one, and the
             * even one on a tie (ES2025 6.1.6.1.20 note 2). */
            int c = hx_fixbig_cmp_sum(&r, &r, &s);
            if (c > 0 || (c == 0 && (dig & 1))) dig++;
        } else if (high) {
            dig++;
        }
        digits[n++] = (char)('0' + dig);
        break;
    }
    *exp10 = k;
    return n;
}

/* Writes the exponent suffix "e+N" / "e-N" at p; returns chars written. */
static int put_exponent(char *p, int e) {
    int n = 0;
    p[n++] = 'e';
    p[n++] = e < 0 ? '-' : '+';
    unsigned u = (unsigned)(e < 0 ? -e : e);
    char tmp[12];
    int t = 0;
    do {
        tmp[t++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (t) p[n++] = tmp[--t];
    return n;
}

static int put_str(char *buf, const char *s) {
    size_t n = strlen(s);
    memcpy(buf, s, n + 1);
    return (int)n;
}

/* Number::toString for NaN, zero and the infinities; -1 for other values. */
static int special_to_string(double d, char *buf) {
    if (isnan(d)) return put_str(buf, "NaN");
    if (d == 0) return put_str(buf, "0"); /* also -0 (ES2025 6.1.6.1.20 step 2) */
    if (isinf(d)) return put_str(buf, d < 0 ? "-Infinity" : "Infinity");
    return -1;
}

int hx_number_to_string(double d, char *buf) {
    int len = special_to_string(d, buf);
    if (len >= 0) return len;
    char *p = buf;
    if (d < 0) {
        *p++ = '-'; /* step 3 */
        d = -d;
    }
    char dig[18];
    int n; /* the spec's n: d = 0.d1...dk * 10^n */
    int k = hx_dtoa_shortest(d, dig, &n);
    if (k <= n && n <= 21) { /* step 6: digits then n-k zeros */
        memcpy(p, dig, (size_t)k);
        memset(p + k, '0', (size_t)(n - k));
        p += n;
    } else if (0 < n && n <= 21) { /* step 7: point inside the digits */
        memcpy(p, dig, (size_t)n);
        p[n] = '.';
        memcpy(p + n + 1, dig + n, (size_t)(k - n));
        p += k + 1;
    } else if (-6 < n && n <= 0) { /* step 8: 0.000ddd */
        *p++ = '0';
        *p++ = '.';
        memset(p, '0', (size_t)-n);
        p += -n;
        memcpy(p, dig, (size_t)k);
        p += k;
    } else { /* steps 9-10: exponential form */
        *p++ = dig[0];
        if (k > 1) {
            *p++ = '.';
            memcpy(p, dig + 1, (size_t)(k - 1));
            p += k - 1;
        }
        p += put_exponent(p, n - 1);
    }
    *p = 0;
    return (int)(p - buf);
}

static const char radix_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Removes and returns x >> m, leaving x mod 2^m (x < 2^(m+32)). */
static hx_limb split_high(hx_fixbig *x, unsigned m) {
    size_t w = m / 32;
    unsigned b = m % 32;
    uint64_t hi = 0;
    for (size_t i = x->n; i-- > w;) hi = (hi << 32) | x->d[i];
    hi >>= b;
    if (w < x->n) {
        x->d[w] &= b ? (hx_limb)((UINT64_C(1) << b) - 1) : 0;
        x->n = hx_limbs_norm(x->d, w + 1);
    }
    return (hx_limb)hi;
}

/* Writes the digits of the integer x in `radix`, most significant first,
 * to out; returns their count.  Destroys x. */
static int integer_digits(hx_fixbig *x, int radix, char *out) {
    /* Divide by the largest power of the radix below 2^32 and emit that
     * many digits per step. */
    hx_limb chunk = (hx_limb)radix;
    int per = 1;
    while ((uint64_t)chunk * (unsigned)radix <= 0xFFFFFFFFu) {
        chunk *= (hx_limb)radix;
        per++;
    }
    char tmp[HX_NUMCONV_BIG_BUF];
    int n = 0;
    while (x->n) {
        hx_limb rem = hx_limbs_divmod_1(x->d, x->d, x->n, chunk);
        x->n = hx_limbs_norm(x->d, x->n);
        for (int i = 0; i < per; i++) {
            if (x->n == 0 && rem == 0) break;
            tmp[n++] = radix_digits[rem % (unsigned)radix];
            rem /= (unsigned)radix;
        }
    }
    if (n == 0) tmp[n++] = '0';
    for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
    return n;
}

int hx_number_to_radix_string(double d, int radix, char *buf) {
    if (radix == 10) return hx_number_to_string(d, buf);
    int len = special_to_string(d, buf);
    if (len >= 0) return len;
    char *p = buf;
    if (d < 0) {
        *p++ = '-';
        d = -d;
    }
    uint64_t f;
    int e;
    decompose(d, &f, &e);
    double ip = floor(d);
    /* Fraction digits.  With S = 2^m, the fraction is R/S and the
     * uncertainty D/S is half an ulp of d: digits are produced until the remaining
     * fraction is below it, so the output identifies d and no more, and the
     * last digit is rounded half-even when that stays within the
     * uncertainty. */
    char frac[HX_NUMCONV_BIG_BUF];
    int fn = 0;
    if (ip != d) {
        unsigned m;
        hx_fixbig R, D, S, H;
        hx_fixbig_set_u64(&R, f);
        hx_fixbig_set_u64(&D, 1);
        m = (unsigned)(-e) + 1;
        split_high(&R, (unsigned)-e); /* drop the integer part */
        hx_fixbig_shl(&R, 1);
        set_pow2(&S, m);
        set_pow2(&H, m - 1);
        bool carry = false;
        while (hx_fixbig_cmp(&R, &D) >= 0) {
            hx_fixbig_mul_add(&R, (hx_limb)radix, 0);
            hx_fixbig_mul_add(&D, (hx_limb)radix, 0);
            hx_limb dig = split_high(&R, m);
            frac[fn++] = (char)dig;
            int c = hx_fixbig_cmp(&R, &H);
            if ((c > 0 || (c == 0 && (dig & 1))) && hx_fixbig_cmp_sum(&R, &D, &S) > 0) {
                /* Round up: drop trailing digits that would overflow. */
                while (fn > 0 && frac[fn - 1] + 1 == radix) fn--;
                if (fn == 0) carry = true;
                else frac[fn - 1]++;
                break;
            }
        }
        if (carry) ip += 1; /* exact: ip < 2^53 when d has a fraction */
    }
    hx_fixbig I;
    uint64_t fi;
    int ei;
    if (ip == 0) {
        I.n = 0;
    } else {
        decompose(ip, &fi, &ei);
        hx_fixbig_set_u64(&I, fi);
        if (ei >= 0) hx_fixbig_shl(&I, (unsigned)ei);
        else hx_fixbig_set_u64(&I, fi >> -ei);
    }
    p += integer_digits(&I, radix, p);
    if (fn) {
        *p++ = '.';
        for (int i = 0; i < fn; i++) *p++ = radix_digits[(int)frac[i]];
    }
    *p = 0;
    return (int)(p - buf);
}

/* Exact decimal digits of x > 0, rounded half up (the spec's "if there are
 * two such n, pick the larger n") at the decimal position of weight
 * 10^stop, or, when prec > 0, at the position that leaves prec significant
 * digits.  Writes the digits to out and returns their count (0 when x
 * rounds to zero); *lead receives the position of the leading digit. */
static int exact_digits(double x, int prec, int stop, char *out, int *lead) {
    uint64_t f;
    int e;
    decompose(x, &f, &e);
    hx_fixbig r, s, t;
    hx_fixbig_set_u64(&r, f);
    hx_fixbig_set_u64(&s, 1);
    if (e >= 0) hx_fixbig_shl(&r, (unsigned)e);
    else hx_fixbig_shl(&s, (unsigned)-e);
    /* Scale so that 1 <= r/s < 10, i.e. r/s = x / 10^L. */
    int L = (int)floor(log10(x));
    if (L >= 0) hx_fixbig_mul_pow10(&s, (unsigned)L);
    else hx_fixbig_mul_pow10(&r, (unsigned)-L);
    for (;;) {
        copy(&t, &s);
        hx_fixbig_mul_add(&t, 10, 0);
        if (hx_fixbig_cmp(&r, &t) >= 0) {
            copy(&s, &t);
            L++;
        } else if (hx_fixbig_cmp(&r, &s) < 0) {
            hx_fixbig_mul_add(&r, 10, 0);
            L--;
        } else {
            break;
        }
    }
    if (prec > 0) stop = L - prec + 1;
    *lead = L;
    if (stop > L + 1) return 0; /* x < 10^stop / 10: rounds to zero */
    int n = 0;
    for (int pos = L; pos >= stop; pos--) {
        out[n++] = (char)('0' + hx_fixbig_divrem_small(&r, &s));
        hx_fixbig_mul_add(&r, 10, 0);
    }
    /* Here r/s is the remainder in units of 10^(stop-1): round up when it
     * is at least 5. */
    copy(&t, &s);
    hx_fixbig_mul_add(&t, 5, 0);
    if (hx_fixbig_cmp(&r, &t) < 0) return n;
    if (n == 0) {
        out[0] = '1';
        *lead = stop;
        return 1;
    }
    int i = n - 1;
    while (i >= 0 && out[i] == '9') out[i--] = '0';
    if (i >= 0) {
        out[i]++;
        return n;
    }
    /* 99..9 became 100..0: one more leading digit. */
    out[0] = '1';
    *lead = L + 1;
    if (prec > 0) return n; /* keep prec digits; the dropped one is 0 */
    out[n] = '0';
    return n + 1;
}

int hx_number_to_fixed(double d, int f, char *buf) {
    /* ES2025 21.1.3.3 steps 6-7: non-finite and huge values use ToString. */
    if (!isfinite(d) || fabs(d) >= 1e21) return hx_number_to_string(d, buf);
    char *p = buf;
    if (d < 0) { /* step 9 (-0 is not < 0) */
        *p++ = '-';
        d = -d;
    }
    /* Step 10: n is the integer nearest to d * 10^f, the larger on a tie. */
    char dig[HX_NUMCONV_BUF + 4];
    int lead, k = 0;
    if (d != 0) k = exact_digits(d, 0, -f, dig, &lead);
    if (k == 0) dig[k++] = '0';
    if (f != 0) {
        /* Steps 10.c-d: left-pad with zeros to f+1 digits, insert the point. */
        char m[HX_NUMCONV_BUF * 2];
        int z = k <= f ? f + 1 - k : 0;
        memset(m, '0', (size_t)z);
        memcpy(m + z, dig, (size_t)k);
        k += z;
        memcpy(p, m, (size_t)(k - f));
        p += k - f;
        *p++ = '.';
        memcpy(p, m + (k - f), (size_t)f);
        p += f;
    } else {
        memcpy(p, dig, (size_t)k);
        p += k;
    }
    *p = 0;
    return (int)(p - buf);
}

int hx_number_to_exponential(double d, int f, char *buf) {
    if (!isfinite(d)) return hx_number_to_string(d, buf);
    char *p = buf;
    if (d < 0) {
        *p++ = '-';
        d = -d;
    }
    char dig[HX_NUMCONV_BUF];
    int k, e;
    if (d == 0) { /* ES2025 21.1.3.2 step 10 */
        k = f < 0 ? 1 : f + 1;
        memset(dig, '0', (size_t)k);
        e = 0;
    } else if (f < 0) { /* step 11.b: fractionDigits undefined */
        k = hx_dtoa_shortest(d, dig, &e);
        e -= 1;
    } else { /* step 11.a: f+1 digits, the larger value on a tie */
        k = exact_digits(d, f + 1, 0, dig, &e);
    }
    *p++ = dig[0];
    if (k > 1) { /* step 12 */
        *p++ = '.';
        memcpy(p, dig + 1, (size_t)(k - 1));
        p += k - 1;
    }
    p += put_exponent(p, e); /* steps 13-14 */
    *p = 0;
    return (int)(p - buf);
}

int hx_number_to_precision(double d, int prec, char *buf) {
    if (!isfinite(d)) return hx_number_to_string(d, buf);
    char *p = buf;
    if (d < 0) {
        *p++ = '-';
        d = -d;
    }
    char dig[HX_NUMCONV_BUF];
    int e;
    if (d == 0) { /* ES2025 21.1.3.5 step 9 */
        memset(dig, '0', (size_t)prec);
        e = 0;
    } else { /* step 10.a */
        exact_digits(d, prec, 0, dig, &e);
        if (e < -6 || e >= prec) { /* step 10.c: exponential notation */
            *p++ = dig[0];
            if (prec > 1) {
                *p++ = '.';
                memcpy(p, dig + 1, (size_t)(prec - 1));
                p += prec - 1;
            }
            p += put_exponent(p, e);
            *p = 0;
            return (int)(p - buf);
        }
    }
    if (e == prec - 1) { /* step 11 */
        memcpy(p, dig, (size_t)prec);
        p += prec;
    } else if (e >= 0) { /* step 12 */
        memcpy(p, dig, (size_t)(e + 1));
        p += e + 1;
        *p++ = '.';
        memcpy(p, dig + e + 1, (size_t)(prec - e - 1));
        p += prec - e - 1;
    } else { /* step 13 */
        *p++ = '0';
        *p++ = '.';
        memset(p, '0', (size_t)(-(e + 1)));
        p += -(e + 1);
        memcpy(p, dig, (size_t)prec);
        p += prec;
    }
    *p = 0;
    return (int)(p - buf);
}
