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
    hx_string *flat = hx_string_flat(rt, hx_as_string(s));
    hx_value av = flat ? hx_array_new(realm, 0) : HX_EXCEPTION;
    if (hx_is_exception(av)) return av;
    hx_regexp_raw raw = {0};
    hx_value out = HX_EXCEPTION;
    for (uint32_t n = 0;; n++) {
        size_t mark = hx_handles_save(rt);
        hx_value result = hx_regexp_obj_exec_raw(realm, rx, s, &raw);
        if (hx_is_exception(result)) goto done;
        if (hx_is_null(result)) {
            out = n == 0 ? HX_NULL : av;
            goto done;
        }
        /* a raw match's "0" is the matched substring */
        hx_value ms = result == HX_TRUE ? hx_string_substring(rt, flat, (uint32_t)raw.index, (uint32_t)raw.caps[1])
                                        : match_string(realm, result);
        if (hx_is_exception(ms)) goto done;
        if (hx_create_data_property_or_throw(realm, hx_as_object(av), hx_index_key(n), ms) < 0) goto done;
        if (hx_as_string(ms)->len == 0 && advance_after_empty(realm, rx, s, full_unicode) < 0) goto done;
        hx_handles_restore(rt, mark);
    }
done:
    hx_regexp_raw_free(rt, &raw);
    return out;
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

/* One result of the collection loop (steps 9-11): a result object from a
 * user exec (obj), or a raw builtin match stored as ncaps, index, then the
 * 2 * ncaps positions at rec[off ...]. */
typedef struct replace_rec {
    int *ints;
    size_t len, cap;
} replace_rec;

static int64_t rec_push_raw(hx_runtime *rt, replace_rec *rec, const hx_regexp_raw *raw) {
    size_t need = rec->len + 2 + 2 * (size_t)raw->ncaps;
    if (need > rec->cap) {
        size_t ncap = rec->cap ? rec->cap * 2 : 64;
        while (ncap < need) ncap *= 2;
        int *p = hx_mem_realloc(rt, rec->ints, rec->cap * sizeof(int), ncap * sizeof(int));
        if (!p) return -1;
        rec->ints = p;
        rec->cap = ncap;
    }
    int64_t off = (int64_t)rec->len;
    rec->ints[rec->len++] = raw->ncaps;
    rec->ints[rec->len++] = raw->index;
    memcpy(rec->ints + rec->len, raw->caps, 2 * (size_t)raw->ncaps * sizeof(int));
    rec->len += 2 * (size_t)raw->ncaps;
    return off;
}

/* Steps 14.k-l: the replacement for one match, from matched, captures
 * (args[1 .. ncaptures]), position and namedCaptures.  args has room for
 * ncaptures + 4 values and args[0] is matched. */
static hx_value replacement(hx_realm *realm, hx_value *args, uint32_t ncaptures, double position, hx_value s,
                            hx_value named, hx_value replace_value, bool functional) {
    if (functional) {
        size_t argc = (size_t)ncaptures + 1;
        args[argc++] = hx_number(position);
        args[argc++] = s;
        if (!hx_is_undefined(named)) args[argc++] = named;
        hx_value rv = hx_call(realm, replace_value, HX_UNDEFINED, (int)argc, args);
        if (hx_is_exception(rv)) return rv;
        return hx_to_string(realm, rv);
    }
    if (!hx_is_undefined(named)) {
        named = hx_to_object(realm, named);
        if (hx_is_exception(named)) return named;
    }
    return hx_get_substitution(realm, args[0], s, (uint32_t)position, args + 1, ncaptures, named, replace_value);
}

/* Steps 14.a-l for a result object. */
static hx_value replacement_for_object(hx_realm *realm, hx_value result, hx_value s, hx_value replace_value,
                                       bool functional, uint32_t *position_out, uint32_t *match_len_out) {
    hx_runtime *rt = realm->rt;
    uint32_t length_s = hx_as_string(s)->len;
    int64_t result_length = hx_length_of(realm, result);
    if (result_length < 0) return HX_EXCEPTION;
    int64_t ncaptures = result_length - 1 > 0 ? result_length - 1 : 0;
    hx_value matched = match_string(realm, result);
    if (hx_is_exception(matched)) return matched;
    hx_value pv = hx_get(realm, result, HX_ATOM(rt, index));
    if (hx_is_exception(pv)) return pv;
    double position;
    if (hx_to_integer_or_infinity(realm, pv, &position) < 0) return HX_EXCEPTION;
    position = position < 0 ? 0 : position > length_s ? length_s : position;
    if ((uint64_t)ncaptures + 4 > HX_MAX_APPLY_ARGS)
        return hx_throw_range_error(realm, "Too many captures in RegExp result");
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
    out = replacement(realm, args, (uint32_t)ncaptures, position, s, named, replace_value, functional);
    *position_out = (uint32_t)position;
    *match_len_out = hx_as_string(matched)->len;
done:
    hx_mem_free(rt, args, nargs * sizeof(hx_value));
    return out;
}

/* Steps 14.a-l for a raw builtin match (rec as replace_rec describes). */
static hx_value replacement_for_raw(hx_realm *realm, const int *rec, hx_value groups, hx_value s, hx_string *flat,
                                    hx_value replace_value, bool functional, uint32_t *position_out,
                                    uint32_t *match_len_out) {
    hx_runtime *rt = realm->rt;
    int ncaps = rec[0], index = rec[1];
    const int *caps = rec + 2;
    size_t nargs = (size_t)ncaps + 3;
    hx_value *args = hx_mem_alloc(rt, nargs * sizeof(hx_value));
    if (!args) return HX_EXCEPTION;
    hx_value out = HX_EXCEPTION;
    for (int i = 0; i < ncaps; i++) {
        int from = i == 0 ? index : caps[2 * i];
        args[i] = caps[2 * i] < 0 ? HX_UNDEFINED
                  : from >= caps[2 * i + 1] ? HX_ATOM(rt, empty)
                                            : hx_string_substring(rt, flat, (uint32_t)from, (uint32_t)caps[2 * i + 1]);
        if (hx_is_exception(args[i])) goto done;
    }
    out = replacement(realm, args, (uint32_t)ncaps - 1, index, s, groups, replace_value, functional);
    *position_out = (uint32_t)index;
    *match_len_out = hx_as_string(args[0])->len;
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
    hx_string *flat = hx_string_flat(rt, hx_as_string(s));
    if (!flat) return HX_EXCEPTION;
    /* steps 9-11: collect the results; results[i] is the result object, or
     * for a raw match its groups value with offsets[i] >= 0 into rec */
    hx_value results = hx_array_new(realm, 0);
    if (hx_is_exception(results)) return results;
    hx_object *ro = hx_as_object(results);
    hx_regexp_raw raw = {0};
    replace_rec rec = {0};
    int64_t *offsets = NULL;
    size_t offsets_cap = 0;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_value out = HX_EXCEPTION;
    for (;;) {
        size_t mark = hx_handles_save(rt);
        hx_value result = hx_regexp_obj_exec_raw(realm, rx, s, &raw);
        if (hx_is_exception(result)) goto done;
        if (hx_is_null(result)) break;
        uint32_t n = ro->u.array.length;
        if (n >= offsets_cap) {
            size_t ncap = offsets_cap ? offsets_cap * 2 : 16;
            int64_t *p = hx_mem_realloc(rt, offsets, offsets_cap * sizeof(int64_t), ncap * sizeof(int64_t));
            if (!p) goto done;
            offsets = p;
            offsets_cap = ncap;
        }
        offsets[n] = result == HX_TRUE ? rec_push_raw(rt, &rec, &raw) : -1;
        if (result == HX_TRUE && offsets[n] < 0) goto done;
        if (hx_array_push(realm, ro, result == HX_TRUE ? raw.groups : result) < 0) goto done;
        if (!global) break;
        hx_value ms;
        if (result == HX_TRUE) ms = raw.caps[1] > raw.index ? HX_TRUE : HX_FALSE; /* non-empty? */
        else {
            ms = match_string(realm, result);
            if (hx_is_exception(ms)) goto done;
            ms = hx_bool(hx_as_string(ms)->len != 0);
        }
        if (ms == HX_FALSE && advance_after_empty(realm, rx, s, full_unicode) < 0) goto done;
        hx_handles_restore(rt, mark);
    }
    /* steps 12-16 */
    uint32_t next_source_position = 0;
    for (uint32_t i = 0; i < ro->u.array.length; i++) {
        size_t mark = hx_handles_save(rt);
        uint32_t position = 0, match_length = 0;
        hx_value rep = offsets[i] >= 0 ? replacement_for_raw(realm, rec.ints + offsets[i], ro->elems[i], s, flat,
                                                             replace_value, functional, &position, &match_length)
                                       : replacement_for_object(realm, ro->elems[i], s, replace_value, functional,
                                                                &position, &match_length);
        if (hx_is_exception(rep)) goto done;
        if (position >= next_source_position) {
            sb_add_range(&sb, flat, next_source_position, position);
            if (hx_as_string(rep)->len) hx_sb_add_string(&sb, hx_as_string(rep));
            next_source_position = position + match_length;
        }
        hx_handles_restore(rt, mark);
    }
    if (next_source_position < flat->len) sb_add_range(&sb, flat, next_source_position, flat->len);
    out = hx_sb_finish(&sb);
done:
    if (hx_is_exception(out)) hx_sb_free(&sb);
    hx_regexp_raw_free(rt, &raw);
    hx_mem_free(rt, rec.ints, rec.cap * sizeof(int));
    hx_mem_free(rt, offsets, offsets_cap * sizeof(int64_t));
    return out;
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
    hx_regexp_raw raw = {0};
    while (q < size) {
        size_t mark = hx_handles_save(rt);
        if (set_last_index(realm, splitter, q) < 0) goto fail;
        hx_value z = hx_regexp_obj_exec_raw(realm, splitter, s, &raw);
        if (hx_is_exception(z)) goto fail;
        if (hx_is_null(z)) {
            q = hx_regexp_obj_advance(flat, q, unicode_matching);
            hx_handles_restore(rt, mark);
            continue;
        }
        hx_value liv = hx_get(realm, splitter, HX_ATOM(rt, lastIndex));
        if (hx_is_exception(liv)) goto fail;
        int64_t e;
        if (hx_to_length(realm, liv, &e) < 0) goto fail;
        if (e > size) e = size;
        if ((uint32_t)e == p) {
            q = hx_regexp_obj_advance(flat, q, unicode_matching);
            hx_handles_restore(rt, mark);
            continue;
        }
        hx_value t = p < (uint32_t)q ? hx_string_substring(rt, flat, p, (uint32_t)q) : HX_ATOM(rt, empty);
        if (hx_is_exception(t) || hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), t) < 0)
            goto fail;
        if (++length_a == lim) goto out;
        p = (uint32_t)e;
        int64_t ncaps = z == HX_TRUE ? raw.ncaps : hx_length_of(realm, z);
        if (ncaps < 0) goto fail;
        ncaps = ncaps - 1 > 0 ? ncaps - 1 : 0;
        for (int64_t i = 1; i <= ncaps; i++) {
            hx_value cap;
            if (z != HX_TRUE)
                cap = hx_get(realm, z, hx_index_key((uint32_t)i));
            else if (raw.caps[2 * i] < 0)
                cap = HX_UNDEFINED;
            else if (raw.caps[2 * i] == raw.caps[2 * i + 1])
                cap = HX_ATOM(rt, empty);
            else
                cap = hx_string_substring(rt, flat, (uint32_t)raw.caps[2 * i], (uint32_t)raw.caps[2 * i + 1]);
            if (hx_is_exception(cap) ||
                hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), cap) < 0)
                goto fail;
            if (++length_a == lim) goto out;
        }
        q = p;
        hx_handles_restore(rt, mark);
    }
    {
        hx_value t = p < size ? hx_string_substring(rt, flat, p, size) : HX_ATOM(rt, empty);
        if (hx_is_exception(t) || hx_create_data_property_or_throw(realm, a, hx_index_key(length_a), t) < 0)
            goto fail;
    }
out:
    hx_regexp_raw_free(rt, &raw);
    return av;
fail:
    hx_regexp_raw_free(rt, &raw);
    return HX_EXCEPTION;
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
