/*
 * object.c — objects and their internal methods (ES2025 10.1): property
 * lookup through shapes and dense elements, [[GetOwnProperty]],
 * [[DefineOwnProperty]] with ValidateAndApplyPropertyDescriptor, [[Get]],
 * [[Set]], [[Delete]], [[OwnPropertyKeys]], prototypes and extensibility.
 * Exotic classes override individual methods through hx_exotics[].
 *
 * Invariant: obj->elems holds index properties with default attributes
 * (writable, enumerable, configurable) only while the object is not
 * HX_OBJ_SPARSE; any other attribute on an index makes the object sparse
 * (every index property then lives in the shape like a named property).
 */
#include <stdlib.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

#define EXOTIC(o) hx_exotics[hx_class_of(o)]

/* Objects carry up to HX_OBJ_INLINE_MAX slots inline (one allocation for
 * small objects); more slots move to a separate array. */
hx_object *hx_object_new_shape(hx_runtime *rt, hx_shape *shape, hx_class_id cls) {
    uint32_t inl = shape->slot_count < 4 ? 4 : shape->slot_count;
    if (inl > HX_OBJ_INLINE_MAX) inl = HX_OBJ_INLINE_MAX;
    hx_object *o = hx_gc_alloc(rt, HX_CELL_OBJECT, sizeof(hx_object) + inl * sizeof(hx_value));
    if (!o) return NULL;
    o->hdr.extra = cls;
    o->hdr.flags = (uint16_t)(HX_OBJ_EXTENSIBLE | (inl << HX_OBJ_INLINE_SHIFT));
    o->shape = shape;
    o->slots = (hx_value *)(o + 1);
    o->slot_cap = inl;
    for (uint32_t i = 0; i < inl; i++) o->slots[i] = HX_UNDEFINED;
    if (shape->slot_count > inl && hx_object_set_slot_count(rt, o, shape->slot_count) < 0) return NULL;
    return o;
}

hx_object *hx_object_new(hx_realm *realm, hx_object *proto, hx_class_id cls) {
    hx_shape *sh = hx_shape_root(realm->rt, proto);
    if (!sh) return NULL;
    return hx_object_new_shape(realm->rt, sh, cls);
}

hx_value hx_new_plain_object(hx_realm *realm) {
    hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    return o ? hx_object_value(o) : HX_EXCEPTION;
}

int hx_object_set_slot_count(hx_runtime *rt, hx_object *o, uint32_t n) {
    if (n <= o->slot_cap) return 0;
    uint32_t ncap = o->slot_cap ? o->slot_cap * 2 : 4;
    while (ncap < n) ncap *= 2;
    hx_value *s;
    if (hx_object_slots_inline(o)) {
        s = hx_mem_alloc(rt, ncap * sizeof(hx_value));
        if (!s) return -1;
        memcpy(s, o->slots, o->slot_cap * sizeof(hx_value));
    } else {
        s = hx_mem_realloc(rt, o->slots, o->slot_cap * sizeof(hx_value), ncap * sizeof(hx_value));
        if (!s) return -1;
    }
    for (uint32_t i = o->slot_cap; i < ncap; i++) s[i] = HX_UNDEFINED;
    o->slots = s;
    o->slot_cap = ncap;
    return 0;
}

int hx_elems_reserve(hx_runtime *rt, hx_object *o, uint32_t cap) {
    if (cap <= o->elem_cap) return 0;
    uint32_t ncap = o->elem_cap ? o->elem_cap + o->elem_cap / 2 : 8;
    if (ncap < cap) ncap = cap;
    hx_value *e = hx_mem_realloc(rt, o->elems, o->elem_cap * sizeof(hx_value), ncap * sizeof(hx_value));
    if (!e) return -1;
    o->elems = e;
    o->elem_cap = ncap;
    return 0;
}

/* ---- own-property storage --------------------------------------------- */

/* Adds a named (or sparse index) property to the shape and stores v. */
static int add_prop(hx_realm *realm, hx_object *o, hx_key key, uint32_t flags, hx_value v) {
    hx_runtime *rt = realm->rt;
    hx_shape *sh = hx_shape_add(rt, o->shape, key, flags);
    if (!sh) return -1;
    uint32_t slot = sh->hdr.flags & HX_SHAPE_DICT ? sh->props[sh->count - 1].slot : sh->count - 1;
    if (hx_object_set_slot_count(rt, o, slot + 1) < 0) return -1;
    o->shape = sh;
    HX_WRITE(o->slots[slot], v);
    if (hx_key_is_index(key)) o->hdr.flags |= HX_OBJ_HAS_INDEX_PROPS;
    return 0;
}

static inline hx_prop *prop_at(hx_runtime *rt, hx_shape *sh, int32_t i) {
    if (sh->props) return &sh->props[i];
    /* transition shape without a props array: find the shape that added it */
    hx_shape *s = sh;
    while (s->count - 1 != (uint32_t)i) s = s->parent;
    return &s->last;
}

/* Finds an own named/sparse property: returns the prop or NULL. */
static hx_prop *find_prop(hx_runtime *rt, hx_object *o, hx_key key) {
    int32_t i = hx_shape_find(rt, o->shape, key);
    return i < 0 ? NULL : prop_at(rt, o->shape, i);
}

static bool uses_elems(hx_object *o, hx_key key) {
    return hx_key_is_index(key) && !(o->hdr.flags & HX_OBJ_SPARSE);
}

/* Makes the object's shape a dictionary it owns (before in-place edits). */
static int own_dict(hx_runtime *rt, hx_object *o) {
    if (o->shape->hdr.flags & HX_SHAPE_DICT) return 0;
    hx_shape *d = hx_shape_to_dict(rt, o->shape);
    if (!d) return -1;
    o->shape = d;
    return 0;
}

int hx_object_make_sparse(hx_realm *realm, hx_object *o) {
    if (o->hdr.flags & HX_OBJ_SPARSE) return 0;
    hx_runtime *rt = realm->rt;
    /* Move dense elements into the shape as ordinary index properties.  The
     * elements stay in o->elems (so the collector keeps them alive) until
     * all are copied. */
    if (own_dict(rt, o) < 0) return -1;
    for (uint32_t i = 0; i < o->elem_len; i++) {
        if (o->elems[i] == HX_HOLE) continue;
        if (add_prop(realm, o, hx_index_key(i), HX_PROP_DEFAULT, o->elems[i]) < 0) return -1;
    }
    hx_mem_free(rt, o->elems, o->elem_cap * sizeof(hx_value));
    o->elems = NULL;
    o->elem_len = o->elem_cap = 0;
    o->hdr.flags |= HX_OBJ_SPARSE;
    return 0;
}

/* ---- [[GetOwnProperty]] ------------------------------------------------- */

static void desc_from_prop(hx_object *o, hx_prop *p, hx_desc *d) {
    hx_value v = o->slots[p->slot];
    if (p->flags & HX_PROP_ACCESSOR) {
        hx_accessor *a = hx_get_ptr(v);
        d->getter = a->getter;
        d->setter = a->setter;
        d->value = HX_UNDEFINED;
        d->has = HX_DESC_GET | HX_DESC_SET | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
    } else {
        d->value = v;
        d->getter = d->setter = HX_UNDEFINED;
        d->has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
    }
    d->flags = p->flags & (HX_PROP_WRITABLE | HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE | HX_PROP_ACCESSOR);
}

int hx_ordinary_get_own_property(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    if (uses_elems(o, key)) {
        uint32_t i = hx_key_index(key);
        if (i < o->elem_len && o->elems[i] != HX_HOLE) {
            d->value = o->elems[i];
            d->getter = d->setter = HX_UNDEFINED;
            d->flags = HX_PROP_DEFAULT;
            d->has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
            return 1;
        }
        return 0;
    }
    hx_prop *p = find_prop(realm->rt, o, key);
    if (!p) return 0;
    desc_from_prop(o, p, d);
    return 1;
}

int hx_get_own_property(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->get_own_property) return ex->get_own_property(realm, o, key, d);
    return hx_ordinary_get_own_property(realm, o, key, d);
}

/* ---- [[DefineOwnProperty]] ---------------------------------------------- */

static hx_value make_accessor(hx_runtime *rt, hx_value g, hx_value s) {
    hx_accessor *a = hx_gc_alloc(rt, HX_CELL_ACCESSOR, sizeof(hx_accessor));
    if (!a) return HX_EXCEPTION;
    a->getter = g;
    a->setter = s;
    return HX_PTR_VALUE(HX_TAG_CELL, a);
}

static int reject(hx_realm *realm, bool throw_on_fail, hx_key key, const char *what) {
    if (!throw_on_fail) return 0;
    hx_value kv = hx_key_to_value(realm->rt, key);
    char *name = NULL;
    if (hx_is_string(kv)) name = hx_string_to_utf8(realm->rt, hx_as_string(kv), NULL);
    hx_throw_type_error(realm, "Cannot %s property '%s'", what, name ? name : "?");
    if (name) hx_mem_free(realm->rt, name, strlen(name) + 1);
    return -1;
}

/* Writes a fully specified descriptor to an existing or new own property. */
static int store_prop(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *d, uint32_t flags) {
    hx_runtime *rt = realm->rt;
    bool accessor = flags & HX_PROP_ACCESSOR;
    hx_value v = d->value;
    if (accessor) {
        v = make_accessor(rt, d->getter, d->setter);
        if (hx_is_exception(v)) return -1;
    }
    if (uses_elems(o, key)) {
        if (flags == HX_PROP_DEFAULT) {
            uint32_t i = hx_key_index(key);
            if (i < o->elem_len) {
                HX_WRITE(o->elems[i], v);
                return 0;
            }
            /* extend densely when not too sparse */
            if (i <= o->elem_len + 1024 || i < o->elem_len * 2) {
                if (hx_elems_reserve(rt, o, i + 1) < 0) return -1;
                for (uint32_t k = o->elem_len; k < i; k++) o->elems[k] = HX_HOLE;
                o->elems[i] = v;
                o->elem_len = i + 1;
                return 0;
            }
        }
        if (hx_object_make_sparse(realm, o) < 0) return -1;
    }
    int32_t idx = hx_shape_find(rt, o->shape, key);
    if (idx < 0) return add_prop(realm, o, key, flags, v);
    hx_prop *p = prop_at(rt, o->shape, idx);
    if (p->flags != flags) {
        if (own_dict(rt, o) < 0) return -1;
        o->shape->props[idx].flags = flags;
        p = &o->shape->props[idx];
    }
    HX_WRITE(o->slots[p->slot], v);
    return 0;
}

/* ES2025 10.1.6.3 ValidateAndApplyPropertyDescriptor. */
int hx_validate_and_apply(hx_realm *realm, hx_object *o, hx_key key, bool extensible,
                          const hx_desc *desc, const hx_desc *cur, bool has_current,
                          bool throw_on_fail) {
    bool is_accessor_desc = desc->has & (HX_DESC_GET | HX_DESC_SET);
    if (!has_current) {
        /* step 2 */
        if (!extensible) return reject(realm, throw_on_fail, key, "define");
        if (!o) return 1;
        hx_desc full = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, 0, 0};
        uint32_t flags = 0;
        if (desc->has & HX_DESC_ENUMERABLE && desc->flags & HX_PROP_ENUMERABLE) flags |= HX_PROP_ENUMERABLE;
        if (desc->has & HX_DESC_CONFIGURABLE && desc->flags & HX_PROP_CONFIGURABLE)
            flags |= HX_PROP_CONFIGURABLE;
        if (is_accessor_desc) {
            flags |= HX_PROP_ACCESSOR;
            if (desc->has & HX_DESC_GET) full.getter = desc->getter;
            if (desc->has & HX_DESC_SET) full.setter = desc->setter;
        } else {
            if (desc->has & HX_DESC_WRITABLE && desc->flags & HX_PROP_WRITABLE) flags |= HX_PROP_WRITABLE;
            if (desc->has & HX_DESC_VALUE) full.value = desc->value;
        }
        return store_prop(realm, o, key, &full, flags) < 0 ? -1 : 1;
    }
    /* step 4: a descriptor with no fields always succeeds */
    bool cur_accessor = cur->flags & HX_PROP_ACCESSOR;
    if (!(cur->flags & HX_PROP_CONFIGURABLE)) {
        /* step 5 */
        if ((desc->has & HX_DESC_CONFIGURABLE) && (desc->flags & HX_PROP_CONFIGURABLE))
            return reject(realm, throw_on_fail, key, "redefine");
        if ((desc->has & HX_DESC_ENUMERABLE) &&
            ((desc->flags ^ cur->flags) & HX_PROP_ENUMERABLE))
            return reject(realm, throw_on_fail, key, "redefine");
        bool generic = !(desc->has & (HX_DESC_GET | HX_DESC_SET | HX_DESC_VALUE | HX_DESC_WRITABLE));
        if (!generic && is_accessor_desc != cur_accessor)
            return reject(realm, throw_on_fail, key, "redefine");
        if (cur_accessor) {
            if ((desc->has & HX_DESC_GET) && !hx_same_value(desc->getter, cur->getter))
                return reject(realm, throw_on_fail, key, "redefine");
            if ((desc->has & HX_DESC_SET) && !hx_same_value(desc->setter, cur->setter))
                return reject(realm, throw_on_fail, key, "redefine");
        } else if (!(cur->flags & HX_PROP_WRITABLE)) {
            if ((desc->has & HX_DESC_WRITABLE) && (desc->flags & HX_PROP_WRITABLE))
                return reject(realm, throw_on_fail, key, "redefine");
            if ((desc->has & HX_DESC_VALUE) && !hx_same_value(desc->value, cur->value))
                return reject(realm, throw_on_fail, key, "redefine");
        }
    }
    if (!o) return 1;
    /* step 6: build the new full descriptor */
    hx_desc full;
    uint32_t flags = cur->flags & (HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE);
    if (desc->has & HX_DESC_ENUMERABLE)
        flags = (flags & ~HX_PROP_ENUMERABLE) | (desc->flags & HX_PROP_ENUMERABLE);
    if (desc->has & HX_DESC_CONFIGURABLE)
        flags = (flags & ~HX_PROP_CONFIGURABLE) | (desc->flags & HX_PROP_CONFIGURABLE);
    bool generic = !(desc->has & (HX_DESC_GET | HX_DESC_SET | HX_DESC_VALUE | HX_DESC_WRITABLE));
    bool make_accessor_prop = generic ? cur_accessor : is_accessor_desc;
    if (make_accessor_prop) {
        flags |= HX_PROP_ACCESSOR;
        full.value = HX_UNDEFINED;
        full.getter = cur_accessor ? cur->getter : HX_UNDEFINED;
        full.setter = cur_accessor ? cur->setter : HX_UNDEFINED;
        if (desc->has & HX_DESC_GET) full.getter = desc->getter;
        if (desc->has & HX_DESC_SET) full.setter = desc->setter;
    } else {
        full.getter = full.setter = HX_UNDEFINED;
        full.value = cur_accessor ? HX_UNDEFINED : cur->value;
        if (!cur_accessor) flags |= cur->flags & HX_PROP_WRITABLE;
        if (desc->has & HX_DESC_VALUE) full.value = desc->value;
        if (desc->has & HX_DESC_WRITABLE)
            flags = (flags & ~HX_PROP_WRITABLE) | (desc->flags & HX_PROP_WRITABLE);
    }
    return store_prop(realm, o, key, &full, flags) < 0 ? -1 : 1;
}

int hx_ordinary_define_own_property(hx_realm *realm, hx_object *o, hx_key key,
                                    const hx_desc *desc, bool throw_on_fail) {
    hx_desc cur;
    int has = hx_ordinary_get_own_property(realm, o, key, &cur);
    if (has < 0) return -1;
    return hx_validate_and_apply(realm, o, key, (o->hdr.flags & HX_OBJ_EXTENSIBLE) != 0, desc, &cur,
                                 has, throw_on_fail);
}

int hx_define_own_property(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc,
                           bool throw_on_fail) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->define_own_property)
        return ex->define_own_property(realm, o, key, desc, throw_on_fail);
    return hx_ordinary_define_own_property(realm, o, key, desc, throw_on_fail);
}

/* Fast definition for fresh objects built by the engine: no validation. */
int hx_define_value(hx_realm *realm, hx_object *o, hx_key key, hx_value v, uint32_t flags) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->define_own_property) {
        hx_desc d = {v, HX_UNDEFINED, HX_UNDEFINED, (uint8_t)flags,
                     HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
        return ex->define_own_property(realm, o, key, &d, true) < 0 ? -1 : 0;
    }
    hx_desc d = {v, HX_UNDEFINED, HX_UNDEFINED, 0, 0};
    return store_prop(realm, o, key, &d, flags);
}

int hx_define_accessor(hx_realm *realm, hx_object *o, hx_key key, hx_value getter,
                       hx_value setter, uint32_t flags) {
    hx_desc d = {HX_UNDEFINED, getter, setter, 0, 0};
    return store_prop(realm, o, key, &d, (flags & ~HX_PROP_WRITABLE) | HX_PROP_ACCESSOR);
}

int hx_create_data_property(hx_realm *realm, hx_object *o, hx_key key, hx_value v) {
    hx_desc d = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                 HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
    return hx_define_own_property(realm, o, key, &d, false);
}

int hx_create_data_property_or_throw(hx_realm *realm, hx_object *o, hx_key key, hx_value v) {
    hx_desc d = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                 HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
    int r = hx_define_own_property(realm, o, key, &d, true);
    return r < 0 ? -1 : 0;
}

/* ---- [[HasProperty]], [[Get]], [[Set]] ---------------------------------- */

int hx_has_property(hx_realm *realm, hx_object *o, hx_key key) {
    for (;;) {
        const hx_exotic *ex = EXOTIC(o);
        if (ex && ex->has_property) return ex->has_property(realm, o, key);
        hx_desc d;
        int r = hx_get_own_property(realm, o, key, &d);
        if (r) return r;
        hx_value proto = hx_get_prototype_of(realm, o);
        if (hx_is_exception(proto)) return -1;
        if (!hx_is_object(proto)) return 0;
        o = hx_as_object(proto);
    }
}

static hx_value call_getter(hx_realm *realm, hx_value getter, hx_value receiver) {
    if (hx_is_undefined(getter)) return HX_UNDEFINED;
    return hx_call(realm, getter, receiver, 0, NULL);
}

hx_value hx_ordinary_get(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver) {
    hx_runtime *rt = realm->rt;
    for (;;) {
        const hx_exotic *ex = EXOTIC(o);
        if (ex && (ex->get || ex->get_own_property)) {
            if (ex->get) return ex->get(realm, o, key, receiver);
            hx_desc d;
            int r = ex->get_own_property(realm, o, key, &d);
            if (r < 0) return HX_EXCEPTION;
            if (r) {
                if (d.flags & HX_PROP_ACCESSOR) return call_getter(realm, d.getter, receiver);
                return d.value;
            }
        } else if (uses_elems(o, key)) {
            uint32_t i = hx_key_index(key);
            if (i < o->elem_len && o->elems[i] != HX_HOLE) return o->elems[i];
        } else {
            hx_prop *p = find_prop(rt, o, key);
            if (p) {
                hx_value v = o->slots[p->slot];
                if (p->flags & HX_PROP_ACCESSOR)
                    return call_getter(realm, ((hx_accessor *)hx_get_ptr(v))->getter, receiver);
                return v;
            }
        }
        hx_object *proto;
        if (ex && ex->get_prototype_of) {
            hx_value pv = ex->get_prototype_of(realm, o);
            if (hx_is_exception(pv)) return pv;
            proto = hx_is_object(pv) ? hx_as_object(pv) : NULL;
        } else
            proto = o->shape->proto;
        if (!proto) return HX_UNDEFINED;
        o = proto;
    }
}

hx_value hx_get_with_receiver(hx_realm *realm, hx_object *o, hx_key key, hx_value receiver) {
    hx_value v = hx_ordinary_get(realm, o, key, receiver);
    if (hx_is_heap(v)) hx_handles_push(realm->rt, v);
    return v;
}

static hx_object *primitive_proto(hx_realm *realm, hx_value v) {
    if (hx_is_number(v)) return HX_INTR_OBJ(realm, NumberPrototype);
    if (hx_is_string(v)) return HX_INTR_OBJ(realm, StringPrototype);
    if (hx_is_bool(v)) return HX_INTR_OBJ(realm, BooleanPrototype);
    if (hx_is_symbol(v)) return HX_INTR_OBJ(realm, SymbolPrototype);
    if (hx_is_bigint(v)) return HX_INTR_OBJ(realm, BigIntPrototype);
    return NULL;
}

hx_value hx_get(hx_realm *realm, hx_value obj, hx_key key) {
    if (hx_is_object(obj)) return hx_get_with_receiver(realm, hx_as_object(obj), key, obj);
    if (hx_is_string(obj)) {
        hx_string *s = hx_as_string(obj);
        if (key == HX_ATOM(realm->rt, length)) return hx_int((int32_t)s->len);
        if (hx_key_is_index(key) && hx_key_index(key) < s->len) {
            hx_string *f = hx_string_flat(realm->rt, s);
            if (!f) return HX_EXCEPTION;
            return hx_string_from_char(realm->rt, hx_string_char_at(f, hx_key_index(key)));
        }
    }
    hx_object *proto = primitive_proto(realm, obj);
    if (!proto) {
        hx_value kv = hx_key_to_value(realm->rt, key);
        char *name = hx_is_string(kv) ? hx_string_to_utf8(realm->rt, hx_as_string(kv), NULL) : NULL;
        hx_throw_type_error(realm, "Cannot read properties of %s (reading '%s')",
                            hx_is_null(obj) ? "null" : "undefined", name ? name : "symbol");
        if (name) hx_mem_free(realm->rt, name, strlen(name) + 1);
        return HX_EXCEPTION;
    }
    return hx_get_with_receiver(realm, proto, key, obj);
}

/* ES2025 10.1.9.2 OrdinarySetWithOwnDescriptor, iterating up the chain. */
int hx_ordinary_set(hx_realm *realm, hx_object *o, hx_key key, hx_value v, hx_value receiver,
                    bool throw_on_fail) {
    hx_desc own;
    int has;
    for (;;) {
        const hx_exotic *ex = EXOTIC(o);
        if (ex && ex->set && (void *)ex->set != (void *)hx_ordinary_set)
            return ex->set(realm, o, key, v, receiver, throw_on_fail);
        has = hx_get_own_property(realm, o, key, &own);
        if (has < 0) return -1;
        if (has) break;
        hx_value pv = hx_get_prototype_of(realm, o);
        if (hx_is_exception(pv)) return -1;
        if (!hx_is_object(pv)) {
            own.flags = HX_PROP_DEFAULT;
            own.value = HX_UNDEFINED;
            break;
        }
        o = hx_as_object(pv);
    }
    if (!(own.flags & HX_PROP_ACCESSOR)) {
        if (!(own.flags & HX_PROP_WRITABLE)) return reject(realm, throw_on_fail, key, "assign to read only");
        if (!hx_is_object(receiver)) return reject(realm, throw_on_fail, key, "create");
        hx_object *r = hx_as_object(receiver);
        hx_desc ex_desc;
        int rh = hx_get_own_property(realm, r, key, &ex_desc);
        if (rh < 0) return -1;
        if (rh) {
            if (ex_desc.flags & HX_PROP_ACCESSOR) return reject(realm, throw_on_fail, key, "assign to accessor");
            if (!(ex_desc.flags & HX_PROP_WRITABLE)) return reject(realm, throw_on_fail, key, "assign to read only");
            hx_desc vd = {v, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_VALUE};
            return hx_define_own_property(realm, r, key, &vd, throw_on_fail);
        }
        hx_desc nd = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                      HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
        return hx_define_own_property(realm, r, key, &nd, throw_on_fail);
    }
    if (hx_is_undefined(own.setter)) return reject(realm, throw_on_fail, key, "set getter-only");
    hx_value r = hx_call(realm, own.setter, receiver, 1, &v);
    return hx_is_exception(r) ? -1 : 1;
}

int hx_set_with_receiver(hx_realm *realm, hx_object *o, hx_key key, hx_value v,
                         hx_value receiver, bool throw_on_fail) {
    /* fast path: own writable data property of an ordinary receiver */
    if (hx_is_object(receiver) && hx_as_object(receiver) == o && hx_plain_set(o)) {
        if (uses_elems(o, key)) {
            uint32_t i = hx_key_index(key);
            if (i < o->elem_len && o->elems[i] != HX_HOLE) {
                HX_WRITE(o->elems[i], v);
                return 1;
            }
        } else {
            hx_prop *p = find_prop(realm->rt, o, key);
            if (p && (p->flags & (HX_PROP_WRITABLE | HX_PROP_ACCESSOR)) == HX_PROP_WRITABLE) {
                HX_WRITE(o->slots[p->slot], v);
                return 1;
            }
        }
    }
    return hx_ordinary_set(realm, o, key, v, receiver, throw_on_fail);
}

int hx_set(hx_realm *realm, hx_value obj, hx_key key, hx_value v, bool throw_on_fail) {
    if (hx_is_object(obj)) return hx_set_with_receiver(realm, hx_as_object(obj), key, v, obj, throw_on_fail);
    if (hx_is_nullish(obj)) {
        hx_throw_type_error(realm, "Cannot set properties of %s", hx_is_null(obj) ? "null" : "undefined");
        return -1;
    }
    if (hx_is_string(obj) && (key == HX_ATOM(realm->rt, length) ||
                              (hx_key_is_index(key) && hx_key_index(key) < hx_as_string(obj)->len)))
        return reject(realm, throw_on_fail, key, "assign to read only");
    return hx_ordinary_set(realm, primitive_proto(realm, obj), key, v, obj, throw_on_fail);
}

/* ---- [[Delete]] ----------------------------------------------------------- */

int hx_ordinary_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail) {
    hx_runtime *rt = realm->rt;
    if (uses_elems(o, key)) {
        uint32_t i = hx_key_index(key);
        if (i < o->elem_len) {
            o->elems[i] = HX_HOLE;
            if (i == o->elem_len - 1)
                while (o->elem_len && o->elems[o->elem_len - 1] == HX_HOLE) o->elem_len--;
        }
        return 1;
    }
    int32_t idx = hx_shape_find(rt, o->shape, key);
    if (idx < 0) return 1;
    hx_prop *p = prop_at(rt, o->shape, idx);
    if (!(p->flags & HX_PROP_CONFIGURABLE)) return reject(realm, throw_on_fail, key, "delete");
    if (own_dict(rt, o) < 0) return -1;
    o->slots[o->shape->props[idx].slot] = HX_UNDEFINED;
    if (hx_shape_dict_remove(rt, o->shape, (uint32_t)idx) < 0) return -1;
    return 1;
}

int hx_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->delete_property) return ex->delete_property(realm, o, key, throw_on_fail);
    return hx_ordinary_delete(realm, o, key, throw_on_fail);
}

/* ---- [[OwnPropertyKeys]] ------------------------------------------------- */

static int push_key(hx_realm *realm, hx_object *keys, hx_key k) {
    hx_value v = hx_key_to_value(realm->rt, k);
    if (hx_is_exception(v)) return -1;
    return hx_array_push(realm, keys, v);
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ES2025 10.1.11.1 OrdinaryOwnPropertyKeys: indices ascending, then strings,
 * then symbols, each in creation order. */
int hx_ordinary_own_keys(hx_realm *realm, hx_object *o, hx_object *keys, int filter) {
    hx_runtime *rt = realm->rt;
    bool only_enum = filter & HX_KEYS_ENUMERABLE_ONLY;
    if (filter & HX_KEYS_STRINGS) {
        for (uint32_t i = 0; i < o->elem_len; i++)
            if (o->elems[i] != HX_HOLE && push_key(realm, keys, hx_index_key(i)) < 0) return -1;
        if (o->hdr.flags & HX_OBJ_HAS_INDEX_PROPS) {
            hx_prop *props = hx_shape_props(rt, o->shape);
            uint32_t n = 0, cnt = o->shape->count;
            uint32_t *idx = cnt ? hx_mem_alloc(rt, cnt * sizeof(uint32_t)) : NULL;
            if (cnt && !idx) return -1;
            for (uint32_t i = 0; i < cnt; i++)
                if (hx_key_is_index(props[i].key) &&
                    (!only_enum || (props[i].flags & HX_PROP_ENUMERABLE)))
                    idx[n++] = hx_key_index(props[i].key);
            qsort(idx, n, sizeof(uint32_t), cmp_u32);
            for (uint32_t i = 0; i < n; i++)
                if (push_key(realm, keys, hx_index_key(idx[i])) < 0) {
                    hx_mem_free(rt, idx, cnt * sizeof(uint32_t));
                    return -1;
                }
            hx_mem_free(rt, idx, cnt * sizeof(uint32_t));
        }
    }
    if (o->shape->count == 0) return 0;
    hx_prop *props = hx_shape_props(rt, o->shape);
    if (!props) return -1;
    uint32_t cnt = o->shape->count;
    if (filter & HX_KEYS_STRINGS)
        for (uint32_t i = 0; i < cnt; i++) {
            hx_key k = props[i].key;
            if (!hx_is_string(k) || (only_enum && !(props[i].flags & HX_PROP_ENUMERABLE))) continue;
            if (hx_array_push(realm, keys, k) < 0) return -1;
            props = o->shape->props; /* a GC cannot move props, but stay safe */
        }
    if (filter & HX_KEYS_SYMBOLS)
        for (uint32_t i = 0; i < cnt; i++) {
            hx_key k = props[i].key;
            if (!hx_is_symbol(k) || (hx_as_symbol(k)->hdr.flags & HX_SYM_PRIVATE)) continue;
            if (only_enum && !(props[i].flags & HX_PROP_ENUMERABLE)) continue;
            if (hx_array_push(realm, keys, k) < 0) return -1;
        }
    return 0;
}

hx_value hx_own_keys(hx_realm *realm, hx_object *o, int filter) {
    hx_value arr = hx_array_new(realm, 0);
    if (hx_is_exception(arr)) return arr;
    const hx_exotic *ex = EXOTIC(o);
    int r;
    if (ex && ex->own_keys) r = ex->own_keys(realm, o, hx_as_object(arr), filter);
    else r = hx_ordinary_own_keys(realm, o, hx_as_object(arr), filter);
    return r < 0 ? HX_EXCEPTION : arr;
}

/* ---- prototypes and extensibility ------------------------------------------ */

hx_value hx_get_prototype_of(hx_realm *realm, hx_object *o) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->get_prototype_of) return ex->get_prototype_of(realm, o);
    return o->shape->proto ? hx_object_value(o->shape->proto) : HX_NULL;
}

/* ES2025 10.1.2.1 OrdinarySetPrototypeOf */
int hx_set_prototype_of(hx_realm *realm, hx_object *o, hx_value proto) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->set_prototype_of) return ex->set_prototype_of(realm, o, proto);
    hx_object *p = hx_is_object(proto) ? hx_as_object(proto) : NULL;
    if (o->shape->proto == p) return 1;
    if (o->hdr.flags & HX_OBJ_IMMUTABLE_PROTO) return 0; /* ES2025 10.4.7.2 SetImmutablePrototype */
    if (!(o->hdr.flags & HX_OBJ_EXTENSIBLE)) return 0;
    for (hx_object *q = p; q;) {
        if (q == o) return 0;
        const hx_exotic *qe = EXOTIC(q);
        if (qe && qe->get_prototype_of) break; /* a proxy: stop checking (step 8.c.i) */
        q = q->shape->proto;
    }
    hx_shape *sh = hx_shape_with_proto(realm->rt, o->shape, p);
    if (!sh) return -1;
    o->shape = sh;
    return 1;
}

int hx_is_extensible(hx_realm *realm, hx_object *o) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->is_extensible) return ex->is_extensible(realm, o);
    return (o->hdr.flags & HX_OBJ_EXTENSIBLE) != 0;
}

int hx_prevent_extensions(hx_realm *realm, hx_object *o) {
    const hx_exotic *ex = EXOTIC(o);
    if (ex && ex->prevent_extensions) return ex->prevent_extensions(realm, o);
    o->hdr.flags &= ~HX_OBJ_EXTENSIBLE;
    return 1;
}

/* ES2025 7.3.15 SetIntegrityLevel */
int hx_object_freeze_level(hx_realm *realm, hx_object *o, bool freeze) {
    int r = hx_prevent_extensions(realm, o);
    if (r <= 0) return r < 0 ? -1 : 0;
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
    if (hx_is_exception(keys)) return -1;
    hx_object *ka = hx_as_object(keys);
    for (uint32_t i = 0; i < ka->elem_len; i++) {
        hx_value kv = ka->elems[i];
        hx_key k = hx_is_string(kv) ? hx_key_from_string(realm->rt, kv) : kv;
        if (hx_is_exception(k)) return -1;
        hx_desc d = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_CONFIGURABLE};
        if (freeze) {
            hx_desc cur;
            int h = hx_get_own_property(realm, o, k, &cur);
            if (h < 0) return -1;
            if (!h) continue;
            if (!(cur.flags & HX_PROP_ACCESSOR)) d.has |= HX_DESC_WRITABLE;
        }
        if (hx_define_own_property(realm, o, k, &d, true) < 0) return -1;
    }
    return 1;
}

/* ES2025 7.3.16 TestIntegrityLevel */
int hx_test_integrity(hx_realm *realm, hx_object *o, bool frozen) {
    int ext = hx_is_extensible(realm, o);
    if (ext) return ext < 0 ? -1 : 0;
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
    if (hx_is_exception(keys)) return -1;
    hx_object *ka = hx_as_object(keys);
    for (uint32_t i = 0; i < ka->elem_len; i++) {
        hx_value kv = ka->elems[i];
        hx_key k = hx_is_string(kv) ? hx_key_from_string(realm->rt, kv) : kv;
        hx_desc cur;
        int h = hx_get_own_property(realm, o, k, &cur);
        if (h < 0) return -1;
        if (!h) continue;
        if (cur.flags & HX_PROP_CONFIGURABLE) return 0;
        if (frozen && !(cur.flags & HX_PROP_ACCESSOR) && (cur.flags & HX_PROP_WRITABLE)) return 0;
    }
    return 1;
}

/* ES2025 7.3.10 GetMethod */
hx_value hx_get_method(hx_realm *realm, hx_value v, hx_key key) {
    hx_value f = hx_get(realm, v, key);
    if (hx_is_exception(f) || hx_is_nullish(f)) return hx_is_exception(f) ? f : HX_UNDEFINED;
    if (!hx_is_callable(f)) return hx_throw_type_error(realm, "property is not a function");
    return f;
}

/* ES2025 6.2.6.4 FromPropertyDescriptor */
hx_value hx_from_desc(hx_realm *realm, const hx_desc *d) {
    hx_runtime *rt = realm->rt;
    hx_value ov = hx_new_plain_object(realm);
    if (hx_is_exception(ov)) return ov;
    hx_object *o = hx_as_object(ov);
    if (d->has & HX_DESC_VALUE && hx_define_value(realm, o, HX_ATOM(rt, value), d->value, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    if (d->has & HX_DESC_WRITABLE &&
        hx_define_value(realm, o, HX_ATOM(rt, writable), hx_bool(d->flags & HX_PROP_WRITABLE), HX_PROP_DEFAULT) < 0)
        return HX_EXCEPTION;
    if (d->has & HX_DESC_GET && hx_define_value(realm, o, HX_ATOM(rt, get), d->getter, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    if (d->has & HX_DESC_SET && hx_define_value(realm, o, HX_ATOM(rt, set), d->setter, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    if (d->has & HX_DESC_ENUMERABLE &&
        hx_define_value(realm, o, HX_ATOM(rt, enumerable), hx_bool(d->flags & HX_PROP_ENUMERABLE), HX_PROP_DEFAULT) < 0)
        return HX_EXCEPTION;
    if (d->has & HX_DESC_CONFIGURABLE &&
        hx_define_value(realm, o, HX_ATOM(rt, configurable), hx_bool(d->flags & HX_PROP_CONFIGURABLE), HX_PROP_DEFAULT) < 0)
        return HX_EXCEPTION;
    return ov;
}

/* ES2025 6.2.6.5 ToPropertyDescriptor */
int hx_to_desc(hx_realm *realm, hx_value v, hx_desc *d) {
    hx_runtime *rt = realm->rt;
    if (!hx_is_object(v)) {
        hx_throw_type_error(realm, "Property description must be an object");
        return -1;
    }
    hx_object *o = hx_as_object(v);
    memset(d, 0, sizeof *d);
    d->value = d->getter = d->setter = HX_UNDEFINED;
    static const struct { hx_atom_id atom; uint8_t has, flag; } bools[] = {
        {HX_ATOM_enumerable, HX_DESC_ENUMERABLE, HX_PROP_ENUMERABLE},
        {HX_ATOM_configurable, HX_DESC_CONFIGURABLE, HX_PROP_CONFIGURABLE},
    };
    for (int i = 0; i < 2; i++) {
        int h = hx_has_property(realm, o, rt->atoms[bools[i].atom]);
        if (h < 0) return -1;
        if (h) {
            hx_value x = hx_get(realm, v, rt->atoms[bools[i].atom]);
            if (hx_is_exception(x)) return -1;
            d->has |= bools[i].has;
            if (hx_to_boolean(x)) d->flags |= bools[i].flag;
        }
    }
    int h = hx_has_property(realm, o, HX_ATOM(rt, value));
    if (h < 0) return -1;
    if (h) {
        d->value = hx_get(realm, v, HX_ATOM(rt, value));
        if (hx_is_exception(d->value)) return -1;
        d->has |= HX_DESC_VALUE;
    }
    h = hx_has_property(realm, o, HX_ATOM(rt, writable));
    if (h < 0) return -1;
    if (h) {
        hx_value x = hx_get(realm, v, HX_ATOM(rt, writable));
        if (hx_is_exception(x)) return -1;
        d->has |= HX_DESC_WRITABLE;
        if (hx_to_boolean(x)) d->flags |= HX_PROP_WRITABLE;
    }
    h = hx_has_property(realm, o, HX_ATOM(rt, get));
    if (h < 0) return -1;
    if (h) {
        hx_value g = hx_get(realm, v, HX_ATOM(rt, get));
        if (hx_is_exception(g)) return -1;
        if (!hx_is_undefined(g) && !hx_is_callable(g)) {
            hx_throw_type_error(realm, "Getter must be a function");
            return -1;
        }
        d->getter = g;
        d->has |= HX_DESC_GET;
    }
    h = hx_has_property(realm, o, HX_ATOM(rt, set));
    if (h < 0) return -1;
    if (h) {
        hx_value s = hx_get(realm, v, HX_ATOM(rt, set));
        if (hx_is_exception(s)) return -1;
        if (!hx_is_undefined(s) && !hx_is_callable(s)) {
            hx_throw_type_error(realm, "Setter must be a function");
            return -1;
        }
        d->setter = s;
        d->has |= HX_DESC_SET;
    }
    if ((d->has & (HX_DESC_GET | HX_DESC_SET)) && (d->has & (HX_DESC_VALUE | HX_DESC_WRITABLE))) {
        hx_throw_type_error(realm, "Invalid property descriptor. Cannot both specify accessors and a value or writable attribute");
        return -1;
    }
    if (d->has & (HX_DESC_GET | HX_DESC_SET)) d->flags |= HX_PROP_ACCESSOR;
    return 0;
}
