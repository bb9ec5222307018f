/*
 * re_exec.c — the backtracking matcher for the bytecode of re_internal.h
 * (semantics of ES2025 22.2.2).  Choice points and undo records live on an
 * explicit, heap-allocated backtrack stack, so no C recursion depends on
 * the input or the pattern; the interrupt callback is polled every
 * RE_POLL_INTERVAL steps.
 *
 * Invariant: every write to a capture or register pushes an undo record
 * first, so popping the stack down to a choice point restores the state
 * the choice was made in.  A lookaround keeps its entry on the stack while
 * its body runs; when the body succeeds its choice points are dropped
 * (ES2025 22.2.2.4: lookarounds are atomic) but its undo records are kept.
 */
#include <stdlib.h>
#include <string.h>

#include "regexp/re_internal.h"

#define RE_POLL_INTERVAL 4096
/* Backtrack stack entries allowed before reporting out of memory. */
#define RE_MAX_BACKTRACK ((size_t)1 << 24)

enum bt_kind {
    BT_ALT,       /* resume at pc with pos = a */
    BT_CAP,       /* restore captures[pc] = a */
    BT_REG,       /* restore regs[pc] = a */
    BT_STAR,      /* greedy star: continue at pc; a = lowest pos, b = current pos */
    BT_STAR_LAZY, /* lazy star at pc: a = pos, b = count */
    BT_LOOK,      /* lookaround at pc started at pos a */
    BT_STRSET     /* string set at pc started at pos a; b = next record */
};

/* Positions fit in int32_t: strings are shorter than 2^31 code units. */
typedef struct bt_entry {
    int32_t kind;
    uint32_t pc;
    int32_t a, b;
} bt_entry;

typedef struct matcher {
    const uint32_t *code, *data;
    const uint8_t *s8;
    const uint16_t *s16;
    ptrdiff_t len;
    ptrdiff_t *caps;
    ptrdiff_t *regs;
    int ncaps;
    bt_entry *bt;
    size_t btn, btcap;
    hx_regexp_interrupt_fn interrupt;
    void *opaque;
    uint32_t steps;
    bool unicode;
} matcher;

static inline uint32_t unit(const matcher *m, ptrdiff_t i) {
    return m->s8 ? m->s8[i] : m->s16[i];
}

static inline bool is_lead(uint32_t c) {
    return c >= 0xD800 && c <= 0xDBFF;
}
static inline bool is_trail(uint32_t c) {
    return c >= 0xDC00 && c <= 0xDFFF;
}

/* Reads the character before (back) or at pos; *w gets its width in code
 * units.  Returns false at the end of input. */
static inline bool read_char(const matcher *m, ptrdiff_t pos, uint32_t insn, uint32_t *c, int *w) {
    if (insn & RI_BACK) {
        if (pos <= 0) return false;
        *c = unit(m, pos - 1);
        *w = 1;
        if ((insn & RI_UNICODE) && m->s16 && is_trail(*c) && pos >= 2 && is_lead(m->s16[pos - 2])) {
            *c = 0x10000 + ((m->s16[pos - 2] - 0xD800u) << 10) + (*c - 0xDC00);
            *w = 2;
        }
        return true;
    }
    if (pos >= m->len) return false;
    *c = unit(m, pos);
    *w = 1;
    if ((insn & RI_UNICODE) && m->s16 && is_lead(*c) && pos + 1 < m->len &&
        is_trail(m->s16[pos + 1])) {
        *c = 0x10000 + ((*c - 0xD800) << 10) + (m->s16[pos + 1] - 0xDC00u);
        *w = 2;
    }
    return true;
}

static inline bool is_line_terminator(uint32_t c) {
    return c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029;
}

static bool in_class(const uint32_t *cls, uint32_t c) {
    uint32_t n = cls[0];
    const uint32_t *r = cls + 1;
    if (n <= 4) {
        for (uint32_t i = 0; i < n; i++)
            if (c >= r[2 * i] && c <= r[2 * i + 1]) return true;
        return false;
    }
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c < r[2 * mid])
            hi = mid;
        else if (c > r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

static inline uint32_t canon(uint32_t insn, uint32_t c) {
    return (insn & RI_ICASE) ? hx_re_canon(c, (insn & RI_UNICODE) != 0) : c;
}

/* CHAR / DOT / CLASS at code[pc]: on a match stores the new position. */
static bool match_one(const matcher *m, uint32_t pc, ptrdiff_t pos, ptrdiff_t *np) {
    uint32_t insn = m->code[pc], c;
    int w;
    if (!read_char(m, pos, insn, &c, &w)) return false;
    switch (insn & 0xFF) {
    case OP_CHAR:
        if (canon(insn, c) != m->code[pc + 1]) return false;
        break;
    case OP_DOT:
        if (!(insn & RI_DOTALL) && is_line_terminator(c)) return false;
        break;
    default: /* OP_CLASS: ES2025 22.2.2.7.1 CharacterSetMatcher */
        if (in_class(m->data + m->code[pc + 1], canon(insn, c)) == !!(insn & RI_INVERT))
            return false;
        break;
    }
    *np = (insn & RI_BACK) ? pos - w : pos + w;
    return true;
}

static inline uint32_t single_size(uint32_t insn) {
    return (insn & 0xFF) == OP_DOT ? 1 : 2;
}

static bool grow_bt(matcher *m) {
    size_t cap = m->btcap * 2;
    if (cap > RE_MAX_BACKTRACK) return false;
    bt_entry *n = realloc(m->bt, cap * sizeof(bt_entry));
    if (!n) return false;
    m->bt = n;
    m->btcap = cap;
    return true;
}

static inline bool push(matcher *m, int kind, uint32_t pc, ptrdiff_t a, ptrdiff_t b) {
    if (m->btn == m->btcap && !grow_bt(m)) return false;
    m->bt[m->btn++] = (bt_entry){kind, pc, (int32_t)a, (int32_t)b};
    return true;
}

static bool is_word(const matcher *m, ptrdiff_t i, bool uword) {
    if (i < 0 || i >= m->len) return false;
    uint32_t c = unit(m, i);
    if (c < 128)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    /* ES2025 22.2.2.9.4 WordCharacters with /ui: U+017F and U+212A fold
     * into the basic word characters. */
    return uword && (c == 0x017F || c == 0x212A);
}

/* ES2025 22.2.2.7.2 BackreferenceMatcher; returns the new position or -1. */
static ptrdiff_t match_backref(const matcher *m, uint32_t pc, ptrdiff_t pos) {
    uint32_t insn = m->code[pc], n = m->code[pc + 1];
    ptrdiff_t s = -1, e = -1;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t g = m->code[pc + 2 + i];
        if (m->caps[2 * g] >= 0 && m->caps[2 * g + 1] >= 0) {
            s = m->caps[2 * g];
            e = m->caps[2 * g + 1];
            break;
        }
    }
    if (s < 0) return pos;
    ptrdiff_t len = e - s;
    bool back = (insn & RI_BACK) != 0;
    ptrdiff_t f = back ? pos - len : pos;
    if (f < 0 || f + len > m->len) return -1;
    if (!(insn & RI_ICASE)) {
        for (ptrdiff_t i = 0; i < len; i++)
            if (unit(m, s + i) != unit(m, f + i)) return -1;
    } else {
        uint32_t fwd = insn & ~(uint32_t)RI_BACK;
        ptrdiff_t i = 0;
        while (i < len) {
            uint32_t a = 0, b = 0;
            int wa = 1, wb = 1;
            if (!read_char(m, s + i, fwd, &a, &wa) || !read_char(m, f + i, fwd, &b, &wb) ||
                wa != wb || canon(insn, a) != canon(insn, b))
                return -1;
            i += wa;
        }
    }
    return back ? f : f + len;
}

/* Tries the string-set records from data offset rec on; returns the first
 * that matches (storing the new position) or RE_STRSET_END. */
static uint32_t try_strset(const matcher *m, uint32_t insn, uint32_t rec, ptrdiff_t pos,
                           ptrdiff_t *np) {
    const uint32_t *d = m->data;
    while (d[rec] != RE_STRSET_END) {
        uint32_t n = d[rec];
        if (n == 0) {
            *np = pos;
            return rec;
        }
        if (n == 1) {
            uint32_t c;
            int w;
            if (read_char(m, pos, insn, &c, &w) && in_class(d + d[rec + 1], canon(insn, c))) {
                *np = (insn & RI_BACK) ? pos - w : pos + w;
                return rec;
            }
            rec += 2;
            continue;
        }
        ptrdiff_t p = pos;
        uint32_t k;
        for (k = 0; k < n; k++) {
            uint32_t c, want = d[rec + 1 + ((insn & RI_BACK) ? n - 1 - k : k)];
            int w;
            if (!read_char(m, p, insn, &c, &w) || canon(insn, c) != want) break;
            p = (insn & RI_BACK) ? p - w : p + w;
        }
        if (k == n) {
            *np = p;
            return rec;
        }
        rec += n + 1;
    }
    return RE_STRSET_END;
}

static uint32_t strset_next(const uint32_t *d, uint32_t rec) {
    return d[rec] == 0 ? rec + 1 : d[rec] == 1 ? rec + 2 : rec + d[rec] + 1;
}

static bool set_cap(matcher *m, uint32_t slot, ptrdiff_t v) {
    if (!push(m, BT_CAP, slot, m->caps[slot], 0)) return false;
    m->caps[slot] = v;
    return true;
}

static bool set_reg(matcher *m, uint32_t r, ptrdiff_t v) {
    if (!push(m, BT_REG, r, m->regs[r], 0)) return false;
    m->regs[r] = v;
    return true;
}

/* One match attempt at pos. */
static hx_regexp_result run(matcher *m, ptrdiff_t pos) {
    const uint32_t *code = m->code;
    uint32_t pc = 0;
    m->btn = 0;
    for (int i = 0; i < 2 * m->ncaps; i++)
        m->caps[i] = -1;
    m->caps[0] = pos;
    for (;;) {
        if (++m->steps % RE_POLL_INTERVAL == 0 && m->interrupt && m->interrupt(m->opaque))
            return HX_RE_INTERRUPTED;
        uint32_t insn = code[pc];
        ptrdiff_t np;
        switch (insn & 0xFF) {
        case OP_MATCH: m->caps[1] = pos; return HX_RE_MATCH;
        case OP_CHAR:
        case OP_DOT:
        case OP_CLASS:
            if (!match_one(m, pc, pos, &np)) goto fail;
            pos = np;
            pc += single_size(insn);
            continue;
        case OP_STRSET: {
            uint32_t rec = try_strset(m, insn, code[pc + 1], pos, &np);
            if (rec == RE_STRSET_END) goto fail;
            if (!push(m, BT_STRSET, pc, pos, strset_next(m->data, rec))) return HX_RE_OUT_OF_MEMORY;
            pos = np;
            pc += 2;
            continue;
        }
        case OP_BOL:
            if (pos != 0 && !((insn & RI_MULTI) && is_line_terminator(unit(m, pos - 1)))) goto fail;
            pc++;
            continue;
        case OP_EOL:
            if (pos != m->len && !((insn & RI_MULTI) && is_line_terminator(unit(m, pos))))
                goto fail;
            pc++;
            continue;
        case OP_WORDB: {
            bool uw = (insn & RI_UWORD) != 0;
            bool a = is_word(m, pos - 1, uw), b = is_word(m, pos, uw);
            if ((a != b) == !!(insn & RI_NEG)) goto fail;
            pc++;
            continue;
        }
        case OP_JMP: pc = code[pc + 1]; continue;
        case OP_FORK:
            if (!push(m, BT_ALT, code[pc + 1], pos, 0)) return HX_RE_OUT_OF_MEMORY;
            pc += 2;
            continue;
        case OP_SAVE:
            if (!set_cap(m, code[pc + 1], pos)) return HX_RE_OUT_OF_MEMORY;
            pc += 2;
            continue;
        case OP_BACKREF:
            np = match_backref(m, pc, pos);
            if (np < 0) goto fail;
            pos = np;
            pc += 2 + code[pc + 1];
            continue;
        case OP_LOOK:
            m->regs[code[pc + 1]] = (ptrdiff_t)m->btn;
            if (!push(m, BT_LOOK, pc, pos, 0)) return HX_RE_OUT_OF_MEMORY;
            pc += 3;
            continue;
        case OP_LOOK_END: {
            size_t h = (size_t)m->regs[code[pc + 1]];
            bt_entry look = m->bt[h];
            if (code[look.pc] & RI_NEG) {
                /* The body matched, so the negative lookaround fails:
                 * undo everything the body did, then backtrack. */
                while (m->btn > h + 1) {
                    bt_entry e = m->bt[--m->btn];
                    if (e.kind == BT_CAP)
                        m->caps[e.pc] = e.a;
                    else if (e.kind == BT_REG)
                        m->regs[e.pc] = e.a;
                }
                m->btn = h;
                goto fail;
            }
            /* Positive: drop the body's choice points, keep its undo records. */
            size_t j = h;
            for (size_t i = h + 1; i < m->btn; i++)
                if (m->bt[i].kind == BT_CAP || m->bt[i].kind == BT_REG) m->bt[j++] = m->bt[i];
            m->btn = j;
            pos = look.a;
            pc = code[look.pc + 2];
            continue;
        }
        case OP_LOOP_INIT:
            if (!set_reg(m, code[pc + 1], 0)) return HX_RE_OUT_OF_MEMORY;
            pc += 2;
            continue;
        case OP_LOOP: {
            /* ES2025 22.2.2.3.1 RepeatMatcher steps 1-6 (count in regs[r]). */
            int64_t count = m->regs[code[pc + 1]];
            uint32_t min = code[pc + 2], max = code[pc + 3], exit_pc = code[pc + 4];
            if (max != RE_INFINITY && count >= (int64_t)max) {
                pc = exit_pc;
                continue;
            }
            if (count < (int64_t)min) {
                pc += 5;
                continue;
            }
            if (insn & RI_GREEDY) {
                if (!push(m, BT_ALT, exit_pc, pos, 0)) return HX_RE_OUT_OF_MEMORY;
                pc += 5;
            } else {
                if (!push(m, BT_ALT, pc + 5, pos, 0)) return HX_RE_OUT_OF_MEMORY;
                pc = exit_pc;
            }
            continue;
        }
        case OP_LOOP_BODY: {
            /* RepeatMatcher step 4: clear the captures of the body. */
            uint32_t r = code[pc + 1], first = code[pc + 2], n = code[pc + 3];
            for (uint32_t s = first; s < first + n; s++)
                if (m->caps[s] >= 0 && !set_cap(m, s, -1)) return HX_RE_OUT_OF_MEMORY;
            if (!set_reg(m, r + 1, pos)) return HX_RE_OUT_OF_MEMORY;
            pc += 4;
            continue;
        }
        case OP_LOOP_END: {
            uint32_t r = code[pc + 1];
            int64_t count = m->regs[r];
            /* RepeatMatcher step 2.b: an optional iteration may not match empty. */
            if (count >= (int64_t)code[pc + 2] && pos == m->regs[r + 1]) goto fail;
            if (!set_reg(m, r, count + 1)) return HX_RE_OUT_OF_MEMORY;
            pc = code[pc + 3];
            continue;
        }
        case OP_STAR: {
            uint32_t min = code[pc + 1], max = code[pc + 2], one = pc + 3;
            uint32_t next = one + single_size(code[one]);
            int64_t count = 0;
            ptrdiff_t lowest = pos;
            if (insn & RI_GREEDY) {
                while (count < (int64_t)max && match_one(m, one, pos, &np)) {
                    pos = np;
                    if (++count == (int64_t)min) lowest = pos;
                    if (++m->steps % RE_POLL_INTERVAL == 0 && m->interrupt &&
                        m->interrupt(m->opaque))
                        return HX_RE_INTERRUPTED;
                }
                if (count < (int64_t)min) goto fail;
                if (count > (int64_t)min && !push(m, BT_STAR, next, lowest, pos))
                    return HX_RE_OUT_OF_MEMORY;
            } else {
                while (count < (int64_t)min) {
                    if (!match_one(m, one, pos, &np)) goto fail;
                    pos = np;
                    count++;
                }
                if (count < (int64_t)max && !push(m, BT_STAR_LAZY, pc, pos, count))
                    return HX_RE_OUT_OF_MEMORY;
            }
            pc = next;
            continue;
        }
        default: return HX_RE_NO_MATCH;
        }
    fail:
        for (;;) {
            if (m->btn == 0) return HX_RE_NO_MATCH;
            bt_entry *e = &m->bt[m->btn - 1];
            switch (e->kind) {
            case BT_CAP:
                m->caps[e->pc] = e->a;
                m->btn--;
                continue;
            case BT_REG:
                m->regs[e->pc] = e->a;
                m->btn--;
                continue;
            case BT_ALT:
                pc = e->pc;
                pos = e->a;
                m->btn--;
                break;
            case BT_STAR: {
                /* Give back one character (a code point in unicode mode). */
                ptrdiff_t p = e->b - 1;
                if (m->unicode && m->s16 && p - 1 >= e->a && is_trail(m->s16[p]) &&
                    is_lead(m->s16[p - 1]))
                    p--;
                /* When a plain character follows, only positions where it
                 * occurs can succeed (a non-surrogate unit is always at a
                 * character boundary). */
                uint32_t at = e->pc;
                while ((code[at] & 0xFF) == OP_SAVE)
                    at += 2;
                uint32_t next = code[at], want = code[at + 1];
                if ((next & 0xFF) == OP_CHAR && !(next & (RI_ICASE | RI_BACK)) &&
                    (want < 0xD800 || (want > 0xDFFF && want < 0x10000))) {
                    while (p > e->a && (p >= m->len || unit(m, p) != want))
                        p--;
                    if (p >= m->len || unit(m, p) != want) {
                        m->btn--;
                        continue;
                    }
                }
                pos = p;
                pc = e->pc;
                if (p <= e->a)
                    m->btn--;
                else
                    e->b = (int32_t)p;
                break;
            }
            case BT_STAR_LAZY: {
                uint32_t spc = e->pc, max = code[spc + 2], one = spc + 3;
                if (e->b < (int64_t)max && match_one(m, one, e->a, &np)) {
                    e->a = (int32_t)np;
                    e->b++;
                    pos = np;
                    pc = one + single_size(code[one]);
                    if (e->b >= (int64_t)max) m->btn--;
                    break;
                }
                m->btn--;
                continue;
            }
            case BT_LOOK:
                m->btn--;
                if (!(code[e->pc] & RI_NEG)) continue;
                /* The body failed, so the negative lookaround succeeds. */
                pos = e->a;
                pc = code[e->pc + 2];
                break;
            case BT_STRSET: {
                uint32_t spc = e->pc, insn2 = code[spc];
                uint32_t rec = try_strset(m, insn2, (uint32_t)e->b, e->a, &np);
                if (rec == RE_STRSET_END) {
                    m->btn--;
                    continue;
                }
                e->b = (int32_t)strset_next(m->data, rec);
                pos = np;
                pc = spc + 2;
                break;
            }
            }
            break;
        }
    }
}

hx_regexp_result hx_regexp_exec(const hx_regexp_program *prog, const uint8_t *latin1,
                                const uint16_t *utf16, size_t len, size_t start, bool search,
                                int *captures, hx_regexp_interrupt_fn interrupt, void *opaque) {
    matcher m = {0};
    hx_regexp_result res = HX_RE_NO_MATCH;
    if (len > INT32_MAX || start > len)
        return len > INT32_MAX ? HX_RE_OUT_OF_MEMORY : HX_RE_NO_MATCH;
    m.code = re_prog_code(prog);
    m.data = re_prog_data(prog);
    m.s8 = latin1;
    m.s16 = latin1 ? NULL : utf16;
    m.len = (ptrdiff_t)len;
    m.ncaps = prog->ncaps;
    m.interrupt = interrupt;
    m.opaque = opaque;
    m.btcap = 64;
    m.bt = malloc(m.btcap * sizeof(bt_entry));
    m.caps = malloc((2 * (size_t)prog->ncaps + (size_t)prog->nregs) * sizeof(ptrdiff_t));
    if (!m.bt || !m.caps) {
        res = HX_RE_OUT_OF_MEMORY;
        goto done;
    }
    m.regs = m.caps + 2 * prog->ncaps;
    for (int i = 0; i < prog->nregs; i++)
        m.regs[i] = 0;
    bool unicode = (prog->flags & (HX_RE_UNICODE | HX_RE_UNICODE_SETS)) != 0;
    m.unicode = unicode;
    /* Search prefilters: a pattern that must start with one character
     * instruction skips start positions where it cannot match; one anchored
     * by a non-multiline ^ can only match at 0. */
    uint32_t at = 0;
    while ((m.code[at] & 0xFF) == OP_SAVE)
        at += 2;
    uint32_t first = m.code[at];
    if ((first & 0xFF) == OP_STAR && m.code[at + 1] >= 1) at += 3, first = m.code[at];
    bool filter =
        search && !(first & RI_BACK) &&
        ((first & 0xFF) == OP_CHAR || (first & 0xFF) == OP_CLASS || (first & 0xFF) == OP_DOT);
    bool lit = filter && (first & 0xFF) == OP_CHAR && !(first & RI_ICASE) &&
               m.code[at + 1] < 0x10000 && !(m.code[at + 1] >= 0xD800 && m.code[at + 1] <= 0xDFFF);
    uint16_t lit_unit = (uint16_t)m.code[at + 1];
    if (search && (m.code[0] & 0xFF) == OP_BOL && !(m.code[0] & RI_MULTI)) {
        search = false;
        if (start > 0) goto done;
    }
    for (ptrdiff_t pos = (ptrdiff_t)start; pos <= m.len;) {
        if (lit) {
            while (pos < m.len && unit(&m, pos) != lit_unit)
                pos++;
            if (pos >= m.len) break;
        }
        ptrdiff_t np;
        if (!filter || match_one(&m, at, pos, &np)) {
            res = run(&m, pos);
            if (res != HX_RE_NO_MATCH || !search) break;
        }
        /* AdvanceStringIndex (ES2025 22.2.7.3). */
        if (unicode && m.s16 && pos + 1 < m.len && is_lead(m.s16[pos]) && is_trail(m.s16[pos + 1]))
            pos += 2;
        else
            pos++;
    }
    if (res == HX_RE_MATCH)
        for (int i = 0; i < 2 * prog->ncaps; i++)
            captures[i] = (int)m.caps[i];
done:
    free(m.bt);
    free(m.caps);
    return res;
}
