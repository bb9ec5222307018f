/*
 * collections.c — Map and Set (ES2025 24.1, 24.2 except the set-algebra
 * methods, which are in set_methods.c), %MapIteratorPrototype% and
 * %SetIteratorPrototype% (24.1.5, 24.2.6), and hx_init_collections, which
 * also sets up WeakMap / WeakSet (weakcoll.c).
 *
 * Class data:
 *  HX_CLASS_MAP / HX_CLASS_SET   u.data.ptr = hx_ctab (coll_table.h).
 *  HX_CLASS_MAP_ITERATOR / HX_CLASS_SET_ITERATOR
 *                                slots[0] the iterated collection (undefined
 *                                once exhausted), slots[1] kind (0 keys,
 *                                1 values, 2 entries); ptr = hx_ctab_cursor
 *                                attached to the collection's table, freed
 *                                when the iterator finishes or dies.
 *
 * The spec defines these iterators as generators over the collection's
 * List; a cursor gives the same visits (see coll_table.h), and next() runs
 * no user code, so the generator's "executing" state cannot be observed.
 */
#include "builtins/coll_table.h"
#include "vm/object_class.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

enum { KIND_KEYS, KIND_VALUES, KIND_ENTRIES };

/* ---- class hooks ------------------------------------------------------------- */

static void coll_trace(hx_runtime *rt, hx_object *o) { hx_ctab_trace(rt, hx_coll_table(o)); }
static void coll_finalize(hx_runtime *rt, hx_object *o) {
    hx_ctab_free(rt, hx_coll_table(o));
    o->u.data.ptr = NULL;
}
const hx_exotic hx_coll_class = {.trace = coll_trace, .finalize = coll_finalize};

static void iter_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_value(rt, o->u.data.slots[0]);
}
static void iter_finalize(hx_runtime *rt, hx_object *o) {
    hx_ctab_cursor *c = o->u.data.ptr;
    if (!c) return;
    hx_ctab_cursor_detach(c);
    hx_mem_free(rt, c, sizeof *c);
    o->u.data.ptr = NULL;
}
const hx_exotic hx_coll_iterator_class = {.trace = iter_trace, .finalize = iter_finalize};

/* ---- shared helpers -------------------------------------------------------------- */

/* RequireInternalSlot(v, [[MapData]] / [[SetData]]). */
static hx_object *this_coll(hx_realm *realm, hx_value v, hx_class_id cls, const char *method) {
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == cls && hx_coll_table(hx_as_object(v)))
        return hx_as_object(v);
    hx_throw_type_error(realm, "Method %s.prototype.%s called on incompatible receiver",
                        cls == HX_CLASS_MAP ? "Map" : "Set", method);
    return NULL;
}

/* A fresh collection object of class cls with an empty table. */
hx_value hx_coll_create(hx_realm *realm, hx_value new_target, hx_intrinsic proto, hx_class_id cls, bool weak) {
    hx_value v = hx_ordinary_create_from_constructor(realm, new_target, proto, cls);
    if (hx_is_exception(v)) return v;
    hx_object *o = hx_as_object(v);
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    o->u.data.ptr = hx_ctab_new(realm->rt, weak);
    return o->u.data.ptr ? v : HX_EXCEPTION;
}

hx_object *hx_coll_new_set(hx_realm *realm, hx_ctab *data) {
    hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, SetPrototype), HX_CLASS_SET);
    if (!o) {
        hx_ctab_free(realm->rt, data);
        return NULL;
    }
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    o->u.data.ptr = data;
    return o;
}

/* The constructors' common tail: 24.1.1.2 AddEntriesFromIterable (pairs) or
 * 24.2.2.1 steps 7-8 (Set / WeakSet), calling the adder read from target. */
hx_value hx_coll_fill(hx_realm *realm, hx_value target, hx_value iterable, bool pairs, hx_key adder_name) {
    hx_runtime *rt = realm->rt;
    hx_value adder = hx_get(realm, target, adder_name); /* Map step 5 / Set step 5 */
    if (hx_is_exception(adder)) return adder;
    if (!hx_is_callable(adder)) return hx_throw_type_error(realm, "'%s' of the new collection is not a function",
                                                          pairs ? "set" : "add");
    hx_iter it;
    if (hx_get_iterator(realm, iterable, &it) < 0) return HX_EXCEPTION;
    for (;;) {
        size_t mark = hx_handles_save(rt);
        hx_value next;
        int r = hx_iter_step(realm, &it, &next);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return target;
        hx_value args[2] = {next, HX_UNDEFINED};
        if (pairs) {
            if (!hx_is_object(next)) { /* step 2.c */
                hx_throw_type_error(realm, "Iterator value is not an entry object");
                return hx_iter_close(realm, &it, HX_EXCEPTION);
            }
            args[0] = hx_get(realm, next, hx_index_key(0));
            if (hx_is_exception(args[0])) return hx_iter_close(realm, &it, HX_EXCEPTION);
            args[1] = hx_get(realm, next, hx_index_key(1));
            if (hx_is_exception(args[1])) return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
        hx_value s = hx_call(realm, adder, target, pairs ? 2 : 1, args);
        if (hx_is_exception(s)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        hx_handles_restore(rt, mark); /* target, adder and the iterator stay rooted below */
    }
}

/* ---- Map ------------------------------------------------------------------------- */

/* ES2025 24.1.1.1 Map ( [ iterable ] ) */
static hx_value map_ctor(FN_ARGS) {
    if (hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Constructor Map requires 'new'");
    hx_value m = hx_coll_create(realm, new_target, HX_INTR_MapPrototype, HX_CLASS_MAP, false);
    if (hx_is_exception(m)) return m;
    hx_value iterable = HX_ARG(0);
    if (hx_is_nullish(iterable)) return m;
    return hx_coll_fill(realm, m, iterable, true, HX_ATOM(realm->rt, set));
}

/* ES2025 24.2.2.1 Set ( [ iterable ] ) */
static hx_value set_ctor(FN_ARGS) {
    if (hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Constructor Set requires 'new'");
    hx_value s = hx_coll_create(realm, new_target, HX_INTR_SetPrototype, HX_CLASS_SET, false);
    if (hx_is_exception(s)) return s;
    hx_value iterable = HX_ARG(0);
    if (hx_is_nullish(iterable)) return s;
    return hx_coll_fill(realm, s, iterable, false, HX_ATOM(realm->rt, add));
}

/* ES2025 24.1.2.1 Map.groupBy ( items, callback ) with 7.3.35 GroupBy (zero) */
static hx_value map_group_by(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_value items = HX_ARG(0), callback = HX_ARG(1);
    if (hx_is_nullish(items)) return hx_throw_type_error(realm, "Map.groupBy called on null or undefined");
    if (!hx_is_callable(callback)) return hx_throw_type_error(realm, "Map.groupBy: callback is not a function");
    /* The groups are kept directly in the result map: key -> array of values. */
    hx_value mv = hx_coll_create(realm, HX_UNDEFINED, HX_INTR_MapPrototype, HX_CLASS_MAP, false);
    if (hx_is_exception(mv)) return mv;
    hx_ctab *groups = hx_coll_table(hx_as_object(mv));
    hx_iter it;
    if (hx_get_iterator(realm, items, &it) < 0) return HX_EXCEPTION;
    for (double k = 0;; k++) {
        size_t mark = hx_handles_save(rt);
        if (k >= 9007199254740991.0) { /* step 6.a */
            hx_throw_type_error(realm, "Map.groupBy: too many elements");
            return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
        hx_value value;
        int r = hx_iter_step(realm, &it, &value);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return mv;
        hx_value args[2] = {value, hx_number(k)};
        hx_value key = hx_call(realm, callback, HX_UNDEFINED, 2, args);
        if (hx_is_exception(key)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        key = hx_ctab_key(rt, key); /* step 6.h: -0 becomes +0 */
        if (hx_is_exception(key)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        int32_t i = hx_ctab_find(rt, groups, key); /* 7.3.36 AddValueToKeyedGroup */
        hx_value arr;
        if (i >= 0)
            arr = groups->entries[i].value;
        else {
            arr = hx_array_new(realm, 0);
            if (hx_is_exception(arr) || hx_ctab_set(rt, groups, key, arr) < 0)
                return hx_iter_close(realm, &it, HX_EXCEPTION);
        }
        if (hx_array_push(realm, hx_as_object(arr), value) < 0) return hx_iter_close(realm, &it, HX_EXCEPTION);
        hx_handles_restore(rt, mark);
    }
}

/* ES2025 24.1.2.3 get Map [ %Symbol.species% ] (also Set's, 24.2.2.3) */
static hx_value coll_species(FN_ARGS) { return this_value; }

/* ES2025 24.1.3.1 Map.prototype.clear ( ) */
static hx_value map_clear(FN_ARGS) {
    hx_object *m = this_coll(realm, this_value, magic ? HX_CLASS_SET : HX_CLASS_MAP, "clear");
    if (!m) return HX_EXCEPTION;
    hx_ctab_clear(realm->rt, hx_coll_table(m));
    return HX_UNDEFINED;
}

/* ES2025 24.1.3.3 Map.prototype.delete ( key ) (and 24.2.4.5 for Set) */
static hx_value map_delete(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_object *m = this_coll(realm, this_value, magic ? HX_CLASS_SET : HX_CLASS_MAP, "delete");
    if (!m) return HX_EXCEPTION;
    hx_value key = hx_ctab_key(rt, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    hx_ctab *t = hx_coll_table(m);
    int32_t i = hx_ctab_find(rt, t, key);
    if (i < 0) return HX_FALSE;
    hx_ctab_remove_at(rt, t, (uint32_t)i, true);
    return HX_TRUE;
}

/* ES2025 24.1.3.6 Map.prototype.get ( key ) */
static hx_value map_get(FN_ARGS) {
    hx_object *m = this_coll(realm, this_value, HX_CLASS_MAP, "get");
    if (!m) return HX_EXCEPTION;
    hx_value key = hx_ctab_key(realm->rt, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    hx_ctab *t = hx_coll_table(m);
    int32_t i = hx_ctab_find(realm->rt, t, key);
    return i < 0 ? HX_UNDEFINED : t->entries[i].value;
}

/* ES2025 24.1.3.7 Map.prototype.has ( key ) (and 24.2.4.8 for Set) */
static hx_value map_has(FN_ARGS) {
    hx_object *m = this_coll(realm, this_value, magic ? HX_CLASS_SET : HX_CLASS_MAP, "has");
    if (!m) return HX_EXCEPTION;
    hx_value key = hx_ctab_key(realm->rt, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    return hx_bool(hx_ctab_find(realm->rt, hx_coll_table(m), key) >= 0);
}

/* ES2025 24.1.3.9 Map.prototype.set ( key, value ) */
static hx_value map_set(FN_ARGS) {
    hx_object *m = this_coll(realm, this_value, HX_CLASS_MAP, "set");
    if (!m) return HX_EXCEPTION;
    hx_value key = hx_ctab_key(realm->rt, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    if (hx_ctab_set(realm->rt, hx_coll_table(m), key, HX_ARG(1)) < 0) return HX_EXCEPTION;
    return this_value;
}

/* ES2025 24.2.4.1 Set.prototype.add ( value ) */
static hx_value set_add(FN_ARGS) {
    hx_object *s = this_coll(realm, this_value, HX_CLASS_SET, "add");
    if (!s) return HX_EXCEPTION;
    hx_runtime *rt = realm->rt;
    hx_value key = hx_ctab_key(rt, HX_ARG(0));
    if (hx_is_exception(key)) return key;
    hx_ctab *t = hx_coll_table(s);
    if (hx_ctab_find(rt, t, key) < 0 && hx_ctab_set(rt, t, key, HX_UNDEFINED) < 0) return HX_EXCEPTION;
    return this_value;
}

/* ES2025 24.1.3.10 get Map.prototype.size (and 24.2.4.14 for Set) */
static hx_value map_size(FN_ARGS) {
    hx_object *m = this_coll(realm, this_value, magic ? HX_CLASS_SET : HX_CLASS_MAP, "size");
    if (!m) return HX_EXCEPTION;
    return hx_number((double)hx_coll_table(m)->live);
}

/* ES2025 24.1.3.5 Map.prototype.forEach ( callbackfn [ , thisArg ] ) (and
 * 24.2.4.7 for Set, which passes the value twice). */
static hx_value map_for_each(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    bool is_set = magic != 0;
    hx_object *m = this_coll(realm, this_value, is_set ? HX_CLASS_SET : HX_CLASS_MAP, "forEach");
    if (!m) return HX_EXCEPTION;
    hx_value fn = HX_ARG(0);
    if (!hx_is_callable(fn)) return hx_throw_type_error(realm, "%s.prototype.forEach: callback is not a function",
                                                       is_set ? "Set" : "Map");
    hx_ctab_cursor c;
    hx_ctab_cursor_attach(hx_coll_table(m), &c);
    hx_value r = HX_UNDEFINED;
    for (hx_ctab_entry *e; (e = hx_ctab_cursor_next(&c));) {
        size_t mark = hx_handles_save(rt);
        hx_value args[3] = {is_set ? e->key : e->value, e->key, this_value};
        /* the entry may be deleted by the callback: keep its key and value alive */
        hx_handles_push(rt, args[0]);
        hx_handles_push(rt, args[1]);
        hx_value res = hx_call(realm, fn, HX_ARG(1), 3, args);
        hx_handles_restore(rt, mark);
        if (hx_is_exception(res)) {
            r = HX_EXCEPTION;
            break;
        }
    }
    hx_ctab_cursor_detach(&c);
    return r;
}

/* ---- %MapIteratorPrototype% / %SetIteratorPrototype% ---------------------------- */

/* ES2025 24.1.5.1 CreateMapIterator / 24.2.6.1 CreateSetIterator */
static hx_value create_iterator(hx_realm *realm, hx_value this_value, int kind, bool is_set, const char *method) {
    hx_object *m = this_coll(realm, this_value, is_set ? HX_CLASS_SET : HX_CLASS_MAP, method);
    if (!m) return HX_EXCEPTION;
    hx_object *it = hx_object_new(realm,
                                  is_set ? HX_INTR_OBJ(realm, SetIteratorPrototype) : HX_INTR_OBJ(realm, MapIteratorPrototype),
                                  is_set ? HX_CLASS_SET_ITERATOR : HX_CLASS_MAP_ITERATOR);
    if (!it) return HX_EXCEPTION;
    for (int i = 0; i < 4; i++) it->u.data.slots[i] = HX_UNDEFINED;
    it->u.data.slots[1] = hx_int(kind);
    hx_ctab_cursor *c = hx_mem_alloc(realm->rt, sizeof *c);
    if (!c) return HX_EXCEPTION;
    hx_ctab_cursor_attach(hx_coll_table(m), c);
    it->u.data.ptr = c;
    HX_WRITE(it->u.data.slots[0], this_value);
    return hx_object_value(it);
}

static hx_value map_iter_method(FN_ARGS) {
    static const char *const names[] = {"keys", "values", "entries"};
    return create_iterator(realm, this_value, magic & 3, magic >> 2, names[magic & 3]);
}

/* ES2025 24.1.5.2.1 %MapIteratorPrototype%.next ( ) and 24.2.6.2.1
 * %SetIteratorPrototype%.next ( ) (magic: 1 for sets). */
static hx_value coll_iterator_next(FN_ARGS) {
    hx_class_id cls = magic ? HX_CLASS_SET_ITERATOR : HX_CLASS_MAP_ITERATOR;
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != cls)
        return hx_throw_type_error(realm, "%s Iterator.prototype.next called on incompatible receiver",
                                   magic ? "Set" : "Map");
    hx_object *it = hx_as_object(this_value);
    hx_ctab_cursor *c = it->u.data.ptr;
    if (hx_is_undefined(it->u.data.slots[0]) || !c) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    hx_ctab_entry *e = hx_ctab_cursor_next(c);
    if (!e) { /* the generator completes: release the cursor */
        it->u.data.slots[0] = HX_UNDEFINED;
        hx_ctab_cursor_detach(c);
        hx_mem_free(realm->rt, c, sizeof *c);
        it->u.data.ptr = NULL;
        return hx_create_iter_result(realm, HX_UNDEFINED, true);
    }
    hx_value key = e->key, value = magic ? e->key : e->value;
    int kind = hx_get_int(it->u.data.slots[1]);
    if (kind == KIND_KEYS) return hx_create_iter_result(realm, key, false);
    if (kind == KIND_VALUES) return hx_create_iter_result(realm, value, false);
    hx_value pair[2] = {key, value};
    hx_value arr = hx_array_from(realm, pair, 2);
    if (hx_is_exception(arr)) return arr;
    return hx_create_iter_result(realm, arr, false);
}

/* ---- tables and initialisation ------------------------------------------------------ */

#define ITER_MAGIC(kind, is_set) ((kind) | ((is_set) << 2))

static const hx_builtin map_ctor_table[] = {
    HX_FUNC("groupBy", map_group_by, 2),
    HX_SYM_GETSET("species", coll_species, NULL),
};

static const hx_builtin map_proto_table[] = {
    HX_FUNC_MAGIC("clear", map_clear, 0, 0),
    HX_FUNC_MAGIC("delete", map_delete, 1, 0),
    HX_FUNC_MAGIC("entries", map_iter_method, 0, ITER_MAGIC(KIND_ENTRIES, 0)),
    HX_FUNC_MAGIC("forEach", map_for_each, 1, 0),
    HX_FUNC("get", map_get, 1),
    HX_FUNC_MAGIC("has", map_has, 1, 0),
    HX_FUNC_MAGIC("keys", map_iter_method, 0, ITER_MAGIC(KIND_KEYS, 0)),
    HX_FUNC("set", map_set, 2),
    {"size", HX_BI_GETSET, map_size, NULL, 0, 0, 0, NULL, 0},
    HX_FUNC_MAGIC("values", map_iter_method, 0, ITER_MAGIC(KIND_VALUES, 0)),
    HX_SYM_VALUE_S("toStringTag", "Map", HX_PROP_CONFIGURABLE),
};

static const hx_builtin set_ctor_table[] = {
    HX_SYM_GETSET("species", coll_species, NULL),
};

static const hx_builtin set_proto_table[] = {
    HX_FUNC("add", set_add, 1),
    HX_FUNC_MAGIC("clear", map_clear, 0, 1),
    HX_FUNC_MAGIC("delete", map_delete, 1, 1),
    HX_FUNC_MAGIC("entries", map_iter_method, 0, ITER_MAGIC(KIND_ENTRIES, 1)),
    HX_FUNC_MAGIC("forEach", map_for_each, 1, 1),
    HX_FUNC_MAGIC("has", map_has, 1, 1),
    {"size", HX_BI_GETSET, map_size, NULL, 0, 1, 0, NULL, 0},
    HX_FUNC_MAGIC("values", map_iter_method, 0, ITER_MAGIC(KIND_VALUES, 1)),
    HX_SYM_VALUE_S("toStringTag", "Set", HX_PROP_CONFIGURABLE),
};

static const hx_builtin map_iter_proto_table[] = {
    HX_FUNC_MAGIC("next", coll_iterator_next, 0, 0),
    HX_SYM_VALUE_S("toStringTag", "Map Iterator", HX_PROP_CONFIGURABLE),
};

static const hx_builtin set_iter_proto_table[] = {
    HX_FUNC_MAGIC("next", coll_iterator_next, 0, 1),
    HX_SYM_VALUE_S("toStringTag", "Set Iterator", HX_PROP_CONFIGURABLE),
};

/* Defines proto[alias] as the very function object proto[name]. */
static int alias(hx_realm *realm, hx_object *proto, hx_key alias_key, const char *name) {
    hx_value k = hx_atom_from_cstr(realm->rt, name);
    if (hx_is_exception(k)) return -1;
    hx_value f = hx_get(realm, hx_object_value(proto), k);
    if (hx_is_exception(f)) return -1;
    return hx_define_value(realm, proto, alias_key, f, HX_PROP_BUILTIN);
}

static hx_object *make_proto(hx_realm *realm, hx_intrinsic slot, hx_object *parent) {
    hx_object *p = hx_object_new(realm, parent, HX_CLASS_OBJECT);
    if (p) realm->intrinsics[slot] = hx_object_value(p);
    return p;
}

int hx_init_collections(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *op = HX_INTR_OBJ(realm, ObjectPrototype);
    hx_value iter_sym = HX_SYMBOL(rt, iterator);

    hx_object *mp = make_proto(realm, HX_INTR_MapPrototype, op);
    if (!mp || HX_INSTALL(realm, mp, map_proto_table) < 0) return -1;
    if (alias(realm, mp, iter_sym, "entries") < 0) return -1;
    hx_value map = hx_make_constructor(realm, map_ctor, "Map", 0, mp, 0);
    if (hx_is_exception(map) || HX_INSTALL(realm, hx_as_object(map), map_ctor_table) < 0) return -1;
    realm->intrinsics[HX_INTR_Map] = map;
    if (hx_define_global(realm, "Map", map) < 0) return -1;

    hx_object *sp = make_proto(realm, HX_INTR_SetPrototype, op);
    if (!sp || HX_INSTALL(realm, sp, set_proto_table) < 0) return -1;
    if (hx_coll_init_set_methods(realm, sp) < 0) return -1;
    if (alias(realm, sp, HX_ATOM(rt, keys), "values") < 0 || alias(realm, sp, iter_sym, "values") < 0) return -1;
    hx_value set = hx_make_constructor(realm, set_ctor, "Set", 0, sp, 0);
    if (hx_is_exception(set) || HX_INSTALL(realm, hx_as_object(set), set_ctor_table) < 0) return -1;
    realm->intrinsics[HX_INTR_Set] = set;
    if (hx_define_global(realm, "Set", set) < 0) return -1;

    hx_object *ip = HX_INTR_OBJ(realm, IteratorPrototype);
    hx_object *mip = make_proto(realm, HX_INTR_MapIteratorPrototype, ip);
    if (!mip || HX_INSTALL(realm, mip, map_iter_proto_table) < 0) return -1;
    hx_object *sip = make_proto(realm, HX_INTR_SetIteratorPrototype, ip);
    if (!sip || HX_INSTALL(realm, sip, set_iter_proto_table) < 0) return -1;

    return hx_coll_init_weak(realm);
}
