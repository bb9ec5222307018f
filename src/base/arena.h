/*
 * arena.h — chunked bump allocator for data that dies all at once (the AST,
 * parser tables).  Allocations are 8-byte aligned and never freed
 * individually; hx_arena_free_all releases every chunk.
 * Invariant: hx_arena_alloc returns NULL on out-of-memory (never aborts), so
 * every caller checks it.
 */
#ifndef HX_ARENA_H
#define HX_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct hx_arena_chunk hx_arena_chunk;

typedef struct hx_arena {
    hx_arena_chunk *head; /* chunk being filled; older chunks follow ->next */
    char *cur, *limit;    /* free space in head */
    size_t total;         /* bytes obtained from malloc (for statistics) */
    size_t limit_bytes;   /* 0 = unlimited; else alloc fails beyond this total */
} hx_arena;

void hx_arena_init(hx_arena *a);

/* n bytes, 8-byte aligned, uninitialised; NULL on out-of-memory. */
void *hx_arena_alloc(hx_arena *a, size_t n);

/* n bytes, zeroed; NULL on out-of-memory. */
void *hx_arena_calloc(hx_arena *a, size_t n);

/* Copy of n bytes of p (plus a NUL byte after them); NULL on out-of-memory. */
void *hx_arena_dup(hx_arena *a, const void *p, size_t n);

/* Frees every chunk; the arena is empty and reusable afterwards. */
void hx_arena_free_all(hx_arena *a);

#endif
