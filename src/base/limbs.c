/*
 * limbs.c — unsigned multi-precision arithmetic on 32-bit limb arrays (see
 * limbs.h).  Products and quotients of single limbs are formed in uint64_t,
 * so the file is portable C11 with no compiler-specific wide types.
 * Invariant kept by every routine: it touches only the array ranges its
 * declaration names, so callers can size buffers from the header alone.
 */
#include "base/limbs.h"

#include <math.h>
#include <string.h>

size_t hx_limbs_norm(const hx_limb *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) n--;
    return n;
}

int hx_limbs_cmp(const hx_limb *a, size_t an, const hx_limb *b, size_t bn) {
    if (an != bn) return an < bn ? -1 : 1;
    while (an > 0) {
        an--;
        if (a[an] != b[an]) return a[an] < b[an] ? -1 : 1;
    }
    return 0;
}

hx_limb hx_limbs_add(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn) {
    uint64_t carry = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        carry += (uint64_t)a[i] + b[i];
        r[i] = (hx_limb)carry;
        carry >>= 32;
    }
    for (; i < an; i++) {
        carry += a[i];
        r[i] = (hx_limb)carry;
        carry >>= 32;
    }
    return (hx_limb)carry;
}

hx_limb hx_limbs_sub(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn) {
    hx_limb borrow = 0;
    size_t i = 0;
    for (; i < bn; i++) {
        uint64_t sub = (uint64_t)b[i] + borrow;
        hx_limb ai = a[i];
        r[i] = (hx_limb)(ai - sub);
        borrow = ai < sub;
    }
    for (; i < an; i++) {
        hx_limb ai = a[i];
        r[i] = ai - borrow;
        borrow = ai < borrow;
    }
    return borrow;
}

hx_limb hx_limbs_mul_1(hx_limb *r, const hx_limb *a, size_t n, hx_limb m, hx_limb carry) {
    uint64_t c = carry;
    for (size_t i = 0; i < n; i++) {
        c += (uint64_t)a[i] * m;
        r[i] = (hx_limb)c;
        c >>= 32;
    }
    return (hx_limb)c;
}

hx_limb hx_limbs_addmul_1(hx_limb *r, const hx_limb *a, size_t n, hx_limb m) {
    uint64_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += (uint64_t)a[i] * m + r[i];
        r[i] = (hx_limb)c;
        c >>= 32;
    }
    return (hx_limb)c;
}

hx_limb hx_limbs_divmod_1(hx_limb *q, const hx_limb *a, size_t n, hx_limb d) {
    uint64_t rem = 0;
    while (n > 0) {
        n--;
        uint64_t cur = (rem << 32) | a[n];
        q[n] = (hx_limb)(cur / d);
        rem = cur % d;
    }
    return (hx_limb)rem;
}

hx_limb hx_limbs_shl(hx_limb *r, const hx_limb *a, size_t n, unsigned s) {
    if (s == 0) {
        if (r != a) memmove(r, a, n * sizeof(hx_limb));
        return 0;
    }
    hx_limb out = 0;
    for (size_t i = 0; i < n; i++) {
        hx_limb v = a[i];
        r[i] = (v << s) | out;
        out = v >> (32 - s);
    }
    return out;
}

hx_limb hx_limbs_shr(hx_limb *r, const hx_limb *a, size_t n, unsigned s) {
    if (s == 0) {
        if (r != a) memmove(r, a, n * sizeof(hx_limb));
        return 0;
    }
    hx_limb out = 0;
    while (n > 0) {
        n--;
        hx_limb v = a[n];
        r[n] = (v >> s) | out;
        out = v << (32 - s);
    }
    return out;
}

uint64_t hx_limbs_bitlen(const hx_limb *a, size_t n) {
    if (n == 0) return 0;
    hx_limb top = a[n - 1];
    unsigned bits = 0;
    while (top) {
        bits++;
        top >>= 1;
    }
    return (uint64_t)(n - 1) * 32 + bits;
}

/* r[0..an+bn) = a * b by the schoolbook method. */
static void mul_school(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn) {
    memset(r, 0, an * sizeof(hx_limb));
    for (size_t i = 0; i < bn; i++) r[i + an] = hx_limbs_addmul_1(r + i, a, an, b[i]);
}

/* Scratch for kara() on two n-limb operands: the level's own 4(k+1) limbs
 * (the two half sums and their product) plus what the middle product's
 * recursion needs; the outer products reuse the same space first. */
static size_t kara_scratch(size_t n) {
    if (n < HX_LIMBS_KARATSUBA) return 0;
    size_t k = n - n / 2;
    return 4 * (k + 1) + kara_scratch(k + 1);
}

/* Karatsuba: a = a1 B^m + a0, b likewise, with m = n/2 low limbs;
 * a b = z2 B^2m + (z1 - z2 - z0) B^m + z0, z1 = (a0 + a1)(b0 + b1). */
static void kara(hx_limb *r, const hx_limb *a, const hx_limb *b, size_t n, hx_limb *t) {
    if (n < HX_LIMBS_KARATSUBA) {
        mul_school(r, a, n, b, n);
        return;
    }
    size_t m = n / 2, k = n - m;
    kara(r, a, b, m, t);
    kara(r + 2 * m, a + m, b + m, k, t);
    hx_limb *sa = t, *sb = t + (k + 1), *z1 = t + 2 * (k + 1);
    sa[k] = hx_limbs_add(sa, a + m, k, a, m);
    sb[k] = hx_limbs_add(sb, b + m, k, b, m);
    kara(z1, sa, sb, k + 1, t + 4 * (k + 1));
    hx_limbs_sub(z1, z1, 2 * k + 2, r, 2 * m);
    hx_limbs_sub(z1, z1, 2 * k + 2, r + 2 * m, 2 * k);
    /* z1 - z0 - z2 < B^(2k+1), so adding its 2k+2 limbs at B^m cannot carry
     * out of the 2n-limb result (m >= 2 here). */
    hx_limbs_add(r + m, r + m, 2 * n - m, z1, 2 * k + 2);
}

size_t hx_limbs_mul_scratch(size_t an, size_t bn) {
    if (an < bn) {
        size_t t = an;
        an = bn;
        bn = t;
    }
    if (bn < HX_LIMBS_KARATSUBA) return 0;
    if (an == bn) return kara_scratch(an);
    size_t rest = an % bn;
    size_t inner = kara_scratch(bn);
    if (rest) {
        size_t s = hx_limbs_mul_scratch(bn, rest);
        if (s > inner) inner = s;
    }
    return 2 * bn + inner;
}

void hx_limbs_mul(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn,
                  hx_limb *scratch) {
    if (an < bn) {
        const hx_limb *t = a;
        a = b;
        b = t;
        size_t tn = an;
        an = bn;
        bn = tn;
    }
    if (bn == 0) {
        memset(r, 0, an * sizeof(hx_limb));
        return;
    }
    if (bn < HX_LIMBS_KARATSUBA) {
        mul_school(r, a, an, b, bn);
        return;
    }
    if (an == bn) {
        kara(r, a, b, an, scratch);
        return;
    }
    /* Unbalanced: multiply b by bn-limb slices of a and accumulate. */
    hx_limb *prod = scratch, *inner = scratch + 2 * bn;
    memset(r, 0, (an + bn) * sizeof(hx_limb));
    for (size_t off = 0; off < an; off += bn) {
        size_t len = an - off < bn ? an - off : bn;
        if (len == bn)
            kara(prod, a + off, b, bn, inner);
        else
            hx_limbs_mul(prod, b, bn, a + off, len, inner);
        hx_limbs_add(r + off, r + off, an + bn - off, prod, len + bn);
    }
}

size_t hx_limbs_divmod_scratch(size_t an, size_t bn) { return an + 1 + bn; }

void hx_limbs_divmod(hx_limb *q, hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b,
                     size_t bn, hx_limb *scratch) {
    if (bn == 1) {
        uint64_t rem = 0;
        for (size_t i = an; i-- > 0;) {
            uint64_t cur = (rem << 32) | a[i];
            if (q) q[i] = (hx_limb)(cur / b[0]);
            rem = cur % b[0];
        }
        if (r) r[0] = (hx_limb)rem;
        return;
    }
    /* D1: normalize so the divisor's top bit is set. */
    unsigned s = 0;
    for (hx_limb top = b[bn - 1]; !(top & 0x80000000u); top <<= 1) s++;
    hx_limb *vn = scratch, *un = scratch + bn;
    hx_limbs_shl(vn, b, bn, s);
    un[an] = hx_limbs_shl(un, a, an, s);
    uint64_t vtop = vn[bn - 1], vnext = vn[bn - 2];
    for (size_t j = an - bn + 1; j-- > 0;) {
        /* D3: estimate qhat from the top two limbs, refine with the third. */
        uint64_t num = ((uint64_t)un[j + bn] << 32) | un[j + bn - 1];
        uint64_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > 0xFFFFFFFFu || qhat * vnext > ((rhat << 32) | un[j + bn - 2])) {
            qhat--;
            rhat += vtop;
            if (rhat > 0xFFFFFFFFu) break;
        }
        /* D4: multiply and subtract. */
        uint64_t carry = 0;
        hx_limb borrow = 0;
        for (size_t i = 0; i < bn; i++) {
            uint64_t p = qhat * vn[i] + carry;
            carry = p >> 32;
            uint64_t sub = (uint64_t)(hx_limb)p + borrow;
            hx_limb u = un[i + j];
            un[i + j] = (hx_limb)(u - sub);
            borrow = u < sub;
        }
        uint64_t sub = carry + borrow;
        hx_limb u = un[j + bn];
        un[j + bn] = (hx_limb)(u - sub);
        if (u < sub) {
            /* D6: qhat was one too large; add the divisor back. */
            qhat--;
            hx_limb c = hx_limbs_add(un + j, un + j, bn, vn, bn);
            un[j + bn] += c;
        }
        if (q) q[j] = (hx_limb)qhat;
    }
    /* D8: unnormalize the remainder. */
    if (r) hx_limbs_shr(r, un, bn, s);
}

/* Bit i of a (0 beyond the top). */
static unsigned get_bit(const hx_limb *a, size_t n, uint64_t i) {
    uint64_t w = i / 32;
    return w < n ? (a[w] >> (i % 32)) & 1 : 0;
}

/* Whether any of bits 0..i-1 of a is set. */
static bool any_below(const hx_limb *a, size_t n, uint64_t i) {
    uint64_t w = i / 32;
    for (uint64_t k = 0; k < w && k < n; k++)
        if (a[k]) return true;
    return w < n && (i % 32) && (a[w] & ((1u << (i % 32)) - 1));
}

double hx_limbs_to_double(const hx_limb *a, size_t n, int64_t exp2, bool sticky) {
    uint64_t len = hx_limbs_bitlen(a, n);
    if (len == 0) return 0.0;
    int64_t top = (int64_t)len - 1 + exp2; /* exponent of the leading bit */
    if (top > 1023) return HUGE_VAL;
    if (top < -1076) return 0.0;
    /* Keep 53 bits, fewer when the result is subnormal (its last bit has
     * weight 2^-1074). */
    int64_t keep = 53;
    if (top - 52 < -1074) keep = top + 1075;
    int64_t drop = (int64_t)len - keep;
    uint64_t mant = 0;
    if (drop <= 0) {
        for (uint64_t i = len; i-- > 0;) mant = (mant << 1) | get_bit(a, n, i);
        return ldexp((double)mant, (int)exp2);
    }
    for (uint64_t i = len; i-- > (uint64_t)drop;) mant = (mant << 1) | get_bit(a, n, i);
    unsigned half = get_bit(a, n, (uint64_t)drop - 1);
    bool rest = sticky || any_below(a, n, (uint64_t)drop - 1);
    if (half && (rest || (mant & 1))) mant++;
    return ldexp((double)mant, (int)(drop + exp2));
}
