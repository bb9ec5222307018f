/*
 * regexp.c — the RegExp constructor and the core of RegExp.prototype
 * (ES2025 22.2.4 - 22.2.7): RegExpAlloc / RegExpInitialize / RegExpCreate,
 * RegExpBuiltinExec and RegExpExec, exec, test, toString, the flag and
 * source getters, RegExp.escape, RegExp[Symbol.species], and the Annex B
 * compile method (B.2.4).  Regexp literals are created by
 * hx_regexp_create_literal, called by the interpreter for every evaluation.
 * The Symbol.* methods are in regexp_methods.c.
 *
 * Layout of a RegExp object: see regexp_int.h.  The compiled program is
 * replaced only after a successful compile, so a failing compile() leaves
 * the object unchanged; code that reads the program must do so after every
 * user-visible conversion (e.g. ToLength(lastIndex)), which may recompile.
 */
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"
#include "builtins/init.h"
#include "builtins/regexp_int.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* ---- class hooks ------------------------------------------------------------ */

static void regexp_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_value(rt, o->u.data.slots[0]);
    hx_gc_mark_value(rt, o->u.data.slots[1]);
}

static void regexp_finalize(hx_runtime *rt, hx_object *o) {
    if (o->u.data.ptr) hx_regexp_free(o->u.data.ptr);
    o->u.data.ptr = NULL;
}

const hx_exotic hx_regexp_class = {.trace = regexp_trace, .finalize = regexp_finalize};

/* ---- helpers -------------------------------------------------------------- */

static bool is_lead(uint16_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail(uint16_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

/* The code units of a flat string as UTF-16: the string's own storage when
 * it is wide, else a widened copy in *copy (free with hx_mem_free, *copy_size
 * bytes).  NULL on OOM. */
static const uint16_t *units_of(hx_runtime *rt, hx_string *flat, uint16_t **copy, size_t *copy_size) {
    *copy = NULL;
    *copy_size = 0;
    if (hx_str_is_wide(flat)) return hx_str_utf16(flat);
    size_t n = flat->len ? flat->len : 1;
    uint16_t *u = hx_mem_alloc(rt, n * sizeof(uint16_t));
    if (!u) return NULL;
    for (uint32_t i = 0; i < flat->len; i++) u[i] = hx_str_latin1(flat)[i];
    *copy = u;
    *copy_size = n * sizeof(uint16_t);
    return u;
}

/* ES2025 22.2.7.3 AdvanceStringIndex */
double hx_regexp_obj_advance(hx_string *flat, double index, bool unicode) {
    if (!unicode || index + 1 >= flat->len) return index + 1;
    uint32_t i = (uint32_t)index;
    if (is_lead(hx_string_char_at(flat, i)) && is_trail(hx_string_char_at(flat, i + 1))) return index + 2;
    return index + 1;
}

static hx_value set_last_index(hx_realm *realm, hx_value r, hx_value v) {
    return hx_set(realm, r, HX_ATOM(realm->rt, lastIndex), v, true) < 0 ? HX_EXCEPTION : HX_UNDEFINED;
}

/* ---- RegExpAlloc / RegExpInitialize (ES2025 22.2.3) --------------------------- */

/* ES2025 22.2.3.2 RegExpAlloc */
static hx_value regexp_alloc(hx_realm *realm, hx_value new_target) {
    hx_value ov;
    if (hx_is_undefined(new_target)) {
        hx_object *o = hx_object_new(realm, HX_INTR_OBJ(realm, RegExpPrototype), HX_CLASS_REGEXP);
        ov = o ? hx_object_value(o) : HX_EXCEPTION;
    } else
        ov = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_RegExpPrototype, HX_CLASS_REGEXP);
    if (hx_is_exception(ov)) return ov;
    hx_object *o = hx_as_object(ov);
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    o->u.data.ptr = NULL;
    o->u.data.bits = 0;
    /* step 2: lastIndex is writable, not enumerable, not configurable */
    if (hx_define_value(realm, o, HX_ATOM(realm->rt, lastIndex), HX_UNDEFINED, HX_PROP_WRITABLE) < 0)
        return HX_EXCEPTION;
    return ov;
}

static hx_value throw_syntax(hx_realm *realm, hx_string *pattern, const char *what) {
    hx_runtime *rt = realm->rt;
    size_t n;
    char *p = hx_string_to_utf8(rt, pattern, &n);
    if (!p) return HX_EXCEPTION;
    hx_value r = hx_throw_syntax_error(realm, "Invalid regular expression: /%.*s/: %s", (int)(n > 200 ? 200 : n),
                                       p, what);
    hx_mem_free(rt, p, n + 1);
    return r;
}

/* ES2025 22.2.3.3 RegExpInitialize, steps 5-13 after the ToString
 * conversions: parses the flags, compiles, and installs the result. */
static hx_value regexp_install(hx_realm *realm, hx_object *o, hx_value p, hx_value f) {
    hx_runtime *rt = realm->rt;
    hx_string *pf = hx_string_flat(rt, hx_as_string(p)), *ff = hx_string_flat(rt, hx_as_string(f));
    if (!pf || !ff) return HX_EXCEPTION;
    uint16_t *fcopy, *pcopy;
    size_t fsize, psize;
    const uint16_t *fu = units_of(rt, ff, &fcopy, &fsize);
    if (!fu) return HX_EXCEPTION;
    int bits = hx_regexp_parse_flags(fu, ff->len);
    hx_mem_free(rt, fcopy, fsize);
    if (bits < 0) {
        size_t n;
        char *fs = hx_string_to_utf8(rt, ff, &n);
        if (!fs) return HX_EXCEPTION;
        hx_throw_syntax_error(realm, "Invalid regular expression flags '%.*s'", (int)(n > 40 ? 40 : n), fs);
        hx_mem_free(rt, fs, n + 1);
        return HX_EXCEPTION;
    }
    const uint16_t *pu = units_of(rt, pf, &pcopy, &psize);
    if (!pu) return HX_EXCEPTION;
    char err[128];
    hx_regexp_program *prog = hx_regexp_compile(pu, pf->len, bits, err, sizeof err);
    hx_mem_free(rt, pcopy, psize);
    if (!prog) {
        if (!strcmp(err, HX_REGEXP_OOM_MESSAGE)) return hx_throw_oom(rt);
        return throw_syntax(realm, pf, err);
    }
    if (o->u.data.ptr) hx_regexp_free(o->u.data.ptr);
    o->u.data.ptr = prog;
    HX_WRITE(o->u.data.slots[0], p);
    HX_WRITE(o->u.data.slots[1], f);
    o->u.data.bits = (uint64_t)bits;
    /* step 12: Set(obj, "lastIndex", +0, true) */
    if (hx_is_exception(set_last_index(realm, hx_object_value(o), hx_int(0)))) return HX_EXCEPTION;
    return hx_object_value(o);
}

/* ES2025 22.2.3.3 RegExpInitialize ( obj, pattern, flags ) */
static hx_value regexp_initialize(hx_realm *realm, hx_object *o, hx_value pattern, hx_value flags) {
    hx_runtime *rt = realm->rt;
    hx_value p = hx_is_undefined(pattern) ? HX_ATOM(rt, empty) : hx_to_string(realm, pattern);
    if (hx_is_exception(p)) return p;
    hx_value f = hx_is_undefined(flags) ? HX_ATOM(rt, empty) : hx_to_string(realm, flags);
    if (hx_is_exception(f)) return f;
    return regexp_install(realm, o, p, f);
}

/* ES2025 22.2.3.1 RegExpCreate ( P, F ) — also used by the String family. */
hx_value hx_regexp_create(hx_realm *realm, hx_value pattern, hx_value flags) {
    hx_value ov = regexp_alloc(realm, HX_UNDEFINED);
    if (hx_is_exception(ov)) return ov;
    return regexp_initialize(realm, hx_as_object(ov), pattern, flags);
}

/* ES2025 13.2.7.3 Evaluation of a RegularExpressionLiteral: a new object
 * each time (the parser has already checked the pattern and flags). */
hx_value hx_regexp_create_literal(hx_realm *realm, hx_value pattern, hx_value flags) {
    hx_value ov = regexp_alloc(realm, HX_UNDEFINED);
    if (hx_is_exception(ov)) return ov;
    return regexp_install(realm, hx_as_object(ov), pattern, flags);
}

/* ES2025 7.2.8 IsRegExp; 1 / 0 / -1 */
static int is_regexp(hx_realm *realm, hx_value v) {
    if (!hx_is_object(v)) return 0;
    hx_value m = hx_get(realm, v, HX_SYMBOL(realm->rt, match));
    if (hx_is_exception(m)) return -1;
    if (!hx_is_undefined(m)) return hx_to_boolean(m);
    return hx_regexp_obj_is(v);
}

/* ---- the constructor (ES2025 22.2.4) --------------------------------------------- */

/* ES2025 22.2.4.1 RegExp ( pattern, flags ) */
NATIVE(regexp_ctor) {
    hx_runtime *rt = realm->rt;
    hx_value pattern = HX_ARG(0), flags = HX_ARG(1);
    /* step 1 */
    int pattern_is_regexp = is_regexp(realm, pattern);
    if (pattern_is_regexp < 0) return HX_EXCEPTION;
    /* steps 2-3 */
    hx_value nt = new_target;
    if (hx_is_undefined(nt)) {
        hx_object *active = hx_current_native(rt);
        nt = active ? hx_object_value(active) : HX_INTR(realm, RegExp);
        if (pattern_is_regexp && hx_is_undefined(flags)) {
            hx_value pc = hx_get(realm, pattern, HX_ATOM(rt, constructor));
            if (hx_is_exception(pc)) return pc;
            if (hx_same_value(nt, pc)) return pattern;
        }
    }
    hx_value p, f;
    if (hx_regexp_obj_is(pattern)) {
        /* step 4 */
        hx_object *po = hx_as_object(pattern);
        p = po->u.data.slots[0];
        f = hx_is_undefined(flags) ? po->u.data.slots[1] : flags;
    } else if (pattern_is_regexp) {
        /* step 5 */
        p = hx_get(realm, pattern, HX_ATOM(rt, source));
        if (hx_is_exception(p)) return p;
        if (hx_is_undefined(flags)) {
            f = hx_get(realm, pattern, HX_ATOM(rt, flags));
            if (hx_is_exception(f)) return f;
        } else
            f = flags;
    } else {
        p = pattern;
        f = flags;
    }
    /* steps 7-8 */
    hx_value o = regexp_alloc(realm, nt);
    if (hx_is_exception(o)) return o;
    return regexp_initialize(realm, hx_as_object(o), p, f);
}

/* ES2025 22.2.5.2 get RegExp [ @@species ] */
NATIVE(regexp_species) { return this_value; }

/* ---- RegExp.escape (ES2025 22.2.5.1) ----------------------------------------------- */

static void add_hex_escape(hx_sb *sb, uint32_t c) {
    static const char hex[] = "0123456789abcdef";
    if (c <= 0xFF) {
        hx_sb_add_cstr(sb, "\\x");
        hx_sb_add_unit(sb, hex[c >> 4]);
        hx_sb_add_unit(sb, hex[c & 15]);
        return;
    }
    hx_sb_add_cstr(sb, "\\u");
    for (int s = 12; s >= 0; s -= 4) hx_sb_add_unit(sb, hex[(c >> s) & 15]);
}

/* ES2025 22.2.5.1.1 EncodeForRegExpEscape ( c ) */
static void encode_for_escape(hx_sb *sb, uint32_t c) {
    static const char syntax[] = "^$\\.*+?()[]{}|/";
    static const char other_punct[] = ",-=<>#&!%:;@~'`\"";
    if (c < 128 && c && strchr(syntax, (int)c)) {
        hx_sb_add_unit(sb, '\\');
        hx_sb_add_unit(sb, (uint16_t)c);
        return;
    }
    static const char control[] = {'t', 'n', 'v', 'f', 'r'};
    if (c >= 0x09 && c <= 0x0D) {
        hx_sb_add_unit(sb, '\\');
        hx_sb_add_unit(sb, (uint16_t)control[c - 0x09]);
        return;
    }
    if ((c < 128 && c && strchr(other_punct, (int)c)) || hx_is_trim_space(c) || (c >= 0xD800 && c <= 0xDFFF)) {
        if (c <= 0xFF) add_hex_escape(sb, c);
        else if (c > 0xFFFF) {
            add_hex_escape(sb, 0xD800 + ((c - 0x10000) >> 10));
            add_hex_escape(sb, 0xDC00 + ((c - 0x10000) & 0x3FF));
        } else
            add_hex_escape(sb, c);
        return;
    }
    hx_sb_add_char(sb, c);
}

NATIVE(regexp_escape) {
    hx_value s = HX_ARG(0);
    if (!hx_is_string(s)) return hx_throw_type_error(realm, "RegExp.escape requires a string");
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(s));
    if (!f) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (uint32_t i = 0; i < f->len;) {
        uint32_t units;
        uint32_t c = hx_string_code_point_at(f, i, &units);
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (i == 0 && alnum) add_hex_escape(&sb, c);
        else encode_for_escape(&sb, c);
        i += units;
    }
    return hx_sb_finish(&sb);
}

/* ---- RegExpBuiltinExec (ES2025 22.2.7.2) ---------------------------------------- */

static bool poll_interrupt(void *opaque) { return hx_check_interrupt((hx_runtime *)opaque); }

/* Runs the matcher: 1 match, 0 no match, -1 exception (interrupt or OOM). */
static int run_matcher(hx_realm *realm, const hx_regexp_program *prog, hx_string *flat, uint32_t start,
                       bool search, int *caps) {
    hx_regexp_result r = hx_regexp_exec(prog, hx_str_is_wide(flat) ? NULL : hx_str_latin1(flat),
                                        hx_str_is_wide(flat) ? hx_str_utf16(flat) : NULL, flat->len, start,
                                        search, caps, poll_interrupt, realm->rt);
    if (r == HX_RE_MATCH) return 1;
    if (r == HX_RE_NO_MATCH) return 0;
    if (r == HX_RE_INTERRUPTED) {
        if (!realm->rt->has_exception) hx_throw_range_error(realm, "regular expression matching interrupted");
        return -1;
    }
    hx_throw_range_error(realm, "Out of memory in regular expression matching");
    return -1;
}

static hx_value substr(hx_realm *realm, hx_string *flat, int start, int end) {
    if (start >= end) return HX_ATOM(realm->rt, empty);
    return hx_string_substring(realm->rt, flat, (uint32_t)start, (uint32_t)end);
}

/* A property key for a group name. */
static hx_key group_key(hx_realm *realm, const uint16_t *name, size_t len) {
    hx_value s = hx_string_from_utf16(realm->rt, name, len);
    if (hx_is_exception(s)) return s;
    return hx_key_from_string(realm->rt, s);
}

/* Whether group i's name is shared with an earlier group that matched
 * (its groupNames entry is then empty: ES2025 22.2.7.2 step 35.e.ii). */
static bool name_taken(const hx_regexp_program *prog, const int *caps, int i) {
    size_t len;
    const uint16_t *name = hx_regexp_group_name(prog, i, &len);
    for (int j = hx_regexp_group_index(prog, name, len, 0); j >= 0 && j < i;
         j = hx_regexp_group_index(prog, name, len, j))
        if (caps[2 * j] >= 0) return true;
    return false;
}

/* ES2025 22.2.7.8 MakeMatchIndicesIndexPairArray */
static hx_value make_indices(hx_realm *realm, const hx_regexp_program *prog, const int *caps, int ncaps,
                             int first_start, bool has_groups) {
    hx_runtime *rt = realm->rt;
    hx_value av = hx_array_new(realm, 0);
    if (hx_is_exception(av)) return av;
    hx_object *a = hx_as_object(av);
    hx_value groups = HX_UNDEFINED;
    if (has_groups) {
        hx_object *g = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
        if (!g) return HX_EXCEPTION;
        groups = hx_object_value(g);
    }
    for (int i = 0; i < ncaps; i++) {
        hx_value pair = HX_UNDEFINED;
        int s = i == 0 ? first_start : caps[2 * i];
        if (caps[2 * i] >= 0) {
            hx_value pv[2] = {hx_int(s), hx_int(caps[2 * i + 1])};
            pair = hx_array_from(realm, pv, 2);
            if (hx_is_exception(pair)) return pair;
        }
        if (hx_array_push(realm, a, pair) < 0) return HX_EXCEPTION;
        size_t len;
        const uint16_t *name = i > 0 ? hx_regexp_group_name(prog, i, &len) : NULL;
        if (name && !name_taken(prog, caps, i)) {
            hx_key k = group_key(realm, name, len);
            if (hx_is_exception(k)) return k;
            if (hx_create_data_property_or_throw(realm, hx_as_object(groups), k, pair) < 0) return HX_EXCEPTION;
        }
    }
    if (hx_define_value(realm, a, HX_ATOM(rt, groups), groups, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    return av;
}

/* The groups object of a match (ES2025 22.2.7.2 steps 31-34): named group
 * values are vals[i] when vals is given, else substrings of flat. */
static hx_value make_groups(hx_realm *realm, const hx_regexp_program *prog, const int *caps, int ncaps,
                            hx_string *flat, const hx_value *vals) {
    hx_object *g = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    if (!g) return HX_EXCEPTION;
    for (int i = 1; i < ncaps; i++) {
        size_t len;
        const uint16_t *name = hx_regexp_group_name(prog, i, &len);
        if (!name || name_taken(prog, caps, i)) continue;
        hx_value v = vals ? vals[i] : caps[2 * i] < 0 ? HX_UNDEFINED : substr(realm, flat, caps[2 * i], caps[2 * i + 1]);
        if (hx_is_exception(v)) return v;
        hx_key k = group_key(realm, name, len);
        if (hx_is_exception(k) || hx_create_data_property_or_throw(realm, g, k, v) < 0) return HX_EXCEPTION;
    }
    return hx_object_value(g);
}

static bool has_group_names(const hx_regexp_program *prog) {
    int n = hx_regexp_capture_count(prog);
    for (int i = 1; i < n; i++) {
        size_t len;
        if (hx_regexp_group_name(prog, i, &len)) return true;
    }
    return false;
}

void hx_regexp_raw_free(hx_runtime *rt, hx_regexp_raw *raw) {
    hx_mem_free(rt, raw->caps, raw->caps_cap * sizeof(int));
    raw->caps = NULL;
    raw->caps_cap = 0;
}

/* RegExpBuiltinExec steps 1-16: finds the match and updates lastIndex.
 * Returns 1 with raw->caps / ncaps / index filled, 0 for no match, -1 on
 * throw; *prog_out is the program used (valid until user code runs). */
static int builtin_match(hx_realm *realm, hx_object *r, hx_value s, hx_regexp_raw *raw,
                         const hx_regexp_program **prog_out) {
    hx_runtime *rt = realm->rt;
    hx_value rv = hx_object_value(r);
    hx_string *str = hx_as_string(s);
    /* step 2 */
    hx_value liv = hx_get(realm, rv, HX_ATOM(rt, lastIndex));
    if (hx_is_exception(liv)) return -1;
    int64_t last_index;
    if (hx_to_length(realm, liv, &last_index) < 0) return -1;
    /* steps 3-9, read after ToLength (which may have recompiled R) */
    const hx_regexp_program *prog = r->u.data.ptr;
    if (!prog) {
        hx_throw_type_error(realm, "RegExp exec called on an uninitialized RegExp");
        return -1;
    }
    int bits = (int)r->u.data.bits;
    bool global = bits & HX_RE_GLOBAL, sticky = bits & HX_RE_STICKY;
    bool full_unicode = bits & (HX_RE_UNICODE | HX_RE_UNICODE_SETS);
    if (!global && !sticky) last_index = 0;
    /* step 13.a */
    if (last_index > str->len) {
        if ((global || sticky) && hx_is_exception(set_last_index(realm, rv, hx_int(0)))) return -1;
        return 0;
    }
    hx_string *flat = hx_string_flat(rt, str);
    if (!flat) return -1;
    /* step 13.b: with full Unicode, a lastIndex inside a surrogate pair
     * starts the match at the pair's code point */
    uint32_t start = (uint32_t)last_index;
    if (full_unicode && start > 0 && start < flat->len && is_trail(hx_string_char_at(flat, start)) &&
        is_lead(hx_string_char_at(flat, start - 1)))
        start--;
    int ncaps = hx_regexp_capture_count(prog);
    if (raw->caps_cap < 2 * (size_t)ncaps) {
        size_t ncap = 2 * (size_t)ncaps;
        int *c = hx_mem_realloc(rt, raw->caps, raw->caps_cap * sizeof(int), ncap * sizeof(int));
        if (!c) return -1;
        raw->caps = c;
        raw->caps_cap = ncap;
    }
    int m = run_matcher(realm, prog, flat, start, !sticky, raw->caps);
    if (m < 0) return -1;
    if (m == 0) {
        /* steps 13.a and 13.d.i */
        if ((global || sticky) && hx_is_exception(set_last_index(realm, rv, hx_int(0)))) return -1;
        return 0;
    }
    /* the match starts at the loop's lastIndex (steps 13.d.ii / 25) */
    raw->ncaps = ncaps;
    raw->index = raw->caps[0] == (int)start ? (int)last_index : raw->caps[0];
    /* step 16 */
    if ((global || sticky) && hx_is_exception(set_last_index(realm, rv, hx_int(raw->caps[1])))) return -1;
    *prog_out = prog;
    return 1;
}

/* RegExpBuiltinExec steps 17-36: the match array of a match found by
 * builtin_match. */
static hx_value match_array(hx_realm *realm, hx_object *r, const hx_regexp_program *prog, const hx_regexp_raw *raw,
                            hx_value s) {
    hx_runtime *rt = realm->rt;
    hx_string *flat = hx_string_flat(rt, hx_as_string(s));
    if (!flat) return HX_EXCEPTION;
    int ncaps = raw->ncaps;
    const int *caps = raw->caps;
    hx_value *vals = hx_mem_alloc(rt, (size_t)ncaps * sizeof(hx_value));
    if (!vals) return HX_EXCEPTION;
    /* the values are rooted by the handle stack until the array holds them */
    for (int i = 0; i < ncaps; i++) {
        vals[i] = caps[2 * i] < 0 ? HX_UNDEFINED : substr(realm, flat, i == 0 ? raw->index : caps[2 * i], caps[2 * i + 1]);
        if (hx_is_exception(vals[i])) {
            hx_mem_free(rt, vals, (size_t)ncaps * sizeof(hx_value));
            return HX_EXCEPTION;
        }
    }
    hx_value av = hx_array_from(realm, vals, (uint32_t)ncaps);
    hx_mem_free(rt, vals, (size_t)ncaps * sizeof(hx_value));
    if (hx_is_exception(av)) return av;
    hx_object *a = hx_as_object(av);
    if (hx_define_value(realm, a, HX_ATOM(rt, index), hx_int(raw->index), HX_PROP_DEFAULT) < 0 ||
        hx_define_value(realm, a, HX_ATOM(rt, input), s, HX_PROP_DEFAULT) < 0)
        return HX_EXCEPTION;
    bool has_groups = has_group_names(prog);
    hx_value groups = HX_UNDEFINED;
    if (has_groups) {
        groups = make_groups(realm, prog, caps, ncaps, flat, a->elems);
        if (hx_is_exception(groups)) return groups;
    }
    if (hx_define_value(realm, a, HX_ATOM(rt, groups), groups, HX_PROP_DEFAULT) < 0) return HX_EXCEPTION;
    /* step 35 */
    if (r->u.data.bits & HX_RE_HAS_INDICES) {
        hx_value ind = make_indices(realm, prog, caps, ncaps, raw->index, has_groups);
        if (hx_is_exception(ind) || hx_define_value(realm, a, HX_ATOM(rt, indices), ind, HX_PROP_DEFAULT) < 0)
            return HX_EXCEPTION;
    }
    return av;
}

/* RegExpBuiltinExec (ES2025 22.2.7.2).  With raw_out, a match returns
 * HX_TRUE with the positions and groups object in *raw_out instead of the
 * array; with want_array false (and no raw_out), a match returns HX_TRUE. */
static hx_value builtin_exec(hx_realm *realm, hx_object *r, hx_value s, bool want_array, hx_regexp_raw *raw_out) {
    hx_regexp_raw local = {0};
    hx_regexp_raw *raw = raw_out ? raw_out : &local;
    const hx_regexp_program *prog = NULL;
    int m = builtin_match(realm, r, s, raw, &prog);
    hx_value result = m < 0 ? HX_EXCEPTION : m == 0 ? HX_NULL : HX_TRUE;
    if (m > 0 && raw_out) {
        raw->groups = HX_UNDEFINED;
        if (has_group_names(prog)) {
            hx_string *flat = hx_string_flat(realm->rt, hx_as_string(s));
            raw->groups = flat ? make_groups(realm, prog, raw->caps, raw->ncaps, flat, NULL) : HX_EXCEPTION;
            if (hx_is_exception(raw->groups)) result = HX_EXCEPTION;
        }
    } else if (m > 0 && want_array)
        result = match_array(realm, r, prog, raw, s);
    if (!raw_out) hx_regexp_raw_free(realm->rt, &local);
    return result;
}

hx_value hx_regexp_obj_builtin_exec(hx_realm *realm, hx_object *r, hx_value s) {
    return builtin_exec(realm, r, s, true, NULL);
}

/* RequireInternalSlot(R, [[RegExpMatcher]]) */
static hx_object *this_regexp(hx_realm *realm, hx_value v, const char *method) {
    if (hx_regexp_obj_is(v)) return hx_as_object(v);
    hx_throw_type_error(realm, "RegExp.prototype.%s requires that 'this' be a RegExp object", method);
    return NULL;
}

/* ES2025 22.2.6.2 RegExp.prototype.exec ( string ) */
NATIVE(regexp_proto_exec) {
    hx_object *r = this_regexp(realm, this_value, "exec");
    if (!r) return HX_EXCEPTION;
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    return builtin_exec(realm, r, s, true, NULL);
}

static bool is_builtin_exec(hx_value f) {
    hx_object *o = hx_as_object(f);
    return hx_class_of(o) == HX_CLASS_NATIVE_FUNCTION && o->u.native.fn == regexp_proto_exec;
}

/* ES2025 22.2.7.1 RegExpExec; want_array false allows a true result for a
 * match when the builtin exec runs (nothing else observes the array), and
 * raw asks for the match positions instead of the array then. */
static hx_value regexp_exec(hx_realm *realm, hx_value r, hx_value s, bool want_array, hx_regexp_raw *raw) {
    hx_value exec = hx_get(realm, r, HX_ATOM(realm->rt, exec));
    if (hx_is_exception(exec)) return exec;
    if (hx_is_callable(exec)) {
        if (is_builtin_exec(exec) && hx_regexp_obj_is(r))
            return builtin_exec(hx_as_object(exec)->u.native.realm, hx_as_object(r), s, want_array, raw);
        hx_value result = hx_call(realm, exec, r, 1, &s);
        if (hx_is_exception(result)) return result;
        if (!hx_is_object(result) && !hx_is_null(result))
            return hx_throw_type_error(realm, "RegExp exec method returned something other than an Object or null");
        return result;
    }
    if (!hx_regexp_obj_is(r)) return hx_throw_type_error(realm, "RegExp exec called on an incompatible receiver");
    return builtin_exec(realm, hx_as_object(r), s, want_array, raw);
}

hx_value hx_regexp_obj_exec(hx_realm *realm, hx_value r, hx_value s) { return regexp_exec(realm, r, s, true, NULL); }

hx_value hx_regexp_obj_exec_raw(hx_realm *realm, hx_value r, hx_value s, hx_regexp_raw *raw) {
    return regexp_exec(realm, r, s, true, raw);
}

/* ES2025 22.2.6.16 RegExp.prototype.test ( S ) */
NATIVE(regexp_proto_test) {
    if (!hx_is_object(this_value))
        return hx_throw_type_error(realm, "RegExp.prototype.test called on a non-object");
    hx_value s = hx_to_string(realm, HX_ARG(0));
    if (hx_is_exception(s)) return s;
    hx_value m = regexp_exec(realm, this_value, s, false, NULL);
    if (hx_is_exception(m)) return m;
    return hx_bool(!hx_is_null(m));
}

/* ---- getters ------------------------------------------------------------------ */

/* ES2025 22.2.6.4.1 RegExpHasFlag; magic is the HX_RE_* bit. */
NATIVE(regexp_flag_get) {
    if (hx_regexp_obj_is(this_value)) return hx_bool(hx_as_object(this_value)->u.data.bits & (uint64_t)magic);
    if (hx_is_object(this_value) && this_value == HX_INTR(realm, RegExpPrototype)) return HX_UNDEFINED;
    return hx_throw_type_error(realm, "RegExp.prototype flag getter called on an incompatible receiver");
}

/* ES2025 22.2.6.4 get RegExp.prototype.flags */
NATIVE(regexp_flags_get) {
    static const char letters[] = "dgimsuvy";
    if (!hx_is_object(this_value))
        return hx_throw_type_error(realm, "RegExp.prototype.flags getter called on a non-object");
    hx_runtime *rt = realm->rt;
    const hx_key keys[8] = {HX_ATOM(rt, hasIndices), HX_ATOM(rt, global),  HX_ATOM(rt, ignoreCase),
                            HX_ATOM(rt, multiline),  HX_ATOM(rt, dotAll),  HX_ATOM(rt, unicode),
                            HX_ATOM(rt, unicodeSets), HX_ATOM(rt, sticky)};
    uint8_t out[8];
    size_t n = 0;
    for (int i = 0; i < 8; i++) {
        hx_value v = hx_get(realm, this_value, keys[i]);
        if (hx_is_exception(v)) return v;
        if (hx_to_boolean(v)) out[n++] = (uint8_t)letters[i];
    }
    return hx_string_from_latin1(rt, out, n);
}

static bool is_line_terminator(uint16_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

static void add_line_terminator_escape(hx_sb *sb, uint16_t c) {
    hx_sb_add_cstr(sb, c == '\n' ? "n" : c == '\r' ? "r" : c == 0x2028 ? "u2028" : "u2029");
}

/* ES2025 22.2.6.13.1 EscapeRegExpPattern: "/" outside classes and line
 * terminators are escaped so "/" + source + "/" + flags is a literal that
 * behaves identically. */
static hx_value escape_pattern(hx_realm *realm, hx_value src, int bits) {
    hx_runtime *rt = realm->rt;
    hx_string *f = hx_string_flat(rt, hx_as_string(src));
    if (!f) return HX_EXCEPTION;
    if (f->len == 0) return hx_string_from_cstr(rt, "(?:)");
    bool needed = false;
    for (uint32_t i = 0; i < f->len && !needed; i++) {
        uint16_t c = hx_string_char_at(f, i);
        needed = c == '/' || is_line_terminator(c);
    }
    if (!needed) return src;
    bool nested = bits & HX_RE_UNICODE_SETS; /* classes nest only with v */
    int depth = 0;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (uint32_t i = 0; i < f->len; i++) {
        uint16_t c = hx_string_char_at(f, i);
        if (c == '\\') {
            hx_sb_add_unit(&sb, c);
            if (i + 1 < f->len) {
                uint16_t d = hx_string_char_at(f, ++i);
                if (is_line_terminator(d)) add_line_terminator_escape(&sb, d);
                else hx_sb_add_unit(&sb, d);
            }
            continue;
        }
        if (c == '[') depth = nested ? depth + 1 : 1;
        else if (c == ']' && depth > 0) depth--;
        if (c == '/' && depth == 0) hx_sb_add_cstr(&sb, "\\/");
        else if (is_line_terminator(c)) {
            hx_sb_add_unit(&sb, '\\');
            add_line_terminator_escape(&sb, c);
        } else
            hx_sb_add_unit(&sb, c);
    }
    return hx_sb_finish(&sb);
}

/* ES2025 22.2.6.13 get RegExp.prototype.source */
NATIVE(regexp_source_get) {
    if (hx_regexp_obj_is(this_value)) {
        hx_object *r = hx_as_object(this_value);
        if (!hx_is_string(r->u.data.slots[0]))
            return hx_throw_type_error(realm, "RegExp.prototype.source getter called on an uninitialized RegExp");
        return escape_pattern(realm, r->u.data.slots[0], (int)r->u.data.bits);
    }
    if (hx_is_object(this_value) && this_value == HX_INTR(realm, RegExpPrototype))
        return hx_string_from_cstr(realm->rt, "(?:)");
    return hx_throw_type_error(realm, "RegExp.prototype.source getter called on an incompatible receiver");
}

/* ES2025 22.2.6.17 RegExp.prototype.toString ( ) */
NATIVE(regexp_proto_to_string) {
    if (!hx_is_object(this_value))
        return hx_throw_type_error(realm, "RegExp.prototype.toString called on a non-object");
    hx_runtime *rt = realm->rt;
    hx_value p = hx_get(realm, this_value, HX_ATOM(rt, source));
    if (hx_is_exception(p)) return p;
    p = hx_to_string(realm, p);
    if (hx_is_exception(p)) return p;
    hx_value f = hx_get(realm, this_value, HX_ATOM(rt, flags));
    if (hx_is_exception(f)) return f;
    f = hx_to_string(realm, f);
    if (hx_is_exception(f)) return f;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_unit(&sb, '/');
    if (hx_as_string(p)->len) hx_sb_add_string(&sb, hx_as_string(p));
    hx_sb_add_unit(&sb, '/');
    if (hx_as_string(f)->len) hx_sb_add_string(&sb, hx_as_string(f));
    return hx_sb_finish(&sb);
}

/* ES2025 B.2.4.1 RegExp.prototype.compile ( pattern, flags ) */
NATIVE(regexp_proto_compile) {
    hx_object *o = this_regexp(realm, this_value, "compile");
    if (!o) return HX_EXCEPTION;
    hx_value pattern = HX_ARG(0), flags = HX_ARG(1);
    if (hx_regexp_obj_is(pattern)) {
        if (!hx_is_undefined(flags))
            return hx_throw_type_error(realm, "Cannot supply flags when constructing one RegExp from another");
        hx_object *po = hx_as_object(pattern);
        if (!hx_is_string(po->u.data.slots[0]))
            return hx_throw_type_error(realm, "RegExp.prototype.compile called with an uninitialized RegExp");
        return regexp_install(realm, o, po->u.data.slots[0], po->u.data.slots[1]);
    }
    return regexp_initialize(realm, o, pattern, flags);
}

/* ---- tables and initialisation ------------------------------------------------------ */

#define FLAG_GETTER(name, bit) {name, HX_BI_GETSET, regexp_flag_get, NULL, 0, bit, 0, NULL, 0}

static const hx_builtin regexp_proto_table[] = {
    HX_FUNC("exec", regexp_proto_exec, 1),
    HX_FUNC("test", regexp_proto_test, 1),
    HX_FUNC("toString", regexp_proto_to_string, 0),
    HX_FUNC("compile", regexp_proto_compile, 2),
    HX_GETSET("flags", regexp_flags_get, NULL),
    HX_GETSET("source", regexp_source_get, NULL),
    FLAG_GETTER("hasIndices", HX_RE_HAS_INDICES),
    FLAG_GETTER("global", HX_RE_GLOBAL),
    FLAG_GETTER("ignoreCase", HX_RE_IGNORE_CASE),
    FLAG_GETTER("multiline", HX_RE_MULTILINE),
    FLAG_GETTER("dotAll", HX_RE_DOT_ALL),
    FLAG_GETTER("unicode", HX_RE_UNICODE),
    FLAG_GETTER("unicodeSets", HX_RE_UNICODE_SETS),
    FLAG_GETTER("sticky", HX_RE_STICKY),
};

static const hx_builtin regexp_ctor_table[] = {
    HX_FUNC("escape", regexp_escape, 1),
    HX_SYM_GETSET("species", regexp_species, NULL),
};

int hx_init_regexp(hx_realm *realm) {
    hx_object *proto = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!proto) return -1;
    HX_INTR(realm, RegExpPrototype) = hx_object_value(proto);
    hx_value ctor = hx_make_constructor(realm, regexp_ctor, "RegExp", 2, proto, 0);
    if (hx_is_exception(ctor)) return -1;
    HX_INTR(realm, RegExp) = ctor;
    if (HX_INSTALL(realm, proto, regexp_proto_table) < 0 ||
        HX_INSTALL(realm, hx_as_object(ctor), regexp_ctor_table) < 0 ||
        hx_regexp_obj_install_methods(realm, proto) < 0)
        return -1;
    return hx_define_global(realm, "RegExp", ctor);
}
