/*
 * math.c — the Math namespace object (ES2025 21.3): constants and the
 * function properties, plus hx_math_pow, the Number::exponentiate the
 * interpreter's `**` uses.
 *
 * Every function coerces its arguments with ToNumber in argument order
 * before computing (observable through valueOf), and returns canonical
 * numbers through hx_number.  Math.random is xorshift128+ whose state is
 * seeded from rt->random_state (deterministic when the host fixes it).
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "builtins/init.h"

/* ES2025 6.1.6.1.3 Number::exponentiate: C's pow differs for a NaN
 * exponent with base 1 and for (±1) ** ±Infinity, which are NaN here. */
double hx_math_pow(double base, double exponent) {
    if (isnan(exponent)) return NAN;
    if (exponent == 0) return 1;
    if (isinf(exponent) && fabs(base) == 1) return NAN;
    return pow(base, exponent);
}

/* One-argument functions, selected by magic. */
enum {
    M_ABS, M_ACOS, M_ACOSH, M_ASIN, M_ASINH, M_ATAN, M_ATANH, M_CBRT, M_CEIL, M_COS, M_COSH,
    M_EXP, M_EXPM1, M_FLOOR, M_FROUND, M_F16ROUND, M_LOG, M_LOG1P, M_LOG10, M_LOG2, M_ROUND,
    M_SIGN, M_SIN, M_SINH, M_SQRT, M_TAN, M_TANH, M_TRUNC, M_CLZ32
};

/* ES2025 21.3.2.17 Math.f16round: round to the nearest binary16 value
 * (ties to even) straight from the double, so there is no double rounding. */
static double f16round(double x) {
    if (isnan(x) || isinf(x) || x == 0) return x;
    double a = fabs(x), r;
    if (a >= 65520.0) r = HUGE_VAL; /* halfway between 65504 and 2^16 rounds to even: overflow */
    else if (a < 0x1p-14) r = nearbyint(a * 0x1p24) * 0x1p-24; /* subnormal: quantum 2^-24 */
    else {
        int e;
        frexp(a, &e); /* a in [2^(e-1), 2^e): 10 fraction bits below 2^(e-1) */
        double q = ldexp(1.0, e - 1 - 10);
        r = nearbyint(a / q) * q;
    }
    return x < 0 ? -r : r;
}

/* ES2025 21.3.2.28 Math.round: ties toward +Infinity, -0 kept. */
static double js_round(double x) {
    if (!isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    if (fabs(x) >= 4503599627370496.0) return x; /* 2^52: already integral */
    double f = floor(x);
    return x - f >= 0.5 ? f + 1 : f;
}

static double apply1(int which, double x) {
    switch (which) {
    case M_ABS: return fabs(x);
    case M_ACOS: return acos(x);
    case M_ACOSH: return acosh(x);
    case M_ASIN: return asin(x);
    case M_ASINH: return asinh(x);
    case M_ATAN: return atan(x);
    case M_ATANH: return atanh(x);
    case M_CBRT: {
        /* exact for perfect cubes (the C library may be off by an ulp) */
        double r = cbrt(x), n = nearbyint(r);
        return n * n * n == x ? n : r;
    }
    case M_CEIL: return ceil(x);
    case M_COS: return cos(x);
    case M_COSH: return cosh(x);
    case M_EXP: return exp(x);
    case M_EXPM1: return expm1(x);
    case M_FLOOR: return floor(x);
    case M_FROUND: return (double)(float)x;
    case M_F16ROUND: return f16round(x);
    case M_LOG: return log(x);
    case M_LOG1P: return log1p(x);
    case M_LOG10: return log10(x);
    case M_LOG2: return log2(x);
    case M_ROUND: return js_round(x);
    case M_SIGN: return isnan(x) || x == 0 ? x : x > 0 ? 1 : -1;
    case M_SIN: return sin(x);
    case M_SINH: return sinh(x);
    case M_SQRT: return sqrt(x);
    case M_TAN: return tan(x);
    case M_TANH: return tanh(x);
    case M_TRUNC: return trunc(x);
    case M_CLZ32: { /* ES2025 21.3.2.11: ToUint32, then leading zero bits */
        uint32_t n = (uint32_t)hx_double_to_int32(x);
        int k = 0;
        if (n == 0) return 32;
        while (!(n & 0x80000000u)) {
            n <<= 1;
            k++;
        }
        return k;
    }
    }
    return NAN;
}

static hx_value math_unary(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    double x;
    if (hx_to_number(realm, HX_ARG(0), &x) < 0) return HX_EXCEPTION;
    return hx_number(apply1(magic, x));
}

/* ES2025 21.3.2.8 Math.atan2 */
static hx_value math_atan2(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    double y, x;
    if (hx_to_number(realm, HX_ARG(0), &y) < 0 || hx_to_number(realm, HX_ARG(1), &x) < 0)
        return HX_EXCEPTION;
    return hx_number(atan2(y, x));
}

/* ES2025 21.3.2.26 Math.pow */
static hx_value math_pow(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                         hx_value new_target, int magic) {
    double b, e;
    if (hx_to_number(realm, HX_ARG(0), &b) < 0 || hx_to_number(realm, HX_ARG(1), &e) < 0)
        return HX_EXCEPTION;
    return hx_number(hx_math_pow(b, e));
}

/* ES2025 21.3.2.19 Math.imul */
static hx_value math_imul(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                          hx_value new_target, int magic) {
    uint32_t a, b;
    if (hx_to_uint32(realm, HX_ARG(0), &a) < 0 || hx_to_uint32(realm, HX_ARG(1), &b) < 0)
        return HX_EXCEPTION;
    return hx_int((int32_t)(a * b));
}

/* ES2025 21.3.2.24/25 Math.max (magic 1) and Math.min (magic 0): every
 * argument is coerced before any comparison. */
static hx_value math_minmax(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    double r = magic ? -HUGE_VAL : HUGE_VAL;
    bool nan = false;
    for (int i = 0; i < argc; i++) {
        double x;
        if (hx_to_number(realm, argv[i], &x) < 0) return HX_EXCEPTION;
        if (isnan(x)) nan = true;
        else if (magic ? (x > r || (x == 0 && r == 0 && !signbit(x))) : (x < r || (x == 0 && r == 0 && signbit(x))))
            r = x;
    }
    return hx_number(nan ? NAN : r);
}

/* ES2025 21.3.2.18 Math.hypot */
static hx_value math_hypot(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    double stack_buf[8];
    double *xs = stack_buf;
    if (argc > 8) {
        xs = hx_mem_alloc(realm->rt, (size_t)argc * sizeof(double));
        if (!xs) return HX_EXCEPTION;
    }
    hx_value res = HX_EXCEPTION;
    for (int i = 0; i < argc; i++) /* step 3: coerce all first */
        if (hx_to_number(realm, argv[i], &xs[i]) < 0) goto done;
    bool inf = false, nan = false;
    double m = 0;
    for (int i = 0; i < argc; i++) {
        if (isinf(xs[i])) inf = true;
        else if (isnan(xs[i])) nan = true;
        else if (fabs(xs[i]) > m) m = fabs(xs[i]);
    }
    if (inf) res = hx_number(HUGE_VAL); /* step 4: Infinity beats NaN */
    else if (nan) res = hx_number(NAN);
    else if (m == 0) res = hx_int(0);
    else if (argc == 2) res = hx_number(hypot(xs[0], xs[1]));
    else {
        /* scaled sum of squares with compensation */
        double sum = 0, comp = 0;
        for (int i = 0; i < argc; i++) {
            double t = xs[i] / m;
            double y = t * t - comp;
            double s = sum + y;
            comp = (s - sum) - y;
            sum = s;
        }
        res = hx_number(sqrt(sum) * m);
    }
done:
    if (xs != stack_buf) hx_mem_free(realm->rt, xs, (size_t)argc * sizeof(double));
    return res;
}

/* ES2025 21.3.2.27 Math.random: xorshift128+.  The state lives in the
 * runtime word rt->random_state (s0) and the function's two data values
 * (s1, as two int32 halves), seeded on first use from random_state. */
static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static hx_value math_random(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    hx_object *self = hx_current_native(rt);
    uint64_t s0, s1;
    if (!self || !hx_is_int(self->u.native.data)) {
        uint64_t seed = rt->random_state;
        s0 = splitmix64(&seed);
        s1 = splitmix64(&seed);
        if (!s0 && !s1) s1 = 1;
    } else {
        s0 = rt->random_state;
        s1 = (uint64_t)(uint32_t)hx_get_int(self->u.native.data) |
             (uint64_t)(uint32_t)hx_get_int(self->u.native.data2) << 32;
    }
    /* xorshift128+ step */
    uint64_t x = s0, y = s1;
    s0 = y;
    x ^= x << 23;
    s1 = x ^ y ^ (x >> 17) ^ (y >> 26);
    uint64_t out = s1 + y;
    rt->random_state = s0;
    if (self) {
        self->u.native.data = hx_int((int32_t)(uint32_t)s1);
        self->u.native.data2 = hx_int((int32_t)(uint32_t)(s1 >> 32));
    }
    return hx_double((double)(out >> 11) * 0x1p-53);
}

static const hx_builtin math_table[] = {
    HX_VALUE_D("E", 2.718281828459045, 0),
    HX_VALUE_D("LN10", 2.302585092994046, 0),
    HX_VALUE_D("LN2", 0.6931471805599453, 0),
    HX_VALUE_D("LOG10E", 0.4342944819032518, 0),
    HX_VALUE_D("LOG2E", 1.4426950408889634, 0),
    HX_VALUE_D("PI", 3.141592653589793, 0),
    HX_VALUE_D("SQRT1_2", 0.7071067811865476, 0),
    HX_VALUE_D("SQRT2", 1.4142135623730951, 0),
    HX_FUNC_MAGIC("abs", math_unary, 1, M_ABS),
    HX_FUNC_MAGIC("acos", math_unary, 1, M_ACOS),
    HX_FUNC_MAGIC("acosh", math_unary, 1, M_ACOSH),
    HX_FUNC_MAGIC("asin", math_unary, 1, M_ASIN),
    HX_FUNC_MAGIC("asinh", math_unary, 1, M_ASINH),
    HX_FUNC_MAGIC("atan", math_unary, 1, M_ATAN),
    HX_FUNC_MAGIC("atanh", math_unary, 1, M_ATANH),
    HX_FUNC("atan2", math_atan2, 2),
    HX_FUNC_MAGIC("cbrt", math_unary, 1, M_CBRT),
    HX_FUNC_MAGIC("ceil", math_unary, 1, M_CEIL),
    HX_FUNC_MAGIC("clz32", math_unary, 1, M_CLZ32),
    HX_FUNC_MAGIC("cos", math_unary, 1, M_COS),
    HX_FUNC_MAGIC("cosh", math_unary, 1, M_COSH),
    HX_FUNC_MAGIC("exp", math_unary, 1, M_EXP),
    HX_FUNC_MAGIC("expm1", math_unary, 1, M_EXPM1),
    HX_FUNC_MAGIC("floor", math_unary, 1, M_FLOOR),
    HX_FUNC_MAGIC("fround", math_unary, 1, M_FROUND),
    HX_FUNC_MAGIC("f16round", math_unary, 1, M_F16ROUND),
    HX_FUNC("hypot", math_hypot, 2),
    HX_FUNC("imul", math_imul, 2),
    HX_FUNC_MAGIC("log", math_unary, 1, M_LOG),
    HX_FUNC_MAGIC("log1p", math_unary, 1, M_LOG1P),
    HX_FUNC_MAGIC("log10", math_unary, 1, M_LOG10),
    HX_FUNC_MAGIC("log2", math_unary, 1, M_LOG2),
    HX_FUNC_MAGIC("max", math_minmax, 2, 1),
    HX_FUNC_MAGIC("min", math_minmax, 2, 0),
    HX_FUNC("pow", math_pow, 2),
    HX_FUNC("random", math_random, 0),
    HX_FUNC_MAGIC("round", math_unary, 1, M_ROUND),
    HX_FUNC_MAGIC("sign", math_unary, 1, M_SIGN),
    HX_FUNC_MAGIC("sin", math_unary, 1, M_SIN),
    HX_FUNC_MAGIC("sinh", math_unary, 1, M_SINH),
    HX_FUNC_MAGIC("sqrt", math_unary, 1, M_SQRT),
    HX_FUNC_MAGIC("tan", math_unary, 1, M_TAN),
    HX_FUNC_MAGIC("tanh", math_unary, 1, M_TANH),
    HX_FUNC_MAGIC("trunc", math_unary, 1, M_TRUNC),
    HX_SYM_VALUE_S("toStringTag", "Math", HX_PROP_CONFIGURABLE),
};

/* ES2025 21.3 The Math Object */
int hx_init_math(hx_realm *realm) {
    hx_object *math = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!math) return -1;
    if (HX_INSTALL(realm, math, math_table) < 0) return -1;
    return hx_define_global(realm, "Math", hx_object_value(math));
}
