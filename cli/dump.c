/*
 * dump.c — `heron --dump-bytecode`: compiles without running and prints the
 * listing.  Uses the engine's internal compiler interface.
 */
#include <stdio.h>
#include <string.h>
#include "heron.h"
#include "compile/compiler.h"

void heron_cli_dump_bytecode(hr_realm *realm, const char *name, const char *src, size_t len, int flags) {
    hx_realm *r = (hx_realm *)realm;
    size_t n = strlen(name);
    if (n > 3 && (!strcmp(name + n - 3, ".ts") || !strcmp(name + n - 4, ".mts") || !strcmp(name + n - 4, ".cts")))
        flags |= HR_EVAL_TYPESCRIPT;
    hx_funcdef *d = hx_compile_source(r, src, len, name, flags);
    if (!d) {
        hr_value e = hr_take_exception(hr_realm_runtime(realm));
        char *m = hr_format_exception(realm, e);
        fprintf(stderr, "%s\n", m ? m : "error");
        hr_free(hr_realm_runtime(realm), m);
        return;
    }
    hx_disassemble(r->rt, d, stdout);
}
