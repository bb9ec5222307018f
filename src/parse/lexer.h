/*
 * lexer.h — the tokenizer of the front end (ES2025 clause 12).  The parser
 * drives it one token at a time and tells it where a regular expression or
 * a template continuation starts (the grammar, not the lexer, decides
 * between `/` and a RegExp, and between `}` and a template middle).
 * Invariants: the lexer never reads past the end of the source; a lexical
 * error becomes an HX_T_ERROR token carrying a message, so the parser may
 * lex ahead speculatively (hx_lex_save / hx_lex_restore) without side effects
 * other than arena use.
 */
#ifndef HX_LEXER_H
#define HX_LEXER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "base/arena.h"
#include "parse/ast.h"

/* Token types: X(ENUM_SUFFIX, "text for messages") */
#define HX_TOKENS(X)                                                                \
    X(EOF, "end of input") X(ERROR, "invalid token")                               \
    X(NAME, "identifier") X(PRIVATE, "private name")                               \
    X(NUMBER, "number") X(BIGINT, "bigint") X(STRING, "string")                    \
    X(TEMPLATE, "template") X(REGEXP, "regular expression")                        \
    X(LBRACE, "{") X(RBRACE, "}") X(LPAREN, "(") X(RPAREN, ")")                    \
    X(LBRACKET, "[") X(RBRACKET, "]") X(DOT, ".") X(ELLIPSIS, "...")               \
    X(SEMI, ";") X(COMMA, ",") X(LT, "<") X(GT, ">") X(LE, "<=") X(GE, ">=")      \
    X(EQ, "==") X(NE, "!=") X(SEQ, "===") X(SNE, "!==")                            \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(PERCENT, "%") X(STARSTAR, "**")      \
    X(INC, "++") X(DEC, "--") X(SHL, "<<") X(SAR, ">>") X(SHR, ">>>")              \
    X(AMP, "&") X(PIPE, "|") X(CARET, "^") X(BANG, "!") X(TILDE, "~")              \
    X(AND, "&&") X(OR, "||") X(NULLISH, "??") X(QUESTION, "?") X(QDOT, "?.")       \
    X(COLON, ":") X(ASSIGN, "=") X(PLUS_ASSIGN, "+=") X(MINUS_ASSIGN, "-=")        \
    X(STAR_ASSIGN, "*=") X(PERCENT_ASSIGN, "%=") X(STARSTAR_ASSIGN, "**=")         \
    X(SHL_ASSIGN, "<<=") X(SAR_ASSIGN, ">>=") X(SHR_ASSIGN, ">>>=")                \
    X(AMP_ASSIGN, "&=") X(PIPE_ASSIGN, "|=") X(CARET_ASSIGN, "^=")                 \
    X(AND_ASSIGN, "&&=") X(OR_ASSIGN, "||=") X(NULLISH_ASSIGN, "?\?=")              \
    X(ARROW, "=>") X(SLASH, "/") X(SLASH_ASSIGN, "/=") X(AT, "@")

typedef enum hx_token_type {
#define HX_TOKEN_ENUM(name, str) HX_T_##name,
    HX_TOKENS(HX_TOKEN_ENUM)
#undef HX_TOKEN_ENUM
    HX_T_COUNT
} hx_token_type;

extern const char *const hx_token_names[HX_T_COUNT];

/* Reserved and contextual words, stored in hx_ast_name.keyword. */
#define HX_KEYWORDS(X)                                                              \
    /* reserved words (ES2025 12.7.2) */                                           \
    X(AWAIT, "await") X(BREAK, "break") X(CASE, "case") X(CATCH, "catch")          \
    X(CLASS, "class") X(CONST, "const") X(CONTINUE, "continue")                    \
    X(DEBUGGER, "debugger") X(DEFAULT, "default") X(DELETE, "delete") X(DO, "do")  \
    X(ELSE, "else") X(ENUM, "enum") X(EXPORT, "export") X(EXTENDS, "extends")      \
    X(FALSE, "false") X(FINALLY, "finally") X(FOR, "for") X(FUNCTION, "function")  \
    X(IF, "if") X(IMPORT, "import") X(IN, "in") X(INSTANCEOF, "instanceof")        \
    X(NEW, "new") X(NULL, "null") X(RETURN, "return") X(SUPER, "super")            \
    X(SWITCH, "switch") X(THIS, "this") X(THROW, "throw") X(TRUE, "true")          \
    X(TRY, "try") X(TYPEOF, "typeof") X(VAR, "var") X(VOID, "void")                \
    X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")                            \
    /* strict-mode reserved */                                                     \
    X(IMPLEMENTS, "implements") X(INTERFACE, "interface") X(LET, "let")            \
    X(PACKAGE, "package") X(PRIVATE, "private") X(PROTECTED, "protected")          \
    X(PUBLIC, "public") X(STATIC, "static")                                        \
    /* contextual */                                                               \
    X(AS, "as") X(ASYNC, "async") X(FROM, "from") X(GET, "get") X(META, "meta")    \
    X(OF, "of") X(SET, "set") X(TARGET, "target") X(USING, "using")                \
    X(EVAL, "eval") X(ARGUMENTS, "arguments") X(CONSTRUCTOR, "constructor")        \
    X(PROTO, "__proto__") X(PROTOTYPE, "prototype") X(DEFAULT_BINDING, "*default*") \
    X(PRIV_CONSTRUCTOR, "#constructor") X(USE_STRICT, "use strict")                \
    /* TypeScript contextual */                                                    \
    X(TYPE, "type") X(DECLARE, "declare") X(NAMESPACE, "namespace")                \
    X(MODULE, "module") X(ABSTRACT, "abstract") X(READONLY, "readonly")            \
    X(KEYOF, "keyof") X(INFER, "infer") X(IS, "is") X(ASSERTS, "asserts")          \
    X(UNIQUE, "unique") X(SATISFIES, "satisfies") X(OVERRIDE, "override")          \
    X(GLOBAL, "global") X(REQUIRE, "require") X(ACCESSOR, "accessor")             \
    X(OUT, "out")

enum {
    HX_KW_NONE = 0,
#define HX_KW_ENUM(name, str) HX_KW_##name,
    HX_KEYWORDS(HX_KW_ENUM)
#undef HX_KW_ENUM
    HX_KW_COUNT
};
/* Reserved words are HX_KW_AWAIT..HX_KW_YIELD; strict reserved up to STATIC. */
#define HX_KW_LAST_RESERVED HX_KW_YIELD
#define HX_KW_LAST_STRICT_RESERVED HX_KW_STATIC

typedef struct hx_token {
    uint8_t type;      /* hx_token_type */
    bool nl_before;    /* a line terminator precedes the token */
    bool escaped;      /* NAME/PRIVATE: contained \u escapes; STRING: any escape */
    bool legacy_octal; /* NUMBER: 012 / 08 form; STRING: \0nn \8 \9 escape */
    bool invalid_escape; /* TEMPLATE: cooked value undefined (bad escape) */
    bool tail;         /* TEMPLATE: ends with '`' (else with '${') */
    uint32_t start, end; /* byte range */
    uint32_t line, col;  /* 1-based; col in UTF-16 units */
    const hx_ast_name *name; /* NAME, PRIVATE (with '#') */
    double num;              /* NUMBER */
    uint8_t radix;           /* BIGINT */
    const char *digits;      /* BIGINT digits (arena) */
    uint32_t digits_len;
    const uint16_t *str;     /* STRING, TEMPLATE cooked, REGEXP pattern */
    uint32_t str_len;
    const uint16_t *raw;     /* TEMPLATE raw, REGEXP flags */
    uint32_t raw_len;
    const char *error;       /* ERROR: message; error_pos: offset of the fault */
    uint32_t error_pos;
    uint32_t octal_pos;      /* STRING with legacy_octal: offset of the escape */
} hx_token;

typedef struct hx_lexer {
    hx_arena *arena;
    const uint8_t *src;
    uint32_t len;
    uint32_t pos;        /* next byte to read */
    uint32_t line;       /* line of pos */
    uint32_t line_start; /* offset where that line starts */
    bool module;         /* no HTML-like comments */
    bool html_comments;  /* Annex B.1.1 enabled */
    bool strict;         /* set by the parser: legacy octal is an error */
    bool oom;            /* an allocation failed */
    hx_token tok;        /* current token */
    /* column cache: col of col_off (same line col_line) */
    uint32_t col_line, col_off, col_val;
    /* intern table */
    hx_ast_name **buckets;
    uint32_t nbuckets, nnames;
    /* scratch buffers (malloc'd) */
    uint16_t *buf16;
    uint32_t buf16_cap;
    char *buf8;
    uint32_t buf8_cap;
} hx_lexer_t;

/* A saved position (for speculative lookahead). */
typedef struct hx_lex_state {
    uint32_t pos, line, line_start;
    hx_token tok;
} hx_lex_state;

/* Sets up the lexer over src (does not read the first token); false on OOM. */
bool hx_lex_init(hx_lexer_t *lx, hx_arena *arena, const char *src, size_t len, bool module,
                 bool html_comments);
void hx_lex_free(hx_lexer_t *lx);

/* Reads the next token into lx->tok (a `/` is SLASH or SLASH_ASSIGN and a
 * `}` is RBRACE; see the rescan functions). */
void hx_lex_next(hx_lexer_t *lx);

/* The current token is SLASH or SLASH_ASSIGN in a place where the grammar
 * wants an expression: re-read it as a RegularExpressionLiteral. */
void hx_lex_rescan_regexp(hx_lexer_t *lx);

/* The current token is RBRACE closing a template substitution: re-read it as
 * a TemplateMiddle / TemplateTail (type TEMPLATE). */
void hx_lex_rescan_template(hx_lexer_t *lx);

/* The current token starts with '>' (>>, >>>, >=, >>=, ...): make it just
 * '>' (for TypeScript type argument lists). */
void hx_lex_split_gt(hx_lexer_t *lx);

void hx_lex_save(const hx_lexer_t *lx, hx_lex_state *st);
void hx_lex_restore(hx_lexer_t *lx, const hx_lex_state *st);

/* 1-based UTF-16 column of byte offset off, which lies on line `line`
 * starting at byte line_start. */
uint32_t hx_lex_column(hx_lexer_t *lx, uint32_t off, uint32_t line, uint32_t line_start);

/* Interns a UTF-8 name (NULL on OOM). */
const hx_ast_name *hx_lex_intern(hx_lexer_t *lx, const char *s, uint32_t len);

/* Decodes one code point of UTF-8 at *pos (< len), advancing *pos;
 * invalid sequences give U+FFFD and advance by one byte. */
uint32_t hx_utf8_decode(const uint8_t *s, uint32_t len, uint32_t *pos);

/* Converts UTF-8 to UTF-16 in the arena; NULL on OOM. */
uint16_t *hx_lex_utf16(hx_lexer_t *lx, const char *s, uint32_t len, uint32_t *out_len);

#endif
