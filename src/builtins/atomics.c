/*
 * atomics.c — the Atomics object (ES2025 25.4) over integer typed arrays,
 * BigInt64Array and BigUint64Array included.
 *
 * Heron runs one agent, so every operation is trivially atomic: the
 * read-modify-write operations work on the element's bytes directly.
 * Atomics.wait can never be woken by another agent: on a SharedArrayBuffer
 * it returns "not-equal" or, after sleeping for the timeout (at most
 * HX_ATOMICS_MAX_SLEEP_MS; a longer or infinite wait could only end the same
 * way), "timed-out".
 *
 * Atomics.waitAsync waiters do exist: each is an internal array
 * [byte index, resolve function, deadline, pending] kept, in FIFO order, in
 * a JS array in the SharedArrayBuffer's u.data.slots[0] (traced by the
 * buffer's GC hook).  Atomics.notify resolves them with "ok" through a job
 * (EnqueueResolveInAgentJob).  A finite timeout is a job that re-queues
 * itself until the deadline, sleeping a little whenever it is the only job
 * left, then resolves "timed-out": with no timers in the engine yet, the
 * job queue is the only way to let time pass while JavaScript can still
 * run.
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

/* ---- async waiters (Atomics.waitAsync / Atomics.notify) ------------------------- */

enum { W_INDEX, W_RESOLVE, W_DEADLINE, W_PENDING, W_FIELDS };

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int enqueue_job(hx_realm *realm, hx_value (*run)(hx_realm *, hx_value *), hx_value a0, hx_value a1) {
    hx_runtime *rt = realm->rt;
    hx_job *j = hx_mem_alloc(rt, sizeof(hx_job));
    if (!j) return -1;
    memset(j, 0, sizeof *j);
    j->run = run;
    j->realm = realm;
    j->args[0] = a0;
    j->args[1] = a1;
    j->args[2] = j->args[3] = HX_UNDEFINED;
    if (rt->jobs_tail) rt->jobs_tail->next = j;
    else rt->jobs_head = j;
    rt->jobs_tail = j;
    return 0;
}

/* The job of EnqueueResolveInAgentJob: resolve(args[1]). */
static hx_value resolve_job(hx_realm *realm, hx_value *args) {
    return hx_call(realm, args[0], HX_UNDEFINED, 1, &args[1]);
}

/* Drops waiters that are no longer pending from the buffer's list. */
static void compact_waiters(hx_object *buf) {
    hx_value lv = buf->u.data.slots[0];
    if (!hx_is_array_obj(lv)) return;
    hx_object *l = hx_as_object(lv);
    uint32_t n = 0;
    for (uint32_t i = 0; i < l->elem_len; i++)
        if (hx_as_object(l->elems[i])->elems[W_PENDING] == HX_TRUE) l->elems[n++] = l->elems[i];
    l->elem_len = n;
    l->u.array.length = n;
    l->slots[0] = hx_int((int32_t)n);
}

/* The timeout of one async waiter (args[0] the waiter, args[1] the buffer). */
static hx_value timeout_job(hx_realm *realm, hx_value *args) {
    hx_runtime *rt = realm->rt;
    hx_object *w = hx_as_object(args[0]);
    if (w->elems[W_PENDING] != HX_TRUE) return HX_UNDEFINED; /* notified meanwhile */
    if (hx_check_interrupt(rt)) return HX_EXCEPTION;
    double left = hx_to_double_fast(w->elems[W_DEADLINE]) - now_ms();
    if (left > 0) {
        if (!rt->jobs_head) { /* nothing else can run: let the time pass */
            double ms = fmin(left, 10.0);
            struct timespec ts = {0, (long)(ms * 1e6)};
            nanosleep(&ts, NULL);
        }
        return enqueue_job(realm, timeout_job, args[0], args[1]) < 0 ? HX_EXCEPTION : HX_UNDEFINED;
    }
    w->elems[W_PENDING] = HX_FALSE;
    compact_waiters(hx_as_object(args[1]));
    hx_value outcome = hx_atom_from_cstr(rt, "timed-out");
    if (hx_is_exception(outcome)) return outcome;
    return hx_call(realm, w->elems[W_RESOLVE], HX_UNDEFINED, 1, &outcome);
}

/* GetCapabilitiesExecutor: keeps resolve in the executor's data. */
static hx_value capture_executor(HX_TA_FN_ARGS) {
    hx_object *self = hx_current_native(realm->rt);
    if (self) HX_WRITE(self->u.native.data, HX_ARG(0));
    return HX_UNDEFINED;
}

/* NewPromiseCapability(%Promise%): the promise, with its resolve in *resolve. */
static hx_value new_promise(hx_realm *realm, hx_value *resolve) {
    hx_value ctor = HX_INTR(realm, Promise);
    if (!hx_is_constructor(ctor)) return hx_throw_type_error(realm, "Atomics.waitAsync needs Promise");
    hx_value ex = hx_native_function_new(realm, capture_executor, HX_ATOM(realm->rt, empty), 2, 0, false);
    if (hx_is_exception(ex)) return ex;
    hx_value p = hx_construct(realm, ctor, 1, &ex, ctor);
    if (hx_is_exception(p)) return p;
    *resolve = hx_as_object(ex)->u.native.data;
    if (!hx_is_callable(*resolve)) return hx_throw_type_error(realm, "Promise executor was not called");
    return p;
}

/* The result object of an async wait: { async, value }. */
static hx_value wait_result(hx_realm *realm, bool async, hx_value value) {
    hx_value ov = hx_new_plain_object(realm);
    if (hx_is_exception(ov)) return ov;
    hx_value ka = hx_atom_from_cstr(realm->rt, "async");
    if (hx_is_exception(ka) ||
        hx_create_data_property_or_throw(realm, hx_as_object(ov), ka, hx_bool(async)) < 0 ||
        hx_create_data_property_or_throw(realm, hx_as_object(ov), HX_ATOM(realm->rt, value), value) < 0)
        return HX_EXCEPTION;
    return ov;
}

/* ES2025 25.4.3.14 DoWait steps 1-9: validation and conversions; *t is
 * the timeout in milliseconds. */
static hx_object *wait_prologue(hx_realm *realm, int argc, hx_value *argv, const char *method, size_t *bi,
                                hx_value *v, double *t) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), true, method);
    if (!ta) return NULL;
    if (!hx_abuf_shared(hx_view_buffer(ta))) { /* step 3 */
        hx_throw_type_error(realm, "Atomics.%s requires a shared typed array", method);
        return NULL;
    }
    if (validate_access(realm, ta, HX_ARG(1), bi) < 0) return NULL;
    if (hx_ta_type_of(ta) == HX_TA_BIGINT64) { /* step 6: ToBigInt64 */
        *v = hx_ta_to_bigint(realm, HX_ARG(2));
        if (hx_is_exception(*v)) return NULL;
    } else {
        int32_t i;
        if (hx_to_int32(realm, HX_ARG(2), &i) < 0) return NULL;
        *v = hx_int(i);
    }
    double q; /* steps 8-9 */
    if (hx_to_number(realm, HX_ARG(3), &q) < 0) return NULL;
    *t = (q != q || q == INFINITY) ? INFINITY : (q == -INFINITY ? 0 : fmax(q, 0));
    return ta;
}

/* Whether the element at byte index bi still holds v (DoWait step 19). */
static bool holds_value(hx_object *ta, size_t bi, hx_value v) {
    uint8_t vb[8];
    int type = hx_ta_type_of(ta);
    hx_abuf_set_value(vb, type, v, hx_host_little_endian());
    return !memcmp(vb, hx_abuf_of(hx_view_buffer(ta))->data + bi, hx_ta_elem_size[type]);
}

/* ES2025 25.4.13 Atomics.wait ( typedArray, index, value, timeout ): DoWait
 * (25.4.3.14) in sync mode. */
static hx_value atomics_wait(HX_TA_FN_ARGS) {
    size_t bi;
    hx_value v;
    double t;
    hx_object *ta = wait_prologue(realm, argc, argv, "wait", &bi, &v, &t);
    if (!ta) return HX_EXCEPTION;
    if (!holds_value(ta, bi, v)) return hx_atom_from_cstr(realm->rt, "not-equal"); /* step 20 */
    /* No other agent can notify: sleep out the timeout (bounded), then time out. */
    double ms = fmin(t, HX_ATOMICS_MAX_SLEEP_MS);
    if (ms > 0) {
        struct timespec ts = {(time_t)(ms / 1000), (long)(fmod(ms, 1000) * 1e6)};
        nanosleep(&ts, NULL);
    }
    return hx_atom_from_cstr(realm->rt, "timed-out");
}

/* ES2024 25.4.14 Atomics.waitAsync ( typedArray, index, value, timeout ):
 * DoWait in async mode. */
static hx_value atomics_wait_async(HX_TA_FN_ARGS) {
    size_t bi;
    hx_value v;
    double t;
    hx_object *ta = wait_prologue(realm, argc, argv, "waitAsync", &bi, &v, &t);
    if (!ta) return HX_EXCEPTION;
    if (!holds_value(ta, bi, v)) return wait_result(realm, false, hx_atom_from_cstr(realm->rt, "not-equal"));
    if (t == 0) return wait_result(realm, false, hx_atom_from_cstr(realm->rt, "timed-out"));
    hx_value resolve = HX_UNDEFINED;
    hx_value promise = new_promise(realm, &resolve);
    if (hx_is_exception(promise)) return promise;
    hx_value fields[W_FIELDS] = {hx_number((double)bi), resolve, hx_number(now_ms() + t), HX_TRUE};
    hx_value w = hx_array_from(realm, fields, W_FIELDS);
    if (hx_is_exception(w)) return w;
    hx_object *buf = hx_view_buffer(ta);
    if (!hx_is_array_obj(buf->u.data.slots[0])) {
        hx_value l = hx_array_new(realm, 0);
        if (hx_is_exception(l)) return l;
        HX_WRITE(buf->u.data.slots[0], l);
    }
    if (hx_array_push(realm, hx_as_object(buf->u.data.slots[0]), w) < 0) return HX_EXCEPTION;
    if (t != INFINITY && enqueue_job(realm, timeout_job, w, hx_object_value(buf)) < 0) return HX_EXCEPTION;
    return wait_result(realm, true, promise);
}

/* ES2025 25.4.12 Atomics.notify ( typedArray, index, count ) */
static hx_value atomics_notify(HX_TA_FN_ARGS) {
    hx_object *ta = validate_integer_ta(realm, HX_ARG(0), true, "notify");
    if (!ta) return HX_EXCEPTION;
    size_t bi;
    if (validate_access(realm, ta, HX_ARG(1), &bi) < 0) return HX_EXCEPTION;
    double c = INFINITY;
    if (!hx_is_undefined(HX_ARG(2))) {
        if (hx_to_integer_or_infinity(realm, argv[2], &c) < 0) return HX_EXCEPTION;
        c = fmax(c, 0);
    }
    hx_object *buf = hx_view_buffer(ta);
    if (!hx_abuf_shared(buf) || !hx_is_array_obj(buf->u.data.slots[0])) return hx_int(0); /* step 6 */
    hx_object *l = hx_as_object(buf->u.data.slots[0]);
    hx_value ok = hx_atom_from_cstr(realm->rt, "ok");
    if (hx_is_exception(ok)) return ok;
    double n = 0;
    for (uint32_t i = 0; i < l->elem_len && n < c; i++) { /* RemoveWaiters + NotifyWaiter */
        hx_object *w = hx_as_object(l->elems[i]);
        if (w->elems[W_PENDING] != HX_TRUE || hx_to_double_fast(w->elems[W_INDEX]) != (double)bi) continue;
        w->elems[W_PENDING] = HX_FALSE;
        if (enqueue_job(realm, resolve_job, w->elems[W_RESOLVE], ok) < 0) return HX_EXCEPTION;
        n++;
    }
    compact_waiters(buf);
    return hx_number(n);
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
    HX_FUNC("waitAsync", atomics_wait_async, 4),
    HX_FUNC_MAGIC("xor", atomics_rmw, 3, OP_XOR),
    HX_SYM_VALUE_S("toStringTag", "Atomics", HX_PROP_CONFIGURABLE),
};

/* ES2025 25.4: the Atomics namespace object. */
int hx_atomics_init(hx_realm *realm) {
    hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!o || HX_INSTALL(realm, o, atomics_table) < 0) return -1;
    return hx_define_global(realm, "Atomics", hx_object_value(o));
}
