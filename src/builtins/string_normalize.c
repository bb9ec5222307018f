/*
 * string_normalize.c — Unicode normalization forms (UAX #15) for
 * String.prototype.normalize: full decomposition (tables plus the Hangul
 * algorithm), canonical ordering of combining marks, and canonical
 * composition.  Works on a growable array of code points; lone surrogates
 * pass through unchanged (they have class 0 and no mappings).
 */
#include <string.h>
#include "builtins/string_normalize.h"

/* Hangul syllable constants (Unicode 3.12). */
#define S_BASE 0xAC00
#define L_BASE 0x1100
#define V_BASE 0x1161
#define T_BASE 0x11A7
#define L_COUNT 19
#define V_COUNT 21
#define T_COUNT 28
#define N_COUNT (V_COUNT * T_COUNT)
#define S_COUNT (L_COUNT * N_COUNT)

static uint8_t ccc_of(uint32_t c) {
    if (c < 0x300) return 0;
    size_t lo = 0, hi = hx_norm_ccc_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < hx_norm_ccc[mid].lo) hi = mid;
        else if (c > hx_norm_ccc[mid].hi) lo = mid + 1;
        else return hx_norm_ccc[mid].ccc;
    }
    return 0;
}

static const hx_norm_decomp *find_decomp(uint32_t c) {
    size_t lo = 0, hi = hx_norm_decomp_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < hx_norm_decomps[mid].cp) hi = mid;
        else if (c > hx_norm_decomps[mid].cp) lo = mid + 1;
        else return &hx_norm_decomps[mid];
    }
    return NULL;
}

static uint32_t compose_pair(uint32_t a, uint32_t b) {
    if (a >= L_BASE && a < L_BASE + L_COUNT && b >= V_BASE && b < V_BASE + V_COUNT)
        return S_BASE + ((a - L_BASE) * V_COUNT + (b - V_BASE)) * T_COUNT;
    if (a >= S_BASE && a < S_BASE + S_COUNT && (a - S_BASE) % T_COUNT == 0 && b > T_BASE && b < T_BASE + T_COUNT)
        return a + (b - T_BASE);
    size_t lo = 0, hi = hx_norm_pair_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const hx_norm_pair *p = &hx_norm_pairs[mid];
        if (a < p->first || (a == p->first && b < p->second)) hi = mid;
        else if (a > p->first || b > p->second) lo = mid + 1;
        else return p->composite;
    }
    return 0;
}

typedef struct cpbuf {
    hx_runtime *rt;
    uint32_t *d;
    size_t len, cap;
    bool failed;
} cpbuf;

static void push(cpbuf *b, uint32_t c) {
    if (b->failed) return;
    if (b->len == b->cap) {
        size_t ncap = b->cap ? b->cap * 2 : 64;
        if (ncap > (size_t)HX_MAX_STRING_LENGTH * 2) {
            b->failed = true;
            return;
        }
        uint32_t *n = hx_mem_realloc(b->rt, b->d, b->cap * sizeof(uint32_t), ncap * sizeof(uint32_t));
        if (!n) {
            b->failed = true;
            return;
        }
        b->d = n;
        b->cap = ncap;
    }
    b->d[b->len++] = c;
}

/* Full decomposition of c, appended to b (D2 of UAX #15). */
static void decompose(cpbuf *b, uint32_t c, bool compat) {
    if (c >= S_BASE && c < S_BASE + S_COUNT) {
        uint32_t s = c - S_BASE;
        push(b, L_BASE + s / N_COUNT);
        push(b, V_BASE + (s % N_COUNT) / T_COUNT);
        if (s % T_COUNT) push(b, T_BASE + s % T_COUNT);
        return;
    }
    const hx_norm_decomp *d = c >= 0xA0 ? find_decomp(c) : NULL;
    if (d && compat && d->compat_len) {
        for (int i = 0; i < d->compat_len; i++) push(b, hx_norm_pool[d->offset + d->canon_len + i]);
    } else if (d && d->canon_len) {
        for (int i = 0; i < d->canon_len; i++) push(b, hx_norm_pool[d->offset + i]);
    } else
        push(b, c);
}

/* Canonical Ordering Algorithm: stable sort of each run of non-starters by class. */
static void reorder(cpbuf *b) {
    for (size_t i = 1; i < b->len; i++) {
        uint8_t cc = ccc_of(b->d[i]);
        if (cc == 0) continue;
        size_t j = i;
        uint32_t c = b->d[i];
        while (j > 0) {
            uint8_t pc = ccc_of(b->d[j - 1]);
            if (pc == 0 || pc <= cc) break;
            b->d[j] = b->d[j - 1];
            j--;
        }
        b->d[j] = c;
    }
}

/* Canonical Composition Algorithm (UAX #15 D117), in place. */
static void compose(cpbuf *b) {
    size_t out = 0;
    ptrdiff_t starter = -1;
    int last_cc = -1; /* class of the last character kept after the starter; -1: none */
    for (size_t i = 0; i < b->len; i++) {
        uint32_t c = b->d[i];
        int cc = ccc_of(c);
        if (starter >= 0 && (last_cc == -1 || last_cc < cc)) {
            uint32_t p = compose_pair(b->d[starter], c);
            if (p) {
                b->d[starter] = p;
                continue;
            }
        }
        if (cc == 0) {
            starter = (ptrdiff_t)out;
            last_cc = -1;
        } else
            last_cc = cc;
        b->d[out++] = c;
    }
    b->len = out;
}

hx_value hx_string_normalize(hx_realm *realm, hx_string *s, int form) {
    bool compat = form == HX_NFKC || form == HX_NFKD;
    bool comp = form == HX_NFC || form == HX_NFKC;
    uint32_t limit = form == HX_NFC ? 0x300 : 0xA0; /* below: every form is the identity */
    uint32_t i = 0;
    while (i < s->len && hx_string_char_at(s, i) < limit) i++;
    if (i == s->len) return hx_string_value(s);
    cpbuf b = {realm->rt, NULL, 0, 0, false};
    for (i = 0; i < s->len;) {
        uint32_t units, c = hx_string_code_point_at(s, i, &units);
        decompose(&b, c, compat);
        i += units;
    }
    if (!b.failed) {
        reorder(&b);
        if (comp) compose(&b);
    }
    hx_sb sb;
    hx_sb_init(&sb, realm->rt);
    if (b.failed) sb.failed = true;
    for (size_t k = 0; k < b.len && !sb.failed; k++) hx_sb_add_char(&sb, b.d[k]);
    if (b.d) hx_mem_free(realm->rt, b.d, b.cap * sizeof(uint32_t));
    return hx_sb_finish(&sb);
}
