/*
 * weakref.c — WeakRef (ES2025 26.1) and FinalizationRegistry (26.2), and
 * their part in garbage collection (see hx_weak_ops in vm.h).
 *
 * Class data:
 *  HX_CLASS_WEAKREF   slots[0] = [[WeakRefTarget]] (undefined once cleared).
 *  HX_CLASS_FINALIZATION_REGISTRY
 *                     slots[0] = [[CleanupCallback]], slots[1] = [[Realm]]
 *                     (the realm cell); ptr = fr_data, the [[Cells]].
 *
 * Targets and unregister tokens are held weakly, held values strongly.  When
 * the collector finds a registered target dead, the cell's target becomes
 * HX_HOLE ("empty") and one cleanup job is queued for the registry
 * (HostEnqueueFinalizationRegistryCleanupJob); the job runs
 * CleanupFinalizationRegistry, calling the callback once per emptied cell.
 *
 * Not implemented: the [[KeptAlive]] list (AddToKeptObjects /
 * ClearKeptObjects, 9.10-9.11): a WeakRef does not keep its target alive
 * until the end of the current job, so a target only the WeakRef refers to
 * may be cleared by a collection inside the job that created or deref'd it.
 */
#include <string.h>
#include "builtins/coll_table.h"
#include "vm/object_class.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

typedef struct fr_cell {
    hx_value target; /* HX_HOLE once collected (awaiting cleanup) */
    hx_value held;
    hx_value token; /* HX_HOLE: none (or collected) */
} fr_cell;

typedef struct fr_data {
    fr_cell *cells;
    uint32_t len, cap;
    uint32_t dead;     /* cells whose target was collected */
    uint32_t removals; /* counts unregister calls (the cleanup loop restarts) */
    bool job_queued;
} fr_data;

/* ---- WeakRef: collector hooks ----------------------------------------------- */

static void weakref_clear_dead(hx_runtime *rt, hx_object *o) {
    if (!hx_gc_is_marked(o->u.data.slots[0])) o->u.data.slots[0] = HX_UNDEFINED;
}
static const hx_weak_ops weakref_ops = {NULL, weakref_clear_dead};
static void weakref_trace(hx_runtime *rt, hx_object *o) { hx_gc_defer_weak(rt, o, &weakref_ops); }
const hx_exotic hx_weakref_class = {.trace = weakref_trace};

/* ---- FinalizationRegistry: collector hooks and the cleanup job --------------- */

static hx_value cleanup_job(hx_realm *realm, hx_value *args);

/* HostEnqueueFinalizationRegistryCleanupJob, from inside a collection: the
 * job record is raw memory; if it cannot be allocated, the pending
 * exception state is left as it was and the next collection retries. */
static void queue_cleanup(hx_runtime *rt, hx_object *reg, fr_data *d) {
    bool had = rt->has_exception, oom = rt->oom, intr = rt->interrupted;
    hx_value exc = rt->exception;
    hx_job *j = hx_mem_alloc(rt, sizeof(hx_job));
    rt->has_exception = had;
    rt->oom = oom;
    rt->interrupted = intr;
    rt->exception = exc;
    if (!j) return;
    memset(j, 0, sizeof *j);
    j->run = cleanup_job;
    j->realm = hx_get_ptr(reg->u.data.slots[1]);
    j->args[0] = hx_object_value(reg);
    for (int i = 1; i < 4; i++) j->args[i] = HX_UNDEFINED;
    if (rt->jobs_tail) rt->jobs_tail->next = j;
    else rt->jobs_head = j;
    rt->jobs_tail = j;
    d->job_queued = true;
}

static void finreg_clear_dead(hx_runtime *rt, hx_object *o) {
    fr_data *d = o->u.data.ptr;
    for (uint32_t i = 0; i < d->len; i++) {
        fr_cell *c = &d->cells[i];
        if (c->target != HX_HOLE && !hx_gc_is_marked(c->target)) {
            c->target = HX_HOLE;
            d->dead++;
        }
        if (c->token != HX_HOLE && !hx_gc_is_marked(c->token)) c->token = HX_HOLE;
    }
    if (d->dead && !d->job_queued) queue_cleanup(rt, o, d);
}
static const hx_weak_ops finreg_ops = {NULL, finreg_clear_dead};

static void finreg_trace(hx_runtime *rt, hx_object *o) {
    hx_gc_mark_value(rt, o->u.data.slots[0]);
    hx_gc_mark_value(rt, o->u.data.slots[1]);
    fr_data *d = o->u.data.ptr;
    if (!d) return;
    for (uint32_t i = 0; i < d->len; i++) hx_gc_mark_value(rt, d->cells[i].held);
    hx_gc_defer_weak(rt, o, &finreg_ops);
}

static void finreg_finalize(hx_runtime *rt, hx_object *o) {
    fr_data *d = o->u.data.ptr;
    if (!d) return;
    hx_mem_free(rt, d->cells, d->cap * sizeof(fr_cell));
    hx_mem_free(rt, d, sizeof *d);
    o->u.data.ptr = NULL;
}

const hx_exotic hx_finreg_class = {.trace = finreg_trace, .finalize = finreg_finalize};

static void remove_cell(fr_data *d, uint32_t i) {
    if (d->cells[i].target == HX_HOLE) d->dead--;
    memmove(&d->cells[i], &d->cells[i + 1], (d->len - i - 1) * sizeof(fr_cell));
    d->len--;
}

/* ES2025 9.13 CleanupFinalizationRegistry ( finalizationRegistry ), run as
 * the job queued by the collector. */
static hx_value cleanup_job(hx_realm *realm, hx_value *args) {
    hx_runtime *rt = realm->rt;
    hx_object *reg = hx_as_object(args[0]);
    fr_data *d = reg->u.data.ptr;
    d->job_queued = false;
    uint32_t start = 0;
    while (d->dead) { /* step 3 */
        uint32_t i = start;
        while (i < d->len && d->cells[i].target != HX_HOLE) i++;
        if (i == d->len) {
            if (start == 0) break;
            start = 0;
            continue;
        }
        hx_value held = d->cells[i].held;
        remove_cell(d, i); /* step 3.b */
        size_t mark = hx_handles_save(rt);
        hx_handles_push(rt, held);
        uint32_t removals = d->removals;
        hx_value r = hx_call(realm, reg->u.data.slots[0], HX_UNDEFINED, 1, &held); /* step 3.c */
        hx_handles_restore(rt, mark);
        if (hx_is_exception(r)) return r;
        /* an unregister in the callback may have moved cells before i */
        start = d->removals == removals ? i : 0;
    }
    return HX_UNDEFINED;
}

/* ---- WeakRef --------------------------------------------------------------------- */

/* ES2025 26.1.1.1 WeakRef ( target ) */
static hx_value weakref_ctor(FN_ARGS) {
    if (hx_is_undefined(new_target)) return hx_throw_type_error(realm, "Constructor WeakRef requires 'new'");
    hx_value target = HX_ARG(0);
    if (!hx_can_be_held_weakly(target)) /* step 2 */
        return hx_throw_type_error(realm, "WeakRef: invalid target");
    hx_value v = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_WeakRefPrototype, HX_CLASS_WEAKREF);
    if (hx_is_exception(v)) return v;
    hx_object *o = hx_as_object(v);
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    HX_WRITE(o->u.data.slots[0], target); /* step 5 */
    return v;
}

/* ES2025 26.1.3.2 WeakRef.prototype.deref ( ) */
static hx_value weakref_deref(FN_ARGS) {
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != HX_CLASS_WEAKREF)
        return hx_throw_type_error(realm, "Method WeakRef.prototype.deref called on incompatible receiver");
    return hx_as_object(this_value)->u.data.slots[0]; /* 26.1.4.1 WeakRefDeref */
}

/* ---- FinalizationRegistry ----------------------------------------------------------- */

/* ES2025 26.2.1.1 FinalizationRegistry ( cleanupCallback ) */
static hx_value finreg_ctor(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    if (hx_is_undefined(new_target))
        return hx_throw_type_error(realm, "Constructor FinalizationRegistry requires 'new'");
    hx_value cb = HX_ARG(0);
    if (!hx_is_callable(cb)) /* step 2 */
        return hx_throw_type_error(realm, "FinalizationRegistry: cleanup callback is not a function");
    hx_value v = hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_FinalizationRegistryPrototype,
                                                     HX_CLASS_FINALIZATION_REGISTRY);
    if (hx_is_exception(v)) return v;
    hx_object *o = hx_as_object(v);
    for (int i = 0; i < 4; i++) o->u.data.slots[i] = HX_UNDEFINED;
    fr_data *d = hx_mem_alloc(rt, sizeof *d);
    if (!d) return HX_EXCEPTION;
    memset(d, 0, sizeof *d);
    o->u.data.ptr = d;
    /* steps 4-7: realm of the active function (this constructor) */
    HX_WRITE(o->u.data.slots[1], HX_PTR_VALUE(HX_TAG_CELL, realm));
    HX_WRITE(o->u.data.slots[0], cb);
    return v;
}

static fr_data *this_registry(hx_realm *realm, hx_value v, const char *method) {
    if (hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_FINALIZATION_REGISTRY &&
        hx_as_object(v)->u.data.ptr)
        return hx_as_object(v)->u.data.ptr;
    hx_throw_type_error(realm, "Method FinalizationRegistry.prototype.%s called on incompatible receiver", method);
    return NULL;
}

/* ES2025 26.2.3.2 FinalizationRegistry.prototype.register ( target, heldValue [ , unregisterToken ] ) */
static hx_value finreg_register(FN_ARGS) {
    fr_data *d = this_registry(realm, this_value, "register");
    if (!d) return HX_EXCEPTION;
    hx_value target = HX_ARG(0), held = HX_ARG(1), token = HX_ARG(2);
    if (!hx_can_be_held_weakly(target)) /* step 3 */
        return hx_throw_type_error(realm, "FinalizationRegistry.prototype.register: invalid target");
    if (hx_same_value(target, held)) /* step 4 */
        return hx_throw_type_error(realm, "FinalizationRegistry.prototype.register: target and held value must differ");
    if (!hx_can_be_held_weakly(token)) { /* step 5 */
        if (!hx_is_undefined(token))
            return hx_throw_type_error(realm, "FinalizationRegistry.prototype.register: invalid unregister token");
        token = HX_HOLE;
    }
    if (d->len == d->cap) {
        uint32_t ncap = d->cap ? d->cap * 2 : 8;
        fr_cell *n = hx_mem_realloc(realm->rt, d->cells, d->cap * sizeof(fr_cell), ncap * sizeof(fr_cell));
        if (!n) return HX_EXCEPTION;
        d->cells = n;
        d->cap = ncap;
    }
    fr_cell *c = &d->cells[d->len++]; /* steps 6-7 */
    HX_WRITE(c->target, target);
    HX_WRITE(c->held, held);
    HX_WRITE(c->token, token);
    return HX_UNDEFINED;
}

/* ES2025 26.2.3.3 FinalizationRegistry.prototype.unregister ( unregisterToken ) */
static hx_value finreg_unregister(FN_ARGS) {
    fr_data *d = this_registry(realm, this_value, "unregister");
    if (!d) return HX_EXCEPTION;
    hx_value token = HX_ARG(0);
    if (!hx_can_be_held_weakly(token)) /* step 3 */
        return hx_throw_type_error(realm, "FinalizationRegistry.prototype.unregister: invalid unregister token");
    bool removed = false;
    for (uint32_t i = 0; i < d->len;) { /* step 5 */
        if (d->cells[i].token != HX_HOLE && hx_same_value(d->cells[i].token, token)) {
            remove_cell(d, i);
            removed = true;
        } else
            i++;
    }
    if (removed) d->removals++;
    return hx_bool(removed);
}

/* ---- initialisation ---------------------------------------------------------------- */

static const hx_builtin weakref_proto_table[] = {
    HX_FUNC("deref", weakref_deref, 0),
    HX_SYM_VALUE_S("toStringTag", "WeakRef", HX_PROP_CONFIGURABLE),
};

static const hx_builtin finreg_proto_table[] = {
    HX_FUNC("register", finreg_register, 2),
    HX_FUNC("unregister", finreg_unregister, 1),
    HX_SYM_VALUE_S("toStringTag", "FinalizationRegistry", HX_PROP_CONFIGURABLE),
};

int hx_init_weakref(hx_realm *realm) {
    hx_object *op = HX_INTR_OBJ(realm, ObjectPrototype);
    hx_object *wp = hx_object_new(realm, op, HX_CLASS_OBJECT);
    if (!wp) return -1;
    realm->intrinsics[HX_INTR_WeakRefPrototype] = hx_object_value(wp);
    if (HX_INSTALL(realm, wp, weakref_proto_table) < 0) return -1;
    hx_value wr = hx_make_constructor(realm, weakref_ctor, "WeakRef", 1, wp, 0);
    if (hx_is_exception(wr) || hx_define_global(realm, "WeakRef", wr) < 0) return -1;

    hx_object *fp = hx_object_new(realm, op, HX_CLASS_OBJECT);
    if (!fp) return -1;
    realm->intrinsics[HX_INTR_FinalizationRegistryPrototype] = hx_object_value(fp);
    if (HX_INSTALL(realm, fp, finreg_proto_table) < 0) return -1;
    hx_value fr = hx_make_constructor(realm, finreg_ctor, "FinalizationRegistry", 1, fp, 0);
    if (hx_is_exception(fr)) return -1;
    return hx_define_global(realm, "FinalizationRegistry", fr);
}
