/*
 * object_class.c — the registry of per-class behaviour: exotic internal
 * methods and GC hooks for each hx_class_id.  Families add one line each.
 * Also the GC hooks of the core classes (functions, wrappers, generators).
 */
#include "vm/vm.h"
#include "vm/object_class.h"

static void closure_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_cell(rt, o->u.closure.def);
    hx_gc_mark_cell(rt, o->u.closure.ctx);
    hx_gc_mark_value(rt, o->u.closure.home_object);
    hx_gc_mark_value(rt, o->u.closure.fields);
    hx_gc_mark_cell(rt, o->u.closure.realm);
}
const hx_exotic hx_function_class = {.trace = closure_trace};

static void native_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_cell(rt, o->u.native.realm);
    hx_gc_mark_value(rt, o->u.native.data);
    hx_gc_mark_value(rt, o->u.native.data2);
}
const hx_exotic hx_native_function_class = {.trace = native_trace};

static void bound_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_value(rt, o->u.bound.target);
    hx_gc_mark_value(rt, o->u.bound.this_value);
    for (uint32_t i = 0; i < o->u.bound.argc; i++) hx_gc_mark_value(rt, o->u.bound.args[i]);
}
static void bound_finalize(hx_runtime *rt, hx_object *o) {
    hx_mem_free(rt, o->u.bound.args, o->u.bound.argc * sizeof(hx_value));
}
const hx_exotic hx_bound_function_class = {.trace = bound_trace, .finalize = bound_finalize};

static void primitive_trace(hx_runtime *rt, hx_object *o) { hx_gc_mark_value(rt, o->u.primitive.value); }
const hx_exotic hx_primitive_class = {.trace = primitive_trace};

static void data_trace(hx_runtime *rt, hx_object *o) {
    for (int i = 0; i < 4; i++) hx_gc_mark_value(rt, o->u.data.slots[i]);
}
const hx_exotic hx_data_class = {.trace = data_trace};

/* Classes with exotic behaviour or class data.  NULL: ordinary, no data.
 * Note: a non-NULL entry disables the interpreter's inline caches for the
 * class, so classes whose data needs only tracing use data/primitive
 * tables here and keep ordinary property behaviour. */
const hx_exotic *hx_exotics[HX_CLASS_COUNT] = {
    [HX_CLASS_ARRAY] = &hx_array_exotic,
    [HX_CLASS_FUNCTION] = &hx_function_class,
    [HX_CLASS_NATIVE_FUNCTION] = &hx_native_function_class,
    [HX_CLASS_BOUND_FUNCTION] = &hx_bound_function_class,
    [HX_CLASS_BOOLEAN] = &hx_primitive_class,
    [HX_CLASS_NUMBER] = &hx_primitive_class,
    [HX_CLASS_STRING] = &hx_string_exotic,
    [HX_CLASS_SYMBOL] = &hx_primitive_class,
    [HX_CLASS_BIGINT] = &hx_primitive_class,
    [HX_CLASS_DATE] = &hx_primitive_class,
    [HX_CLASS_REGEXP] = &hx_regexp_class,
    [HX_CLASS_ERROR] = NULL,
    [HX_CLASS_ARGUMENTS] = &hx_data_class,
    [HX_CLASS_MAPPED_ARGUMENTS] = &hx_mapped_arguments_exotic,
    [HX_CLASS_GENERATOR] = &hx_data_class,
    [HX_CLASS_FOR_IN_ITERATOR] = &hx_data_class,
    [HX_CLASS_ARRAY_ITERATOR] = &hx_data_class,
    [HX_CLASS_STRING_ITERATOR] = &hx_data_class,
    [HX_CLASS_ITERATOR_HELPER] = &hx_data_class,
    [HX_CLASS_WRAP_FOR_VALID_ITERATOR] = &hx_data_class,
    [HX_CLASS_REGEXP_STRING_ITERATOR] = &hx_data_class,
    [HX_CLASS_INTERNAL] = &hx_data_class,
    [HX_CLASS_ARRAY_BUFFER] = &hx_array_buffer_class,
    [HX_CLASS_TYPED_ARRAY] = &hx_typed_array_exotic,
    [HX_CLASS_DATA_VIEW] = &hx_data_class,
    [HX_CLASS_PROXY] = &hx_proxy_exotic,
    [HX_CLASS_MAP] = &hx_coll_class,
    [HX_CLASS_SET] = &hx_coll_class,
    [HX_CLASS_MAP_ITERATOR] = &hx_coll_iterator_class,
    [HX_CLASS_SET_ITERATOR] = &hx_coll_iterator_class,
    [HX_CLASS_WEAKMAP] = &hx_weak_coll_class,
    [HX_CLASS_WEAKSET] = &hx_weak_coll_class,
    [HX_CLASS_WEAKREF] = &hx_weakref_class,
    [HX_CLASS_FINALIZATION_REGISTRY] = &hx_finreg_class,
};

void hx_class_trace(hx_runtime *rt, hx_object *o) {
    const hx_exotic *ex = hx_exotics[hx_class_of(o)];
    if (ex && ex->trace) ex->trace(rt, o);
}

void hx_class_finalize(hx_runtime *rt, hx_object *o) {
    const hx_exotic *ex = hx_exotics[hx_class_of(o)];
    if (ex && ex->finalize) ex->finalize(rt, o);
}
