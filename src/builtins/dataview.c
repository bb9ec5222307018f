/*
 * dataview.c — DataView (ES2025 25.3): construction over fixed-length and
 * resizable buffers (length-tracking views), the buffer / byteLength /
 * byteOffset accessors, and the get/set methods for every element type in
 * either byte order (GetViewValue / SetViewValue).
 *
 * Class data as typed arrays (typedarray_int.h): slots[0] buffer, [1] byte
 * offset, [2] byte length or undefined when tracking the buffer's length.
 */
#include <math.h>
#include "vm/vm.h"
#include "builtins/typedarray_int.h"

static bool is_view(hx_value v) {
    return hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_DATA_VIEW;
}

/* ES2025 25.3.1.3 IsViewOutOfBounds (detached counts as out of bounds). */
static bool view_out_of_bounds(hx_object *v) {
    hx_abuf *b = hx_abuf_of(hx_view_buffer(v));
    if (b->flags & HX_ABUF_DETACHED) return true;
    size_t off = hx_view_offset(v);
    if (off > b->len) return true;
    return !hx_view_tracking(v) && (double)off + (double)hx_view_fixed_len(v) > (double)b->len;
}

/* ES2025 25.3.1.2 GetViewByteLength (the view is in bounds). */
static size_t view_byte_length(hx_object *v) {
    if (!hx_view_tracking(v)) return hx_view_fixed_len(v);
    return hx_abuf_of(hx_view_buffer(v))->len - hx_view_offset(v);
}

/* ES2025 25.3.2.1 DataView ( buffer [ , byteOffset [ , byteLength ] ] ) */
static hx_value dataview_ctor(HX_TA_FN_ARGS) {
    if (hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Constructor DataView requires 'new'");
    hx_value buffer = HX_ARG(0), length = HX_ARG(2);
    if (!hx_is_abuf(buffer)) return hx_throw_type_error(realm, "First argument to DataView constructor must be an ArrayBuffer");
    hx_object *b = hx_as_object(buffer);
    uint64_t offset, view_len = 0;
    if (hx_to_index(realm, HX_ARG(1), &offset) < 0) return HX_EXCEPTION; /* step 3 */
    if (hx_abuf_detached(b)) return hx_throw_type_error(realm, "ArrayBuffer is detached");
    size_t blen = hx_abuf_of(b)->len;
    if (offset > blen) return hx_throw_range_error(realm, "Start offset %.0f is outside the bounds of the buffer", (double)offset);
    bool fixed = hx_abuf_fixed(b), tracking = false; /* steps 7-9 */
    if (hx_is_undefined(length)) {
        if (fixed) view_len = blen - offset;
        else tracking = true;
    } else {
        if (hx_to_index(realm, length, &view_len) < 0) return HX_EXCEPTION;
        if ((double)offset + (double)view_len > (double)blen)
            return hx_throw_range_error(realm, "Invalid DataView length %.0f", (double)view_len);
    }
    hx_value ov = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_DataViewPrototype, HX_CLASS_DATA_VIEW);
    if (hx_is_exception(ov)) return ov;
    /* steps 11-14: getting the prototype may have detached or shrunk the buffer */
    if (hx_abuf_detached(b)) return hx_throw_type_error(realm, "ArrayBuffer is detached");
    blen = hx_abuf_of(b)->len;
    if (offset > blen) return hx_throw_range_error(realm, "Start offset %.0f is outside the bounds of the buffer", (double)offset);
    if (!hx_is_undefined(length) && (double)offset + (double)view_len > (double)blen)
        return hx_throw_range_error(realm, "Invalid DataView length %.0f", (double)view_len);
    hx_object *o = hx_as_object(ov);
    HX_WRITE(o->u.data.slots[0], buffer);
    o->u.data.slots[1] = hx_number((double)offset);
    o->u.data.slots[2] = tracking ? HX_UNDEFINED : hx_number((double)view_len);
    o->u.data.slots[3] = hx_int(0);
    return ov;
}

static hx_object *this_view(hx_realm *realm, hx_value v, const char *what) {
    if (is_view(v)) return hx_as_object(v);
    hx_throw_type_error(realm, "DataView.prototype.%s called on incompatible receiver", what);
    return NULL;
}

/* ES2025 25.3.4.1 get DataView.prototype.buffer */
static hx_value dv_buffer(HX_TA_FN_ARGS) {
    hx_object *o = this_view(realm, this_value, "buffer");
    return o ? o->u.data.slots[0] : HX_EXCEPTION;
}

/* ES2025 25.3.4.2 get DataView.prototype.byteLength */
static hx_value dv_byte_length(HX_TA_FN_ARGS) {
    hx_object *o = this_view(realm, this_value, "byteLength");
    if (!o) return HX_EXCEPTION;
    if (view_out_of_bounds(o)) return hx_throw_type_error(realm, "DataView is detached or out of bounds");
    return hx_number((double)view_byte_length(o));
}

/* ES2025 25.3.4.3 get DataView.prototype.byteOffset */
static hx_value dv_byte_offset(HX_TA_FN_ARGS) {
    hx_object *o = this_view(realm, this_value, "byteOffset");
    if (!o) return HX_EXCEPTION;
    if (view_out_of_bounds(o)) return hx_throw_type_error(realm, "DataView is detached or out of bounds");
    return hx_number((double)hx_view_offset(o));
}

/* ES2025 25.3.1.5 GetViewValue: DataView.prototype.getInt8 ... getBigUint64,
 * magic = element type. */
static hx_value dv_get(HX_TA_FN_ARGS) {
    hx_object *o = this_view(realm, this_value, "get");
    if (!o) return HX_EXCEPTION;
    uint64_t index;
    if (hx_to_index(realm, HX_ARG(0), &index) < 0) return HX_EXCEPTION;
    bool little = hx_to_boolean(HX_ARG(1));
    if (view_out_of_bounds(o)) return hx_throw_type_error(realm, "DataView is detached or out of bounds");
    size_t size = hx_ta_elem_size[magic];
    if ((double)index + size > (double)view_byte_length(o))
        return hx_throw_range_error(realm, "Offset is outside the bounds of the DataView");
    uint8_t *p = hx_abuf_of(hx_view_buffer(o))->data + hx_view_offset(o) + index;
    return hx_abuf_get_value(realm, p, magic, little);
}

/* ES2025 25.3.1.6 SetViewValue: DataView.prototype.setInt8 ... setBigUint64. */
static hx_value dv_set(HX_TA_FN_ARGS) {
    hx_object *o = this_view(realm, this_value, "set");
    if (!o) return HX_EXCEPTION;
    uint64_t index;
    if (hx_to_index(realm, HX_ARG(0), &index) < 0) return HX_EXCEPTION;
    hx_value num = hx_ta_to_element_value(realm, magic, HX_ARG(1)); /* step 3 */
    if (hx_is_exception(num)) return num;
    bool little = hx_to_boolean(HX_ARG(2));
    if (view_out_of_bounds(o)) return hx_throw_type_error(realm, "DataView is detached or out of bounds");
    size_t size = hx_ta_elem_size[magic];
    if ((double)index + size > (double)view_byte_length(o))
        return hx_throw_range_error(realm, "Offset is outside the bounds of the DataView");
    uint8_t *p = hx_abuf_of(hx_view_buffer(o))->data + hx_view_offset(o) + index;
    hx_abuf_set_value(p, magic, num, little);
    return HX_UNDEFINED;
}

static const hx_builtin dataview_proto_table[] = {
    HX_GETSET("buffer", dv_buffer, NULL),
    HX_GETSET("byteLength", dv_byte_length, NULL),
    HX_GETSET("byteOffset", dv_byte_offset, NULL),
    HX_FUNC_MAGIC("getBigInt64", dv_get, 1, HX_TA_BIGINT64),
    HX_FUNC_MAGIC("getBigUint64", dv_get, 1, HX_TA_BIGUINT64),
    HX_FUNC_MAGIC("getFloat16", dv_get, 1, HX_TA_FLOAT16),
    HX_FUNC_MAGIC("getFloat32", dv_get, 1, HX_TA_FLOAT32),
    HX_FUNC_MAGIC("getFloat64", dv_get, 1, HX_TA_FLOAT64),
    HX_FUNC_MAGIC("getInt8", dv_get, 1, HX_TA_INT8),
    HX_FUNC_MAGIC("getInt16", dv_get, 1, HX_TA_INT16),
    HX_FUNC_MAGIC("getInt32", dv_get, 1, HX_TA_INT32),
    HX_FUNC_MAGIC("getUint8", dv_get, 1, HX_TA_UINT8),
    HX_FUNC_MAGIC("getUint16", dv_get, 1, HX_TA_UINT16),
    HX_FUNC_MAGIC("getUint32", dv_get, 1, HX_TA_UINT32),
    HX_FUNC_MAGIC("setBigInt64", dv_set, 2, HX_TA_BIGINT64),
    HX_FUNC_MAGIC("setBigUint64", dv_set, 2, HX_TA_BIGUINT64),
    HX_FUNC_MAGIC("setFloat16", dv_set, 2, HX_TA_FLOAT16),
    HX_FUNC_MAGIC("setFloat32", dv_set, 2, HX_TA_FLOAT32),
    HX_FUNC_MAGIC("setFloat64", dv_set, 2, HX_TA_FLOAT64),
    HX_FUNC_MAGIC("setInt8", dv_set, 2, HX_TA_INT8),
    HX_FUNC_MAGIC("setInt16", dv_set, 2, HX_TA_INT16),
    HX_FUNC_MAGIC("setInt32", dv_set, 2, HX_TA_INT32),
    HX_FUNC_MAGIC("setUint8", dv_set, 2, HX_TA_UINT8),
    HX_FUNC_MAGIC("setUint16", dv_set, 2, HX_TA_UINT16),
    HX_FUNC_MAGIC("setUint32", dv_set, 2, HX_TA_UINT32),
    HX_SYM_VALUE_S("toStringTag", "DataView", HX_PROP_CONFIGURABLE),
};

/* ES2025 25.3.3 / 25.3.4: the DataView constructor and prototype. */
int hx_dataview_init(hx_realm *realm) {
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    realm->intrinsics[HX_INTR_DataViewPrototype] = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, dataview_ctor, "DataView", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_DataView] = ctor;
    if (HX_INSTALL(realm, proto, dataview_proto_table) < 0) return -1;
    return hx_define_global(realm, "DataView", ctor);
}
