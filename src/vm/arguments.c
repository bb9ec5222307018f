/*
 * arguments.c — arguments exotic objects (ES2025 10.4.4).  An unmapped
 * arguments object is ordinary.  A mapped one (sloppy functions with simple
 * parameter lists) aliases the parameters, which the compiler keeps in the
 * function's context: u.data.slots[0] is that context, u.data.ptr maps each
 * argument index to its context slot (-1 once unmapped).
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

typedef struct argmap {
    uint32_t count;
    int32_t slot[];
} argmap;

static int32_t mapped_slot(hx_object *o, hx_key key) {
    argmap *m = o->u.data.ptr;
    if (!m || !hx_key_is_index(key)) return -1;
    uint32_t i = hx_key_index(key);
    return i < m->count ? m->slot[i] : -1;
}

static hx_context *arg_ctx(hx_object *o) { return hx_get_ptr(o->u.data.slots[0]); }

static void unmap(hx_object *o, hx_key key) {
    argmap *m = o->u.data.ptr;
    m->slot[hx_key_index(key)] = -1;
}

static int args_get_own(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    int r = hx_ordinary_get_own_property(realm, o, key, d);
    if (r <= 0) return r;
    int32_t s = mapped_slot(o, key);
    if (s >= 0) d->value = arg_ctx(o)->slots[s];
    return 1;
}

/* ES2025 10.4.4.2 [[DefineOwnProperty]] */
static int args_define(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc, bool throw_on_fail) {
    int32_t s = mapped_slot(o, key);
    hx_desc nd = *desc;
    bool is_data = !(desc->has & (HX_DESC_GET | HX_DESC_SET));
    if (s >= 0 && is_data && !(desc->has & HX_DESC_VALUE) && (desc->has & HX_DESC_WRITABLE) &&
        !(desc->flags & HX_PROP_WRITABLE)) {
        nd.value = arg_ctx(o)->slots[s];
        nd.has |= HX_DESC_VALUE;
    }
    int r = hx_ordinary_define_own_property(realm, o, key, &nd, throw_on_fail);
    if (r <= 0) return r;
    if (s >= 0) {
        if (!is_data) unmap(o, key);
        else {
            if (desc->has & HX_DESC_VALUE) HX_WRITE(arg_ctx(o)->slots[s], desc->value);
            if ((desc->has & HX_DESC_WRITABLE) && !(desc->flags & HX_PROP_WRITABLE)) unmap(o, key);
        }
    }
    return 1;
}

static hx_value args_get(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver) {
    int32_t s = mapped_slot(o, key);
    if (s >= 0) return arg_ctx(o)->slots[s];
    hx_desc d;
    int r = hx_ordinary_get_own_property(realm, o, key, &d);
    if (r < 0) return HX_EXCEPTION;
    if (r) {
        if (d.flags & HX_PROP_ACCESSOR) return hx_is_undefined(d.getter) ? HX_UNDEFINED : hx_call(realm, d.getter, receiver, 0, NULL);
        return d.value;
    }
    hx_object *p = o->shape->proto;
    return p ? hx_get_with_receiver(realm, p, key, receiver) : HX_UNDEFINED;
}

/* ES2025 10.4.4.4 [[Set]] */
static int args_set(hx_realm *realm, hx_object *o, hx_key key, hx_value v, hx_value receiver, bool throw_on_fail) {
    int32_t s = hx_is_object(receiver) && hx_as_object(receiver) == o ? mapped_slot(o, key) : -1;
    if (s >= 0) {
        HX_WRITE(arg_ctx(o)->slots[s], v);
    }
    /* OrdinarySet without re-entering this hook for the own lookup */
    hx_desc d;
    int r = hx_ordinary_get_own_property(realm, o, key, &d);
    if (r < 0) return -1;
    if (r && !(d.flags & HX_PROP_ACCESSOR)) {
        if (!(d.flags & HX_PROP_WRITABLE)) {
            if (!throw_on_fail) return 0;
            hx_throw_type_error(realm, "Cannot assign to read only property");
            return -1;
        }
        if (!hx_is_object(receiver)) return 0;
        if (hx_as_object(receiver) == o) {
            hx_desc vd = {v, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_VALUE};
            return hx_ordinary_define_own_property(realm, o, key, &vd, throw_on_fail);
        }
        hx_desc nd = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                      HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
        return hx_define_own_property(realm, hx_as_object(receiver), key, &nd, throw_on_fail);
    }
    if (r) {
        if (hx_is_undefined(d.setter)) {
            if (!throw_on_fail) return 0;
            hx_throw_type_error(realm, "Cannot set property which has only a getter");
            return -1;
        }
        hx_value res = hx_call(realm, d.setter, receiver, 1, &v);
        return hx_is_exception(res) ? -1 : 1;
    }
    hx_object *p = o->shape->proto;
    if (p) return hx_ordinary_set(realm, p, key, v, receiver, throw_on_fail);
    if (!hx_is_object(receiver)) return 0;
    hx_desc nd = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                  HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
    return hx_define_own_property(realm, hx_as_object(receiver), key, &nd, throw_on_fail);
}

static int args_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail) {
    int32_t s = mapped_slot(o, key);
    int r = hx_ordinary_delete(realm, o, key, throw_on_fail);
    if (r > 0 && s >= 0) unmap(o, key);
    return r;
}

static void args_trace(hx_runtime *rt, hx_object *o) {
    for (int i = 0; i < 4; i++) hx_gc_mark_value(rt, o->u.data.slots[i]);
}

static void args_finalize(hx_runtime *rt, hx_object *o) {
    argmap *m = o->u.data.ptr;
    if (m) hx_mem_free(rt, m, sizeof(argmap) + m->count * sizeof(int32_t));
}

const hx_exotic hx_mapped_arguments_exotic = {
    .get_own_property = args_get_own,
    .define_own_property = args_define,
    .get = args_get,
    .set = args_set,
    .delete_property = args_delete,
    .trace = args_trace,
    .finalize = args_finalize,
};

/* CreateUnmappedArgumentsObject / CreateMappedArgumentsObject
 * (ES2025 10.4.4.6-7).  slot_map: array of context slots per parameter
 * position (or undefined for an unmapped object). */
hx_value hx_create_arguments(hx_realm *realm, hx_frame *f, hx_value slot_map) {
    hx_runtime *rt = realm->rt;
    bool mapped = hx_is_object(slot_map);
    hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype),
                                 mapped ? HX_CLASS_MAPPED_ARGUMENTS : HX_CLASS_ARGUMENTS);
    if (!o) return HX_EXCEPTION;
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    uint32_t argc = f->argc;
    if (hx_define_value(realm, o, HX_ATOM(rt, length), hx_int((int32_t)argc), HX_PROP_BUILTIN) < 0) return HX_EXCEPTION;
    if (argc) {
        if (hx_elems_reserve(rt, o, argc) < 0) return HX_EXCEPTION;
        /* arguments beyond the parameters live only in the caller's stack */
        for (uint32_t i = 0; i < argc; i++) o->elems[i] = i < f->def->param_count ? f->regs[i] : f->argv[i];
        o->elem_len = argc;
    }
    if (hx_define_value(realm, o, HX_SYMBOL(rt, iterator), realm->intrinsics[HX_INTR_ArrayProto_values], HX_PROP_BUILTIN) < 0)
        return HX_EXCEPTION;
    if (mapped) {
        hx_object *sm = hx_as_object(slot_map);
        uint32_t n = sm->elem_len < argc ? sm->elem_len : argc;
        argmap *m = hx_mem_alloc(rt, sizeof(argmap) + n * sizeof(int32_t));
        if (!m) return HX_EXCEPTION;
        m->count = n;
        for (uint32_t i = 0; i < n; i++) m->slot[i] = hx_get_int(sm->elems[i]);
        o->u.data.ptr = m;
        o->u.data.slots[0] = HX_PTR_VALUE(HX_TAG_CELL, f->ctx);
        if (hx_define_value(realm, o, HX_ATOM(rt, callee), hx_object_value(f->callee), HX_PROP_BUILTIN) < 0)
            return HX_EXCEPTION;
    } else {
        hx_value thrower = realm->intrinsics[HX_INTR_ThrowTypeError];
        if (hx_define_accessor(realm, o, HX_ATOM(rt, callee), thrower, thrower, 0) < 0) return HX_EXCEPTION;
    }
    return hx_object_value(o);
}
