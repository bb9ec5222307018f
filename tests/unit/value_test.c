/*
 * value_test.c — the NaN-boxed value representation (src/vm/value.h and the
 * hr_* value functions of the public API): every tag round-trips its
 * payload, doubles keep their bits (including -0, infinities, subnormals),
 * every NaN bit pattern becomes the one canonical NaN (also NaNs that enter
 * through typed arrays and DataView, where a non-canonical NaN would be
 * misread as a tagged pointer), the int32 fast path boundaries, and the type
 * predicates are mutually exclusive.
 */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "heron.h"
#include "vm/vm.h"

#include "check.h"

static uint64_t bits_of(double d) {
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static double double_of(uint64_t b) {
    double d;
    memcpy(&d, &b, 8);
    return d;
}

static uint64_t rng = 0x243F6A8885A308D3u;
static uint64_t rnd(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* How many of the disjoint type predicates hold for v (must be exactly 1). */
static int kinds(hx_value v, const char **which) {
    struct {
        bool on;
        const char *name;
    } k[] = {
        {hx_is_double(v), "double"},       {hx_is_int(v), "int"},
        {hx_is_undefined(v), "undefined"}, {hx_is_null(v), "null"},
        {hx_is_bool(v), "bool"},           {hx_is_exception(v), "exception"},
        {v == HX_HOLE, "hole"},            {v == HX_UNINIT, "uninit"},
        {hx_is_object(v), "object"},       {hx_is_string(v), "string"},
        {hx_is_symbol(v), "symbol"},       {hx_is_bigint(v), "bigint"},
        {hx_is_cell(v), "cell"},
    };
    int n = 0;
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (k[i].on) {
            n++;
            *which = k[i].name;
        }
    return n;
}

/* The public predicates agree with the internal ones and exclude each other
 * (the number predicate covers int and double).  hr_is_function reads the
 * object, so it is checked on real cells only (test_real_cells). */
static void check_public(hx_value v, const char *what) {
    int n = hr_is_undefined(v) + hr_is_null(v) + hr_is_bool(v) + hr_is_number(v) +
            hr_is_string(v) + hr_is_symbol(v) + hr_is_object(v) + hr_is_exception(v);
    bool internal_only = v == HX_HOLE || v == HX_UNINIT || hx_is_cell(v) || hx_is_bigint(v);
    CHECK(n == (internal_only ? 0 : 1), "%s: %d public predicates hold", what, n);
    CHECK(hr_is_number(v) == hx_is_number(v), "%s: hr_is_number", what);
}

static void check_one_kind(hx_value v, const char *want, const char *what) {
    const char *got = "none";
    int n = kinds(v, &got);
    CHECK(n == 1 && strcmp(got, want) == 0, "%s: %d kinds, got %s, want %s", what, n, got, want);
    check_public(v, what);
}

static void test_specials(void) {
    check_one_kind(HX_UNDEFINED, "undefined", "undefined");
    check_one_kind(HX_NULL, "null", "null");
    check_one_kind(HX_TRUE, "bool", "true");
    check_one_kind(HX_FALSE, "bool", "false");
    check_one_kind(HX_HOLE, "hole", "hole");
    check_one_kind(HX_EXCEPTION, "exception", "exception");
    check_one_kind(HX_UNINIT, "uninit", "uninit");
    CHECK(hr_undefined() == HX_UNDEFINED && hr_null() == HX_NULL, "public specials");
    CHECK(hr_bool(true) == HX_TRUE && hr_bool(false) == HX_FALSE, "hr_bool");
    CHECK(hr_get_bool(hr_bool(true)) && !hr_get_bool(hr_bool(false)), "hr_get_bool");
    CHECK(hr_exception_marker() == HX_EXCEPTION && hr_is_exception(hr_exception_marker()),
          "exception marker");
    CHECK(hx_is_nullish(HX_UNDEFINED) && hx_is_nullish(HX_NULL) && !hx_is_nullish(HX_FALSE) &&
              !hx_is_nullish(hx_int(0)),
          "nullish");
    CHECK(!hx_is_heap(HX_UNDEFINED) && !hx_is_heap(hx_int(-1)) && !hx_is_heap(hx_double(-1.5)),
          "immediates are not heap values");
}

/* Pointer tags: any 48-bit payload comes back unchanged. */
static void test_pointer_tags(void) {
    static const struct {
        uint32_t tag;
        const char *kind;
    } tags[] = {{HX_TAG_OBJECT, "object"}, {HX_TAG_STRING, "string"}, {HX_TAG_SYMBOL, "symbol"},
                {HX_TAG_BIGINT, "bigint"}, {HX_TAG_CELL, "cell"}};
    static const uint64_t payloads[] = {0x8,          0x10,           0x7FFFFFFFFFF8ull,
                                        0x5555AAAA5550ull, 0xFFFFFFFFFFF8ull, 0x000012345678ull};
    for (size_t t = 0; t < sizeof tags / sizeof tags[0]; t++)
        for (size_t p = 0; p < sizeof payloads / sizeof payloads[0]; p++) {
            void *ptr = (void *)(uintptr_t)payloads[p];
            hx_value v = HX_PTR_VALUE(tags[t].tag, ptr);
            CHECK(HX_TAG(v) == tags[t].tag, "tag %x lost", tags[t].tag);
            CHECK(hx_get_ptr(v) == ptr, "payload %llx with tag %x", (unsigned long long)payloads[p],
                  tags[t].tag);
            CHECK(hx_is_heap(v), "tag %x is a heap tag", tags[t].tag);
            check_one_kind(v, tags[t].kind, tags[t].kind);
        }
}

static void test_ints(void) {
    static const int32_t ints[] = {0, 1, -1, 42, -42, INT32_MAX, INT32_MIN, 0x7FFF, -0x8000};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        hx_value v = hx_int(ints[i]);
        CHECK(hx_is_int(v) && hx_get_int(v) == ints[i], "int %d round trip", ints[i]);
        CHECK(hx_is_number(v) && !hx_is_double(v), "int %d is a number", ints[i]);
        CHECK(hx_to_double_fast(v) == (double)ints[i], "int %d as double", ints[i]);
        CHECK(hr_get_number(v) == (double)ints[i], "hr_get_number of int %d", ints[i]);
        check_one_kind(v, "int", "int");
    }
    /* unsigned index keys share the int tag */
    CHECK(hx_key_index(hx_index_key(0xFFFFFFFEu)) == 0xFFFFFFFEu && hx_key_is_index(hx_index_key(7)),
          "index key round trip");
}

/* hx_number picks the int32 form exactly for int32 values that are not -0. */
static void test_number_fast_path(void) {
    static const struct {
        double d;
        bool is_int;
    } cases[] = {
        {0.0, true},          {-0.0, false},          {1.0, true},       {-1.0, true},
        {0.5, false},         {-0.5, false},          {2147483647.0, true}, {2147483648.0, false},
        {-2147483648.0, true}, {-2147483649.0, false}, {2147483646.5, false}, {1e-300, false},
        {4294967296.0, false}, {INFINITY, false},       {-INFINITY, false}, {NAN, false},
        {1e300, false},       {-2147483647.0, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double d = cases[i].d;
        hx_value v = hx_number(d);
        hx_value pv = hr_number(d);
        CHECK(v == pv, "hr_number(%g) differs from hx_number", d);
        CHECK(hx_is_int(v) == cases[i].is_int, "hx_number(%g): int form %d, want %d", d,
              hx_is_int(v), cases[i].is_int);
        double back = hx_to_double_fast(v);
        if (isnan(d))
            CHECK(isnan(back) && v == HX_CANON_NAN, "NaN through hx_number");
        else
            CHECK(bits_of(back) == bits_of(d), "hx_number(%g) round trip", d);
    }
    CHECK(signbit(hr_get_number(hr_number(-0.0))), "-0 keeps its sign through the API");
    CHECK(hx_get_int(hx_number(-2147483648.0)) == INT32_MIN, "INT32_MIN payload");
}

static void test_doubles(void) {
    static const double ds[] = {0.0, -0.0, 1.5, -1.5, DBL_MAX, -DBL_MAX, DBL_MIN, 4.9e-324,
                                -4.9e-324, INFINITY, -INFINITY, 3.141592653589793, 1e308,
                                9007199254740993.0};
    for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        hx_value v = hx_double(ds[i]);
        CHECK(v == bits_of(ds[i]), "double %g keeps its bits", ds[i]);
        CHECK(hx_is_double(v) && hx_is_number(v) && !hx_is_int(v), "double %g kind", ds[i]);
        CHECK(bits_of(hx_get_double(v)) == bits_of(ds[i]), "double %g round trip", ds[i]);
        check_one_kind(v, "double", "double");
    }
    CHECK(signbit(hx_get_double(hx_double(-0.0))), "-0 keeps its sign");
    /* random non-NaN doubles round-trip bit for bit */
    int bad = 0;
    for (int i = 0; i < 200000; i++) {
        uint64_t b = rnd();
        double d = double_of(b);
        if (isnan(d)) continue;
        hx_value v = hx_double(d);
        if (v != b || !hx_is_double(v) || bits_of(hx_to_double_fast(v)) != b) bad++;
    }
    CHECK(bad == 0, "%d random doubles did not round-trip", bad);
}

/* Every NaN bit pattern, both signs, quiet and signalling, becomes the one
 * canonical NaN, which is a double. */
static void test_nan_canonical(void) {
    static const uint64_t nans[] = {
        0x7FF8000000000000ull, 0xFFF8000000000000ull, 0x7FF0000000000001ull,
        0xFFF0000000000001ull, 0x7FFFFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFFFull,
        0xFFF9000000000000ull, 0xFFFA000000000003ull, 0xFFFB123456789ABCull,
        0xFFFC000000000010ull, 0xFFFD000000000010ull, 0xFFFE000000000010ull,
        0xFFFF000000000010ull, 0x7FF4000000000000ull,
    };
    for (size_t i = 0; i < sizeof nans / sizeof nans[0]; i++) {
        double d = double_of(nans[i]);
        CHECK(isnan(d), "pattern %llx is a NaN", (unsigned long long)nans[i]);
        hx_value v = hx_double(d);
        CHECK(v == HX_CANON_NAN, "NaN %llx canonicalised to %llx", (unsigned long long)nans[i],
              (unsigned long long)v);
        CHECK(hx_number(d) == HX_CANON_NAN, "hx_number of NaN %llx", (unsigned long long)nans[i]);
        CHECK(hr_number(d) == HX_CANON_NAN, "hr_number of NaN %llx", (unsigned long long)nans[i]);
    }
    int bad = 0;
    for (int i = 0; i < 100000; i++) {
        uint64_t payload = rnd() & 0x000FFFFFFFFFFFFFull;
        if (!payload) payload = 1;
        uint64_t b = (rnd() & 0x8000000000000000ull) | 0x7FF0000000000000ull | payload;
        if (hx_double(double_of(b)) != HX_CANON_NAN) bad++;
    }
    CHECK(bad == 0, "%d random NaN payloads not canonicalised", bad);
    check_one_kind(HX_CANON_NAN, "double", "canonical NaN");
    CHECK(isnan(hr_get_number(hr_number(NAN))), "NaN through the API");
}

/* NaNs entering from raw bytes (typed arrays, DataView) must be canonical:
 * a NaN whose top 16 bits are 0xFFF9..0xFFFF would otherwise be read as a
 * tagged value.  Each expression yields a string so a misread value shows. */
static void test_nan_from_js(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    hr_runtime *rt = hr_runtime_new(&cfg);
    hr_realm *realm = rt ? hr_realm_new(rt) : NULL;
    CHECK(realm != NULL, "runtime");
    if (!realm) return;
    static const char *const srcs[] = {
        /* Float64 NaNs with tag-like high bits */
        "var u = new Uint32Array([0x10, 0xFFFB0000, 0x20, 0xFFFC0000, 0x30, 0xFFFF0000, 0, 0xFFF90000]);"
        "var f = new Float64Array(u.buffer); var r = [];"
        "for (var i = 0; i < 4; i++) { var x = f[i]; r.push(typeof x, x !== x, Object.is(x, NaN)); }"
        "r.join()",
        /* DataView reads */
        "var dv = new DataView(new ArrayBuffer(8)); dv.setUint32(0, 0xFFFD0000); dv.setUint32(4, 8);"
        "var y = dv.getFloat64(0); [typeof y, y !== y, String(y)].join()",
        /* Float32 NaN widened to double */
        "var u32 = new Uint32Array([0xFFFFFFFF]); var z = new Float32Array(u32.buffer)[0];"
        "[typeof z, z !== z, [z].includes(NaN)].join()",
        /* the NaN stored back keeps being a NaN */
        "var g = new Float64Array(1); g[0] = f[1]; var w = g[0]; [typeof w, w !== w].join()",
    };
    static const char *const wants[] = {
        "number,true,true,number,true,true,number,true,true,number,true,true",
        "number,true,NaN",
        "number,true,true",
        "number,true",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        hr_scope scope;
        hr_scope_open(rt, &scope);
        hr_value v;
        hr_status st = hr_eval(realm, srcs[i], strlen(srcs[i]), "value_test.js", 0, &v);
        char *s = st == HR_OK ? hr_to_utf8(realm, v, NULL) : NULL;
        if (st != HR_OK) {
            char *e = hr_format_exception(realm, hr_take_exception(rt));
            CHECK(false, "source %zu threw %s", i, e ? e : "?");
            hr_free(rt, e);
        } else
            CHECK(s && strcmp(s, wants[i]) == 0, "source %zu: got %s, want %s", i, s ? s : "(null)",
                  wants[i]);
        hr_free(rt, s);
        hr_scope_close(&scope);
    }
    /* Values made by arithmetic in JS are canonical NaN or ordinary doubles. */
    hr_value v;
    hr_scope scope;
    hr_scope_open(rt, &scope);
    const char *src = "[0/0, Math.sqrt(-1), -(0/0), Infinity - Infinity, parseFloat('x')]";
    if (hr_eval(realm, src, strlen(src), "value_test.js", 0, &v) == HR_OK) {
        for (int i = 0; i < 5; i++) {
            char idx[16];
            snprintf(idx, sizeof idx, "%d", i);
            hr_value x = hr_get(realm, v, idx);
            CHECK(x == HX_CANON_NAN, "NaN %d from arithmetic is %llx", i, (unsigned long long)x);
        }
    } else {
        CHECK(false, "arithmetic NaN source threw");
        hr_take_exception(rt);
    }
    hr_scope_close(&scope);
    hr_runtime_free(rt);
}

/* Real heap cells carry the tag of their type. */
static void test_real_cells(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    hr_runtime *rtp = hr_runtime_new(&cfg);
    hr_realm *realm = rtp ? hr_realm_new(rtp) : NULL;
    if (!realm) {
        CHECK(false, "runtime");
        return;
    }
    hx_runtime *rt = (hx_runtime *)rtp;
    hx_realm *r = (hx_realm *)realm;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value s = hx_string_from_cstr(rt, "hello");
    check_one_kind(s, "string", "string cell");
    CHECK(((hx_cell *)hx_get_ptr(s))->type == HX_CELL_STRING, "string cell type");
    hx_value o = hx_new_plain_object(r);
    check_one_kind(o, "object", "object cell");
    CHECK(((hx_cell *)hx_get_ptr(o))->type == HX_CELL_OBJECT, "object cell type");
    hx_value sym = hx_symbol_new(rt, s);
    check_one_kind(sym, "symbol", "symbol cell");
    hr_value f = hr_get(realm, hr_realm_global(realm), "parseInt");
    CHECK(hr_is_function(f) && hr_is_object(f), "functions are objects");
    CHECK(!hr_is_function(o), "plain object is not a function");
    hr_value big;
    const char *src = "2n ** 100n";
    if (hr_eval(realm, src, strlen(src), "value_test.js", 0, &big) == HR_OK)
        check_one_kind(big, "bigint", "bigint cell");
    else {
        CHECK(false, "bigint source threw");
        hr_take_exception(rtp);
    }
    hr_scope_close(&scope);
    hr_runtime_free(rtp);
}

int main(void) {
    test_specials();
    test_pointer_tags();
    test_ints();
    test_number_fast_path();
    test_doubles();
    test_nan_canonical();
    test_nan_from_js();
    test_real_cells();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
