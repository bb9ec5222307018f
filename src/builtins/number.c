/*
 * number.c — the Number constructor and Number.prototype (ES2025 21.1), and
 * the parseInt / parseFloat functions (ES2025 19.2.4-5).
 *
 * parseInt and parseFloat are created here and installed both on Number and
 * on the global object: Number.parseInt === parseInt is required, and global.c
 * (which runs later) may copy them from Number.  All number<->text work is
 * the exact code of src/base/numconv.h.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "base/numconv.h"
#include "builtins/init.h"

/* ES2025 21.1.1.1 Number(value) */
static hx_value number_ctor(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_value n = hx_int(0);
    if (argc > 0) {
        hx_value prim = hx_to_numeric(realm, argv[0]);
        if (hx_is_exception(prim)) return prim;
        n = hx_is_bigint(prim) ? hx_number(hx_bigint_to_double(prim)) : prim;
    }
    if (hx_is_undefined(new_target)) return n;
    hx_value o = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_NumberPrototype, HX_CLASS_NUMBER);
    if (hx_is_exception(o)) return o;
    hx_as_object(o)->u.primitive.value = n;
    return o;
}

/* ES2025 21.1.3.7.1 ThisNumberValue; -1 with a TypeError pending. */
static int this_number(hx_realm *realm, hx_value v, double *out, const char *method) {
    if (hx_is_number(v)) {
        *out = hx_to_double_fast(v);
        return 0;
    }
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_NUMBER) {
        *out = hx_to_double_fast(hx_as_object(v)->u.primitive.value);
        return 0;
    }
    hx_throw_type_error(realm, "Number.prototype.%s requires that 'this' be a Number", method);
    return -1;
}

static hx_value ascii_value(hx_realm *realm, const char *buf, int n) {
    return hx_string_from_latin1(realm->rt, (const uint8_t *)buf, (size_t)n);
}

/* ES2025 21.1.3.6 Number.prototype.toString([radix]); toLocaleString (magic 1)
 * is the radix-10 form (no ECMA-402 here). */
static hx_value number_to_string(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic) {
    double x;
    if (this_number(realm, this_value, &x, magic ? "toLocaleString" : "toString") < 0) return HX_EXCEPTION;
    int radix = 10;
    if (!magic && !hx_is_undefined(HX_ARG(0))) {
        double r;
        if (hx_to_integer_or_infinity(realm, argv[0], &r) < 0) return HX_EXCEPTION;
        if (r < 2 || r > 36) return hx_throw_range_error(realm, "toString() radix must be between 2 and 36");
        radix = (int)r;
    }
    if (radix == 10) return hx_number_to_string_value(realm->rt, x);
    char buf[HX_NUMCONV_BIG_BUF];
    return ascii_value(realm, buf, hx_number_to_radix_string(x, radix, buf));
}

/* ES2025 21.1.3.7 Number.prototype.valueOf */
static hx_value number_value_of(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    double x;
    if (this_number(realm, this_value, &x, "valueOf") < 0) return HX_EXCEPTION;
    return hx_number(x);
}

/* ES2025 21.1.3.3 Number.prototype.toFixed */
static hx_value number_to_fixed(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    double x, f;
    if (this_number(realm, this_value, &x, "toFixed") < 0) return HX_EXCEPTION; /* step 1 */
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &f) < 0) return HX_EXCEPTION; /* step 2 */
    if (!isfinite(f) || f < 0 || f > 100) /* steps 4-5 */
        return hx_throw_range_error(realm, "toFixed() digits argument must be between 0 and 100");
    char buf[HX_NUMCONV_BIG_BUF];
    return ascii_value(realm, buf, hx_number_to_fixed(x, (int)f, buf)); /* steps 6-12 */
}

/* ES2025 21.1.3.2 Number.prototype.toExponential */
static hx_value number_to_exponential(hx_realm *realm, hx_value this_value, int argc,
                                      hx_value *argv, hx_value new_target, int magic) {
    double x, f;
    if (this_number(realm, this_value, &x, "toExponential") < 0) return HX_EXCEPTION;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &f) < 0) return HX_EXCEPTION;
    char buf[HX_NUMCONV_BIG_BUF];
    if (!isfinite(x)) return ascii_value(realm, buf, hx_number_to_string(x, buf)); /* step 4 */
    if (f < 0 || f > 100) /* step 5 */
        return hx_throw_range_error(realm, "toExponential() argument must be between 0 and 100");
    int digits = hx_is_undefined(HX_ARG(0)) ? -1 : (int)f;
    return ascii_value(realm, buf, hx_number_to_exponential(x, digits, buf));
}

/* ES2025 21.1.3.5 Number.prototype.toPrecision */
static hx_value number_to_precision(hx_realm *realm, hx_value this_value, int argc,
                                    hx_value *argv, hx_value new_target, int magic) {
    double x, p;
    if (this_number(realm, this_value, &x, "toPrecision") < 0) return HX_EXCEPTION;
    if (hx_is_undefined(HX_ARG(0))) return hx_number_to_string_value(realm->rt, x); /* step 2 */
    if (hx_to_integer_or_infinity(realm, argv[0], &p) < 0) return HX_EXCEPTION;
    char buf[HX_NUMCONV_BIG_BUF];
    if (!isfinite(x)) return ascii_value(realm, buf, hx_number_to_string(x, buf)); /* step 4 */
    if (p < 1 || p > 100) /* step 5 */
        return hx_throw_range_error(realm, "toPrecision() argument must be between 1 and 100");
    return ascii_value(realm, buf, hx_number_to_precision(x, (int)p, buf));
}

/* ES2025 21.1.2.2-5: isFinite, isInteger, isNaN, isSafeInteger (no coercion). */
enum { N_IS_FINITE, N_IS_INTEGER, N_IS_NAN, N_IS_SAFE_INTEGER };
static hx_value number_is(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                          hx_value new_target, int magic) {
    hx_value v = HX_ARG(0);
    if (!hx_is_number(v)) return HX_FALSE;
    double d = hx_to_double_fast(v);
    switch (magic) {
    case N_IS_FINITE: return hx_bool(isfinite(d));
    case N_IS_INTEGER: return hx_bool(isfinite(d) && d == trunc(d));
    case N_IS_NAN: return hx_bool(isnan(d));
    default: return hx_bool(isfinite(d) && d == trunc(d) && fabs(d) <= 9007199254740991.0);
    }
}

/* ---- parseFloat / parseInt -------------------------------------------------- */

/* ES2025 19.2.4 parseFloat(string) */
static hx_value parse_float(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(s));
    if (!f) return HX_EXCEPTION;
    double d = hx_str_is_wide(f) ? hx_parse_float_prefix(NULL, hx_str_utf16(f), f->len)
                                 : hx_parse_float_prefix(hx_str_latin1(f), NULL, f->len);
    return hx_number(d);
}

static int radix_digit(uint32_t c) {
    if (c >= '0' && c <= '9') return (int)(c - '0');
    if (c >= 'a' && c <= 'z') return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z') return (int)(c - 'A' + 10);
    return 99;
}

/* ES2025 19.2.5 parseInt(string, radix) */
static hx_value parse_int(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                          hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    hx_value sv = hx_to_string(realm, HX_ARG(0)); /* step 1 */
    if (hx_is_exception(sv)) return sv;
    hx_string *s = hx_string_flat(rt, hx_as_string(sv));
    if (!s) return HX_EXCEPTION;
    int32_t r;
    if (hx_to_int32(realm, HX_ARG(1), &r) < 0) return HX_EXCEPTION; /* step 6 */
    s = hx_string_flat(rt, hx_as_string(sv));
    if (!s) return HX_EXCEPTION;
    uint32_t i = 0, len = s->len;
    while (i < len && hx_numconv_is_str_space(hx_string_char_at(s, i))) i++; /* step 2 */
    bool neg = false;
    if (i < len && (hx_string_char_at(s, i) == '-' || hx_string_char_at(s, i) == '+')) /* steps 3-5 */
        neg = hx_string_char_at(s, i++) == '-';
    bool strip = true;
    if (r != 0) { /* step 8 */
        if (r < 2 || r > 36) return hx_number(NAN);
        if (r != 16) strip = false;
    } else
        r = 10; /* step 9 */
    if (strip && i + 1 < len && hx_string_char_at(s, i) == '0' && (hx_string_char_at(s, i + 1) | 0x20) == 'x') {
        i += 2; /* step 10 */
        r = 16;
    }
    uint32_t start = i;
    while (i < len && radix_digit(hx_string_char_at(s, i)) < r) i++; /* step 11 */
    if (i == start) return hx_number(NAN); /* step 13 */
    /* step 14: the mathematical value, correctly rounded; skip leading
     * zeros, and anything beyond 2^1030 is Infinity in every radix. */
    while (start < i - 1 && hx_string_char_at(s, start) == '0') start++;
    uint32_t nd = i - start;
    double log2r = log2((double)r);
    double d;
    if ((double)(nd - 1) * log2r > 1030) d = HUGE_VAL;
    else {
        char buf[1100];
        for (uint32_t k = 0; k < nd; k++) buf[k] = (char)hx_string_char_at(s, start + k);
        d = r == 10 ? hx_parse_decimal(buf, nd) : hx_parse_radix_integer(buf, nd, r);
    }
    return hx_number(neg ? -d : d); /* steps 15-16: -0 for "-0" */
}

/* ---- initialisation ------------------------------------------------------- */

static const hx_builtin number_proto_table[] = {
    HX_FUNC("toExponential", number_to_exponential, 1),
    HX_FUNC("toFixed", number_to_fixed, 1),
    HX_FUNC_MAGIC("toLocaleString", number_to_string, 0, 1),
    HX_FUNC("toPrecision", number_to_precision, 1),
    HX_FUNC("toString", number_to_string, 1),
    HX_FUNC("valueOf", number_value_of, 0),
};

static const hx_builtin number_table[] = {
    HX_VALUE_D("EPSILON", 2.220446049250313e-16, 0),
    HX_VALUE_D("MAX_SAFE_INTEGER", 9007199254740991.0, 0),
    HX_VALUE_D("MAX_VALUE", 1.7976931348623157e308, 0),
    HX_VALUE_D("MIN_SAFE_INTEGER", -9007199254740991.0, 0),
    HX_VALUE_D("MIN_VALUE", 5e-324, 0),
    HX_VALUE_D("NaN", NAN, 0),
    HX_VALUE_D("NEGATIVE_INFINITY", -HUGE_VAL, 0),
    HX_VALUE_D("POSITIVE_INFINITY", HUGE_VAL, 0),
    HX_FUNC_MAGIC("isFinite", number_is, 1, N_IS_FINITE),
    HX_FUNC_MAGIC("isInteger", number_is, 1, N_IS_INTEGER),
    HX_FUNC_MAGIC("isNaN", number_is, 1, N_IS_NAN),
    HX_FUNC_MAGIC("isSafeInteger", number_is, 1, N_IS_SAFE_INTEGER),
    HX_FUNC("parseFloat", parse_float, 1),
    HX_FUNC("parseInt", parse_int, 2),
};

/* ES2025 21.1 Number Objects */
int hx_init_number(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    /* %Number.prototype% is itself a Number object whose value is +0 */
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_NUMBER);
    if (!proto) return -1;
    proto->u.primitive.value = hx_int(0);
    realm->intrinsics[HX_INTR_NumberPrototype] = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, number_ctor, "Number", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_Number] = ctor;
    if (HX_INSTALL(realm, proto, number_proto_table) < 0 ||
        HX_INSTALL(realm, hx_as_object(ctor), number_table) < 0)
        return -1;
    hx_value pf = hx_get(realm, ctor, hx_atom_from_cstr(rt, "parseFloat"));
    if (hx_is_exception(pf) || hx_define_global(realm, "parseFloat", pf) < 0) return -1;
    hx_value pi = hx_get(realm, ctor, hx_atom_from_cstr(rt, "parseInt"));
    if (hx_is_exception(pi) || hx_define_global(realm, "parseInt", pi) < 0) return -1;
    return hx_define_global(realm, "Number", ctor);
}
