/*
 * heap.c — allocation accounting and the precise mark-and-sweep collector.
 *
 * Marking is iterative: hx_gc_mark_* set the mark bit and push the cell on a
 * gray stack; trace_cell() then visits its references.  Nothing here
 * recurses in proportion to the heap's shape, so deep object graphs cannot
 * overflow the C stack.  A collection only runs from hx_gc_alloc (or
 * hx_gc_collect), so code between allocations may hold unrooted pointers.
 */
#include <stdlib.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/object_class.h"

static void *raw_realloc(hx_runtime *rt, void *p, size_t old_size, size_t new_size) {
    if (rt->realloc_fn) return rt->realloc_fn(rt->realloc_opaque, p, old_size, new_size);
    if (new_size == 0) {
        free(p);
        return NULL;
    }
    return realloc(p, new_size);
}

void *hx_mem_alloc(hx_runtime *rt, size_t size) { return hx_mem_realloc(rt, NULL, 0, size); }

void *hx_mem_realloc(hx_runtime *rt, void *p, size_t old_size, size_t new_size) {
    if (new_size > old_size && rt->mem_limit &&
        rt->mem_used + (new_size - old_size) > rt->mem_limit) {
        if (!rt->in_gc) hx_gc_collect(rt);
        if (rt->mem_used + (new_size - old_size) > rt->mem_limit) {
            hx_throw_oom(rt);
            return NULL;
        }
    }
    void *q = raw_realloc(rt, p, old_size, new_size);
    if (!q && new_size) {
        hx_throw_oom(rt);
        return NULL;
    }
    rt->mem_used = rt->mem_used - old_size + new_size;
    return q;
}

void hx_mem_free(hx_runtime *rt, void *p, size_t size) {
    if (!p) return;
    raw_realloc(rt, p, size, 0);
    rt->mem_used -= size;
}

void hx_handles_push(hx_runtime *rt, hx_value v) {
    if (rt->handles_len == rt->handles_cap) {
        size_t ncap = rt->handles_cap ? rt->handles_cap * 2 : 1024;
        hx_value *n = raw_realloc(rt, rt->handles, rt->handles_cap * sizeof(hx_value),
                                  ncap * sizeof(hx_value));
        if (!n) abort(); /* the handle stack is bookkeeping; without it nothing is safe */
        rt->handles = n;
        rt->handles_cap = ncap;
    }
    rt->handles[rt->handles_len++] = v;
}

size_t hx_handles_save(hx_runtime *rt) { return rt->handles_len; }
void hx_handles_restore(hx_runtime *rt, size_t mark) {
    HX_ASSERT(mark <= rt->handles_len);
    rt->handles_len = mark;
}

static hx_value cell_value(hx_cell *c) {
    switch (c->type) {
    case HX_CELL_STRING: return HX_PTR_VALUE(HX_TAG_STRING, c);
    case HX_CELL_SYMBOL: return HX_PTR_VALUE(HX_TAG_SYMBOL, c);
    case HX_CELL_BIGINT: return HX_PTR_VALUE(HX_TAG_BIGINT, c);
    case HX_CELL_OBJECT: return HX_PTR_VALUE(HX_TAG_OBJECT, c);
    default: return HX_PTR_VALUE(HX_TAG_CELL, c);
    }
}

void *hx_gc_alloc(hx_runtime *rt, hx_cell_type type, size_t size) {
    if (!rt->in_gc && (rt->gc_stress || rt->mem_used > rt->gc_threshold)) hx_gc_collect(rt);
    hx_cell *c = hx_mem_alloc(rt, size);
    if (!c) return NULL;
    memset(c, 0, size);
    c->type = (uint8_t)type;
    c->gc_next = rt->all_cells;
    rt->all_cells = c;
    rt->cell_count++;
    hx_handles_push(rt, cell_value(c));
    return c;
}

void hx_gc_mark_cell(hx_runtime *rt, void *p) {
    hx_cell *c = p;
    if (!c || c->marked) return;
    c->marked = 1;
    if (rt->gray_len == rt->gray_cap) {
        size_t ncap = rt->gray_cap ? rt->gray_cap * 2 : 4096;
        hx_cell **n = raw_realloc(rt, rt->gray, rt->gray_cap * sizeof(*n), ncap * sizeof(*n));
        if (!n) abort(); /* cannot continue marking without memory */
        rt->gray = n;
        rt->gray_cap = ncap;
    }
    rt->gray[rt->gray_len++] = c;
}

void hx_gc_mark_value(hx_runtime *rt, hx_value v) {
    if (hx_is_heap(v)) hx_gc_mark_cell(rt, hx_get_ptr(v));
}

static void mark_values(hx_runtime *rt, const hx_value *v, size_t n) {
    for (size_t i = 0; i < n; i++) hx_gc_mark_value(rt, v[i]);
}

static void mark_frame(hx_runtime *rt, hx_frame *f) {
    hx_gc_mark_cell(rt, f->callee);
    hx_gc_mark_cell(rt, f->def);
    hx_gc_mark_cell(rt, f->ctx);
    hx_gc_mark_value(rt, f->this_value);
    hx_gc_mark_value(rt, f->new_target);
    hx_gc_mark_cell(rt, f->generator);
    hx_gc_mark_cell(rt, f->realm);
}

static void trace_shape(hx_runtime *rt, hx_shape *sh) {
    hx_gc_mark_cell(rt, sh->proto);
    hx_gc_mark_cell(rt, sh->parent);
    hx_gc_mark_value(rt, sh->last.key);
    if (sh->props)
        for (uint32_t i = 0; i < sh->count; i++) hx_gc_mark_value(rt, sh->props[i].key);
    for (uint32_t i = 0; i < sh->child_count; i++) hx_gc_mark_cell(rt, sh->children[i]);
}

static void trace_cell(hx_runtime *rt, hx_cell *c) {
    switch ((hx_cell_type)c->type) {
    case HX_CELL_STRING:
        if (c->flags & HX_STR_ROPE) {
            hx_rope *r = (hx_rope *)c;
            hx_gc_mark_cell(rt, r->left);
            hx_gc_mark_cell(rt, r->right);
            hx_gc_mark_cell(rt, r->flat);
        }
        break;
    case HX_CELL_SYMBOL: hx_gc_mark_value(rt, ((hx_symbol *)c)->description); break;
    case HX_CELL_BIGINT: break;
    case HX_CELL_OBJECT: {
        hx_object *o = (hx_object *)c;
        hx_gc_mark_cell(rt, o->shape);
        hx_gc_mark_cell(rt, o->proto_root);
        if (o->shape) mark_values(rt, o->slots, o->shape->slot_count);
        mark_values(rt, o->elems, o->elem_len);
        hx_class_trace(rt, o);
        break;
    }
    case HX_CELL_SHAPE: trace_shape(rt, (hx_shape *)c); break;
    case HX_CELL_FUNCDEF: {
        hx_funcdef *d = (hx_funcdef *)c;
        mark_values(rt, d->consts, d->const_count);
        hx_gc_mark_value(rt, d->name);
        hx_gc_mark_cell(rt, d->source);
        hx_gc_mark_cell(rt, d->ctx_info);
        for (uint32_t i = 0; i < d->ic_count; i++) {
            hx_gc_mark_cell(rt, d->ics[i].shape);
            hx_gc_mark_cell(rt, d->ics[i].holder_shape);
            hx_gc_mark_cell(rt, d->ics[i].holder);
            hx_gc_mark_cell(rt, d->ics[i].new_shape);
            for (uint32_t k = 0; k < d->ics[i].nprotos && k < 3; k++) hx_gc_mark_cell(rt, d->ics[i].protos[k]);
        }
        break;
    }
    case HX_CELL_CONTEXT: {
        hx_context *x = (hx_context *)c;
        hx_gc_mark_cell(rt, x->parent);
        hx_gc_mark_cell(rt, x->info);
        hx_gc_mark_cell(rt, x->eval_vars);
        mark_values(rt, x->slots, x->count);
        break;
    }
    case HX_CELL_ACCESSOR:
        hx_gc_mark_value(rt, ((hx_accessor *)c)->getter);
        hx_gc_mark_value(rt, ((hx_accessor *)c)->setter);
        break;
    case HX_CELL_SCOPEINFO: {
        hx_scopeinfo *s = (hx_scopeinfo *)c;
        mark_values(rt, s->names, s->count);
        break;
    }
    case HX_CELL_REALM: {
        hx_realm *r = (hx_realm *)c;
        hx_gc_mark_cell(rt, r->global);
        hx_gc_mark_cell(rt, r->global_lex);
        hx_gc_mark_value(rt, r->global_this);
        mark_values(rt, r->intrinsics, HX_INTRINSIC_COUNT);
        hx_gc_mark_value(rt, r->template_cache);
        hx_gc_mark_cell(rt, r->array_shape);
        for (int i = 0; i < 4; i++) hx_gc_mark_cell(rt, r->closure_shapes[i]);
        hx_gc_mark_cell(rt, r->iter_result_shape);
        break;
    }
    case HX_CELL_SOURCE: break;
    case HX_CELL_GENFRAME: {
        hx_genframe *g = (hx_genframe *)c;
        mark_frame(rt, &g->frame);
        mark_values(rt, g->values, g->nvalues);
        break;
    }
    }
}

static size_t cell_size(hx_cell *c) {
    switch ((hx_cell_type)c->type) {
    case HX_CELL_STRING: {
        hx_string *s = (hx_string *)c;
        if (c->flags & HX_STR_ROPE) return sizeof(hx_rope);
        return sizeof(hx_string) + (size_t)s->len * (hx_str_is_wide(s) ? 2 : 1) + 1;
    }
    case HX_CELL_SYMBOL: return sizeof(hx_symbol);
    case HX_CELL_BIGINT: return sizeof(hx_bigint) + ((hx_bigint *)c)->len * 8;
    case HX_CELL_OBJECT: return sizeof(hx_object) + hx_object_inline_cap((hx_object *)c) * sizeof(hx_value);
    case HX_CELL_SHAPE: return sizeof(hx_shape);
    case HX_CELL_FUNCDEF: return sizeof(hx_funcdef);
    case HX_CELL_CONTEXT: return sizeof(hx_context) + ((hx_context *)c)->count * sizeof(hx_value);
    case HX_CELL_ACCESSOR: return sizeof(hx_accessor);
    case HX_CELL_SCOPEINFO: return sizeof(hx_scopeinfo);
    case HX_CELL_REALM: return sizeof(hx_realm);
    case HX_CELL_SOURCE: return sizeof(hx_source);
    case HX_CELL_GENFRAME: return sizeof(hx_genframe) + ((hx_genframe *)c)->cap * sizeof(hx_value);
    }
    return 0;
}

/* Releases what a cell owns outside itself, then the cell. */
static void free_cell(hx_runtime *rt, hx_cell *c) {
    switch ((hx_cell_type)c->type) {
    case HX_CELL_STRING:
        if (c->flags & HX_STR_INTERNED) hx_atom_remove(rt, (hx_string *)c);
        break;
    case HX_CELL_OBJECT: {
        hx_object *o = (hx_object *)c;
        hx_class_finalize(rt, o);
        if (!hx_object_slots_inline(o)) hx_mem_free(rt, o->slots, o->slot_cap * sizeof(hx_value));
        hx_mem_free(rt, o->elems, o->elem_cap * sizeof(hx_value));
        break;
    }
    case HX_CELL_SHAPE: {
        hx_shape *sh = (hx_shape *)c;
        hx_mem_free(rt, sh->props, sh->props_cap * sizeof(hx_prop));
        hx_mem_free(rt, sh->index, sh->index ? (sh->index_mask + 1) * sizeof(uint32_t) : 0);
        hx_mem_free(rt, sh->children, sh->child_cap * sizeof(hx_shape *));
        break;
    }
    case HX_CELL_FUNCDEF: {
        hx_funcdef *d = (hx_funcdef *)c;
        hx_mem_free(rt, d->code, d->code_len);
        hx_mem_free(rt, d->consts, d->const_count * sizeof(hx_value));
        hx_mem_free(rt, d->handlers, d->handler_count * sizeof(hx_handler));
        hx_mem_free(rt, d->ics, d->ic_count * sizeof(hx_ic));
        hx_mem_free(rt, d->lines, d->line_count * 2 * sizeof(uint32_t));
        break;
    }
    case HX_CELL_SCOPEINFO: {
        hx_scopeinfo *s = (hx_scopeinfo *)c;
        hx_mem_free(rt, s->names, s->count * sizeof(hx_value));
        hx_mem_free(rt, s->kinds, s->count);
        break;
    }
    case HX_CELL_SOURCE: {
        hx_source *s = (hx_source *)c;
        hx_mem_free(rt, s->filename, strlen(s->filename) + 1);
        hx_mem_free(rt, s->text, s->len + 1);
        break;
    }
    default: break;
    }
    hx_mem_free(rt, c, cell_size(c));
    rt->cell_count--;
}

static void mark_roots(hx_runtime *rt) {
    for (hx_frame *f = rt->frame; f; f = f->caller) {
        mark_frame(rt, f);
        if (f->regs) mark_values(rt, f->regs, f->nregs);
        if (f->stack_base && f->sp >= f->stack_base) mark_values(rt, f->stack_base, (size_t)(f->sp - f->stack_base));
    }
    mark_values(rt, rt->handles, rt->handles_len);
    for (hx_persistent_node *p = rt->persistents.next; p != &rt->persistents; p = p->next)
        hx_gc_mark_value(rt, p->value);
    mark_values(rt, rt->atoms, HX_ATOM_COUNT);
    mark_values(rt, rt->symbols, HX_SYMBOL_COUNT);
    hx_gc_mark_cell(rt, rt->symbol_registry);
    hx_gc_mark_cell(rt, rt->empty_shape_null_proto);
    if (rt->has_exception) hx_gc_mark_value(rt, rt->exception);
    hx_gc_mark_value(rt, rt->oom_error);
    for (hx_job *j = rt->jobs_head; j; j = j->next) {
        mark_values(rt, j->args, 4);
        hx_gc_mark_cell(rt, j->realm);
    }
    for (hx_realm *r = rt->realms; r; r = r->next_realm)
        if (!r->host_released) hx_gc_mark_cell(rt, r);
    hx_gc_mark_cell(rt, rt->current_realm);
}

/* ---- weak references: ephemerons, WeakRef, FinalizationRegistry -----------
 * (added by the collections / weakref families; see hx_weak_ops in vm.h)
 *
 * A weak container's trace hook does not mark what it holds weakly; it calls
 * hx_gc_defer_weak, which records it for the current collection.  After the
 * main mark loop, weak_phase() asks every recorded container to mark the
 * values of its entries whose keys are marked, traces what that reached
 * (which may record more containers), and repeats until nothing new is
 * marked; then every container drops its references to unmarked cells
 * (WeakMap/WeakSet entries, WeakRef targets; FinalizationRegistry queues
 * its cleanup job) before the sweep frees them.
 *
 * The record lives only during one collection, so it is kept in a
 * thread-local (a collection never nests: rt->in_gc) and released at the end
 * of weak_phase with the same runtime's allocator. */
typedef struct weak_entry {
    hx_object *obj;
    const hx_weak_ops *ops;
} weak_entry;
static _Thread_local struct {
    weak_entry *v;
    size_t len, cap;
} weak_rec;

void hx_gc_defer_weak(hx_runtime *rt, hx_object *o, const hx_weak_ops *ops) {
    HX_ASSERT(rt->in_gc);
    if (weak_rec.len == weak_rec.cap) {
        size_t ncap = weak_rec.cap ? weak_rec.cap * 2 : 64;
        weak_entry *n = raw_realloc(rt, weak_rec.v, weak_rec.cap * sizeof(*n), ncap * sizeof(*n));
        if (!n) abort(); /* cannot finish marking without memory, as for the gray stack */
        weak_rec.v = n;
        weak_rec.cap = ncap;
    }
    weak_rec.v[weak_rec.len++] = (weak_entry){o, ops};
}

static void weak_phase(hx_runtime *rt) {
    bool progress = true;
    while (progress) { /* ephemeron fixed point */
        progress = false;
        for (size_t i = 0; i < weak_rec.len; i++) {
            const hx_weak_ops *ops = weak_rec.v[i].ops;
            if (ops->mark_ephemerons && ops->mark_ephemerons(rt, weak_rec.v[i].obj)) progress = true;
        }
        while (rt->gray_len) trace_cell(rt, rt->gray[--rt->gray_len]);
    }
    for (size_t i = 0; i < weak_rec.len; i++) weak_rec.v[i].ops->clear_dead(rt, weak_rec.v[i].obj);
    if (weak_rec.v) raw_realloc(rt, weak_rec.v, weak_rec.cap * sizeof(weak_entry), 0);
    weak_rec.v = NULL;
    weak_rec.len = weak_rec.cap = 0;
}

void hx_gc_collect(hx_runtime *rt) {
    if (rt->in_gc) return;
    rt->in_gc = true;
    mark_roots(rt);
    while (rt->gray_len) trace_cell(rt, rt->gray[--rt->gray_len]);
    weak_phase(rt); /* weak references: see the section above */
    /* Unlink dead realms from the realm list before their cells go. */
    for (hx_realm **pr = &rt->realms; *pr;) {
        if (!(*pr)->hdr.marked) *pr = (*pr)->next_realm;
        else pr = &(*pr)->next_realm;
    }
    hx_cell **link = &rt->all_cells;
    while (*link) {
        hx_cell *c = *link;
        if (c->marked) {
            c->marked = 0;
            link = &c->gc_next;
        } else {
            *link = c->gc_next;
            free_cell(rt, c);
        }
    }
    size_t floor = 8u << 20;
    rt->gc_threshold = rt->mem_used * 2 > floor ? rt->mem_used * 2 : floor;
    rt->in_gc = false;
}

/* Frees every cell regardless of reachability (runtime teardown). */
void hx_gc_free_all(hx_runtime *rt) {
    rt->in_gc = true;
    while (rt->all_cells) {
        hx_cell *c = rt->all_cells;
        rt->all_cells = c->gc_next;
        if (c->type == HX_CELL_STRING) c->flags &= ~HX_STR_INTERNED;
        free_cell(rt, c);
    }
    raw_realloc(rt, rt->gray, rt->gray_cap * sizeof(hx_cell *), 0);
    rt->gray = NULL;
    rt->gray_cap = 0;
}
