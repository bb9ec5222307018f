/*
 * global.c — the global object's own properties (ES2025 19.1, 19.2):
 * globalThis, Infinity, NaN, undefined, isFinite, isNaN, parseFloat,
 * parseInt, the URI encoding functions, Annex B escape / unescape, and the
 * host conveniences print(...) and console.{log,error,warn,info,debug}.
 * The global eval function is defined by the compiler's side (eval needs it).
 *
 * Invariant: every string is flattened (hx_string_flat) before its code
 * units are read, and all output text is built with hx_sb.
 */
#include <stdio.h>
#include <string.h>
#include <math.h>
#include "vm/vm.h"
#include "base/numconv.h"
#include "builtins/init.h"

#define NATIVE(name)                                                                               \
    static hx_value name(hx_realm *realm, hx_value this_value, int argc, hx_value *argv,           \
                         hx_value new_target, int magic)

/* ToString then flatten; NULL with an exception pending on failure. */
static hx_string *flat_string(hx_realm *realm, hx_value v) {
    hx_value s = hx_to_string(realm, v);
    if (hx_is_exception(s)) return NULL;
    hx_string *f = hx_string_flat(realm->rt, hx_as_string(s));
    if (f) hx_handles_push(realm->rt, hx_string_value(f));
    return f;
}

/* WhiteSpace or LineTerminator (ES2025 12.2, 12.3): StrWhiteSpaceChar. */
static bool is_str_white_space(uint16_t c) {
    switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: case 0xFEFF:
        return true;
    default: return c >= 0x2000 && c <= 0x200A;
    }
}

/* ES2025 19.2.2 isFinite ( number ) / 19.2.3 isNaN ( number ) (magic 1: isNaN) */
NATIVE(global_is_finite) {
    double d;
    if (hx_to_number(realm, HX_ARG(0), &d) < 0) return HX_EXCEPTION;
    return hx_bool(magic ? isnan(d) : isfinite(d));
}

/* ES2025 19.2.4 parseFloat ( string ) */
NATIVE(global_parse_float) {
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    double d = hx_str_is_wide(s) ? hx_parse_float_prefix(NULL, hx_str_utf16(s), s->len)
                                 : hx_parse_float_prefix(hx_str_latin1(s), NULL, s->len);
    return hx_number(d);
}

static int digit_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* ES2025 19.2.5 parseInt ( string, radix ) */
NATIVE(global_parse_int) {
    /* steps 1-2 */
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    uint32_t len = s->len, i = 0;
    while (i < len && is_str_white_space(hx_string_char_at(s, i))) i++;
    /* steps 3-5 */
    double sign = 1;
    if (i < len && hx_string_char_at(s, i) == '-') sign = -1;
    if (i < len && (hx_string_char_at(s, i) == '-' || hx_string_char_at(s, i) == '+')) i++;
    /* steps 6-9 */
    int32_t r;
    if (hx_to_int32(realm, HX_ARG(1), &r) < 0) return HX_EXCEPTION;
    bool strip_prefix = true;
    if (r != 0) {
        if (r < 2 || r > 36) return hx_double(NAN);
        if (r != 16) strip_prefix = false;
    } else
        r = 10;
    /* step 10 */
    if (strip_prefix && i + 1 < len && hx_string_char_at(s, i) == '0' &&
        (hx_string_char_at(s, i + 1) == 'x' || hx_string_char_at(s, i + 1) == 'X')) {
        i += 2;
        r = 16;
    }
    /* step 11 */
    uint32_t end = i;
    while (end < len && digit_value(hx_string_char_at(s, end)) < r) end++;
    /* step 12 */
    if (end == i) return hx_double(NAN);
    /* step 13: the digits are ASCII, so copy them out as bytes */
    size_t n = end - i;
    char small[64];
    char *z = n <= sizeof small ? small : hx_mem_alloc(realm->rt, n);
    if (!z) return HX_EXCEPTION;
    for (size_t k = 0; k < n; k++) z[k] = (char)hx_string_char_at(s, i + (uint32_t)k);
    /* exact (correctly rounded) in every radix, which the spec allows */
    double math_int = r == 10 ? hx_parse_decimal(z, n) : hx_parse_radix_integer(z, n, r);
    if (z != small) hx_mem_free(realm->rt, z, n);
    /* steps 14-15 */
    if (math_int == 0) return sign < 0 ? hx_double(-0.0) : hx_int(0);
    return hx_number(sign * math_int);
}

/* ---- URI handling (ES2025 19.2.6) ------------------------------------------- */

static bool in_set(uint16_t c, const char *set) { return c < 128 && c && strchr(set, (char)c); }

static const char uri_reserved[] = ";/?:@&=+$,";
static const char uri_unescaped_extra[] = "-_.!~*'()"; /* uriMark */
static const char hex_upper[] = "0123456789ABCDEF";

static bool is_always_unescaped(uint16_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           in_set(c, uri_unescaped_extra);
}

/* ES2025 19.2.6.5 Encode ( string, extraUnescaped ) (magic 1: encodeURI) */
NATIVE(global_encode) {
    hx_runtime *rt = realm->rt;
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    uint32_t len = s->len;
    for (uint32_t k = 0; k < len;) {
        uint16_t c = hx_string_char_at(s, k);
        if (is_always_unescaped(c) || (magic && (in_set(c, uri_reserved) || c == '#'))) {
            hx_sb_add_unit(&sb, c);
            k++;
            continue;
        }
        /* CodePointAt (11.1.4) */
        uint32_t cp = c;
        if (c >= 0xD800 && c <= 0xDFFF) {
            uint16_t c2 = k + 1 < len ? hx_string_char_at(s, k + 1) : 0;
            if (c >= 0xDC00 || !(c2 >= 0xDC00 && c2 <= 0xDFFF)) {
                hx_sb_free(&sb);
                return hx_throw_error(realm, HR_URI_ERROR, "URI malformed");
            }
            cp = 0x10000 + ((uint32_t)(c - 0xD800) << 10) + (c2 - 0xDC00);
            k++;
        }
        k++;
        uint8_t oct[4];
        int n;
        if (cp < 0x80) {
            oct[0] = (uint8_t)cp;
            n = 1;
        } else if (cp < 0x800) {
            oct[0] = (uint8_t)(0xC0 | (cp >> 6));
            oct[1] = (uint8_t)(0x80 | (cp & 0x3F));
            n = 2;
        } else if (cp < 0x10000) {
            oct[0] = (uint8_t)(0xE0 | (cp >> 12));
            oct[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            oct[2] = (uint8_t)(0x80 | (cp & 0x3F));
            n = 3;
        } else {
            oct[0] = (uint8_t)(0xF0 | (cp >> 18));
            oct[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
            oct[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
            oct[3] = (uint8_t)(0x80 | (cp & 0x3F));
            n = 4;
        }
        for (int j = 0; j < n; j++) {
            hx_sb_add_unit(&sb, '%');
            hx_sb_add_unit(&sb, (uint16_t)hex_upper[oct[j] >> 4]);
            hx_sb_add_unit(&sb, (uint16_t)hex_upper[oct[j] & 15]);
        }
    }
    return hx_sb_finish(&sb);
}

static int hex_value(uint16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* ES2025 19.2.6.7 ParseHexOctet ( string, position ): -1 if not two hex digits. */
static int parse_hex_octet(hx_string *s, uint32_t pos) {
    int hi = hex_value(hx_string_char_at(s, pos)), lo = hex_value(hx_string_char_at(s, pos + 1));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/* ES2025 19.2.6.6 Decode ( string, preserveEscapeSet ) (magic 1: decodeURI,
 * which preserves escapes of uriReserved and "#") */
NATIVE(global_decode) {
    hx_runtime *rt = realm->rt;
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    uint32_t len = s->len;
    for (uint32_t k = 0; k < len; k++) {
        uint16_t c = hx_string_char_at(s, k);
        if (c != '%') {
            hx_sb_add_unit(&sb, c);
            continue;
        }
        uint32_t start = k;
        if (k + 3 > len) goto malformed;
        int b = parse_hex_octet(s, k + 1);
        if (b < 0) goto malformed;
        k += 2;
        if (b < 0x80) {
            if (magic && (in_set((uint16_t)b, uri_reserved) || b == '#'))
                for (uint32_t j = start; j <= k; j++) hx_sb_add_unit(&sb, hx_string_char_at(s, j));
            else
                hx_sb_add_unit(&sb, (uint16_t)b);
            continue;
        }
        /* n = number of leading 1 bits of B */
        int n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
        if (!n) goto malformed;
        uint32_t cp = (uint32_t)b & (0xFF >> (n + 1));
        for (int j = 1; j < n; j++) {
            k++;
            if (k + 3 > len || hx_string_char_at(s, k) != '%') goto malformed;
            int cb = parse_hex_octet(s, k + 1);
            if (cb < 0 || (cb & 0xC0) != 0x80) goto malformed;
            cp = (cp << 6) | ((uint32_t)cb & 0x3F);
            k += 2;
        }
        /* a valid UTF-8 encoding: shortest form, not a surrogate, at most U+10FFFF */
        static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) goto malformed;
        hx_sb_add_char(&sb, cp);
    }
    return hx_sb_finish(&sb);
malformed:
    hx_sb_free(&sb);
    return hx_throw_error(realm, HR_URI_ERROR, "URI malformed");
}

/* ---- Annex B.2.1 ---------------------------------------------------------------- */

/* ES2025 B.2.1.1 escape ( string ) */
NATIVE(global_escape) {
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    for (uint32_t k = 0; k < s->len; k++) {
        uint16_t c = hx_string_char_at(s, k);
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    in_set(c, "@*_+-./");
        if (keep) {
            hx_sb_add_unit(&sb, c);
            continue;
        }
        hx_sb_add_unit(&sb, '%');
        if (c >= 256) {
            hx_sb_add_unit(&sb, 'u');
            hx_sb_add_unit(&sb, (uint16_t)hex_upper[c >> 12]);
            hx_sb_add_unit(&sb, (uint16_t)hex_upper[(c >> 8) & 15]);
        }
        hx_sb_add_unit(&sb, (uint16_t)hex_upper[(c >> 4) & 15]);
        hx_sb_add_unit(&sb, (uint16_t)hex_upper[c & 15]);
    }
    return hx_sb_finish(&sb);
}

/* ES2025 B.2.1.2 unescape ( string ) */
NATIVE(global_unescape) {
    hx_string *s = flat_string(realm, HX_ARG(0));
    if (!s) return HX_EXCEPTION;
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    uint32_t len = s->len;
    for (uint32_t k = 0; k < len; k++) {
        uint16_t c = hx_string_char_at(s, k);
        if (c == '%') {
            if (k + 6 <= len && hx_string_char_at(s, k + 1) == 'u') {
                int v = 0;
                bool ok = true;
                for (uint32_t j = k + 2; j < k + 6 && ok; j++) {
                    int h = hex_value(hx_string_char_at(s, j));
                    ok = h >= 0;
                    v = v * 16 + h;
                }
                if (ok) {
                    c = (uint16_t)v;
                    k += 5;
                }
            } else if (k + 3 <= len) {
                int v = parse_hex_octet(s, k + 1);
                if (v >= 0) {
                    c = (uint16_t)v;
                    k += 2;
                }
            }
        }
        hx_sb_add_unit(&sb, c);
    }
    return hx_sb_finish(&sb);
}

/* ---- print and console --------------------------------------------------------- */

/* Writes the arguments, converted with ToString (symbols shown as
 * Symbol(desc)), separated by spaces and ended by a newline. */
static hx_value write_args(hx_realm *realm, FILE *out, int argc, hx_value *argv) {
    hx_runtime *rt = realm->rt;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    for (int i = 0; i < argc; i++) {
        hx_value s = hx_is_symbol(argv[i]) ? hx_symbol_descriptive_string(rt, argv[i]) : hx_to_string(realm, argv[i]);
        if (hx_is_exception(s)) {
            hx_sb_free(&sb);
            return s;
        }
        if (i) hx_sb_add_unit(&sb, ' ');
        hx_sb_add_string(&sb, hx_as_string(s));
    }
    hx_sb_add_unit(&sb, '\n');
    hx_value line = hx_sb_finish(&sb);
    if (hx_is_exception(line)) return line;
    size_t n;
    char *text = hx_string_to_utf8(rt, hx_as_string(line), &n);
    if (!text) return HX_EXCEPTION;
    fwrite(text, 1, n, out);
    fflush(out);
    hx_mem_free(rt, text, n + 1);
    return HX_UNDEFINED;
}

/* print(...args) and console.log/info/debug (magic 0) and error/warn (magic 1) */
NATIVE(global_print) { return write_args(realm, magic ? stderr : stdout, argc, argv); }

static const hx_builtin global_funcs[] = {
    HX_FUNC_MAGIC("isFinite", global_is_finite, 1, 0),
    HX_FUNC_MAGIC("isNaN", global_is_finite, 1, 1),
    HX_FUNC("parseFloat", global_parse_float, 1),
    HX_FUNC("parseInt", global_parse_int, 2),
    HX_FUNC_MAGIC("decodeURI", global_decode, 1, 1),
    HX_FUNC_MAGIC("decodeURIComponent", global_decode, 1, 0),
    HX_FUNC_MAGIC("encodeURI", global_encode, 1, 1),
    HX_FUNC_MAGIC("encodeURIComponent", global_encode, 1, 0),
    HX_FUNC("escape", global_escape, 1),
    HX_FUNC("unescape", global_unescape, 1),
    HX_FUNC_MAGIC("print", global_print, 0, 0),
};

static const hx_builtin console_funcs[] = {
    HX_FUNC_MAGIC("log", global_print, 0, 0),
    HX_FUNC_MAGIC("error", global_print, 0, 1),
    HX_FUNC_MAGIC("warn", global_print, 0, 1),
    HX_FUNC_MAGIC("info", global_print, 0, 0),
    HX_FUNC_MAGIC("debug", global_print, 0, 0),
};

int hx_init_global(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *g = realm->global;
    /* ES2025 19.1: value properties */
    if (hx_define_value(realm, g, HX_ATOM(rt, globalThis), realm->global_this, HX_PROP_BUILTIN) < 0 ||
        hx_define_value(realm, g, HX_ATOM(rt, Infinity), hx_double(INFINITY), 0) < 0 ||
        hx_define_value(realm, g, HX_ATOM(rt, NaN), hx_double(NAN), 0) < 0 ||
        hx_define_value(realm, g, HX_ATOM(rt, undefined), HX_UNDEFINED, 0) < 0)
        return -1;
    if (HX_INSTALL(realm, g, global_funcs) < 0) return -1;
    /* ES2025 21.1.2.12-13: Number.parseFloat / parseInt are these same functions */
    hx_value num = realm->intrinsics[HX_INTR_Number];
    if (hx_is_object(num)) {
        static const char *const shared[] = {"parseFloat", "parseInt"};
        for (int i = 0; i < 2; i++) {
            hx_value k = hx_atom_from_cstr(rt, shared[i]);
            if (hx_is_exception(k)) return -1;
            hx_value f = hx_get(realm, realm->global_this, k);
            if (hx_is_exception(f) || hx_define_value(realm, hx_as_object(num), k, f, HX_PROP_BUILTIN) < 0) return -1;
        }
    }
    hx_object *console = hx_object_new(realm, HX_INTR_OBJ(realm, ObjectPrototype), HX_CLASS_OBJECT);
    if (!console || HX_INSTALL(realm, console, console_funcs) < 0) return -1;
    return hx_define_global(realm, "console", hx_object_value(console));
}
