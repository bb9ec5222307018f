/*
 * convert.c — type conversion and comparison abstract operations
 * (ES2025 7.1 and 7.2): ToPrimitive, ToBoolean, ToNumber, ToString,
 * ToPropertyKey, ToObject, the integer conversions, SameValue and the
 * equality algorithms.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "base/numconv.h"
#include "vm/bigint.h"

/* ES2025 7.1.1.1 OrdinaryToPrimitive + 7.1.1 ToPrimitive; hint 0 default, 1 number, 2 string. */
hx_value hx_to_primitive(hx_realm *realm, hx_value v, int hint) {
    if (!hx_is_object(v)) return v;
    hx_runtime *rt = realm->rt;
    hx_value exotic = hx_get_method(realm, v, HX_SYMBOL(rt, toPrimitive));
    if (hx_is_exception(exotic)) return exotic;
    if (!hx_is_undefined(exotic)) {
        hx_value h = hint == 0 ? hx_atom_from_cstr(rt, "default") : hint == 1 ? HX_ATOM(rt, number) : HX_ATOM(rt, string);
        hx_value r = hx_call(realm, exotic, v, 1, &h);
        if (hx_is_exception(r)) return r;
        if (hx_is_object(r)) return hx_throw_type_error(realm, "Cannot convert object to primitive value");
        return r;
    }
    hx_key order[2] = {HX_ATOM(rt, valueOf), HX_ATOM(rt, toString)};
    if (hint == 2) {
        order[0] = HX_ATOM(rt, toString);
        order[1] = HX_ATOM(rt, valueOf);
    }
    for (int i = 0; i < 2; i++) {
        hx_value f = hx_get(realm, v, order[i]);
        if (hx_is_exception(f)) return f;
        if (hx_is_callable(f)) {
            hx_value r = hx_call(realm, f, v, 0, NULL);
            if (hx_is_exception(r)) return r;
            if (!hx_is_object(r)) return r;
        }
    }
    return hx_throw_type_error(realm, "Cannot convert object to primitive value");
}

bool hx_to_boolean(hx_value v) {
    if (hx_is_int(v)) return hx_get_int(v) != 0;
    if (hx_is_double(v)) {
        double d = hx_get_double(v);
        return !(d == 0 || d != d);
    }
    if (v == HX_TRUE) return true;
    if (hx_is_string(v)) return hx_as_string(v)->len != 0;
    if (hx_is_object(v)) return !(hx_as_object(v)->hdr.flags & HX_OBJ_IS_HTMLDDA);
    if (hx_is_symbol(v)) return true;
    if (hx_is_bigint(v)) return ((hx_bigint *)hx_get_ptr(v))->len != 0;
    return false;
}

static double string_to_number(hx_runtime *rt, hx_string *s) {
    hx_string *f = hx_string_flat(rt, s);
    if (!f) return NAN;
    if (hx_str_is_wide(f)) return hx_string_to_number(NULL, hx_str_utf16(f), f->len);
    return hx_string_to_number(hx_str_latin1(f), NULL, f->len);
}

/* ES2025 7.1.4 ToNumber; -1 on throw. */
int hx_to_number(hx_realm *realm, hx_value v, double *out) {
    for (;;) {
        if (hx_is_int(v)) {
            *out = hx_get_int(v);
            return 0;
        }
        if (hx_is_double(v)) {
            *out = hx_get_double(v);
            return 0;
        }
        if (hx_is_undefined(v)) {
            *out = NAN;
            return 0;
        }
        if (hx_is_null(v) || v == HX_FALSE) {
            *out = 0;
            return 0;
        }
        if (v == HX_TRUE) {
            *out = 1;
            return 0;
        }
        if (hx_is_string(v)) {
            *out = string_to_number(realm->rt, hx_as_string(v));
            return 0;
        }
        if (hx_is_symbol(v)) {
            hx_throw_type_error(realm, "Cannot convert a Symbol value to a number");
            return -1;
        }
        if (hx_is_bigint(v)) {
            hx_throw_type_error(realm, "Cannot convert a BigInt value to a number");
            return -1;
        }
        v = hx_to_primitive(realm, v, 1);
        if (hx_is_exception(v)) return -1;
    }
}

/* ES2025 7.1.3 ToNumeric */
hx_value hx_to_numeric(hx_realm *realm, hx_value v) {
    if (hx_is_number(v) || hx_is_bigint(v)) return v;
    v = hx_to_primitive(realm, v, 1);
    if (hx_is_exception(v)) return v;
    if (hx_is_bigint(v)) return v;
    double d;
    if (hx_to_number(realm, v, &d) < 0) return HX_EXCEPTION;
    return hx_number(d);
}

hx_value hx_number_to_string_value(hx_runtime *rt, double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0 && d == (int32_t)d && !(d == 0 && signbit(d)))
        return hx_string_from_int(rt, (int32_t)d);
    char buf[HX_NUMCONV_BUF];
    int n = hx_number_to_string(d, buf);
    return hx_string_from_latin1(rt, (const uint8_t *)buf, (size_t)n);
}

/* ES2025 7.1.17 ToString */
hx_value hx_to_string(hx_realm *realm, hx_value v) {
    hx_runtime *rt = realm->rt;
    for (;;) {
        if (hx_is_string(v)) return v;
        if (hx_is_int(v)) {
            int32_t i = hx_get_int(v);
            if (i >= 0 && i < 10) return hx_string_from_char(rt, (uint16_t)('0' + i));
            return hx_string_from_int(rt, i);
        }
        if (hx_is_double(v)) return hx_number_to_string_value(rt, hx_get_double(v));
        if (hx_is_undefined(v)) return HX_ATOM(rt, undefined);
        if (hx_is_null(v)) return HX_ATOM(rt, null);
        if (v == HX_TRUE) return HX_ATOM(rt, true_);
        if (v == HX_FALSE) return HX_ATOM(rt, false_);
        if (hx_is_symbol(v)) return hx_throw_type_error(realm, "Cannot convert a Symbol value to a string");
        if (hx_is_bigint(v)) return hx_bigint_to_string(realm, v, 10);
        v = hx_to_primitive(realm, v, 2);
        if (hx_is_exception(v)) return v;
    }
}

/* ES2025 7.1.19 ToPropertyKey: an index key, interned string or symbol. */
hx_value hx_to_property_key(hx_realm *realm, hx_value v) {
    if (hx_is_int(v) && hx_get_int(v) >= 0) return hx_index_key((uint32_t)hx_get_int(v));
    if (hx_is_string(v)) return hx_key_from_string(realm->rt, v);
    if (hx_is_symbol(v)) return v;
    uint32_t idx;
    if (hx_value_to_index_key(v, &idx)) return hx_index_key(idx);
    hx_value p = hx_to_primitive(realm, v, 2);
    if (hx_is_exception(p)) return p;
    if (hx_is_symbol(p)) return p;
    hx_value s = hx_to_string(realm, p);
    if (hx_is_exception(s)) return s;
    return hx_key_from_string(realm->rt, s);
}

bool hx_value_to_index_key(hx_value v, uint32_t *idx) {
    if (hx_is_int(v)) {
        if (hx_get_int(v) < 0) return false;
        *idx = (uint32_t)hx_get_int(v);
        return true;
    }
    if (hx_is_double(v)) {
        double d = hx_get_double(v);
        if (d >= 0 && d <= 4294967294.0 && d == floor(d) && !(d == 0 && signbit(d))) {
            *idx = (uint32_t)d;
            return true;
        }
    }
    return false;
}

static hx_value wrap_primitive(hx_realm *realm, hx_value v, hx_intrinsic proto, hx_class_id cls) {
    hx_object *o = hx_object_new(realm, hx_as_object(realm->intrinsics[proto]), cls);
    if (!o) return HX_EXCEPTION;
    o->u.primitive.value = v;
    if (cls == HX_CLASS_STRING &&
        hx_define_value(realm, o, HX_ATOM(realm->rt, length), hx_int((int32_t)hx_as_string(v)->len), 0) < 0)
        return HX_EXCEPTION;
    return hx_object_value(o);
}

/* ES2025 7.1.18 ToObject */
hx_value hx_to_object(hx_realm *realm, hx_value v) {
    if (hx_is_object(v)) return v;
    if (hx_is_number(v)) return wrap_primitive(realm, v, HX_INTR_NumberPrototype, HX_CLASS_NUMBER);
    if (hx_is_string(v)) return wrap_primitive(realm, v, HX_INTR_StringPrototype, HX_CLASS_STRING);
    if (hx_is_bool(v)) return wrap_primitive(realm, v, HX_INTR_BooleanPrototype, HX_CLASS_BOOLEAN);
    if (hx_is_symbol(v)) return wrap_primitive(realm, v, HX_INTR_SymbolPrototype, HX_CLASS_SYMBOL);
    if (hx_is_bigint(v)) return wrap_primitive(realm, v, HX_INTR_BigIntPrototype, HX_CLASS_BIGINT);
    return hx_throw_type_error(realm, "Cannot convert undefined or null to object");
}

int32_t hx_double_to_int32(double d) {
    if (d >= -2147483648.0 && d <= 2147483647.0) return (int32_t)d;
    /* below 2^63 the truncation is exact in int64: modulo 2^32 by the cast */
    if (d > -9.2e18 && d < 9.2e18) return (int32_t)(uint32_t)(uint64_t)(int64_t)d;
    if (!isfinite(d)) return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0) m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}

int hx_to_int32(hx_realm *realm, hx_value v, int32_t *out) {
    if (hx_is_int(v)) {
        *out = hx_get_int(v);
        return 0;
    }
    double d;
    if (hx_to_number(realm, v, &d) < 0) return -1;
    *out = hx_double_to_int32(d);
    return 0;
}

int hx_to_uint32(hx_realm *realm, hx_value v, uint32_t *out) {
    int32_t i;
    if (hx_to_int32(realm, v, &i) < 0) return -1;
    *out = (uint32_t)i;
    return 0;
}

/* ES2025 7.1.5 ToIntegerOrInfinity */
int hx_to_integer_or_infinity(hx_realm *realm, hx_value v, double *out) {
    double d;
    if (hx_to_number(realm, v, &d) < 0) return -1;
    if (d != d || d == 0) d = 0;
    else if (isfinite(d)) d = trunc(d) + 0.0; /* no -0: trunc(-0.5) is -0 */
    *out = d;
    return 0;
}

/* ES2025 7.1.20 ToLength */
int hx_to_length(hx_realm *realm, hx_value v, int64_t *out) {
    if (hx_is_int(v)) {
        *out = hx_get_int(v) < 0 ? 0 : hx_get_int(v);
        return 0;
    }
    double d;
    if (hx_to_integer_or_infinity(realm, v, &d) < 0) return -1;
    if (d <= 0) *out = 0;
    else if (d >= 9007199254740991.0) *out = 9007199254740991LL;
    else *out = (int64_t)d;
    return 0;
}

/* ES2025 7.1.22 ToIndex */
int hx_to_index(hx_realm *realm, hx_value v, uint64_t *out) {
    double d;
    if (hx_to_integer_or_infinity(realm, v, &d) < 0) return -1;
    if (d < 0 || d > 9007199254740991.0) {
        hx_throw_range_error(realm, "Invalid index");
        return -1;
    }
    *out = (uint64_t)d;
    return 0;
}

bool hx_is_integral_number(hx_value v) {
    if (hx_is_int(v)) return true;
    if (!hx_is_double(v)) return false;
    double d = hx_get_double(v);
    return isfinite(d) && d == trunc(d);
}

/* ES2025 7.2.10 SameValue */
bool hx_same_value(hx_value a, hx_value b) {
    if (hx_is_number(a) && hx_is_number(b)) {
        double x = hx_to_double_fast(a), y = hx_to_double_fast(b);
        if (x != x) return y != y;
        if (x == 0 && y == 0) return signbit(x) == signbit(y);
        return x == y;
    }
    if (hx_is_string(a) && hx_is_string(b)) return hx_string_equal(NULL, hx_as_string(a), hx_as_string(b));
    if (hx_is_bigint(a) && hx_is_bigint(b)) return hx_bigint_compare(a, b) == 0;
    return a == b;
}

bool hx_same_value_zero(hx_value a, hx_value b) {
    if (hx_is_number(a) && hx_is_number(b)) {
        double x = hx_to_double_fast(a), y = hx_to_double_fast(b);
        if (x != x) return y != y;
        return x == y;
    }
    return hx_same_value(a, b);
}

/* ES2025 7.2.15 IsStrictlyEqual */
bool hx_strict_equals(hx_runtime *rt, hx_value a, hx_value b) {
    if (hx_is_number(a) && hx_is_number(b)) return hx_to_double_fast(a) == hx_to_double_fast(b);
    if (hx_is_string(a) && hx_is_string(b)) return hx_string_equal(rt, hx_as_string(a), hx_as_string(b));
    if (hx_is_bigint(a) && hx_is_bigint(b)) return hx_bigint_compare(a, b) == 0;
    return a == b;
}

/* ES2025 7.2.14 IsLooselyEqual */
int hx_loose_equals(hx_realm *realm, hx_value a, hx_value b) {
    for (;;) {
        if (hx_is_number(a) && hx_is_number(b)) return hx_to_double_fast(a) == hx_to_double_fast(b);
        if (hx_is_string(a) && hx_is_string(b)) return hx_string_equal(realm->rt, hx_as_string(a), hx_as_string(b));
        if (HX_TAG(a) == HX_TAG(b) && !hx_is_number(a) && !(hx_is_nullish(a) || hx_is_nullish(b))) {
            if (hx_is_bigint(a)) return hx_bigint_compare(a, b) == 0;
            return a == b;
        }
        bool an = hx_is_nullish(a) || (hx_is_object(a) && (hx_as_object(a)->hdr.flags & HX_OBJ_IS_HTMLDDA));
        bool bn = hx_is_nullish(b) || (hx_is_object(b) && (hx_as_object(b)->hdr.flags & HX_OBJ_IS_HTMLDDA));
        if (hx_is_nullish(a) || hx_is_nullish(b)) return an && bn;
        if (hx_is_number(a) && hx_is_string(b)) {
            double d;
            hx_to_number(realm, b, &d);
            return hx_to_double_fast(a) == d;
        }
        if (hx_is_string(a) && hx_is_number(b)) {
            double d;
            hx_to_number(realm, a, &d);
            return d == hx_to_double_fast(b);
        }
        if (hx_is_bigint(a) && hx_is_string(b)) {
            hx_value n = hx_bigint_from_string_value(realm, b);
            if (hx_is_exception(n)) return -1;
            if (hx_is_undefined(n)) return 0;
            return hx_bigint_compare(a, n) == 0;
        }
        if (hx_is_string(a) && hx_is_bigint(b)) {
            hx_value t = a;
            a = b;
            b = t;
            continue;
        }
        if (hx_is_bool(a)) {
            a = hx_int(a == HX_TRUE);
            continue;
        }
        if (hx_is_bool(b)) {
            b = hx_int(b == HX_TRUE);
            continue;
        }
        if (hx_is_object(b) && !hx_is_object(a)) {
            b = hx_to_primitive(realm, b, 0);
            if (hx_is_exception(b)) return -1;
            continue;
        }
        if (hx_is_object(a) && !hx_is_object(b)) {
            a = hx_to_primitive(realm, a, 0);
            if (hx_is_exception(a)) return -1;
            continue;
        }
        if (hx_is_bigint(a) && hx_is_number(b)) return hx_bigint_compare_number(a, hx_to_double_fast(b)) == 0;
        if (hx_is_number(a) && hx_is_bigint(b)) return hx_bigint_compare_number(b, hx_to_double_fast(a)) == 0;
        return 0;
    }
}

/* ES2025 7.2.2 IsArray */
bool hx_is_array(hx_realm *realm, hx_value v, bool *is_array) {
    *is_array = false;
    while (hx_is_object(v)) {
        hx_object *o = hx_as_object(v);
        if (hx_class_of(o) == HX_CLASS_ARRAY) {
            *is_array = true;
            return true;
        }
        if (hx_class_of(o) != HX_CLASS_PROXY) return true;
        if (hx_is_null(o->u.data.slots[0])) {
            hx_throw_type_error(realm, "Cannot perform 'IsArray' on a proxy that has been revoked");
            return false;
        }
        v = o->u.data.slots[0]; /* proxy target */
    }
    return true;
}

hx_value hx_typeof(hx_runtime *rt, hx_value v) {
    if (hx_is_number(v)) return HX_ATOM(rt, number);
    if (hx_is_string(v)) return HX_ATOM(rt, string);
    if (hx_is_bool(v)) return HX_ATOM(rt, boolean);
    if (hx_is_undefined(v)) return HX_ATOM(rt, undefined);
    if (hx_is_null(v)) return HX_ATOM(rt, object);
    if (hx_is_symbol(v)) return HX_ATOM(rt, symbol);
    if (hx_is_bigint(v)) return HX_ATOM(rt, bigint);
    hx_object *o = hx_as_object(v);
    if (o->hdr.flags & HX_OBJ_IS_HTMLDDA) return HX_ATOM(rt, undefined);
    return (o->hdr.flags & HX_OBJ_CALLABLE) ? HX_ATOM(rt, function) : HX_ATOM(rt, object);
}
