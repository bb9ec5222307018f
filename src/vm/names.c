/*
 * names.c — identifier resolution at run time (ES2025 9.1 environment
 * records): the global environment (the global lexical record, then the
 * global object), object environments of `with` (honouring
 * Symbol.unscopables), contexts searched by name for code that direct eval
 * or `with` can affect, and GlobalDeclarationInstantiation (ES2025 16.1.7).
 *
 * The global lexical record is realm->global_lex: one non-configurable
 * property per script-scope let/const/class, holding HX_UNINIT until
 * initialised; const bindings are its non-writable properties.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/interp_int.h"
#include "vm/object_class.h"

/* ---- global environment ------------------------------------------------------ */

static int lex_lookup(hx_realm *realm, hx_key name, hx_desc *d) {
    return hx_ordinary_get_own_property(realm, realm->global_lex, name, d);
}

int hx_global_get(hx_realm *realm, hx_key name, bool typeof_mode, hx_value *out) {
    hx_desc d;
    if (lex_lookup(realm, name, &d) > 0) {
        if (d.value == HX_UNINIT) {
            hx_throw_tdz(realm, name);
            return -1;
        }
        *out = d.value;
        return 0;
    }
    hx_object *g = realm->global;
    int has = hx_has_property(realm, g, name);
    if (has < 0) return -1;
    if (!has) {
        if (typeof_mode) {
            *out = HX_UNDEFINED;
            return 0;
        }
        hx_throw_not_defined(realm, name);
        return -1;
    }
    hx_value v = hx_get(realm, hx_object_value(g), name);
    if (hx_is_exception(v)) return -1;
    *out = v;
    return 0;
}

int hx_global_put(hx_realm *realm, hx_key name, hx_value v, bool strict) {
    hx_desc d;
    if (lex_lookup(realm, name, &d) > 0) {
        if (d.value == HX_UNINIT) {
            hx_throw_tdz(realm, name);
            return -1;
        }
        if (!(d.flags & HX_PROP_WRITABLE)) {
            hx_throw_type_error(realm, "Assignment to constant variable.");
            return -1;
        }
        hx_desc nd = {v, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_VALUE};
        return hx_ordinary_define_own_property(realm, realm->global_lex, name, &nd, true) < 0 ? -1 : 0;
    }
    hx_object *g = realm->global;
    if (strict) {
        int has = hx_has_property(realm, g, name);
        if (has < 0) return -1;
        if (!has) {
            hx_throw_not_defined(realm, name);
            return -1;
        }
    }
    return hx_set(realm, hx_object_value(g), name, v, strict) < 0 ? -1 : 0;
}

int hx_global_init_lex(hx_realm *realm, hx_key name, hx_value v) {
    hx_object *lex = realm->global_lex;
    int32_t i = hx_shape_find(realm->rt, lex->shape, name);
    if (i < 0) {
        /* not declared by global_decls (e.g. a class declaration in eval) */
        return hx_define_value(realm, lex, name, v, HX_PROP_WRITABLE);
    }
    hx_prop *p = hx_shape_props(realm->rt, lex->shape);
    if (!p) return -1;
    HX_WRITE(lex->slots[p[i].slot], v);
    return 0;
}

/* ES2025 16.1.7 GlobalDeclarationInstantiation: list is [name, kind, ...]
 * with kind 0 var, 1 function, 2 let, 3 const, 4 class. */
int hx_global_decls(hx_realm *realm, hx_object *list) {
    hx_object *g = realm->global;
    uint32_t n = list->elem_len;
    for (uint32_t i = 0; i + 1 < n; i += 2) {
        hx_key name = list->elems[i];
        int kind = hx_get_int(list->elems[i + 1]);
        hx_desc d;
        if (lex_lookup(realm, name, &d) > 0) goto redeclared;
        if (kind >= 2) {
            int r = hx_get_own_property(realm, g, name, &d);
            if (r < 0) return -1;
            if (r && !(d.flags & HX_PROP_CONFIGURABLE)) goto redeclared; /* HasRestrictedGlobalProperty */
        }
        continue;
    redeclared: {
        char *s = hx_string_to_utf8(realm->rt, hx_as_string(name), NULL);
        hx_throw_syntax_error(realm, "Identifier '%s' has already been declared", s ? s : "?");
        if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
        return -1;
    }
    }
    for (uint32_t i = 0; i + 1 < n; i += 2) {
        hx_key name = list->elems[i];
        int kind = hx_get_int(list->elems[i + 1]);
        hx_desc d;
        if (kind == 1) {
            /* CanDeclareGlobalFunction */
            int r = hx_get_own_property(realm, g, name, &d);
            if (r < 0) return -1;
            bool ok = r ? ((d.flags & HX_PROP_CONFIGURABLE) ||
                           (!(d.flags & HX_PROP_ACCESSOR) && (d.flags & HX_PROP_WRITABLE) && (d.flags & HX_PROP_ENUMERABLE)))
                        : hx_is_extensible(realm, g) > 0;
            if (!ok) {
                char *s = hx_string_to_utf8(realm->rt, hx_as_string(name), NULL);
                hx_throw_type_error(realm, "Cannot declare global function '%s'", s ? s : "?");
                if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
                return -1;
            }
        } else if (kind == 0) {
            int r = hx_get_own_property(realm, g, name, &d);
            if (r < 0) return -1;
            if (!r && hx_is_extensible(realm, g) <= 0) {
                char *s = hx_string_to_utf8(realm->rt, hx_as_string(name), NULL);
                hx_throw_type_error(realm, "Cannot declare global variable '%s'", s ? s : "?");
                if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
                return -1;
            }
        }
    }
    for (uint32_t i = 0; i + 1 < n; i += 2) {
        hx_key name = list->elems[i];
        int kind = hx_get_int(list->elems[i + 1]);
        hx_desc d;
        if (kind >= 2) {
            if (hx_define_value(realm, realm->global_lex, name, HX_UNINIT, kind == 3 ? 0 : HX_PROP_WRITABLE) < 0) return -1;
        } else if (kind == 1) {
            /* CreateGlobalFunctionBinding (D = false) */
            int r = hx_get_own_property(realm, g, name, &d);
            if (r < 0) return -1;
            hx_desc nd;
            memset(&nd, 0, sizeof nd);
            nd.value = HX_UNDEFINED;
            nd.getter = nd.setter = HX_UNDEFINED;
            if (!r || (d.flags & HX_PROP_CONFIGURABLE)) {
                nd.has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
                nd.flags = HX_PROP_WRITABLE | HX_PROP_ENUMERABLE;
                if (r && !(d.flags & HX_PROP_ACCESSOR)) nd.value = d.value;
            } else {
                nd.has = HX_DESC_VALUE;
                nd.value = d.value;
            }
            if (hx_define_own_property(realm, g, name, &nd, true) < 0) return -1;
        } else {
            /* CreateGlobalVarBinding (D = false) */
            int r = hx_get_own_property(realm, g, name, &d);
            if (r < 0) return -1;
            if (!r) {
                hx_desc nd = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_WRITABLE | HX_PROP_ENUMERABLE,
                              HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
                if (hx_define_own_property(realm, g, name, &nd, true) < 0) return -1;
            }
        }
    }
    return 0;
}

/* ---- contexts searched by name -------------------------------------------------- */

/* Object environment HasBinding (ES2025 9.1.1.2.1), with unscopables. */
static int with_has(hx_realm *realm, hx_object *o, hx_key name) {
    int h = hx_has_property(realm, o, name);
    if (h <= 0) return h;
    hx_value u = hx_get(realm, hx_object_value(o), HX_SYMBOL(realm->rt, unscopables));
    if (hx_is_exception(u)) return -1;
    if (hx_is_object(u)) {
        hx_value b = hx_get(realm, u, name);
        if (hx_is_exception(b)) return -1;
        if (hx_to_boolean(b)) return 0;
    }
    return 1;
}

/* Finds the slot of `name` in a context's scope info; -1 if absent. */
static int32_t ctx_slot(hx_context *c, hx_value name) {
    if (!c->info) return -1;
    for (uint32_t i = 0; i < c->info->count && i < c->count; i++)
        if (c->info->names[i] == name) return (int32_t)i;
    return -1;
}

static hx_key name_key(hx_realm *realm, hx_value name) { return hx_key_from_string(realm->rt, name); }

int hx_name_get(hx_realm *realm, hx_context *ctx, hx_value name, hx_name_mode mode, hx_value *out) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    for (hx_context *c = ctx; c; c = c->parent) {
        if (c->hdr.flags & HX_CTX_WITH) {
            hx_object *o = hx_as_object(c->slots[0]);
            int h = with_has(realm, o, key);
            if (h < 0) return -1;
            if (h) {
                /* ES2025 9.1.1.2.6 GetBindingValue: still there? (strict: ReferenceError) */
                hx_value v = hx_get(realm, c->slots[0], key);
                if (hx_is_exception(v)) return -1;
                out[0] = v;
                if (mode == HX_NAME_CALL) out[1] = c->slots[0];
                return 0;
            }
            continue;
        }
        int32_t s = ctx_slot(c, name);
        if (s >= 0) {
            if (c->slots[s] == HX_UNINIT) {
                hx_throw_tdz(realm, name);
                return -1;
            }
            out[0] = c->slots[s];
            if (mode == HX_NAME_CALL) out[1] = HX_UNDEFINED;
            return 0;
        }
        if (c->eval_vars) {
            hx_desc d;
            if (hx_ordinary_get_own_property(realm, c->eval_vars, key, &d) > 0) {
                out[0] = d.value;
                if (mode == HX_NAME_CALL) out[1] = HX_UNDEFINED;
                return 0;
            }
        }
    }
    if (mode == HX_NAME_CALL) out[1] = HX_UNDEFINED;
    return hx_global_get(realm, key, mode == HX_NAME_TYPEOF, out);
}

int hx_name_put(hx_realm *realm, hx_context *ctx, hx_value name, hx_value v, bool strict) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    for (hx_context *c = ctx; c; c = c->parent) {
        if (c->hdr.flags & HX_CTX_WITH) {
            hx_object *o = hx_as_object(c->slots[0]);
            int h = with_has(realm, o, key);
            if (h < 0) return -1;
            if (h) {
                /* ES2025 9.1.1.2.5 SetMutableBinding */
                int still = hx_has_property(realm, o, key);
                if (still < 0) return -1;
                if (!still && strict) {
                    hx_throw_not_defined(realm, name);
                    return -1;
                }
                return hx_set(realm, c->slots[0], key, v, strict) < 0 ? -1 : 0;
            }
            continue;
        }
        int32_t s = ctx_slot(c, name);
        if (s >= 0) {
            if (c->slots[s] == HX_UNINIT) {
                hx_throw_tdz(realm, name);
                return -1;
            }
            if (c->info->kinds[s] & HX_SLOT_CONST) {
                hx_throw_type_error(realm, "Assignment to constant variable.");
                return -1;
            }
            HX_WRITE(c->slots[s], v);
            return 0;
        }
        if (c->eval_vars) {
            hx_desc d;
            if (hx_ordinary_get_own_property(realm, c->eval_vars, key, &d) > 0)
                return hx_define_value(realm, c->eval_vars, key, v, HX_PROP_WRITABLE | HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE);
        }
    }
    return hx_global_put(realm, key, v, strict);
}

hx_value hx_name_delete(hx_realm *realm, hx_context *ctx, hx_value name) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return key;
    for (hx_context *c = ctx; c; c = c->parent) {
        if (c->hdr.flags & HX_CTX_WITH) {
            hx_object *o = hx_as_object(c->slots[0]);
            int h = with_has(realm, o, key);
            if (h < 0) return HX_EXCEPTION;
            if (h) {
                int r = hx_delete(realm, o, key, false);
                return r < 0 ? HX_EXCEPTION : hx_bool(r);
            }
            continue;
        }
        if (ctx_slot(c, name) >= 0) return HX_FALSE;
        if (c->eval_vars) {
            hx_desc d;
            if (hx_ordinary_get_own_property(realm, c->eval_vars, key, &d) > 0) {
                int r = hx_ordinary_delete(realm, c->eval_vars, key, false);
                return r < 0 ? HX_EXCEPTION : hx_bool(r);
            }
        }
    }
    hx_desc d;
    if (lex_lookup(realm, key, &d) > 0) return HX_FALSE;
    int r = hx_delete(realm, realm->global, key, false);
    return r < 0 ? HX_EXCEPTION : hx_bool(r);
}

/* Sloppy direct eval's var declarations (ES2025 19.2.1.3 step 9ff):
 * in the nearest function scope (its eval_vars object) or the global object. */
int hx_name_declare_var(hx_realm *realm, hx_context *ctx, hx_value name, bool set, hx_value v) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    for (hx_context *c = ctx; c; c = c->parent) {
        if (c->hdr.flags & HX_CTX_WITH) continue;
        int32_t s = ctx_slot(c, name);
        if (s >= 0 && (c->info->kinds[s] & HX_SLOT_LEXICAL)) {
            /* a like-named lexical declaration between eval and its var scope
             * (ES2025 19.2.1.3 step 3.d) */
            char *u = hx_string_to_utf8(realm->rt, hx_as_string(name), NULL);
            hx_throw_syntax_error(realm, "Identifier '%s' has already been declared", u ? u : "?");
            if (u) hx_mem_free(realm->rt, u, strlen(u) + 1);
            return -1;
        }
        if (c->hdr.flags & HX_CTX_FUNCTION) {
            if (s >= 0) {
                if (set) HX_WRITE(c->slots[s], v);
                return 0;
            }
            if (!c->eval_vars) {
                c->eval_vars = hx_object_new(realm, NULL, HX_CLASS_INTERNAL);
                if (!c->eval_vars) return -1;
            }
            hx_desc d;
            if (!set && hx_ordinary_get_own_property(realm, c->eval_vars, key, &d) > 0) return 0;
            return hx_define_value(realm, c->eval_vars, key, set ? v : HX_UNDEFINED,
                                   HX_PROP_WRITABLE | HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE);
        }
    }
    /* global: CreateGlobalVarBinding / CreateGlobalFunctionBinding with D = true */
    hx_desc d;
    if (lex_lookup(realm, key, &d) > 0) {
        char *u = hx_string_to_utf8(realm->rt, hx_as_string(name), NULL);
        hx_throw_syntax_error(realm, "Identifier '%s' has already been declared", u ? u : "?");
        if (u) hx_mem_free(realm->rt, u, strlen(u) + 1);
        return -1;
    }
    hx_object *g = realm->global;
    int r = hx_get_own_property(realm, g, key, &d);
    if (r < 0) return -1;
    if (!set) {
        if (r) return 0;
        hx_desc nd = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_DEFAULT,
                      HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
        return hx_define_own_property(realm, g, key, &nd, true) < 0 ? -1 : 0;
    }
    hx_desc nd;
    memset(&nd, 0, sizeof nd);
    nd.value = v;
    nd.getter = nd.setter = HX_UNDEFINED;
    if (!r || (d.flags & HX_PROP_CONFIGURABLE)) {
        nd.has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
        nd.flags = HX_PROP_DEFAULT;
    } else
        nd.has = HX_DESC_VALUE;
    if (hx_define_own_property(realm, g, key, &nd, true) < 0) return -1;
    return hx_set(realm, hx_object_value(g), key, v, false) < 0 ? -1 : 0;
}

/* ---- references ----------------------------------------------------------------- */

int hx_name_resolve(hx_realm *realm, hx_context *ctx, hx_value name, hx_value ref[2]) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    for (hx_context *c = ctx; c; c = c->parent) {
        if (c->hdr.flags & HX_CTX_WITH) {
            int h = with_has(realm, hx_as_object(c->slots[0]), key);
            if (h < 0) return -1;
            if (h) {
                ref[0] = c->slots[0];
                ref[1] = HX_UNDEFINED;
                return 0;
            }
            continue;
        }
        int32_t s = ctx_slot(c, name);
        if (s >= 0) {
            ref[0] = HX_PTR_VALUE(HX_TAG_CELL, c);
            ref[1] = hx_int(s);
            return 0;
        }
        if (c->eval_vars) {
            hx_desc d;
            if (hx_ordinary_get_own_property(realm, c->eval_vars, key, &d) > 0) {
                ref[0] = hx_object_value(c->eval_vars);
                ref[1] = HX_UNDEFINED;
                return 0;
            }
        }
    }
    hx_desc d;
    int found = lex_lookup(realm, key, &d) > 0;
    if (!found) {
        found = hx_has_property(realm, realm->global, key);
        if (found < 0) return -1;
    }
    ref[0] = HX_HOLE;
    ref[1] = hx_bool(found);
    return 0;
}

int hx_ref_get(hx_realm *realm, hx_value base, hx_value slot, hx_value name, hx_value *out) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    if (hx_is_object(base)) {
        hx_object *o = hx_as_object(base);
        /* object environment GetBindingValue: a vanished binding is a ReferenceError in strict code only */
        hx_value v = hx_get(realm, base, key);
        if (hx_is_exception(v)) return -1;
        (void)o;
        *out = v;
        return 0;
    }
    if (hx_is_cell(base)) {
        hx_context *c = hx_get_ptr(base);
        hx_value v = c->slots[hx_get_int(slot)];
        if (v == HX_UNINIT) {
            hx_throw_tdz(realm, name);
            return -1;
        }
        *out = v;
        return 0;
    }
    if (slot == HX_FALSE) {
        hx_throw_not_defined(realm, name);
        return -1;
    }
    return hx_global_get(realm, key, false, out);
}

int hx_ref_put(hx_realm *realm, hx_value base, hx_value slot, hx_value name, hx_value v, bool strict) {
    hx_key key = name_key(realm, name);
    if (hx_is_exception(key)) return -1;
    if (hx_is_object(base)) {
        hx_object *o = hx_as_object(base);
        if (strict) {
            int still = hx_has_property(realm, o, key);
            if (still < 0) return -1;
            if (!still) {
                hx_throw_not_defined(realm, name);
                return -1;
            }
        }
        return hx_set(realm, base, key, v, strict) < 0 ? -1 : 0;
    }
    if (hx_is_cell(base)) {
        hx_context *c = hx_get_ptr(base);
        int32_t s = hx_get_int(slot);
        if (c->slots[s] == HX_UNINIT) {
            hx_throw_tdz(realm, name);
            return -1;
        }
        if (c->info && (c->info->kinds[s] & HX_SLOT_CONST)) {
            hx_throw_type_error(realm, "Assignment to constant variable.");
            return -1;
        }
        HX_WRITE(c->slots[s], v);
        return 0;
    }
    if (slot == HX_FALSE && strict) {
        hx_throw_not_defined(realm, name);
        return -1;
    }
    return hx_global_put(realm, key, v, false);
}
