/*
 * string.c — the String constructor, String exotic objects (ES2025 10.4.3),
 * String.fromCharCode / fromCodePoint / raw, %StringIteratorPrototype%, and
 * the String.prototype methods that read characters by position (at,
 * charAt, slice, substring, ...), plus the Annex B HTML methods and substr.
 * The searching / replacing / case-mapping methods are in string_methods.c.
 *
 * A String wrapper object is HX_CLASS_STRING with the primitive string in
 * u.primitive.value and an ordinary non-writable "length" own property; its
 * character properties are not stored but synthesised by the exotic hooks
 * below.  A %StringIterator% is HX_CLASS_STRING_ITERATOR with the string in
 * u.data.slots[0] (undefined once exhausted) and the next position in
 * u.data.slots[1].
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "builtins/init.h"
#include "builtins/string_int.h"

hx_value hx_string_this(hx_realm *realm, hx_value this_value, const char *method) {
    if (hx_is_string(this_value)) return this_value;
    if (hx_is_nullish(this_value))
        return hx_throw_type_error(realm, "String.prototype.%s called on null or undefined", method);
    return hx_to_string(realm, this_value);
}

uint32_t hx_string_code_point_at(hx_string *s, uint32_t i, uint32_t *units) {
    uint16_t c = hx_string_char_at(s, i);
    *units = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->len) {
        uint16_t d = hx_string_char_at(s, i + 1);
        if (d >= 0xDC00 && d <= 0xDFFF) {
            *units = 2;
            return 0x10000 + ((uint32_t)(c - 0xD800) << 10) + (d - 0xDC00);
        }
    }
    return c;
}

/* ---- String exotic objects (ES2025 10.4.3) ---------------------------------- */

static hx_string *wrapped(hx_object *o) { return hx_as_string(o->u.primitive.value); }

/* ES2025 10.4.3.5 StringGetOwnProperty; 1 found, 0 not, -1 OOM. */
static int string_get_own_index(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    if (!hx_key_is_index(key) || !hx_is_string(o->u.primitive.value)) return 0;
    uint32_t i = hx_key_index(key);
    hx_string *s = wrapped(o);
    if (i >= s->len) return 0;
    hx_string *f = hx_string_flat(realm->rt, s);
    if (!f) return -1;
    hx_value ch = hx_string_from_char(realm->rt, hx_string_char_at(f, i));
    if (hx_is_exception(ch)) return -1;
    d->value = ch;
    d->getter = d->setter = HX_UNDEFINED;
    d->flags = HX_PROP_ENUMERABLE;
    d->has = HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE;
    return 1;
}

/* ES2025 10.4.3.1 [[GetOwnProperty]] */
static int string_get_own_property(hx_realm *realm, hx_object *o, hx_key key, hx_desc *d) {
    int r = hx_ordinary_get_own_property(realm, o, key, d);
    if (r) return r;
    return string_get_own_index(realm, o, key, d);
}

/* ES2025 10.4.3.2 [[DefineOwnProperty]] */
static int string_define_own_property(hx_realm *realm, hx_object *o, hx_key key, const hx_desc *desc,
                                      bool throw_on_fail) {
    hx_desc cur;
    int r = string_get_own_index(realm, o, key, &cur);
    if (r < 0) return -1;
    if (r) /* IsCompatiblePropertyDescriptor: validate without applying */
        return hx_validate_and_apply(realm, NULL, key, (o->hdr.flags & HX_OBJ_EXTENSIBLE) != 0, desc, &cur,
                                     true, throw_on_fail);
    return hx_ordinary_define_own_property(realm, o, key, desc, throw_on_fail);
}

static int string_delete(hx_realm *realm, hx_object *o, hx_key key, bool throw_on_fail) {
    if (hx_key_is_index(key) && hx_is_string(o->u.primitive.value) && hx_key_index(key) < wrapped(o)->len) {
        if (throw_on_fail) hx_throw_type_error(realm, "Cannot delete property '%u' of [object String]", hx_key_index(key));
        return throw_on_fail ? -1 : 0;
    }
    return hx_ordinary_delete(realm, o, key, throw_on_fail);
}

/* ES2025 10.4.3.3 [[OwnPropertyKeys]]: the character indices, then the
 * ordinary keys (whose integer keys are all >= length). */
static int string_own_keys(hx_realm *realm, hx_object *o, hx_object *keys, int filter) {
    if ((filter & HX_KEYS_STRINGS) && hx_is_string(o->u.primitive.value)) {
        uint32_t len = wrapped(o)->len;
        for (uint32_t i = 0; i < len; i++) {
            hx_value k = hx_key_to_value(realm->rt, hx_index_key(i));
            if (hx_is_exception(k) || hx_array_push(realm, keys, k) < 0) return -1;
        }
    }
    return hx_ordinary_own_keys(realm, o, keys, filter);
}

static void string_trace(hx_runtime *rt, hx_object *o) { hx_gc_mark_value(rt, o->u.primitive.value); }

const hx_exotic hx_string_exotic = {
    .get_own_property = string_get_own_property,
    .define_own_property = string_define_own_property,
    .delete_property = string_delete,
    .own_keys = string_own_keys,
    .trace = string_trace,
};

/* ES2025 10.4.3.4 StringCreate */
static hx_value string_create(hx_realm *realm, hx_value s, hx_object *proto) {
    hx_object *o = hx_object_new(realm, proto, HX_CLASS_STRING);
    if (!o) return HX_EXCEPTION;
    o->u.primitive.value = s;
    if (hx_define_value(realm, o, HX_ATOM(realm->rt, length), hx_int((int32_t)hx_as_string(s)->len), 0) < 0)
        return HX_EXCEPTION;
    return hx_object_value(o);
}

/* ---- constructor and static methods ----------------------------------------- */

/* ES2025 22.1.1.1 String(value) */
static hx_value string_ctor(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_value s = HX_ATOM(realm->rt, empty);
    if (argc > 0) {
        if (hx_is_undefined(new_target) && hx_is_symbol(argv[0]))
            return hx_symbol_descriptive_string(realm->rt, argv[0]); /* step 2.a */
        s = hx_to_string(realm, argv[0]);
        if (hx_is_exception(s)) return s;
    }
    if (hx_is_undefined(new_target)) return s;
    hx_value proto = hx_get_prototype_from_constructor(realm, new_target, HX_INTR_StringPrototype);
    if (hx_is_exception(proto)) return proto;
    return string_create(realm, s, hx_as_object(proto));
}

/* ES2025 22.1.2.1 String.fromCharCode(...codeUnits) */
static hx_value string_from_char_code(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                      hx_value new_target, int magic) {
    if (argc == 1 && hx_is_int(argv[0])) return hx_string_from_char(realm->rt, (uint16_t)hx_get_int(argv[0]));
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (int i = 0; i < argc; i++) {
        uint32_t u;
        if (hx_to_uint32(realm, argv[i], &u) < 0) {
            hx_sb_free(&sb);
            return HX_EXCEPTION;
        }
        hx_sb_add_unit(&sb, (uint16_t)u);
    }
    return hx_sb_finish(&sb);
}

/* ES2025 22.1.2.2 String.fromCodePoint(...codePoints) */
static hx_value string_from_code_point(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                       hx_value new_target, int magic) {
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (int i = 0; i < argc; i++) {
        double d;
        if (hx_to_number(realm, argv[i], &d) < 0) {
            hx_sb_free(&sb);
            return HX_EXCEPTION;
        }
        if (d != trunc(d) || d < 0 || d > 0x10FFFF) { /* steps 2.c-d (NaN fails d == trunc(d)) */
            hx_sb_free(&sb);
            return hx_throw_range_error(realm, "Invalid code point %g", d);
        }
        hx_sb_add_char(&sb, (uint32_t)d);
    }
    return hx_sb_finish(&sb);
}

/* A property key for index i of an array-like (any integer below 2^53). */
static hx_key index_key(hx_realm *realm, uint64_t i) {
    if (i < 0xFFFFFFFFull) return hx_index_key((uint32_t)i);
    hx_value s = hx_number_to_string_value(realm->rt, (double)i);
    if (hx_is_exception(s)) return s;
    return hx_key_from_string(realm->rt, s);
}

/* ES2025 22.1.2.4 String.raw(template, ...substitutions) */
static hx_value string_raw(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    int subs = argc > 1 ? argc - 1 : 0; /* step 1 */
    hx_value cooked = hx_to_object(realm, HX_ARG(0)); /* step 2 */
    if (hx_is_exception(cooked)) return cooked;
    hx_value raw = hx_get(realm, cooked, HX_ATOM(rt, raw));
    if (hx_is_exception(raw)) return raw;
    hx_value literals = hx_to_object(realm, raw); /* step 3 */
    if (hx_is_exception(literals)) return literals;
    int64_t count = hx_length_of(realm, literals); /* step 4 */
    if (count < 0) return HX_EXCEPTION;
    if (count == 0) return HX_ATOM(rt, empty); /* step 5 */
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (int64_t i = 0;; i++) { /* step 8 */
        size_t mark = hx_handles_save(rt);
        hx_key k = index_key(realm, (uint64_t)i);
        hx_value lit = hx_is_exception(k) ? k : hx_get(realm, literals, k);
        if (!hx_is_exception(lit)) lit = hx_to_string(realm, lit);
        if (hx_is_exception(lit)) goto fail;
        hx_sb_add_string(&sb, hx_as_string(lit));
        if (i + 1 == count) break;
        if (i < subs) {
            hx_value sub = hx_to_string(realm, argv[i + 1]);
            if (hx_is_exception(sub)) goto fail;
            hx_sb_add_string(&sb, hx_as_string(sub));
        }
        hx_handles_restore(rt, mark);
        if (sb.failed) break;
    }
    return hx_sb_finish(&sb);
fail:
    hx_sb_free(&sb);
    return HX_EXCEPTION;
}

/* ---- character access ------------------------------------------------------ */

#define THIS_FLAT(method)                                                      \
    hx_value sv = hx_string_this(realm, this_value, method);                   \
    if (hx_is_exception(sv)) return sv;                                        \
    hx_string *s = hx_string_flat_value(realm, sv);                            \
    if (!s) return HX_EXCEPTION

/* ES2025 22.1.3.1 String.prototype.at */
static hx_value string_at(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                          hx_value new_target, int magic) {
    THIS_FLAT("at");
    double rel;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &rel) < 0) return HX_EXCEPTION;
    s = hx_string_flat_value(realm, sv);
    double k = rel >= 0 ? rel : s->len + rel;
    if (k < 0 || k >= s->len) return HX_UNDEFINED;
    return hx_string_from_char(realm->rt, hx_string_char_at(s, (uint32_t)k));
}

/* ES2025 22.1.3.2-4 charAt (magic 0), charCodeAt (1), codePointAt (2) */
static hx_value string_char_at(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                               hx_value new_target, int magic) {
    static const char *const names[] = {"charAt", "charCodeAt", "codePointAt"};
    THIS_FLAT(names[magic]);
    double pos;
    if (hx_is_int(HX_ARG(0))) pos = hx_get_int(argv[0]);
    else if (hx_to_integer_or_infinity(realm, HX_ARG(0), &pos) < 0) return HX_EXCEPTION;
    s = hx_string_flat_value(realm, sv);
    if (pos < 0 || pos >= s->len)
        return magic == 0 ? HX_ATOM(realm->rt, empty) : magic == 1 ? hx_double(NAN) : HX_UNDEFINED;
    uint32_t i = (uint32_t)pos, units;
    if (magic == 0) return hx_string_from_char(realm->rt, hx_string_char_at(s, i));
    if (magic == 1) return hx_int(hx_string_char_at(s, i));
    return hx_int((int32_t)hx_string_code_point_at(s, i, &units));
}

/* ES2025 22.1.3.5 String.prototype.concat */
static hx_value string_concat(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                              hx_value new_target, int magic) {
    hx_value r = hx_string_this(realm, this_value, "concat");
    for (int i = 0; i < argc && !hx_is_exception(r); i++) {
        hx_value next = hx_to_string(realm, argv[i]);
        if (hx_is_exception(next)) return next;
        r = hx_string_concat(realm->rt, r, next);
    }
    return r;
}

/* Clamps a relative index (negative counts from the end) into [0, len]. */
static uint32_t relative_index(double rel, uint32_t len) {
    if (rel < 0) return rel + len < 0 ? 0 : (uint32_t)(rel + len);
    return rel > len ? len : (uint32_t)rel;
}

/* ES2025 22.1.3.23 String.prototype.slice */
static hx_value string_slice(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                             hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "slice");
    if (hx_is_exception(sv)) return sv;
    uint32_t len = hx_as_string(sv)->len;
    double a, b = len;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &a) < 0) return HX_EXCEPTION;
    if (!hx_is_undefined(HX_ARG(1)) && hx_to_integer_or_infinity(realm, argv[1], &b) < 0) return HX_EXCEPTION;
    uint32_t from = relative_index(a, len), to = relative_index(b, len);
    if (from >= to) return HX_ATOM(realm->rt, empty);
    return hx_string_substring(realm->rt, hx_as_string(sv), from, to);
}

/* ES2025 22.1.3.25 String.prototype.substring */
static hx_value string_substring(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "substring");
    if (hx_is_exception(sv)) return sv;
    uint32_t len = hx_as_string(sv)->len;
    double a, b = len;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &a) < 0) return HX_EXCEPTION;
    if (!hx_is_undefined(HX_ARG(1)) && hx_to_integer_or_infinity(realm, argv[1], &b) < 0) return HX_EXCEPTION;
    uint32_t fa = a < 0 ? 0 : a > len ? len : (uint32_t)a;
    uint32_t fb = b < 0 ? 0 : b > len ? len : (uint32_t)b;
    uint32_t from = fa < fb ? fa : fb, to = fa < fb ? fb : fa;
    return hx_string_substring(realm->rt, hx_as_string(sv), from, to);
}

/* ES2025 B.2.2.1 String.prototype.substr */
static hx_value string_substr(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                              hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "substr");
    if (hx_is_exception(sv)) return sv;
    uint32_t size = hx_as_string(sv)->len;
    double start, length = size;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &start) < 0) return HX_EXCEPTION;
    uint32_t from = relative_index(start, size);
    if (!hx_is_undefined(HX_ARG(1)) && hx_to_integer_or_infinity(realm, argv[1], &length) < 0)
        return HX_EXCEPTION;
    double l = length < 0 ? 0 : length > size ? size : length;
    double end = from + l > size ? size : from + l;
    if (from >= end) return HX_ATOM(realm->rt, empty);
    return hx_string_substring(realm->rt, hx_as_string(sv), from, (uint32_t)end);
}

/* ES2025 22.1.3.35.1 ThisStringValue: toString and valueOf */
static hx_value string_value_of(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    if (hx_is_string(this_value)) return this_value;
    if (hx_is_object(this_value) && hx_class_of(hx_as_object(this_value)) == HX_CLASS_STRING)
        return hx_as_object(this_value)->u.primitive.value;
    return hx_throw_type_error(realm, "String.prototype.%s requires that 'this' be a String",
                               magic ? "valueOf" : "toString");
}

/* ES2025 22.1.3.10 isWellFormed (magic 0) and 22.1.3.31 toWellFormed (magic 1) */
static hx_value string_well_formed(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                   hx_value new_target, int magic) {
    THIS_FLAT(magic ? "toWellFormed" : "isWellFormed");
    bool lone = false;
    if (hx_str_is_wide(s))
        for (uint32_t i = 0; i < s->len && !lone; i++) {
            uint32_t units, c = hx_string_code_point_at(s, i, &units);
            if (c >= 0xD800 && c <= 0xDFFF) lone = true;
            i += units - 1;
        }
    if (!magic) return hx_bool(!lone);
    if (!lone) return hx_string_value(s);
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (uint32_t i = 0; i < s->len;) {
        uint32_t units, c = hx_string_code_point_at(s, i, &units);
        hx_sb_add_char(&sb, c >= 0xD800 && c <= 0xDFFF ? 0xFFFD : c);
        i += units;
    }
    return hx_sb_finish(&sb);
}

/* ---- Annex B HTML methods (ES2025 B.2.2.2-14) -------------------------------- */

static const struct {
    const char *name, *tag, *attr;
} html_methods[] = {
    {"anchor", "a", "name"}, {"big", "big", NULL},       {"blink", "blink", NULL},
    {"bold", "b", NULL},     {"fixed", "tt", NULL},      {"fontcolor", "font", "color"},
    {"fontsize", "font", "size"}, {"italics", "i", NULL}, {"link", "a", "href"},
    {"small", "small", NULL}, {"strike", "strike", NULL}, {"sub", "sub", NULL},
    {"sup", "sup", NULL},
};

/* ES2025 B.2.2.2.1 CreateHTML(string, tag, attribute, value) */
static hx_value string_html(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, html_methods[magic].name);
    if (hx_is_exception(sv)) return sv;
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    hx_sb_add_cstr(&sb, "<");
    hx_sb_add_cstr(&sb, html_methods[magic].tag);
    if (html_methods[magic].attr) {
        hx_value v = hx_to_string(realm, HX_ARG(0));
        if (hx_is_exception(v)) {
            hx_sb_free(&sb);
            return v;
        }
        hx_string *f = hx_string_flat_value(realm, v);
        if (!f) {
            hx_sb_free(&sb);
            return HX_EXCEPTION;
        }
        hx_sb_add_cstr(&sb, " ");
        hx_sb_add_cstr(&sb, html_methods[magic].attr);
        hx_sb_add_cstr(&sb, "=\"");
        for (uint32_t i = 0; i < f->len; i++) {
            uint16_t c = hx_string_char_at(f, i);
            if (c == '"') hx_sb_add_cstr(&sb, "&quot;");
            else hx_sb_add_unit(&sb, c);
        }
        hx_sb_add_cstr(&sb, "\"");
    }
    hx_sb_add_cstr(&sb, ">");
    hx_sb_add_string(&sb, hx_as_string(sv));
    hx_sb_add_cstr(&sb, "</");
    hx_sb_add_cstr(&sb, html_methods[magic].tag);
    hx_sb_add_cstr(&sb, ">");
    return hx_sb_finish(&sb);
}

/* ---- %StringIteratorPrototype% (ES2025 22.1.5) ------------------------------- */

/* ES2025 22.1.3.36 String.prototype[Symbol.iterator] */
static hx_value string_iterator(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "[Symbol.iterator]");
    if (hx_is_exception(sv)) return sv;
    hx_object *it = hx_object_new(realm, HX_INTR_OBJ(realm, StringIteratorPrototype), HX_CLASS_STRING_ITERATOR);
    if (!it) return HX_EXCEPTION;
    it->u.data.slots[0] = sv;
    it->u.data.slots[1] = hx_int(0);
    it->u.data.slots[2] = it->u.data.slots[3] = HX_UNDEFINED;
    return hx_object_value(it);
}

/* ES2025 22.1.5.1.1 %StringIteratorPrototype%.next */
static hx_value string_iterator_next(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                     hx_value new_target, int magic) {
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != HX_CLASS_STRING_ITERATOR)
        return hx_throw_type_error(realm, "%%StringIteratorPrototype%%.next requires a String Iterator");
    hx_object *it = hx_as_object(this_value);
    if (!hx_is_string(it->u.data.slots[0])) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    hx_string *s = hx_string_flat_value(realm, it->u.data.slots[0]);
    if (!s) return HX_EXCEPTION;
    uint32_t pos = (uint32_t)hx_get_int(it->u.data.slots[1]);
    if (pos >= s->len) {
        it->u.data.slots[0] = HX_UNDEFINED;
        return hx_create_iter_result(realm, HX_UNDEFINED, true);
    }
    uint32_t units;
    hx_string_code_point_at(s, pos, &units);
    hx_value ch = units == 1 ? hx_string_from_char(realm->rt, hx_string_char_at(s, pos))
                             : hx_string_substring(realm->rt, s, pos, pos + 2);
    if (hx_is_exception(ch)) return ch;
    it->u.data.slots[1] = hx_int((int32_t)(pos + units));
    return hx_create_iter_result(realm, ch, false);
}

/* ---- initialisation ------------------------------------------------------- */

static const hx_builtin string_table[] = {
    HX_FUNC("fromCharCode", string_from_char_code, 1),
    HX_FUNC("fromCodePoint", string_from_code_point, 1),
    HX_FUNC("raw", string_raw, 1),
};

static const hx_builtin string_proto_table[] = {
    HX_FUNC("at", string_at, 1),
    HX_FUNC_MAGIC("charAt", string_char_at, 1, 0),
    HX_FUNC_MAGIC("charCodeAt", string_char_at, 1, 1),
    HX_FUNC_MAGIC("codePointAt", string_char_at, 1, 2),
    HX_FUNC("concat", string_concat, 1),
    HX_FUNC_MAGIC("isWellFormed", string_well_formed, 0, 0),
    HX_FUNC("slice", string_slice, 2),
    HX_FUNC("substring", string_substring, 2),
    HX_FUNC("substr", string_substr, 2),
    HX_FUNC_MAGIC("toString", string_value_of, 0, 0),
    HX_FUNC_MAGIC("toWellFormed", string_well_formed, 0, 1),
    HX_FUNC_MAGIC("valueOf", string_value_of, 0, 1),
    HX_SYM_FUNC("iterator", string_iterator, 0),
};

static const hx_builtin string_iterator_table[] = {
    HX_FUNC("next", string_iterator_next, 0),
    HX_SYM_VALUE_S("toStringTag", "String Iterator", HX_PROP_CONFIGURABLE),
};

/* ES2025 22.1 String Objects */
int hx_init_string(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    /* %String.prototype% is itself a String exotic object whose value is "" */
    hx_value empty = HX_ATOM(rt, empty);
    hx_value pv = string_create(realm, empty, HX_INTR_OBJ(realm, ObjectPrototype));
    if (hx_is_exception(pv)) return -1;
    hx_object *proto = hx_as_object(pv);
    realm->intrinsics[HX_INTR_StringPrototype] = pv;
    hx_value ctor = hx_make_constructor(realm, string_ctor, "String", 1, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    realm->intrinsics[HX_INTR_String] = ctor;
    if (HX_INSTALL(realm, hx_as_object(ctor), string_table) < 0 ||
        HX_INSTALL(realm, proto, string_proto_table) < 0 || hx_string_install_methods(realm, proto) < 0)
        return -1;
    for (size_t i = 0; i < sizeof html_methods / sizeof html_methods[0]; i++) {
        hx_value name = hx_atom_from_cstr(rt, html_methods[i].name);
        if (hx_is_exception(name)) return -1;
        hx_value f = hx_native_function_new(realm, string_html, name, html_methods[i].attr ? 1 : 0, (int)i, false);
        if (hx_is_exception(f) || hx_define_value(realm, proto, name, f, HX_PROP_BUILTIN) < 0) return -1;
    }
    hx_value ip = HX_INTR(realm, IteratorPrototype);
    hx_object *iter_proto =
        hx_object_new(realm, hx_is_object(ip) ? hx_as_object(ip) : HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!iter_proto) return -1;
    realm->intrinsics[HX_INTR_StringIteratorPrototype] = hx_object_value(iter_proto);
    if (HX_INSTALL(realm, iter_proto, string_iterator_table) < 0) return -1;
    return hx_define_global(realm, "String", ctor);
}
