/*
 * bignum.c — BigInt arithmetic on sign-magnitude numbers (see bignum.h):
 * comparison, Number conversions, add/subtract/multiply/divide/power,
 * shifts, two's-complement bitwise operators and asIntN/asUintN.
 *
 * Invariant: every result is normalized (no zero top limb) and zero is
 * never negative, so equal values have equal representations.  Bitwise
 * operators read negative operands as infinite two's complement on the fly
 * (~(|x| - 1), limb by limb) instead of materializing them.
 */
#include "base/bignum.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- scratch memory ---------------------------------------------------- */

static hx_limb *scratch_get(const hx_bignum_alloc *al, size_t limbs) {
    if (limbs > SIZE_MAX / sizeof(hx_limb)) return NULL;
    size_t bytes = limbs * sizeof(hx_limb);
    return al ? al->alloc(al->ud, bytes) : malloc(bytes);
}

static void scratch_put(const hx_bignum_alloc *al, hx_limb *p, size_t limbs) {
    if (!p) return;
    if (al) al->free(al->ud, p, limbs * sizeof(hx_limb));
    else free(p);
}

/* ---- helpers ------------------------------------------------------------ */

static void finish(hx_bignum *r, size_t len, bool neg) {
    r->len = hx_limbs_norm(r->d, len);
    r->neg = neg && r->len > 0;
}

static int cmp_mag(const hx_bignum *a, const hx_bignum *b) {
    return hx_limbs_cmp(a->d, a->len, b->d, b->len);
}

/* Saturating a + b for sizes. */
static size_t size_add(size_t a, size_t b) { return a > SIZE_MAX - b ? SIZE_MAX : a + b; }

static size_t at_least_1(size_t n) { return n ? n : 1; }

/* d = f * 2^e exactly with f < 2^53, for finite d > 0. */
static void decompose(double d, uint64_t *f, int *e) {
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int be = (int)((bits >> 52) & 0x7FF);
    *f = bits & ((UINT64_C(1) << 52) - 1);
    if (be == 0) {
        *e = -1074;
    } else {
        *f |= UINT64_C(1) << 52;
        *e = be - 1075;
    }
}

/* Writes f * 2^e (e >= 0) into t; returns the normalized length. */
static size_t shifted_limbs(hx_limb *t, uint64_t f, int e) {
    size_t words = (size_t)e / 32;
    memset(t, 0, words * sizeof(hx_limb));
    hx_limb lo[2] = {(hx_limb)f, (hx_limb)(f >> 32)};
    t[words + 2] = hx_limbs_shl(t + words, lo, 2, (unsigned)e % 32);
    return hx_limbs_norm(t, words + 3);
}

/* ---- comparison and conversions ---------------------------------------- */

int hx_bignum_cmp(const hx_bignum *a, const hx_bignum *b) {
    if (a->neg != b->neg) return a->neg ? -1 : 1;
    int c = cmp_mag(a, b);
    return a->neg ? -c : c;
}

/* Compares |a| with finite x > 0 exactly. */
static int cmp_mag_double(const hx_bignum *a, double x) {
    uint64_t f;
    int e;
    decompose(x, &f, &e);
    hx_limb t[40];
    if (e >= 0) {
        size_t n = shifted_limbs(t, f, e);
        return hx_limbs_cmp(a->d, a->len, t, n);
    }
    /* x < 2^53: compare with its integer part, then with the fraction. */
    double ip = floor(x);
    uint64_t i = (uint64_t)ip;
    t[0] = (hx_limb)i;
    t[1] = (hx_limb)(i >> 32);
    int c = hx_limbs_cmp(a->d, a->len, t, hx_limbs_norm(t, 2));
    if (c) return c;
    return ip == x ? 0 : -1;
}

int hx_bignum_cmp_double(const hx_bignum *a, double d) {
    if (isnan(d)) return HX_BIGNUM_UNORDERED;
    if (isinf(d)) return d > 0 ? -1 : 1;
    int as = a->len == 0 ? 0 : a->neg ? -1 : 1;
    int ds = d < 0 ? -1 : d > 0 ? 1 : 0;
    if (as != ds) return as < ds ? -1 : 1;
    if (as == 0) return 0;
    int c = cmp_mag_double(a, fabs(d));
    return as < 0 ? -c : c;
}

double hx_bignum_to_double(const hx_bignum *a) {
    double v = hx_limbs_to_double(a->d, a->len, 0, false);
    return a->neg ? -v : v;
}

size_t hx_bignum_from_double_size(double d) {
    if (d == 0) return 1;
    uint64_t f;
    int e;
    decompose(fabs(d), &f, &e);
    return e >= 0 ? (size_t)e / 32 + 3 : 2;
}

void hx_bignum_from_double(hx_bignum *r, double d) {
    if (d == 0) {
        r->len = 0;
        r->neg = false;
        return;
    }
    uint64_t f;
    int e;
    decompose(fabs(d), &f, &e);
    size_t n;
    if (e >= 0) {
        n = shifted_limbs(r->d, f, e);
    } else {
        f >>= -e; /* exact: d is integral */
        r->d[0] = (hx_limb)f;
        r->d[1] = (hx_limb)(f >> 32);
        n = 2;
    }
    finish(r, n, d < 0);
}

void hx_bignum_from_uint64(hx_bignum *r, uint64_t v) {
    r->d[0] = (hx_limb)v;
    r->d[1] = (hx_limb)(v >> 32);
    finish(r, 2, false);
}

void hx_bignum_from_int64(hx_bignum *r, int64_t v) {
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    hx_bignum_from_uint64(r, m);
    r->neg = v < 0;
}

uint64_t hx_bignum_to_uint64(const hx_bignum *a) {
    uint64_t m = 0;
    if (a->len > 0) m = a->d[0];
    if (a->len > 1) m |= (uint64_t)a->d[1] << 32;
    return a->neg ? 0 - m : m; /* modulo 2^64 */
}

int64_t hx_bignum_to_int64(const hx_bignum *a) {
    uint64_t u = hx_bignum_to_uint64(a);
    /* Reinterpret modulo 2^64 without implementation-defined conversion. */
    return u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;
}

void hx_bignum_copy(hx_bignum *r, const hx_bignum *a) {
    if (r->d != a->d) memmove(r->d, a->d, a->len * sizeof(hx_limb));
    r->len = a->len;
    r->neg = a->neg;
}

/* ---- add, subtract, negate ---------------------------------------------- */

void hx_bignum_neg(hx_bignum *r, const hx_bignum *a) {
    hx_bignum_copy(r, a);
    r->neg = !a->neg && a->len > 0;
}

size_t hx_bignum_add_size(const hx_bignum *a, const hx_bignum *b) {
    return size_add(a->len > b->len ? a->len : b->len, 1);
}

/* r = a + (bneg ? -|b| : |b|) */
static void add_signed(hx_bignum *r, const hx_bignum *a, const hx_bignum *b, bool bneg) {
    if (a->neg == bneg) {
        const hx_bignum *x = a, *y = b;
        if (x->len < y->len) {
            x = b;
            y = a;
        }
        r->d[x->len] = hx_limbs_add(r->d, x->d, x->len, y->d, y->len);
        finish(r, x->len + 1, a->neg);
        return;
    }
    int c = cmp_mag(a, b);
    if (c >= 0) {
        hx_limbs_sub(r->d, a->d, a->len, b->d, b->len);
        finish(r, a->len, a->neg);
    } else {
        hx_limbs_sub(r->d, b->d, b->len, a->d, a->len);
        finish(r, b->len, bneg);
    }
}

void hx_bignum_add(hx_bignum *r, const hx_bignum *a, const hx_bignum *b) {
    add_signed(r, a, b, b->neg);
}

void hx_bignum_sub(hx_bignum *r, const hx_bignum *a, const hx_bignum *b) {
    add_signed(r, a, b, !b->neg && b->len > 0);
}

/* ---- multiply, divide, power -------------------------------------------- */

size_t hx_bignum_mul_size(const hx_bignum *a, const hx_bignum *b) {
    return at_least_1(size_add(a->len, b->len));
}

/* r[0..an+bn) = a * b with scratch from al; -1 when that fails. */
static int mul_limbs(hx_limb *r, const hx_limb *a, size_t an, const hx_limb *b, size_t bn,
                     const hx_bignum_alloc *al) {
    size_t need = hx_limbs_mul_scratch(an, bn);
    hx_limb *scratch = NULL;
    if (need) {
        scratch = scratch_get(al, need);
        if (!scratch) return -1;
    }
    hx_limbs_mul(r, a, an, b, bn, scratch);
    scratch_put(al, scratch, need);
    return 0;
}

int hx_bignum_mul(hx_bignum *r, const hx_bignum *a, const hx_bignum *b,
                  const hx_bignum_alloc *al) {
    if (a->len == 0 || b->len == 0) {
        finish(r, 0, false);
        return 0;
    }
    if (mul_limbs(r->d, a->d, a->len, b->d, b->len, al)) return -1;
    finish(r, a->len + b->len, a->neg != b->neg);
    return 0;
}

size_t hx_bignum_div_size(const hx_bignum *a, const hx_bignum *b) {
    return a->len >= b->len ? a->len - b->len + 1 : 1;
}

size_t hx_bignum_rem_size(const hx_bignum *a, const hx_bignum *b) {
    return at_least_1(a->len < b->len ? a->len : b->len);
}

int hx_bignum_divrem(hx_bignum *q, hx_bignum *rem, const hx_bignum *a, const hx_bignum *b,
                     const hx_bignum_alloc *al) {
    if (cmp_mag(a, b) < 0) { /* |a| < |b|: quotient 0, remainder a */
        if (q) finish(q, 0, false);
        if (rem) hx_bignum_copy(rem, a);
        return 0;
    }
    size_t need = b->len > 1 ? hx_limbs_divmod_scratch(a->len, b->len) : 0;
    hx_limb *scratch = NULL;
    if (need && !(scratch = scratch_get(al, need))) return -1;
    hx_limbs_divmod(q ? q->d : NULL, rem ? rem->d : NULL, a->d, a->len, b->d, b->len, scratch);
    scratch_put(al, scratch, need);
    /* ES2025 6.1.6.2.5: the quotient truncates toward zero; 6.1.6.2.6: the
     * remainder takes the sign of the dividend. */
    if (q) finish(q, a->len - b->len + 1, a->neg != b->neg);
    if (rem) finish(rem, b->len, a->neg);
    return 0;
}

size_t hx_bignum_pow_size(const hx_bignum *a, uint64_t e) {
    if (e == 0 || a->len == 0 || (a->len == 1 && a->d[0] == 1)) return 1;
    uint64_t bits = hx_limbs_bitlen(a->d, a->len);
    if (bits > UINT64_MAX / e) return SIZE_MAX;
    uint64_t limbs = bits * e / 32 + 3; /* +2 for operand-sized product arrays */
    return limbs > SIZE_MAX ? SIZE_MAX : (size_t)limbs;
}

/* If |a| is a power of two, its exponent; else -1. */
static int64_t power_of_two(const hx_bignum *a) {
    for (size_t i = 0; i + 1 < a->len; i++)
        if (a->d[i]) return -1;
    hx_limb top = a->d[a->len - 1];
    if (top & (top - 1)) return -1;
    return (int64_t)hx_limbs_bitlen(a->d, a->len) - 1;
}

int hx_bignum_pow(hx_bignum *r, const hx_bignum *a, uint64_t e, const hx_bignum_alloc *al) {
    if (e == 0) { /* ES2025 6.1.6.2.3 step 2: base ** 0n is 1n */
        r->d[0] = 1;
        finish(r, 1, false);
        return 0;
    }
    if (a->len == 0) {
        finish(r, 0, false);
        return 0;
    }
    bool neg = a->neg && (e & 1);
    int64_t k = power_of_two(a);
    if (k >= 0) { /* (2^k)^e = 2^(k e): a single bit */
        uint64_t bit = (uint64_t)k * e;
        size_t w = (size_t)(bit / 32);
        memset(r->d, 0, w * sizeof(hx_limb));
        r->d[w] = (hx_limb)1 << (bit % 32);
        finish(r, w + 1, neg);
        return 0;
    }
    /* Left-to-right binary exponentiation in two buffers of the final
     * size; every intermediate power fits (see hx_bignum_pow_size). */
    size_t cap = hx_bignum_pow_size(a, e);
    hx_limb *acc = scratch_get(al, cap), *tmp = scratch_get(al, cap);
    if (!acc || !tmp) {
        scratch_put(al, acc, cap);
        scratch_put(al, tmp, cap);
        return -1;
    }
    memcpy(acc, a->d, a->len * sizeof(hx_limb));
    size_t n = a->len;
    int top = 63;
    while (!((e >> top) & 1)) top--;
    int status = 0;
    for (int i = top - 1; i >= 0 && status == 0; i--) {
        status = mul_limbs(tmp, acc, n, acc, n, al);
        n = hx_limbs_norm(tmp, 2 * n);
        hx_limb *t = acc;
        acc = tmp;
        tmp = t;
        if (status == 0 && ((e >> i) & 1)) {
            status = mul_limbs(tmp, acc, n, a->d, a->len, al);
            n = hx_limbs_norm(tmp, n + a->len);
            t = acc;
            acc = tmp;
            tmp = t;
        }
    }
    if (status == 0) {
        memcpy(r->d, acc, n * sizeof(hx_limb));
        finish(r, n, neg);
    }
    scratch_put(al, acc, cap);
    scratch_put(al, tmp, cap);
    return status;
}

/* ---- shifts --------------------------------------------------------------- */

size_t hx_bignum_shift_size(const hx_bignum *a, int64_t n) {
    if (a->len == 0) return 1;
    if (n >= 0) return size_add(a->len, size_add((size_t)((uint64_t)n / 32), 1));
    uint64_t m = 0 - (uint64_t)n;
    if (m / 32 >= a->len) return 1;
    /* floor of a negative value can carry into one more limb */
    return a->len - (size_t)(m / 32) + 1;
}

void hx_bignum_shift(hx_bignum *r, const hx_bignum *a, int64_t n) {
    if (a->len == 0) {
        finish(r, 0, false);
        return;
    }
    if (n >= 0) { /* ES2025 6.1.6.2.9 BigInt::leftShift: a * 2^n */
        size_t words = (size_t)((uint64_t)n / 32);
        memset(r->d, 0, words * sizeof(hx_limb));
        r->d[words + a->len] = hx_limbs_shl(r->d + words, a->d, a->len, (unsigned)(n % 32));
        finish(r, words + a->len + 1, a->neg);
        return;
    }
    /* Right shift: floor(a / 2^m), so negative values round toward -inf. */
    uint64_t m = 0 - (uint64_t)n;
    if (m / 32 >= a->len) {
        r->d[0] = 1;
        finish(r, a->neg ? 1 : 0, a->neg);
        return;
    }
    size_t words = (size_t)(m / 32), len = a->len - words;
    unsigned bits = (unsigned)(m % 32);
    bool lost = false;
    for (size_t i = 0; i < words && !lost; i++) lost = a->d[i] != 0;
    if (bits && (a->d[words] & (((hx_limb)1 << bits) - 1))) lost = true;
    hx_limbs_shr(r->d, a->d + words, len, bits);
    len = hx_limbs_norm(r->d, len);
    if (a->neg && lost) { /* |floor(-x)| = trunc(x) + 1 when bits were lost */
        hx_limb one = 1;
        if (len == 0) r->d[len++] = 1;
        else if (hx_limbs_add(r->d, r->d, len, &one, 1)) r->d[len++] = 1;
    }
    finish(r, len, a->neg);
}

/* ---- bitwise operators ---------------------------------------------------- */

/* Limb-by-limb reader of the infinite two's-complement form of a. */
typedef struct tc_reader {
    const hx_bignum *a;
    hx_limb borrow; /* for negatives: borrow of |a| - 1 so far */
} tc_reader;

static hx_limb tc_next(tc_reader *t, size_t i) {
    hx_limb m = i < t->a->len ? t->a->d[i] : 0;
    if (!t->a->neg) return m;
    hx_limb v = m - t->borrow;
    t->borrow = m < t->borrow;
    return ~v;
}

/* Turns the two's-complement limbs r[0..n) of a negative value into its
 * magnitude in place (negation: ~v + 1). */
static void tc_negate(hx_limb *r, size_t n) {
    hx_limb carry = 1;
    for (size_t i = 0; i < n; i++) {
        hx_limb v = ~r[i] + carry;
        carry = carry && v == 0;
        r[i] = v;
    }
}

enum { OP_AND, OP_OR, OP_XOR };

size_t hx_bignum_bitop_size(const hx_bignum *a, const hx_bignum *b) {
    return hx_bignum_add_size(a, b);
}

/* ES2025 6.1.6.2.20 BigIntBitwiseOp, on max(len)+1 limbs, enough to hold
 * both operands' sign extension. */
static void bitop(hx_bignum *r, const hx_bignum *a, const hx_bignum *b, int op) {
    size_t n = (a->len > b->len ? a->len : b->len) + 1;
    tc_reader ra = {a, 1}, rb = {b, 1};
    bool neg;
    switch (op) {
    case OP_AND: neg = a->neg && b->neg; break;
    case OP_OR: neg = a->neg || b->neg; break;
    default: neg = a->neg != b->neg; break;
    }
    for (size_t i = 0; i < n; i++) {
        hx_limb x = tc_next(&ra, i), y = tc_next(&rb, i);
        r->d[i] = op == OP_AND ? x & y : op == OP_OR ? x | y : x ^ y;
    }
    if (neg) tc_negate(r->d, n);
    finish(r, n, neg);
}

void hx_bignum_and(hx_bignum *r, const hx_bignum *a, const hx_bignum *b) { bitop(r, a, b, OP_AND); }
void hx_bignum_or(hx_bignum *r, const hx_bignum *a, const hx_bignum *b) { bitop(r, a, b, OP_OR); }
void hx_bignum_xor(hx_bignum *r, const hx_bignum *a, const hx_bignum *b) { bitop(r, a, b, OP_XOR); }

size_t hx_bignum_not_size(const hx_bignum *a) { return size_add(a->len, 1); }

void hx_bignum_not(hx_bignum *r, const hx_bignum *a) {
    hx_limb one = 1;
    if (!a->neg) { /* ~a = -(a + 1) */
        if (a->len == 0) {
            r->d[0] = 1;
            finish(r, 1, true);
            return;
        }
        r->d[a->len] = hx_limbs_add(r->d, a->d, a->len, &one, 1);
        finish(r, a->len + 1, true);
    } else { /* ~(-m) = m - 1 */
        hx_limbs_sub(r->d, a->d, a->len, &one, 1);
        finish(r, a->len, false);
    }
}

/* ---- asIntN / asUintN --------------------------------------------------- */

/* ceil(bits / 32), saturated to size_t */
static size_t limbs_for_bits(uint64_t bits) {
    uint64_t n = bits / 32 + (bits % 32 != 0);
    return n > SIZE_MAX ? SIZE_MAX : (size_t)n;
}

size_t hx_bignum_as_uint_n_size(const hx_bignum *a, uint64_t bits) {
    size_t k = limbs_for_bits(bits);
    if (a->neg) return at_least_1(k);
    return at_least_1(a->len < k ? a->len : k);
}

/* r = a mod 2^bits on k = min(limbs_for_bits(bits), n) limbs of a's two's
 * complement; returns the length written. */
static size_t low_bits(hx_limb *r, const hx_bignum *a, uint64_t bits, size_t k) {
    tc_reader t = {a, 1};
    for (size_t i = 0; i < k; i++) r[i] = tc_next(&t, i);
    if (k == limbs_for_bits(bits) && bits % 32) r[k - 1] &= ((hx_limb)1 << (bits % 32)) - 1;
    return k;
}

void hx_bignum_as_uint_n(hx_bignum *r, const hx_bignum *a, uint64_t bits) {
    /* ES2025 21.2.2.2: ℝ(bigint) modulo 2^bits. */
    if (bits == 0 || a->len == 0) {
        finish(r, 0, false);
        return;
    }
    size_t k = limbs_for_bits(bits);
    if (!a->neg && a->len < k) k = a->len;
    finish(r, low_bits(r->d, a, bits, k), false);
}

size_t hx_bignum_as_int_n_size(const hx_bignum *a, uint64_t bits) {
    size_t k = limbs_for_bits(bits);
    return at_least_1(a->len < k ? a->len : k);
}

void hx_bignum_as_int_n(hx_bignum *r, const hx_bignum *a, uint64_t bits) {
    /* ES2025 21.2.2.1: mod = ℝ(bigint) modulo 2^bits; if mod >= 2^(bits-1)
     * the result is mod - 2^bits. */
    if (bits == 0 || a->len == 0) {
        finish(r, 0, false);
        return;
    }
    if (hx_limbs_bitlen(a->d, a->len) < bits) { /* |a| < 2^(bits-1): unchanged */
        hx_bignum_copy(r, a);
        return;
    }
    /* Here bits <= bitlen(|a|), so the k limbs below fit in a->len. */
    size_t k = limbs_for_bits(bits);
    low_bits(r->d, a, bits, k);
    uint64_t top = bits - 1;
    if ((r->d[top / 32] >> (top % 32)) & 1) {
        /* negative: magnitude 2^bits - mod = (~mod + 1) mod 2^bits */
        tc_negate(r->d, k);
        if (bits % 32) r->d[k - 1] &= ((hx_limb)1 << (bits % 32)) - 1;
        finish(r, k, true);
    } else {
        finish(r, k, false);
    }
}
