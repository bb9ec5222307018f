/*
 * runtime.c — creation and teardown of a runtime, the pending-exception
 * protocol (throw / take), out-of-memory reporting with a pre-made error,
 * and interrupt polling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/runtime.h"

hx_runtime *hx_runtime_create(const hr_config *cfg) {
    hr_realloc_fn fn = cfg ? cfg->realloc : NULL;
    void *op = cfg ? cfg->realloc_opaque : NULL;
    hx_runtime *rt = fn ? fn(op, NULL, 0, sizeof(hx_runtime)) : malloc(sizeof(hx_runtime));
    if (!rt) return NULL;
    memset(rt, 0, sizeof *rt);
    rt->realloc_fn = fn;
    rt->realloc_opaque = op;
    rt->mem_limit = cfg ? cfg->memory_limit : 0;
    rt->gc_stress = cfg && cfg->gc_stress;
    rt->max_call_depth = cfg && cfg->max_call_depth ? cfg->max_call_depth : HX_MAX_CALL_DEPTH;
    rt->gc_threshold = 8u << 20;
    rt->persistents.next = rt->persistents.prev = &rt->persistents;
    rt->exception = HX_UNDEFINED;
    rt->oom_error = HX_UNDEFINED;
    rt->random_state = 0x853c49e6748fea9bull;
    rt->stack = hx_mem_alloc(rt, HX_STACK_VALUES * sizeof(hx_value));
    if (!rt->stack) goto fail;
    rt->stack_top = rt->stack;
    rt->stack_end = rt->stack + HX_STACK_VALUES;
    /* Atoms, symbols and the first realm are created with stress off: they
     * are rooted by the runtime only once complete. */
    bool stress = rt->gc_stress;
    rt->gc_stress = false;
    rt->in_gc = true;
    if (!hx_atom_init(rt)) goto fail;
    if (hx_symbols_init(rt) < 0) goto fail;
    rt->in_gc = false;
    rt->handles_len = 0;
    rt->gc_stress = stress;
    return rt;
fail:
    hx_runtime_destroy(rt);
    return NULL;
}

void hx_runtime_destroy(hx_runtime *rt) {
    hx_job *j = rt->jobs_head;
    while (j) {
        hx_job *n = j->next;
        hx_mem_free(rt, j, sizeof(hx_job));
        j = n;
    }
    hx_persistent_node *p = rt->persistents.next;
    while (p != &rt->persistents) {
        hx_persistent_node *n = p->next;
        hx_mem_free(rt, p, sizeof *p);
        p = n;
    }
    hx_gc_free_all(rt);
    hx_mem_free(rt, rt->frames, rt->frames ? (size_t)(rt->max_call_depth + 2) * sizeof(hx_frame) : 0);
    hx_mem_free(rt, rt->atom_table, rt->atom_table ? (rt->atom_mask + 1) * sizeof(hx_string *) : 0);
    hx_mem_free(rt, rt->stack, HX_STACK_VALUES * sizeof(hx_value));
    hr_realloc_fn fn = rt->realloc_fn;
    void *op = rt->realloc_opaque;
    if (rt->handles) {
        if (fn) fn(op, rt->handles, rt->handles_cap * sizeof(hx_value), 0);
        else free(rt->handles);
    }
    if (fn) fn(op, rt, sizeof *rt, 0);
    else free(rt);
}

hx_value hx_throw(hx_realm *realm, hx_value v) {
    hx_runtime *rt = realm->rt;
    rt->exception = v;
    rt->has_exception = true;
    rt->interrupted = false;
    return HX_EXCEPTION;
}

hx_value hx_take_exception(hx_runtime *rt) {
    hx_value v = rt->has_exception ? rt->exception : HX_UNDEFINED;
    rt->exception = HX_UNDEFINED;
    rt->has_exception = false;
    rt->interrupted = false;
    if (hx_is_heap(v)) hx_handles_push(rt, v);
    return v;
}

static hx_value throw_kind(hx_realm *realm, hr_error_kind kind, const char *fmt, va_list ap) {
    if (!realm) return HX_EXCEPTION;
    hx_value e = hx_error_new_fmt(realm, kind, fmt, ap);
    if (hx_is_exception(e)) return e;
    return hx_throw(realm, e);
}

hx_value hx_throw_error(hx_realm *realm, hr_error_kind kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    hx_value r = throw_kind(realm, kind, fmt, ap);
    va_end(ap);
    return r;
}

#define THROWER(name, kind)                                                                        \
    hx_value name(hx_realm *realm, const char *fmt, ...) {                                         \
        va_list ap;                                                                                \
        va_start(ap, fmt);                                                                         \
        hx_value r = throw_kind(realm, kind, fmt, ap);                                             \
        va_end(ap);                                                                                \
        return r;                                                                                  \
    }
THROWER(hx_throw_type_error, HR_TYPE_ERROR)
THROWER(hx_throw_range_error, HR_RANGE_ERROR)
THROWER(hx_throw_reference_error, HR_REFERENCE_ERROR)
THROWER(hx_throw_syntax_error, HR_SYNTAX_ERROR)

/* Out of memory: throw the pre-made error (allocating a new one could fail
 * again).  Before the realm exists, the marker alone reports it. */
hx_value hx_throw_oom(hx_runtime *rt) {
    rt->oom = true;
    rt->exception = rt->oom_error;
    if (hx_is_undefined(rt->oom_error)) rt->exception = HX_ATOM(rt, empty);
    rt->has_exception = true;
    return HX_EXCEPTION;
}

/* Polled at backward jumps and calls; true when execution must stop. */
bool hx_check_interrupt(hx_runtime *rt) {
    if (!rt->interrupt_fn) return false;
    if (!rt->interrupt_fn((hr_runtime *)rt, rt->interrupt_opaque)) return false;
    rt->exception = hx_string_from_cstr(rt, "interrupted");
    if (hx_is_exception(rt->exception)) rt->exception = HX_UNDEFINED;
    rt->has_exception = true;
    rt->interrupted = true;
    return true;
}
