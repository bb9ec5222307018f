/*
 * string_methods.c — String.prototype methods that search, replace, split,
 * pad, trim and case-map (ES2025 22.1.3), and GetSubstitution, which the
 * RegExp family shares.
 *
 * match / matchAll / replace / replaceAll / search / split first delegate to
 * the argument's Symbol.match / matchAll / replace / search / split method
 * when the argument is an Object (primitives are never asked, as test262
 * requires); the string-only paths are implemented here, and the RegExp
 * fallbacks create a RegExp through hx_regexp_create when the RegExp family
 * provides it, else through the %RegExp% constructor.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "builtins/string_int.h"
#include "builtins/string_normalize.h"
#include "unicode/unicode.h"

/* ES2025 22.2.3.1 RegExpCreate(P, F), provided by the RegExp family. */
__attribute__((weak)) hx_value hx_regexp_create(hx_realm *realm, hx_value pattern, hx_value flags);

static hx_value regexp_create(hx_realm *realm, hx_value pattern, hx_value flags) {
    if (hx_regexp_create) return hx_regexp_create(realm, pattern, flags);
    hx_value ctor = HX_INTR(realm, RegExp);
    if (!hx_is_constructor(ctor)) return hx_throw_type_error(realm, "RegExp is not available");
    hx_value args[2] = {pattern, flags};
    return hx_construct(realm, ctor, 2, args, ctor);
}

/* ES2025 7.2.8 IsRegExp; 1 / 0 / -1 */
static int is_regexp(hx_realm *realm, hx_value v) {
    if (!hx_is_object(v)) return 0;
    hx_value m = hx_get(realm, v, HX_SYMBOL(realm->rt, match));
    if (hx_is_exception(m)) return -1;
    if (!hx_is_undefined(m)) return hx_to_boolean(m);
    return hx_class_of(hx_as_object(v)) == HX_CLASS_REGEXP;
}

bool hx_is_trim_space(uint32_t c) {
    return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 || hx_unicode_is_space(c);
}

static hx_value substring(hx_realm *realm, hx_value s, uint32_t from, uint32_t to) {
    if (from >= to) return HX_ATOM(realm->rt, empty);
    return hx_string_substring(realm->rt, hx_as_string(s), from, to);
}

static uint32_t clamp_pos(double pos, uint32_t len) { return pos < 0 ? 0 : pos > len ? len : (uint32_t)pos; }

/* ---- searching ------------------------------------------------------------ */

/* ES2025 22.1.3.9 String.prototype.indexOf */
static hx_value string_index_of(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    hx_value s = hx_string_this(realm, this_value, "indexOf");
    if (hx_is_exception(s)) return s;
    hx_value search = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(search)) return search;
    double pos;
    if (hx_to_integer_or_infinity(realm, HX_ARG(1), &pos) < 0) return HX_EXCEPTION;
    uint32_t start = clamp_pos(pos, hx_as_string(s)->len);
    return hx_int(hx_string_index_of(realm->rt, hx_as_string(s), hx_as_string(search), start));
}

/* ES2025 22.1.3.11 String.prototype.lastIndexOf */
static hx_value string_last_index_of(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                     hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "lastIndexOf");
    if (hx_is_exception(sv)) return sv;
    hx_value search = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(search)) return search;
    double num, pos;
    if (hx_to_number(realm, HX_ARG(1), &num) < 0) return HX_EXCEPTION;
    pos = isnan(num) ? HUGE_VAL : trunc(num);
    hx_string *s = hx_string_flat_value(realm, sv), *r = hx_string_flat_value(realm, search);
    if (!s || !r) return HX_EXCEPTION;
    uint32_t len = s->len, slen = r->len;
    if (slen > len) return hx_int(-1);
    uint32_t start = clamp_pos(pos, len);
    if (start > len - slen) start = len - slen;
    for (int64_t i = start; i >= 0; i--) {
        uint32_t k = 0;
        while (k < slen && hx_string_char_at(s, (uint32_t)i + k) == hx_string_char_at(r, k)) k++;
        if (k == slen) return hx_int((int32_t)i);
    }
    return hx_int(-1);
}

/* ES2025 22.1.3.8 includes (magic 0), 22.1.3.24 startsWith (1), 22.1.3.7 endsWith (2) */
static hx_value string_includes(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                hx_value new_target, int magic) {
    static const char *const names[] = {"includes", "startsWith", "endsWith"};
    hx_value sv = hx_string_this(realm, this_value, names[magic]);
    if (hx_is_exception(sv)) return sv;
    int isre = is_regexp(realm, HX_ARG(0));
    if (isre < 0) return HX_EXCEPTION;
    if (isre)
        return hx_throw_type_error(realm, "First argument to String.prototype.%s must not be a regular expression",
                                   names[magic]);
    hx_value search = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(search)) return search;
    uint32_t len = hx_as_string(sv)->len;
    double pos = magic == 2 ? len : 0;
    if (!(magic == 2 && hx_is_undefined(HX_ARG(1))) && hx_to_integer_or_infinity(realm, HX_ARG(1), &pos) < 0)
        return HX_EXCEPTION;
    uint32_t p = clamp_pos(pos, len);
    if (magic == 0) return hx_bool(hx_string_index_of(realm->rt, hx_as_string(sv), hx_as_string(search), p) >= 0);
    hx_string *s = hx_string_flat_value(realm, sv), *r = hx_string_flat_value(realm, search);
    if (!s || !r) return HX_EXCEPTION;
    uint32_t slen = r->len;
    int64_t start = magic == 1 ? (int64_t)p : (int64_t)p - slen;
    if (start < 0 || start + slen > len) return HX_FALSE;
    for (uint32_t k = 0; k < slen; k++)
        if (hx_string_char_at(s, (uint32_t)start + k) != hx_string_char_at(r, k)) return HX_FALSE;
    return HX_TRUE;
}

/* ---- RegExp-dispatching methods ----------------------------------------------- */

/* The delegation step shared by match/matchAll/replace/replaceAll/search/split:
 * if `arg` is an Object with a method under `sym`, calls it and returns the
 * result; otherwise returns HX_HOLE. */
static hx_value delegate(hx_realm *realm, hx_value arg, hx_symbol_id sym, hx_value o, hx_value extra, int n) {
    if (!hx_is_object(arg)) return HX_HOLE;
    hx_value m = hx_get_method(realm, arg, realm->rt->symbols[sym]);
    if (hx_is_exception(m)) return m;
    if (hx_is_undefined(m)) return HX_HOLE;
    hx_value args[2] = {o, extra};
    return hx_call(realm, m, arg, n, args);
}

/* ES2025 22.1.3.13 match (magic 0) and 22.1.3.17 search (magic 1) */
static hx_value string_match(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                             hx_value new_target, int magic) {
    const char *name = magic ? "search" : "match";
    if (hx_is_nullish(this_value))
        return hx_throw_type_error(realm, "String.prototype.%s called on null or undefined", name);
    hx_symbol_id sym = magic ? HX_SYM_search : HX_SYM_match;
    hx_value r = delegate(realm, HX_ARG(0), sym, this_value, HX_UNDEFINED, 1);
    if (r != HX_HOLE) return r;
    hx_value s = hx_to_string(realm, this_value);
    if (hx_is_exception(s)) return s;
    hx_value rx = regexp_create(realm, HX_ARG(0), HX_UNDEFINED);
    if (hx_is_exception(rx)) return rx;
    return hx_invoke(realm, rx, realm->rt->symbols[sym], 1, &s);
}

/* Step 2.b of matchAll / replaceAll: a RegExp argument must be global. */
static int require_global(hx_realm *realm, hx_value rx, const char *name) {
    int isre = is_regexp(realm, rx);
    if (isre <= 0) return isre;
    hx_value flags = hx_get(realm, rx, HX_ATOM(realm->rt, flags));
    if (hx_is_exception(flags)) return -1;
    if (hx_is_nullish(flags)) {
        hx_throw_type_error(realm, "String.prototype.%s: flags is null or undefined", name);
        return -1;
    }
    hx_value fs = hx_to_string(realm, flags);
    if (hx_is_exception(fs)) return -1;
    hx_value g = hx_string_from_char(realm->rt, 'g');
    if (hx_is_exception(g)) return -1;
    if (hx_string_index_of(realm->rt, hx_as_string(fs), hx_as_string(g), 0) < 0) {
        hx_throw_type_error(realm, "String.prototype.%s called with a non-global RegExp argument", name);
        return -1;
    }
    return 1;
}

/* ES2025 22.1.3.14 String.prototype.matchAll */
static hx_value string_match_all(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic) {
    if (hx_is_nullish(this_value))
        return hx_throw_type_error(realm, "String.prototype.matchAll called on null or undefined");
    hx_value rx = HX_ARG(0);
    if (hx_is_object(rx) && require_global(realm, rx, "matchAll") < 0) return HX_EXCEPTION;
    hx_value r = delegate(realm, rx, HX_SYM_matchAll, this_value, HX_UNDEFINED, 1);
    if (r != HX_HOLE) return r;
    hx_value s = hx_to_string(realm, this_value);
    if (hx_is_exception(s)) return s;
    hx_value g = hx_string_from_char(realm->rt, 'g');
    if (hx_is_exception(g)) return g;
    hx_value re = regexp_create(realm, rx, g);
    if (hx_is_exception(re)) return re;
    return hx_invoke(realm, re, HX_SYMBOL(realm->rt, matchAll), 1, &s);
}

/* ES2025 22.1.3.19.1 GetSubstitution */
hx_value hx_get_substitution(hx_realm *realm, hx_value matched, hx_value str, uint32_t position,
                             const hx_value *captures, uint32_t ncaptures, hx_value named_captures,
                             hx_value replacement) {
    hx_runtime *rt = realm->rt;
    hx_string *t = hx_string_flat_value(realm, replacement);
    hx_string *s = hx_string_flat_value(realm, str);
    if (!t || !s) return HX_EXCEPTION;
    uint32_t slen = s->len, tlen = t->len;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (uint32_t i = 0; i < tlen;) {
        uint16_t c = hx_string_char_at(t, i);
        uint16_t n = i + 1 < tlen ? hx_string_char_at(t, i + 1) : 0;
        if (c != '$' || i + 1 >= tlen) { /* step 5.g */
            hx_sb_add_unit(&sb, c);
            i++;
        } else if (n == '$') { /* 5.a */
            hx_sb_add_unit(&sb, '$');
            i += 2;
        } else if (n == '`') { /* 5.b */
            for (uint32_t k = 0; k < position && k < slen; k++) hx_sb_add_unit(&sb, hx_string_char_at(s, k));
            i += 2;
        } else if (n == '&') { /* 5.c */
            hx_sb_add_string(&sb, hx_as_string(matched));
            i += 2;
        } else if (n == '\'') { /* 5.d */
            uint64_t tail = (uint64_t)position + hx_as_string(matched)->len;
            for (uint64_t k = tail < slen ? tail : slen; k < slen; k++) hx_sb_add_unit(&sb, hx_string_char_at(s, (uint32_t)k));
            i += 2;
        } else if (n >= '0' && n <= '9') { /* 5.e */
            uint32_t digits = 1, index = n - '0';
            if (i + 2 < tlen && hx_string_char_at(t, i + 2) >= '0' && hx_string_char_at(t, i + 2) <= '9') {
                digits = 2;
                index = index * 10 + (hx_string_char_at(t, i + 2) - '0');
            }
            if (index > ncaptures && digits == 2) { /* 5.e.vi */
                digits = 1;
                index = n - '0';
            }
            if (index >= 1 && index <= ncaptures) {
                hx_value cap = captures[index - 1];
                if (!hx_is_undefined(cap)) hx_sb_add_string(&sb, hx_as_string(cap));
            } else
                for (uint32_t k = 0; k <= digits; k++) hx_sb_add_unit(&sb, hx_string_char_at(t, i + k));
            i += 1 + digits;
        } else if (n == '<') { /* 5.f */
            uint32_t gt = i + 2;
            while (gt < tlen && hx_string_char_at(t, gt) != '>') gt++;
            if (gt >= tlen || hx_is_undefined(named_captures)) {
                hx_sb_add_cstr(&sb, "$<");
                i += 2;
            } else {
                hx_value name = hx_string_substring(rt, t, i + 2, gt);
                hx_key key = hx_is_exception(name) ? name : hx_key_from_string(rt, name);
                hx_value cap = hx_is_exception(key) ? key : hx_get(realm, named_captures, key);
                if (!hx_is_exception(cap) && !hx_is_undefined(cap)) {
                    cap = hx_to_string(realm, cap);
                    if (!hx_is_exception(cap)) hx_sb_add_string(&sb, hx_as_string(cap));
                }
                if (hx_is_exception(cap)) {
                    hx_sb_free(&sb);
                    return HX_EXCEPTION;
                }
                t = hx_string_flat_value(realm, replacement);
                s = hx_string_flat_value(realm, str);
                i = gt + 1;
            }
        } else {
            hx_sb_add_unit(&sb, '$');
            i++;
        }
    }
    return hx_sb_finish(&sb);
}

/* ES2025 22.1.3.19 replace (magic 0) and 22.1.3.20 replaceAll (magic 1) */
static hx_value string_replace(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                               hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    const char *name = magic ? "replaceAll" : "replace";
    if (hx_is_nullish(this_value))
        return hx_throw_type_error(realm, "String.prototype.%s called on null or undefined", name);
    hx_value search_value = HX_ARG(0), replace_value = HX_ARG(1);
    if (magic && hx_is_object(search_value) && require_global(realm, search_value, name) < 0) return HX_EXCEPTION;
    hx_value r = delegate(realm, search_value, HX_SYM_replace, this_value, replace_value, 2);
    if (r != HX_HOLE) return r;
    hx_value str = hx_to_string(realm, this_value); /* step 3 */
    if (hx_is_exception(str)) return str;
    hx_value search = hx_to_string(realm, search_value); /* step 4 */
    if (hx_is_exception(search)) return search;
    bool functional = hx_is_callable(replace_value); /* step 5 */
    if (!functional) {
        replace_value = hx_to_string(realm, replace_value);
        if (hx_is_exception(replace_value)) return replace_value;
    }
    uint32_t slen = hx_as_string(search)->len, len = hx_as_string(str)->len;
    uint32_t advance = slen ? slen : 1;
    int32_t pos = hx_string_index_of(rt, hx_as_string(str), hx_as_string(search), 0);
    if (pos < 0) return str;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    uint32_t end_of_last = 0;
    while (pos >= 0) {
        size_t mark = hx_handles_save(rt);
        hx_value pre = substring(realm, str, end_of_last, (uint32_t)pos);
        if (hx_is_exception(pre)) goto fail;
        hx_sb_add_string(&sb, hx_as_string(pre));
        hx_value rep;
        if (functional) {
            hx_value args[3] = {search, hx_int(pos), str};
            rep = hx_call(realm, replace_value, HX_UNDEFINED, 3, args);
            if (!hx_is_exception(rep)) rep = hx_to_string(realm, rep);
        } else
            rep = hx_get_substitution(realm, search, str, (uint32_t)pos, NULL, 0, HX_UNDEFINED, replace_value);
        if (hx_is_exception(rep)) goto fail;
        hx_sb_add_string(&sb, hx_as_string(rep));
        hx_handles_restore(rt, mark);
        end_of_last = (uint32_t)pos + slen;
        if (!magic || sb.failed) break;
        pos = (uint32_t)pos + advance > len ? -1 : hx_string_index_of(rt, hx_as_string(str), hx_as_string(search), (uint32_t)pos + advance);
    }
    if (end_of_last < len) {
        hx_value rest = substring(realm, str, end_of_last, len);
        if (hx_is_exception(rest)) goto fail;
        hx_sb_add_string(&sb, hx_as_string(rest));
    }
    return hx_sb_finish(&sb);
fail:
    hx_sb_free(&sb);
    return HX_EXCEPTION;
}

/* ES2025 22.1.3.23 String.prototype.split */
static hx_value string_split(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                             hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    if (hx_is_nullish(this_value))
        return hx_throw_type_error(realm, "String.prototype.split called on null or undefined");
    hx_value sep = HX_ARG(0), limit = HX_ARG(1);
    hx_value r = delegate(realm, sep, HX_SYM_split, this_value, limit, 2);
    if (r != HX_HOLE) return r;
    hx_value sv = hx_to_string(realm, this_value); /* step 3 */
    if (hx_is_exception(sv)) return sv;
    uint32_t lim = 0xFFFFFFFFu;
    if (!hx_is_undefined(limit) && hx_to_uint32(realm, limit, &lim) < 0) return HX_EXCEPTION;
    hx_value rv = hx_to_string(realm, sep); /* step 5 */
    if (hx_is_exception(rv)) return rv;
    hx_value arr = hx_array_new(realm, 0);
    if (hx_is_exception(arr)) return arr;
    hx_object *a = hx_as_object(arr);
    if (lim == 0) return arr; /* step 6 */
    if (hx_is_undefined(sep)) return hx_array_push(realm, a, sv) < 0 ? HX_EXCEPTION : arr; /* step 7 */
    hx_string *s = hx_string_flat_value(realm, sv);
    if (!s) return HX_EXCEPTION;
    uint32_t len = s->len, seplen = hx_as_string(rv)->len;
    if (seplen == 0) { /* step 9: code units */
        uint32_t n = len < lim ? len : lim;
        for (uint32_t i = 0; i < n; i++) {
            size_t mark = hx_handles_save(rt);
            hx_value ch = hx_string_from_char(rt, hx_string_char_at(s, i));
            if (hx_is_exception(ch) || hx_array_push(realm, a, ch) < 0) return HX_EXCEPTION;
            hx_handles_restore(rt, mark);
        }
        return arr;
    }
    if (len == 0) return hx_array_push(realm, a, sv) < 0 ? HX_EXCEPTION : arr; /* step 10 */
    uint32_t i = 0, count = 0;
    int32_t j = hx_string_index_of(rt, s, hx_as_string(rv), 0);
    while (j >= 0) { /* step 11 */
        size_t mark = hx_handles_save(rt);
        hx_value t = substring(realm, sv, i, (uint32_t)j);
        if (hx_is_exception(t) || hx_array_push(realm, a, t) < 0) return HX_EXCEPTION;
        hx_handles_restore(rt, mark);
        if (++count == lim) return arr;
        i = (uint32_t)j + seplen;
        j = hx_string_index_of(rt, s, hx_as_string(rv), i);
    }
    hx_value t = substring(realm, sv, i, len); /* step 12 */
    if (hx_is_exception(t) || hx_array_push(realm, a, t) < 0) return HX_EXCEPTION;
    return arr;
}

/* ---- padding, repeating, trimming ------------------------------------------------ */

/* ES2025 22.1.3.16-17 padEnd (magic 0) / padStart (magic 1) via
 * StringPaddingBuiltinsImpl and StringPad */
static hx_value string_pad(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, magic ? "padStart" : "padEnd");
    if (hx_is_exception(sv)) return sv;
    int64_t max_len;
    if (hx_to_length(realm, HX_ARG(0), &max_len) < 0) return HX_EXCEPTION;
    uint32_t len = hx_as_string(sv)->len;
    if (max_len <= len) return sv;
    hx_value fill;
    if (hx_is_undefined(HX_ARG(1))) fill = hx_string_from_char(realm->rt, ' ');
    else fill = hx_to_string(realm, argv[1]);
    if (hx_is_exception(fill)) return fill;
    hx_string *f = hx_string_flat_value(realm, fill);
    if (!f) return HX_EXCEPTION;
    if (f->len == 0) return sv;
    if (max_len > HX_MAX_STRING_LENGTH) return hx_throw_range_error(realm, "Invalid string length");
    uint32_t fill_len = (uint32_t)max_len - len;
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    if (!magic) hx_sb_add_string(&sb, hx_as_string(sv));
    for (uint32_t k = 0; k < fill_len && !sb.failed;) {
        uint32_t n = fill_len - k < f->len ? fill_len - k : f->len;
        if (n == f->len) hx_sb_add_string(&sb, f);
        else
            for (uint32_t q = 0; q < n; q++) hx_sb_add_unit(&sb, hx_string_char_at(f, q));
        k += n;
    }
    if (magic) hx_sb_add_string(&sb, hx_as_string(sv));
    return hx_sb_finish(&sb);
}

/* ES2025 22.1.3.18 String.prototype.repeat */
static hx_value string_repeat(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                              hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "repeat");
    if (hx_is_exception(sv)) return sv;
    double n;
    if (hx_to_integer_or_infinity(realm, HX_ARG(0), &n) < 0) return HX_EXCEPTION;
    if (n < 0 || n == HUGE_VAL) return hx_throw_range_error(realm, "Invalid count value: %g", n);
    uint32_t len = hx_as_string(sv)->len;
    if (n == 0 || len == 0) return HX_ATOM(realm->rt, empty);
    if (n * len > HX_MAX_STRING_LENGTH) return hx_throw_range_error(realm, "Invalid string length");
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (uint32_t i = 0; i < (uint32_t)n && !sb.failed; i++) hx_sb_add_string(&sb, hx_as_string(sv));
    return hx_sb_finish(&sb);
}

/* ES2025 22.1.3.32-34 trim (magic 3), trimEnd (2), trimStart (1) via TrimString */
static hx_value string_trim(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, magic == 3 ? "trim" : magic == 2 ? "trimEnd" : "trimStart");
    if (hx_is_exception(sv)) return sv;
    hx_string *s = hx_string_flat_value(realm, sv);
    if (!s) return HX_EXCEPTION;
    uint32_t a = 0, b = s->len;
    if (magic & 1)
        while (a < b && hx_is_trim_space(hx_string_char_at(s, a))) a++;
    if (magic & 2)
        while (b > a && hx_is_trim_space(hx_string_char_at(s, b - 1))) b--;
    if (a == 0 && b == s->len) return sv;
    return substring(realm, sv, a, b);
}

/* ES2025 22.1.3.12 String.prototype.localeCompare: without ECMA-402 this is
 * the code-unit order (canonically equivalent strings are not equated). */
static hx_value string_locale_compare(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                      hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "localeCompare");
    if (hx_is_exception(sv)) return sv;
    hx_value that = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(that)) return that;
    return hx_int(hx_string_compare(realm->rt, hx_as_string(sv), hx_as_string(that)));
}

/* ---- case mapping ----------------------------------------------------------- */

typedef struct prop_set {
    uint32_t *ranges; /* lo, hi pairs */
    size_t n;
} prop_set;

static bool prop_load(hx_runtime *rt, prop_set *p, const char *name) {
    p->ranges = NULL;
    p->n = 0;
    int h = hx_unicode_property_lookup(name, strlen(name), NULL, 0);
    if (h < 0) return true; /* tables without the property: treat as empty */
    size_t n = hx_unicode_property_ranges(h, NULL, 0);
    p->ranges = hx_mem_alloc(rt, (n ? n : 1) * 2 * sizeof(uint32_t));
    if (!p->ranges) return false;
    p->n = hx_unicode_property_ranges(h, p->ranges, n);
    return true;
}

static bool prop_has(const prop_set *p, uint32_t c) {
    size_t lo = 0, hi = p->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < p->ranges[2 * mid]) hi = mid;
        else if (c > p->ranges[2 * mid + 1]) lo = mid + 1;
        else return true;
    }
    return false;
}

static void prop_free(hx_runtime *rt, prop_set *p) {
    if (p->ranges) hx_mem_free(rt, p->ranges, (p->n ? p->n : 1) * 2 * sizeof(uint32_t));
}

/* Code point before index i (i > 0), and its start index. */
static uint32_t code_point_before(hx_string *s, uint32_t i, uint32_t *start) {
    uint16_t c = hx_string_char_at(s, i - 1);
    if (c >= 0xDC00 && c <= 0xDFFF && i >= 2) {
        uint16_t h = hx_string_char_at(s, i - 2);
        if (h >= 0xD800 && h <= 0xDBFF) {
            *start = i - 2;
            return 0x10000 + ((uint32_t)(h - 0xD800) << 10) + (c - 0xDC00);
        }
    }
    *start = i - 1;
    return c;
}

/* Unicode Standard 3.13 Final_Sigma: preceded by a cased letter and not
 * followed by one, ignoring case-ignorable characters in between. */
static bool is_final_sigma(hx_string *s, uint32_t i, const prop_set *cased, const prop_set *ignorable) {
    uint32_t k = i;
    bool before = false;
    while (k > 0) {
        uint32_t start, c = code_point_before(s, k, &start);
        k = start;
        if (prop_has(ignorable, c)) continue;
        before = prop_has(cased, c);
        break;
    }
    if (!before) return false;
    for (k = i + 1; k < s->len;) {
        uint32_t units, c = hx_string_code_point_at(s, k, &units);
        k += units;
        if (prop_has(ignorable, c)) continue;
        return !prop_has(cased, c);
    }
    return true;
}

/* ES2025 22.1.3.28/30 toLowerCase (magic 0) / toUpperCase (magic 1), and the
 * toLocale* forms (no locale tailoring without ECMA-402). */
static hx_value string_case(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                            hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    static const char *const names[] = {"toLowerCase", "toUpperCase", "toLocaleLowerCase", "toLocaleUpperCase"};
    hx_value sv = hx_string_this(realm, this_value, names[magic]);
    if (hx_is_exception(sv)) return sv;
    bool upper = magic & 1;
    hx_string *s = hx_string_flat_value(realm, sv);
    if (!s) return HX_EXCEPTION;
    if (!hx_str_is_wide(s)) { /* ASCII fast path */
        const uint8_t *p = hx_str_latin1(s);
        uint32_t i = 0;
        while (i < s->len && p[i] < 0x80) i++;
        if (i == s->len) {
            uint32_t k = 0;
            while (k < s->len && (upper ? !(p[k] >= 'a' && p[k] <= 'z') : !(p[k] >= 'A' && p[k] <= 'Z'))) k++;
            if (k == s->len) return sv;
            hx_string *r = hx_string_alloc(rt, s->len, false);
            if (!r) return HX_EXCEPTION;
            p = hx_str_latin1(s);
            for (k = 0; k < s->len; k++) {
                uint8_t c = p[k];
                if (upper && c >= 'a' && c <= 'z') c -= 32;
                else if (!upper && c >= 'A' && c <= 'Z') c += 32;
                hx_str_latin1(r)[k] = c;
            }
            return hx_string_value(r);
        }
    }
    prop_set cased = {0}, ignorable = {0};
    bool props_loaded = false;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (uint32_t i = 0; i < s->len;) {
        uint32_t units, c = hx_string_code_point_at(s, i, &units), out[3];
        int n;
        if (!upper && c == 0x03A3) {
            if (!props_loaded) {
                props_loaded = true;
                if (!prop_load(rt, &cased, "Cased") || !prop_load(rt, &ignorable, "Case_Ignorable")) {
                    sb.failed = true;
                    break;
                }
            }
            out[0] = is_final_sigma(s, i, &cased, &ignorable) ? 0x03C2 : 0x03C3;
            n = 1;
        } else
            n = upper ? hx_unicode_full_upper(c, out) : hx_unicode_full_lower(c, out);
        for (int k = 0; k < n; k++) hx_sb_add_char(&sb, out[k]);
        i += units;
    }
    prop_free(rt, &cased);
    prop_free(rt, &ignorable);
    return hx_sb_finish(&sb);
}

/* ---- normalize -------------------------------------------------------------- */

/* ES2025 22.1.3.15 String.prototype.normalize([form]) */
static hx_value string_normalize(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                                 hx_value new_target, int magic) {
    hx_value sv = hx_string_this(realm, this_value, "normalize"); /* steps 1-2 */
    if (hx_is_exception(sv)) return sv;
    int form = HX_NFC; /* step 3 */
    if (!hx_is_undefined(HX_ARG(0))) {
        hx_value fv = hx_to_string(realm, argv[0]); /* step 4 */
        if (hx_is_exception(fv)) return fv;
        static const char *const forms[] = {"NFC", "NFD", "NFKC", "NFKD"};
        hx_string *f = hx_string_flat_value(realm, fv);
        if (!f) return HX_EXCEPTION;
        form = -1;
        for (int k = 0; k < 4 && form < 0; k++) {
            size_t n = strlen(forms[k]);
            bool eq = f->len == n;
            for (uint32_t i = 0; eq && i < n; i++) eq = hx_string_char_at(f, i) == (uint8_t)forms[k][i];
            if (eq) form = k;
        }
        if (form < 0) /* step 5 */
            return hx_throw_range_error(realm, "The normalization form should be one of NFC, NFD, NFKC, NFKD");
    }
    hx_string *s = hx_string_flat_value(realm, sv);
    if (!s) return HX_EXCEPTION;
    return hx_string_normalize(realm, s, form); /* steps 6-7 */
}

static const hx_builtin methods_table[] = {
    HX_FUNC_MAGIC("endsWith", string_includes, 1, 2),
    HX_FUNC_MAGIC("includes", string_includes, 1, 0),
    HX_FUNC("indexOf", string_index_of, 1),
    HX_FUNC("lastIndexOf", string_last_index_of, 1),
    HX_FUNC("localeCompare", string_locale_compare, 1),
    HX_FUNC_MAGIC("match", string_match, 1, 0),
    HX_FUNC("matchAll", string_match_all, 1),
    HX_FUNC("normalize", string_normalize, 0),
    HX_FUNC_MAGIC("padEnd", string_pad, 1, 0),
    HX_FUNC_MAGIC("padStart", string_pad, 1, 1),
    HX_FUNC("repeat", string_repeat, 1),
    HX_FUNC_MAGIC("replace", string_replace, 2, 0),
    HX_FUNC_MAGIC("replaceAll", string_replace, 2, 1),
    HX_FUNC_MAGIC("search", string_match, 1, 1),
    HX_FUNC("split", string_split, 2),
    HX_FUNC_MAGIC("startsWith", string_includes, 1, 1),
    HX_FUNC_MAGIC("toLocaleLowerCase", string_case, 0, 2),
    HX_FUNC_MAGIC("toLocaleUpperCase", string_case, 0, 3),
    HX_FUNC_MAGIC("toLowerCase", string_case, 0, 0),
    HX_FUNC_MAGIC("toUpperCase", string_case, 0, 1),
    HX_FUNC_MAGIC("trim", string_trim, 0, 3),
    HX_FUNC_MAGIC("trimEnd", string_trim, 0, 2),
    HX_FUNC_MAGIC("trimStart", string_trim, 0, 1),
};

int hx_string_install_methods(hx_realm *realm, hx_object *proto) {
    hx_runtime *rt = realm->rt;
    if (HX_INSTALL(realm, proto, methods_table) < 0) return -1;
    /* ES2025 B.2.2.15-16: trimLeft / trimRight are the same function objects */
    hx_value ts = hx_get(realm, hx_object_value(proto), hx_atom_from_cstr(rt, "trimStart"));
    hx_value te = hx_get(realm, hx_object_value(proto), hx_atom_from_cstr(rt, "trimEnd"));
    if (hx_is_exception(ts) || hx_is_exception(te)) return -1;
    if (hx_define_value(realm, proto, hx_atom_from_cstr(rt, "trimLeft"), ts, HX_PROP_BUILTIN) < 0 ||
        hx_define_value(realm, proto, hx_atom_from_cstr(rt, "trimRight"), te, HX_PROP_BUILTIN) < 0)
        return -1;
    return 0;
}
