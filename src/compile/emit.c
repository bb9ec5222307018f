/*
 * emit.c — the bytecode buffer of the function being compiled: opcode and
 * operand emission with stack-depth tracking, jumps and patching, the
 * constant pool, exception handler records, the pc -> line/column table,
 * registers, and turning it all into an hx_funcdef cell.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "compile/cinternal.h"
#include "vm/frame_info.h"

/* Instruction sizes by operand format (opcode byte included). */
#define HX_FMT_SIZE_NONE 1
#define HX_FMT_SIZE_I8 2
#define HX_FMT_SIZE_I32 5
#define HX_FMT_SIZE_U8 2
#define HX_FMT_SIZE_U16 3
#define HX_FMT_SIZE_CONST 5
#define HX_FMT_SIZE_JUMP 5
#define HX_FMT_SIZE_KEYIC 7
#define HX_FMT_SIZE_CTX 5
#define HX_FMT_SIZE_CTXN 9
#define HX_FMT_SIZE_REGN 7
#define HX_FMT_SIZE_U16C 7
#define HX_FMT_SIZE_CJUMP 9

#define HX_OP_INFO(name, fmt, pop, push) {#name, HX_FMT_##fmt, HX_FMT_SIZE_##fmt, pop, push},
const hx_opinfo hx_opinfos[HX_OPC_COUNT] = {HX_OPCODES(HX_OP_INFO)};
#undef HX_OP_INFO

hx_compiler *hx_cur_compiler;

static void grow(hx_fstate *fs, uint32_t n) {
    if (fs->len + n <= fs->cap) return;
    uint32_t ncap = fs->cap ? fs->cap * 2 : 256;
    while (ncap < fs->len + n) ncap *= 2;
    uint8_t *c = hx_mem_realloc(fs->rt, fs->code, fs->cap, ncap);
    if (!c) {
        hx_cur_compiler->failed = true;
        fs->len = 0;
        return;
    }
    fs->code = c;
    fs->cap = ncap;
}

void hx_adjust(hx_fstate *fs, int delta) {
    fs->depth += delta;
    if (fs->depth > fs->max_depth) fs->max_depth = fs->depth;
}

void hx_emit_op(hx_fstate *fs, hx_opcode op) {
    grow(fs, 1);
    if (hx_cur_compiler->failed) return;
    fs->code[fs->len++] = (uint8_t)op;
    const hx_opinfo *oi = &hx_opinfos[op];
    if (oi->pop >= 0) hx_adjust(fs, oi->push - oi->pop);
}

void hx_emit_u8(hx_fstate *fs, uint8_t v) {
    grow(fs, 1);
    if (!hx_cur_compiler->failed) fs->code[fs->len++] = v;
}
void hx_emit_u16(hx_fstate *fs, uint16_t v) {
    hx_emit_u8(fs, (uint8_t)v);
    hx_emit_u8(fs, (uint8_t)(v >> 8));
}
void hx_emit_u32(hx_fstate *fs, uint32_t v) {
    hx_emit_u16(fs, (uint16_t)v);
    hx_emit_u16(fs, (uint16_t)(v >> 16));
}

void hx_emit_op_u16(hx_fstate *fs, hx_opcode op, uint16_t v) {
    hx_emit_op(fs, op);
    hx_emit_u16(fs, v);
}
void hx_emit_op_u8(hx_fstate *fs, hx_opcode op, uint8_t v) {
    hx_emit_op(fs, op);
    hx_emit_u8(fs, v);
}
void hx_emit_op_const(hx_fstate *fs, hx_opcode op, uint32_t k) {
    hx_emit_op(fs, op);
    hx_emit_u32(fs, k);
}

void hx_emit_op_key(hx_fstate *fs, hx_opcode op, hx_value key) {
    uint32_t k = hx_add_const(fs, key);
    hx_emit_op(fs, op);
    hx_emit_u32(fs, k);
    hx_emit_u16(fs, (uint16_t)(fs->ic_count < 0xFFFF ? fs->ic_count++ : 0xFFFF));
}

uint32_t hx_emit_jump(hx_fstate *fs, hx_opcode op) {
    hx_emit_op(fs, op);
    uint32_t at = fs->len;
    hx_emit_u32(fs, 0);
    return at;
}

void hx_patch_jump(hx_fstate *fs, uint32_t at, uint32_t target) {
    if (hx_cur_compiler->failed) return;
    int32_t rel = (int32_t)target - (int32_t)(at + 4);
    memcpy(fs->code + at, &rel, 4);
}

void hx_patch_here(hx_fstate *fs, uint32_t at) { hx_patch_jump(fs, at, fs->len); }

void hx_emit_jump_to(hx_fstate *fs, hx_opcode op, uint32_t target) {
    uint32_t at = hx_emit_jump(fs, op);
    hx_patch_jump(fs, at, target);
}

uint32_t hx_add_const(hx_fstate *fs, hx_value v) {
    for (uint32_t i = 0; i < fs->const_count; i++)
        if (fs->consts[i] == v && !hx_is_double(v)) return i;
    if (fs->const_count == fs->const_cap) {
        uint32_t ncap = fs->const_cap ? fs->const_cap * 2 : 16;
        hx_value *n = hx_mem_realloc(fs->rt, fs->consts, fs->const_cap * sizeof(hx_value), ncap * sizeof(hx_value));
        if (!n) {
            hx_cur_compiler->failed = true;
            return 0;
        }
        fs->consts = n;
        fs->const_cap = ncap;
    }
    fs->consts[fs->const_count] = v;
    return fs->const_count++;
}

uint32_t hx_const_string_utf16(hx_fstate *fs, const uint16_t *s, uint32_t len) {
    hx_value v = hx_string_from_utf16(fs->rt, s, len);
    if (hx_is_exception(v)) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    hx_value a = hx_atom_intern(fs->rt, hx_as_string(v)); /* share equal literals */
    return hx_add_const(fs, hx_is_exception(a) ? v : a);
}

hx_value hx_name_key(hx_fstate *fs, const hx_ast_name *name) {
    hx_value s = hx_string_from_utf8(fs->rt, name->utf8, name->len);
    if (hx_is_exception(s)) {
        hx_cur_compiler->failed = true;
        return HX_ATOM(fs->rt, empty);
    }
    hx_key k = hx_key_from_string(fs->rt, s);
    if (hx_is_exception(k)) {
        hx_cur_compiler->failed = true;
        return HX_ATOM(fs->rt, empty);
    }
    return k;
}

uint32_t hx_const_name(hx_fstate *fs, const hx_ast_name *name) {
    hx_value s = hx_string_from_utf8(fs->rt, name->utf8, name->len);
    if (hx_is_exception(s)) {
        hx_cur_compiler->failed = true;
        return 0;
    }
    hx_value a = hx_atom_intern(fs->rt, hx_as_string(s));
    return hx_add_const(fs, hx_is_exception(a) ? s : a);
}

void hx_emit_number(hx_fstate *fs, double d) {
    hx_value v = hx_number(d);
    if (hx_is_int(v)) {
        int32_t i = hx_get_int(v);
        if (i >= -128 && i <= 127) {
            hx_emit_op(fs, HX_OPC_push_i8);
            hx_emit_u8(fs, (uint8_t)(int8_t)i);
        } else {
            hx_emit_op(fs, HX_OPC_push_i32);
            hx_emit_u32(fs, (uint32_t)i);
        }
        return;
    }
    hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, v));
}

/* Records the source position of the next instruction. */
void hx_set_pos(hx_fstate *fs, const hx_ast_node *n) {
    if (!n || (n->line == fs->last_line && n->col == fs->last_col)) return;
    if (fs->line_count && fs->lines[(fs->line_count - 1) * 2] == fs->len) {
        fs->lines[(fs->line_count - 1) * 2 + 1] = (n->line << 12) | (n->col & 0xFFF);
    } else {
        if (fs->line_count == fs->line_cap) {
            uint32_t ncap = fs->line_cap ? fs->line_cap * 2 : 32;
            uint32_t *l = hx_mem_realloc(fs->rt, fs->lines, fs->line_cap * 8, ncap * 8);
            if (!l) {
                hx_cur_compiler->failed = true;
                return;
            }
            fs->lines = l;
            fs->line_cap = ncap;
        }
        fs->lines[fs->line_count * 2] = fs->len;
        fs->lines[fs->line_count * 2 + 1] = (n->line << 12) | (n->col & 0xFFF);
        fs->line_count++;
    }
    fs->last_line = n->line;
    fs->last_col = n->col;
}

uint32_t hx_alloc_reg(hx_fstate *fs) {
    uint32_t r = fs->nregs++;
    if (fs->nregs > fs->max_regs) fs->max_regs = fs->nregs;
    return r;
}

void hx_free_reg(hx_fstate *fs, uint32_t r) {
    if (r + 1 == fs->nregs) fs->nregs--;
}

void hx_add_handler(hx_fstate *fs, uint32_t start, uint32_t end, uint32_t target, int depth) {
    if (fs->handler_count == fs->handler_cap) {
        uint32_t ncap = fs->handler_cap ? fs->handler_cap * 2 : 8;
        hx_handler *h = hx_mem_realloc(fs->rt, fs->handlers, fs->handler_cap * sizeof(hx_handler),
                                       ncap * sizeof(hx_handler));
        if (!h) {
            hx_cur_compiler->failed = true;
            return;
        }
        fs->handlers = h;
        fs->handler_cap = ncap;
    }
    fs->handlers[fs->handler_count++] = (hx_handler){start, end, target, (uint32_t)depth};
}

void hx_jl_add(hx_fstate *fs, hx_jumplist *jl, uint32_t at) {
    if (jl->len == jl->cap) {
        uint32_t ncap = jl->cap ? jl->cap * 2 : 4;
        uint32_t *n = hx_arena_alloc(hx_cur_compiler->arena, ncap * sizeof(uint32_t));
        if (!n) {
            hx_cur_compiler->failed = true;
            return;
        }
        if (jl->len) memcpy(n, jl->at, jl->len * sizeof(uint32_t));
        jl->at = n;
        jl->cap = ncap;
    }
    jl->at[jl->len++] = at;
}

void hx_jl_patch(hx_fstate *fs, hx_jumplist *jl, uint32_t target) {
    for (uint32_t i = 0; i < jl->len; i++) hx_patch_jump(fs, jl->at[i], target);
    jl->len = 0;
}

void hx_jl_free(hx_jumplist *jl) { jl->len = jl->cap = 0; }

void hx_compile_error(hx_fstate *fs, const hx_ast_node *n, const char *fmt, ...) {
    if (hx_cur_compiler->failed) return;
    char buf[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    hx_cur_compiler->failed = true;
    hx_parse_error e;
    memset(&e, 0, sizeof e);
    snprintf(e.message, sizeof e.message, "%s", buf);
    e.line = n ? n->line : 0;
    e.column = n ? n->col : 0;
    hx_throw_parse_error(fs->realm, hx_cur_compiler->source ? hx_cur_compiler->source->filename : "<input>", &e);
}

void hx_fstate_init(hx_fstate *fs, hx_fstate *parent, hx_realm *realm, hx_ast_node *node) {
    memset(fs, 0, sizeof *fs);
    fs->parent = parent;
    fs->realm = realm;
    fs->rt = realm->rt;
    fs->node = node;
    fs->ctx_depth_reg = -1;
    fs->return_label_reg = -1;
    fs->eval_scope = HX_UNDEFINED;
}

void hx_fstate_free(hx_fstate *fs) {
    hx_mem_free(fs->rt, fs->code, fs->cap);
    hx_mem_free(fs->rt, fs->consts, fs->const_cap * sizeof(hx_value));
    hx_mem_free(fs->rt, fs->handlers, fs->handler_cap * sizeof(hx_handler));
    hx_mem_free(fs->rt, fs->lines, fs->line_cap * 8);
    fs->code = NULL;
    fs->consts = NULL;
    fs->handlers = NULL;
    fs->lines = NULL;
    fs->cap = fs->const_cap = fs->handler_cap = fs->line_cap = 0;
}

/* Moves the buffers into a fresh funcdef (exact-size copies). */
hx_funcdef *hx_fstate_finish(hx_fstate *fs) {
    hx_runtime *rt = fs->rt;
    if (hx_cur_compiler->failed) return NULL;
    hx_funcdef *d = hx_gc_alloc(rt, HX_CELL_FUNCDEF, sizeof(hx_funcdef));
    if (!d) return NULL;
    d->name = HX_ATOM(rt, empty);
    d->this_reg = d->new_target_reg = d->arguments_reg = d->home_reg = d->func_reg = -1;
    d->code = hx_mem_alloc(rt, fs->len ? fs->len : 1);
    if (!d->code) return NULL;
    memcpy(d->code, fs->code, fs->len);
    d->code_len = fs->len;
    if (fs->const_count) {
        d->consts = hx_mem_alloc(rt, fs->const_count * sizeof(hx_value));
        if (!d->consts) return NULL;
        memcpy(d->consts, fs->consts, fs->const_count * sizeof(hx_value));
        d->const_count = fs->const_count;
    }
    if (fs->handler_count) {
        d->handlers = hx_mem_alloc(rt, fs->handler_count * sizeof(hx_handler));
        if (!d->handlers) return NULL;
        memcpy(d->handlers, fs->handlers, fs->handler_count * sizeof(hx_handler));
        d->handler_count = fs->handler_count;
    }
    if (fs->line_count) {
        d->lines = hx_mem_alloc(rt, fs->line_count * 8);
        if (!d->lines) return NULL;
        memcpy(d->lines, fs->lines, fs->line_count * 8);
        d->line_count = fs->line_count;
    }
    if (fs->ic_count) {
        d->ics = hx_mem_alloc(rt, fs->ic_count * sizeof(hx_ic));
        if (!d->ics) return NULL;
        memset(d->ics, 0, fs->ic_count * sizeof(hx_ic));
        d->ic_count = fs->ic_count;
    }
    d->stack_size = (uint32_t)fs->max_depth + 4;
    d->reg_count = fs->max_regs;
    d->flags = fs->flags;
    d->source = hx_cur_compiler->source;
    return d;
}

/* pc -> (line, column) by binary search of the position table. */
void hx_funcdef_position(hx_funcdef *d, uint32_t pc, uint32_t *line, uint32_t *col) {
    *line = *col = 0;
    if (!d || !d->line_count) return;
    uint32_t lo = 0, hi = d->line_count;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (d->lines[mid * 2] <= pc) lo = mid;
        else hi = mid;
    }
    *line = d->lines[lo * 2 + 1] >> 12;
    *col = d->lines[lo * 2 + 1] & 0xFFF;
}

/* The interned string of a name (also added to the constant pool). */
hx_value hx_name_value(hx_fstate *fs, const hx_ast_name *name) {
    uint32_t k = hx_const_name(fs, name);
    return hx_cur_compiler->failed ? HX_ATOM(fs->rt, empty) : fs->consts[k];
}
