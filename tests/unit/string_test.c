/*
 * string_test.c — strings (src/vm/string.c) and atoms (src/vm/atom.c):
 * Latin-1 versus UTF-16 storage, ropes (deep left and right chains of 100k
 * pieces flatten correctly without exhausting the C stack), hashing,
 * equality and code-unit comparison, UTF-8 decoding (ill-formed input
 * becomes U+FFFD) and encoding (lone surrogates become U+FFFD), atoms and
 * array-index keys, and the string builder.  Also checks that strings made
 * by builtins keep the storage invariant ("a flat string is Latin-1 unless
 * it holds a code unit above 0xFF"), which equality relies on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"
#include "vm/vm.h"

#include "check.h"

static hr_runtime *rtp;
static hr_realm *realmp;
static hx_runtime *rt;

static hx_string *S(hx_value v) { return hx_as_string(v); }
static hx_value lat(const char *s) { return hx_string_from_latin1(rt, (const uint8_t *)s, strlen(s)); }
static hx_value u16(const uint16_t *s, size_t n) { return hx_string_from_utf16(rt, s, n); }

/* The code units of any string, flattened, compared with want[0..n). */
static bool units_are(hx_value v, const uint16_t *want, uint32_t n) {
    hx_string *f = hx_string_flat(rt, S(v));
    if (!f || f->len != n) return false;
    for (uint32_t i = 0; i < n; i++)
        if (hx_string_char_at(f, i) != want[i]) return false;
    return true;
}

/* UTF-8 of a string made by hx_string_to_utf8, compared with want. */
static bool utf8_is(hx_value v, const char *want, size_t want_len) {
    size_t n = 0;
    char *u = hx_string_to_utf8(rt, S(v), &n);
    bool ok = u && n == want_len && memcmp(u, want, n) == 0 && u[n] == 0;
    if (u) hx_mem_free(rt, u, n + 1);
    return ok;
}

static void test_storage(void) {
    hx_value a = hx_string_from_cstr(rt, "abc");
    CHECK(!hx_str_is_wide(S(a)) && S(a)->len == 3, "ASCII is Latin-1");
    hx_value e = hx_string_from_cstr(rt, "caf\xC3\xA9\xC3\xBF"); /* "café" + U+00FF */
    CHECK(!hx_str_is_wide(S(e)) && S(e)->len == 5, "U+00E9/U+00FF stay Latin-1");
    CHECK(hx_str_latin1(S(e))[3] == 0xE9 && hx_str_latin1(S(e))[4] == 0xFF, "Latin-1 bytes");
    hx_value w = hx_string_from_cstr(rt, "\xC4\x80x"); /* U+0100 x */
    CHECK(hx_str_is_wide(S(w)) && S(w)->len == 2 && hx_str_utf16(S(w))[0] == 0x100, "U+0100 is UTF-16");
    hx_value emoji = hx_string_from_cstr(rt, "\xF0\x9F\x98\x80"); /* U+1F600 */
    static const uint16_t pair[] = {0xD83D, 0xDE00};
    CHECK(hx_str_is_wide(S(emoji)) && units_are(emoji, pair, 2), "U+1F600 is a surrogate pair");
    static const uint16_t narrow[] = {'a', 0xFF, 0};
    hx_value n = u16(narrow, 3);
    CHECK(!hx_str_is_wide(S(n)) && S(n)->len == 3, "UTF-16 input of Latin-1 units is stored narrow");
    static const uint16_t wide[] = {'a', 0x100};
    CHECK(hx_str_is_wide(S(u16(wide, 2))), "UTF-16 input above 0xFF is stored wide");
    hx_value empty = hx_string_from_cstr(rt, "");
    CHECK(S(empty)->len == 0 && !hx_str_is_wide(S(empty)), "empty string");
    hx_value c1 = hx_string_from_char(rt, 0x41), c2 = hx_string_from_char(rt, 0x3A9);
    CHECK(!hx_str_is_wide(S(c1)) && hx_str_is_wide(S(c2)) && S(c2)->len == 1, "from_char storage");
    hx_value i1 = hx_string_from_int(rt, -1234567890123LL);
    CHECK(utf8_is(i1, "-1234567890123", 14), "from_int");
    /* equal strings made through different paths are equal and hash alike */
    hx_value x1 = lat("\xE9t\xE9"), x2 = hx_string_from_cstr(rt, "\xC3\xA9t\xC3\xA9");
    static const uint16_t x3u[] = {0xE9, 't', 0xE9};
    hx_value x3 = u16(x3u, 3);
    CHECK(hx_string_equal(rt, S(x1), S(x2)) && hx_string_equal(rt, S(x1), S(x3)), "equal across paths");
    CHECK(hx_string_hash(rt, S(x1)) == hx_string_hash(rt, S(x2)) &&
              hx_string_hash(rt, S(x1)) == hx_string_hash(rt, S(x3)),
          "hash across paths");
    /* the hash is over code units: a wide string equal to no narrow one */
    static const uint16_t y[] = {0x100};
    CHECK(!hx_string_equal(rt, S(u16(y, 1)), S(lat("\x01"))), "U+0100 != U+0001");
}

static void test_substring_index(void) {
    static const uint16_t mixed[] = {'a', 'b', 0x100, 'c', 'd'};
    hx_value m = u16(mixed, 5);
    hx_value tail = hx_string_substring(rt, S(m), 3, 5);
    CHECK(!hx_str_is_wide(S(tail)) && utf8_is(tail, "cd", 2), "substring of wide text narrows");
    hx_value mid = hx_string_substring(rt, S(m), 1, 3);
    CHECK(hx_str_is_wide(S(mid)) && S(mid)->len == 2, "substring keeps wide when needed");
    CHECK(hx_string_substring(rt, S(m), 0, 5) == m, "full substring is the same string");
    hx_value hay = lat("abcabcabd");
    CHECK(hx_string_index_of(rt, S(hay), S(lat("abd")), 0) == 6, "index_of");
    CHECK(hx_string_index_of(rt, S(hay), S(lat("abc")), 1) == 3, "index_of from");
    CHECK(hx_string_index_of(rt, S(hay), S(lat("x")), 0) == -1, "index_of missing");
    CHECK(hx_string_index_of(rt, S(hay), S(lat("")), 9) == 9, "index_of empty at end");
    CHECK(hx_string_index_of(rt, S(m), S(u16(mixed + 2, 2)), 0) == 2, "index_of wide needle");
}

/* A rope built by appending `pieces` short pieces on the left spine (s = s +
 * p) or on the right spine (s = p + s). */
static hx_value build_chain(int pieces, bool append, bool wide_every_1000) {
    hx_value s = hx_string_from_cstr(rt, "");
    for (int i = 0; i < pieces; i++) {
        char buf[8];
        buf[0] = (char)('a' + i % 26);
        buf[1] = (char)('A' + i % 26);
        buf[2] = 0;
        hx_value p;
        if (wide_every_1000 && i % 1000 == 999) {
            uint16_t w[2] = {0x100 + (uint16_t)(i % 26), 'z'};
            p = u16(w, 2);
        } else
            p = lat(buf);
        s = append ? hx_string_concat(rt, s, p) : hx_string_concat(rt, p, s);
        if (hx_is_exception(s)) return s;
    }
    return s;
}

static uint16_t piece_unit(int i, int k, bool wide_every_1000) {
    if (wide_every_1000 && i % 1000 == 999) return k == 0 ? (uint16_t)(0x100 + i % 26) : 'z';
    return k == 0 ? (uint16_t)('a' + i % 26) : (uint16_t)('A' + i % 26);
}

static void check_chain(int pieces, bool append, bool wide) {
    size_t mark = hx_handles_save(rt);
    hx_value s = build_chain(pieces, append, wide);
    CHECK(!hx_is_exception(s), "chain built");
    if (hx_is_exception(s)) {
        hx_take_exception(rt);
        hx_handles_restore(rt, mark);
        return;
    }
    CHECK(S(s)->len == (uint32_t)pieces * 2, "chain length %u", S(s)->len);
    CHECK(S(s)->hdr.flags & HX_STR_ROPE, "a long concatenation is a rope");
    CHECK(hx_str_is_wide(S(s)) == wide, "rope storage kind");
    /* hash before flattening equals the hash of the flat copy */
    uint32_t h = hx_string_hash(rt, S(s));
    hx_string *f = hx_string_flat(rt, S(s));
    CHECK(f != NULL && !(f->hdr.flags & HX_STR_ROPE), "flattened");
    if (!f) {
        hx_handles_restore(rt, mark);
        return;
    }
    int bad = 0;
    for (int i = 0; i < pieces && bad < 5; i++) {
        int pos = append ? i : pieces - 1 - i;
        for (int k = 0; k < 2; k++)
            if (hx_string_char_at(f, (uint32_t)pos * 2 + k) != piece_unit(i, k, wide)) bad++;
    }
    CHECK(bad == 0, "%s chain of %d pieces flattened wrongly", append ? "left" : "right", pieces);
    CHECK(hx_string_flat(rt, S(s)) == f, "flattening is cached");
    /* a fresh flat copy hashes the same and is equal */
    hx_value copy = wide ? u16(hx_str_utf16(f), f->len) : hx_string_from_latin1(rt, hx_str_latin1(f), f->len);
    CHECK(hx_string_hash(rt, S(copy)) == h, "rope hash equals flat hash");
    CHECK(hx_string_equal(rt, S(copy), S(s)) && hx_string_compare(rt, S(copy), S(s)) == 0,
          "rope equals flat copy");
    hx_handles_restore(rt, mark);
}

static void test_ropes(void) {
    check_chain(100000, true, false);
    check_chain(100000, false, false);
    check_chain(100000, true, true);
    check_chain(100000, false, true);
    /* a rope made of two deep ropes, equality without prior flattening */
    size_t mark = hx_handles_save(rt);
    hx_value l = build_chain(5000, true, false), r = build_chain(5000, false, false);
    hx_value both = hx_string_concat(rt, l, r);
    hx_value l2 = build_chain(5000, true, false), r2 = build_chain(5000, false, false);
    hx_value both2 = hx_string_concat(rt, l2, r2);
    CHECK(!hx_is_exception(both) && !hx_is_exception(both2), "ropes of ropes");
    CHECK(hx_string_equal(rt, S(both), S(both2)), "equal ropes of ropes");
    CHECK(hx_string_hash(rt, S(both)) == hx_string_hash(rt, S(both2)), "hash of ropes of ropes");
    /* a rope used as a property key becomes the same atom as its flat text */
    hx_value k1 = hx_key_from_string(rt, both), k2 = hx_key_from_string(rt, both2);
    CHECK(k1 == k2 && hx_is_string(k1), "rope keys intern to one atom");
    /* short concatenations are flat */
    hx_value ab = hx_string_concat(rt, lat("ab"), lat("cd"));
    CHECK(!(S(ab)->hdr.flags & HX_STR_ROPE) && utf8_is(ab, "abcd", 4), "short concat is flat");
    CHECK(hx_string_concat(rt, lat(""), ab) == ab && hx_string_concat(rt, ab, lat("")) == ab,
          "concat with empty returns the other");
    hx_handles_restore(rt, mark);
}

static int cmp(hx_value a, hx_value b) { return hx_string_compare(rt, S(a), S(b)); }

static void test_compare(void) {
    CHECK(cmp(lat("a"), lat("b")) < 0 && cmp(lat("b"), lat("a")) > 0, "a < b");
    CHECK(cmp(lat("ab"), lat("abc")) < 0 && cmp(lat("abc"), lat("ab")) > 0, "prefix is smaller");
    CHECK(cmp(lat(""), lat("")) == 0 && cmp(lat(""), lat("a")) < 0, "empty");
    CHECK(cmp(lat("\xFF"), lat("\x7F")) > 0, "Latin-1 compares unsigned");
    static const uint16_t u100[] = {0x100}, uffff[] = {0xFFFF}, pair[] = {0xD800, 0xDC00},
                          lone_hi[] = {0xD800}, ue000[] = {0xE000}, z[] = {'a', 0x100};
    CHECK(cmp(lat("\xFF"), u16(u100, 1)) < 0, "U+00FF < U+0100 across storage");
    CHECK(cmp(u16(u100, 1), lat("\xFF")) > 0, "U+0100 > U+00FF across storage");
    /* code-unit order, not code-point order: U+10000 (D800 DC00) < U+FFFF */
    CHECK(cmp(u16(pair, 2), u16(uffff, 1)) < 0, "surrogate pair sorts below U+FFFF");
    CHECK(cmp(u16(pair, 2), u16(ue000, 1)) < 0, "surrogate pair sorts below U+E000");
    CHECK(cmp(u16(lone_hi, 1), u16(pair, 2)) < 0, "lone surrogate is a prefix of the pair");
    CHECK(cmp(lat("a"), u16(z, 2)) < 0 && cmp(lat("b"), u16(z, 2)) > 0, "mixed storage prefix");
    CHECK(cmp(u16(z, 2), u16(z, 2)) == 0, "equal wide strings");
    /* equality is false across different lengths and different content */
    CHECK(!hx_string_equal(rt, S(lat("abc")), S(lat("abd"))), "abc != abd");
    CHECK(!hx_string_equal(rt, S(lat("abc")), S(lat("ab"))), "abc != ab");
}

static void test_utf8(void) {
    /* well-formed input of every length round-trips */
    const char *good = "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF\xEF\xBF\xBF";
    hx_value g = hx_string_from_cstr(rt, good);
    static const uint16_t gu[] = {'A', 0xE9, 0x20AC, 0xD83D, 0xDE00, 0xDBFF, 0xDFFF, 0xFFFF};
    CHECK(units_are(g, gu, 8), "well-formed UTF-8 decodes");
    CHECK(utf8_is(g, good, strlen(good)), "well-formed UTF-8 round-trips");
    /* embedded NUL is a character */
    hx_value nul = hx_string_from_utf8(rt, "a\0b", 3);
    CHECK(S(nul)->len == 3 && hx_string_char_at(hx_string_flat(rt, S(nul)), 1) == 0, "embedded NUL");
    /* ill-formed input: each case and the code units it must decode to */
    static const struct {
        const char *in;
        uint16_t out[6];
        uint32_t n;
    } bad[] = {
        {"\x80", {0xFFFD}, 1},                                 /* lone continuation byte */
        {"a\xFF" "b", {'a', 0xFFFD, 'b'}, 3},                  /* byte never valid */
        {"\xC0\x80", {0xFFFD, 0xFFFD}, 2},                     /* overlong NUL */
        {"\xE0\x80\xAF", {0xFFFD, 0xFFFD, 0xFFFD}, 3},         /* overlong '/' */
        {"\xED\xA0\x80", {0xFFFD, 0xFFFD, 0xFFFD}, 3},         /* encoded surrogate D800 */
        {"\xF4\x90\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 4}, /* above U+10FFFF */
        {"\xF8\x88\x80\x80\x80", {0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}, 5}, /* 5-byte form */
        {"\xC3" "A", {0xFFFD, 'A'}, 2},                        /* missing continuation */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        hx_value v = hx_string_from_utf8(rt, bad[i].in, strlen(bad[i].in));
        CHECK(!hx_is_exception(v) && units_are(v, bad[i].out, bad[i].n), "ill-formed case %zu", i);
    }
    /* truncated sequences at the end give at least one U+FFFD and no garbage */
    static const char *const truncated[] = {"\xE2\x82", "\xF0\x9F\x98", "x\xC3"};
    for (size_t i = 0; i < 3; i++) {
        hx_value v = hx_string_from_utf8(rt, truncated[i], strlen(truncated[i]));
        hx_string *f = hx_string_flat(rt, S(v));
        bool ok = f && f->len >= 1 && hx_string_char_at(f, f->len - 1) == 0xFFFD;
        for (uint32_t k = 0; ok && k < f->len; k++) {
            uint16_t c = hx_string_char_at(f, k);
            ok = c == 0xFFFD || c == 'x';
        }
        CHECK(ok, "truncated case %zu", i);
    }
    /* output: lone surrogates become U+FFFD, pairs become one 4-byte char */
    static const uint16_t lone[] = {0xD800, 'a', 0xDC00, 0xDC00, 0xD800, 0xD83D, 0xDE00, 0xDBFF};
    CHECK(utf8_is(u16(lone, 8),
                  "\xEF\xBF\xBD" "a" "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xF0\x9F\x98\x80\xEF\xBF\xBD", 20),
          "lone surrogates encode as U+FFFD");
    /* the public API does the same */
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hr_value v = hr_string(realmp, "\xF0\x9F\x98\x80\xFF", 5);
    size_t len = 0;
    char *u = hr_to_utf8(realmp, v, &len);
    CHECK(u && len == 7 && memcmp(u, "\xF0\x9F\x98\x80\xEF\xBF\xBD", 7) == 0, "hr_string/hr_to_utf8");
    hr_free(rtp, u);
    const char *src = "'\\uD800x\\uDFFF'";
    hr_value lv;
    if (hr_eval(realmp, src, strlen(src), "string_test.js", 0, &lv) == HR_OK) {
        u = hr_to_utf8(realmp, lv, &len);
        CHECK(u && len == 7 && memcmp(u, "\xEF\xBF\xBDx\xEF\xBF\xBD", 7) == 0, "hr_to_utf8 of lone surrogates");
        hr_free(rtp, u);
    } else {
        CHECK(false, "eval of lone surrogates");
        hr_take_exception(rtp);
    }
    hr_scope_close(&scope);
}

static void test_atoms(void) {
    hx_value a1 = hx_atom_from_cstr(rt, "someName");
    hx_value a2 = hx_atom_intern(rt, S(hx_string_from_cstr(rt, "someName")));
    hx_value a3 = hx_key_from_string(rt, hx_string_concat(rt, lat("some"), lat("Name")));
    CHECK(a1 == a2 && a1 == a3, "interning returns the same string");
    CHECK(S(a1)->hdr.flags & HX_STR_INTERNED, "atom flag");
    CHECK(hx_atom_from_cstr(rt, "someNamf") != a1, "different text, different atom");
    static const uint16_t wn[] = {0x3A9, 'x'};
    hx_value w1 = hx_atom_intern(rt, S(u16(wn, 2))), w2 = hx_atom_from_cstr(rt, "\xCE\xA9x");
    CHECK(w1 == w2, "wide atoms intern");
    CHECK(HX_ATOM(rt, length) == hx_atom_from_cstr(rt, "length"), "predefined atoms are interned");
    /* canonical array indices become index keys, everything else atoms */
    static const struct {
        const char *text;
        bool index;
        uint32_t value;
    } keys[] = {
        {"0", true, 0},       {"1", true, 1},       {"4294967294", true, 4294967294u},
        {"123", true, 123},   {"01", false, 0},     {"4294967295", false, 0},
        {"4294967296", false, 0}, {"-0", false, 0}, {"-1", false, 0},
        {"", false, 0},       {"1.0", false, 0},    {"+1", false, 0},
        {" 1", false, 0},     {"1e3", false, 0},    {"00", false, 0},
        {"99999999999", false, 0},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        /* through a fresh string and through an atom of the same text */
        hx_key k = hx_key_from_string(rt, hx_string_from_cstr(rt, keys[i].text));
        hx_key k2 = hx_key_from_string(rt, hx_atom_from_cstr(rt, keys[i].text));
        CHECK(hx_key_is_index(k) == keys[i].index, "\"%s\": index %d", keys[i].text, hx_key_is_index(k));
        CHECK(k == k2, "\"%s\": atom and fresh string give the same key", keys[i].text);
        if (keys[i].index)
            CHECK(hx_key_index(k) == keys[i].value, "\"%s\": index value %u", keys[i].text, hx_key_index(k));
        else
            CHECK(hx_is_string(k) && (S(k)->hdr.flags & HX_STR_INTERNED), "\"%s\": an atom", keys[i].text);
    }
    hx_value back = hx_key_to_value(rt, hx_index_key(4294967294u));
    CHECK(utf8_is(back, "4294967294", 10), "index key back to a string");
    CHECK(hx_key_to_value(rt, a1) == a1, "atom key back to itself");
}

static void test_builder(void) {
    hx_sb sb;
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "abc");
    hx_sb_add_unit(&sb, 0xE9);
    hx_sb_add_latin1(&sb, (const uint8_t *)"\xFF", 1);
    hx_value v = hx_sb_finish(&sb);
    CHECK(!hx_is_exception(v) && !hx_str_is_wide(S(v)) && utf8_is(v, "abc\xC3\xA9\xC3\xBF", 7),
          "narrow builder");
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "x");
    hx_sb_add_char(&sb, 0x1F600);
    hx_sb_add_char(&sb, 0x20AC);
    hx_sb_add_cstr(&sb, "y");
    hx_sb_add_string(&sb, S(build_chain(100, true, false)));
    v = hx_sb_finish(&sb);
    CHECK(!hx_is_exception(v) && hx_str_is_wide(S(v)) && S(v)->len == 205, "widened builder");
    static const uint16_t head[] = {'x', 0xD83D, 0xDE00, 0x20AC, 'y', 'a', 'A', 'b', 'B'};
    hx_string *f = hx_string_flat(rt, S(v));
    bool ok = true;
    for (int i = 0; i < 9; i++) ok = ok && hx_string_char_at(f, (uint32_t)i) == head[i];
    CHECK(ok, "widened builder content");
    /* a builder that widened and then only saw Latin-1 still yields the
     * canonical storage when its content fits Latin-1 */
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "plain");
    hx_sb_add_string(&sb, S(lat("\xE9")));
    v = hx_sb_finish(&sb);
    CHECK(!hx_str_is_wide(S(v)), "Latin-1 builder result is narrow");
    /* many pieces */
    hx_sb_init(&sb, rt);
    for (int i = 0; i < 100000; i++) hx_sb_add_unit(&sb, (uint16_t)(i % 2 ? 0x101 : 'q'));
    v = hx_sb_finish(&sb);
    CHECK(!hx_is_exception(v) && S(v)->len == 100000 && hx_str_is_wide(S(v)), "big builder");
    /* empty */
    hx_sb_init(&sb, rt);
    v = hx_sb_finish(&sb);
    CHECK(!hx_is_exception(v) && S(v)->len == 0, "empty builder");
    /* freed without finishing (no leak under ASan) */
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "discarded");
    hx_sb_add_char(&sb, 0x100);
    hx_sb_free(&sb);
    /* a failed builder reports a RangeError */
    hx_sb_init(&sb, rt);
    hx_sb_add_cstr(&sb, "x");
    sb.failed = true;
    v = hx_sb_finish(&sb);
    CHECK(hx_is_exception(v) && rt->has_exception, "failed builder throws");
    hx_take_exception(rt);
}

/* Strings produced by builtins keep the storage invariant: none of these
 * results holds a code unit above 0xFF, so each must be stored Latin-1 (or
 * be a rope of Latin-1 parts) and compare equal to a Latin-1 literal. */
static void test_builtin_storage(void) {
    static const char *const exprs[] = {
        "'\\u0100ab'.slice(1)",
        "'\\u0100ab'.substring(1)",
        "'ab\\u0100'.substr(0, 2)",
        "'\\u0100ab'.replace('\\u0100', '')",
        "'a\\u0100b'.split('\\u0100')[1]",
        "'\\u0100ab'.at(1)",
        "'\\u0100ab'.charAt(2)",
        "[...'\\u0100a'][1]",
        "'\\u3000ab\\u3000'.trim()",
        "'\\u0100ab'.slice(1).padStart(4, 'x')",
        "'\\u0100ab'.slice(1).repeat(3)",
        "String.fromCharCode(0x41, 0xE9)",
        "String.fromCodePoint(0x41)",
        "JSON.parse('\"\\\\u0041\\\\u00e9\"')",
        "decodeURIComponent('%C3%A9')",
        "'\\u00c9'.toLowerCase()",
        "'\\u00e9'.toUpperCase()",
        "'\\u0130'.toLowerCase().slice(0, 1)",
        "'e\\u0301'.normalize('NFC')",
        "'\\u0100a\\u0100b'.replaceAll('\\u0100', '')",
        "/b(c)/.exec('\\u0100bc')[1]",
        "['\\u0100', 'ab'].join('').slice(1)",
        "'\\u0100ab'.match(/ab/)[0]",
        "'ab\\u0100'.toString().slice(0, -1)",
        "JSON.stringify('\\u0100').slice(0, 1)",
        "'\\u0100ab'.slice(1).concat('c')",
        "`${'\\u0100ab'.slice(1)}c`",
        "'\\u0100ab'.split('')[2]",
        "Array.from('\\u0100ab')[2]",
        "'\\u0100ab'.slice(1).toLocaleUpperCase()",
        "'\\u0100abc'.slice(1).substring(0, 2)",
        "escape('\\u0100').slice(2)",
        "'\\u0100ab'.codePointAt(1).toString()",
        "Symbol('\\u0100ab').description.slice(1)",
        "'\\u0100ab'.slice(1).trimEnd()",
        "'\\u0100ab'.slice(1).at(-1)",
    };
    size_t n = sizeof exprs / sizeof exprs[0];
    for (size_t i = 0; i < n; i++) {
        hr_scope scope;
        hr_scope_open(rtp, &scope);
        hr_value v;
        if (hr_eval(realmp, exprs[i], strlen(exprs[i]), "string_test.js", 0, &v) != HR_OK) {
            char *e = hr_format_exception(realmp, hr_take_exception(rtp));
            CHECK(false, "%s threw %s", exprs[i], e ? e : "?");
            hr_free(rtp, e);
        } else if (!hr_is_string(v)) {
            CHECK(false, "%s is not a string", exprs[i]);
        } else {
            hx_string *f = hx_string_flat(rt, S(v));
            bool fits = true;
            for (uint32_t k = 0; f && k < f->len; k++)
                if (hx_string_char_at(f, k) > 0xFF) fits = false;
            CHECK(f && (!fits || !hx_str_is_wide(f)), "%s: Latin-1 text stored as UTF-16", exprs[i]);
        }
        hr_scope_close(&scope);
    }
}

/* Concatenation loops in JavaScript: 1e6 appends, and prepends, flatten
 * correctly (the script test tests/scripts/limits/rope.js runs smaller
 * sizes so that it stays fast under GC stress). */
static void test_js_ropes(void) {
    static const struct {
        const char *src, *want;
    } cases[] = {
        {"var s = ''; for (var i = 0; i < 1e6; i++) s += 'a';"
         "[s.length, s.charCodeAt(0), s.charCodeAt(999999), s.indexOf('b'), s.slice(-3)].join()",
         "1000000,97,97,-1,aaa"},
        {"var p = ''; for (var i = 0; i < 300000; i++) p = (i % 10) + p;"
         "[p.length, p[0], p[299999], p.slice(0, 5)].join()",
         "300000,9,0,98765"},
        {"var w = ''; for (var i = 0; i < 300000; i++) w += i % 3 ? 'x' : '\\u0100';"
         "[w.length, w.charCodeAt(0), w.charCodeAt(1), w.lastIndexOf('\\u0100')].join()",
         "300000,256,120,299997"},
        {"var k = ''; for (var i = 0; i < 100000; i++) k += 'k'; var o = {}; o[k] = 1;"
         "var k2 = 'k'.repeat(100000); o[k2] + (k === k2 ? 1 : 0)",
         "2"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        hr_scope scope;
        hr_scope_open(rtp, &scope);
        hr_value v;
        if (hr_eval(realmp, cases[i].src, strlen(cases[i].src), "string_test.js", 0, &v) != HR_OK) {
            char *e = hr_format_exception(realmp, hr_take_exception(rtp));
            CHECK(false, "rope case %zu threw %s", i, e ? e : "?");
            hr_free(rtp, e);
        } else {
            char *got = hr_to_utf8(realmp, v, NULL);
            CHECK(got && strcmp(got, cases[i].want) == 0, "rope case %zu: got %s, want %s", i, got ? got : "(null)",
                  cases[i].want);
            hr_free(rtp, got);
        }
        hr_scope_close(&scope);
    }
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.gc_stress = false; /* 1e6-step loops below; GC stress is covered by gc_test */
    rtp = hr_runtime_new(&cfg);
    realmp = rtp ? hr_realm_new(rtp) : NULL;
    if (!realmp) {
        printf("FAIL: no runtime\n0 passed, 1 failed\n");
        return 1;
    }
    rt = (hx_runtime *)rtp;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    test_storage();
    test_substring_index();
    test_ropes();
    test_compare();
    test_utf8();
    test_atoms();
    test_builder();
    test_builtin_storage();
    hr_scope_close(&scope);
    test_js_ropes();
    hr_runtime_free(rtp);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
