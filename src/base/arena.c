/*
 * arena.c — chunked bump allocator (see arena.h).  Chunks grow geometrically
 * from 16 KiB up to 1 MiB; a request larger than a chunk gets a chunk of its
 * own so that the fill pointer of the current chunk is not wasted.
 */
#include "base/arena.h"

#include <stdlib.h>
#include <string.h>

struct hx_arena_chunk {
    hx_arena_chunk *next;
    size_t size; /* usable bytes after the header */
    /* data follows, 8-byte aligned (the header is 16 bytes) */
};

#define ARENA_MIN_CHUNK (16u * 1024u)
#define ARENA_MAX_CHUNK (1024u * 1024u)
#define ARENA_HDR ((sizeof(hx_arena_chunk) + 7u) & ~(size_t)7u)

void hx_arena_init(hx_arena *a)
{
    a->head = NULL;
    a->cur = a->limit = NULL;
    a->total = 0;
    a->limit_bytes = 0;
}

static hx_arena_chunk *new_chunk(hx_arena *a, size_t size)
{
    if (a->limit_bytes && a->total + size > a->limit_bytes)
        return NULL;
    hx_arena_chunk *c = malloc(ARENA_HDR + size);
    if (!c)
        return NULL;
    c->size = size;
    a->total += size;
    return c;
}

void *hx_arena_alloc(hx_arena *a, size_t n)
{
    n = (n + 7u) & ~(size_t)7u;
    if (n == 0)
        n = 8;
    if (a->cur && (size_t)(a->limit - a->cur) >= n) {
        void *p = a->cur;
        a->cur += n;
        return p;
    }
    if (n > ARENA_MAX_CHUNK / 4) {
        /* Big block: private chunk linked behind the head. */
        if (n > SIZE_MAX - ARENA_HDR)
            return NULL;
        hx_arena_chunk *c = new_chunk(a, n);
        if (!c)
            return NULL;
        if (a->head) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = NULL;
            a->head = c;
            a->cur = a->limit = (char *)c + ARENA_HDR + n;
        }
        return (char *)c + ARENA_HDR;
    }
    size_t size = a->head ? a->head->size * 2 : ARENA_MIN_CHUNK;
    if (size > ARENA_MAX_CHUNK)
        size = ARENA_MAX_CHUNK;
    if (size < n)
        size = n;
    hx_arena_chunk *c = new_chunk(a, size);
    if (!c)
        return NULL;
    c->next = a->head;
    a->head = c;
    a->cur = (char *)c + ARENA_HDR;
    a->limit = a->cur + size;
    void *p = a->cur;
    a->cur += n;
    return p;
}

void *hx_arena_calloc(hx_arena *a, size_t n)
{
    void *p = hx_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

void *hx_arena_dup(hx_arena *a, const void *p, size_t n)
{
    char *q = hx_arena_alloc(a, n + 1);
    if (!q)
        return NULL;
    if (n)
        memcpy(q, p, n);
    q[n] = 0;
    return q;
}

void hx_arena_free_all(hx_arena *a)
{
    hx_arena_chunk *c = a->head;
    while (c) {
        hx_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    size_t lim = a->limit_bytes;
    hx_arena_init(a);
    a->limit_bytes = lim;
}
