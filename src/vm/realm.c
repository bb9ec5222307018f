/*
 * realm.c — realm creation (ES2025 9.3): the two intrinsics everything else
 * needs (%Object.prototype% and %Function.prototype%), then every builtin
 * family's initialiser, then the global object's own bindings.  Also the
 * builtin-table installer that all families use.
 */
#include <string.h>
#include "vm/vm.h"
#include "builtins/init.h"

/* Families not linked in yet are skipped: weak declarations resolve to NULL. */
#define HX_X(name) __attribute__((weak)) int hx_init_##name(hx_realm *realm);
HX_BUILTIN_FAMILIES(HX_X)
#undef HX_X

static hx_value function_prototype_call(hx_realm *realm, hx_value this_value, int argc,
                                        hx_value *argv, hx_value new_target, int magic) {
    return HX_UNDEFINED; /* ES2025 20.2.3: %Function.prototype% accepts any arguments, returns undefined */
}

hx_realm *hx_realm_new(hx_runtime *rt) {
    size_t mark = hx_handles_save(rt);
    hx_realm *realm = hx_gc_alloc(rt, HX_CELL_REALM, sizeof(hx_realm));
    if (!realm) return NULL;
    realm->rt = rt;
    realm->api = (hr_realm *)realm;
    for (int i = 0; i < HX_INTRINSIC_COUNT; i++) realm->intrinsics[i] = HX_UNDEFINED;
    realm->global_this = HX_UNDEFINED;
    realm->template_cache = HX_UNDEFINED;
    realm->next_realm = rt->realms;
    rt->realms = realm;
    hx_realm *saved = rt->current_realm;
    rt->current_realm = realm;

    hx_object *op = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    if (!op) goto fail;
    realm->intrinsics[HX_INTR_ObjectPrototype] = hx_object_value(op);
    op->hdr.flags |= HX_OBJ_IMMUTABLE_PROTO; /* %Object.prototype% is an immutable prototype exotic object */
    hx_object *fp = hx_object_new(realm, op, HX_CLASS_NATIVE_FUNCTION);
    if (!fp) goto fail;
    fp->hdr.flags |= HX_OBJ_CALLABLE;
    fp->u.native.fn = function_prototype_call;
    fp->u.native.realm = realm;
    fp->u.native.data = fp->u.native.data2 = HX_UNDEFINED;
    realm->intrinsics[HX_INTR_FunctionPrototype] = hx_object_value(fp);
    if (hx_define_value(realm, fp, HX_ATOM(rt, length), hx_int(0), HX_PROP_CONFIGURABLE) < 0 ||
        hx_define_value(realm, fp, HX_ATOM(rt, name), HX_ATOM(rt, empty), HX_PROP_CONFIGURABLE) < 0)
        goto fail;

    hx_object *global = hx_object_new(realm, op, HX_CLASS_OBJECT);
    if (!global) goto fail;
    realm->global = global;
    realm->global_this = hx_object_value(global);
    realm->global_lex = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    if (!realm->global_lex) goto fail;

#define HX_X(name)                                                                                 \
    if (hx_init_##name && hx_init_##name(realm) < 0) goto fail;
    HX_BUILTIN_FAMILIES(HX_X)
#undef HX_X

    rt->current_realm = saved ? saved : realm;
    hx_handles_restore(rt, mark);
    return realm;
fail:
    rt->current_realm = saved;
    hx_handles_restore(rt, mark);
    return NULL;
}

int hx_define_global(hx_realm *realm, const char *name, hx_value v) {
    hx_value k = hx_atom_from_cstr(realm->rt, name);
    if (hx_is_exception(k)) return -1;
    return hx_define_value(realm, realm->global, k, v, HX_PROP_BUILTIN);
}

static hx_key builtin_key(hx_realm *realm, const hx_builtin *b, bool symbol) {
    if (!symbol) return hx_atom_from_cstr(realm->rt, b->name);
    static const char *const names[] = {
#define HX_X(n) #n,
        HX_WELL_KNOWN_SYMBOLS(HX_X)
#undef HX_X
    };
    for (int i = 0; i < HX_SYMBOL_COUNT; i++)
        if (!strcmp(names[i], b->name)) return realm->rt->symbols[i];
    return HX_EXCEPTION;
}

int hx_install_builtins(hx_realm *realm, hx_object *target, const hx_builtin *table, size_t n) {
    hx_runtime *rt = realm->rt;
    for (size_t i = 0; i < n; i++) {
        const hx_builtin *b = &table[i];
        bool sym = b->kind == HX_BI_SYMBOL_FUNC || b->kind == HX_BI_SYMBOL_GETSET || b->kind == HX_BI_SYMBOL_VALUE_STR;
        hx_key key = builtin_key(realm, b, sym);
        if (hx_is_exception(key)) return -1;
        switch (b->kind) {
        case HX_BI_FUNC:
        case HX_BI_SYMBOL_FUNC: {
            hx_value f = hx_native_function_new(realm, b->fn, key, b->length, b->magic, false);
            if (hx_is_exception(f)) return -1;
            if (hx_define_value(realm, target, key, f, b->flags ? b->flags : HX_PROP_BUILTIN) < 0) return -1;
            break;
        }
        case HX_BI_GETSET:
        case HX_BI_SYMBOL_GETSET: {
            hx_value g = HX_UNDEFINED, s = HX_UNDEFINED;
            if (b->fn) {
                g = hx_native_function_new(realm, b->fn, key, 0, b->magic, false);
                if (hx_is_exception(g) || hx_set_function_name(realm, hx_as_object(g), key, HX_ATOM(rt, get)) < 0) return -1;
            }
            if (b->setter) {
                s = hx_native_function_new(realm, b->setter, key, 1, b->magic, false);
                if (hx_is_exception(s) || hx_set_function_name(realm, hx_as_object(s), key, HX_ATOM(rt, set)) < 0) return -1;
            }
            if (hx_define_accessor(realm, target, key, g, s, b->flags ? b->flags : HX_PROP_CONFIGURABLE) < 0) return -1;
            break;
        }
        case HX_BI_VALUE_INT:
        case HX_BI_VALUE_DOUBLE:
            if (hx_define_value(realm, target, key, hx_number(b->num), b->flags) < 0) return -1;
            break;
        case HX_BI_VALUE_STR:
        case HX_BI_SYMBOL_VALUE_STR: {
            hx_value s = hx_string_from_cstr(rt, b->str);
            if (hx_is_exception(s) || hx_define_value(realm, target, key, s, b->flags) < 0) return -1;
            break;
        }
        case HX_BI_ALIAS: {
            hx_value k2 = hx_atom_from_cstr(rt, b->str);
            if (hx_is_exception(k2)) return -1;
            hx_value v = hx_get(realm, hx_object_value(target), k2);
            if (hx_is_exception(v) || hx_define_value(realm, target, key, v, b->flags ? b->flags : HX_PROP_BUILTIN) < 0) return -1;
            break;
        }
        }
    }
    return 0;
}

/* Creates a constructor function with `prototype` linked both ways. */
hx_value hx_make_constructor(hx_realm *realm, hx_native_fn fn, const char *name, int length,
                             hx_object *prototype, int magic) {
    hx_runtime *rt = realm->rt;
    hx_value key = hx_atom_from_cstr(rt, name);
    if (hx_is_exception(key)) return key;
    hx_value c = hx_native_function_new(realm, fn, key, length, magic, true);
    if (hx_is_exception(c)) return c;
    if (prototype) {
        if (hx_define_value(realm, hx_as_object(c), HX_ATOM(rt, prototype), hx_object_value(prototype), 0) < 0 ||
            hx_define_value(realm, prototype, HX_ATOM(rt, constructor), c, HX_PROP_BUILTIN) < 0)
            return HX_EXCEPTION;
    }
    return c;
}
