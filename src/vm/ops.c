/*
 * ops.c — the slow paths of the operators (ES2025 13.15.3
 * ApplyStringOrNumericBinaryOperator, 7.2.13 IsLessThan, unary minus,
 * bitwise not, increment/decrement) for operands that are not both int32 or
 * both doubles: strings, BigInts, objects needing ToPrimitive.
 */
#include <math.h>
#include "vm/vm.h"
#include "vm/ops.h"
#include "vm/bigint.h"


static double js_fmod(double a, double b) {
    if (isinf(b) && isfinite(a)) return a;
    return fmod(a, b);
}

/* ES2025 6.1.6.1.3 Number::exponentiate */
double hx_number_pow(double x, double y) {
    if (y != y) return NAN;
    if (y == 0) return 1;
    if ((x == 1 || x == -1) && isinf(y)) return NAN;
    return pow(x, y);
}

static hx_value number_op(hx_op_kind op, double a, double b) {
    switch (op) {
    case HX_BIN_ADD: return hx_number(a + b);
    case HX_BIN_SUB: return hx_number(a - b);
    case HX_BIN_MUL: return hx_number(a * b);
    case HX_BIN_DIV: return hx_number(a / b);
    case HX_BIN_MOD: return hx_number(js_fmod(a, b));
    case HX_BIN_EXP: return hx_number(hx_number_pow(a, b));
    case HX_BIN_AND: return hx_int(hx_double_to_int32(a) & hx_double_to_int32(b));
    case HX_BIN_OR: return hx_int(hx_double_to_int32(a) | hx_double_to_int32(b));
    case HX_BIN_XOR: return hx_int(hx_double_to_int32(a) ^ hx_double_to_int32(b));
    case HX_BIN_SHL: return hx_int((int32_t)((uint32_t)hx_double_to_int32(a) << (hx_double_to_int32(b) & 31)));
    case HX_BIN_SAR: return hx_int(hx_double_to_int32(a) >> (hx_double_to_int32(b) & 31));
    case HX_BIN_SHR: return hx_number((double)((uint32_t)hx_double_to_int32(a) >> (hx_double_to_int32(b) & 31)));
    }
    return HX_UNDEFINED;
}

static const hx_bigint_op big_ops[] = {
    [HX_BIN_ADD] = HX_BIG_ADD, [HX_BIN_SUB] = HX_BIG_SUB, [HX_BIN_MUL] = HX_BIG_MUL,
    [HX_BIN_DIV] = HX_BIG_DIV, [HX_BIN_MOD] = HX_BIG_MOD, [HX_BIN_EXP] = HX_BIG_EXP,
    [HX_BIN_AND] = HX_BIG_AND, [HX_BIN_OR] = HX_BIG_OR,   [HX_BIN_XOR] = HX_BIG_XOR,
    [HX_BIN_SHL] = HX_BIG_SHL, [HX_BIN_SAR] = HX_BIG_SAR, [HX_BIN_SHR] = HX_BIG_SHR,
};

/* ES2025 13.15.3 ApplyStringOrNumericBinaryOperator */
hx_value hx_binary_op(hx_realm *realm, hx_op_kind op, hx_value a, hx_value b) {
    if (op == HX_BIN_ADD) {
        if (hx_is_string(a) && hx_is_string(b)) return hx_string_concat(realm->rt, a, b);
        a = hx_to_primitive(realm, a, 0);
        if (hx_is_exception(a)) return a;
        b = hx_to_primitive(realm, b, 0);
        if (hx_is_exception(b)) return b;
        if (hx_is_string(a) || hx_is_string(b)) {
            hx_value sa = hx_to_string(realm, a);
            if (hx_is_exception(sa)) return sa;
            hx_handles_push(realm->rt, sa);
            hx_value sb = hx_to_string(realm, b);
            if (hx_is_exception(sb)) return sb;
            return hx_string_concat(realm->rt, sa, sb);
        }
    }
    hx_value na = hx_to_numeric(realm, a);
    if (hx_is_exception(na)) return na;
    hx_value nb = hx_to_numeric(realm, b);
    if (hx_is_exception(nb)) return nb;
    if (hx_is_bigint(na) != hx_is_bigint(nb))
        return hx_throw_type_error(realm, "Cannot mix BigInt and other types, use explicit conversions");
    if (hx_is_bigint(na)) return hx_bigint_binary(realm, big_ops[op], na, nb);
    return number_op(op, hx_to_double_fast(na), hx_to_double_fast(nb));
}

/* ES2025 7.2.13 IsLessThan: 1 true, 0 false, 2 undefined (NaN), -1 throw. */
int hx_less_than(hx_realm *realm, hx_value x, hx_value y, bool left_first) {
    hx_value px, py;
    if (left_first) {
        px = hx_to_primitive(realm, x, 1);
        if (hx_is_exception(px)) return -1;
        py = hx_to_primitive(realm, y, 1);
        if (hx_is_exception(py)) return -1;
    } else {
        py = hx_to_primitive(realm, y, 1);
        if (hx_is_exception(py)) return -1;
        px = hx_to_primitive(realm, x, 1);
        if (hx_is_exception(px)) return -1;
    }
    if (hx_is_string(px) && hx_is_string(py)) return hx_string_compare(realm->rt, hx_as_string(px), hx_as_string(py)) < 0;
    if (hx_is_bigint(px) && hx_is_string(py)) {
        hx_value ny = hx_bigint_from_string_value(realm, py);
        if (hx_is_exception(ny)) return -1;
        if (hx_is_undefined(ny)) return 2;
        return hx_bigint_compare(px, ny) < 0;
    }
    if (hx_is_string(px) && hx_is_bigint(py)) {
        hx_value nx = hx_bigint_from_string_value(realm, px);
        if (hx_is_exception(nx)) return -1;
        if (hx_is_undefined(nx)) return 2;
        return hx_bigint_compare(nx, py) < 0;
    }
    hx_value nx = hx_to_numeric(realm, px);
    if (hx_is_exception(nx)) return -1;
    hx_value ny = hx_to_numeric(realm, py);
    if (hx_is_exception(ny)) return -1;
    if (hx_is_bigint(nx) && hx_is_bigint(ny)) return hx_bigint_compare(nx, ny) < 0;
    if (hx_is_bigint(nx)) {
        int c = hx_bigint_compare_number(nx, hx_to_double_fast(ny));
        return c == 2 ? 2 : c < 0;
    }
    if (hx_is_bigint(ny)) {
        int c = hx_bigint_compare_number(ny, hx_to_double_fast(nx));
        return c == 2 ? 2 : c > 0;
    }
    double a = hx_to_double_fast(nx), b = hx_to_double_fast(ny);
    if (a != a || b != b) return 2;
    return a < b;
}

hx_value hx_unary_op(hx_realm *realm, int op, hx_value v) {
    hx_value n = hx_to_numeric(realm, v);
    if (hx_is_exception(n)) return n;
    if (hx_is_bigint(n)) {
        switch (op) {
        case 0: return hx_bigint_neg(realm, n);
        case 1: return hx_bigint_not(realm, n);
        case 2: return hx_bigint_binary(realm, HX_BIG_ADD, n, hx_bigint_from_int64(realm, 1));
        case 3: return hx_bigint_binary(realm, HX_BIG_SUB, n, hx_bigint_from_int64(realm, 1));
        }
    }
    double d = hx_to_double_fast(n);
    switch (op) {
    case 0: return hx_number(-d);
    case 1: return hx_int(~hx_double_to_int32(d));
    case 2: return hx_number(d + 1);
    case 3: return hx_number(d - 1);
    }
    return n;
}
