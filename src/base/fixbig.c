/*
 * fixbig.c — fixed-capacity unsigned big integers (see fixbig.h), a thin
 * layer over the limb primitives that keeps the length normalized.
 */
#include "base/fixbig.h"

#include <math.h>

void hx_fixbig_set_u64(hx_fixbig *x, uint64_t v) {
    x->d[0] = (hx_limb)v;
    x->d[1] = (hx_limb)(v >> 32);
    x->n = hx_limbs_norm(x->d, 2);
}

void hx_fixbig_mul_add(hx_fixbig *x, hx_limb m, hx_limb add) {
    hx_limb top = hx_limbs_mul_1(x->d, x->d, x->n, m, add);
    if (top) x->d[x->n++] = top;
}

void hx_fixbig_mul_pow5(hx_fixbig *x, unsigned e) {
    /* 5^13 is the largest power of five below 2^32. */
    while (e >= 13) {
        hx_fixbig_mul_add(x, 1220703125u, 0);
        e -= 13;
    }
    static const hx_limb small[13] = {1,      5,       25,       125,       625,
                                      3125,   15625,   78125,    390625,    1953125,
                                      9765625, 48828125, 244140625};
    if (e) hx_fixbig_mul_add(x, small[e], 0);
}

void hx_fixbig_shl(hx_fixbig *x, unsigned bits) {
    if (x->n == 0) return;
    unsigned words = bits / 32, rest = bits % 32;
    hx_limb top = hx_limbs_shl(x->d, x->d, x->n, rest);
    if (top) x->d[x->n++] = top;
    if (words) {
        for (size_t i = x->n; i-- > 0;) x->d[i + words] = x->d[i];
        for (size_t i = 0; i < words; i++) x->d[i] = 0;
        x->n += words;
    }
}

void hx_fixbig_mul_pow10(hx_fixbig *x, unsigned e) {
    hx_fixbig_mul_pow5(x, e);
    hx_fixbig_shl(x, e);
}

int hx_fixbig_cmp(const hx_fixbig *a, const hx_fixbig *b) {
    return hx_limbs_cmp(a->d, a->n, b->d, b->n);
}

int hx_fixbig_cmp_sum(const hx_fixbig *a, const hx_fixbig *b, const hx_fixbig *c) {
    if (a->n < b->n) {
        const hx_fixbig *t = a;
        a = b;
        b = t;
    }
    if (a->n + 1 < c->n) return -1;
    if (a->n > c->n) return 1;
    hx_fixbig sum;
    hx_limb carry = hx_limbs_add(sum.d, a->d, a->n, b->d, b->n);
    sum.n = a->n;
    if (carry) sum.d[sum.n++] = carry;
    return hx_fixbig_cmp(&sum, c);
}

void hx_fixbig_sub(hx_fixbig *a, const hx_fixbig *b) {
    hx_limbs_sub(a->d, a->d, a->n, b->d, b->n);
    a->n = hx_limbs_norm(a->d, a->n);
}

/* x / 2^(32 base) as a double, from the limbs at and above `base`. */
static double approx(const hx_fixbig *x, size_t base) {
    double v = 0;
    for (size_t i = x->n; i-- > base;) v = v * 4294967296.0 + x->d[i];
    return v;
}

hx_limb hx_fixbig_divrem_small(hx_fixbig *r, const hx_fixbig *s) {
    if (hx_fixbig_cmp(r, s) < 0) return 0;
    /* Estimate from leading limbs, aim low by one so the subtraction cannot
     * go negative, then correct upward. */
    size_t base = s->n > 3 ? s->n - 3 : 0;
    double est = approx(r, base) / approx(s, base);
    uint64_t q = est > 1 ? (uint64_t)est - 1 : 0;
    if (q > 0xFFFFFFFFu) q = 0xFFFFFFFFu;
    if (q) {
        /* r -= q * s */
        hx_fixbig t;
        t.d[s->n] = hx_limbs_mul_1(t.d, s->d, s->n, (hx_limb)q, 0);
        t.n = hx_limbs_norm(t.d, s->n + 1);
        hx_fixbig_sub(r, &t);
    }
    while (hx_fixbig_cmp(r, s) >= 0) {
        hx_fixbig_sub(r, s);
        q++;
    }
    return (hx_limb)q;
}

double hx_fixbig_to_double(const hx_fixbig *x) { return hx_limbs_to_double(x->d, x->n, 0, false); }
