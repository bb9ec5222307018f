/*
 * atomics.c — the Atomics object (ES2025 25.4) over integer typed arrays,
 * BigInt64Array and BigUint64Array included.
 *
 * Heron runs one agent, so every operation is trivially atomic: the
 * read-modify-write operations work on the element's bytes directly.
 * Atomics.wait can never be woken by another agent: on a SharedArrayBuffer
 * it returns "not-equal" or, after sleeping for the timeout (at most
 * HX_ATOMICS_MAX_SLEEP_MS; a longer or infinite wait could only end the same
 * way), "timed-out".  Atomics.notify finds no waiters and returns 0.
 * Atomics.waitAsync (ES2024, needs async waiters and timers) is not
 * provided.
 */
#include <math.h>
#include <string.h>
#include <time.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "builtins/typedarray_int.h"

#define HX_ATOMICS_MAX_SLEEP_MS 200.0

/* ES2025 25.4.3.1 ValidateIntegerTypedArray */
static hx_object *validate_integer_ta(hx_realm *realm, hx_value v, bool waitable, const char *method) {
    size_t len;
    hx_object *ta = hx_ta_validate(realm, v, &len, method);
    if (!ta) return NULL;
    int t = hx_ta_type_of(ta);
    bool ok = waitable ? (t == HX_TA_INT32 || t == HX_TA_BIGINT64)
                       : (t != HX_TA_UINT8C && t != HX_TA_FLOAT16 && t != HX_TA_FLOAT32 && t != HX_TA_FLOAT64);
    if (!ok) {
        hx_throw_type_error(realm, "Atomics.%s: %s is not a%s integer typed array", method, hx_ta_names[t],
                            waitable ? " waitable" : "n");
        return NULL;
    }
    return ta;
}

/* ES2025 25.4.3.2 ValidateAtomicAccess: the byte index in the buffer. */
static int validate_access(hx_realm *realm, hx_object *ta, hx_value index, size_t *byte_index) {
    size_t len = hx_ta_length(ta);
    uint64_t i;
    if (hx_to_index(realm, index, &i) < 0) return -1;
    if (i >= len) {
        hx_throw_range_error(realm, "Atomics: index %.0f out of range", (double)i);
        return -1;
    }
    *byte_index = (size_t)i * hx_ta_elem_size[hx_ta_type_of(ta)] + hx_view_offset(ta);
    return 0;
}

/* ES2025 25.4.3.4 RevalidateAtomicAccess (after conversions ran user code) */
static int revalidate(hx_realm *realm, hx_object *ta, size_t byte_index) {
    if (hx_ta_out_of_bounds(ta)) {
        hx_throw_type_error(realm, "Atomics: typed array is detached or out of bounds");
        return -1;
    }
    if (byte_index >= hx_abuf_of(hx_view_buffer(ta))->len) {
        hx_throw_range_error(realm, "Atomics: index out of range");
        return -1;
    }
    return 0;
}

/* The value to store: ToBigInt, or 𝔽(ToIntegerOrInfinity(v)). */
static hx_value atomic_operand(hx_realm *realm, int type, hx_value v) {
    if (hx_ta_is_bigint_type(type)) return hx_ta_to_bigint(realm, v);
    double d;
    if (hx_to_integer_or_infinity(realm, v, &d) < 0) return HX_EXCEPTION;
    return hx_number(d);
}

static uint64_t load_raw(const uint8_t *p, int n) {
    switch (n) {
    case 1: return *p;
    case 2: {
        uint16_t v;
        memcpy(&v, p, 2);
        return v;
    }
    case 4: {
        uint32_t v;
        memcpy(&v, p, 4);
        return v;
    }
    default: {
        uint64_t v;
        memcpy(&v, p, 8);
        return v;
    }
    }
}

static void store_raw(uint8_t *p, int n, uint64_t v) {
    switch (n) {
    case 1: *p = (uint8_t)v; break;
    case 2: {
        uint16_t h = (uint16_t)v;
        memcpy(p, &h, 2);
        break;
    }
    case 4: {
        uint32_t w = (uint32_t)v;
        memcpy(p, &w, 4);
        break;
    }
    default: memcpy(p, &v, 8); break;
    }
}

enum { OP_ADD, OP_AND, OP_EXCHANGE, OP_OR, OP_SUB, OP_XOR };
static const char *const op_names[] = {"add", "and", "exchange", "or", "sub", "xor"};

/* ES2025 25.4.3.17 AtomicReadModifyWrite: Atomics.add, and, exchange, or,
 * sub, xor (magic = op).  Returns the previous element value. */
static hx_value atomics_rmw(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), false, op_names[magic]);
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    int type = hx_ta_type_of(ta), n = hx_ta_elem_size[type];
    hx_value v = atomic_operand(realm, type, HX_ARG(2));
    if (hx_is_exception(v) || revalidate(realm, ta, bi) < 0) return HX_EXCEPTION;
    bool le = hx_host_little_endian();
    uint8_t *p = hx_abuf_of(hx_view_buffer(ta))->data + bi, old[8], vb[8];
    memcpy(old, p, n);
    hx_abuf_set_value(vb, type, v, le); /* NumericToRawBytes */
    uint64_t a = load_raw(old, n), b = load_raw(vb, n), r;
    switch (magic) {
    case OP_ADD: r = a + b; break;
    case OP_AND: r = a & b; break;
    case OP_OR: r = a | b; break;
    case OP_SUB: r = a - b; break;
    case OP_XOR: r = a ^ b; break;
    default: r = b; break;
    }
    store_raw(p, n, r);
    return hx_abuf_get_value(realm, old, type, le);
}

/* ES2025 25.4.6 Atomics.compareExchange ( typedArray, index, expectedValue, replacementValue ) */
static hx_value atomics_compare_exchange(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), false, "compareExchange");
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    int type = hx_ta_type_of(ta), n = hx_ta_elem_size[type];
    hx_value expected = atomic_operand(realm, type, HX_ARG(2));
    if (hx_is_exception(expected)) return expected;
    hx_value replacement = atomic_operand(realm, type, HX_ARG(3));
    if (hx_is_exception(replacement) || revalidate(realm, ta, bi) < 0) return HX_EXCEPTION;
    bool le = hx_host_little_endian();
    uint8_t *p = hx_abuf_of(hx_view_buffer(ta))->data + bi, old[8], eb[8];
    memcpy(old, p, n);
    hx_abuf_set_value(eb, type, expected, le);
    if (!memcmp(old, eb, n)) hx_abuf_set_value(p, type, replacement, le); /* compare the raw bytes */
    return hx_abuf_get_value(realm, old, type, le);
}

/* ES2025 25.4.9 Atomics.load ( typedArray, index ) */
static hx_value atomics_load(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), false, "load");
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0 || revalidate(realm, ta, bi) < 0) return HX_EXCEPTION;
    return hx_abuf_get_value(realm, hx_abuf_of(hx_view_buffer(ta))->data + bi, hx_ta_type_of(ta), hx_host_little_endian());
}

/* ES2025 25.4.11 Atomics.store ( typedArray, index, value ) */
static hx_value atomics_store(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), false, "store");
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    int type = hx_ta_type_of(ta);
    hx_value v = atomic_operand(realm, type, HX_ARG(2));
    if (hx_is_exception(v) || revalidate(realm, ta, bi) < 0) return HX_EXCEPTION;
    hx_abuf_set_value(hx_abuf_of(hx_view_buffer(ta))->data + bi, type, v, hx_host_little_endian());
    return v;
}

/* ES2025 25.4.8 Atomics.isLockFree ( size ): every size is, with one agent. */
static hx_value atomics_is_lock_free(HX_TA_FN_ARGS) {
    double n;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &n) < 0) return HX_EXCEPTION;
    return hx_bool(n == 1 || n == 2 || n == 4 || n == 8);
}

/* ES2025 25.4.13 Atomics.wait ( typedArray, index, value, timeout ): DoWait
 * (25.4.3.14) in sync mode. */
static hx_value atomics_wait(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), true, "wait");
    if (!ta) return HX_EXCEPTION;
    if (!hx_abuf_shared(hx_view_buffer(ta))) /* step 3 */
        return hx_throw_type_error(realm, "Atomics.wait requires a shared typed array");
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    int type = hx_ta_type_of(ta);
    hx_value v;
    if (type == HX_TA_BIGINT64) { /* step 6: ToBigInt64 */
        v = hx_ta_to_bigint(realm, HX_ARG(2));
        if (hx_is_exception(v)) return v;
    } else {
        int32_t i;
        if (hx_to_int32(realm, HX_ARG(2), &i) < 0) return HX_EXCEPTION;
        v = hx_int(i);
    }
    double q; /* steps 7-8 */
    if (hx_to_number(realm, HX_ARG(3), &q) < 0) return HX_EXCEPTION;
    double t = (q != q || q == INFINITY) ? INFINITY : (q == -INFINITY ? 0 : fmax(q, 0));
    uint8_t vb[8];
    hx_abuf_set_value(vb, type, v, hx_host_little_endian());
    const uint8_t *p = hx_abuf_of(hx_view_buffer(ta))->data + bi; /* step 17 */
    if (memcmp(vb, p, hx_ta_elem_size[type])) return hx_atom_from_cstr(realm->rt, "not-equal");
    /* No other agent can notify: sleep out the timeout (bounded), then time out. */
    double ms = fmin(t, HX_ATOMICS_MAX_SLEEP_MS);
    if (ms > 0) {
        struct timespec ts = {(time_t)(ms / 1000), (long)(fmod(ms, 1000) * 1e6)};
        nanosleep(&ts, NULL);
    }
    return hx_atom_from_cstr(realm->rt, "timed-out");
}

/* ES2025 25.4.12 Atomics.notify ( typedArray, index, count ) */
static hx_value atomics_notify(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), true, "notify");
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    if (!hx_is_undefined(HX_ARG(2))) {
        double c;
        if (hx_to_integer_or_infinity(realm, argv[2], &c) < 0) return HX_EXCEPTION;
    }
    return hx_int(0); /* no agent is ever waiting */
}

static const hx_builtin atomics_table[] = {
    HX_FUNC_MAGIC("add", atomics_rmw, 3, OP_ADD),
    HX_FUNC_MAGIC("and", atomics_rmw, 3, OP_AND),
    HX_FUNC("compareExchange", atomics_compare_exchange, 4),
    HX_FUNC_MAGIC("exchange", atomics_rmw, 3, OP_EXCHANGE),
    HX_FUNC("isLockFree", atomics_is_lock_free, 1),
    HX_FUNC("load", atomics_load, 2),
    HX_FUNC("notify", atomics_notify, 3),
    HX_FUNC_MAGIC("or", atomics_rmw, 3, OP_OR),
    HX_FUNC("store", atomics_store, 3),
    HX_FUNC_MAGIC("sub", atomics_rmw, 3, OP_SUB),
    HX_FUNC("wait", atomics_wait, 4),
    HX_FUNC_MAGIC("xor", atomics_rmw, 3, OP_XOR),
    HX_SYM_VALUE_S("toStringTag", "Atomics", HX_PROP_CONFIGURABLE),
};

/* ES2025 25.4: the Atomics namespace object. */
int hx_atomics_init(hx_realm *realm) {
    hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!o || HX_INSTALL(realm, o, atomics_table) < 0) return -1;
    return hx_define_global(realm, "Atomics", hx_object_value(o));
}
