/*
 * re_internal.h — shared definitions of the regexp module: code point sets
 * (re_charset.c), the pattern AST built by the parser (re_parse.c), the
 * bytecode layout emitted by the compiler (re_compile.c) and run by the
 * matcher (re_exec.c).  Private to src/regexp/.
 *
 * Invariant: a re_ranges is sorted, disjoint and non-adjacent after
 * hx_re_ranges_normalize (every set operation returns normalized sets).
 * Character sets of case-insensitive atoms are stored canonicalized
 * (ES2025 22.2.2.7.3), so the matcher tests Canonicalize(ch) for membership.
 */
#ifndef HX_RE_INTERNAL_H
#define HX_RE_INTERNAL_H

#include "regexp/regexp.h"

/* Parser nesting limit (groups + nested classes) and the limit on the
 * number of AST nodes / capture groups: exceeding them is a SyntaxError. */
#define RE_MAX_DEPTH 256
#define RE_MAX_CAPTURES 65535
#define RE_MAX_NODES (1u << 22)

/* ---- code point sets ---- */
typedef struct re_ranges {
    uint32_t *r; /* pairs lo, hi */
    size_t n;    /* number of ranges */
    size_t cap;  /* capacity in ranges */
} re_ranges;

bool hx_re_ranges_add(re_ranges *s, uint32_t lo, uint32_t hi);
void hx_re_ranges_normalize(re_ranges *s);
void hx_re_ranges_free(re_ranges *s);
bool hx_re_ranges_contains(const re_ranges *s, uint32_t c);
bool hx_re_ranges_copy(re_ranges *dst, const re_ranges *src);
bool hx_re_ranges_union(re_ranges *dst, const re_ranges *b);     /* dst |= b */
bool hx_re_ranges_intersect(re_ranges *dst, const re_ranges *b); /* dst &= b */
bool hx_re_ranges_subtract(re_ranges *dst, const re_ranges *b);  /* dst -= b */
bool hx_re_ranges_complement(re_ranges *dst, uint32_t maxc);     /* [0,maxc] - dst */

/* Canonicalize (ES2025 22.2.2.7.3) with IgnoreCase set. */
uint32_t hx_re_canon(uint32_t c, bool unicode);
/* Replaces s by { Canonicalize(c) : c in s }. */
bool hx_re_ranges_canonicalize(re_ranges *s, bool unicode);
/* The code points c with Canonicalize(c) != c, normalized. */
bool hx_re_noncanonical_set(re_ranges *out, bool unicode);

/* A class of the v flag may hold strings: `strs` is a flat list of
 * records [len, cp0, ..., cp(len-1)]; strings of length 1 live in `cps`. */
typedef struct re_cset {
    re_ranges cps;
    uint32_t *strs;
    size_t strs_len, strs_cap;
    size_t nstr;
} re_cset;

void hx_re_cset_free(re_cset *s);
bool hx_re_cset_add_string(re_cset *s, const uint32_t *cp, size_t n);
bool hx_re_cset_union(re_cset *dst, const re_cset *b);
bool hx_re_cset_intersect(re_cset *dst, const re_cset *b);
bool hx_re_cset_subtract(re_cset *dst, const re_cset *b);
/* Applies Canonicalize to every code point and string character. */
bool hx_re_cset_canonicalize(re_cset *s, bool unicode);

/* ---- AST ---- */
enum re_node_type {
    RN_EMPTY,
    RN_CHAR,    /* a = character (canonicalized if RF_ICASE) */
    RN_CLASS,   /* a = class index; RF_INVERT */
    RN_DOT,     /* RF_DOTALL */
    RN_BOL,     /* RF_MULTI */
    RN_EOL,     /* RF_MULTI */
    RN_WORDB,   /* RF_NEG for \B; RF_UWORD for the /ui word set */
    RN_BACKREF, /* a = group number, or name index if RF_NAMED */
    RN_GROUP,   /* a = capture index, child */
    RN_LOOK,    /* RF_BEHIND, RF_NEG, child */
    RN_ALT,     /* children are alternatives */
    RN_SEQ,     /* children in order */
    RN_QUANT    /* a = min, b = max (UINT32_MAX = infinity), c = first capture,
                   d = capture count inside, RF_GREEDY, child */
};

enum {
    RF_ICASE = 1 << 0,
    RF_MULTI = 1 << 1,
    RF_DOTALL = 1 << 2,
    RF_GREEDY = 1 << 3,
    RF_NEG = 1 << 4,
    RF_BEHIND = 1 << 5,
    RF_INVERT = 1 << 6,
    RF_UWORD = 1 << 7,
    RF_NAMED = 1 << 8
};

#define RE_INFINITY UINT32_MAX

typedef struct re_node {
    uint16_t type;
    uint16_t flags;
    int32_t child; /* first child or -1 */
    int32_t next;  /* next sibling or -1 */
    uint32_t a, b, c, d;
} re_node;

typedef struct re_name {
    uint32_t off, len; /* in re_ast.name_pool */
} re_name;

/* What the parser hands to the compiler. */
typedef struct re_ast {
    re_node *nodes;
    size_t nnodes, nodes_cap;
    int root;
    re_cset *classes;
    size_t nclasses, classes_cap;
    int ncaps;            /* including group 0 */
    re_name *group_names; /* [ncaps]; len 0 = unnamed */
    re_name *ref_names;   /* names used by \k<...> */
    size_t nref_names, ref_names_cap;
    uint16_t *name_pool;
    size_t name_pool_len, name_pool_cap;
} re_ast;

/* Parses pattern into ast (ES2025 22.2.1 with Annex B.1.2 when neither u nor
 * v is set).  On failure returns false with a message in errbuf ("out of
 * memory" on allocation failure); ast must be freed with hx_re_ast_free
 * either way. */
bool hx_re_parse(re_ast *ast, const uint16_t *pattern, size_t len, int flags, char *errbuf,
                 size_t errbuf_len);
void hx_re_ast_free(re_ast *ast);

/* ---- bytecode ----
 * Code is an array of uint32_t words; each instruction is one opcode word
 * (low 8 bits opcode, higher bits RI_* modifiers) and its operands.
 * Classes live in the data area of the program: [nranges, lo, hi, ...];
 * string sets as [nstrings, (len, cps...)..., class offset of singles]
 * sorted by descending length. */
enum re_op {
    OP_MATCH,  /* success */
    OP_CHAR,   /* c */
    OP_DOT,    /* any but line terminators (RI_DOTALL: any) */
    OP_CLASS,  /* class offset (RI_INVERT) */
    OP_STRSET, /* string-set offset */
    OP_BOL,
    OP_EOL,
    OP_WORDB,     /* RI_NEG: \B */
    OP_JMP,       /* target */
    OP_FORK,      /* target: continue here, on backtrack resume at target */
    OP_SAVE,      /* capture slot */
    OP_BACKREF,   /* n, group... */
    OP_LOOK,      /* reg, end pc (RI_NEG) */
    OP_LOOK_END,  /* reg */
    OP_LOOP_INIT, /* reg: count = 0 */
    OP_LOOP,      /* reg, min, max, exit pc (RI_GREEDY); the body entry follows */
    OP_LOOP_BODY, /* reg, first slot, slot count: clear the body's captures,
                     remember the start position for the empty check */
    OP_LOOP_END,  /* reg, min, loop pc */
    OP_STAR,      /* min, max; followed by one single-character instruction
                     (CHAR / DOT / CLASS), forward only (RI_GREEDY) */
    OP_COUNT_
};

/* String sets in the data area: records [len, cp...] of the strings of two
 * or more characters by descending length, then [1, class offset] for the
 * single characters, then [0] if the empty string is a member, then
 * RE_STRSET_END. */
#define RE_STRSET_END UINT32_MAX

enum {
    RI_BACK = 1 << 8,
    RI_ICASE = 1 << 9,
    RI_MULTI = 1 << 10,
    RI_DOTALL = 1 << 11,
    RI_NEG = 1 << 12,
    RI_INVERT = 1 << 13,
    RI_GREEDY = 1 << 14,
    RI_UWORD = 1 << 15,
    RI_UNICODE = 1 << 16 /* read input as code points */
};

struct hx_regexp_program {
    int flags;
    int ncaps;
    int nregs;
    uint32_t code_len;  /* words */
    uint32_t data_len;  /* words */
    uint32_t names_len; /* UTF-16 units */
    /* followed by: uint32_t code[code_len]; uint32_t data[data_len];
       uint32_t name_index[2 * ncaps] (offset, len); uint16_t names[names_len] */
};

static inline const uint32_t *re_prog_code(const hx_regexp_program *p) {
    return (const uint32_t *)(p + 1);
}
static inline const uint32_t *re_prog_data(const hx_regexp_program *p) {
    return re_prog_code(p) + p->code_len;
}

#endif
