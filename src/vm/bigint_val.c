/*
 * bigint.c — BigInt values (ES2025 6.1.6.2) as hx_bigint heap cells, on top
 * of the arbitrary-precision library src/base/bignum.h.
 *
 * A cell stores the magnitude in `len` 64-bit limbs, little-endian, with a
 * non-zero top limb (zero has len 0), and the sign in hdr.flags bit 0.  A
 * cell's len is fixed at allocation (the collector sizes cells from it), so
 * every result is computed into a temporary hx_bignum (32-bit limbs, sized
 * by the library's *_size helper) and packed into a fresh cell of exactly
 * the right size.  Results above HX_BIGINT_MAX_BITS are a RangeError.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "base/bignum.h"

#define NEG_FLAG 1

static inline hx_bigint *cell_of(hx_value v) { return (hx_bigint *)hx_get_ptr(v); }
static inline bool cell_neg(const hx_bigint *c) { return c->hdr.flags & NEG_FLAG; }

static hx_value size_error(hx_realm *realm) {
    return hx_throw_range_error(realm, "Maximum BigInt size exceeded");
}

/* Scratch memory for the library, counted against the runtime's limit. */
static void *scratch_alloc(void *ud, size_t bytes) { return hx_mem_alloc((hx_runtime *)ud, bytes); }
static void scratch_free(void *ud, void *p, size_t bytes) { hx_mem_free((hx_runtime *)ud, p, bytes); }

/* A temporary number in 32-bit limbs, owned by the caller. */
typedef struct tmp {
    hx_bignum n;
    size_t cap;
} tmp;

static bool tmp_alloc(hx_realm *realm, tmp *t, size_t limbs) {
    t->n.len = 0;
    t->n.neg = false;
    t->cap = 0;
    t->n.d = NULL;
    if (limbs > HX_BIGNUM_MAX_LIMBS + 2) {
        size_error(realm);
        return false;
    }
    if (limbs == 0) limbs = 1;
    t->n.d = hx_mem_alloc(realm->rt, limbs * sizeof(hx_limb));
    if (!t->n.d) return false;
    memset(t->n.d, 0, limbs * sizeof(hx_limb));
    t->cap = limbs;
    return true;
}

static void tmp_free(hx_realm *realm, tmp *t) {
    if (t->n.d) hx_mem_free(realm->rt, t->n.d, t->cap * sizeof(hx_limb));
    t->n.d = NULL;
}

/* Unpacks a cell into a temporary. */
static bool tmp_load(hx_realm *realm, tmp *t, hx_value v) {
    hx_bigint *c = cell_of(v);
    if (!tmp_alloc(realm, t, (size_t)c->len * 2)) return false;
    for (uint32_t i = 0; i < c->len; i++) {
        t->n.d[2 * i] = (hx_limb)c->limbs[i];
        t->n.d[2 * i + 1] = (hx_limb)(c->limbs[i] >> 32);
    }
    t->n.len = hx_limbs_norm(t->n.d, (size_t)c->len * 2);
    t->n.neg = cell_neg(c) && t->n.len;
    return true;
}

/* Packs a normalized number into a fresh cell. */
static hx_value make_cell(hx_realm *realm, const hx_bignum *b) {
    size_t n = hx_limbs_norm(b->d, b->len);
    if (hx_limbs_bitlen(b->d, n) > HX_BIGINT_MAX_BITS) return size_error(realm);
    size_t n64 = (n + 1) / 2;
    hx_bigint *c = hx_gc_alloc(realm->rt, HX_CELL_BIGINT, sizeof(hx_bigint) + n64 * sizeof(uint64_t));
    if (!c) return HX_EXCEPTION;
    c->len = (uint32_t)n64;
    for (size_t i = 0; i < n64; i++) {
        uint64_t lo = b->d[2 * i], hi = 2 * i + 1 < n ? b->d[2 * i + 1] : 0;
        c->limbs[i] = lo | hi << 32;
    }
    if (b->neg && n64) c->hdr.flags |= NEG_FLAG;
    return HX_PTR_VALUE(HX_TAG_BIGINT, c);
}

/* Packs t into a cell and frees it. */
static hx_value tmp_finish(hx_realm *realm, tmp *t) {
    hx_value v = make_cell(realm, &t->n);
    tmp_free(realm, t);
    return v;
}

/* Small values avoid the heap entirely (a double has at most 1024 bits). */
#define SMALL_LIMBS 34

/* ---- construction and conversion ---------------------------------------- */

hx_value hx_bigint_from_int64(hx_realm *realm, int64_t v) {
    hx_limb d[HX_BIGNUM_INT64_LIMBS];
    hx_bignum b = {d, 0, false};
    hx_bignum_from_int64(&b, v);
    return make_cell(realm, &b);
}

hx_value hx_bigint_from_uint64(hx_realm *realm, uint64_t v) {
    hx_limb d[HX_BIGNUM_INT64_LIMBS];
    hx_bignum b = {d, 0, false};
    hx_bignum_from_uint64(&b, v);
    return make_cell(realm, &b);
}

/* ES2025 21.2.1.1.1 NumberToBigInt, for integral d (the caller checks). */
hx_value hx_bigint_from_double(hx_realm *realm, double d) {
    hx_limb buf[SMALL_LIMBS];
    hx_bignum b = {buf, 0, false};
    if (hx_bignum_from_double_size(d) > SMALL_LIMBS) return size_error(realm); /* cannot happen for finite d */
    hx_bignum_from_double(&b, d);
    return make_cell(realm, &b);
}

static hx_value parse(hx_realm *realm, const uint8_t *latin1, const uint16_t *utf16, size_t len,
                      hx_bignum_syntax syntax) {
    size_t need = hx_bignum_parse_size(latin1, utf16, len, syntax);
    if (need == 0) return HX_UNDEFINED;
    tmp t;
    if (!tmp_alloc(realm, &t, need)) return HX_EXCEPTION;
    hx_bignum_parse(&t.n, latin1, utf16, len, syntax);
    return tmp_finish(realm, &t);
}

/* A BigInt literal's text as the lexer saw it (digits, optionally after a
 * 0x/0o/0b prefix; `_` separators allowed), without the `n`. */
hx_value hx_bigint_from_literal(hx_realm *realm, const char *digits, size_t len, int radix) {
    if (radix == 10 || (len >= 2 && digits[0] == '0' && strchr("xXoObB", digits[1])))
        return parse(realm, (const uint8_t *)digits, NULL, len, HX_BIGNUM_LITERAL);
    /* bare digits in radix 2/8/16: add the prefix the library expects */
    char stack_buf[128];
    size_t n = len + 2;
    char *buf = n <= sizeof stack_buf ? stack_buf : hx_mem_alloc(realm->rt, n);
    if (!buf) return HX_EXCEPTION;
    buf[0] = '0';
    buf[1] = radix == 16 ? 'x' : radix == 8 ? 'o' : 'b';
    memcpy(buf + 2, digits, len);
    hx_value v = parse(realm, (const uint8_t *)buf, NULL, n, HX_BIGNUM_LITERAL);
    if (buf != stack_buf) hx_mem_free(realm->rt, buf, n);
    return v;
}

/* ES2025 7.1.14 StringToBigInt: undefined when the text is not a
 * StringIntegerLiteral. */
hx_value hx_bigint_from_string_value(hx_realm *realm, hx_value str) {
    hx_string *s = hx_string_flat(realm->rt, hx_as_string(str));
    if (!s) return HX_EXCEPTION;
    if (hx_str_is_wide(s)) return parse(realm, NULL, hx_str_utf16(s), s->len, HX_BIGNUM_STRING);
    return parse(realm, hx_str_latin1(s), NULL, s->len, HX_BIGNUM_STRING);
}

/* ES2025 6.1.6.2.23 BigInt::toString */
hx_value hx_bigint_to_string(hx_realm *realm, hx_value v, int radix) {
    hx_runtime *rt = realm->rt;
    tmp t;
    if (!tmp_load(realm, &t, v)) return HX_EXCEPTION;
    size_t size = hx_bignum_to_string_size(&t.n, radix);
    if (size > (size_t)HX_MAX_STRING_LENGTH + 2) {
        tmp_free(realm, &t);
        return hx_throw_range_error(realm, "Invalid string length");
    }
    char *buf = hx_mem_alloc(rt, size);
    hx_value res = HX_EXCEPTION;
    if (buf) {
        hx_bignum_alloc al = {scratch_alloc, scratch_free, rt};
        long n = hx_bignum_to_string(&t.n, radix, buf, &al);
        if (n >= 0) res = hx_string_from_latin1(rt, (const uint8_t *)buf, (size_t)n);
        else if (!rt->has_exception) hx_throw_oom(rt);
        hx_mem_free(rt, buf, size);
    }
    tmp_free(realm, &t);
    return res;
}

/* Views a cell as an hx_bignum in caller storage of SMALL_LIMBS limbs
 * when it fits; false when it is larger. */
static bool small_view(hx_value v, hx_limb *buf, hx_bignum *b) {
    hx_bigint *c = cell_of(v);
    if ((size_t)c->len * 2 > SMALL_LIMBS) return false;
    for (uint32_t i = 0; i < c->len; i++) {
        buf[2 * i] = (hx_limb)c->limbs[i];
        buf[2 * i + 1] = (hx_limb)(c->limbs[i] >> 32);
    }
    b->d = buf;
    b->len = hx_limbs_norm(buf, (size_t)c->len * 2);
    b->neg = cell_neg(c) && b->len;
    return true;
}

/* ℝ(x) → Number: round to nearest, ties to even; Infinity beyond range. */
double hx_bigint_to_double(hx_value v) {
    hx_bigint *c = cell_of(v);
    hx_limb buf[SMALL_LIMBS];
    hx_bignum b;
    if (small_view(v, buf, &b)) return hx_bignum_to_double(&b);
    return cell_neg(c) ? -HUGE_VAL : HUGE_VAL; /* more than 1088 bits */
}

static int cmp_mag(const hx_bigint *a, const hx_bigint *b) {
    if (a->len != b->len) return a->len < b->len ? -1 : 1;
    for (uint32_t i = a->len; i-- > 0;)
        if (a->limbs[i] != b->limbs[i]) return a->limbs[i] < b->limbs[i] ? -1 : 1;
    return 0;
}

int hx_bigint_compare(hx_value av, hx_value bv) {
    hx_bigint *a = cell_of(av), *b = cell_of(bv);
    int sa = a->len == 0 ? 0 : cell_neg(a) ? -1 : 1;
    int sb = b->len == 0 ? 0 : cell_neg(b) ? -1 : 1;
    if (sa != sb) return sa < sb ? -1 : 1;
    int m = cmp_mag(a, b);
    return sa < 0 ? -m : m;
}

/* Exact comparison with a Number; 2 when d is NaN. */
int hx_bigint_compare_number(hx_value av, double d) {
    if (d != d) return 2;
    hx_bigint *a = cell_of(av);
    hx_limb buf[SMALL_LIMBS];
    hx_bignum b;
    if (small_view(av, buf, &b)) return hx_bignum_cmp_double(&b, d);
    /* |a| >= 2^1088 exceeds every finite double */
    if (isinf(d)) return d > 0 ? -1 : 1;
    return cell_neg(a) ? -1 : 1;
}

uint64_t hx_bigint_to_uint64(hx_value v) {
    hx_bigint *c = cell_of(v);
    uint64_t m = c->len ? c->limbs[0] : 0;
    return cell_neg(c) ? (uint64_t)0 - m : m;
}

int64_t hx_bigint_to_int64(hx_value v) { return (int64_t)hx_bigint_to_uint64(v); }

bool hx_bigint_is_zero(hx_value v) { return cell_of(v)->len == 0; }

bool hx_bigint_is_negative(hx_value v) { return cell_neg(cell_of(v)); }

/* ---- arithmetic ------------------------------------------------------------ */

/* A shift count as int64, saturated: |count| beyond 2^62 becomes ±2^62,
 * which every caller treats as "too large". */
static int64_t shift_count(const hx_bignum *b) {
    uint64_t m = 0;
    if (b->len > 2) m = UINT64_MAX;
    else
        for (size_t i = b->len; i-- > 0;) m = m << 32 | b->d[i];
    if (m > (1ull << 62)) m = 1ull << 62;
    return b->neg ? -(int64_t)m : (int64_t)m;
}

/* ES2025 6.1.6.2.9-10 leftShift / signedRightShift: a * 2^n or floor(a / 2^-n). */
static hx_value shift(hx_realm *realm, const hx_bignum *a, int64_t n) {
    if (a->len == 0) return hx_bigint_from_int64(realm, 0);
    if (n > 0 && (uint64_t)n > HX_BIGINT_MAX_BITS) return size_error(realm);
    if (n < 0 && (uint64_t)(-n) / 32 >= a->len) /* all bits shifted out */
        return hx_bigint_from_int64(realm, a->neg ? -1 : 0);
    tmp r;
    if (!tmp_alloc(realm, &r, hx_bignum_shift_size(a, n))) return HX_EXCEPTION;
    hx_bignum_shift(&r.n, a, n);
    return tmp_finish(realm, &r);
}

hx_value hx_bigint_binary(hx_realm *realm, hx_bigint_op op, hx_value av, hx_value bv) {
    hx_runtime *rt = realm->rt;
    if (op == HX_BIG_SHR) /* ES2025 6.1.6.2.11 BigInt::unsignedRightShift */
        return hx_throw_type_error(realm, "BigInts have no unsigned right shift, use >> instead");
    hx_bignum_alloc al = {scratch_alloc, scratch_free, rt};
    tmp a, b, r = {{NULL, 0, false}, 0};
    if (!tmp_load(realm, &a, av)) return HX_EXCEPTION;
    if (!tmp_load(realm, &b, bv)) {
        tmp_free(realm, &a);
        return HX_EXCEPTION;
    }
    hx_value res = HX_EXCEPTION;
    switch (op) {
    case HX_BIG_ADD:
    case HX_BIG_SUB:
        if (!tmp_alloc(realm, &r, hx_bignum_add_size(&a.n, &b.n))) break;
        if (op == HX_BIG_ADD) hx_bignum_add(&r.n, &a.n, &b.n);
        else hx_bignum_sub(&r.n, &a.n, &b.n);
        res = tmp_finish(realm, &r);
        break;
    case HX_BIG_MUL:
        if (!tmp_alloc(realm, &r, hx_bignum_mul_size(&a.n, &b.n))) break;
        if (hx_bignum_mul(&r.n, &a.n, &b.n, &al) < 0) break;
        res = tmp_finish(realm, &r);
        break;
    case HX_BIG_DIV:
    case HX_BIG_MOD: /* ES2025 6.1.6.2.5-6: truncating */
        if (b.n.len == 0) {
            res = hx_throw_range_error(realm, "Division by zero");
            break;
        }
        if (!tmp_alloc(realm, &r, op == HX_BIG_DIV ? hx_bignum_div_size(&a.n, &b.n) : hx_bignum_rem_size(&a.n, &b.n)))
            break;
        if (hx_bignum_divrem(op == HX_BIG_DIV ? &r.n : NULL, op == HX_BIG_MOD ? &r.n : NULL, &a.n, &b.n, &al) < 0)
            break;
        res = tmp_finish(realm, &r);
        break;
    case HX_BIG_EXP: { /* ES2025 6.1.6.2.3 */
        if (b.n.neg) {
            res = hx_throw_range_error(realm, "Exponent must be non-negative");
            break;
        }
        bool trivial = a.n.len == 0 || (a.n.len == 1 && a.n.d[0] == 1);
        uint64_t e = 0;
        if (b.n.len > 2) {
            if (!trivial) {
                res = size_error(realm);
                break;
            }
            e = 2 + (b.n.d[0] & 1); /* only the parity matters */
        } else
            for (size_t i = b.n.len; i-- > 0;) e = e << 32 | b.n.d[i];
        size_t need = hx_bignum_pow_size(&a.n, e);
        if (need > HX_BIGNUM_MAX_LIMBS + 3) {
            res = size_error(realm);
            break;
        }
        if (!tmp_alloc(realm, &r, need)) break;
        if (hx_bignum_pow(&r.n, &a.n, e, &al) < 0) break;
        res = tmp_finish(realm, &r);
        break;
    }
    case HX_BIG_AND:
    case HX_BIG_OR:
    case HX_BIG_XOR:
        if (!tmp_alloc(realm, &r, hx_bignum_bitop_size(&a.n, &b.n))) break;
        if (op == HX_BIG_AND) hx_bignum_and(&r.n, &a.n, &b.n);
        else if (op == HX_BIG_OR) hx_bignum_or(&r.n, &a.n, &b.n);
        else hx_bignum_xor(&r.n, &a.n, &b.n);
        res = tmp_finish(realm, &r);
        break;
    case HX_BIG_SHL:
    case HX_BIG_SAR: {
        int64_t n = shift_count(&b.n);
        res = shift(realm, &a.n, op == HX_BIG_SHL ? n : -n);
        break;
    }
    default: res = hx_throw_type_error(realm, "invalid BigInt operation"); break;
    }
    if (hx_is_exception(res) && !rt->has_exception) hx_throw_oom(rt); /* scratch allocation failed */
    tmp_free(realm, &r);
    tmp_free(realm, &a);
    tmp_free(realm, &b);
    return res;
}

/* ES2025 6.1.6.2.1 BigInt::unaryMinus */
hx_value hx_bigint_neg(hx_realm *realm, hx_value av) {
    hx_bigint *a = cell_of(av);
    if (a->len == 0) return av;
    hx_bigint *c = hx_gc_alloc(realm->rt, HX_CELL_BIGINT, sizeof(hx_bigint) + a->len * sizeof(uint64_t));
    if (!c) return HX_EXCEPTION;
    c->len = a->len;
    memcpy(c->limbs, a->limbs, a->len * sizeof(uint64_t));
    c->hdr.flags = (uint16_t)(cell_neg(a) ? 0 : NEG_FLAG);
    return HX_PTR_VALUE(HX_TAG_BIGINT, c);
}

/* ES2025 6.1.6.2.2 BigInt::bitwiseNOT: -x - 1 */
hx_value hx_bigint_not(hx_realm *realm, hx_value av) {
    tmp a, r;
    if (!tmp_load(realm, &a, av)) return HX_EXCEPTION;
    if (!tmp_alloc(realm, &r, hx_bignum_not_size(&a.n))) {
        tmp_free(realm, &a);
        return HX_EXCEPTION;
    }
    hx_bignum_not(&r.n, &a.n);
    tmp_free(realm, &a);
    return tmp_finish(realm, &r);
}

/* ES2025 21.2.2.1-2 BigInt.asIntN / asUintN */
hx_value hx_bigint_as_n(hx_realm *realm, hx_value av, uint64_t bits, bool is_signed) {
    hx_bigint *c = cell_of(av);
    if (c->len == 0) return av;
    /* values that already fit are returned unchanged (also avoids sizing
     * by huge bit counts) */
    uint64_t len = 64 * (uint64_t)(c->len - 1);
    for (uint64_t top = c->limbs[c->len - 1]; top; top >>= 1) len++;
    if (bits > 0 && (is_signed ? len < bits : (!cell_neg(c) && len <= bits))) return av;
    tmp a, r;
    if (!tmp_load(realm, &a, av)) return HX_EXCEPTION;
    size_t need = is_signed ? hx_bignum_as_int_n_size(&a.n, bits) : hx_bignum_as_uint_n_size(&a.n, bits);
    if (need > HX_BIGNUM_MAX_LIMBS) {
        tmp_free(realm, &a);
        return size_error(realm);
    }
    if (!tmp_alloc(realm, &r, need)) {
        tmp_free(realm, &a);
        return HX_EXCEPTION;
    }
    if (is_signed) hx_bignum_as_int_n(&r.n, &a.n, bits);
    else hx_bignum_as_uint_n(&r.n, &a.n, bits);
    tmp_free(realm, &a);
    return tmp_finish(realm, &r);
}
