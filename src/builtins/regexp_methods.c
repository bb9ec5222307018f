/*
 * regexp_methods.c — the RegExp.prototype methods behind the String
 * methods match / matchAll / replace / search / split (ES2025 22.2.6.8 -
 * 22.2.6.14), and %RegExpStringIteratorPrototype% (22.2.9).
 *
 * These are generic: they work on any object through RegExpExec and the
 * "flags" / "lastIndex" properties, so every property access and
 * conversion happens in the order the specification gives.
 *
 * A %RegExpStringIterator% is HX_CLASS_REGEXP_STRING_ITERATOR with the
 * iterating RegExp in u.data.slots[0], the string in u.data.slots[1], and
 * the [[Global]] / [[Unicode]] / [[Done]] booleans as bits of u.data.bits.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "builtins/regexp_int.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

enum { ITER_GLOBAL = 1, ITER_UNICODE = 2, ITER_DONE = 4 };

/* ---- helpers ------------------------------------------------------------------- */

static hx_value require_object(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_object(v)) return v;
    return hx_throw_type_error(realm, "RegExp.prototype[%s] called on a non-object", method);
}

/* ToString(? Get(rx, "flags")) */
static hx_value flags_of(hx_realm *realm, hx_value rx) {
    hx_value f = hx_get(realm, rx, HX_ATOM(realm->rt, flags));
    if (hx_is_exception(f)) return f;
    return hx_to_string(realm, f);
}

static bool has_flag(hx_realm *realm, hx_value flags, uint16_t c) {
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(flags));
    if (!f) return false; /* unreachable: flags_of returned a flat-able string */
    for (uint32_t i = 0; i < f->len; i++)
        if (hx_string_char_at(f, i) == c) return true;
    return false;
}

static int set_last_index(hx_realm *realm, hx_value rx, double v) {
    return hx_set(realm, rx, HX_ATOM(realm->rt, lastIndex), hx_number(v), true);
}

/* Steps shared by match / matchAll / replace: after an empty match, move
 * lastIndex forward by AdvanceStringIndex.  0 or -1. */
static int advance_after_empty(hx_realm *realm, hx_value rx, hx_value s, bool full_unicode) {
    hx_value liv = hx_get(realm, rx, HX_ATOM(realm->rt, lastIndex));
    if (hx_is_exception(liv)) return -1;
    int64_t this_index;
    if (hx_to_length(realm, liv, &this_index) < 0) return -1;
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(s));
    if (!f) return -1;
    return set_last_index(realm, rx, hx_regexp_obj_advance(f, (double)this_index, full_unicode)) < 0 ? -1 : 0;
}

/* ToString(? Get(result, "0")) */
static hx_value match_string(hx_realm *realm, hx_value result) {
    hx_value m = hx_get(realm, result, hx_index_key(0));
    if (hx_is_exception(m)) return m;
    return hx_to_string(realm, m);
}

static void sb_add_range(hx_sb *sb, hx_string *flat, uint32_t from, uint32_t to) {
    if (from >= to) return;
    if (!hx_str_is_wide(flat)) {
        hx_sb_add_latin1(sb, hx_str_latin1(flat) + from, to - from);
        return;
    }
    for (uint32_t i = from; i < to; i++) hx_sb_add_unit(sb, hx_str_utf16(flat)[i]);
}

/* ---- [Symbol.match] (ES2025 22.2.6.8) -------------------------------------------- */

NATIVE(regexp_symbol_match) {
    hx_runtime *rt = realm->rt;
    hx_value rx = require_object(realm, this_value, "Symbol.match");
    if (hx_is_exception(rx)) return rx;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value flags = flags_of(realm, rx);
    if (hx_is_exception(flags)) return flags;
    if (!has_flag(realm, flags, 'g')) return hx_regexp_obj_exec(realm, rx, s);
    bool full_unicode = has_flag(realm, flags, 'u') || has_flag(realm, flags, 'v');
    if (set_last_index(realm, rx, 0) < 0) return HX_EXCEPTION;
    hx_value av = hx_array_new(realm, 0);
    if (hx_is_exception(av)) return av;
    for (uint32_t n = 0;; n++) {
        size_t mark = hx_handles_save(rt);
        hx_value result = hx_regexp_obj_exec(realm, rx, s);
        if (hx_is_exception(result)) return result;
        if (hx_is_null(result)) return n == 0 ? HX_NULL : av;
        hx_value ms = match_string(realm, result);
        if (hx_is_exception(ms)) return ms;
        if (hx_create_data_property_or_throw(realm, hx_as_object(av), hx_index_key(n), ms) < 0) return HX_EXCEPTION;
        if (hx_as_string(ms)->len == 0 && advance_after_empty(realm, rx, s, full_unicode) < 0) return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
    }
}

/* ---- [Symbol.matchAll] and %RegExpStringIteratorPrototype% ------------------------- */

/* ES2025 22.2.6.9 RegExp.prototype [ @@matchAll ] ( string ) */
NATIVE(regexp_symbol_match_all) {
    hx_runtime *rt = realm->rt;
    hx_value r = require_object(realm, this_value, "Symbol.matchAll");
    if (hx_is_exception(r)) return r;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value c = hx_species_constructor(realm, hx_as_object(r), HX_INTR(realm, RegExp));
    if (hx_is_exception(c)) return c;
    hx_value flags = flags_of(realm, r);
    if (hx_is_exception(flags)) return flags;
    hx_value args[2] = {r, flags};
    hx_value matcher = hx_construct(realm, c, 2, args, c);
    if (hx_is_exception(matcher)) return matcher;
    hx_value liv = hx_get(realm, r, HX_ATOM(rt, lastIndex));
    if (hx_is_exception(liv)) return liv;
    int64_t last_index;
    if (hx_to_length(realm, liv, &last_index) < 0) return HX_EXCEPTION;
    if (set_last_index(realm, matcher, (double)last_index) < 0) return HX_EXCEPTION;
    /* ES2025 22.2.9.1 CreateRegExpStringIterator */
    hx_object *it = hx_object_new(realm, HX_INTR_OBJ(realm, RegExpStringIteratorPrototype),
                                  HX_CLASS_REGEXP_STRING_ITERATOR);
    if (!it) return HX_EXCEPTION;
    HX_WRITE(it->u.data.slots[0], matcher);
    HX_WRITE(it->u.data.slots[1], s);
    it->u.data.slots[2] = it->u.data.slots[3] = HX_UNDEFINED;
    it->u.data.bits = (has_flag(realm, flags, 'g') ? ITER_GLOBAL : 0) |
                      (has_flag(realm, flags, 'u') || has_flag(realm, flags, 'v') ? ITER_UNICODE : 0);
    return hx_object_value(it);
}

/* ES2025 22.2.9.2.1 %RegExpStringIteratorPrototype%.next ( ) */
NATIVE(rsi_next) {
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != HX_CLASS_REGEXP_STRING_ITERATOR)
        return hx_throw_type_error(realm, "%%RegExpStringIteratorPrototype%%.next called on an incompatible receiver");
    hx_object *it = hx_as_object(this_value);
    if (it->u.data.bits & ITER_DONE) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    hx_value r = it->u.data.slots[0], s = it->u.data.slots[1];
    hx_value match = hx_regexp_obj_exec(realm, r, s);
    if (hx_is_exception(match)) return match;
    if (hx_is_null(match)) {
        it->u.data.bits |= ITER_DONE;
        return hx_create_iter_result(realm, HX_UNDEFINED, true);
    }
    if (!(it->u.data.bits & ITER_GLOBAL)) {
        it->u.data.bits |= ITER_DONE;
        return hx_create_iter_result(realm, match, false);
    }
    hx_value ms = match_string(realm, match);
    if (hx_is_exception(ms)) return ms;
    if (hx_as_string(ms)->len == 0 && advance_after_empty(realm, r, s, it->u.data.bits & ITER_UNICODE) < 0)
        return HX_EXCEPTION;
    return hx_create_iter_result(realm, match, false);
}

/* ---- [Symbol.replace] (ES2025 22.2.6.11) ------------------------------------------ */

/* Steps 14.a-l for one result: the replacement string for it, and its
 * position and matched length. */
static hx_value replacement_for(hx_realm *realm, hx_value result, hx_value s, hx_value replace_value,
                                bool functional, uint32_t *position_out, uint32_t *match_len_out) {
    hx_runtime *rt = realm->rt;
    uint32_t length_s = hx_as_string(s)->len;
    int64_t result_length = hx_length_of(realm, result);
    if (result_length < 0) return HX_EXCEPTION;
    int64_t ncaptures = result_length - 1 > 0 ? result_length - 1 : 0;
    hx_value matched = match_string(realm, result);
    if (hx_is_exception(matched)) return matched;
    uint32_t match_length = hx_as_string(matched)->len;
    hx_value pv = hx_get(realm, result, HX_ATOM(rt, index));
    if (hx_is_exception(pv)) return pv;
    double position;
    if (hx_to_integer_or_infinity(realm, pv, &position) < 0) return HX_EXCEPTION;
    position = position < 0 ? 0 : position > length_s ? length_s : position;
    if ((uint64_t)ncaptures + 4 > HX_MAX_APPLY_ARGS)
        return hx_throw_range_error(realm, "Too many captures in RegExp result");
    /* the replacer arguments: matched, captures..., position, S, [groups] */
    size_t nargs = (size_t)ncaptures + 4;
    hx_value *args = hx_mem_alloc(rt, nargs * sizeof(hx_value));
    if (!args) return HX_EXCEPTION;
    hx_value out = HX_EXCEPTION;
    args[0] = matched;
    for (int64_t n = 1; n <= ncaptures; n++) {
        hx_value cap = hx_get(realm, result, hx_index_key((uint32_t)n));
        if (hx_is_exception(cap)) goto done;
        if (!hx_is_undefined(cap)) {
            cap = hx_to_string(realm, cap);
            if (hx_is_exception(cap)) goto done;
        }
        args[n] = cap;
    }
    hx_value named = hx_get(realm, result, HX_ATOM(rt, groups));
    if (hx_is_exception(named)) goto done;
    if (functional) {
        size_t argc = (size_t)ncaptures + 1;
        args[argc++] = hx_number(position);
        args[argc++] = s;
        if (!hx_is_undefined(named)) args[argc++] = named;
        hx_value rv = hx_call(realm, replace_value, HX_UNDEFINED, (int)argc, args);
        if (hx_is_exception(rv)) goto done;
        out = hx_to_string(realm, rv);
    } else {
        if (!hx_is_undefined(named)) {
            named = hx_to_object(realm, named);
            if (hx_is_exception(named)) goto done;
        }
        out = hx_get_substitution(realm, matched, s, (uint32_t)position, args + 1, (uint32_t)ncaptures, named,
                                  replace_value);
    }
    *position_out = (uint32_t)position;
    *match_len_out = match_length;
done:
    hx_mem_free(rt, args, nargs * sizeof(hx_value));
    return out;
}

NATIVE(regexp_symbol_replace) {
    hx_runtime *rt = realm->rt;
    hx_value rx = require_object(realm, this_value, "Symbol.replace");
    if (hx_is_exception(rx)) return rx;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value replace_value = HX_ARG(1);
    bool functional = hx_is_callable(replace_value);
    if (!functional) {
        replace_value = hx_to_string(realm, replace_value);
        if (hx_is_exception(replace_value)) return replace_value;
    }
    hx_value flags = flags_of(realm, rx);
    if (hx_is_exception(flags)) return flags;
    bool global = has_flag(realm, flags, 'g'), full_unicode = false;
    if (global) {
        full_unicode = has_flag(realm, flags, 'u') || has_flag(realm, flags, 'v');
        if (set_last_index(realm, rx, 0) < 0) return HX_EXCEPTION;
    }
    /* steps 9-11: collect the results */
    hx_value results = hx_array_new(realm, 0);
    if (hx_is_exception(results)) return results;
    for (;;) {
        size_t mark = hx_handles_save(rt);
        hx_value result = hx_regexp_obj_exec(realm, rx, s);
        if (hx_is_exception(result)) return result;
        if (hx_is_null(result)) break;
        if (hx_array_push(realm, hx_as_object(results), result) < 0) return HX_EXCEPTION;
        if (!global) break;
        hx_value ms = match_string(realm, result);
        if (hx_is_exception(ms)) return ms;
        if (hx_as_string(ms)->len == 0 && advance_after_empty(realm, rx, s, full_unicode) < 0) return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
    }
    /* steps 12-16 */
    hx_string *flat = hx_string_flat(rt, hx_as_string(s));
    if (!flat) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    uint32_t next_source_position = 0;
    hx_object *ro = hx_as_object(results);
    for (uint32_t i = 0; i < ro->elem_len; i++) {
        size_t mark = hx_handles_save(rt);
        uint32_t position = 0, match_length = 0;
        hx_value rep = replacement_for(realm, ro->elems[i], s, replace_value, functional, &position, &match_length);
        if (hx_is_exception(rep)) {
            hx_sb_free(&sb);
            return rep;
        }
        if (position >= next_source_position) {
            sb_add_range(&sb, flat, next_source_position, position);
            hx_sb_add_string(&sb, hx_as_string(rep));
            next_source_position = position + match_length;
        }
        hx_handles_restore(rt, mark);
    }
    if (next_source_position < flat->len) sb_add_range(&sb, flat, next_source_position, flat->len);
    return hx_sb_finish(&sb);
}

/* ---- [Symbol.search] (ES2025 22.2.6.12) -------------------------------------------- */

NATIVE(regexp_symbol_search) {
    hx_runtime *rt = realm->rt;
    hx_value rx = require_object(realm, this_value, "Symbol.search");
    if (hx_is_exception(rx)) return rx;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value previous = hx_get(realm, rx, HX_ATOM(rt, lastIndex));
    if (hx_is_exception(previous)) return previous;
    if (!hx_same_value(previous, hx_int(0)) && set_last_index(realm, rx, 0) < 0) return HX_EXCEPTION;
    hx_value result = hx_regexp_obj_exec(realm, rx, s);
    if (hx_is_exception(result)) return result;
    hx_value current = hx_get(realm, rx, HX_ATOM(rt, lastIndex));
    if (hx_is_exception(current)) return current;
    if (!hx_same_value(current, previous) && hx_set(realm, rx, HX_ATOM(rt, lastIndex), previous, true) < 0)
        return HX_EXCEPTION;
    if (hx_is_null(result)) return hx_int(-1);
    return hx_get(realm, result, HX_ATOM(rt, index));
}

/* ---- [Symbol.split] (ES2025 22.2.6.14) ---------------------------------------------- */

NATIVE(regexp_symbol_split) {
    hx_runtime *rt = realm->rt;
    hx_value rx = require_object(realm, this_value, "Symbol.split");
    if (hx_is_exception(rx)) return rx;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value c = hx_species_constructor(realm, hx_as_object(rx), HX_INTR(realm, RegExp));
    if (hx_is_exception(c)) return c;
    hx_value flags = flags_of(realm, rx);
    if (hx_is_exception(flags)) return flags;
    bool unicode_matching = has_flag(realm, flags, 'u') || has_flag(realm, flags, 'v');
    hx_value new_flags = flags;
    if (!has_flag(realm, flags, 'y')) {
        new_flags = hx_string_concat(rt, flags, hx_string_from_char(rt, 'y'));
        if (hx_is_exception(new_flags)) return new_flags;
    }
    hx_value args[2] = {rx, new_flags};
    hx_value splitter = hx_construct(realm, c, 2, args, c);
    if (hx_is_exception(splitter)) return splitter;
    hx_value av = hx_array_new(realm, 0);
    if (hx_is_exception(av)) return av;
    hx_object *a = hx_as_object(av);
    uint32_t lim = UINT32_MAX;
    if (!hx_is_undefined(HX_ARG(1)) && hx_to_uint32(realm, HX_ARG(1), &lim) < 0) return HX_EXCEPTION;
    if (lim == 0) return av;
    hx_string *flat = hx_string_flat(rt, hx_as_string(s));
    if (!flat) return HX_EXCEPTION;
    uint32_t size = flat->len;
    if (size == 0) {
        hx_value z = hx_regexp_obj_exec(realm, splitter, s);
        if (hx_is_exception(z)) return z;
        if (!hx_is_null(z)) return av;
        if (hx_create_data_property_or_throw(realm, a, hx_index_key(0), s) < 0) return HX_EXCEPTION;
        return av;
    }
    uint32_t p = 0, length_a = 0;
    double q = p;
    while (q < size) {
        size_t mark = hx_handles_save(rt);
        if (set_last_index(realm, splitter, q) < 0) return HX_EXCEPTION;
        hx_value z = hx_regexp_obj_exec(realm, splitter, s);
        if (hx_is_exception(z)) return z;
        if (hx_is_null(z)) {
            q = hx_regexp_obj_advance(flat, q, unicode_matching);
            hx_handles_restore(rt, mark);
            continue;
        }
        hx_value liv = hx_get(realm, splitter, HX_ATOM(rt, lastIndex));
        if (hx_is_exception(liv)) return liv;
        int64_t e;
        if (hx_to_length(realm, liv, &e) < 0) return HX_EXCEPTION;
        if (e > size) e = size;
        if ((uint32_t)e == p) {
            q = hx_regexp_obj_advance(flat, q, unicode_matching);
            hx_handles_restore(rt, mark);
            continue;
        }
        hx_value t = p < (uint32_t)q ? hx_string_substring(rt, flat, p, (uint32_t)q) : HX_ATOM(rt, empty);
        if (hx_is_exception(t) || hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), t) < 0)
            return HX_EXCEPTION;
        if (++length_a == lim) return av;
        p = (uint32_t)e;
        int64_t ncaps = hx_length_of(realm, z);
        if (ncaps < 0) return HX_EXCEPTION;
        ncaps = ncaps - 1 > 0 ? ncaps - 1 : 0;
        for (int64_t i = 1; i <= ncaps; i++) {
            hx_value cap = hx_get(realm, z, hx_index_key((uint32_t)i));
            if (hx_is_exception(cap) ||
                hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), cap) < 0)
                return HX_EXCEPTION;
            if (++length_a == lim) return av;
        }
        q = p;
        hx_handles_restore(rt, mark);
    }
    hx_value t = p < size ? hx_string_substring(rt, flat, p, size) : HX_ATOM(rt, empty);
    if (hx_is_exception(t) || hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), t) < 0)
        return HX_EXCEPTION;
    return av;
}

/* ---- installation ---------------------------------------------------------------- */

static const hx_builtin regexp_symbol_table[] = {
    HX_SYM_FUNC("match", regexp_symbol_match, 1),
    HX_SYM_FUNC("matchAll", regexp_symbol_match_all, 1),
    HX_SYM_FUNC("replace", regexp_symbol_replace, 2),
    HX_SYM_FUNC("search", regexp_symbol_search, 1),
    HX_SYM_FUNC("split", regexp_symbol_split, 2),
};

static const hx_builtin rsi_proto_table[] = {
    HX_FUNC("next", rsi_next, 0),
    HX_SYM_VALUE_S("toStringTag", "RegExp String Iterator", HX_PROP_CONFIGURABLE),
};

int hx_regexp_obj_install_methods(hx_realm *realm, hx_object *proto) {
    if (HX_INSTALL(realm, proto, regexp_symbol_table) < 0) return -1;
    hx_object *rsi = hx_object_new(realm, HX_INTR_OBJ(realm, IteratorPrototype), HX_CLASS_OBJECT);
    if (!rsi) return -1;
    HX_INTR(realm, RegExpStringIteratorPrototype) = hx_object_value(rsi);
    return HX_INSTALL(realm, rsi, rsi_proto_table);
}
