/*
 * weakcoll.c — WeakMap and WeakSet (ES2025 24.3, 24.4) and their part in
 * garbage collection: the table (coll_table.h, created weak) holds its keys
 * weakly, and a WeakMap value is live only while its key is (an ephemeron).
 *
 * The trace hook marks nothing and registers the object with the collector
 * (hx_gc_defer_weak); weak_mark_ephemerons marks the values of marked keys
 * during the collector's fixed-point loop, and weak_clear_dead removes the
 * entries whose keys were not marked, before the sweep frees them.
 *
 * Keys are objects or unregistered symbols (CanBeHeldWeakly), compared by
 * identity, so lookups never allocate.
 */
#include "builtins/coll_table.h"
#include "vm/object_class.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* ---- collector hooks -------------------------------------------------------- */

static bool weak_mark_ephemerons(hx_runtime *rt, hx_object *o) {
    hx_ctab *t = hx_coll_table(o);
    bool marked = false;
    for (uint32_t i = 0; i < t->used; i++) {
        hx_ctab_entry *e = &t->entries[i];
        if (e->key == HX_HOLE || !hx_gc_is_marked(e->key) || hx_gc_is_marked(e->value)) continue;
        hx_gc_mark_value(rt, e->value);
        marked = true;
    }
    return marked;
}

static void weak_clear_dead(hx_runtime *rt, hx_object *o) {
    hx_ctab *t = hx_coll_table(o);
    for (uint32_t i = 0; i < t->used; i++)
        if (t->entries[i].key != HX_HOLE && !hx_gc_is_marked(t->entries[i].key))
            hx_ctab_remove_at(rt, t, i, false); /* no compaction while indexing */
}

static const hx_weak_ops weak_coll_ops = {weak_mark_ephemerons, weak_clear_dead};

static void weak_trace(hx_runtime *rt, hx_object *o) {
    if (hx_coll_table(o)) hx_gc_defer_weak(rt, o, &weak_coll_ops);
}

static void weak_finalize(hx_runtime *rt, hx_object *o) {
    hx_ctab_free(rt, hx_coll_table(o));
    o->u.data.ptr = NULL;
}

const hx_exotic hx_weak_coll_class = {.trace = weak_trace, .finalize = weak_finalize};

/* ---- shared helpers ------------------------------------------------------------ */

static hx_object *this_weak(hx_realm *realm, hx_value v, hx_class_id cls, const char *method) {
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == cls && hx_coll_table(hx_as_object(v)))
        return hx_as_object(v);
    hx_throw_type_error(realm, "Method %s.prototype.%s called on incompatible receiver",
                        cls == HX_CLASS_WEAKMAP ? "WeakMap" : "WeakSet", method);
    return NULL;
}

/* ---- WeakMap ----------------------------------------------------------------------- */

/* ES2025 24.3.1.1 WeakMap ( [ iterable ] ) and 24.4.1.1 WeakSet ( [ iterable ] ) */
static hx_value weak_ctor(FN_ARGS) {
    bool is_set = magic != 0;
    if (hx_is_undefined(new_target))
        return hx_throw_type_error(realm, "Constructor %s requires 'new'", is_set ? "WeakSet" : "WeakMap");
    hx_value o = hx_coll_create(realm, new_target, is_set ? HX_INTR_WeakSetPrototype : HX_INTR_WeakMapPrototype,
                                is_set ? HX_CLASS_WEAKSET : HX_CLASS_WEAKMAP, true);
    if (hx_is_exception(o)) return o;
    hx_value iterable = HX_ARG(0);
    if (hx_is_nullish(iterable)) return o;
    return hx_coll_fill(realm, o, iterable, !is_set, is_set ? HX_ATOM(realm->rt, add) : HX_ATOM(realm->rt, set));
}

/* ES2025 24.3.3.2 WeakMap.prototype.delete ( key ) / 24.4.3.3 WeakSet.prototype.delete ( value ) */
static hx_value weak_delete(FN_ARGS) {
    hx_object *o = this_weak(realm, this_value, magic ? HX_CLASS_WEAKSET : HX_CLASS_WEAKMAP, "delete");
    if (!o) return HX_EXCEPTION;
    hx_value key = HX_ARG(0);
    if (!hx_can_be_held_weakly(key)) return HX_FALSE;
    hx_ctab *t = hx_coll_table(o);
    int32_t i = hx_ctab_find(realm->rt, t, key);
    if (i < 0) return HX_FALSE;
    hx_ctab_remove_at(realm->rt, t, (uint32_t)i, true);
    return HX_TRUE;
}

/* ES2025 24.3.3.3 WeakMap.prototype.get ( key ) */
static hx_value weakmap_get(FN_ARGS) {
    hx_object *o = this_weak(realm, this_value, HX_CLASS_WEAKMAP, "get");
    if (!o) return HX_EXCEPTION;
    hx_value key = HX_ARG(0);
    if (!hx_can_be_held_weakly(key)) return HX_UNDEFINED;
    hx_ctab *t = hx_coll_table(o);
    int32_t i = hx_ctab_find(realm->rt, t, key);
    return i < 0 ? HX_UNDEFINED : t->entries[i].value;
}

/* ES2025 24.3.3.4 WeakMap.prototype.has ( key ) / 24.4.3.4 WeakSet.prototype.has ( value ) */
static hx_value weak_has(FN_ARGS) {
    hx_object *o = this_weak(realm, this_value, magic ? HX_CLASS_WEAKSET : HX_CLASS_WEAKMAP, "has");
    if (!o) return HX_EXCEPTION;
    hx_value key = HX_ARG(0);
    if (!hx_can_be_held_weakly(key)) return HX_FALSE;
    return hx_bool(hx_ctab_find(realm->rt, hx_coll_table(o), key) >= 0);
}

/* ES2025 24.3.3.5 WeakMap.prototype.set ( key, value ) */
static hx_value weakmap_set(FN_ARGS) {
    hx_object *o = this_weak(realm, this_value, HX_CLASS_WEAKMAP, "set");
    if (!o) return HX_EXCEPTION;
    hx_value key = HX_ARG(0);
    if (!hx_can_be_held_weakly(key)) return hx_throw_type_error(realm, "Invalid value used as weak map key");
    if (hx_ctab_set(realm->rt, hx_coll_table(o), key, HX_ARG(1)) < 0) return HX_EXCEPTION;
    return this_value;
}

/* ES2025 24.4.3.1 WeakSet.prototype.add ( value ) */
static hx_value weakset_add(FN_ARGS) {
    hx_object *o = this_weak(realm, this_value, HX_CLASS_WEAKSET, "add");
    if (!o) return HX_EXCEPTION;
    hx_value key = HX_ARG(0);
    if (!hx_can_be_held_weakly(key)) return hx_throw_type_error(realm, "Invalid value used in weak set");
    hx_ctab *t = hx_coll_table(o);
    if (hx_ctab_find(realm->rt, t, key) < 0 && hx_ctab_set(realm->rt, t, key, HX_UNDEFINED) < 0)
        return HX_EXCEPTION;
    return this_value;
}

/* ---- initialisation ------------------------------------------------------------------ */

static const hx_builtin weakmap_proto_table[] = {
    HX_FUNC_MAGIC("delete", weak_delete, 1, 0),
    HX_FUNC("get", weakmap_get, 1),
    HX_FUNC_MAGIC("has", weak_has, 1, 0),
    HX_FUNC("set", weakmap_set, 2),
    HX_SYM_VALUE_S("toStringTag", "WeakMap", HX_PROP_CONFIGURABLE),
};

static const hx_builtin weakset_proto_table[] = {
    HX_FUNC("add", weakset_add, 1),
    HX_FUNC_MAGIC("delete", weak_delete, 1, 1),
    HX_FUNC_MAGIC("has", weak_has, 1, 1),
    HX_SYM_VALUE_S("toStringTag", "WeakSet", HX_PROP_CONFIGURABLE),
};

static int init_one(hx_realm *realm, const char *name, int magic, hx_intrinsic proto_slot, hx_intrinsic ctor_slot,
                    const hx_builtin *table, size_t n) {
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    realm->intrinsics[proto_slot] = hx_object_value(proto);
    if (hx_install_builtins(realm, proto, table, n) < 0) return -1;
    hx_value ctor = hx_make_constructor(realm, weak_ctor, name, 0, proto, magic);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[ctor_slot] = ctor;
    return hx_define_global(realm, name, ctor);
}

int hx_coll_init_weak(hx_realm *realm) {
    if (init_one(realm, "WeakMap", 0, HX_INTR_WeakMapPrototype, HX_INTR_WeakMap, weakmap_proto_table,
                 sizeof weakmap_proto_table / sizeof weakmap_proto_table[0]) < 0)
        return -1;
    return init_one(realm, "WeakSet", 1, HX_INTR_WeakSetPrototype, HX_INTR_WeakSet, weakset_proto_table,
                    sizeof weakset_proto_table / sizeof weakset_proto_table[0]);
}
