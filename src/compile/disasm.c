/*
 * disasm.c — readable bytecode listings (`heron --dump-bytecode`), driven by
 * the opcode table's operand formats.  Nested functions are listed after
 * the function that contains them.
 */
#include <stdio.h>
#include <string.h>
#include "compile/cinternal.h"
#include "vm/frame_info.h"


static void print_value(hx_runtime *rt, FILE *f, hx_value v) {
    if (hx_is_int(v)) fprintf(f, "%d", hx_get_int(v));
    else if (hx_is_double(v)) fprintf(f, "%.17g", hx_get_double(v));
    else if (hx_is_string(v)) {
        char *s = hx_string_to_utf8(rt, hx_as_string(v), NULL);
        fprintf(f, "\"%.60s\"", s ? s : "");
        if (s) hx_mem_free(rt, s, strlen(s) + 1);
    } else if (hx_is_cell(v) && ((hx_cell *)hx_get_ptr(v))->type == HX_CELL_FUNCDEF) {
        hx_funcdef *d = hx_get_ptr(v);
        char *s = hx_is_string(d->name) ? hx_string_to_utf8(rt, hx_as_string(d->name), NULL) : NULL;
        fprintf(f, "<function %s>", s && *s ? s : "(anonymous)");
        if (s) hx_mem_free(rt, s, strlen(s) + 1);
    } else if (hx_is_object(v))
        fprintf(f, "<object>");
    else if (hx_is_cell(v))
        fprintf(f, "<scope>");
    else if (hx_is_symbol(v))
        fprintf(f, "<symbol>");
    else
        fprintf(f, "<value>");
}

static uint16_t u16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static uint32_t u32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

void hx_disassemble(hx_runtime *rt, hx_funcdef *d, void *out) {
    FILE *f = out;
    char *name = hx_is_string(d->name) ? hx_string_to_utf8(rt, hx_as_string(d->name), NULL) : NULL;
    fprintf(f, "function %s (params %u, registers %u, stack %u, %u bytes)\n", name && *name ? name : "(anonymous)",
            d->param_count, d->reg_count, d->stack_size, d->code_len);
    if (name) hx_mem_free(rt, name, strlen(name) + 1);
    uint32_t last_line = 0;
    for (uint32_t pc = 0; pc < d->code_len;) {
        const uint8_t *p = d->code + pc;
        const hx_opinfo *oi = &hx_opinfos[p[0]];
        uint32_t line, col;
        hx_funcdef_position(d, pc, &line, &col);
        if (line != last_line) {
            fprintf(f, "  ; line %u\n", line);
            last_line = line;
        }
        fprintf(f, "  %5u  %-22s", pc, oi->name);
        const uint8_t *a = p + 1;
        switch (oi->fmt) {
        case HX_FMT_I8: fprintf(f, "%d", (int8_t)a[0]); break;
        case HX_FMT_I32: fprintf(f, "%d", (int32_t)u32(a)); break;
        case HX_FMT_U8: fprintf(f, "%u", a[0]); break;
        case HX_FMT_U16: fprintf(f, "%u", u16(a)); break;
        case HX_FMT_CONST: print_value(rt, f, d->consts[u32(a)]); break;
        case HX_FMT_JUMP: fprintf(f, "-> %u", pc + 5 + (int32_t)u32(a)); break;
        case HX_FMT_KEYIC:
            print_value(rt, f, d->consts[u32(a)]);
            fprintf(f, " [ic %u]", u16(a + 4));
            break;
        case HX_FMT_CTX: fprintf(f, "depth %u slot %u", u16(a), u16(a + 2)); break;
        case HX_FMT_CTXN:
            fprintf(f, "depth %u slot %u ", u16(a), u16(a + 2));
            print_value(rt, f, d->consts[u32(a + 4)]);
            break;
        case HX_FMT_REGN:
            fprintf(f, "r%u ", u16(a));
            print_value(rt, f, d->consts[u32(a + 2)]);
            break;
        case HX_FMT_U16C: fprintf(f, "%u %u", u16(a), u32(a + 2)); break;
        default: break;
        }
        fputc('\n', f);
        pc += oi->size;
    }
    for (uint32_t i = 0; i < d->handler_count; i++)
        fprintf(f, "  handler [%u, %u) -> %u depth %u\n", d->handlers[i].start, d->handlers[i].end,
                d->handlers[i].target, d->handlers[i].depth);
    fputc('\n', f);
    for (uint32_t i = 0; i < d->const_count; i++) {
        hx_value v = d->consts[i];
        if (hx_is_cell(v) && ((hx_cell *)hx_get_ptr(v))->type == HX_CELL_FUNCDEF) hx_disassemble(rt, hx_get_ptr(v), out);
    }
}
