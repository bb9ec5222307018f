/*
 * json.c — the JSON object (ES2025 25.5): JSON.parse with a strict
 * recursive-descent parser over the flat source string and the reviver walk
 * (InternalizeJSONProperty), and JSON.stringify writing straight into one
 * string builder (SerializeJSONProperty and friends).
 *
 * Invariants: both directions bound their recursion by JSON_MAX_DEPTH so
 * deeply nested input is a catchable RangeError, never a C stack overflow.
 * stringify's writer may emit a property's key before knowing the value is
 * serialisable; it then truncates the builder back to the saved length.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/bigint.h"
#include "base/numconv.h"
#include "builtins/init.h"

#define JSON_MAX_DEPTH 4000

/* ---- JSON.parse -------------------------------------------------------------- */

typedef struct jparser {
    hx_realm *realm;
    hx_string *src; /* flat */
    uint32_t pos, len;
    int depth;
} jparser;

static inline int peek(jparser *p) { return p->pos < p->len ? hx_string_char_at(p->src, p->pos) : -1; }

static void skip_ws(jparser *p) {
    while (p->pos < p->len) {
        uint16_t c = hx_string_char_at(p->src, p->pos);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
        p->pos++;
    }
}

static hx_value syntax_error(jparser *p) {
    if (p->pos >= p->len) return hx_throw_syntax_error(p->realm, "Unexpected end of JSON input");
    uint16_t c = hx_string_char_at(p->src, p->pos);
    if (c >= 0x20 && c < 0x7F)
        return hx_throw_syntax_error(p->realm, "Unexpected token '%c' in JSON at position %u", (char)c, p->pos);
    return hx_throw_syntax_error(p->realm, "Unexpected character U+%04X in JSON at position %u", c, p->pos);
}

static int hex_digit(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* JSONString, with p->pos on the opening quote. */
static hx_value parse_string(jparser *p) {
    hx_runtime *rt = p->realm->rt;
    p->pos++;
    uint32_t start = p->pos;
    /* fast path: no escapes */
    while (p->pos < p->len) {
        uint16_t c = hx_string_char_at(p->src, p->pos);
        if (c == '"') {
            hx_value s = hx_string_substring(rt, p->src, start, p->pos);
            p->pos++;
            return s;
        }
        if (c == '\\' || c < 0x20) break;
        p->pos++;
    }
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (uint32_t i = start; i < p->pos; i++) hx_sb_add_unit(&sb, hx_string_char_at(p->src, i));
    for (;;) {
        if (p->pos >= p->len) goto fail;
        uint16_t c = hx_string_char_at(p->src, p->pos);
        if (c == '"') {
            p->pos++;
            return hx_sb_finish(&sb);
        }
        if (c < 0x20) goto fail;
        if (c != '\\') {
            hx_sb_add_unit(&sb, c);
            p->pos++;
            continue;
        }
        p->pos++;
        int e = peek(p);
        uint16_t out;
        switch (e) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u': {
            uint32_t v = 0;
            for (int k = 1; k <= 4; k++) {
                int d = p->pos + (uint32_t)k < p->len ? hex_digit(hx_string_char_at(p->src, p->pos + (uint32_t)k)) : -1;
                if (d < 0) {
                    p->pos += (uint32_t)k;
                    goto fail;
                }
                v = v * 16 + (uint32_t)d;
            }
            p->pos += 4;
            out = (uint16_t)v;
            break;
        }
        default: goto fail;
        }
        hx_sb_add_unit(&sb, out);
        p->pos++;
    }
fail:
    hx_sb_free(&sb);
    return syntax_error(p);
}

/* JSONNumber */
static hx_value parse_number(jparser *p) {
    bool neg = false;
    if (peek(p) == '-') {
        neg = true;
        p->pos++;
    }
    uint32_t digits = p->pos;
    if (peek(p) == '0') p->pos++;
    else if (peek(p) >= '1' && peek(p) <= '9')
        while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    else
        return syntax_error(p);
    if (peek(p) == '.') {
        p->pos++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) return syntax_error(p);
        while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    }
    if (peek(p) == 'e' || peek(p) == 'E') {
        p->pos++;
        if (peek(p) == '+' || peek(p) == '-') p->pos++;
        if (!(peek(p) >= '0' && peek(p) <= '9')) return syntax_error(p);
        while (peek(p) >= '0' && peek(p) <= '9') p->pos++;
    }
    uint32_t n = p->pos - digits;
    if (!neg && n <= 9) { /* small integers: common and exact */
        bool integral = true;
        int32_t v = 0;
        for (uint32_t i = digits; i < p->pos && integral; i++) {
            uint16_t c = hx_string_char_at(p->src, i);
            if (c < '0' || c > '9') integral = false;
            else v = v * 10 + (c - '0');
        }
        if (integral) return hx_int(v);
    }
    char stack_buf[64];
    char *buf = n < sizeof stack_buf ? stack_buf : hx_mem_alloc(p->realm->rt, n);
    if (!buf) return HX_EXCEPTION;
    for (uint32_t i = 0; i < n; i++) buf[i] = (char)hx_string_char_at(p->src, digits + i);
    double d = hx_parse_decimal(buf, n);
    if (buf != stack_buf) hx_mem_free(p->realm->rt, buf, n);
    return hx_number(neg ? -d : d);
}

static bool match_word(jparser *p, const char *w) {
    size_t n = strlen(w);
    if (p->len - p->pos < n) return false;
    for (size_t i = 0; i < n; i++)
        if (hx_string_char_at(p->src, p->pos + (uint32_t)i) != (uint8_t)w[i]) {
            p->pos += (uint32_t)i;
            return false;
        }
    p->pos += (uint32_t)n;
    return true;
}

static hx_value parse_value(jparser *p);

static hx_value parse_array(jparser *p) {
    hx_realm *realm = p->realm;
    hx_value arr = hx_array_new(realm, 0);
    if (hx_is_exception(arr)) return arr;
    p->pos++;
    skip_ws(p);
    if (peek(p) == ']') {
        p->pos++;
        return arr;
    }
    for (;;) {
        hx_value v = parse_value(p);
        if (hx_is_exception(v)) return v;
        if (hx_array_push(realm, hx_as_object(arr), v) < 0) return HX_EXCEPTION;
        skip_ws(p);
        int c = peek(p);
        p->pos++;
        if (c == ']') return arr;
        if (c != ',') {
            p->pos--;
            return syntax_error(p);
        }
    }
}

static hx_value parse_object(jparser *p) {
    hx_realm *realm = p->realm;
    hx_value obj = hx_new_plain_object(realm);
    if (hx_is_exception(obj)) return obj;
    p->pos++;
    skip_ws(p);
    if (peek(p) == '}') {
        p->pos++;
        return obj;
    }
    for (;;) {
        skip_ws(p);
        if (peek(p) != '"') return syntax_error(p);
        hx_value name = parse_string(p);
        if (hx_is_exception(name)) return name;
        hx_key key = hx_to_property_key(realm, name);
        if (hx_is_exception(key)) return key;
        skip_ws(p);
        if (peek(p) != ':') return syntax_error(p);
        p->pos++;
        hx_value v = parse_value(p);
        if (hx_is_exception(v)) return v;
        /* ES2025 25.5.1 step 4 note: duplicate names — the last one wins */
        if (hx_create_data_property(realm, hx_as_object(obj), key, v) < 0) return HX_EXCEPTION;
        skip_ws(p);
        int c = peek(p);
        p->pos++;
        if (c == '}') return obj;
        if (c != ',') {
            p->pos--;
            return syntax_error(p);
        }
    }
}

static hx_value parse_value(jparser *p) {
    skip_ws(p);
    int c = peek(p);
    hx_value r;
    switch (c) {
    case '{':
    case '[':
        if (++p->depth > JSON_MAX_DEPTH) return hx_throw_range_error(p->realm, "JSON.parse: nesting too deep");
        r = c == '{' ? parse_object(p) : parse_array(p);
        p->depth--;
        return r;
    case '"': return parse_string(p);
    case 't': return match_word(p, "true") ? HX_TRUE : syntax_error(p);
    case 'f': return match_word(p, "false") ? HX_FALSE : syntax_error(p);
    case 'n': return match_word(p, "null") ? HX_NULL : syntax_error(p);
    default:
        if (c == '-' || (c >= '0' && c <= '9')) return parse_number(p);
        return syntax_error(p);
    }
}

/* ES2025 25.5.1.1 InternalizeJSONProperty(holder, name, reviver) */
static hx_value internalize(hx_realm *realm, hx_value holder, hx_key name, hx_value reviver, int depth) {
    hx_runtime *rt = realm->rt;
    if (depth > JSON_MAX_DEPTH) return hx_throw_range_error(realm, "JSON.parse: nesting too deep");
    hx_value val = hx_get(realm, holder, name); /* step 1 */
    if (hx_is_exception(val)) return val;
    if (hx_is_object(val)) { /* step 2 */
        bool is_array;
        if (!hx_is_array(realm, val, &is_array)) return HX_EXCEPTION;
        hx_object *o = hx_as_object(val);
        if (is_array) {
            int64_t len = hx_length_of(realm, val);
            if (len < 0) return HX_EXCEPTION;
            for (int64_t i = 0; i < len; i++) {
                size_t mark = hx_handles_save(rt);
                hx_key k;
                if (i < 0xFFFFFFFF) k = hx_index_key((uint32_t)i);
                else {
                    hx_value ks = hx_number_to_string_value(rt, (double)i);
                    k = hx_is_exception(ks) ? ks : hx_key_from_string(rt, ks);
                    if (hx_is_exception(k)) return k;
                }
                hx_value ne = internalize(realm, val, k, reviver, depth + 1);
                if (hx_is_exception(ne)) return ne;
                int r = hx_is_undefined(ne) ? hx_delete(realm, o, k, false) : hx_create_data_property(realm, o, k, ne);
                if (r < 0) return HX_EXCEPTION;
                hx_handles_restore(rt, mark);
            }
        } else {
            hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS); /* EnumerableOwnProperties */
            if (hx_is_exception(keys)) return keys;
            hx_object *ko = hx_as_object(keys);
            uint32_t n = 0;
            for (uint32_t i = 0; i < ko->elem_len; i++) {
                hx_desc d;
                hx_key k = hx_to_property_key(realm, ko->elems[i]);
                if (hx_is_exception(k)) return k;
                int r = hx_get_own_property(realm, o, k, &d);
                if (r < 0) return HX_EXCEPTION;
                if (r && (d.flags & HX_PROP_ENUMERABLE)) ko->elems[n++] = ko->elems[i];
            }
            for (uint32_t i = 0; i < n; i++) {
                size_t mark = hx_handles_save(rt);
                hx_key k = hx_to_property_key(realm, ko->elems[i]);
                if (hx_is_exception(k)) return k;
                hx_value ne = internalize(realm, val, k, reviver, depth + 1);
                if (hx_is_exception(ne)) return ne;
                int r = hx_is_undefined(ne) ? hx_delete(realm, o, k, false) : hx_create_data_property(realm, o, k, ne);
                if (r < 0) return HX_EXCEPTION;
                hx_handles_restore(rt, mark);
            }
        }
    }
    hx_value args[2] = {hx_key_to_value(rt, name), val}; /* step 3 */
    if (hx_is_exception(args[0])) return HX_EXCEPTION;
    return hx_call(realm, reviver, holder, 2, args);
}

/* ES2025 25.5.1 JSON.parse(text [, reviver]) */
static hx_value json_parse(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                           hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    hx_value text = hx_to_string(realm, HX_ARG(0)); /* step 1 */
    if (hx_is_exception(text)) return text;
    jparser p = {realm, hx_string_flat(rt, hx_as_string(text)), 0, 0, 0};
    if (!p.src) return HX_EXCEPTION;
    p.len = p.src->len;
    hx_value v = parse_value(&p); /* steps 2-4 */
    if (hx_is_exception(v)) return v;
    skip_ws(&p);
    if (p.pos < p.len) return syntax_error(&p);
    hx_value reviver = HX_ARG(1);
    if (!hx_is_callable(reviver)) return v; /* step 6 */
    hx_value root = hx_new_plain_object(realm); /* step 5.a */
    if (hx_is_exception(root)) return root;
    if (hx_create_data_property_or_throw(realm, hx_as_object(root), HX_ATOM(rt, empty), v) < 0) return HX_EXCEPTION;
    return internalize(realm, root, HX_ATOM(rt, empty), reviver, 0);
}

/* ---- JSON.stringify -------------------------------------------------------------- */

/* ES2025 25.5.2.3 QuoteJSONString */
void hx_json_quote(hx_sb *sb, hx_string *s) {
    hx_string *f = hx_string_flat(sb->rt, s);
    if (!f) {
        sb->failed = true;
        return;
    }
    static const char hex[] = "0123456789abcdef";
    hx_sb_add_unit(sb, '"');
    for (uint32_t i = 0; i < f->len; i++) {
        uint16_t c = hx_string_char_at(f, i);
        switch (c) {
        case '\b': hx_sb_add_cstr(sb, "\\b"); continue;
        case '\t': hx_sb_add_cstr(sb, "\\t"); continue;
        case '\n': hx_sb_add_cstr(sb, "\\n"); continue;
        case '\f': hx_sb_add_cstr(sb, "\\f"); continue;
        case '\r': hx_sb_add_cstr(sb, "\\r"); continue;
        case '"': hx_sb_add_cstr(sb, "\\\""); continue;
        case '\\': hx_sb_add_cstr(sb, "\\\\"); continue;
        default: break;
        }
        bool escape = c < 0x20;
        if (c >= 0xD800 && c <= 0xDFFF) { /* lone surrogates are escaped (well-formed stringify) */
            bool paired = false;
            if (c <= 0xDBFF && i + 1 < f->len) {
                uint16_t d = hx_string_char_at(f, i + 1);
                if (d >= 0xDC00 && d <= 0xDFFF) {
                    hx_sb_add_unit(sb, c);
                    hx_sb_add_unit(sb, d);
                    i++;
                    paired = true;
                }
            }
            if (paired) continue;
            escape = true;
        }
        if (escape) {
            char buf[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], 0};
            hx_sb_add_cstr(sb, buf);
        } else
            hx_sb_add_unit(sb, c);
    }
    hx_sb_add_unit(sb, '"');
}

typedef struct jstate {
    hx_realm *realm;
    hx_sb sb;
    hx_value replacer_fn;  /* callable or undefined */
    hx_value property_list; /* array of strings or undefined */
    uint16_t gap[10];
    uint32_t gap_len;
    uint32_t level;        /* indent = gap repeated level times */
    hx_object **stack;     /* objects being serialised, for cycle detection */
    uint32_t stack_len, stack_cap;
} jstate;

static void newline_indent(jstate *st) {
    hx_sb_add_unit(&st->sb, '\n');
    for (uint32_t l = 0; l < st->level; l++)
        for (uint32_t i = 0; i < st->gap_len; i++) hx_sb_add_unit(&st->sb, st->gap[i]);
}

static int serialize_property(jstate *st, hx_value holder, hx_key key);

/* Enters an object: cycle check (ES2025 25.5.2.5 step 1 / 25.5.2.6 step 1). */
static int push_stack(jstate *st, hx_object *o) {
    for (uint32_t i = 0; i < st->stack_len; i++)
        if (st->stack[i] == o) {
            hx_throw_type_error(st->realm, "Converting circular structure to JSON");
            return -1;
        }
    if (st->stack_len >= JSON_MAX_DEPTH) {
        hx_throw_range_error(st->realm, "JSON.stringify: nesting too deep");
        return -1;
    }
    if (st->stack_len == st->stack_cap) {
        uint32_t ncap = st->stack_cap ? st->stack_cap * 2 : 16;
        hx_object **n = hx_mem_realloc(st->realm->rt, st->stack, st->stack_cap * sizeof(hx_object *),
                                       ncap * sizeof(hx_object *));
        if (!n) return -1;
        st->stack = n;
        st->stack_cap = ncap;
    }
    st->stack[st->stack_len++] = o;
    st->level++;
    return 0;
}

/* ES2025 25.5.2.5 SerializeJSONObject */
static int serialize_object(jstate *st, hx_value value) {
    hx_realm *realm = st->realm;
    hx_runtime *rt = realm->rt;
    hx_object *o = hx_as_object(value);
    if (push_stack(st, o) < 0) return -1;
    hx_value keys = st->property_list; /* step 5 */
    uint32_t count;
    if (hx_is_undefined(keys)) {
        keys = hx_own_keys(realm, o, HX_KEYS_STRINGS);
        if (hx_is_exception(keys)) return -1;
        hx_object *ko = hx_as_object(keys);
        count = 0;
        for (uint32_t i = 0; i < ko->elem_len; i++) { /* EnumerableOwnProperties, compacted in place */
            hx_desc d;
            hx_key k = hx_to_property_key(realm, ko->elems[i]);
            if (hx_is_exception(k)) return -1;
            int r = hx_get_own_property(realm, o, k, &d);
            if (r < 0) return -1;
            if (r && (d.flags & HX_PROP_ENUMERABLE)) ko->elems[count++] = ko->elems[i];
        }
    } else
        count = hx_as_object(keys)->elem_len;
    hx_object *ko = hx_as_object(keys);
    hx_sb_add_unit(&st->sb, '{');
    bool any = false;
    for (uint32_t i = 0; i < count; i++) {
        size_t mark = hx_handles_save(rt);
        hx_value name = ko->elems[i];
        hx_key k = hx_to_property_key(realm, name);
        if (hx_is_exception(k)) return -1;
        uint32_t before = st->sb.len;
        if (any) hx_sb_add_unit(&st->sb, ',');
        if (st->gap_len) newline_indent(st);
        hx_json_quote(&st->sb, hx_as_string(name));
        hx_sb_add_unit(&st->sb, ':');
        if (st->gap_len) hx_sb_add_unit(&st->sb, ' ');
        int r = serialize_property(st, value, k);
        if (r < 0) return -1;
        if (r == 0) st->sb.len = before; /* undefined: drop the member */
        else any = true;
        hx_handles_restore(rt, mark);
    }
    st->level--;
    st->stack_len--;
    if (any && st->gap_len) newline_indent(st);
    hx_sb_add_unit(&st->sb, '}');
    return 1;
}

/* ES2025 25.5.2.6 SerializeJSONArray */
static int serialize_array(jstate *st, hx_value value) {
    hx_realm *realm = st->realm;
    hx_runtime *rt = realm->rt;
    if (push_stack(st, hx_as_object(value)) < 0) return -1;
    int64_t len = hx_length_of(realm, value);
    if (len < 0) return -1;
    hx_sb_add_unit(&st->sb, '[');
    for (int64_t i = 0; i < len; i++) {
        size_t mark = hx_handles_save(rt);
        if (i > 0) hx_sb_add_unit(&st->sb, ',');
        if (st->gap_len) newline_indent(st);
        hx_key k;
        if (i < 0xFFFFFFFF) k = hx_index_key((uint32_t)i);
        else {
            hx_value ks = hx_number_to_string_value(rt, (double)i);
            k = hx_is_exception(ks) ? ks : hx_key_from_string(rt, ks);
            if (hx_is_exception(k)) return -1;
        }
        int r = serialize_property(st, value, k);
        if (r < 0) return -1;
        if (r == 0) hx_sb_add_cstr(&st->sb, "null");
        hx_handles_restore(rt, mark);
        if (st->sb.failed) break;
    }
    st->level--;
    st->stack_len--;
    if (len > 0 && st->gap_len) newline_indent(st);
    hx_sb_add_unit(&st->sb, ']');
    return 1;
}

/* ES2025 25.5.2.2 SerializeJSONProperty: appends the text and returns 1, or
 * returns 0 for undefined (nothing appended), -1 on throw. */
static int serialize_property(jstate *st, hx_value holder, hx_key key) {
    hx_realm *realm = st->realm;
    hx_runtime *rt = realm->rt;
    hx_value value = hx_get(realm, holder, key); /* step 1 */
    if (hx_is_exception(value)) return -1;
    hx_value key_str = HX_UNDEFINED;
    if (hx_is_object(value) || hx_is_bigint(value)) { /* step 2 */
        hx_value to_json = hx_get(realm, value, HX_ATOM(rt, toJSON));
        if (hx_is_exception(to_json)) return -1;
        if (hx_is_callable(to_json)) {
            key_str = hx_key_to_value(rt, key);
            if (hx_is_exception(key_str)) return -1;
            value = hx_call(realm, to_json, value, 1, &key_str);
            if (hx_is_exception(value)) return -1;
        }
    }
    if (!hx_is_undefined(st->replacer_fn)) { /* step 3 */
        if (hx_is_undefined(key_str)) key_str = hx_key_to_value(rt, key);
        if (hx_is_exception(key_str)) return -1;
        hx_value args[2] = {key_str, value};
        value = hx_call(realm, st->replacer_fn, holder, 2, args);
        if (hx_is_exception(value)) return -1;
    }
    if (hx_is_object(value)) { /* step 4: unwrap primitive wrappers */
        hx_class_id cls = hx_class_of(hx_as_object(value));
        if (cls == HX_CLASS_NUMBER) {
            double d;
            if (hx_to_number(realm, value, &d) < 0) return -1;
            value = hx_number(d);
        } else if (cls == HX_CLASS_STRING) {
            value = hx_to_string(realm, value);
            if (hx_is_exception(value)) return -1;
        } else if (cls == HX_CLASS_BOOLEAN || cls == HX_CLASS_BIGINT)
            value = hx_as_object(value)->u.primitive.value;
    }
    if (hx_is_null(value)) return hx_sb_add_cstr(&st->sb, "null"), 1;
    if (value == HX_TRUE) return hx_sb_add_cstr(&st->sb, "true"), 1;
    if (value == HX_FALSE) return hx_sb_add_cstr(&st->sb, "false"), 1;
    if (hx_is_string(value)) return hx_json_quote(&st->sb, hx_as_string(value)), 1;
    if (hx_is_number(value)) {
        double d = hx_to_double_fast(value);
        if (!isfinite(d)) return hx_sb_add_cstr(&st->sb, "null"), 1;
        char buf[HX_NUMCONV_BUF];
        int n = hx_number_to_string(d, buf);
        hx_sb_add_latin1(&st->sb, (const uint8_t *)buf, (size_t)n);
        return 1;
    }
    if (hx_is_bigint(value)) {
        hx_throw_type_error(realm, "Do not know how to serialize a BigInt");
        return -1;
    }
    if (hx_is_object(value) && !hx_is_callable(value)) { /* step 11 */
        bool is_array;
        if (!hx_is_array(realm, value, &is_array)) return -1;
        return is_array ? serialize_array(st, value) : serialize_object(st, value);
    }
    return 0;
}

/* ES2025 25.5.2 JSON.stringify(value [, replacer [, space]]) */
static hx_value json_stringify(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,
                               hx_value new_target, int magic) {
    hx_runtime *rt = realm->rt;
    jstate st;
    memset(&st, 0, sizeof st);
    st.realm = realm;
    st.replacer_fn = st.property_list = HX_UNDEFINED;
    hx_value replacer = HX_ARG(1), space = HX_ARG(2);
    if (hx_is_object(replacer)) { /* step 4 */
        if (hx_is_callable(replacer)) st.replacer_fn = replacer;
        else {
            bool is_array;
            if (!hx_is_array(realm, replacer, &is_array)) return HX_EXCEPTION;
            if (is_array) {
                hx_value list = hx_array_new(realm, 0);
                if (hx_is_exception(list)) return list;
                int64_t len = hx_length_of(realm, replacer);
                if (len < 0) return HX_EXCEPTION;
                hx_object *lo = hx_as_object(list);
                for (int64_t k = 0; k < len; k++) {
                    hx_key key;
                    if (k < 0xFFFFFFFF) key = hx_index_key((uint32_t)k);
                    else {
                        hx_value ks = hx_number_to_string_value(rt, (double)k);
                        key = hx_is_exception(ks) ? ks : hx_key_from_string(rt, ks);
                        if (hx_is_exception(key)) return key;
                    }
                    hx_value v = hx_get(realm, replacer, key);
                    if (hx_is_exception(v)) return v;
                    hx_value item = HX_UNDEFINED;
                    if (hx_is_string(v)) item = v;
                    else if (hx_is_number(v)) item = hx_to_string(realm, v);
                    else if (hx_is_object(v) && (hx_class_of(hx_as_object(v)) == HX_CLASS_STRING ||
                                                 hx_class_of(hx_as_object(v)) == HX_CLASS_NUMBER))
                        item = hx_to_string(realm, v);
                    if (hx_is_exception(item)) return item;
                    if (hx_is_undefined(item)) continue;
                    bool dup = false;
                    for (uint32_t q = 0; q < lo->elem_len && !dup; q++)
                        dup = hx_string_equal(rt, hx_as_string(lo->elems[q]), hx_as_string(item));
                    if (!dup && hx_array_push(realm, lo, item) < 0) return HX_EXCEPTION;
                }
                st.property_list = list;
            }
        }
    }
    if (hx_is_object(space)) { /* step 5 */
        hx_class_id cls = hx_class_of(hx_as_object(space));
        if (cls == HX_CLASS_NUMBER) {
            double d;
            if (hx_to_number(realm, space, &d) < 0) return HX_EXCEPTION;
            space = hx_number(d);
        } else if (cls == HX_CLASS_STRING) {
            space = hx_to_string(realm, space);
            if (hx_is_exception(space)) return space;
        }
    }
    if (hx_is_number(space)) { /* step 6 */
        double d;
        if (hx_to_integer_or_infinity(realm, space, &d) < 0) return HX_EXCEPTION;
        if (d > 10) d = 10;
        for (int i = 0; i < (int)d; i++) st.gap[st.gap_len++] = ' ';
    } else if (hx_is_string(space)) { /* step 7 */
        hx_string *f = hx_string_flat(rt, hx_as_string(space));
        if (!f) return HX_EXCEPTION;
        for (uint32_t i = 0; i < f->len && i < 10; i++) st.gap[st.gap_len++] = hx_string_char_at(f, i);
    }
    hx_value wrapper = hx_new_plain_object(realm); /* step 9 */
    if (hx_is_exception(wrapper)) return wrapper;
    if (hx_create_data_property_or_throw(realm, hx_as_object(wrapper), HX_ATOM(rt, empty), HX_ARG(0)) < 0)
        return HX_EXCEPTION;
    hx_sb_init(&st.sb, rt);
    int r = serialize_property(&st, wrapper, HX_ATOM(rt, empty)); /* step 12 */
    if (st.stack) hx_mem_free(rt, st.stack, st.stack_cap * sizeof(hx_object *));
    if (r <= 0) {
        hx_sb_free(&st.sb);
        return r < 0 ? HX_EXCEPTION : HX_UNDEFINED;
    }
    return hx_sb_finish(&st.sb);
}

static const hx_builtin json_table[] = {
    HX_FUNC("parse", json_parse, 2),
    HX_FUNC("stringify", json_stringify, 3),
    HX_SYM_VALUE_S("toStringTag", "JSON", HX_PROP_CONFIGURABLE),
};

/* ES2025 25.5 The JSON Object */
int hx_init_json(hx_realm *realm) {
    hx_object *json = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!json) return -1;
    if (HX_INSTALL(realm, json, json_table) < 0) return -1;
    return hx_define_global(realm, "JSON", hx_object_value(json));
}
