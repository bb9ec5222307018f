/*
 * re_compile.c — compiles the pattern AST (re_parse.c) into the bytecode of
 * re_internal.h and packs it, the class data and the group names into one
 * malloc'd hx_regexp_program; also the flag parser and the other small
 * accessors of regexp.h.
 *
 * Lookbehind bodies are compiled for backward matching (ES2025 22.2.2:
 * direction = backward): sequences are emitted in reverse and every
 * character instruction carries RI_BACK.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regexp/re_internal.h"

typedef struct compiler {
    re_ast *ast;
    uint32_t *code;
    size_t len, cap;
    uint32_t *data;
    size_t dlen, dcap;
    uint32_t *class_off; /* per class: data offset + 1, 0 = not yet emitted */
    int nregs;
    bool unicode;
    bool oom;
} compiler;

static bool grow(uint32_t **buf, size_t *cap, size_t need) {
    if (need <= *cap) return true;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    uint32_t *b = realloc(*buf, n * sizeof(uint32_t));
    if (!b) return false;
    *buf = b;
    *cap = n;
    return true;
}

static size_t emit(compiler *c, uint32_t w) {
    if (!grow(&c->code, &c->cap, c->len + 1)) {
        c->oom = true;
        return c->len;
    }
    c->code[c->len] = w;
    return c->len++;
}

static void patch(compiler *c, size_t at, uint32_t v) {
    if (!c->oom) c->code[at] = v;
}

static size_t data_put(compiler *c, uint32_t w) {
    if (!grow(&c->data, &c->dcap, c->dlen + 1)) {
        c->oom = true;
        return c->dlen;
    }
    c->data[c->dlen] = w;
    return c->dlen++;
}

static uint32_t put_ranges(compiler *c, const re_ranges *r) {
    uint32_t off = (uint32_t)data_put(c, (uint32_t)r->n);
    for (size_t i = 0; i < 2 * r->n; i++)
        data_put(c, r->r[i]);
    return off;
}

typedef struct str_ref {
    const uint32_t *s;
    uint32_t len;
} str_ref;

static int by_length_desc(const void *a, const void *b) {
    const str_ref *x = a, *y = b;
    return x->len > y->len ? -1 : x->len < y->len;
}

/* Emits a class (once) and returns its data offset. */
static uint32_t class_offset(compiler *c, uint32_t idx) {
    if (c->class_off[idx]) return c->class_off[idx] - 1;
    const re_cset *cs = &c->ast->classes[idx];
    uint32_t off;
    if (!cs->nstr) {
        off = put_ranges(c, &cs->cps);
    } else {
        /* ES2025 22.2.2.7 CompileAtom: strings are tried longest first. */
        str_ref *refs = malloc(cs->nstr * sizeof(str_ref));
        if (!refs) {
            c->oom = true;
            return 0;
        }
        size_t k = 0;
        bool has_empty = false;
        for (size_t i = 0; i < cs->strs_len; i += 1 + cs->strs[i]) {
            if (cs->strs[i] == 0)
                has_empty = true;
            else
                refs[k++] = (str_ref){cs->strs + i + 1, cs->strs[i]};
        }
        qsort(refs, k, sizeof(str_ref), by_length_desc);
        uint32_t singles = put_ranges(c, &cs->cps);
        off = (uint32_t)c->dlen;
        for (size_t i = 0; i < k; i++) {
            data_put(c, refs[i].len);
            for (uint32_t j = 0; j < refs[i].len; j++)
                data_put(c, refs[i].s[j]);
        }
        data_put(c, 1);
        data_put(c, singles);
        if (has_empty) data_put(c, 0);
        data_put(c, RE_STRSET_END);
        free(refs);
    }
    c->class_off[idx] = off + 1;
    return off;
}

static uint32_t char_flags(compiler *c, const re_node *n, bool back) {
    uint32_t f = 0;
    if (back) f |= RI_BACK;
    if (n->flags & RF_ICASE) f |= RI_ICASE;
    if (c->unicode) f |= RI_UNICODE;
    return f;
}

/* A node matching exactly one character, usable after OP_STAR. */
static bool single_char(const compiler *c, const re_node *n) {
    return n->type == RN_CHAR || n->type == RN_DOT ||
           (n->type == RN_CLASS && c->ast->classes[n->a].nstr == 0);
}

static void compile_node(compiler *c, int idx, bool back);

static void compile_single(compiler *c, const re_node *n, bool back) {
    uint32_t f = char_flags(c, n, back);
    switch (n->type) {
    case RN_CHAR:
        emit(c, OP_CHAR | f);
        emit(c, n->a);
        break;
    case RN_DOT: emit(c, OP_DOT | f | (n->flags & RF_DOTALL ? RI_DOTALL : 0)); break;
    default: {
        const re_cset *cs = &c->ast->classes[n->a];
        uint32_t off = class_offset(c, n->a);
        emit(c, (cs->nstr ? OP_STRSET : OP_CLASS) | f | (n->flags & RF_INVERT ? RI_INVERT : 0));
        emit(c, off);
        break;
    }
    }
}

static void compile_quant(compiler *c, const re_node *n, bool back) {
    uint32_t min = n->a, max = n->b;
    const re_node *body = &c->ast->nodes[n->child];
    if (max == 0) return; /* RepeatMatcher step 1: max = 0 matches empty */
    if (min == 1 && max == 1) {
        compile_node(c, n->child, back);
        return;
    }
    if (!back && single_char(c, body)) {
        emit(c, OP_STAR | (n->flags & RF_GREEDY ? RI_GREEDY : 0));
        emit(c, min);
        emit(c, max);
        compile_single(c, body, back);
        return;
    }
    /* ES2025 22.2.2.3.1 RepeatMatcher with a counter register r and the
     * iteration's start position in r + 1. */
    uint32_t r = (uint32_t)c->nregs;
    c->nregs += 2;
    emit(c, OP_LOOP_INIT);
    emit(c, r);
    size_t loop = emit(c, OP_LOOP | (n->flags & RF_GREEDY ? RI_GREEDY : 0));
    emit(c, r);
    emit(c, min);
    emit(c, max);
    size_t exit_at = emit(c, 0);
    emit(c, OP_LOOP_BODY);
    emit(c, r);
    emit(c, 2 * n->c);
    emit(c, 2 * n->d);
    compile_node(c, n->child, back);
    emit(c, OP_LOOP_END);
    emit(c, r);
    emit(c, min);
    emit(c, (uint32_t)loop);
    patch(c, exit_at, (uint32_t)c->len);
}

static void compile_backref(compiler *c, const re_node *n, bool back) {
    re_ast *a = c->ast;
    emit(c, OP_BACKREF | char_flags(c, n, back));
    if (!(n->flags & RF_NAMED)) {
        emit(c, 1);
        emit(c, n->a);
        return;
    }
    /* Duplicate named groups: at most one of them can have participated. */
    size_t count_at = emit(c, 0);
    uint32_t k = 0;
    re_name ref = a->ref_names[n->a];
    for (int g = 1; g < a->ncaps; g++) {
        re_name gn = a->group_names[g];
        if (gn.len == ref.len &&
            memcmp(a->name_pool + gn.off, a->name_pool + ref.off, gn.len * sizeof(uint16_t)) == 0) {
            emit(c, (uint32_t)g);
            k++;
        }
    }
    patch(c, count_at, k);
}

static void compile_node(compiler *c, int idx, bool back) {
    const re_node *n = &c->ast->nodes[idx];
    switch (n->type) {
    case RN_EMPTY: break;
    case RN_CHAR:
    case RN_DOT:
    case RN_CLASS: compile_single(c, n, back); break;
    case RN_BOL: emit(c, OP_BOL | (n->flags & RF_MULTI ? RI_MULTI : 0)); break;
    case RN_EOL: emit(c, OP_EOL | (n->flags & RF_MULTI ? RI_MULTI : 0)); break;
    case RN_WORDB:
        emit(c, OP_WORDB | (n->flags & RF_NEG ? RI_NEG : 0) | (n->flags & RF_UWORD ? RI_UWORD : 0));
        break;
    case RN_BACKREF: compile_backref(c, n, back); break;
    case RN_GROUP:
        emit(c, OP_SAVE);
        emit(c, 2 * n->a + (back ? 1 : 0));
        compile_node(c, n->child, back);
        emit(c, OP_SAVE);
        emit(c, 2 * n->a + (back ? 0 : 1));
        break;
    case RN_LOOK: {
        uint32_t r = (uint32_t)c->nregs++;
        emit(c, OP_LOOK | (n->flags & RF_NEG ? RI_NEG : 0));
        emit(c, r);
        size_t end_at = emit(c, 0);
        compile_node(c, n->child, (n->flags & RF_BEHIND) != 0);
        emit(c, OP_LOOK_END);
        emit(c, r);
        patch(c, end_at, (uint32_t)c->len);
        break;
    }
    case RN_SEQ: {
        if (!back) {
            for (int k = n->child; k >= 0; k = c->ast->nodes[k].next)
                compile_node(c, k, back);
            break;
        }
        /* Backward: ES2025 22.2.2.3 Alternative evaluates right to left. */
        size_t cnt = 0;
        for (int k = n->child; k >= 0; k = c->ast->nodes[k].next)
            cnt++;
        int *kids = malloc((cnt ? cnt : 1) * sizeof(int));
        if (!kids) {
            c->oom = true;
            break;
        }
        cnt = 0;
        for (int k = n->child; k >= 0; k = c->ast->nodes[k].next)
            kids[cnt++] = k;
        while (cnt--)
            compile_node(c, kids[cnt], back);
        free(kids);
        break;
    }
    case RN_ALT: {
        /* Jumps to the end are chained through their operand words. */
        size_t chain = 0;
        bool have_chain = false;
        for (int k = n->child; k >= 0; k = c->ast->nodes[k].next) {
            size_t fork_at = 0;
            bool last = c->ast->nodes[k].next < 0;
            if (!last) {
                emit(c, OP_FORK);
                fork_at = emit(c, 0);
            }
            compile_node(c, k, back);
            if (!last) {
                emit(c, OP_JMP);
                size_t j = emit(c, have_chain ? (uint32_t)chain : UINT32_MAX);
                chain = j;
                have_chain = true;
                patch(c, fork_at, (uint32_t)c->len);
            }
        }
        while (have_chain && !c->oom) {
            uint32_t nextj = c->code[chain];
            c->code[chain] = (uint32_t)c->len;
            if (nextj == UINT32_MAX) break;
            chain = nextj;
        }
        break;
    }
    case RN_QUANT: compile_quant(c, n, back); break;
    }
}

hx_regexp_program *hx_regexp_compile(const uint16_t *pattern, size_t len, int flags, char *errbuf,
                                     size_t errbuf_len) {
    re_ast ast;
    hx_regexp_program *prog = NULL;
    compiler c = {0};
    if (!hx_re_parse(&ast, pattern, len, flags, errbuf, errbuf_len)) goto done;
    c.ast = &ast;
    c.unicode = (flags & (HX_RE_UNICODE | HX_RE_UNICODE_SETS)) != 0;
    c.class_off = calloc(ast.nclasses ? ast.nclasses : 1, sizeof(uint32_t));
    if (!c.class_off)
        c.oom = true;
    else {
        compile_node(&c, ast.root, false);
        emit(&c, OP_MATCH);
    }
    if (c.oom) {
        if (errbuf_len) snprintf(errbuf, errbuf_len, HX_REGEXP_OOM_MESSAGE);
        goto done;
    }
    size_t names_len = 0;
    for (int g = 0; g < ast.ncaps; g++)
        names_len += ast.group_names[g].len;
    size_t size =
        sizeof(hx_regexp_program) + (c.len + c.dlen + 2 * (size_t)ast.ncaps) * 4 + names_len * 2;
    prog = malloc(size);
    if (!prog) {
        if (errbuf_len) snprintf(errbuf, errbuf_len, HX_REGEXP_OOM_MESSAGE);
        goto done;
    }
    prog->flags = flags;
    prog->ncaps = ast.ncaps;
    prog->nregs = c.nregs;
    prog->code_len = (uint32_t)c.len;
    prog->data_len = (uint32_t)c.dlen;
    prog->names_len = (uint32_t)names_len;
    uint32_t *w = (uint32_t *)(prog + 1);
    memcpy(w, c.code, c.len * 4);
    if (c.dlen) memcpy(w + c.len, c.data, c.dlen * 4);
    uint32_t *index = w + c.len + c.dlen;
    uint16_t *names = (uint16_t *)(index + 2 * ast.ncaps);
    size_t off = 0;
    for (int g = 0; g < ast.ncaps; g++) {
        re_name gn = ast.group_names[g];
        index[2 * g] = (uint32_t)off;
        index[2 * g + 1] = gn.len;
        if (gn.len) memcpy(names + off, ast.name_pool + gn.off, gn.len * 2);
        off += gn.len;
    }
done:
    free(c.code);
    free(c.data);
    free(c.class_off);
    hx_re_ast_free(&ast);
    return prog;
}

void hx_regexp_free(hx_regexp_program *prog) {
    free(prog);
}

int hx_regexp_capture_count(const hx_regexp_program *prog) {
    return prog->ncaps;
}

int hx_regexp_flags(const hx_regexp_program *prog) {
    return prog->flags;
}

const uint16_t *hx_regexp_group_name(const hx_regexp_program *prog, int group, size_t *len) {
    if (group < 1 || group >= prog->ncaps) return NULL;
    const uint32_t *index = re_prog_data(prog) + prog->data_len;
    if (!index[2 * group + 1]) return NULL;
    *len = index[2 * group + 1];
    return (const uint16_t *)(index + 2 * prog->ncaps) + index[2 * group];
}

int hx_regexp_group_index(const hx_regexp_program *prog, const uint16_t *name, size_t len,
                          int after) {
    for (int g = after + 1; g < prog->ncaps; g++) {
        size_t n;
        const uint16_t *s = hx_regexp_group_name(prog, g, &n);
        if (s && n == len && memcmp(s, name, len * 2) == 0) return g;
    }
    return -1;
}

int hx_regexp_parse_flags(const uint16_t *flags, size_t len) {
    static const char letters[] = "dgimsuvy";
    int bits = 0;
    for (size_t i = 0; i < len; i++) {
        const char *p = flags[i] < 128 && flags[i] ? strchr(letters, flags[i]) : NULL;
        if (!p) return -1;
        int bit = 1 << (p - letters);
        if (bits & bit) return -1;
        bits |= bit;
    }
    /* ES2025 22.2.3.1 RegExpInitialize step 9: u and v are exclusive. */
    if ((bits & HX_RE_UNICODE) && (bits & HX_RE_UNICODE_SETS)) return -1;
    return bits;
}

bool hx_regexp_check_syntax(const uint16_t *pattern, size_t len, int flags, char *errbuf,
                            size_t errbuf_len) {
    re_ast ast;
    bool ok = hx_re_parse(&ast, pattern, len, flags, errbuf, errbuf_len);
    hx_re_ast_free(&ast);
    return ok;
}
