/*
 * frame_info.h — what a stack trace needs to know about an active frame:
 * its source position (from the function's pc -> line/column table) and the
 * name of its function.
 */
#ifndef HX_FRAME_INFO_H
#define HX_FRAME_INFO_H

#include "vm/vm.h"

void hx_frame_position(hx_frame *f, uint32_t *line, uint32_t *col);
void hx_funcdef_position(hx_funcdef *d, uint32_t pc, uint32_t *line, uint32_t *col);
hx_value hx_frame_function_name(hx_realm *realm, hx_frame *f);

#endif
