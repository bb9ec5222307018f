/*
 * bigint.c — the BigInt function and BigInt.prototype (ES2025 21.2).
 * Arithmetic lives in src/vm/bigint.c; this file is the JavaScript-facing
 * surface: conversions with their TypeError/RangeError/SyntaxError cases.
 */
#include <math.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "builtins/init.h"

/* ES2025 21.2.1.1.1 NumberToBigInt */
static hx_value number_to_bigint(hx_realm *realm, double d) {
    if (!isfinite(d) || d != trunc(d))
        return hx_throw_range_error(realm, "The number %.17g cannot be converted to a BigInt because it is not an integer", d);
    return hx_bigint_from_double(realm, d);
}

/* ES2025 7.1.13 ToBigInt */
static hx_value to_bigint(hx_realm *realm, hx_value v) {
    hx_value prim = hx_to_primitive(realm, v, 1);
    if (hx_is_exception(prim)) return prim;
    if (hx_is_bigint(prim)) return prim;
    if (prim == HX_TRUE) return hx_bigint_from_int64(realm, 1);
    if (prim == HX_FALSE) return hx_bigint_from_int64(realm, 0);
    if (hx_is_string(prim)) {
        hx_value n = hx_bigint_from_string_value(realm, prim);
        if (hx_is_undefined(n)) return hx_throw_syntax_error(realm, "Cannot convert string to a BigInt");
        return n;
    }
    if (hx_is_undefined(prim) || hx_is_null(prim)) return hx_throw_type_error(realm, "Cannot convert %s to a BigInt", hx_is_null(prim) ? "null" : "undefined");
    if (hx_is_number(prim)) return hx_throw_type_error(realm, "Cannot convert a Number to a BigInt");
    return hx_throw_type_error(realm, "Cannot convert a Symbol to a BigInt");
}

/* ES2025 21.2.1.1 BigInt(value) */
static hx_value bigint_ctor(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    if (!hx_is_undefined(new_target)) return hx_throw_type_error(realm, "BigInt is not a constructor");
    hx_value prim = hx_to_primitive(realm, HX_ARG(0), 1); /* step 2 */
    if (hx_is_exception(prim)) return prim;
    if (hx_is_number(prim)) return number_to_bigint(realm, hx_to_double_fast(prim)); /* step 3 */
    return to_bigint(realm, prim);
}

/* ES2025 21.2.2.1-2 BigInt.asIntN (magic 1) / BigInt.asUintN (magic 0) */
static hx_value bigint_as_n(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    uint64_t bits;
    if (hx_to_index(realm, HX_ARG(0), &bits) < 0) return HX_EXCEPTION;
    hx_value b = to_bigint(realm, HX_ARG(1));
    if (hx_is_exception(b)) return b;
    return hx_bigint_as_n(realm, b, bits, magic != 0);
}

/* ES2025 21.2.3.4.1 ThisBigIntValue */
static hx_value this_bigint(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_bigint(v)) return v;
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_BIGINT) return hx_as_object(v)->u.primitive.value;
    return hx_throw_type_error(realm, "BigInt.prototype.%s requires that 'this' be a BigInt", method);
}

/* ES2025 21.2.3.3 BigInt.prototype.toString([radix]); toLocaleString
 * (magic 1) is the radix-10 form. */
static hx_value bigint_to_string(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic) {
    hx_value x = this_bigint(realm, this_value, magic ? "toLocaleString" : "toString");
    if (hx_is_exception(x)) return x;
    int radix = 10;
    if (!magic && !hx_is_undefined(HX_ARG(0))) {
        double r;
        if (hx_to_integer_or_infinity(realm, argv[0], &r) < 0) return HX_EXCEPTION;
        if (r < 2 || r > 36) return hx_throw_range_error(realm, "toString() radix must be between 2 and 36");
        radix = (int)r;
    }
    return hx_bigint_to_string(realm, x, radix);
}

/* ES2025 21.2.3.4 BigInt.prototype.valueOf */
static hx_value bigint_value_of(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    return this_bigint(realm, this_value, "valueOf");
}

static const hx_builtin bigint_proto_table[] = {
    HX_FUNC_MAGIC("toLocaleString", bigint_to_string, 0, 1),
    HX_FUNC("toString", bigint_to_string, 0),
    HX_FUNC("valueOf", bigint_value_of, 0),
    HX_SYM_VALUE_S("toStringTag", "BigInt", HX_PROP_CONFIGURABLE),
};

static const hx_builtin bigint_table[] = {
    HX_FUNC_MAGIC("asIntN", bigint_as_n, 2, 1),
    HX_FUNC_MAGIC("asUintN", bigint_as_n, 2, 0),
};

/* ES2025 21.2 BigInt Objects */
int hx_init_bigint(hx_realm *realm) {
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    realm->intrinsics[HX_INTR_BigIntPrototype] = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, bigint_ctor, "BigInt", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_BigInt] = ctor;
    if (HX_INSTALL(realm, proto, bigint_proto_table) < 0 ||
        HX_INSTALL(realm, hx_as_object(ctor), bigint_table) < 0)
        return -1;
    return hx_define_global(realm, "BigInt", ctor);
}
