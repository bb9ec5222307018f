/*
 * typedarray_int.h — the binary-data family's shared internals:
 * ArrayBuffer / SharedArrayBuffer data blocks (arraybuffer.c), typed arrays
 * (typedarray.c, typedarray_methods.c), DataView (dataview.c) and Atomics
 * (atomics.c).
 *
 * Class data layout:
 *  HX_CLASS_ARRAY_BUFFER  u.data.ptr = hx_abuf * (NULL only while being
 *                         built); the data block is owned by it.
 *  HX_CLASS_TYPED_ARRAY   u.data.slots[0] the viewed buffer (an
 *  HX_CLASS_DATA_VIEW     HX_CLASS_ARRAY_BUFFER object), slots[1] the byte
 *                         offset (number), slots[2] the array length (typed
 *                         arrays) or byte length (DataView) as a number, or
 *                         undefined when the view tracks the length of a
 *                         resizable buffer ("auto"), slots[3] the element
 *                         type (int, hx_ta_type; DataView: unused).
 *
 * Invariant: a buffer's data pointer changes when it is resized or
 * detached, so code re-reads it (hx_abuf_of(buf)->data) after anything that
 * may run JavaScript; never keep it across a call.
 */
#ifndef HX_BUILTINS_TYPEDARRAY_INT_H
#define HX_BUILTINS_TYPEDARRAY_INT_H

#include "vm/vm.h"

#define HX_TA_FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* Largest data block we allocate, and the largest maxByteLength accepted
 * (ES2025 25.1.3.1: an implementation throws a RangeError when it cannot
 * create the block). */
#define HX_MAX_BUFFER_BYTES ((uint64_t)1 << 32)

/* Element types, in the order of ES2025 Table 71 (and of the intrinsics
 * Int8ArrayPrototype .. BigUint64ArrayPrototype, Int8Array .. BigUint64Array). */
typedef enum hx_ta_type {
    HX_TA_INT8, HX_TA_UINT8, HX_TA_UINT8C, HX_TA_INT16, HX_TA_UINT16, HX_TA_INT32, HX_TA_UINT32,
    HX_TA_FLOAT16, HX_TA_FLOAT32, HX_TA_FLOAT64, HX_TA_BIGINT64, HX_TA_BIGUINT64, HX_TA_COUNT
} hx_ta_type;

extern const uint8_t hx_ta_elem_size[HX_TA_COUNT];
extern const char *const hx_ta_names[HX_TA_COUNT];
static inline bool hx_ta_is_bigint_type(int t) { return t >= HX_TA_BIGINT64; }

/* ---- buffers (arraybuffer.c) ----------------------------------------------- */

typedef struct hx_abuf {
    uint8_t *data;  /* NULL when empty or detached */
    size_t len;     /* [[ArrayBufferByteLength]] */
    size_t max_len; /* [[ArrayBufferMaxByteLength]] when HX_ABUF_RESIZABLE */
    size_t cap;     /* bytes allocated for data */
    uint8_t flags;
} hx_abuf;
enum { HX_ABUF_DETACHED = 1, HX_ABUF_SHARED = 2, HX_ABUF_RESIZABLE = 4 };

static inline hx_abuf *hx_abuf_of(hx_object *b) { return (hx_abuf *)b->u.data.ptr; }
static inline bool hx_abuf_detached(hx_object *b) { return hx_abuf_of(b)->flags & HX_ABUF_DETACHED; }
static inline bool hx_abuf_shared(hx_object *b) { return hx_abuf_of(b)->flags & HX_ABUF_SHARED; }
static inline bool hx_abuf_fixed(hx_object *b) { return !(hx_abuf_of(b)->flags & HX_ABUF_RESIZABLE); }
static inline bool hx_is_abuf(hx_value v) {
    return hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_ARRAY_BUFFER &&
           hx_as_object(v)->u.data.ptr;
}

/* ES2025 25.1.3.1 AllocateArrayBuffer / 25.2.2.1 AllocateSharedArrayBuffer:
 * ctor is the constructor whose "prototype" is used (undefined: the
 * realm's %ArrayBuffer% / %SharedArrayBuffer% without reading it);
 * max_len < 0 makes a fixed-length buffer. */
hx_value hx_abuf_allocate(hx_realm *realm, hx_value ctor, uint64_t len, int64_t max_len, bool shared);
/* ES2025 25.1.3.6 CloneArrayBuffer(src, srcByteOffset, srcLength): a fresh
 * fixed-length %ArrayBuffer% holding a copy of the bytes. */
hx_value hx_abuf_clone(hx_realm *realm, hx_object *src, size_t offset, size_t len);
/* ES2025 7.1.13 ToBigInt. */
hx_value hx_ta_to_bigint(hx_realm *realm, hx_value v);
/* ES2025 25.1.3.15 GetValueFromBuffer over the bytes at p (host order
 * when little matches the host): a Number, or a BigInt for the BigInt
 * types (HX_EXCEPTION only when allocating the BigInt fails). */
hx_value hx_abuf_get_value(hx_realm *realm, const uint8_t *p, int type, bool little);
/* ES2025 25.1.3.17 SetValueInBuffer: v is a Number (numeric types) or a
 * BigInt (BigInt types), already converted. */
void hx_abuf_set_value(uint8_t *p, int type, hx_value v, bool little);
bool hx_host_little_endian(void);
/* Converts v for storing in an element of the type: ToNumber or ToBigInt. */
hx_value hx_ta_to_element_value(hx_realm *realm, int type, hx_value v);
int hx_abuf_init(hx_realm *realm); /* ArrayBuffer and SharedArrayBuffer */

/* ---- views shared by typed arrays and DataView ------------------------------ */

static inline hx_object *hx_view_buffer(hx_object *o) { return hx_as_object(o->u.data.slots[0]); }
static inline size_t hx_view_offset(hx_object *o) { return (size_t)hx_to_double_fast(o->u.data.slots[1]); }
static inline bool hx_view_tracking(hx_object *o) { return hx_is_undefined(o->u.data.slots[2]); }
static inline size_t hx_view_fixed_len(hx_object *o) { return (size_t)hx_to_double_fast(o->u.data.slots[2]); }
static inline int hx_ta_type_of(hx_object *o) { return hx_get_int(o->u.data.slots[3]); }
static inline bool hx_is_ta(hx_value v) {
    return hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_TYPED_ARRAY;
}

/* ---- typed arrays (typedarray.c) -------------------------------------------- */

/* ES2025 10.4.5.14 IsTypedArrayOutOfBounds (detached counts as out of bounds). */
bool hx_ta_out_of_bounds(hx_object *ta);
/* ES2025 10.4.5.13 TypedArrayLength; 0 when out of bounds. */
size_t hx_ta_length(hx_object *ta);
/* ES2025 23.2.4.4 ValidateTypedArray: the typed array, or NULL with a
 * TypeError pending; *len receives TypedArrayLength. */
hx_object *hx_ta_validate(hx_realm *realm, hx_value v, size_t *len, const char *method);
/* ES2025 10.4.5.16 IsValidIntegerIndex. */
bool hx_ta_valid_index(hx_object *ta, double index);
/* Address of element i (no checks). */
static inline uint8_t *hx_ta_addr(hx_object *ta, size_t i) {
    return hx_abuf_of(hx_view_buffer(ta))->data + hx_view_offset(ta) + i * hx_ta_elem_size[hx_ta_type_of(ta)];
}
/* ES2025 10.4.5.17 TypedArrayGetElement: undefined when the index is not valid. */
hx_value hx_ta_get_element(hx_realm *realm, hx_object *ta, double index);
/* ES2025 10.4.5.18 TypedArraySetElement (converts v first); -1 on throw. */
int hx_ta_set_element(hx_realm *realm, hx_object *ta, double index, hx_value v);
/* Stores an already converted value when the index is still valid. */
void hx_ta_store(hx_object *ta, double index, hx_value num);
/* ES2025 23.2.4.2 TypedArrayCreateFromConstructor with argument list. */
hx_value hx_ta_create_from_ctor(hx_realm *realm, hx_value ctor, int argc, hx_value *argv);
/* ES2025 23.2.4.1 TypedArraySpeciesCreate. */
hx_value hx_ta_species_create(hx_realm *realm, hx_object *exemplar, int argc, hx_value *argv);
/* ES2025 23.2.4.3 TypedArrayCreateSameType with a length. */
hx_value hx_ta_create_same_type(hx_realm *realm, hx_object *exemplar, size_t len);

/* typedarray_methods.c: installs %TypedArray%.prototype's methods. */
int hx_ta_install_methods(hx_realm *realm, hx_object *proto);

/* dataview.c, atomics.c */
int hx_dataview_init(hx_realm *realm);
int hx_atomics_init(hx_realm *realm);

#endif
