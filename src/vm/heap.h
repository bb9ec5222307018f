/*
 * heap.h — heap cells, allocation and the garbage collector's interface.
 *
 * Every GC-managed thing starts with an hx_cell header and is linked into
 * rt->all_cells.  The collector is precise, non-moving mark-and-sweep.
 * Roots: the VM value stack and frames, realms, the job queue, persistent
 * handles and the handle stack.
 *
 * Rooting rule for C code: every heap value an hx_ function returns (fresh
 * allocation, call result, property read) is pushed on the handle stack, so
 * it stays alive until the enclosing handle scope (hx_handles_save/restore)
 * ends.  Native functions run inside such a scope.
 *
 * Write barrier: every store of a heap reference into a heap cell goes
 * through HX_WRITE (today a plain store) so an incremental or generational
 * collector can hook in without touching callers.
 */
#ifndef HX_HEAP_H
#define HX_HEAP_H

#include <stddef.h>
#include <stdint.h>
#include "vm/value.h"

typedef struct hx_runtime hx_runtime;

typedef enum hx_cell_type {
    HX_CELL_STRING,
    HX_CELL_SYMBOL,
    HX_CELL_BIGINT,
    HX_CELL_OBJECT,
    HX_CELL_SHAPE,
    HX_CELL_FUNCDEF,  /* compiled function template (bytecode, constants) */
    HX_CELL_CONTEXT,  /* heap environment of captured bindings */
    HX_CELL_ACCESSOR, /* getter/setter pair stored in a property slot */
    HX_CELL_SCOPEINFO,/* names of a context's slots (eval, with, debugging) */
    HX_CELL_REALM,
    HX_CELL_SOURCE,   /* source text and file name shared by a script's functions */
    HX_CELL_GENFRAME, /* saved frame of a suspended generator or async function */
} hx_cell_type;

typedef struct hx_cell {
    struct hx_cell *gc_next;
    uint8_t type;
    uint8_t marked;
    uint16_t flags; /* type-specific */
    uint32_t extra; /* type-specific (string: hash) */
} hx_cell;

#define HX_WRITE(field, val) ((field) = (val))

/* Allocates a zeroed cell of `size` bytes; rooted on the handle stack.
 * Returns NULL (with an out-of-memory error pending) on failure. */
void *hx_gc_alloc(hx_runtime *rt, hx_cell_type type, size_t size);

/* Raw memory for cell-owned buffers (counted against the memory limit). */
void *hx_mem_alloc(hx_runtime *rt, size_t size);
void *hx_mem_realloc(hx_runtime *rt, void *p, size_t old_size, size_t new_size);
void hx_mem_free(hx_runtime *rt, void *p, size_t size);

void hx_gc_collect(hx_runtime *rt);
#define HX_POOL_CLASSES (HX_POOL_MAX / 16)
void hx_gc_free_all(hx_runtime *rt); /* runtime teardown */

/* Marking, for trace functions. */
void hx_gc_mark_value(hx_runtime *rt, hx_value v);
void hx_gc_mark_cell(hx_runtime *rt, void *cell);

/* Handle stack. */
void hx_handles_push(hx_runtime *rt, hx_value v);
size_t hx_handles_save(hx_runtime *rt);
void hx_handles_restore(hx_runtime *rt, size_t mark);

#endif
