/*
 * runtime.h — runtime lifecycle used by the public API (api.c).
 */
#ifndef HX_RUNTIME_H
#define HX_RUNTIME_H

#include "vm/vm.h"

hx_runtime *hx_runtime_create(const hr_config *cfg);
void hx_runtime_destroy(hx_runtime *rt);
int hx_symbols_init(hx_runtime *rt);

#endif
