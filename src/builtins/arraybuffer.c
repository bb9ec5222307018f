/*
 * arraybuffer.c — ArrayBuffer (ES2025 25.1) including resizable buffers and
 * transfer, SharedArrayBuffer (25.2) including growable buffers, the raw
 * element encodings every view uses (GetValueFromBuffer / SetValueInBuffer
 * with the binary16 conversion), and the public hr_detach_array_buffer.
 *
 * There is one agent, so a SharedArrayBuffer's block is ordinary memory.
 * Invariants: an hx_abuf's data holds cap >= len bytes, bytes [len, cap)
 * are zero (so growing within cap only changes len); a detached buffer has
 * data == NULL, len == 0 and HX_ABUF_DETACHED set.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "vm/object_class.h"
#include "builtins/typedarray_int.h"

const uint8_t hx_ta_elem_size[HX_TA_COUNT] = {1, 1, 1, 2, 2, 4, 4, 2, 4, 8, 8, 8};
const char *const hx_ta_names[HX_TA_COUNT] = {
    "Int8Array",    "Uint8Array",   "Uint8ClampedArray", "Int16Array",
    "Uint16Array",  "Int32Array",   "Uint32Array",       "Float16Array",
    "Float32Array", "Float64Array", "BigInt64Array",     "BigUint64Array",
};

static void abuf_finalize(hx_runtime *rt, hx_object *o) {
    hx_abuf *b = hx_abuf_of(o);
    if (!b) return;
    if (b->data) hx_mem_free(rt, b->data, b->cap);
    hx_mem_free(rt, b, sizeof *b);
    o->u.data.ptr = NULL;
}
/* slots[0]: the Atomics.waitAsync waiter list of a SharedArrayBuffer (atomics.c). */
static void abuf_trace(hx_runtime *rt, hx_object *o) { hx_gc_mark_value(rt, o->u.data.slots[0]); }
const hx_exotic hx_array_buffer_class = {.trace = abuf_trace, .finalize = abuf_finalize};

bool hx_host_little_endian(void) {
    const uint16_t one = 1;
    return *(const uint8_t *)&one == 1;
}

/* ---- binary16 ------------------------------------------------------------------ */

/* ES2025 6.1.6.1 / IEEE 754-2019 roundTiesToEven of a double to binary16.
 * Rounds once, directly from the double (rounding through float32 first
 * would round twice). */
static uint16_t f64_to_f16(double d) {
    uint16_t sign = signbit(d) ? 0x8000 : 0;
    if (d != d) return 0x7E00;
    double a = fabs(d);
    if (a >= 65520.0) return sign | 0x7C00; /* halfway past 65504 rounds to even: infinity */
    if (a < 6.103515625e-05) {              /* below 2^-14: subnormal, units of 2^-24 */
        double m = nearbyint(a * 16777216.0); /* exact scaling, ties to even */
        return sign | (uint16_t)m;            /* m == 1024 is the smallest normal */
    }
    int e;
    double fr = frexp(a, &e); /* a = fr * 2^e, fr in [0.5, 1) */
    double m = nearbyint((fr * 2.0 - 1.0) * 1024.0);
    int be = e - 1 + 15;
    if (m == 1024.0) {
        m = 0;
        be++;
    }
    if (be >= 31) return sign | 0x7C00;
    return sign | (uint16_t)(be << 10) | (uint16_t)m;
}

static double f16_to_f64(uint16_t h) {
    int e = (h >> 10) & 0x1F, m = h & 0x3FF;
    double v;
    if (e == 0) v = ldexp(m, -24);
    else if (e == 31) v = m ? NAN : INFINITY;
    else v = ldexp(m + 1024, e - 25);
    return (h & 0x8000) ? -v : v;
}

/* ES2025 7.1.11 ToUint8Clamp on a Number. */
static uint8_t to_uint8_clamp(double d) {
    if (!(d > 0)) return 0; /* NaN, negative, zero */
    if (d >= 255) return 255;
    double f = floor(d);
    if (f + 0.5 < d) return (uint8_t)(f + 1);
    if (d < f + 0.5) return (uint8_t)f;
    return ((int)f & 1) ? (uint8_t)(f + 1) : (uint8_t)f; /* ties to even */
}

/* ---- raw element access ------------------------------------------------------------ */

static void reverse_bytes(uint8_t *p, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        uint8_t t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

/* ES2025 25.1.3.15 GetValueFromBuffer (RawBytesToNumeric). */
hx_value hx_abuf_get_value(hx_realm *realm, const uint8_t *p, int type, bool little) {
    uint8_t raw[8];
    int n = hx_ta_elem_size[type];
    memcpy(raw, p, n);
    if (little != hx_host_little_endian()) reverse_bytes(raw, n);
    switch (type) {
    case HX_TA_INT8: return hx_int((int8_t)raw[0]);
    case HX_TA_UINT8:
    case HX_TA_UINT8C: return hx_int(raw[0]);
    case HX_TA_INT16: {
        int16_t v;
        memcpy(&v, raw, 2);
        return hx_int(v);
    }
    case HX_TA_UINT16: {
        uint16_t v;
        memcpy(&v, raw, 2);
        return hx_int(v);
    }
    case HX_TA_INT32: {
        int32_t v;
        memcpy(&v, raw, 4);
        return hx_int(v);
    }
    case HX_TA_UINT32: {
        uint32_t v;
        memcpy(&v, raw, 4);
        return hx_number((double)v);
    }
    case HX_TA_FLOAT16: {
        uint16_t v;
        memcpy(&v, raw, 2);
        return hx_number(f16_to_f64(v));
    }
    case HX_TA_FLOAT32: {
        float v;
        memcpy(&v, raw, 4);
        return hx_number((double)v);
    }
    case HX_TA_FLOAT64: {
        double v;
        memcpy(&v, raw, 8);
        return hx_number(v);
    }
    case HX_TA_BIGINT64: {
        int64_t v;
        memcpy(&v, raw, 8);
        return hx_bigint_from_int64(realm, v);
    }
    default: {
        uint64_t v;
        memcpy(&v, raw, 8);
        return hx_bigint_from_uint64(realm, v);
    }
    }
}

/* ES2025 25.1.3.17 SetValueInBuffer (NumericToRawBytes). */
void hx_abuf_set_value(uint8_t *p, int type, hx_value v, bool little) {
    uint8_t raw[8];
    int n = hx_ta_elem_size[type];
    if (hx_ta_is_bigint_type(type)) {
        uint64_t u = hx_bigint_to_uint64(v);
        memcpy(raw, &u, 8);
    } else {
        double d = hx_to_double_fast(v);
        switch (type) {
        case HX_TA_INT8:
        case HX_TA_UINT8:
        case HX_TA_INT16:
        case HX_TA_UINT16:
        case HX_TA_INT32:
        case HX_TA_UINT32: {
            uint32_t u = hx_is_int(v) ? (uint32_t)hx_get_int(v) : (uint32_t)hx_double_to_int32(d);
            if (n == 1) raw[0] = (uint8_t)u;
            else if (n == 2) {
                uint16_t h = (uint16_t)u;
                memcpy(raw, &h, 2);
            } else
                memcpy(raw, &u, 4);
            break;
        }
        case HX_TA_UINT8C: raw[0] = to_uint8_clamp(d); break;
        case HX_TA_FLOAT16: {
            uint16_t h = f64_to_f16(d);
            memcpy(raw, &h, 2);
            break;
        }
        case HX_TA_FLOAT32: {
            float f = (float)d;
            memcpy(raw, &f, 4);
            break;
        }
        default: memcpy(raw, &d, 8); break;
        }
    }
    if (little != hx_host_little_endian()) reverse_bytes(raw, n);
    memcpy(p, raw, n);
}

/* ES2025 7.1.13 ToBigInt */
hx_value hx_ta_to_bigint(hx_realm *realm, hx_value v) {
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
    if (hx_is_nullish(prim))
        return hx_throw_type_error(realm, "Cannot convert %s to a BigInt", hx_is_null(prim) ? "null" : "undefined");
    if (hx_is_number(prim)) return hx_throw_type_error(realm, "Cannot convert a Number to a BigInt");
    return hx_throw_type_error(realm, "Cannot convert a Symbol to a BigInt");
}

hx_value hx_ta_to_element_value(hx_realm *realm, int type, hx_value v) {
    if (hx_ta_is_bigint_type(type)) return hx_ta_to_bigint(realm, v);
    if (hx_is_number(v)) return v;
    double d;
    if (hx_to_number(realm, v, &d) < 0) return HX_EXCEPTION;
    return hx_double(d);
}

/* ---- allocation ------------------------------------------------------------------- */

static hx_value alloc_failed(hx_realm *realm) {
    if (realm->rt->has_exception) hx_take_exception(realm->rt);
    return hx_throw_range_error(realm, "Array buffer allocation failed");
}

/* CreateByteDataBlock / CreateSharedByteDataBlock into a fresh buffer object. */
static int attach_block(hx_realm *realm, hx_object *o, size_t len, size_t max_len, uint8_t flags) {
    hx_runtime *rt = realm->rt;
    hx_abuf *b = hx_mem_alloc(rt, sizeof *b);
    if (!b) {
        alloc_failed(realm);
        return -1;
    }
    memset(b, 0, sizeof *b);
    b->flags = flags;
    b->max_len = max_len;
    if (len) {
        b->data = hx_mem_alloc(rt, len);
        if (!b->data) {
            hx_mem_free(rt, b, sizeof *b);
            alloc_failed(realm);
            return -1;
        }
        memset(b->data, 0, len);
        b->cap = len;
    }
    b->len = len;
    o->u.data.slots[0] = HX_UNDEFINED;
    o->u.data.ptr = b;
    return 0;
}

hx_value hx_abuf_allocate(hx_realm *realm, hx_value ctor, uint64_t len, int64_t max_len, bool shared) {
    /* ES2025 25.1.3.1 step 2 */
    if (max_len >= 0 && len > (uint64_t)max_len)
        return hx_throw_range_error(realm, "byteLength exceeds maxByteLength");
    hx_intrinsic pi = shared ? HX_INTR_SharedArrayBufferPrototype : HX_INTR_ArrayBufferPrototype;
    hx_value ov;
    if (hx_is_undefined(ctor)) {
        hx_object *o = hx_object_new(realm, hx_as_object(realm->intrinsics[pi]), HX_CLASS_ARRAY_BUFFER);
        ov = o ? hx_object_value(o) : HX_EXCEPTION;
    } else
        ov = hx_ordinary_create_from_constructor(realm, ctor, pi, HX_CLASS_ARRAY_BUFFER); /* step 3 */
    if (hx_is_exception(ov)) return ov;
    /* steps 4-7: the block, and the reservation for maxByteLength */
    if (len > HX_MAX_BUFFER_BYTES || (max_len >= 0 && (uint64_t)max_len > HX_MAX_BUFFER_BYTES))
        return alloc_failed(realm);
    uint8_t flags = (shared ? HX_ABUF_SHARED : 0) | (max_len >= 0 ? HX_ABUF_RESIZABLE : 0);
    if (attach_block(realm, hx_as_object(ov), (size_t)len, max_len >= 0 ? (size_t)max_len : 0, flags) < 0)
        return HX_EXCEPTION;
    return ov;
}

hx_value hx_abuf_clone(hx_realm *realm, hx_object *src, size_t offset, size_t len) {
    hx_value nb = hx_abuf_allocate(realm, HX_UNDEFINED, len, -1, false);
    if (hx_is_exception(nb)) return nb;
    if (len) memcpy(hx_abuf_of(hx_as_object(nb))->data, hx_abuf_of(src)->data + offset, len);
    return nb;
}

/* Changes the byte length to n (zero-filling new bytes): resize / grow. */
static int set_length(hx_realm *realm, hx_abuf *b, size_t n) {
    if (n > b->cap) {
        size_t ncap = b->cap + b->cap / 2;
        if (ncap < n || ncap > b->max_len) ncap = n;
        uint8_t *d = hx_mem_realloc(realm->rt, b->data, b->cap, ncap);
        if (!d) {
            alloc_failed(realm);
            return -1;
        }
        memset(d + b->cap, 0, ncap - b->cap);
        b->data = d;
        b->cap = ncap;
    } else if (n < b->len)
        memset(b->data + n, 0, b->len - n); /* keep [len, cap) zero */
    b->len = n;
    return 0;
}

/* ES2025 25.1.3.5 DetachArrayBuffer */
static void detach(hx_runtime *rt, hx_abuf *b) {
    if (b->data) hx_mem_free(rt, b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
    b->flags |= HX_ABUF_DETACHED;
}

HR_API bool hr_detach_array_buffer(hr_realm *api_realm, hr_value buffer) {
    hx_realm *realm = (hx_realm *)api_realm;
    if (!hx_is_abuf(buffer) || hx_abuf_shared(hx_as_object(buffer))) {
        hx_throw_type_error(realm, "not an ArrayBuffer");
        return false;
    }
    detach(realm->rt, hx_abuf_of(hx_as_object(buffer)));
    return true;
}

/* ES2025 25.1.3.7 GetArrayBufferMaxByteLengthOption: -1 for "empty". */
static int max_length_option(hx_realm *realm, hx_value options, int64_t *out) {
    *out = -1;
    if (!hx_is_object(options)) return 0;
    hx_value v = hx_get(realm, options, hx_atom_from_cstr(realm->rt, "maxByteLength"));
    if (hx_is_exception(v)) return -1;
    if (hx_is_undefined(v)) return 0;
    uint64_t n;
    if (hx_to_index(realm, v, &n) < 0) return -1;
    *out = (int64_t)n;
    return 0;
}

/* ---- ArrayBuffer ------------------------------------------------------------------ */

/* RequireInternalSlot(O, [[ArrayBufferData]]) plus the shared check every
 * ArrayBuffer.prototype method makes (shared: which kind is required). */
static hx_object *this_buffer(hx_realm *realm, hx_value v, bool shared, const char *method) {
    if (!hx_is_abuf(v) || hx_abuf_shared(hx_as_object(v)) != shared) {
        hx_throw_type_error(realm, "%s.prototype.%s called on incompatible receiver",
                            shared ? "SharedArrayBuffer" : "ArrayBuffer", method);
        return NULL;
    }
    return hx_as_object(v);
}

/* ES2025 25.1.4.1 ArrayBuffer ( length [ , options ] ) and 25.2.3.1
 * SharedArrayBuffer ( length [ , options ] ) (magic 1). */
static hx_value abuf_ctor(HX_TA_FN_ARGS) {
    if (hx_is_undefined(new_target))
        return hx_throw_type_error(realm, "Constructor %s requires 'new'", magic ? "SharedArrayBuffer" : "ArrayBuffer");
    uint64_t len;
    if (hx_to_index(realm, HX_ARG(0), &len) < 0) return HX_EXCEPTION;
    int64_t max;
    if (max_length_option(realm, HX_ARG(1), &max) < 0) return HX_EXCEPTION;
    return hx_abuf_allocate(realm, new_target, len, max, magic != 0);
}

/* ES2025 25.1.5.1 ArrayBuffer.isView ( arg ) */
static hx_value abuf_is_view(HX_TA_FN_ARGS) {
    hx_value a = HX_ARG(0);
    if (!hx_is_object(a)) return HX_FALSE;
    hx_class_id c = hx_class_of(hx_as_object(a));
    return hx_bool(c == HX_CLASS_TYPED_ARRAY || c == HX_CLASS_DATA_VIEW);
}

/* ES2025 25.1.5.3 get ArrayBuffer [ %Symbol.species% ] (and SharedArrayBuffer's) */
static hx_value get_species(HX_TA_FN_ARGS) { return this_value; }

/* ES2025 25.1.6.2 get ArrayBuffer.prototype.byteLength; 25.2.5.2 for
 * SharedArrayBuffer (magic 1). */
static hx_value abuf_byte_length(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, magic, "byteLength");
    if (!o) return HX_EXCEPTION;
    return hx_number((double)hx_abuf_of(o)->len); /* detached: 0 */
}

/* ES2025 25.1.6.4 get ArrayBuffer.prototype.maxByteLength / 25.2.5.5 */
static hx_value abuf_max_byte_length(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, magic, "maxByteLength");
    if (!o) return HX_EXCEPTION;
    hx_abuf *b = hx_abuf_of(o);
    if (b->flags & HX_ABUF_DETACHED) return hx_int(0);
    return hx_number((double)(hx_abuf_fixed(o) ? b->len : b->max_len));
}

/* ES2025 25.1.6.5 get ArrayBuffer.prototype.resizable / 25.2.5.4 growable */
static hx_value abuf_resizable(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, magic, magic ? "growable" : "resizable");
    if (!o) return HX_EXCEPTION;
    return hx_bool(!hx_abuf_fixed(o));
}

/* ES2025 25.1.6.3 get ArrayBuffer.prototype.detached */
static hx_value abuf_detached(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, false, "detached");
    if (!o) return HX_EXCEPTION;
    return hx_bool(hx_abuf_detached(o));
}

/* ES2025 25.1.6.6 ArrayBuffer.prototype.resize ( newLength ) and 25.2.5.3
 * SharedArrayBuffer.prototype.grow ( newLength ) (magic 1). */
static hx_value abuf_resize(HX_TA_FN_ARGS) {
    const char *name = magic ? "grow" : "resize";
    /* step 2: RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]) */
    if (!hx_is_abuf(this_value) || hx_abuf_fixed(hx_as_object(this_value)))
        return hx_throw_type_error(realm, "%s.prototype.%s called on a non-%s buffer",
                                   magic ? "SharedArrayBuffer" : "ArrayBuffer", name,
                                   magic ? "growable" : "resizable");
    hx_object *o = this_buffer(realm, this_value, magic, name); /* step 3 */
    if (!o) return HX_EXCEPTION;
    uint64_t n;
    if (hx_to_index(realm, HX_ARG(0), &n) < 0) return HX_EXCEPTION; /* step 4 */
    hx_abuf *b = hx_abuf_of(o);
    if (!magic && (b->flags & HX_ABUF_DETACHED)) /* step 5 */
        return hx_throw_type_error(realm, "Cannot resize a detached ArrayBuffer");
    if (n > b->max_len) return hx_throw_range_error(realm, "new length exceeds maxByteLength");
    if (magic && n < b->len) return hx_throw_range_error(realm, "SharedArrayBuffer cannot shrink");
    if (set_length(realm, b, (size_t)n) < 0) return HX_EXCEPTION;
    return HX_UNDEFINED;
}

/* ES2025 25.1.6.7 ArrayBuffer.prototype.slice ( start, end ) and 25.2.5.6
 * SharedArrayBuffer.prototype.slice (magic 1). */
static hx_value abuf_slice(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, magic, "slice"); /* steps 1-3 */
    if (!o) return HX_EXCEPTION;
    if (hx_abuf_detached(o)) return hx_throw_type_error(realm, "ArrayBuffer is detached"); /* step 4 */
    double len = (double)hx_abuf_of(o)->len;
    double rs, re, first, fin;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &rs) < 0) return HX_EXCEPTION;
    first = rs < 0 ? fmax(len + rs, 0) : fmin(rs, len);
    if (hx_is_undefined(HX_ARG(1))) re = len;
    else if (hx_to_integer_or_infinity(realm, HX_ARG(1), &re) < 0) return HX_EXCEPTION;
    fin = re < 0 ? fmax(len + re, 0) : fmin(re, len);
    double new_len = fmax(fin - first, 0); /* step 14 */
    hx_value dflt = magic ? HX_INTR(realm, SharedArrayBuffer) : HX_INTR(realm, ArrayBuffer);
    hx_value ctor = hx_species_constructor(realm, o, dflt); /* step 15 */
    if (hx_is_exception(ctor)) return ctor;
    hx_value arg = hx_number(new_len);
    hx_value nv = hx_construct(realm, ctor, 1, &arg, ctor); /* step 16 */
    if (hx_is_exception(nv)) return nv;
    /* steps 17-21 */
    if (!hx_is_abuf(nv) || hx_abuf_shared(hx_as_object(nv)) != (magic != 0))
        return hx_throw_type_error(realm, "species constructor did not return a%s",
                                   magic ? " SharedArrayBuffer" : "n ArrayBuffer");
    hx_object *nb = hx_as_object(nv);
    if (hx_abuf_detached(nb)) return hx_throw_type_error(realm, "species constructor returned a detached ArrayBuffer");
    if (nb == o) return hx_throw_type_error(realm, "species constructor returned the same buffer");
    if ((double)hx_abuf_of(nb)->len < new_len)
        return hx_throw_type_error(realm, "species constructor returned a too small buffer");
    if (hx_abuf_detached(o)) return hx_throw_type_error(realm, "ArrayBuffer is detached"); /* step 23 */
    double cur = (double)hx_abuf_of(o)->len; /* steps 26-27: o may have shrunk */
    if (first < cur) {
        size_t count = (size_t)fmin(new_len, cur - first);
        if (count) memmove(hx_abuf_of(nb)->data, hx_abuf_of(o)->data + (size_t)first, count);
    }
    return nv;
}

/* ES2025 25.1.6.8 transfer / 25.1.6.9 transferToFixedLength (magic 1):
 * ArrayBufferCopyAndDetach (25.1.3.3). */
static hx_value abuf_transfer(HX_TA_FN_ARGS) {
    hx_object *o = this_buffer(realm, this_value, false, magic ? "transferToFixedLength" : "transfer");
    if (!o) return HX_EXCEPTION;
    uint64_t n;
    if (hx_is_undefined(HX_ARG(0))) n = hx_abuf_of(o)->len; /* step 3 */
    else if (hx_to_index(realm, HX_ARG(0), &n) < 0) return HX_EXCEPTION;
    hx_abuf *b = hx_abuf_of(o);
    if (b->flags & HX_ABUF_DETACHED) return hx_throw_type_error(realm, "ArrayBuffer is detached"); /* step 4 */
    int64_t max = (!magic && !hx_abuf_fixed(o)) ? (int64_t)b->max_len : -1; /* step 5 */
    hx_value nv = hx_abuf_allocate(realm, HX_UNDEFINED, n, max, false); /* step 7 */
    if (hx_is_exception(nv)) return nv;
    hx_abuf *nb = hx_abuf_of(hx_as_object(nv));
    size_t copy = (size_t)n < b->len ? (size_t)n : b->len; /* steps 8-10 */
    if (copy) memcpy(nb->data, b->data, copy);
    detach(realm->rt, b); /* step 11 */
    return nv;
}

static const hx_builtin abuf_ctor_table[] = {
    HX_FUNC("isView", abuf_is_view, 1),
    HX_SYM_GETSET("species", get_species, NULL),
};

static const hx_builtin abuf_proto_table[] = {
    HX_GETSET("byteLength", abuf_byte_length, NULL),
    HX_GETSET("detached", abuf_detached, NULL),
    HX_GETSET("maxByteLength", abuf_max_byte_length, NULL),
    HX_GETSET("resizable", abuf_resizable, NULL),
    HX_FUNC("resize", abuf_resize, 1),
    HX_FUNC("slice", abuf_slice, 2),
    HX_FUNC("transfer", abuf_transfer, 0),
    HX_FUNC_MAGIC("transferToFixedLength", abuf_transfer, 0, 1),
    HX_SYM_VALUE_S("toStringTag", "ArrayBuffer", HX_PROP_CONFIGURABLE),
};

static const hx_builtin sab_ctor_table[] = {
    HX_SYM_GETSET("species", get_species, NULL),
};

#define HX_GETSET_MAGIC(n, g, m) {n, HX_BI_GETSET, g, NULL, 0, m, 0, NULL, 0}

static const hx_builtin sab_proto_table[] = {
    HX_GETSET_MAGIC("byteLength", abuf_byte_length, 1),
    HX_FUNC_MAGIC("grow", abuf_resize, 1, 1),
    HX_GETSET_MAGIC("growable", abuf_resizable, 1),
    HX_GETSET_MAGIC("maxByteLength", abuf_max_byte_length, 1),
    HX_FUNC_MAGIC("slice", abuf_slice, 2, 1),
    HX_SYM_VALUE_S("toStringTag", "SharedArrayBuffer", HX_PROP_CONFIGURABLE),
};

/* ES2025 25.1.4 / 25.2.3: the two constructors and their prototypes. */
int hx_abuf_init(hx_realm *realm) {
    hx_object *op = HX_INTR_OBJ(realm, ObjectPrototype);
    for (int shared = 0; shared < 2; shared++) {
        hx_object *proto = hx_object_new(realm, op, HX_CLASS_OBJECT);
        if (!proto) return -1;
        const char *name = shared ? "SharedArrayBuffer" : "ArrayBuffer";
        hx_value ctor = hx_make_constructor(realm, abuf_ctor, name, 1, proto, shared);
        if (hx_is_exception(ctor)) return -1;
        if (shared) {
            realm->intrinsics[HX_INTR_SharedArrayBufferPrototype] = hx_object_value(proto);
            realm->intrinsics[HX_INTR_SharedArrayBuffer] = ctor;
            if (HX_INSTALL(realm, proto, sab_proto_table) < 0 ||
                HX_INSTALL(realm, hx_as_object(ctor), sab_ctor_table) < 0)
                return -1;
        } else {
            realm->intrinsics[HX_INTR_ArrayBufferPrototype] = hx_object_value(proto);
            realm->intrinsics[HX_INTR_ArrayBuffer] = ctor;
            if (HX_INSTALL(realm, proto, abuf_proto_table) < 0 ||
                HX_INSTALL(realm, hx_as_object(ctor), abuf_ctor_table) < 0)
                return -1;
        }
        if (hx_define_global(realm, name, ctor) < 0) return -1;
    }
    return 0;
}
