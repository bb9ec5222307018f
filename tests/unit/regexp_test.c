/*
 * regexp_test.c — unit tests for src/regexp/ (and the Unicode tables it
 * uses): a table of (pattern, flags, input, expected capture indices) whose
 * expectations were produced by node (V8) with the d flag, hand-checked
 * cases for features node 20 lacks (modifiers, duplicate named groups),
 * syntax errors per mode, the nesting limit, Latin-1 input, the group-name
 * API and an interrupted catastrophic pattern.
 * Prints "N passed, M failed" and exits non-zero on failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uchar.h>

#include "regexp/regexp.h"
#include "unicode/unicode.h"

static int passed, failed;

static void check(bool ok, const char *what, int line) {
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL line %d: %s\n", line, what);
    }
}
#define CHECK(cond) check((cond), #cond, __LINE__)

static size_t len16(const char16_t *s) {
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void show16(const char16_t *s) {
    for (; *s; s++) {
        if (*s >= 0x20 && *s < 0x7F)
            putchar((char)*s);
        else
            printf("\\u%04X", (unsigned)*s);
    }
}

static int flags_of(const char *f) {
    uint16_t buf[16];
    size_t n = strlen(f);
    for (size_t i = 0; i < n; i++)
        buf[i] = (uint16_t)f[i];
    return hx_regexp_parse_flags(buf, n);
}

/* Expected: n = -1 syntax error, 0 no match, else n capture pairs. */
typedef struct re_case {
    const char16_t *pattern;
    size_t plen;
    const char *flags;
    const char16_t *input;
    size_t ilen;
    int n;
    int idx[48];
} re_case;

/* A string literal and its length (inputs may contain U+0000). */
#define S(lit) lit, sizeof(lit) / sizeof(char16_t) - 1

static const re_case cases[] = {
    {S(u"abc"), "", S(u"xxabcx"), 1, {2, 5}},
    {S(u"abc"), "", S(u"ab"), 0, {0}},
    {S(u"a.c"),
     "",
     S(u"abc a\xA"
       u"c"),
     1,
     {0, 3}},
    {S(u"a.c"),
     "s",
     S(u"a\xA"
       u"c"),
     1,
     {0, 3}},
    {S(u"a.c"),
     "",
     S(u"a\x2028"
       u"c"),
     0,
     {0}},
    {S(u"a.c"),
     "s",
     S(u"a\x2028"
       u"c"),
     1,
     {0, 3}},
    {S(u"^abc"), "", S(u"abc"), 1, {0, 3}},
    {S(u"^abc"), "", S(u"xabc"), 0, {0}},
    {S(u"^b"),
     "m",
     S(u"a\xA"
       u"b"),
     1,
     {2, 3}},
    {S(u"a$"), "", S(u"ba\xA"), 0, {0}},
    {S(u"a$"),
     "m",
     S(u"ba\xA"
       u"c"),
     1,
     {1, 2}},
    {S(u"$"), "", S(u"abc"), 1, {3, 3}},
    {S(u"^"),
     "m",
     S(u"a\xD"
       u"b"),
     1,
     {0, 0}},
    {S(u"^b"),
     "m",
     S(u"a\x2029"
       u"b"),
     1,
     {2, 3}},
    {S(u"a|b|c"), "", S(u"xcb"), 1, {1, 2}},
    {S(u"ab|cd|"), "", S(u"x"), 1, {0, 0}},
    {S(u"(a|ab)(c|bcd)(d*)"), "", S(u"abcd"), 4, {0, 4, 0, 1, 1, 4, 4, 4}},
    {S(u"a||b"), "", S(u"b"), 1, {0, 0}},
    {S(u"|a"), "", S(u"a"), 1, {0, 0}},
    {S(u"a*"), "", S(u"aaab"), 1, {0, 3}},
    {S(u"a+"), "", S(u"baaa"), 1, {1, 4}},
    {S(u"a\x3F"
       u"b"),
     "",
     S(u"ab"),
     1,
     {0, 2}},
    {S(u"a{2}"), "", S(u"aaaa"), 1, {0, 2}},
    {S(u"a{2,}"), "", S(u"aaaaa"), 1, {0, 5}},
    {S(u"a{2,3}"), "", S(u"aaaaa"), 1, {0, 3}},
    {S(u"a{0}b"), "", S(u"ab"), 1, {1, 2}},
    {S(u"a*\x3F"
       u"b"),
     "",
     S(u"aaab"),
     1,
     {0, 4}},
    {S(u"a+\x3F"), "", S(u"aaa"), 1, {0, 1}},
    {S(u"a\x3F\x3F"
       u"b"),
     "",
     S(u"ab"),
     1,
     {0, 2}},
    {S(u"a{2,3}\x3F"), "", S(u"aaaa"), 1, {0, 2}},
    {S(u"a{2,}\x3F"), "", S(u"aaaa"), 1, {0, 2}},
    {S(u"(a{2})*"), "", S(u"aaaaa"), 2, {0, 4, 2, 4}},
    {S(u"x*y+$"), "", S(u"xxyyy"), 1, {0, 5}},
    {S(u"\x5C"
       u"d{3}|[a-z]{4}"),
     "",
     S(u"2 abcd 123"),
     1,
     {2, 6}},
    {S(u".*"),
     "",
     S(u"abc\xA"
       u"def"),
     1,
     {0, 3}},
    {S(u".*"),
     "s",
     S(u"abc\xA"
       u"def"),
     1,
     {0, 7}},
    {S(u".+\x3F"
       u"c"),
     "",
     S(u"abcabc"),
     1,
     {0, 3}},
    {S(u"(\x3F:ab)+"), "", S(u"ababab"), 1, {0, 6}},
    {S(u"(\x3F:ab)+\x3F"), "", S(u"ababab"), 1, {0, 2}},
    {S(u"(\x3F:a|b)*c"), "", S(u"abbac"), 1, {0, 5}},
    {S(u"(a|b)*c"), "", S(u"abbac"), 2, {0, 5, 3, 4}},
    {S(u"(a|b)*\x3F"
       u"c"),
     "",
     S(u"abbac"),
     2,
     {0, 5, 3, 4}},
    {S(u"(a*)*"), "", S(u"b"), 2, {0, 0, -1, -1}},
    {S(u"(a*)+"), "", S(u"b"), 2, {0, 0, 0, 0}},
    {S(u"(a|ab)*c"), "", S(u"abac"), 2, {0, 4, 2, 3}},
    {S(u"(a*)*b"), "", S(u"aaab"), 2, {0, 4, 0, 3}},
    {S(u"(a+|b)*"), "", S(u"ab"), 2, {0, 2, 1, 2}},
    {S(u"(a+|b){0,}"), "", S(u"ab"), 2, {0, 2, 1, 2}},
    {S(u"(a+|b)+"), "", S(u"ab"), 2, {0, 2, 1, 2}},
    {S(u"(a+|b){1,}"), "", S(u"ab"), 2, {0, 2, 1, 2}},
    {S(u"(a+|b)\x3F"), "", S(u"ab"), 2, {0, 1, 0, 1}},
    {S(u"(a+|b){0,1}"), "", S(u"ab"), 2, {0, 1, 0, 1}},
    {S(u"(\x3F:a\x3F)*b"), "", S(u"aab"), 1, {0, 3}},
    {S(u"(\x3F:a\x3F)+\x3F"
       u"b"),
     "",
     S(u"aab"),
     1,
     {0, 3}},
    {S(u"(a\x3F)\x3F\x3F"
       u"b"),
     "",
     S(u"ab"),
     2,
     {0, 2, 0, 1}},
    {S(u"(\x3F:(a)|b)*"), "", S(u"ab"), 2, {0, 2, -1, -1}},
    {S(u"(\x3F:(a)|(b))+"), "", S(u"aba"), 3, {0, 3, 2, 3, -1, -1}},
    {S(u"(z)((a+)\x3F(b+)\x3F(c))*"),
     "",
     S(u"zaacbbbcac"),
     6,
     {0, 10, 0, 1, 8, 10, 8, 9, -1, -1, 9, 10}},
    {S(u"(a)|b"), "", S(u"b"), 2, {0, 1, -1, -1}},
    {S(u"(\x3F:(a)|b)\x5C"
       u"1c"),
     "",
     S(u"bc"),
     2,
     {0, 2, -1, -1}},
    {S(u"((a)|b)+"), "", S(u"ab"), 3, {0, 2, 1, 2, -1, -1}},
    {S(u"(a{0,2})*"), "", S(u"aaaa"), 2, {0, 4, 2, 4}},
    {S(u"(a{2,3}){2}"), "", S(u"aaaaaa"), 2, {0, 6, 3, 6}},
    {S(u"a{1,3}a{1,3}"), "", S(u"aaaa"), 1, {0, 4}},
    {S(u"(\x3F:a{0,3}){2}b"), "", S(u"aaab"), 1, {0, 4}},
    {S(u"(\x3F:x{2})+\x3Fy"), "", S(u"xxxxy"), 1, {0, 5}},
    {S(u"(\x3F:ab|a)*\x3F$"), "", S(u"abab"), 1, {0, 4}},
    {S(u"(.)*"), "", S(u"abc"), 2, {0, 3, 2, 3}},
    {S(u"(.)+\x3Fx"), "", S(u"abcx"), 2, {0, 4, 2, 3}},
    {S(u"(\x5Cw+)\x5Cs(\x5Cw+)"), "", S(u"John Smith"), 3, {0, 10, 0, 4, 5, 10}},
    {S(u"(\x5C"
       u"d+)-(\x5C"
       u"d+)-(\x5C"
       u"d+)"),
     "",
     S(u"2024-01-15"),
     4,
     {0, 10, 0, 4, 5, 7, 8, 10}},
    {S(u"a{,5}"), "", S(u"a{,5}"), 1, {0, 5}},
    {S(u"a{5"), "", S(u"a{5"), 1, {0, 3}},
    {S(u"x{1}{"), "", S(u"x{"), 1, {0, 2}},
    {S(u"{"), "", S(u"{"), 1, {0, 1}},
    {S(u"}"), "", S(u"}"), 1, {0, 1}},
    {S(u"]"), "", S(u"]"), 1, {0, 1}},
    {S(u"a{2,3"), "", S(u"a{2,3"), 1, {0, 5}},
    {S(u"(\x3F:)"), "", S(u"abc"), 1, {0, 0}},
    {S(u"()"), "", S(u"abc"), 2, {0, 0, 0, 0}},
    {S(u"(|a)+"), "", S(u"aa"), 2, {0, 2, 1, 2}},
    {S(u"(a|)+"), "", S(u"aa"), 2, {0, 2, 1, 2}},
    {S(u"(\x3F:a|)*b"), "", S(u"aab"), 1, {0, 3}},
    {S(u"(\x3F:|a)*b"), "", S(u"aab"), 1, {0, 3}},
    {S(u"[abc]+"), "", S(u"xxbcay"), 1, {2, 5}},
    {S(u"[^abc]+"), "", S(u"abxyzc"), 1, {2, 5}},
    {S(u"[a-z]+"), "", S(u"ABcdeF"), 1, {2, 5}},
    {S(u"[a-z0-9_]+"), "", S(u"-a_9-"), 1, {1, 4}},
    {S(u"[-a]+"), "", S(u"a-a"), 1, {0, 3}},
    {S(u"[a-]+"), "", S(u"a-a"), 1, {0, 3}},
    {S(u"[]"), "", S(u"a"), 0, {0}},
    {S(u"[^]"), "", S(u"\xA"), 1, {0, 1}},
    {S(u"[^]*"),
     "",
     S(u"ab\xA"
       u"cd"),
     1,
     {0, 5}},
    {S(u"[\x5C"
       u"d]+"),
     "",
     S(u"ab12c"),
     1,
     {2, 4}},
    {S(u"[\x5C"
       u"D]+"),
     "",
     S(u"12ab3"),
     1,
     {2, 4}},
    {S(u"[\x5Cs]+"),
     "",
     S(u"a \x9\xA0\xFEFF"
       u"b"),
     1,
     {1, 5}},
    {S(u"[\x5CS]+"), "", S(u"  ab "), 1, {2, 4}},
    {S(u"[\x5Cw]+"), "", S(u"--aZ_9--"), 1, {2, 6}},
    {S(u"[\x5CW]+"), "", S(u"ab--cd"), 1, {2, 4}},
    {S(u"[\x5Cw-a]+"), "", S(u"x-a"), 1, {0, 3}},
    {S(u"[a-\x5Cw]+"), "", S(u"-x"), 1, {0, 2}},
    {S(u"[\x5C"
       u"d-z]+"),
     "",
     S(u"1-z"),
     1,
     {0, 3}},
    {S(u"[\x5C"
       u"b]"),
     "",
     S(u"a\x8"
       u"b"),
     1,
     {1, 2}},
    {S(u"\x5C"
       u"bfoo\x5C"
       u"b"),
     "",
     S(u"a foo b"),
     1,
     {2, 5}},
    {S(u"\x5C"
       u"Boo\x5C"
       u"B"),
     "",
     S(u"foooo"),
     1,
     {1, 3}},
    {S(u"\x5C"
       u"b"),
     "",
     S(u"   "),
     0,
     {0}},
    {S(u"\x5C"
       u"B"),
     "",
     S(u""),
     1,
     {0, 0}},
    {S(u"[\x5Cx41-\x5Cx43]+"), "", S(u"ABCD"), 1, {0, 3}},
    {S(u"[\x5Cu0041-\x5Cu0043]+"), "", S(u"ABCD"), 1, {0, 3}},
    {S(u"[\x5C"
       u"cA]"),
     "",
     S(u"\x1"),
     1,
     {0, 1}},
    {S(u"[\x5C"
       u"c1]"),
     "",
     S(u"\x11"),
     1,
     {0, 1}},
    {S(u"[\x5C"
       u"c_]"),
     "",
     S(u"\x1F"),
     1,
     {0, 1}},
    {S(u"[\x5C"
       u"c*]+"),
     "",
     S(u"\x5C"
       u"c*"),
     1,
     {0, 3}},
    {S(u"\x5C"
       u"c1"),
     "",
     S(u"\x5C"
       u"c1"),
     1,
     {0, 3}},
    {S(u"\x5C"
       u"c"),
     "",
     S(u"\x5C"
       u"c"),
     1,
     {0, 2}},
    {S(u"[\x5C"
       u"0]"),
     "",
     S(u"\x0"),
     1,
     {0, 1}},
    {S(u"[\x5C"
       u"1]"),
     "",
     S(u"\x1"),
     1,
     {0, 1}},
    {S(u"[\x5C"
       u"8]"),
     "",
     S(u"8"),
     1,
     {0, 1}},
    {S(u"[\x5Ck]"), "", S(u"k"), 1, {0, 1}},
    {S(u"\x5C"
       u"a"),
     "",
     S(u"a"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"e"),
     "",
     S(u"e"),
     1,
     {0, 1}},
    {S(u"[.]"), "", S(u"a."), 1, {1, 2}},
    {S(u"[$^]+"), "", S(u"^$"), 1, {0, 2}},
    {S(u"[\x5C-]"), "", S(u"-"), 1, {0, 1}},
    {S(u"[\x5C]]"), "", S(u"]"), 1, {0, 1}},
    {S(u"[[]"), "", S(u"["), 1, {0, 1}},
    {S(u"[a-z&&b]+"), "", S(u"a&b"), 1, {0, 3}},
    {S(u"\x5Cx41"), "", S(u"A"), 1, {0, 1}},
    {S(u"\x5Cx4"), "", S(u"x4"), 1, {0, 2}},
    {S(u"\x5Cu0041"), "", S(u"A"), 1, {0, 1}},
    {S(u"\x5Cu004"), "", S(u"u004"), 1, {0, 4}},
    {S(u"\x5Cu{41}"),
     "",
     S(u"uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"),
     1,
     {0, 41}},
    {S(u"\x5Cu{41}"), "u", S(u"A"), 1, {0, 1}},
    {S(u"\x5Cu{1F600}"), "u", S(u"x\xD83D\xDE00"), 1, {1, 3}},
    {S(u"\x5Ct\x5Cn\x5Cv\x5C"
       u"f\x5Cr"),
     "",
     S(u"\x9\xA\xB\xC\xD"),
     1,
     {0, 5}},
    {S(u"\x5C"
       u"0"),
     "",
     S(u"\x0"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"01"),
     "",
     S(u"\x1"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"012"),
     "",
     S(u"\xA"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"0123"),
     "",
     S(u"\xA"
       u"3"),
     1,
     {0, 2}},
    {S(u"\x5C"
       u"377"),
     "",
     S(u"\xFF"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"400"),
     "",
     S(u" 0"),
     1,
     {0, 2}},
    {S(u"\x5C"
       u"8"),
     "",
     S(u"8"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"9"),
     "",
     S(u"9"),
     1,
     {0, 1}},
    {S(u"a\x5C"
       u"1"),
     "",
     S(u"a\x1"),
     1,
     {0, 2}},
    {S(u"(a)\x5C"
       u"1"),
     "",
     S(u"aa"),
     2,
     {0, 2, 0, 1}},
    {S(u"(a)\x5C"
       u"2"),
     "",
     S(u"a\x2"),
     2,
     {0, 2, 0, 1}},
    {S(u"(a)\x5C"
       u"10"),
     "",
     S(u"a\x8"),
     2,
     {0, 2, 0, 1}},
    {S(u"\x5C"
       u"1(a)"),
     "",
     S(u"aa"),
     2,
     {0, 1, 0, 1}},
    {S(u"(a)|\x5C"
       u"1b"),
     "",
     S(u"b"),
     2,
     {0, 1, -1, -1}},
    {S(u"(a\x5C"
       u"1)"),
     "",
     S(u"aa"),
     2,
     {0, 1, 0, 1}},
    {S(u"\x5Ck"), "", S(u"k"), 1, {0, 1}},
    {S(u"\x5Ck<a>"), "", S(u"k<a>"), 1, {0, 4}},
    {S(u"(\x3F<a>x)\x5Ck<a>"), "", S(u"xx"), 2, {0, 2, 0, 1}},
    {S(u"\x5C/"), "", S(u"/"), 1, {0, 1}},
    {S(u"\x5C"
       u"cJ"),
     "",
     S(u"\xA"),
     1,
     {0, 1}},
    {S(u"\x5C"
       u"cj"),
     "",
     S(u"\xA"),
     1,
     {0, 1}},
    {S(u"(\x5Cw)\x5C"
       u"1"),
     "",
     S(u"abccd"),
     2,
     {2, 4, 2, 3}},
    {S(u"(a)(b)\x5C"
       u"2\x5C"
       u"1"),
     "",
     S(u"abba"),
     3,
     {0, 4, 0, 1, 1, 2}},
    {S(u"(\x3F<x>a)(\x3F<y>b)\x5Ck<y>\x5Ck<x>"), "", S(u"abba"), 3, {0, 4, 0, 1, 1, 2}},
    {S(u"(a)\x3F\x5C"
       u"1b"),
     "",
     S(u"b"),
     2,
     {0, 1, -1, -1}},
    {S(u"(\x3F:(a)|b)\x5C"
       u"1"),
     "",
     S(u"aa"),
     2,
     {0, 2, 0, 1}},
    {S(u"(\x5Cw+)\x5Cs\x5C"
       u"1"),
     "",
     S(u"the the"),
     2,
     {0, 7, 0, 3}},
    {S(u"(a*)b\x5C"
       u"1+"),
     "",
     S(u"baaaac"),
     2,
     {0, 1, 0, 0}},
    {S(u"(\x3F=(a+))a*b\x5C"
       u"1"),
     "",
     S(u"baaabac"),
     2,
     {3, 6, 3, 4}},
    {S(u"(.*\x3F)a(\x3F!(a+)b\x5C"
       u"2c)\x5C"
       u"2(.*)"),
     "",
     S(u"baaabaac"),
     4,
     {0, 8, 0, 2, -1, -1, 3, 8}},
    {S(u"(\x5Cw)\x5C"
       u"1"),
     "i",
     S(u"aA"),
     2,
     {0, 2, 0, 1}},
    {S(u"(\x5Cw)\x5C"
       u"1"),
     "",
     S(u"aA"),
     0,
     {0}},
    {S(u"(a)\x5C"
       u"1"),
     "i",
     S(u"AA"),
     2,
     {0, 2, 0, 1}},
    {S(u"\x5Ck<a>(\x3F<a>x)"), "", S(u"x"), 2, {0, 1, 0, 1}},
    {S(u"(\x3F<a>.)(\x3F<b>.)\x5Ck<b>"), "", S(u"abb"), 3, {0, 3, 0, 1, 1, 2}},
    {S(u"a(\x3F=b)"), "", S(u"acab"), 1, {2, 3}},
    {S(u"a(\x3F!b)"), "", S(u"abac"), 1, {2, 3}},
    {S(u"(\x3F=(a+))"), "", S(u"baaabac"), 2, {1, 1, 1, 4}},
    {S(u"(\x3F=a)*"), "", S(u"a"), 1, {0, 0}},
    {S(u"(\x3F=a){2}a"), "", S(u"a"), 1, {0, 1}},
    {S(u"(\x3F!a)\x3F"
       u"b"),
     "",
     S(u"b"),
     1,
     {0, 1}},
    {S(u"(\x3F<=a)b"), "", S(u"cbab"), 1, {3, 4}},
    {S(u"(\x3F<!a)b"), "", S(u"abcb"), 1, {3, 4}},
    {S(u"(\x3F<=(\x5C"
       u"d+)(\x5C"
       u"d+))$"),
     "",
     S(u"1053"),
     3,
     {4, 4, 0, 1, 1, 4}},
    {S(u"(\x3F<=\x5C$)\x5C"
       u"d+(\x5C.\x5C"
       u"d*)\x3F"),
     "",
     S(u"cost $10.53"),
     2,
     {6, 11, 8, 11}},
    {S(u"(\x3F<=\x5C$\x5C"
       u"d+\x5C.)\x5C"
       u"d+"),
     "",
     S(u"cost $10.53"),
     1,
     {9, 11}},
    {S(u"(\x3F<!\x5C$)\x5C"
       u"b\x5C"
       u"d+"),
     "",
     S(u"$10 20"),
     1,
     {4, 6}},
    {S(u"(\x3F<=(a)\x5C"
       u"1)b"),
     "",
     S(u"aab"),
     2,
     {2, 3, 1, 2}},
    {S(u"(\x3F<=\x5C"
       u"1(a))b"),
     "",
     S(u"aab"),
     2,
     {2, 3, 1, 2}},
    {S(u"(\x3F<=(\x3F:a|bc)+)d"), "", S(u"bcabcd"), 1, {5, 6}},
    {S(u"(\x3F<=a(\x3F=b)b)c"), "", S(u"abc"), 1, {2, 3}},
    {S(u"(\x3F<=(\x3F<=a)b)c"), "", S(u"abc"), 1, {2, 3}},
    {S(u"(\x3F<=^|,)\x5Cw"), "", S(u"a,b"), 1, {0, 1}},
    {S(u"(\x3F<=([abc])+)x"), "", S(u"abcx"), 2, {3, 4, 0, 1}},
    {S(u"(\x3F<=(\x5Cw){3})x"), "", S(u"abcx"), 2, {3, 4, 0, 1}},
    {S(u"(\x3F<=a*)b"), "", S(u"aab"), 1, {2, 3}},
    {S(u"(\x3F<=a*\x3F)b"), "", S(u"aab"), 1, {2, 3}},
    {S(u"(\x3F<![a-z]{2})\x5C"
       u"d"),
     "",
     S(u"ab1 2"),
     1,
     {4, 5}},
    {S(u"(\x3F=(\x5Cw))(\x5Cw+)"), "", S(u"ab"), 3, {0, 2, 0, 1, 0, 2}},
    {S(u"(\x3F!(a))b\x5C"
       u"1"),
     "",
     S(u"b"),
     2,
     {0, 1, -1, -1}},
    {S(u"(\x3F=(a))\x3F"
       u"a"),
     "",
     S(u"a"),
     2,
     {0, 1, -1, -1}},
    {S(u"(a)(\x3F=\x5C"
       u"1)"),
     "",
     S(u"aa"),
     2,
     {0, 1, 0, 1}},
    {S(u"^(\x3F=.*\x5C"
       u"d)(\x3F=.*[a-z]).{6,}$"),
     "",
     S(u"abc123"),
     1,
     {0, 6}},
    {S(u"(\x3F<=\x5C"
       u"b)foo"),
     "",
     S(u"x foo"),
     1,
     {2, 5}},
    {S(u"abc"), "i", S(u"xABCx"), 1, {1, 4}},
    {S(u"[a-z]+"), "i", S(u"ABC"), 1, {0, 3}},
    {S(u"[^a-z]+"), "i", S(u"ABC12"), 1, {3, 5}},
    {S(u"\x5Cu017f"), "i", S(u"s"), 0, {0}},
    {S(u"s"), "i", S(u"\x17F"), 0, {0}},
    {S(u"\x5Cu212a"), "i", S(u"k"), 0, {0}},
    {S(u"k"), "iu", S(u"\x212A"), 1, {0, 1}},
    {S(u"\x5Cu017f"), "iu", S(u"S"), 1, {0, 1}},
    {S(u"[a-z]"), "iu", S(u"\x212A"), 1, {0, 1}},
    {S(u"\x5Cw"), "iu", S(u"\x17F"), 1, {0, 1}},
    {S(u"\x5CW"), "iu", S(u"\x17F"), 0, {0}},
    {S(u"\x5CW"), "i", S(u"\x17F"), 1, {0, 1}},
    {S(u"\x5Cu00e5"), "i", S(u"\xC5"), 1, {0, 1}},
    {S(u"\x5Cu00e5"), "i", S(u"\x212B"), 0, {0}},
    {S(u"\x5Cu00e5"), "iu", S(u"\x212B"), 1, {0, 1}},
    {S(u"\x3C3"), "i", S(u"\x3A3\x3C2"), 1, {0, 1}},
    {S(u"\x3C2"), "i", S(u"\x3A3"), 1, {0, 1}},
    {S(u"\x3C2"), "iu", S(u"\x3C3"), 1, {0, 1}},
    {S(u"\x5Cu0130"), "i", S(u"i"), 0, {0}},
    {S(u"\x5Cu0131"), "i", S(u"I"), 0, {0}},
    {S(u"\x5Cu0131"), "iu", S(u"I"), 0, {0}},
    {S(u"\xDF"), "i", S(u"SS"), 0, {0}},
    {S(u"\xDF"), "iu", S(u"\x1E9E"), 1, {0, 1}},
    {S(u"\x1E9E"), "i", S(u"\xDF"), 0, {0}},
    {S(u"[\x5Cu00e0-\x5Cu00ff]+"), "i", S(u"\xC0\xDE"), 1, {0, 2}},
    {S(u"[^\x5Cu00e0-\x5Cu00ff]"), "i", S(u"\xC0x"), 1, {1, 2}},
    {S(u"\x5C"
       u"b"),
     "iu",
     S(u"\x17F"),
     1,
     {0, 0}},
    {S(u"\x5C"
       u"b\x5Cw+\x5C"
       u"b"),
     "iu",
     S(u"a\x17F"
       u"b"),
     1,
     {0, 3}},
    {S(u"[\x5Cw-]"), "iu", S(u"\x212A"), 1, {0, 1}},
    {S(u"\x1040"
       u"0"),
     "iu",
     S(u"\x1042"
       u"8"),
     0,
     {0}},
    {S(u"[\x5Cu{10400}]"), "iu", S(u"\xD801\xDC28"), 1, {0, 2}},
    {S(u"\x5Cu{10400}"), "u", S(u"\xD801\xDC28"), 0, {0}},
    {S(u"[^k]"), "iu", S(u"\x212A"), 0, {0}},
    {S(u"[^\x5CW]"), "iu", S(u"\x17F"), 1, {0, 1}},
    {S(u"\x5Cp{Lu}"), "iu", S(u"a"), 1, {0, 1}},
    {S(u"\x5CP{Lu}"), "iu", S(u"A"), 1, {0, 1}},
    {S(u"[\x5Cp{Lu}]"), "iu", S(u"a"), 1, {0, 1}},
    {S(u"\x345"), "i", S(u"\x3B9"), 1, {0, 1}},
    {S(u"\x3B9"), "iu", S(u"\x345"), 1, {0, 1}},
    {S(u"\x1FBE"), "i", S(u"\x399"), 1, {0, 1}},
    {S(u"\x1C5"), "i", S(u"\x1C4"), 1, {0, 1}},
    {S(u"\x1C5"), "iu", S(u"\x1C6"), 1, {0, 1}},
    {S(u"."), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"."), "", S(u"\xD83D\xDE00"), 1, {0, 1}},
    {S(u"^.$"), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"^.$"), "", S(u"\xD83D\xDE00"), 0, {0}},
    {S(u"[\xD83D\xDE00-\xD83D\xDE4F]"), "u", S(u"x\xD83D\xDE10"), 1, {1, 3}},
    {S(u"\x5Cud83d"), "u", S(u"\xD83D\xDE00"), 0, {0}},
    {S(u"\x5Cud83d"), "", S(u"\xD83D\xDE00"), 1, {0, 1}},
    {S(u"\x5Cude00"), "u", S(u"\xD83D\xDE00"), 0, {0}},
    {S(u"\x5Cude00"), "", S(u"\xD83D\xDE00"), 1, {1, 2}},
    {S(u"\x5Cud83d\x5Cude00"), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"[\x5Cud83d\x5Cude00]"), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"[\x5Cud83d\x5Cude00]"), "", S(u"\xD83D\xDE00"), 1, {0, 1}},
    {S(u"\x5CS"), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"\x5CW+"),
     "u",
     S(u"\xD83D\xDE00\xD83D\xDE01"
       u"a"),
     1,
     {0, 4}},
    {S(u"[^a]"), "u", S(u"\xD83D\xDE00"), 1, {0, 2}},
    {S(u"a.b"),
     "u",
     S(u"a\xD83D\xDE00"
       u"b"),
     1,
     {0, 4}},
    {S(u"\xD83D\xDE00+"), "u", S(u"\xD83D\xDE00\xD83D\xDE00"), 1, {0, 4}},
    {S(u"\xD83D\xDE00+"), "", S(u"\xD83D\xDE00\xD83D\xDE00"), 1, {0, 2}},
    {S(u"(\x3F<=\xD83D\xDE00)a"),
     "u",
     S(u"\xD83D\xDE00"
       u"a"),
     1,
     {2, 3}},
    {S(u"(\x3F<=.)a"),
     "u",
     S(u"\xD83D\xDE00"
       u"a"),
     1,
     {2, 3}},
    {S(u"(\x3F<=^.)a"),
     "u",
     S(u"\xD83D\xDE00"
       u"a"),
     1,
     {2, 3}},
    {S(u"(\x3F<=^.)a"),
     "",
     S(u"\xD83D\xDE00"
       u"a"),
     0,
     {0}},
    {S(u"\x5Cu{0}"), "u", S(u"\x0"), 1, {0, 1}},
    {S(u"\x5Cu{000000041}"), "u", S(u"A"), 1, {0, 1}},
    {S(u"[\x5Cu{41}-\x5Cu{43}]"), "u", S(u"B"), 1, {0, 1}},
    {S(u"\x5Cp{Script=Greek}+"), "u", S(u"abc\x3B1\x3B2\x3B3"), 1, {3, 6}},
    {S(u"\x5Cp{L}+"), "u", S(u"123h\xE9llo"), 1, {3, 8}},
    {S(u"\x5Cp{Letter}"), "u", S(u"1a"), 1, {1, 2}},
    {S(u"\x5Cp{gc=Nd}+"), "u", S(u"x\x660\x661"), 1, {1, 3}},
    {S(u"\x5Cp{General_Category=Decimal_Number}"), "u", S(u"x5"), 1, {1, 2}},
    {S(u"\x5CP{L}+"), "u", S(u"ab12cd"), 1, {2, 4}},
    {S(u"\x5Cp{ASCII_Hex_Digit}+"), "u", S(u"xyzABCdefg"), 1, {3, 9}},
    {S(u"\x5Cp{Any}"), "u", S(u"\xA"), 1, {0, 1}},
    {S(u"\x5Cp{Assigned}"),
     "u",
     S(u"\x378"
       u"a"),
     1,
     {1, 2}},
    {S(u"\x5Cp{sc=Latn}+"),
     "u",
     S(u"\x3B1"
       u"abc"),
     1,
     {1, 4}},
    {S(u"\x5Cp{scx=Deva}"), "u", S(u"\x964"), 1, {0, 1}},
    {S(u"\x5Cp{sc=Deva}"), "u", S(u"\x964"), 0, {0}},
    {S(u"\x5Cp{Emoji_Presentation}"), "u", S(u"a\x231A"), 1, {1, 2}},
    {S(u"\x5Cp{White_Space}+"),
     "u",
     S(u"a \x2028\x9"
       u"b"),
     1,
     {1, 4}},
    {S(u"[\x5Cp{Nd}\x5Cp{Lu}]+"), "u", S(u"abC1D2e"), 1, {2, 6}},
    {S(u"[^\x5Cp{L}]+"), "u", S(u"ab12cd"), 1, {2, 4}},
    {S(u"\x5Cp{Lowercase}"), "u", S(u"Ab"), 1, {1, 2}},
    {S(u"\x5CP{Any}"), "u", S(u"a"), 0, {0}},
    {S(u"[\x5CP{Any}]"), "u", S(u"a"), 0, {0}},
    {S(u"\x5Cp{Cn}"), "u", S(u"a\x378"), 1, {1, 2}},
    {S(u"\x5Cp{Ideographic}"), "u", S(u"a\x4E00"), 1, {1, 2}},
    {S(u"\x5Cp{ID_Start}\x5Cp{ID_Continue}*"), "u", S(u"1abc9"), 1, {1, 5}},
    {S(u"[\x5Cp{L}--[a-z]]"), "v", S(u"aB"), 1, {1, 2}},
    {S(u"[[a-z]&&[aeiou]]+"), "v", S(u"bcdeaf"), 1, {3, 5}},
    {S(u"[\x5Cw--\x5C"
       u"d]+"),
     "v",
     S(u"12ab3"),
     1,
     {2, 4}},
    {S(u"[[a-z]--[aeiou]]+"), "v", S(u"aeibcd"), 1, {3, 6}},
    {S(u"[\x5Cq{abc|d}]"), "v", S(u"xabc"), 1, {1, 4}},
    {S(u"[\x5Cq{abc|ab}]"), "v", S(u"abc"), 1, {0, 3}},
    {S(u"[\x5Cq{ab|abc}]+"), "v", S(u"abcab"), 1, {0, 5}},
    {S(u"[a\x5Cq{}]"), "v", S(u"x"), 1, {0, 0}},
    {S(u"[\x5Cq{}]"), "v", S(u"x"), 1, {0, 0}},
    {S(u"^[\x5Cq{\xD83C\xDDFA\xD83C\xDDF8|a}]$"), "v", S(u"\xD83C\xDDFA\xD83C\xDDF8"), 1, {0, 4}},
    {S(u"\x5Cp{RGI_Emoji}"),
     "v",
     S(u"x\xD83D\xDC68\x200D\xD83D\xDC69\x200D\xD83D\xDC67y"),
     1,
     {1, 9}},
    {S(u"\x5Cp{RGI_Emoji_Flag_Sequence}"), "v", S(u"\xD83C\xDDFA\xD83C\xDDF8"), 1, {0, 4}},
    {S(u"\x5Cp{Emoji_Keycap_Sequence}"), "v", S(u"a#\xFE0F\x20E3"), 1, {1, 4}},
    {S(u"\x5Cp{Basic_Emoji}"), "v", S(u"\x231A"), 1, {0, 1}},
    {S(u"[\x5Cp{RGI_Emoji}--\x5Cq{\xD83C\xDDFA\xD83C\xDDF8}]"),
     "v",
     S(u"\xD83C\xDDFA\xD83C\xDDF8"),
     0,
     {0}},
    {S(u"[\x5Cp{RGI_Emoji_Flag_Sequence}&&\x5Cq{\xD83C\xDDFA\xD83C\xDDF8}]"),
     "v",
     S(u"\xD83C\xDDFA\xD83C\xDDF8"),
     1,
     {0, 4}},
    {S(u"[^[^a]]"), "v", S(u"a"), 1, {0, 1}},
    {S(u"[a-c[x-z]]+"), "v", S(u"axbyc"), 1, {0, 5}},
    {S(u"[\x5C"
       u"d&&[0-4]]+"),
     "v",
     S(u"5123"),
     1,
     {1, 4}},
    {S(u"[[a-z]--b--c]+"), "v", S(u"abcd"), 1, {0, 1}},
    {S(u"[\x5Cq{KM}]"), "vi", S(u"km"), 1, {0, 2}},
    {S(u"[\x5Cq{km}]"), "vi", S(u"KM"), 1, {0, 2}},
    {S(u"[^\x5Cq{k}]"), "vi", S(u"K"), 0, {0}},
    {S(u"[^k]"), "vi", S(u"\x212A"), 0, {0}},
    {S(u"[\x5Cw--k]"), "vi", S(u"k"), 1, {0, 1}},
    {S(u"\x5Cp{Lu}"), "vi", S(u"a"), 1, {0, 1}},
    {S(u"\x5CP{Lu}"), "vi", S(u"A"), 0, {0}},
    {S(u"[^\x5CP{Lu}]"), "vi", S(u"a"), 1, {0, 1}},
    {S(u"[\x5Cp{Lu}--[A-Z]]"), "vi", S(u"a"), 0, {0}},
    {S(u"[\x5C&\x5C-\x5C!\x5C#]+"), "v", S(u"&-!#"), 1, {0, 4}},
    {S(u"[\x5C(\x5C)]+"), "v", S(u"()"), 1, {0, 2}},
    {S(u"[a&b]"), "v", S(u"&"), 1, {0, 1}},
    {S(u"(\x3F<=[\x5Cq{ab|c}])x"), "v", S(u"abx"), 1, {2, 3}},
    {S(u"[.]"), "v", S(u"a."), 1, {1, 2}},
    {S(u"[\x5Cs--\x5Cn]"), "v", S(u"\xA "), 1, {1, 2}},
    {S(u"(\x3F<year>\x5C"
       u"d{4})-(\x3F<month>\x5C"
       u"d{2})"),
     "",
     S(u"2024-05"),
     3,
     {0, 7, 0, 4, 5, 7}},
    {S(u"(\x3F<a>a)|(\x3F<b>b)"), "", S(u"b"), 3, {0, 1, -1, -1, 0, 1}},
    {S(u"(\x3F<$>a)(\x3F<_b>b)"), "", S(u"ab"), 3, {0, 2, 0, 1, 1, 2}},
    {S(u"(\x3F<\x5Cu0061bc>x)\x5Ck<abc>"), "", S(u"xx"), 2, {0, 2, 0, 1}},
    {S(u"(\x3F<\xE9>x)"), "", S(u"x"), 2, {0, 1, 0, 1}},
    {S(u"(\x3F<\x5Cu{1d4d1}>x)"), "", S(u"x"), 2, {0, 1, 0, 1}},
    {S(u"(\x3F<\xD835\xDCD1>x)"), "u", S(u"x"), 2, {0, 1, 0, 1}},
    {S(u"a{1,2}{"), "", S(u"aa{"), 1, {0, 3}},
    {S(u"a{1}b{2,}c{3}"), "", S(u"abbccc"), 1, {0, 6}},
    {S(u"\x5C"
       u"cxa"),
     "",
     S(u"\x18"
       u"a"),
     1,
     {0, 2}},
    {S(u"[\x5Cx]"), "", S(u"x"), 1, {0, 1}},
    {S(u"\x5Cp{L}"), "", S(u"p{L}"), 1, {0, 4}},
    {S(u"\x5CP"), "", S(u"P"), 1, {0, 1}},
    {S(u"[\x5Cp{L}]"), "", S(u"p"), 1, {0, 1}},
    {S(u"(\x3F:a|b)+\x3F"
       u"c"),
     "",
     S(u"abac"),
     1,
     {0, 4}},
    {S(u"(a)|(b)|(c)"), "", S(u"c"), 4, {0, 1, -1, -1, -1, -1, 0, 1}},
    {S(u"((((((((((a))))))))))\x5C"
       u"10"),
     "",
     S(u"aa"),
     11,
     {0, 2, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}},
    {S(u"(((((((((a)))))))))\x5C"
       u"10"),
     "",
     S(u"a\x8"),
     10,
     {0, 2, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1}},
    {S(u"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\x5C"
       u"11"),
     "",
     S(u"abcdefghijkk"),
     12,
     {0, 12, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11}},
    {S(u"[\x5Cu{61}-b]"), "", S(u"u{61}-b"), -1, {0}},
    {S(u"\x5C"
       u"0"),
     "u",
     S(u"\x0"),
     1,
     {0, 1}},
    {S(u"\x5Cs+"),
     "",
     S(u"a\x1680\x2000\x3000\xFEFF"
       u"b"),
     1,
     {1, 5}},
    {S(u"\x5CS+"),
     "",
     S(u"\xA0"
       u"ab"),
     1,
     {1, 3}},
    {S(u"\x5C"
       u"d+"),
     "u",
     S(u"\x661"
       u"123"),
     1,
     {1, 4}},
    {S(u"\x5C"
       u"D"),
     "",
     S(u"1a"),
     1,
     {1, 2}},
    {S(u"^(\x3F:\x5C+|-)\x3F\x5C"
       u"d+$"),
     "",
     S(u"-123"),
     1,
     {0, 4}},
    {S(u"^([01]\x3F\x5C"
       u"d|2[0-3]):[0-5]\x5C"
       u"d$"),
     "",
     S(u"23:59"),
     2,
     {0, 5, 0, 2}},
    {S(u"<(\x5Cw+)[^>]*>(.*\x3F)</\x5C"
       u"1>"),
     "",
     S(u"<b class=x>bold</b>"),
     3,
     {0, 19, 1, 2, 11, 15}},
    {S(u"([^,]+),\x3F"), "", S(u"a,b,c"), 2, {0, 2, 0, 1}},
    {S(u"(\x5C"
       u"d+)(\x3F:px|em)"),
     "",
     S(u"12em"),
     2,
     {0, 4, 0, 2}},
    {S(u"^\x5Cs*$"), "", S(u"   "), 1, {0, 3}},
    {S(u"(\x3F:\x5Cr\x5Cn|\x5Cn)"),
     "",
     S(u"a\xD\xA"
       u"b"),
     1,
     {1, 3}},
    {S(u"[^\x5Cs\x5C"
       u"d]+"),
     "",
     S(u"12 ab 3"),
     1,
     {3, 5}},
    {S(u"(a(b(c)))"), "", S(u"abc"), 4, {0, 3, 0, 3, 1, 3, 2, 3}},
    {S(u"(\x3F:(a)(b)\x3F)+"), "", S(u"aba"), 3, {0, 3, 2, 3, -1, -1}},
    {S(u"(a)\x3F(b)\x3F"
       u"c"),
     "",
     S(u"bc"),
     3,
     {0, 2, -1, -1, 0, 1}},
    {S(u"(a)*\x3F"
       u"b"),
     "",
     S(u"aab"),
     2,
     {0, 3, 1, 2}},
    {S(u"((a)|(b))*"), "", S(u"ab"), 4, {0, 2, 1, 2, -1, -1, 1, 2}},
    {S(u"(a\x5C"
       u"2|(b))*"),
     "",
     S(u"bab"),
     3,
     {0, 3, 2, 3, 2, 3}},
    {S(u"(x)\x3F\x5C"
       u"1y"),
     "",
     S(u"y"),
     2,
     {0, 1, -1, -1}},
    {S(u"a[^]b"),
     "",
     S(u"a\xA"
       u"b"),
     1,
     {0, 3}},
    {S(u"a[\x5Cs\x5CS]b"),
     "",
     S(u"a\xA"
       u"b"),
     1,
     {0, 3}},
    {S(u"\x5C"
       u"ba"),
     "",
     S(u"ba a"),
     1,
     {3, 4}},
    {S(u"a\x5C"
       u"b"),
     "",
     S(u"ab a"),
     1,
     {3, 4}},
    {S(u"[a-z]\x5C"
       u"B"),
     "",
     S(u"ab"),
     1,
     {0, 1}},
    {S(u"(\x3F:^|\x5Cs)x"), "m", S(u"a\xAx"), 1, {1, 3}},
    {S(u"x$"), "m", S(u"x\xD\xA"), 1, {0, 1}},
    {S(u"^$"),
     "m",
     S(u"a\xA\xA"
       u"b"),
     1,
     {2, 2}},
    {S(u"\x5Cn^"),
     "m",
     S(u"a\xA"
       u"b"),
     1,
     {1, 2}},
    {S(u"$\x5Cn"),
     "m",
     S(u"a\xA"
       u"b"),
     1,
     {1, 2}},
    {S(u"^a|b$"), "", S(u"ab"), 1, {0, 1}},
    {S(u"(\x3F=a|b)"), "", S(u"xb"), 1, {1, 1}},
    {S(u"a(\x3F=b|c)(\x5Cw)"), "", S(u"ac"), 2, {0, 2, 1, 2}},
    {S(u"(\x3F!)"), "", S(u"a"), 0, {0}},
    {S(u"(\x3F=)"), "", S(u"a"), 1, {0, 0}},
    {S(u"[^\x5C"
       u"d\x5C"
       u"D]"),
     "",
     S(u"a"),
     0,
     {0}},
    {S(u"[\x5C"
       u"d\x5C"
       u"D]+"),
     "",
     S(u"a1"),
     1,
     {0, 2}},
    {S(u"(.)(\x3F<=\x5C"
       u"1\x5C"
       u"1)"),
     "",
     S(u"abba"),
     2,
     {2, 3, 2, 3}},
    {S(u"(ab)+$"), "", S(u"ababab"), 2, {0, 6, 4, 6}},
    {S(u"(\x3F:a+)+b"), "", S(u"aaaaaaaaab"), 1, {0, 10}},
    {S(u"(a|b|c|d|e)+f"), "", S(u"abcdef"), 2, {0, 6, 4, 5}},
    {S(u"([a-c]*)\x5C"
       u"1"),
     "",
     S(u"abcabc"),
     2,
     {0, 6, 0, 3}},
    {S(u"(x+x+)+y"), "", S(u"xxxxy"), 2, {0, 5, 0, 4}},
    {S(u"a{3,}\x3F"), "", S(u"aaaaa"), 1, {0, 3}},
    {S(u"a{0,0}"), "", S(u"a"), 1, {0, 0}},
    {S(u"(\x3F:a{0})*b"), "", S(u"b"), 1, {0, 1}},
    {S(u"(a){0}"), "", S(u"a"), 2, {0, 0, -1, -1}},
    {S(u"\x5Cu{1F600}{2}"), "u", S(u"\xD83D\xDE00\xD83D\xDE00"), 1, {0, 4}},
    {S(u"\x5Cud83d\x5Cude00{2}"), "", S(u"\xD83D\xDE00\xDE00"), 1, {0, 3}},
    {S(u"\x5Cud83d\x5Cude00{2}"), "u", S(u"\xD83D\xDE00\xD83D\xDE00"), 1, {0, 4}},
    {S(u"[\x5Cu{1F600}a]+"), "u", S(u"a\xD83D\xDE00"), 1, {0, 3}},
    {S(u"\xD83D\xDE00\x3Fx"), "u", S(u"\xDE00x"), 1, {1, 2}},
    {S(u"(\x3F<!\xD83D\xDE00)\x5Cude00"), "u", S(u"\xD83D\xDE00"), 0, {0}},
    {S(u"(\x3F<!\x5Cud83d)\x5Cude00"), "", S(u"\xD83D\xDE00"), 0, {0}},
    {S(u"\x5C"
       u"b\x5Cw"),
     "u",
     S(u"\xD83D\xDE00"
       u"a"),
     1,
     {2, 3}},
    {S(u"(\x3F<a>.)\x5Ck<a>"), "u", S(u"aa"), 2, {0, 2, 0, 1}},
    {S(u"\x5Ck<a>(\x3F<a>.)"), "u", S(u"aa"), 2, {0, 1, 0, 1}},
    {S(u"(\x3F<a>.)(\x3F<b>\x5Ck<a>)"), "", S(u"aa"), 3, {0, 2, 0, 1, 1, 2}},
    {S(u"\x5Cp{Script_Extensions=Greek}"), "u", S(u"a\x342"), 1, {1, 2}},
    {S(u"\x5Cp{Script=Common}"), "u", S(u"1"), 1, {0, 1}},
    {S(u"\x5Cp{Zs}"), "u", S(u"a\x3000"), 1, {1, 2}},
    {S(u"\x5Cp{Co}"), "u", S(u"\xE000"), 1, {0, 1}},
    {S(u"\x5Cp{Cs}"), "u", S(u"\xD800"), 1, {0, 1}},
    {S(u"\x5Cp{Cs}"), "u", S(u"\xD800\xDC00"), 0, {0}},
    {S(u"\x5Cp{Lt}"), "iu", S(u"\x1C4"), 1, {0, 1}},
    {S(u"[\x5Cp{Lu}&&\x5Cp{Script=Greek}]"), "v", S(u"a\x394"), 1, {1, 2}},
    {S(u"[[\x5Cp{Lu}\x5Cp{Ll}]--\x5Cp{ASCII}]"), "v", S(u"aB\xE9"), 1, {2, 3}},
    {S(u"[\x5Cp{ASCII}--\x5Cp{L}--\x5Cp{N}]+"), "v", S(u"ab!@c"), 1, {2, 4}},
};

/* Hand-checked against ES2025 22.2.2 (node 20 lacks these features). */
static const re_case extra_cases[] = {
    {S(u"(?i:a)b"), "", S(u"AB Ab"), 1, {3, 5}},
    {S(u"(?-i:a)b"), "i", S(u"AB aB"), 1, {3, 5}},
    {S(u"(?i-s:a.)"), "s", S(u"A\n Ab"), 1, {3, 5}},
    {S(u"(?m:^b)"), "", S(u"a\nb"), 1, {2, 3}},
    {S(u"^(?m:b)"), "", S(u"a\nb"), 0, {0}},
    {S(u"(?s:.)"), "", S(u"\n"), 1, {0, 1}},
    {S(u"(?i:\\w)"), "u", S(u"\x17F"), 1, {0, 1}},
    {S(u"(?i:\\b)"), "u", S(u"\x17F"), 1, {0, 0}},
    {S(u"(?i:[a-z])"), "", S(u"K"), 1, {0, 1}},
    {S(u"(a)(?i:\\1)"), "", S(u"aA"), 2, {0, 2, 0, 1}},
    {S(u"(?i:[\\q{ab}])"), "v", S(u"AB"), 1, {0, 2}},
    {S(u"(?ims:^a.$)"), "", S(u"x\nA\n"), 1, {2, 4}},
    {S(u"(?i:(?-i:a)a)"), "", S(u"Aa aA"), 1, {3, 5}},
    {S(u"(?<a>x)|(?<a>y)"), "", S(u"y"), 3, {0, 1, -1, -1, 0, 1}},
    {S(u"(?:(?<a>x)|(?<a>y))\\k<a>"), "", S(u"yy"), 3, {0, 2, -1, -1, 0, 1}},
    {S(u"(?:(?<a>x)|(?<a>y))\\k<a>"), "", S(u"xx"), 3, {0, 2, 0, 1, -1, -1}},
    {S(u"(?:(?<a>x)|(?<a>y)){2}\\k<a>"), "", S(u"xyy"), 3, {0, 3, -1, -1, 1, 2}},
    {S(u"\\k<a>(?:(?<a>x)|(?<a>y))"), "u", S(u"y"), 3, {0, 1, -1, -1, 0, 1}},
    {S(u"(?:(?<a>x)|(?<a>y))|(?<a>z)"), "", S(u"z"), 4, {0, 1, -1, -1, -1, -1, 0, 1}},
    {S(u"(?<=(?<a>a)|(?<a>b))c"), "", S(u"bc"), 3, {1, 2, -1, -1, 0, 1}},
    /* Regressions: escapes of non-ASCII characters whose low byte is an
     * ASCII letter were taken for \d and friends. */
    {S(u"\\\x164"), "", S(u"1\x164"), 1, {1, 2}},
    {S(u"[\\\x164]"), "", S(u"d\x164"), 1, {1, 2}},
    {S(u"[\xDE00]"), "v", S(u"a\xDE00"), 1, {1, 2}},
    /* V8 finds \B inside the surrogate pair; the spec search advances by
     * code point (AdvanceStringIndex), so the first \B is at 4. */
    {S(u"\\B"),
     "v",
     S(u"b\xD801\xDC28"
       u"cS"),
     1,
     {4, 4}},
};

static const char *const syntax_errors[][2] = {
    {"(", ""},
    {")", ""},
    {"[", ""},
    {"a**", ""},
    {"*a", ""},
    {"+", ""},
    {"?", ""},
    {"a{2,1}", ""},
    {"(?<a>a)(?<a>b)", ""},
    {"\\", ""},
    {"(?<=a)*", ""},
    {"(?<a", ""},
    {"(?<1a>x)", ""},
    {"\\k<b>(?<a>x)", ""},
    {"a{1}??", ""},
    {"[b-a]", ""},
    {"(?", ""},
    {"(?a)", ""},
    {"x{1}{1,}", ""},
    {"^*", ""},
    {"$+", ""},
    {"\\b*", ""},
    {"(?<!a){1}", ""},
    {"a|*", ""},
    {"(?ii:a)", ""},
    {"(?i-i:a)", ""},
    {"(?-:a)", ""},
    {"(?x:a)", ""},
    {"(?i", ""},
    {"(?-)", ""},
    {"(?i-:a", ""},
    {"(?<a>x)|(?<a>y)(?<a>z)", ""},
    {"(?<a>x)(?:(?<a>y)|z)", ""},
    {"(?:(?<a>x)|y)(?<a>z)", ""},
    {"[\\d-\\w]", "u"},
    {"\\u{110000}", "u"},
    {"\\c", "u"},
    {"{", "u"},
    {"}", "u"},
    {"]", "u"},
    {"a{", "u"},
    {"\\1", "u"},
    {"[\\w-a]", "u"},
    {"\\p{Foo}", "u"},
    {"\\p{L", "u"},
    {"\\-", "u"},
    {"(?=a)*", "u"},
    {"\\8", "u"},
    {"\\00", "u"},
    {"\\a", "u"},
    {"\\k", "u"},
    {"[\\1]", "u"},
    {"\\p{RGI_Emoji}", "u"},
    {"\\P{Basic_Emoji}", "v"},
    {"[^\\p{RGI_Emoji}]", "v"},
    {"[a-\\d]", "v"},
    {"[(]", "v"},
    {"[a&&&b]", "v"},
    {"[a--]", "v"},
    {"[&&a]", "v"},
    {"[a-z&&b]", "v"},
    {"[\\q{a}]", "u"},
    {"[a&&b--c]", "v"},
    {"[ab--c]", "v"},
    {"[^\\q{ab}]", "v"},
    {"[^[\\q{ab}]]", "v"},
    {"\\p{Script=Foo}", "u"},
    {"\\p{General_Category}", "u"},
    {"\\p{ASCII=Y}", "u"},
    {"\\p{lu}", "u"},
    {"\\p{L}", "uv"},
    {"[|]", "v"},
    {"[a-]", "v"},
    {"\\u{1", "u"},
    {"\\x1", "u"},
    {"\\cé", "u"},
    {"(?<a>.)\\k<b>", ""},
    {"[\\k]", "u"},
    {"\\\xC5\xA4", "u"},
    {"\\\xED\xB8\x80", "u"},
    {"(?<a>.)[\\k]", ""},
    {"\\P{RGI_Emoji}", "v"},
    {"[z-a]", "v"},
};

static const char *const syntax_ok[][2] = {
    {"\\c", ""},
    {"{", ""},
    {"}", ""},
    {"]", ""},
    {"a{", ""},
    {"\\1", ""},
    {"[\\w-a]", ""},
    {"\\p{Foo}", ""},
    {"(?=a)*", ""},
    {"\\8", ""},
    {"\\00", ""},
    {"\\a", ""},
    {"\\k", ""},
    {"[\\1]", ""},
    {"x{1", ""},
    {"\\u{110000}", ""},
    {"(?<a>.)\\k<a>", "u"},
    {"(?:(?<a>x)|(?<a>y))\\k<a>", ""},
    {"(?<a>x)|(?:(?<a>y)|(?<a>z))", ""},
    {"(?i:a)(?-i:b)(?ms-i:c)", ""},
    {"(?:a)", "u"},
    {"[\\p{L}&&\\p{Lu}&&[A-Z]]", "v"},
    {"[\\p{RGI_Emoji}--\\q{x}]", "v"},
    {"[\\q{}]", "v"},
    {"\\p{Lu}", "u"},
    {"\\p{Script_Extensions=Grek}", "u"},
    {"\\p{sc=Zyyy}", "u"},
    {"[\\-]", "u"},
    {"[\\&\\!\\#\\%\\,\\:\\;\\<\\=\\>\\@\\`\\~]", "v"},
    {"\\/", "u"},
    {"a{2147483648}", ""},
    {"a{99999999999999999999,99999999999999999999}", ""},
    {"[--a]", ""},
    {"[[[a]]]", "v"},
    {"\\ud83d\\ude00", "u"},
    {"(?<\\ud835\\udcd1>x)", ""},
    {"(?<\\u{1d4d1}>x)", ""},
    {"[\\c_]", ""},
    {"\\c_", ""},
    {"(?<=a)", "u"},
    {"(?=a)", "u"},
    {"\\0", "u"},
    {"(?<$_\\u200c>a)", ""},
};

static uint16_t *to16(const char *s, size_t *n) {
    /* UTF-8 to UTF-16 (test strings only). */
    size_t len = strlen(s), k = 0;
    uint16_t *out = malloc((len + 1) * sizeof(uint16_t));
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c;
        if (*p < 0x80)
            c = *p++;
        else if (*p < 0xE0)
            c = ((p[0] & 31u) << 6) | (p[1] & 63u), p += 2;
        else if (*p < 0xF0)
            c = ((p[0] & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u), p += 3;
        else
            c = ((p[0] & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u),
            p += 4;
        if (c >= 0x10000) {
            out[k++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
            out[k++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            out[k++] = (uint16_t)c;
        }
    }
    *n = k;
    return out;
}

static bool syntax_valid(const char *pattern, const char *flags) {
    size_t n;
    uint16_t *p = to16(pattern, &n);
    char err[128];
    int f = flags_of(flags);
    bool ok = f >= 0 && hx_regexp_check_syntax(p, n, f, err, sizeof err);
    free(p);
    return ok;
}

static void run_case(const re_case *c, int line) {
    char err[128];
    int flags = flags_of(c->flags);
    size_t plen = c->plen, ilen = c->ilen;
    hx_regexp_program *prog = hx_regexp_compile(c->pattern, plen, flags, err, sizeof err);
    bool ok = true;
    int caps[96];
    hx_regexp_result r = HX_RE_NO_MATCH;
    if (!prog) {
        ok = c->n == -1;
    } else if (c->n == -1) {
        ok = false;
    } else {
        r = hx_regexp_exec(prog, NULL, c->input, ilen, 0, !(flags & HX_RE_STICKY), caps, NULL,
                           NULL);
        if (c->n == 0)
            ok = r == HX_RE_NO_MATCH;
        else
            ok = r == HX_RE_MATCH && hx_regexp_capture_count(prog) == c->n &&
                 memcmp(caps, c->idx, 2 * (size_t)c->n * sizeof(int)) == 0;
        /* The same search over Latin-1 storage must agree. */
        bool latin1 = true;
        for (size_t i = 0; i < ilen; i++)
            latin1 = latin1 && c->input[i] < 256;
        if (ok && latin1) {
            uint8_t buf[256];
            int caps8[96];
            for (size_t i = 0; i < ilen; i++)
                buf[i] = (uint8_t)c->input[i];
            hx_regexp_result r8 = hx_regexp_exec(prog, buf, NULL, ilen, 0, !(flags & HX_RE_STICKY),
                                                 caps8, NULL, NULL);
            ok = r8 == r &&
                 (r != HX_RE_MATCH || memcmp(caps, caps8, 2 * (size_t)c->n * sizeof(int)) == 0);
        }
    }
    if (ok) {
        passed++;
        hx_regexp_free(prog);
        return;
    }
    failed++;
    printf("FAIL case %d: /", line);
    show16(c->pattern);
    printf("/%s on \"", c->flags);
    show16(c->input);
    printf("\": ");
    if (!prog)
        printf("syntax error: %s\n", err);
    else if (r != HX_RE_MATCH)
        printf("result %d\n", r);
    else {
        for (int i = 0; i < hx_regexp_capture_count(prog); i++)
            printf("[%d,%d] ", caps[2 * i], caps[2 * i + 1]);
        printf("\n");
    }
    hx_regexp_free(prog);
}

static int polls;
static bool stop_after_10(void *opaque) {
    (void)opaque;
    return ++polls >= 10;
}

static void test_interrupt(void) {
    /* /(a*)*b/ on 30 a's backtracks ~2^30 times without the callback. */
    const char16_t *pat = u"(a*)*b";
    char16_t input[31];
    for (int i = 0; i < 30; i++)
        input[i] = 'a';
    input[30] = 0;
    char err[128];
    hx_regexp_program *p = hx_regexp_compile(pat, len16(pat), 0, err, sizeof err);
    CHECK(p != NULL);
    int caps[4];
    polls = 0;
    hx_regexp_result r = hx_regexp_exec(p, NULL, input, 30, 0, true, caps, stop_after_10, NULL);
    CHECK(r == HX_RE_INTERRUPTED);
    CHECK(polls == 10);
    printf("catastrophic /(a*)*b/ on 30 a's: %s after %d polls\n",
           r == HX_RE_INTERRUPTED ? "interrupted" : "NOT interrupted", polls);
    hx_regexp_free(p);
}

static void test_limits(void) {
    /* Nesting beyond RE_MAX_DEPTH is a clean SyntaxError. */
    size_t n = 50000;
    uint16_t *deep = malloc(2 * n * sizeof(uint16_t));
    for (size_t i = 0; i < n; i++)
        deep[i] = '(', deep[n + i] = ')';
    char err[128];
    CHECK(!hx_regexp_check_syntax(deep, 2 * n, 0, err, sizeof err));
    CHECK(strstr(err, "nested") != NULL);
    for (size_t i = 0; i < n; i++)
        deep[i] = '[', deep[n + i] = ']';
    CHECK(!hx_regexp_check_syntax(deep, 2 * n, HX_RE_UNICODE_SETS, err, sizeof err));
    CHECK(strstr(err, "nested") != NULL);
    CHECK(hx_regexp_check_syntax(deep, 2 * 200, HX_RE_UNICODE_SETS, err, sizeof err) == false);
    for (size_t i = 0; i < 200; i++)
        deep[i] = '(', deep[200 + i] = ')';
    CHECK(hx_regexp_check_syntax(deep, 400, 0, err, sizeof err));
    free(deep);
    /* A long subject with a per-character choice point uses the heap stack. */
    size_t len = 200000;
    uint8_t *s = malloc(len);
    memset(s, 'a', len);
    const char16_t *pat = u"(?:a|b)*c|(?:a|b)*$";
    hx_regexp_program *p = hx_regexp_compile(pat, len16(pat), 0, err, sizeof err);
    int caps[2];
    CHECK(p && hx_regexp_exec(p, s, NULL, len, 0, false, caps, NULL, NULL) == HX_RE_MATCH &&
          caps[1] == (int)len);
    hx_regexp_free(p);
    free(s);
}

static void test_api(void) {
    uint16_t f[8];
    const char *good = "dgimsuy";
    for (int i = 0; good[i]; i++)
        f[i] = (uint16_t)good[i];
    CHECK(hx_regexp_parse_flags(f, 7) == 0xBF);
    f[0] = 'u', f[1] = 'v';
    CHECK(hx_regexp_parse_flags(f, 2) == -1);
    f[0] = 'g', f[1] = 'g';
    CHECK(hx_regexp_parse_flags(f, 2) == -1);
    f[0] = 'x';
    CHECK(hx_regexp_parse_flags(f, 1) == -1);
    char err[128];
    const char16_t *pat = u"(?<year>\\d{4})-(\\d\\d)|(?<year>x)";
    hx_regexp_program *p = hx_regexp_compile(pat, len16(pat), HX_RE_GLOBAL, err, sizeof err);
    CHECK(p != NULL);
    CHECK(hx_regexp_capture_count(p) == 4);
    CHECK(hx_regexp_flags(p) == HX_RE_GLOBAL);
    size_t n = 0;
    const uint16_t *name = hx_regexp_group_name(p, 1, &n);
    CHECK(name && n == 4 && name[0] == 'y' && name[3] == 'r');
    CHECK(hx_regexp_group_name(p, 2, &n) == NULL);
    CHECK(hx_regexp_group_index(p, name, 4, 0) == 1);
    CHECK(hx_regexp_group_index(p, name, 4, 1) == 3);
    CHECK(hx_regexp_group_index(p, name, 4, 3) == -1);
    /* Sticky (search = false) and a start offset. */
    int caps[8];
    CHECK(hx_regexp_exec(p, (const uint8_t *)"ab2024-05", NULL, 9, 0, false, caps, NULL, NULL) ==
          HX_RE_NO_MATCH);
    CHECK(hx_regexp_exec(p, (const uint8_t *)"ab2024-05", NULL, 9, 2, false, caps, NULL, NULL) ==
              HX_RE_MATCH &&
          caps[0] == 2 && caps[1] == 9 && caps[4] == 7);
    hx_regexp_free(p);
    /* Unicode search advances by code point, so it never starts mid-pair. */
    const char16_t *pat2 = u"\\uDE00";
    p = hx_regexp_compile(pat2, len16(pat2), HX_RE_UNICODE, err, sizeof err);
    const char16_t *in = u"\xD83D\xDE00";
    CHECK(p && hx_regexp_exec(p, NULL, in, 2, 0, true, caps, NULL, NULL) == HX_RE_NO_MATCH);
    CHECK(p && hx_regexp_exec(p, NULL, in, 2, 1, false, caps, NULL, NULL) == HX_RE_MATCH);
    hx_regexp_free(p);
    /* Syntax errors carry a message. */
    CHECK(!hx_regexp_check_syntax((const uint16_t *)u"a**", 3, 0, err, sizeof err) &&
          strcmp(err, "nothing to repeat") == 0);
}

static void test_unicode(void) {
    CHECK(hx_unicode_is_id_start('a') && !hx_unicode_is_id_start('1'));
    CHECK(hx_unicode_is_id_continue('1') && hx_unicode_is_id_continue(0x0301));
    CHECK(hx_unicode_is_id_start(0x4E00) && hx_unicode_is_id_start(0x1D4D1));
    CHECK(!hx_unicode_is_id_start(0x2E2F) && hx_unicode_is_id_start(0xAA));
    CHECK(hx_unicode_is_space(0xA0) && hx_unicode_is_space(0xFEFF) && hx_unicode_is_space(0x3000));
    CHECK(!hx_unicode_is_space(0x0A) && !hx_unicode_is_space(0x200B));
    CHECK(hx_unicode_simple_upper('a') == 'A' && hx_unicode_simple_upper(0xFF) == 0x178);
    CHECK(hx_unicode_simple_lower(0x130) == 'i' && hx_unicode_simple_upper(0x10428) == 0x10400);
    CHECK(hx_unicode_simple_fold(0x1E9E) == 0xDF && hx_unicode_simple_fold(0x3A3) == 0x3C3);
    CHECK(hx_unicode_simple_fold(0x3C2) == 0x3C3 && hx_unicode_simple_upper(0x101) == 0x100);
    uint32_t out[3];
    CHECK(hx_unicode_full_upper(0xDF, out) == 2 && out[0] == 'S' && out[1] == 'S');
    CHECK(hx_unicode_full_upper(0x390, out) == 3 && out[0] == 0x399);
    CHECK(hx_unicode_full_lower(0x130, out) == 2 && out[0] == 'i' && out[1] == 0x307);
    CHECK(hx_unicode_full_upper('q', out) == 1 && out[0] == 'Q');
    CHECK(hx_unicode_property_lookup("Lu", 2, NULL, 0) >= 0);
    CHECK(hx_unicode_property_lookup("gc", 2, "Lu", 2) ==
          hx_unicode_property_lookup("Uppercase_Letter", 16, NULL, 0));
    CHECK(hx_unicode_property_lookup("Script", 6, "Grek", 4) >= 0);
    CHECK(hx_unicode_property_lookup("Script", 6, "Lu", 2) == -1);
    CHECK(hx_unicode_property_lookup("ascii", 5, NULL, 0) == -1);
    CHECK(hx_unicode_string_property_lookup("RGI_Emoji", 9) >= 0);
}

int main(void) {
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        run_case(&cases[i], (int)i);
    for (size_t i = 0; i < sizeof extra_cases / sizeof extra_cases[0]; i++)
        run_case(&extra_cases[i], 1000 + (int)i);
    for (size_t i = 0; i < sizeof syntax_errors / sizeof syntax_errors[0]; i++) {
        bool bad = !syntax_valid(syntax_errors[i][0], syntax_errors[i][1]);
        if (!bad)
            printf("FAIL: expected SyntaxError for /%s/%s\n", syntax_errors[i][0],
                   syntax_errors[i][1]);
        check(bad, "syntax error", (int)i);
    }
    for (size_t i = 0; i < sizeof syntax_ok / sizeof syntax_ok[0]; i++) {
        bool good = syntax_valid(syntax_ok[i][0], syntax_ok[i][1]);
        if (!good) printf("FAIL: expected valid /%s/%s\n", syntax_ok[i][0], syntax_ok[i][1]);
        check(good, "syntax ok", (int)i);
    }
    test_interrupt();
    test_limits();
    test_api();
    test_unicode();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
