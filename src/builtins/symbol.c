/*
 * symbol.c — Symbol values and the Symbol constructor (ES2025 20.4): the
 * well-known symbols created once per runtime (shared by all realms, as
 * 6.1.5.1 requires), the global symbol registry behind Symbol.for and
 * Symbol.keyFor, and Symbol.prototype.
 *
 * Invariant: the registry (rt->symbol_registry) is a null-prototype object
 * mapping each registered key string to its symbol; a registered symbol has
 * HX_SYM_REGISTERED set and its description is that key string, so keyFor
 * needs no reverse table.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/runtime.h"
#include "vm/object_class.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

static const char *const well_known_names[HX_SYMBOL_COUNT] = {
#define HX_X(n) #n,
    HX_WELL_KNOWN_SYMBOLS(HX_X)
#undef HX_X
};

hx_value hx_symbol_new(hx_runtime *rt, hx_value description) {
    hx_symbol *s = hx_gc_alloc(rt, HX_CELL_SYMBOL, sizeof(hx_symbol));
    if (!s) return HX_EXCEPTION;
    s->description = description;
    return HX_PTR_VALUE(HX_TAG_SYMBOL, s);
}

/* Runs before any realm exists (runtime creation). */
int hx_symbols_init(hx_runtime *rt) {
    for (int i = 0; i < HX_SYMBOL_COUNT; i++) {
        char buf[64];
        size_t n = strlen(well_known_names[i]);
        memcpy(buf, "Symbol.", 7);
        memcpy(buf + 7, well_known_names[i], n + 1);
        hx_value desc = hx_string_from_cstr(rt, buf);
        if (hx_is_exception(desc)) return -1;
        hx_value sym = hx_symbol_new(rt, desc);
        if (hx_is_exception(sym)) return -1;
        rt->symbols[i] = sym;
    }
    hx_shape *root = hx_shape_root(rt, NULL);
    if (!root) return -1;
    rt->symbol_registry = hx_object_new_shape(rt, root, HX_CLASS_OBJECT);
    return rt->symbol_registry ? 0 : -1;
}

/* ES2025 20.4.3 thisSymbolValue ( value ) */
static hx_value this_symbol_value(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_symbol(v)) return v;
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_SYMBOL) return hx_as_object(v)->u.primitive.value;
    return hx_throw_type_error(realm, "Symbol.prototype.%s requires that 'this' be a Symbol", method);
}

/* ES2025 20.4.3.3.1 SymbolDescriptiveString ( sym ) */
hx_value hx_symbol_descriptive_string(hx_runtime *rt, hx_value sym) {
    hx_value d = hx_as_symbol(sym)->description;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "Symbol(");
    if (hx_is_string(d)) hx_sb_add_string(&sb, hx_as_string(d));
    hx_sb_add_unit(&sb, ')');
    return hx_sb_finish(&sb);
}

/* ES2025 20.4.1.1 Symbol ( [ description ] ) */
NATIVE(symbol_ctor) {
    if (!hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Symbol is not a constructor");
    hx_value desc = HX_ARG(0);
    if (!hx_is_undefined(desc)) {
        desc = hx_to_string(realm, desc);
        if (hx_is_exception(desc)) return desc;
    }
    return hx_symbol_new(realm->rt, desc);
}

/* ES2025 20.4.2.2 Symbol.for ( key ) */
NATIVE(symbol_for) {
    hx_runtime *rt = realm->rt;
    hx_value str = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(str)) return str;
    hx_key key = hx_key_from_string(rt, str);
    if (hx_is_exception(key)) return key;
    hx_desc d;
    int h = hx_ordinary_get_own_property(realm, rt->symbol_registry, key, &d);
    if (h > 0) return d.value;
    hx_value sym = hx_symbol_new(rt, str);
    if (hx_is_exception(sym)) return sym;
    hx_as_symbol(sym)->hdr.flags |= HX_SYM_REGISTERED;
    if (hx_define_value(realm, rt->symbol_registry, key, sym, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    return sym;
}

/* ES2025 20.4.2.6 Symbol.keyFor ( sym ) */
NATIVE(symbol_key_for) {
    hx_value sym = HX_ARG(0);
    if (!hx_is_symbol(sym)) return hx_throw_type_error(realm, "Symbol.keyFor: argument is not a symbol");
    /* ES2025 20.4.5.1 KeyForSymbol */
    if (hx_as_symbol(sym)->hdr.flags & HX_SYM_REGISTERED) return hx_as_symbol(sym)->description;
    return HX_UNDEFINED;
}

/* ES2025 20.4.3.2 get Symbol.prototype.description */
NATIVE(proto_description) {
    hx_value sym = this_symbol_value(realm, this_value, "description");
    if (hx_is_exception(sym)) return sym;
    return hx_as_symbol(sym)->description;
}

/* ES2025 20.4.3.3 Symbol.prototype.toString ( ) */
NATIVE(proto_to_string) {
    hx_value sym = this_symbol_value(realm, this_value, "toString");
    if (hx_is_exception(sym)) return sym;
    return hx_symbol_descriptive_string(realm->rt, sym);
}

/* ES2025 20.4.3.4 Symbol.prototype.valueOf ( ), 20.4.3.5 [ %Symbol.toPrimitive% ] ( hint ) */
NATIVE(proto_value_of) { return this_symbol_value(realm, this_value, magic ? "[Symbol.toPrimitive]" : "valueOf"); }

static const hx_builtin symbol_statics[] = {
    HX_FUNC("for", symbol_for, 1),
    HX_FUNC("keyFor", symbol_key_for, 1),
};

static const hx_builtin symbol_proto[] = {
    HX_GETSET("description", proto_description, NULL),
    HX_FUNC("toString", proto_to_string, 0),
    HX_FUNC("valueOf", proto_value_of, 0),
    {"toPrimitive", HX_BI_SYMBOL_FUNC, proto_value_of, NULL, 1, 1, 0, NULL, HX_PROP_CONFIGURABLE},
    HX_SYM_VALUE_S("toStringTag", "Symbol", HX_PROP_CONFIGURABLE),
};

int hx_init_symbol(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    HX_INTR(realm, SymbolPrototype) = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, symbol_ctor, "Symbol", 0, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, Symbol) = ctor;
    hx_object *c = hx_as_object(ctor);
    if (HX_INSTALL(realm, c, symbol_statics) < 0 || HX_INSTALL(realm, proto, symbol_proto) < 0) return -1;
    /* ES2025 20.4.2: the well-known symbols, not writable, enumerable or configurable */
    for (int i = 0; i < HX_SYMBOL_COUNT; i++) {
        hx_value k = hx_atom_from_cstr(rt, well_known_names[i]);
        if (hx_is_exception(k) || hx_define_value(realm, c, k, rt->symbols[i], 0) < 0) return -1;
    }
    return hx_define_global(realm, "Symbol", ctor);
}
