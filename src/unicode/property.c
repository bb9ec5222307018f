/*
 * property.c — name resolution and range decoding for RegExp property
 * escapes \p{...} (ES2025 22.2.2.9) over the generated property_tables.c.
 * A property handle is an index into hx_unicode_sets; string-property
 * handles index hx_unicode_string_props, plus one extra handle for
 * RGI_Emoji, which is the union of all of them (ES2025 table 68).
 */
#include <string.h>

#include "unicode/unicode_tables.h"

static int find_name(const hx_unicode_prop_name *t, size_t n, const char *name, size_t len) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = strncmp(t[mid].name, name, len);
        if (cmp == 0 && t[mid].name[len] != '\0') cmp = 1;
        if (cmp < 0)
            lo = mid + 1;
        else if (cmp > 0)
            hi = mid;
        else
            return t[mid].set;
    }
    return -1;
}

static bool name_is(const char *name, size_t len, const char *lit) {
    return strlen(lit) == len && memcmp(name, lit, len) == 0;
}

int hx_unicode_property_lookup(const char *name, size_t name_len, const char *value,
                               size_t value_len) {
    if (!value) {
        /* LoneUnicodePropertyNameOrValue: a General_Category value, then a
         * binary property. */
        int s = find_name(hx_unicode_gc_names, hx_unicode_gc_names_len, name, name_len);
        if (s >= 0) return s;
        return find_name(hx_unicode_bin_names, hx_unicode_bin_names_len, name, name_len);
    }
    if (name_is(name, name_len, "General_Category") || name_is(name, name_len, "gc"))
        return find_name(hx_unicode_gc_names, hx_unicode_gc_names_len, value, value_len);
    if (name_is(name, name_len, "Script") || name_is(name, name_len, "sc"))
        return find_name(hx_unicode_sc_names, hx_unicode_sc_names_len, value, value_len);
    if (name_is(name, name_len, "Script_Extensions") || name_is(name, name_len, "scx"))
        return find_name(hx_unicode_scx_names, hx_unicode_scx_names_len, value, value_len);
    return -1;
}

static uint32_t read_varint(const uint8_t **p) {
    uint32_t v = 0;
    int shift = 0;
    for (;;) {
        uint8_t b = *(*p)++;
        v |= (uint32_t)(b & 0x7F) << shift;
        if (!(b & 0x80)) return v;
        shift += 7;
    }
}

size_t hx_unicode_property_ranges(int prop, uint32_t *out, size_t max) {
    const hx_unicode_set_info *s = &hx_unicode_sets[prop];
    const uint8_t *p = hx_unicode_set_data + s->offset;
    int64_t prev = -1;
    for (size_t i = 0; i < s->nranges && i < max; i++) {
        uint32_t lo = (uint32_t)(prev + 1) + read_varint(&p);
        uint32_t hi = lo + read_varint(&p);
        out[2 * i] = lo;
        out[2 * i + 1] = hi;
        prev = hi;
    }
    return s->nranges;
}

/* The handle one past the table entries means RGI_Emoji. */
int hx_unicode_string_property_lookup(const char *name, size_t name_len) {
    for (size_t i = 0; i < hx_unicode_string_props_len; i++)
        if (name_is(name, name_len, hx_unicode_string_props[i].name)) return (int)i;
    if (name_is(name, name_len, "RGI_Emoji")) return (int)hx_unicode_string_props_len;
    return -1;
}

size_t hx_unicode_string_property_ranges(int sprop, uint32_t *out, size_t max) {
    /* Only Basic_Emoji has single code points, so RGI_Emoji's are its. */
    if ((size_t)sprop == hx_unicode_string_props_len) sprop = 0;
    return hx_unicode_property_ranges(hx_unicode_string_props[sprop].set, out, max);
}

static uint32_t decode_utf8(const unsigned char **p) {
    const unsigned char *s = *p;
    uint32_t c;
    if (s[0] < 0x80)
        c = s[0], *p += 1;
    else if (s[0] < 0xE0)
        c = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu), *p += 2;
    else if (s[0] < 0xF0)
        c = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu), *p += 3;
    else
        c = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) |
            (s[3] & 0x3Fu),
        *p += 4;
    return c;
}

/* Cursor layout for RGI_Emoji: high bits select the table entry, low 24
 * bits are the byte offset into its sequence string. */
bool hx_unicode_string_property_next(int sprop, size_t *cursor, uint32_t *out, size_t *n) {
    size_t entry = (size_t)sprop, off = *cursor;
    bool all = (size_t)sprop == hx_unicode_string_props_len;
    if (all) entry = *cursor >> 24, off = *cursor & 0xFFFFFF;
    for (;;) {
        if (entry >= hx_unicode_string_props_len) return false;
        const char *seqs = hx_unicode_string_props[entry].seqs;
        if (seqs[off] != '\0') {
            const unsigned char *p = (const unsigned char *)seqs + off;
            size_t k = 0;
            while (*p != ' ') {
                uint32_t c = decode_utf8(&p);
                if (k < HX_UNICODE_MAX_SEQUENCE) out[k++] = c;
            }
            p++;
            *n = k;
            off = (size_t)(p - (const unsigned char *)seqs);
            *cursor = all ? (entry << 24) | off : off;
            return true;
        }
        if (!all) return false;
        entry++;
        off = 0;
    }
}
