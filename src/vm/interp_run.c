/*
 * interp_run.c — the dispatch loop (see interp.c for the frame model).
 * Each opcode's semantics follow its line in compile/opcodes.h.
 *
 * Error discipline: an instruction that fails leaves the exception pending
 * in the runtime and jumps to `exception`, which finds the innermost handler
 * of the current frame covering the faulting pc, or pops the frame and
 * continues the search in its caller.  Interrupts skip all handlers.
 */
#include <math.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/interp_int.h"
#include "vm/object_class.h"
#include "vm/ops.h"
#include "vm/bigint.h"
#include "compile/opcodes.h"
#include "compile/compiler.h"

hx_value hx_create_arguments(hx_realm *realm, hx_frame *f, hx_value slot_map);
__attribute__((weak)) hx_value hx_regexp_create_literal(hx_realm *realm, hx_value pattern, hx_value flags);
hx_value hx_for_in_start(hx_realm *realm, hx_value obj);
int hx_for_in_next(hx_realm *realm, hx_object *e, hx_value *key);
hx_value hx_get_template_object(hx_realm *realm, hx_value site);
int hx_ystar_step(hx_realm *realm, hx_value *sp, hx_value *out, int *flag);

static inline uint16_t U16(const uint8_t *p) { return (uint16_t)(p[0] | (p[1] << 8)); }
static inline uint32_t U32(const uint8_t *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
static inline int32_t I32(const uint8_t *p) {
    int32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* Property get with the inline cache (own or one-level prototype hits). */
static inline hx_value ic_get(hx_realm *realm, hx_ic *ic, hx_value obj, hx_key key) {
    if (hx_is_object(obj)) {
        hx_object *o = hx_as_object(obj);
        hx_shape *sh = o->shape;
        if (ic->shape == sh && !ic->new_shape) {
            if (!ic->holder) return o->slots[ic->slot];
            if (ic->holder->shape == ic->holder_shape) return ic->holder->slots[ic->slot];
        }
        if (!(sh->hdr.flags & HX_SHAPE_DICT) && hx_plain_get(o)) {
            int32_t i = hx_shape_find(realm->rt, sh, key);
            if (i >= 0) {
                hx_prop *p = hx_shape_props(realm->rt, sh);
                if (p && !(p[i].flags & HX_PROP_ACCESSOR)) {
                    ic->shape = sh;
                    ic->holder = NULL;
                    ic->new_shape = NULL;
                    ic->slot = p[i].slot;
                    return o->slots[p[i].slot];
                }
            } else if (!hx_key_is_index(key) || (o->hdr.flags & HX_OBJ_SPARSE) || true) {
                hx_object *h = sh->proto;
                if (h && !(h->shape->hdr.flags & HX_SHAPE_DICT) && hx_plain_get(h) &&
                    !hx_key_is_index(key)) {
                    int32_t j = hx_shape_find(realm->rt, h->shape, key);
                    if (j >= 0) {
                        hx_prop *p = hx_shape_props(realm->rt, h->shape);
                        if (p && !(p[j].flags & HX_PROP_ACCESSOR)) {
                            ic->shape = sh;
                            ic->new_shape = NULL;
                            ic->holder = h;
                            ic->holder_shape = h->shape;
                            ic->slot = p[j].slot;
                            return h->slots[p[j].slot];
                        }
                    }
                }
            }
        }
    }
    return hx_get(realm, obj, key);
}

/* Property creation through a cached transition: the receiver must still
 * have the old shape and be extensible, and the prototype chain the shapes
 * seen when caching (none of them has the key, so [[Set]] creates it). */
static inline bool ic_add_hit(hx_runtime *rt, hx_ic *ic, hx_object *o, hx_value v) {
    if (!ic->new_shape || ic->shape != o->shape || !(o->hdr.flags & HX_OBJ_EXTENSIBLE)) return false;
    hx_object *p = o->shape->proto;
    for (uint32_t i = 0; i < ic->nprotos; i++, p = p->shape->proto)
        if (!p || p->shape != ic->protos[i]) return false;
    if (p) return false;
    if (ic->slot >= o->slot_cap && hx_object_set_slot_count(rt, o, ic->slot + 1) < 0) return false;
    o->shape = ic->new_shape;
    HX_WRITE(o->slots[ic->slot], v);
    return true;
}

/* After a generic add: remember the transition if it can be replayed. */
static inline void ic_add_learn(hx_runtime *rt, hx_ic *ic, hx_object *o, hx_shape *old, hx_key key, bool check_protos) {
    hx_shape *nw = o->shape;
    if (nw == old || (nw->hdr.flags & HX_SHAPE_DICT) || (old->hdr.flags & HX_SHAPE_DICT) || nw->parent != old ||
        nw->last.key != key || nw->last.flags != HX_PROP_DEFAULT)
        return;
    uint32_t n = 0;
    if (check_protos) {
        for (hx_object *p = old->proto; p; p = p->shape->proto) {
            if (n == 3 || !hx_plain_get(p) || (p->shape->hdr.flags & HX_SHAPE_DICT) || hx_shape_find(rt, p->shape, key) >= 0)
                return;
            ic->protos[n++] = p->shape;
        }
    }
    ic->shape = old;
    ic->holder = NULL;
    ic->holder_shape = NULL;
    ic->new_shape = nw;
    ic->slot = nw->last.slot;
    ic->nprotos = check_protos ? n : UINT32_MAX;
}

static inline int ic_put(hx_realm *realm, hx_ic *ic, hx_value obj, hx_key key, hx_value v, bool strict) {
    if (hx_is_object(obj)) {
        hx_object *o = hx_as_object(obj);
        if (ic->shape == o->shape && !ic->holder && !ic->new_shape) {
            HX_WRITE(o->slots[ic->slot], v);
            return 0;
        }
        if (ic->new_shape && ic->nprotos != UINT32_MAX && ic_add_hit(realm->rt, ic, o, v)) return 0;
        if (!(o->shape->hdr.flags & HX_SHAPE_DICT) && hx_plain_set(o)) {
            int32_t i = hx_shape_find(realm->rt, o->shape, key);
            if (i >= 0) {
                hx_prop *p = hx_shape_props(realm->rt, o->shape);
                if (p && (p[i].flags & (HX_PROP_WRITABLE | HX_PROP_ACCESSOR)) == HX_PROP_WRITABLE) {
                    ic->shape = o->shape;
                    ic->holder = NULL;
                    ic->new_shape = NULL;
                    ic->slot = p[i].slot;
                    HX_WRITE(o->slots[p[i].slot], v);
                    return 0;
                }
            } else if (hx_class_of(o) == HX_CLASS_OBJECT && !hx_key_is_index(key)) {
                hx_shape *old = o->shape;
                if (hx_set(realm, obj, key, v, strict) < 0) return -1;
                ic_add_learn(realm->rt, ic, o, old, key, true);
                return 0;
            }
        }
    }
    return hx_set(realm, obj, key, v, strict) < 0 ? -1 : 0;
}

/* Dense array element fast paths. */
static inline bool fast_index(hx_value obj, hx_value key, hx_object **o, uint32_t *idx) {
    if (!hx_is_object(obj) || !hx_is_int(key) || hx_get_int(key) < 0) return false;
    *o = hx_as_object(obj);
    *idx = (uint32_t)hx_get_int(key);
    return !((*o)->hdr.flags & HX_OBJ_SPARSE);
}

static hx_value get_elem(hx_realm *realm, hx_value obj, hx_value key) {
    hx_object *o;
    uint32_t i;
    if (fast_index(obj, key, &o, &i) && i < o->elem_len && o->elems[i] != HX_HOLE &&
        (hx_class_of(o) == HX_CLASS_ARRAY || hx_class_of(o) == HX_CLASS_OBJECT))
        return o->elems[i];
    if (hx_is_nullish(obj)) {
        return hx_throw_type_error(realm, "Cannot read properties of %s", hx_is_null(obj) ? "null" : "undefined");
    }
    if (hx_is_string(obj) && hx_is_int(key)) {
        hx_string *s = hx_as_string(obj);
        int32_t k = hx_get_int(key);
        if (k >= 0 && (uint32_t)k < s->len) {
            hx_string *fl = hx_string_flat(realm->rt, s);
            if (!fl) return HX_EXCEPTION;
            return hx_string_from_char(realm->rt, hx_string_char_at(fl, (uint32_t)k));
        }
    }
    hx_value k = hx_to_property_key(realm, key);
    if (hx_is_exception(k)) return k;
    return hx_get(realm, obj, k);
}

static int put_elem(hx_realm *realm, hx_value obj, hx_value key, hx_value v, bool strict) {
    hx_object *o;
    uint32_t i;
    if (fast_index(obj, key, &o, &i) && (hx_class_of(o) == HX_CLASS_ARRAY || hx_class_of(o) == HX_CLASS_OBJECT)) {
        if (i < o->elem_len && o->elems[i] != HX_HOLE) {
            HX_WRITE(o->elems[i], v);
            return 0;
        }
        /* append to a dense array with no index properties in its prototypes */
        if (hx_class_of(o) == HX_CLASS_ARRAY && i == o->elem_len && i == o->u.array.length &&
            (o->hdr.flags & HX_OBJ_EXTENSIBLE) && !(o->hdr.flags & HX_OBJ_ARRAY_LENGTH_RO)) {
            hx_object *p = o->shape->proto;
            bool clean = true;
            for (; p && clean; p = p->shape->proto)
                if (p->elem_len || (p->hdr.flags & HX_OBJ_HAS_INDEX_PROPS) || !hx_plain_get(p)) clean = false;
            if (clean) return hx_array_push(realm, o, v);
        }
    }
    if (hx_is_nullish(obj)) {
        hx_throw_type_error(realm, "Cannot set properties of %s", hx_is_null(obj) ? "null" : "undefined");
        return -1;
    }
    hx_value k = hx_to_property_key(realm, key);
    if (hx_is_exception(k)) return -1;
    return hx_set(realm, obj, k, v, strict) < 0 ? -1 : 0;
}

static hx_object *find_home(hx_value fn) {
    if (!hx_is_object(fn)) return NULL;
    hx_object *f = hx_as_object(fn);
    if (hx_class_of(f) != HX_CLASS_FUNCTION) return NULL;
    return hx_is_object(f->u.closure.home_object) ? hx_as_object(f->u.closure.home_object) : NULL;
}

/* Private names are symbols flagged private; fields are own properties keyed
 * by them (never reflected).  Methods and accessors: non-writable / accessor. */
static int private_find(hx_realm *realm, hx_value obj, hx_value name, hx_desc *d) {
    if (!hx_is_object(obj)) {
        hx_throw_type_error(realm, "Cannot read private member from a non-object");
        return -1;
    }
    int r = hx_ordinary_get_own_property(realm, hx_as_object(obj), name, d);
    if (r == 0) {
        hx_value desc = hx_as_symbol(name)->description;
        char *s = hx_is_string(desc) ? hx_string_to_utf8(realm->rt, hx_as_string(desc), NULL) : NULL;
        hx_throw_type_error(realm, "Cannot access private member %s on an object whose class did not declare it",
                            s ? s : "");
        if (s) hx_mem_free(realm->rt, s, strlen(s) + 1);
        return -1;
    }
    return r;
}

static hx_value do_super_call(hx_realm *realm, hx_value fn, hx_value nt, int argc, hx_value *argv, hx_frame *f) {
    /* ES2025 13.3.7.1: GetSuperConstructor, Construct, BindThisValue, InitializeInstanceElements */
    hx_object *active = hx_as_object(fn);
    hx_value sup = hx_get_prototype_of(realm, active);
    if (hx_is_exception(sup)) return sup;
    if (!hx_is_constructor(sup)) return hx_throw_type_error(realm, "Super constructor is not a constructor");
    hx_value r = hx_construct(realm, sup, argc, argv, nt);
    if (hx_is_exception(r)) return r;
    /* the frame that owns `this`: walk out of arrows (their this lives in the context) */
    hx_frame *owner = f;
    while (owner && owner->def && (owner->def->flags & HX_FD_ARROW)) owner = owner->caller;
    if (owner && owner->callee == active) {
        if (owner->this_value != HX_UNINIT) return hx_throw_reference_error(realm, "Super constructor may only be called once");
        owner->this_value = r;
    }
    if (!hx_is_undefined(active->u.closure.fields)) {
        hx_value ir = hx_call(realm, active->u.closure.fields, r, 0, NULL);
        if (hx_is_exception(ir)) return ir;
    }
    return r;
}

static hx_value array_from_list(hx_realm *realm, hx_value arr, int *argc, hx_value **argv) {
    hx_object *a = hx_as_object(arr);
    *argc = (int)a->elem_len;
    *argv = a->elems;
    return arr;
}

hx_value hx_interp_run(hx_realm *realm, hx_frame *entry) {
    hx_runtime *rt = realm->rt;
    hx_frame *f = entry;
    const uint8_t *pc = f->pc;
    hx_value *sp = f->sp;
    hx_value *regs = f->regs;
    hx_funcdef *def = f->def;
    hx_value *K = def->consts;
    size_t handles_base = hx_handles_save(rt);
    hx_value ret;
    uint32_t call_argc; /* operand of the call being dispatched (shared call paths) */

#define RELOAD()                                                                                   \
    do {                                                                                           \
        pc = f->pc;                                                                                \
        sp = f->sp;                                                                                \
        regs = f->regs;                                                                            \
        def = f->def;                                                                              \
        K = def->consts;                                                                           \
        realm = f->realm;                                                                          \
    } while (0)
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP sp[-1]
#define CHECK(v)                                                                                   \
    do {                                                                                           \
        if (HX_UNLIKELY(hx_is_exception(v))) goto exception;                                       \
    } while (0)
#define CHECKI(r)                                                                                  \
    do {                                                                                           \
        if (HX_UNLIKELY((r) < 0)) goto exception;                                                  \
    } while (0)

#ifdef HX_COMPUTED_GOTO_OFF
#else
#endif
#if defined(__GNUC__)
    static const void *const labels[HX_OPC_COUNT] = {
#define HX_LBL(name, fmt, pop, push) &&op_##name,
        HX_OPCODES(HX_LBL)
#undef HX_LBL
    };
#define CASE(name) op_##name:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        f->sp = sp;                                                                                \
        f->pc = pc;                                                                                \
        goto *labels[*pc++];                                                                       \
    } while (0)
    DISPATCH();
#else
#define CASE(name) case HX_OPC_##name: op_##name:
#define DISPATCH() goto dispatch
dispatch:
    f->sp = sp;
    f->pc = pc;
    switch (*pc++) {
#endif

    CASE(push_undefined) PUSH(HX_UNDEFINED); DISPATCH();
    CASE(push_null) PUSH(HX_NULL); DISPATCH();
    CASE(push_true) PUSH(HX_TRUE); DISPATCH();
    CASE(push_false) PUSH(HX_FALSE); DISPATCH();
    CASE(push_hole) PUSH(HX_HOLE); DISPATCH();
    CASE(push_uninit) PUSH(HX_UNINIT); DISPATCH();
    CASE(push_i8) PUSH(hx_int((int8_t)*pc)); pc++; DISPATCH();
    CASE(push_i32) PUSH(hx_int(I32(pc))); pc += 4; DISPATCH();
    CASE(push_const) PUSH(K[U32(pc)]); pc += 4; DISPATCH();
    CASE(push_this) PUSH(f->this_value); DISPATCH();
    CASE(push_new_target) PUSH(f->new_target); DISPATCH();
    CASE(push_callee) PUSH(f->callee ? hx_object_value(f->callee) : HX_UNDEFINED); DISPATCH();
    CASE(dup) sp[0] = sp[-1]; sp++; DISPATCH();
    CASE(dup2) sp[0] = sp[-2]; sp[1] = sp[-1]; sp += 2; DISPATCH();
    CASE(over) sp[0] = sp[-2]; sp++; DISPATCH();
    CASE(drop) sp--; DISPATCH();
    CASE(nip) sp[-2] = sp[-1]; sp--; DISPATCH();
    CASE(swap) {
        hx_value t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    CASE(rot3) { /* a b c -> c a b */
        hx_value c = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = c;
        DISPATCH();
    }
    CASE(rot3r) { /* a b c -> b c a */
        hx_value a = sp[-3];
        sp[-3] = sp[-2];
        sp[-2] = sp[-1];
        sp[-1] = a;
        DISPATCH();
    }
    CASE(rot4) { /* a b c d -> d a b c */
        hx_value d = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = sp[-4];
        sp[-4] = d;
        DISPATCH();
    }
    CASE(pick) {
        uint8_t n = *pc++;
        sp[0] = sp[-1 - n];
        sp++;
        DISPATCH();
    }
    CASE(load_reg) PUSH(regs[U16(pc)]); pc += 2; DISPATCH();
    CASE(store_reg) regs[U16(pc)] = POP(); pc += 2; DISPATCH();
    CASE(put_reg) regs[U16(pc)] = TOP; pc += 2; DISPATCH();
    CASE(load_reg_chk) {
        hx_value v = regs[U16(pc)];
        if (v == HX_UNINIT) {
            hx_throw_tdz(realm, K[U32(pc + 2)]);
            goto exception;
        }
        PUSH(v);
        pc += 6;
        DISPATCH();
    }
    CASE(put_reg_chk) {
        uint16_t r = U16(pc);
        if (regs[r] == HX_UNINIT) {
            hx_throw_tdz(realm, K[U32(pc + 2)]);
            goto exception;
        }
        regs[r] = TOP;
        pc += 6;
        DISPATCH();
    }
    CASE(load_ctx) {
        hx_context *c = hx_ctx_at(f->ctx, U16(pc));
        PUSH(c->slots[U16(pc + 2)]);
        pc += 4;
        DISPATCH();
    }
    CASE(store_ctx) {
        hx_context *c = hx_ctx_at(f->ctx, U16(pc));
        HX_WRITE(c->slots[U16(pc + 2)], POP());
        pc += 4;
        DISPATCH();
    }
    CASE(put_ctx) {
        hx_context *c = hx_ctx_at(f->ctx, U16(pc));
        HX_WRITE(c->slots[U16(pc + 2)], TOP);
        pc += 4;
        DISPATCH();
    }
    CASE(load_ctx_chk) {
        hx_context *c = hx_ctx_at(f->ctx, U16(pc));
        hx_value v = c->slots[U16(pc + 2)];
        if (v == HX_UNINIT) {
            hx_throw_tdz(realm, K[U32(pc + 4)]);
            goto exception;
        }
        PUSH(v);
        pc += 8;
        DISPATCH();
    }
    CASE(put_ctx_chk) {
        hx_context *c = hx_ctx_at(f->ctx, U16(pc));
        uint16_t s = U16(pc + 2);
        if (c->slots[s] == HX_UNINIT) {
            hx_throw_tdz(realm, K[U32(pc + 4)]);
            goto exception;
        }
        HX_WRITE(c->slots[s], TOP);
        pc += 8;
        DISPATCH();
    }
    CASE(push_ctx) {
        hx_scopeinfo *si = hx_get_ptr(K[U32(pc)]);
        pc += 4;
        hx_value c = hx_new_context(rt, f->ctx, si);
        CHECK(c);
        f->ctx = hx_get_ptr(c);
        DISPATCH();
    }
    CASE(pop_ctx) f->ctx = f->ctx->parent; DISPATCH();
    CASE(copy_ctx) {
        hx_context *old = f->ctx;
        hx_context *c = hx_gc_alloc(rt, HX_CELL_CONTEXT, sizeof(hx_context) + old->count * sizeof(hx_value));
        if (!c) goto exception;
        c->hdr.flags = old->hdr.flags;
        c->parent = old->parent;
        c->info = old->info;
        c->count = old->count;
        memcpy(c->slots, old->slots, old->count * sizeof(hx_value));
        f->ctx = c;
        DISPATCH();
    }
    CASE(push_with_ctx) {
        hx_context *c = hx_gc_alloc(rt, HX_CELL_CONTEXT, sizeof(hx_context) + sizeof(hx_value));
        if (!c) goto exception;
        c->hdr.flags = HX_CTX_WITH;
        c->parent = f->ctx;
        c->count = 1;
        c->slots[0] = POP();
        f->ctx = c;
        DISPATCH();
    }
    CASE(save_ctx) regs[U16(pc)] = f->ctx ? HX_PTR_VALUE(HX_TAG_CELL, f->ctx) : HX_NULL; pc += 2; DISPATCH();
    CASE(restore_ctx) {
        hx_value c = regs[U16(pc)];
        pc += 2;
        if (hx_is_cell(c)) f->ctx = hx_get_ptr(c);
        else if (c == HX_NULL) f->ctx = NULL;
        DISPATCH();
    }
    CASE(get_global) CASE(get_global_or_undef) {
        bool typeof_mode = pc[-1] == HX_OPC_get_global_or_undef;
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        hx_object *g = realm->global;
        if (ic->shape == g->shape && ic->holder_shape == realm->global_lex->shape) {
            PUSH(g->slots[ic->slot]);
            DISPATCH();
        }
        hx_value v;
        if (hx_global_get(realm, key, typeof_mode, &v) < 0) goto exception;
        /* cache own data properties of the global object not shadowed by lexicals */
        if (!(g->shape->hdr.flags & HX_SHAPE_DICT)) {
            int32_t i = hx_shape_find(rt, g->shape, key);
            if (i >= 0) {
                hx_prop *p = hx_shape_props(rt, g->shape);
                if (p && !(p[i].flags & HX_PROP_ACCESSOR) && hx_shape_find(rt, realm->global_lex->shape, key) < 0) {
                    ic->shape = g->shape;
                    ic->holder_shape = realm->global_lex->shape;
                    ic->holder = NULL;
                    ic->slot = p[i].slot;
                }
            }
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(put_global) CASE(put_global_strict) {
        bool strict = pc[-1] == HX_OPC_put_global_strict;
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        hx_object *g = realm->global;
        if (ic->shape == g->shape && ic->holder_shape == realm->global_lex->shape && ic->holder == (hx_object *)g) {
            HX_WRITE(g->slots[ic->slot], TOP);
            DISPATCH();
        }
        if (hx_global_put(realm, key, TOP, strict) < 0) goto exception;
        if (!(g->shape->hdr.flags & HX_SHAPE_DICT)) {
            int32_t i = hx_shape_find(rt, g->shape, key);
            if (i >= 0) {
                hx_prop *p = hx_shape_props(rt, g->shape);
                if (p && (p[i].flags & (HX_PROP_ACCESSOR | HX_PROP_WRITABLE)) == HX_PROP_WRITABLE &&
                    hx_shape_find(rt, realm->global_lex->shape, key) < 0) {
                    ic->shape = g->shape;
                    ic->holder_shape = realm->global_lex->shape;
                    ic->holder = g; /* marks a put cache */
                    ic->slot = p[i].slot;
                }
            }
        }
        DISPATCH();
    }
    CASE(init_global_lex) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_key key = hx_key_from_string(rt, nm);
        if (hx_is_exception(key)) goto exception;
        CHECKI(hx_global_init_lex(realm, key, POP()));
        DISPATCH();
    }
    CASE(global_decls) {
        hx_object *list = hx_as_object(K[U32(pc)]);
        pc += 4;
        CHECKI(hx_global_decls(realm, list));
        DISPATCH();
    }
    CASE(get_name) CASE(get_name_or_undef) CASE(get_name_call) {
        uint8_t op = pc[-1];
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_value out[2];
        hx_name_mode mode = op == HX_OPC_get_name ? HX_NAME_GET : op == HX_OPC_get_name_call ? HX_NAME_CALL : HX_NAME_TYPEOF;
        CHECKI(hx_name_get(realm, f->ctx, nm, mode, out));
        PUSH(out[0]);
        if (mode == HX_NAME_CALL) PUSH(out[1]);
        DISPATCH();
    }
    CASE(put_name) CASE(put_name_strict) {
        bool strict = pc[-1] == HX_OPC_put_name_strict;
        hx_value nm = K[U32(pc)];
        pc += 4;
        CHECKI(hx_name_put(realm, f->ctx, nm, TOP, strict));
        DISPATCH();
    }
    CASE(init_name) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        CHECKI(hx_name_declare_var(realm, f->ctx, nm, true, TOP));
        sp--;
        DISPATCH();
    }
    CASE(declare_var) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        CHECKI(hx_name_declare_var(realm, f->ctx, nm, false, HX_UNDEFINED));
        DISPATCH();
    }
    CASE(delete_name) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_value r = hx_name_delete(realm, f->ctx, nm);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(resolve_ref) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_value ref[2];
        CHECKI(hx_name_resolve(realm, f->ctx, nm, ref));
        PUSH(ref[0]);
        PUSH(ref[1]);
        DISPATCH();
    }
    CASE(get_ref) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_value v;
        CHECKI(hx_ref_get(realm, sp[-2], sp[-1], nm, &v));
        PUSH(v);
        DISPATCH();
    }
    CASE(put_ref) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        CHECKI(hx_ref_put(realm, sp[-3], sp[-2], nm, sp[-1], (def->flags & HX_FD_STRICT) != 0));
        sp[-3] = sp[-1];
        sp -= 2;
        DISPATCH();
    }
    CASE(get_prop) {
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        hx_value v = ic_get(realm, ic, TOP, key);
        CHECK(v);
        TOP = v;
        DISPATCH();
    }
    CASE(get_prop_keep) {
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        hx_value v = ic_get(realm, ic, TOP, key);
        CHECK(v);
        PUSH(v);
        DISPATCH();
    }
    CASE(put_prop) {
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        CHECKI(ic_put(realm, ic, sp[-2], key, sp[-1], (def->flags & HX_FD_STRICT) != 0));
        sp[-2] = sp[-1];
        sp--;
        DISPATCH();
    }
    CASE(get_elem) {
        hx_value v = get_elem(realm, sp[-2], sp[-1]);
        CHECK(v);
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(get_elem_keep) {
        hx_value v = get_elem(realm, sp[-2], sp[-1]);
        CHECK(v);
        sp[-1] = v;
        DISPATCH();
    }
    CASE(put_elem) {
        CHECKI(put_elem(realm, sp[-3], sp[-2], sp[-1], (def->flags & HX_FD_STRICT) != 0));
        sp[-3] = sp[-1];
        sp -= 2;
        DISPATCH();
    }
    CASE(delete_prop) CASE(delete_elem) {
        hx_key key;
        if (pc[-1] == HX_OPC_delete_prop) {
            key = K[U32(pc)];
            pc += 4;
        } else {
            key = hx_to_property_key(realm, sp[-1]);
            CHECK(key);
            sp--;
        }
        hx_value o = hx_to_object(realm, sp[-1]);
        CHECK(o);
        int r = hx_delete(realm, hx_as_object(o), key, (def->flags & HX_FD_STRICT) != 0);
        CHECKI(r);
        sp[-1] = hx_bool(r);
        DISPATCH();
    }
    CASE(get_super) {
        /* this fn key -> value (ES2025 13.3.7.3 MakeSuperPropertyReference) */
        hx_object *home = find_home(sp[-2]);
        hx_value thisv = sp[-3];
        if (thisv == HX_UNINIT) {
            hx_throw_reference_error(realm, "Must call super constructor before accessing 'this'");
            goto exception;
        }
        if (!home) {
            hx_throw_syntax_error(realm, "'super' keyword unexpected here");
            goto exception;
        }
        hx_value proto = hx_get_prototype_of(realm, home);
        CHECK(proto);
        hx_key key = hx_to_property_key(realm, sp[-1]);
        CHECK(key);
        if (!hx_is_object(proto)) {
            hx_throw_type_error(realm, "Cannot read properties of %s", hx_is_null(proto) ? "null" : "undefined");
            goto exception;
        }
        hx_value v = hx_get_with_receiver(realm, hx_as_object(proto), key, thisv);
        CHECK(v);
        sp -= 2;
        sp[-1] = v;
        DISPATCH();
    }
    CASE(put_super) {
        hx_object *home = find_home(sp[-3]);
        hx_value thisv = sp[-4];
        if (thisv == HX_UNINIT) {
            hx_throw_reference_error(realm, "Must call super constructor before accessing 'this'");
            goto exception;
        }
        if (!home) {
            hx_throw_syntax_error(realm, "'super' keyword unexpected here");
            goto exception;
        }
        hx_value proto = hx_get_prototype_of(realm, home);
        CHECK(proto);
        hx_key key = hx_to_property_key(realm, sp[-2]);
        CHECK(key);
        if (!hx_is_object(proto)) {
            hx_throw_type_error(realm, "Cannot set properties of %s", hx_is_null(proto) ? "null" : "undefined");
            goto exception;
        }
        CHECKI(hx_set_with_receiver(realm, hx_as_object(proto), key, sp[-1], thisv, true));
        sp[-4] = sp[-1];
        sp -= 3;
        DISPATCH();
    }
    CASE(get_private) {
        hx_desc d;
        CHECKI(private_find(realm, sp[-2], sp[-1], &d));
        hx_value v = d.value;
        if (d.flags & HX_PROP_ACCESSOR) {
            if (hx_is_undefined(d.getter)) {
                hx_throw_type_error(realm, "'#%s' was defined without a getter", "");
                goto exception;
            }
            v = hx_call(realm, d.getter, sp[-2], 0, NULL);
            CHECK(v);
        }
        sp[-2] = v;
        sp--;
        DISPATCH();
    }
    CASE(put_private) {
        hx_desc d;
        CHECKI(private_find(realm, sp[-3], sp[-2], &d));
        if (d.flags & HX_PROP_ACCESSOR) {
            if (hx_is_undefined(d.setter)) {
                hx_throw_type_error(realm, "'#' was defined without a setter");
                goto exception;
            }
            hx_value r = hx_call(realm, d.setter, sp[-3], 1, &sp[-1]);
            CHECK(r);
        } else if (!(d.flags & HX_PROP_WRITABLE)) {
            hx_throw_type_error(realm, "Private method is not writable");
            goto exception;
        } else {
            hx_desc nd = {sp[-1], HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_VALUE};
            CHECKI(hx_ordinary_define_own_property(realm, hx_as_object(sp[-3]), sp[-2], &nd, true));
        }
        sp[-3] = sp[-1];
        sp -= 2;
        DISPATCH();
    }
    CASE(define_private) {
        /* obj name value -> obj (PrivateFieldAdd: TypeError if present) */
        hx_value o = sp[-3];
        if (!hx_is_object(o)) {
            hx_throw_type_error(realm, "Cannot define private field on a non-object");
            goto exception;
        }
        hx_desc d;
        if (hx_ordinary_get_own_property(realm, hx_as_object(o), sp[-2], &d) > 0) {
            hx_throw_type_error(realm, "Cannot initialize private field twice on the same object");
            goto exception;
        }
        CHECKI(hx_define_value(realm, hx_as_object(o), sp[-2], sp[-1], HX_PROP_WRITABLE));
        sp -= 2;
        DISPATCH();
    }
    CASE(has_private) {
        hx_value o = sp[-1];
        if (!hx_is_object(o)) {
            hx_throw_type_error(realm, "Cannot use 'in' operator to search for a private field in a non-object");
            goto exception;
        }
        hx_desc d;
        int r = hx_ordinary_get_own_property(realm, hx_as_object(o), sp[-2], &d);
        sp[-2] = hx_bool(r > 0);
        sp--;
        DISPATCH();
    }
    CASE(add_brand) sp--; DISPATCH();
    CASE(private_symbol) {
        hx_value nm = K[U32(pc)];
        pc += 4;
        hx_symbol *s = hx_gc_alloc(rt, HX_CELL_SYMBOL, sizeof(hx_symbol));
        if (!s) goto exception;
        s->hdr.flags = HX_SYM_PRIVATE;
        s->description = nm;
        PUSH(HX_PTR_VALUE(HX_TAG_SYMBOL, s));
        DISPATCH();
    }
    CASE(to_property_key) {
        hx_value k = hx_to_property_key(realm, TOP);
        CHECK(k);
        TOP = k;
        DISPATCH();
    }
    CASE(check_object_coercible) {
        if (hx_is_nullish(TOP)) {
            hx_throw_type_error(realm, "Cannot convert %s to object", hx_is_null(TOP) ? "null" : "undefined");
            goto exception;
        }
        DISPATCH();
    }
    CASE(new_object) {
        hx_value o = hx_new_plain_object(realm);
        CHECK(o);
        PUSH(o);
        DISPATCH();
    }
    CASE(new_array) {
        hx_value a = hx_array_new(realm, 0);
        CHECK(a);
        PUSH(a);
        DISPATCH();
    }
    CASE(append) {
        hx_object *a = hx_as_object(sp[-2]);
        hx_value v = sp[-1];
        if (v == HX_HOLE) {
            /* a hole: only the length grows */
            uint32_t len = a->u.array.length;
            if (a->elem_len == len && !(a->hdr.flags & HX_OBJ_SPARSE)) {
                if (hx_elems_reserve(rt, a, len + 1) < 0) goto exception;
                a->elems[len] = HX_HOLE;
                a->elem_len = len + 1;
            }
            a->u.array.length = len + 1;
            a->slots[0] = hx_number((double)(len + 1));
        } else
            CHECKI(hx_array_push(realm, a, v));
        sp--;
        DISPATCH();
    }
    CASE(append_spread) {
        hx_object *a = hx_as_object(sp[-2]);
        hx_iter it;
        CHECKI(hx_get_iterator(realm, sp[-1], &it));
        for (;;) {
            hx_value v;
            int r = hx_iter_step(realm, &it, &v);
            CHECKI(r);
            if (!r) break;
            CHECKI(hx_array_push(realm, a, v));
        }
        sp--;
        DISPATCH();
    }
    CASE(define_field) {
        /* object literal members with a constant name (CreateDataPropertyOrThrow) */
        hx_key key = K[U32(pc)];
        hx_ic *ic = &def->ics[U16(pc + 4)];
        pc += 6;
        hx_object *o = hx_as_object(sp[-2]);
        if (ic->new_shape && ic->shape == o->shape && (o->hdr.flags & HX_OBJ_EXTENSIBLE)) {
            if (ic->slot < o->slot_cap || hx_object_set_slot_count(rt, o, ic->slot + 1) == 0) {
                o->shape = ic->new_shape;
                HX_WRITE(o->slots[ic->slot], sp[-1]);
                sp--;
                DISPATCH();
            }
        }
        hx_shape *old = o->shape;
        CHECKI(hx_create_data_property_or_throw(realm, o, key, sp[-1]));
        if (hx_class_of(o) == HX_CLASS_OBJECT) ic_add_learn(rt, ic, o, old, key, false);
        sp--;
        DISPATCH();
    }
    CASE(define_elem) {
        hx_key key = hx_to_property_key(realm, sp[-2]);
        CHECK(key);
        CHECKI(hx_create_data_property_or_throw(realm, hx_as_object(sp[-3]), key, sp[-1]));
        sp -= 2;
        DISPATCH();
    }
    CASE(define_method) {
        /* obj key fn -> obj */
        uint8_t kind = *pc++;
        hx_value obj = sp[-3];
        hx_key key = sp[-2];
        hx_object *fn = hx_as_object(sp[-1]);
        if (!(kind & 8)) {
            /* private methods were named and given their home when the class was made */
            fn->u.closure.home_object = obj;
            key = hx_to_property_key(realm, key);
            CHECK(key);
            hx_value prefix = (kind & 3) == 1 ? HX_ATOM(rt, get) : (kind & 3) == 2 ? HX_ATOM(rt, set) : HX_UNDEFINED;
            CHECKI(hx_set_function_name(realm, fn, key, prefix));
        }
        uint32_t en = (kind & 4) ? HX_PROP_ENUMERABLE : 0;
        hx_object *o = hx_as_object(obj);
        if (kind & 8) {
            /* private method/accessor: merge getter and setter */
            hx_desc cur;
            int has = hx_ordinary_get_own_property(realm, o, key, &cur);
            if ((kind & 3) == 0) {
                if (has > 0) {
                    hx_throw_type_error(realm, "Cannot initialize private methods twice on the same object");
                    goto exception;
                }
                CHECKI(hx_define_value(realm, o, key, sp[-1], 0));
            } else {
                hx_value g = has > 0 && (cur.flags & HX_PROP_ACCESSOR) ? cur.getter : HX_UNDEFINED;
                hx_value s = has > 0 && (cur.flags & HX_PROP_ACCESSOR) ? cur.setter : HX_UNDEFINED;
                if ((kind & 3) == 1) g = sp[-1];
                else s = sp[-1];
                CHECKI(hx_define_accessor(realm, o, key, g, s, 0));
            }
        } else if ((kind & 3) == 0) {
            hx_desc d = {sp[-1], HX_UNDEFINED, HX_UNDEFINED, (uint8_t)(HX_PROP_WRITABLE | HX_PROP_CONFIGURABLE | en),
                         HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
            CHECKI(hx_define_own_property(realm, o, key, &d, true));
        } else {
            hx_desc d = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, (uint8_t)(HX_PROP_CONFIGURABLE | en),
                         HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
            if ((kind & 3) == 1) {
                d.getter = sp[-1];
                d.has |= HX_DESC_GET;
            } else {
                d.setter = sp[-1];
                d.has |= HX_DESC_SET;
            }
            d.flags |= HX_PROP_ACCESSOR;
            CHECKI(hx_define_own_property(realm, o, key, &d, true));
        }
        sp -= 2;
        DISPATCH();
    }
    CASE(copy_data_props) {
        /* obj src [excluded] -> obj (ES2025 7.3.25 CopyDataProperties) */
        uint8_t with_excluded = *pc++;
        hx_value excl = with_excluded ? POP() : HX_UNDEFINED;
        hx_value src = POP();
        hx_object *target = hx_as_object(TOP);
        if (!hx_is_nullish(src)) {
            hx_value from = hx_to_object(realm, src);
            CHECK(from);
            PUSH(from); /* keep rooted */
            hx_value keys = hx_own_keys(realm, hx_as_object(from), HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
            CHECK(keys);
            hx_object *ka = hx_as_object(keys);
            for (uint32_t i = 0; i < ka->elem_len; i++) {
                hx_key k = ka->elems[i];
                if (hx_is_string(k)) {
                    k = hx_key_from_string(rt, k);
                    CHECK(k);
                }
                if (hx_is_object(excl)) {
                    hx_object *ex = hx_as_object(excl);
                    bool skip = false;
                    for (uint32_t j = 0; j < ex->elem_len && !skip; j++) skip = ex->elems[j] == k;
                    if (skip) continue;
                }
                hx_desc d;
                int r = hx_get_own_property(realm, hx_as_object(from), k, &d);
                CHECKI(r);
                if (!r || !(d.flags & HX_PROP_ENUMERABLE)) continue;
                hx_value v = hx_get(realm, from, k);
                CHECK(v);
                CHECKI(hx_create_data_property_or_throw(realm, target, k, v));
            }
            sp--;
        }
        DISPATCH();
    }
    CASE(set_proto_literal) {
        hx_value p = POP();
        if (hx_is_object(p) || hx_is_null(p)) CHECKI(hx_set_prototype_of(realm, hx_as_object(TOP), p));
        DISPATCH();
    }
    CASE(set_function_name) {
        uint8_t kind = *pc++;
        hx_value prefix = kind == 1 ? HX_ATOM(rt, get) : kind == 2 ? HX_ATOM(rt, set) : HX_UNDEFINED;
        hx_value fnv = sp[-1], key = sp[-2];
        /* stack here: ... key fn (from define_elem's operand order) */
        if (hx_is_object(fnv) && (hx_is_string(key) || hx_is_symbol(key) || hx_is_int(key))) {
            /* classes with a static "name" member keep it */
            hx_desc d;
            int has = hx_ordinary_get_own_property(realm, hx_as_object(fnv), HX_ATOM(rt, name), &d);
            if (!(has > 0 && hx_is_string(d.value) && hx_as_string(d.value)->len) || hx_class_of(hx_as_object(fnv)) == HX_CLASS_FUNCTION) {
                bool keep = has > 0 && !(d.flags & HX_PROP_CONFIGURABLE);
                if (!keep) CHECKI(hx_set_function_name(realm, hx_as_object(fnv), key, prefix));
            }
        }
        DISPATCH();
    }
    CASE(closure) {
        hx_funcdef *fd = hx_get_ptr(K[U32(pc)]);
        pc += 4;
        if ((fd->flags & HX_FD_ASYNC)) {
            hx_throw_syntax_error(realm, "async functions are not supported yet (a later issue)");
            goto exception;
        }
        hx_value fn = hx_make_closure(realm, fd, f->ctx);
        CHECK(fn);
        if (fd->flags & HX_FD_ARROW) {
            /* arrows inherit the home object for super from the enclosing method */
            if (f->callee && hx_class_of(f->callee) == HX_CLASS_FUNCTION)
                hx_as_object(fn)->u.closure.home_object = f->callee->u.closure.home_object;
        }
        PUSH(fn);
        DISPATCH();
    }
    CASE(set_home) {
        hx_as_object(sp[-1])->u.closure.home_object = sp[-2];
        DISPATCH();
    }
    CASE(regexp) {
        hx_object *pair = hx_as_object(K[U32(pc)]);
        pc += 4;
        if (!hx_regexp_create_literal) {
            hx_throw_syntax_error(realm, "regular expression objects are not built yet");
            goto exception;
        }
        hx_value r = hx_regexp_create_literal(realm, pair->elems[0], pair->elems[1]);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(template_object) {
        hx_value t = hx_get_template_object(realm, K[U32(pc)]);
        pc += 4;
        CHECK(t);
        PUSH(t);
        DISPATCH();
    }
    CASE(bigint) PUSH(K[U32(pc)]); pc += 4; DISPATCH();
    CASE(class_heritage) {
        /* superclass -> protoParent ctorParent (ES2025 15.7.14 step 8) */
        hx_value sc = sp[-1];
        if (hx_is_null(sc)) {
            sp[-1] = HX_NULL;
            PUSH(realm->intrinsics[HX_INTR_FunctionPrototype]);
            DISPATCH();
        }
        if (!hx_is_constructor(sc)) {
            hx_throw_type_error(realm, "Class extends value is not a constructor or null");
            goto exception;
        }
        hx_value pp = hx_get(realm, sc, HX_ATOM(rt, prototype));
        CHECK(pp);
        if (!hx_is_object(pp) && !hx_is_null(pp)) {
            hx_throw_type_error(realm, "Class extends value does not have valid prototype property");
            goto exception;
        }
        sp[-1] = pp;
        PUSH(sc);
        DISPATCH();
    }
    CASE(class_create) {
        /* protoParent ctorParent ctorFn -> ctor proto */
        uint8_t derived = *pc++;
        hx_value pp = sp[-3], cp = sp[-2];
        hx_object *ctor = hx_as_object(sp[-1]);
        if (pp == HX_HOLE) pp = realm->intrinsics[HX_INTR_ObjectPrototype];
        if (cp == HX_HOLE) cp = realm->intrinsics[HX_INTR_FunctionPrototype];
        hx_object *proto = hx_object_new(realm, hx_is_object(pp) ? hx_as_object(pp) : NULL, HX_CLASS_OBJECT);
        if (!proto) goto exception;
        sp[-3] = hx_object_value(proto);
        CHECKI(hx_set_prototype_of(realm, ctor, cp));
        ctor->hdr.flags |= HX_OBJ_CONSTRUCTOR | HX_OBJ_CLASS_CONSTRUCTOR;
        ctor->u.closure.home_object = hx_object_value(proto);
        (void)derived;
        CHECKI(hx_define_value(realm, ctor, HX_ATOM(rt, prototype), hx_object_value(proto), 0));
        CHECKI(hx_define_value(realm, proto, HX_ATOM(rt, constructor), hx_object_value(ctor), HX_PROP_BUILTIN));
        /* -> ctor proto */
        sp[-2] = hx_object_value(ctor);
        sp[-1] = hx_object_value(proto);
        sp[-3] = sp[-2];
        sp[-2] = sp[-1];
        sp--;
        DISPATCH();
    }
    CASE(set_class_fields) {
        hx_as_object(sp[-2])->u.closure.fields = sp[-1];
        sp--;
        DISPATCH();
    }
    CASE(init_fields) DISPATCH();
    CASE(call) {
        call_argc = U16(pc);
        pc += 2;
    do_call:;
        uint32_t argc = call_argc;
        hx_value *args = sp - argc;
        hx_value fnv = args[-2], thisv = args[-1];
        if (HX_LIKELY(hx_is_object(fnv))) {
            hx_object *fo = hx_as_object(fnv);
            if (hx_class_of(fo) == HX_CLASS_FUNCTION &&
                !(fo->hdr.flags & HX_OBJ_CLASS_CONSTRUCTOR) &&
                !(fo->u.closure.def->flags & (HX_FD_GENERATOR | HX_FD_ASYNC))) {
                /* JS-to-JS call: a new frame in this loop */
                hx_funcdef *cd = fo->u.closure.def;
                if (!(cd->flags & HX_FD_STRICT)) {
                    thisv = hx_bind_this(fo->u.closure.realm, cd, thisv);
                    CHECK(thisv);
                }
                f->pc = pc;
                f->sp = sp;
                hx_frame *nf = hx_push_frame(realm, fo, cd, thisv, argc, args, HX_UNDEFINED);
                if (!nf) goto exception;
                nf->ret_pop = argc + 2u;
                f = nf;
                RELOAD();
                if (HX_UNLIKELY(rt->interrupt_fn && ++rt->interrupt_counter >= 4096)) {
                    rt->interrupt_counter = 0;
                    if (hx_check_interrupt(rt)) goto exception;
                }
                DISPATCH();
            }
        }
        hx_value r = hx_call(realm, fnv, thisv, argc, args);
        CHECK(r);
        sp = args - 2;
        PUSH(r);
        hx_handles_restore(rt, handles_base);
        DISPATCH();
    }
    CASE(tail_call) {
        /* ES2025 15.10.3 PrepareForTailCall: the callee takes over this frame
         * when nothing of it is needed any more (not an entry, constructor or
         * generator frame, and the callee does not read extra arguments) */
        call_argc = U16(pc);
        pc += 2;
    do_tail_call:;
        uint32_t argc = call_argc;
        hx_value *args = sp - argc;
        hx_value fnv = args[-2], thisv = args[-1];
        if (hx_is_object(fnv) && !(f->flags & (HX_FRAME_ENTRY | HX_FRAME_CONSTRUCT | HX_FRAME_GENERATOR))) {
            hx_object *fo = hx_as_object(fnv);
            if (hx_class_of(fo) == HX_CLASS_FUNCTION && !(fo->hdr.flags & HX_OBJ_CLASS_CONSTRUCTOR) &&
                !(fo->u.closure.def->flags & (HX_FD_GENERATOR | HX_FD_ASYNC)) &&
                (argc <= fo->u.closure.def->param_count ||
                 !(fo->u.closure.def->flags & (HX_FD_NEEDS_ARGUMENTS | HX_FD_HAS_REST)))) {
                hx_funcdef *cd = fo->u.closure.def;
                if (!(cd->flags & HX_FD_STRICT)) {
                    thisv = hx_bind_this(fo->u.closure.realm, cd, thisv);
                    CHECK(thisv);
                }
                uint32_t ret_pop = f->ret_pop;
                uint16_t flags = f->flags;
                hx_value *base = f->regs;
                uint32_t n = argc < cd->param_count ? argc : cd->param_count;
                memmove(base, args, n * sizeof(hx_value));
                hx_pop_frame(rt, f);
                hx_frame *nf = hx_push_frame(realm, fo, cd, thisv, (int)n, base, HX_UNDEFINED);
                if (!nf) {
                    f = rt->frame;
                    RELOAD();
                    goto exception;
                }
                nf->ret_pop = ret_pop;
                nf->flags = flags;
                f = nf;
                RELOAD();
                if (HX_UNLIKELY(rt->interrupt_fn && ++rt->interrupt_counter >= 4096)) {
                    rt->interrupt_counter = 0;
                    if (hx_check_interrupt(rt)) goto exception;
                }
                DISPATCH();
            }
        }
        goto do_call;
    }
    CASE(call_spread) {
        int argc;
        hx_value *argv;
        array_from_list(realm, sp[-1], &argc, &argv);
        hx_value r = hx_call(realm, sp[-3], sp[-2], argc, argv);
        CHECK(r);
        sp -= 2;
        sp[-1] = r;
        DISPATCH();
    }
    CASE(construct) {
        uint16_t argc = U16(pc);
        pc += 2;
        hx_value *args = sp - argc;
        hx_value fnv = args[-2];
        if (hx_is_object(fnv) && args[-1] == fnv) {
            hx_object *fo = hx_as_object(fnv);
            if (hx_class_of(fo) == HX_CLASS_FUNCTION && (fo->hdr.flags & HX_OBJ_CONSTRUCTOR) &&
                !(fo->u.closure.def->flags & HX_FD_DERIVED) && hx_is_undefined(fo->u.closure.fields)) {
                /* [[Construct]] of a base constructor in this loop (ES2025 10.2.2) */
                hx_realm *fr = fo->u.closure.realm;
                hx_value proto;
                if (fo->shape == fr->closure_shapes[1]) proto = fo->slots[2];
                else {
                    proto = hx_get(realm, fnv, HX_ATOM(rt, prototype));
                    CHECK(proto);
                }
                hx_object *po = hx_is_object(proto) ? hx_as_object(proto) : HX_INTR_OBJ(fr, ObjectPrototype);
                hx_object *thiso = hx_object_new(fr, po, HX_CLASS_OBJECT);
                if (!thiso) goto exception;
                f->pc = pc;
                f->sp = sp;
                hx_frame *nf = hx_push_frame(realm, fo, fo->u.closure.def, hx_object_value(thiso), argc, args, fnv);
                if (!nf) goto exception;
                nf->ret_pop = argc + 2u;
                nf->flags = HX_FRAME_CONSTRUCT;
                f = nf;
                RELOAD();
                DISPATCH();
            }
        }
        hx_value r = hx_construct(realm, args[-2], argc, args, args[-1]);
        CHECK(r);
        sp = args - 2;
        PUSH(r);
        DISPATCH();
    }
    CASE(construct_spread) {
        int argc;
        hx_value *argv;
        array_from_list(realm, sp[-1], &argc, &argv);
        if (!hx_is_constructor(sp[-3])) {
            hx_throw_type_error(realm, "not a constructor");
            goto exception;
        }
        hx_value r = hx_construct(realm, sp[-3], argc, argv, sp[-2]);
        CHECK(r);
        sp -= 2;
        sp[-1] = r;
        DISPATCH();
    }
    CASE(super_call) {
        uint16_t argc = U16(pc);
        pc += 2;
        hx_value *args = sp - argc;
        hx_value r = do_super_call(realm, args[-2], args[-1], argc, args, f);
        CHECK(r);
        sp = args - 2;
        PUSH(r);
        DISPATCH();
    }
    CASE(super_call_spread) {
        int argc;
        hx_value *argv;
        array_from_list(realm, sp[-1], &argc, &argv);
        hx_value r = do_super_call(realm, sp[-3], sp[-2], argc, argv, f);
        CHECK(r);
        sp -= 2;
        sp[-1] = r;
        DISPATCH();
    }
    CASE(super_call_forward) {
        hx_value r = do_super_call(realm, hx_object_value(f->callee), f->new_target, (int)f->argc, f->argv, f);
        CHECK(r);
        PUSH(r);
        DISPATCH();
    }
    CASE(eval_call) {
        uint16_t argc = U16(pc);
        uint32_t strict = U32(pc + 2);
        pc += 6;
        hx_value *args = sp - argc;
        hx_value fnv = args[-2];
        hx_value r;
        if (fnv != realm->intrinsics[HX_INTR_eval]) {
            /* not the intrinsic eval: an ordinary call (in tail position if marked) */
            call_argc = argc;
            if (strict & 4) goto do_tail_call;
            goto do_call;
        }
        r = argc ? hx_perform_eval(realm, args[0], true, (strict & 1) != 0, f, (strict & 2) ? HX_TRUE : HX_UNDEFINED)
                 : HX_UNDEFINED;
        CHECK(r);
        sp = args - 2;
        PUSH(r);
        DISPATCH();
    }
    CASE(return) {
        ret = POP();
        goto do_return;
    }
    CASE(return_undef) {
        ret = HX_UNDEFINED;
        goto do_return;
    }
    CASE(return_derived) {
        /* value this -> (ES2025 10.2.2 [[Construct]] steps 10-12) */
        hx_value thisv = POP();
        hx_value v = POP();
        if (hx_is_object(v)) {
            ret = v;
            goto do_return;
        }
        if (!hx_is_undefined(v)) {
            hx_throw_type_error(realm, "Derived constructors may only return object or undefined");
            goto exception;
        }
        if (thisv == HX_UNINIT) thisv = f->this_value;
        if (thisv == HX_UNINIT) {
            hx_throw_reference_error(realm, "Must call super constructor in derived class before accessing 'this' or returning from derived constructor");
            goto exception;
        }
        ret = thisv;
        goto do_return;
    }
    CASE(check_this_init) {
        if (TOP == HX_UNINIT) {
            hx_throw_reference_error(realm, "Must call super constructor in derived class before accessing 'this'");
            goto exception;
        }
        DISPATCH();
    }
    CASE(jmp) {
        int32_t off = I32(pc);
        pc += 4 + off;
        if (off < 0) {
            hx_handles_restore(rt, handles_base);
            if (HX_UNLIKELY(rt->interrupt_fn && ++rt->interrupt_counter >= 4096)) {
                rt->interrupt_counter = 0;
                if (hx_check_interrupt(rt)) goto exception;
            }
        }
        DISPATCH();
    }
    CASE(jmp_true) CASE(jmp_false) {
        bool want = pc[-1] == HX_OPC_jmp_true;
        hx_value v = POP();
        bool b = v == HX_TRUE ? true : v == HX_FALSE ? false : hx_to_boolean(v);
        int32_t off = I32(pc);
        pc += 4;
        if (b == want) {
            pc += off;
            if (off < 0) {
                hx_handles_restore(rt, handles_base);
                if (HX_UNLIKELY(rt->interrupt_fn && ++rt->interrupt_counter >= 4096)) {
                    rt->interrupt_counter = 0;
                    if (hx_check_interrupt(rt)) goto exception;
                }
            }
        }
        DISPATCH();
    }
    CASE(jmp_true_keep) CASE(jmp_false_keep) {
        bool want = pc[-1] == HX_OPC_jmp_true_keep;
        int32_t off = I32(pc);
        pc += 4;
        if (hx_to_boolean(TOP) == want) pc += off;
        else sp--;
        DISPATCH();
    }
    CASE(jmp_not_nullish_keep) {
        int32_t off = I32(pc);
        pc += 4;
        if (!hx_is_nullish(TOP)) pc += off;
        else sp--;
        DISPATCH();
    }
    CASE(jmp_nullish) {
        int32_t off = I32(pc);
        pc += 4;
        if (hx_is_nullish(TOP)) pc += off;
        DISPATCH();
    }
    CASE(jmp_undef) {
        int32_t off = I32(pc);
        pc += 4;
        if (hx_is_undefined(TOP)) pc += off;
        DISPATCH();
    }
    CASE(gosub) {
        int32_t off = I32(pc);
        pc += 4;
        PUSH(hx_int((int32_t)(pc - def->code)));
        pc += off;
        DISPATCH();
    }
    CASE(ret) {
        hx_value a = POP();
        pc = def->code + hx_get_int(a);
        DISPATCH();
    }
    CASE(throw) {
        hx_throw(realm, POP());
        goto exception;
    }
    CASE(throw_error) {
        uint16_t kind = U16(pc);
        hx_value msg = K[U32(pc + 2)];
        pc += 6;
        hx_value e = hx_error_new(realm, (hr_error_kind)kind, msg);
        if (!hx_is_exception(e)) hx_throw(realm, e);
        goto exception;
    }
#define ARITH(name, opk, intexpr, dblexpr)                                                         \
    CASE(name) {                                                                                   \
        hx_value a = sp[-2], b = sp[-1];                                                           \
        if (hx_is_int(a) && hx_is_int(b)) {                                                        \
            int64_t x = hx_get_int(a), y = hx_get_int(b);                                          \
            int64_t r = intexpr;                                                                   \
            sp[-2] = (r >= INT32_MIN && r <= INT32_MAX) ? hx_int((int32_t)r) : hx_double((double)r); \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        if (hx_is_number(a) && hx_is_number(b)) {                                                  \
            double x = hx_to_double_fast(a), y = hx_to_double_fast(b);                             \
            sp[-2] = hx_number(dblexpr);                                                           \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        hx_value r = hx_binary_op(realm, opk, a, b);                                               \
        CHECK(r);                                                                                  \
        sp[-2] = r;                                                                                \
        sp--;                                                                                      \
        DISPATCH();                                                                                \
    }
    ARITH(add, HX_BIN_ADD, x + y, x + y)
    ARITH(sub, HX_BIN_SUB, x - y, x - y)
    CASE(mul) {
        hx_value a = sp[-2], b = sp[-1];
        if (hx_is_int(a) && hx_is_int(b)) {
            int64_t r = (int64_t)hx_get_int(a) * hx_get_int(b);
            if (r >= INT32_MIN && r <= INT32_MAX && !(r == 0 && (hx_get_int(a) < 0 || hx_get_int(b) < 0))) {
                sp[-2] = hx_int((int32_t)r);
                sp--;
                DISPATCH();
            }
        }
        if (hx_is_number(a) && hx_is_number(b)) {
            sp[-2] = hx_number(hx_to_double_fast(a) * hx_to_double_fast(b));
            sp--;
            DISPATCH();
        }
        hx_value r = hx_binary_op(realm, HX_BIN_MUL, a, b);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(div) {
        hx_value a = sp[-2], b = sp[-1];
        if (hx_is_number(a) && hx_is_number(b)) {
            sp[-2] = hx_number(hx_to_double_fast(a) / hx_to_double_fast(b));
            sp--;
            DISPATCH();
        }
        hx_value r = hx_binary_op(realm, HX_BIN_DIV, a, b);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(mod) {
        hx_value a = sp[-2], b = sp[-1];
        if (hx_is_int(a) && hx_is_int(b) && hx_get_int(a) >= 0 && hx_get_int(b) > 0) {
            sp[-2] = hx_int(hx_get_int(a) % hx_get_int(b));
            sp--;
            DISPATCH();
        }
        hx_value r = hx_binary_op(realm, HX_BIN_MOD, a, b);
        CHECK(r);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
#define SLOWBIN(name, opk)                                                                         \
    CASE(name) {                                                                                   \
        hx_value r = hx_binary_op(realm, opk, sp[-2], sp[-1]);                                     \
        CHECK(r);                                                                                  \
        sp[-2] = r;                                                                                \
        sp--;                                                                                      \
        DISPATCH();                                                                                \
    }
    SLOWBIN(exp, HX_BIN_EXP)
#define BITOP(name, opk, expr)                                                                     \
    CASE(name) {                                                                                   \
        hx_value a = sp[-2], b = sp[-1];                                                           \
        if (hx_is_number(a) && hx_is_number(b)) {                                                  \
            int32_t x = hx_is_int(a) ? hx_get_int(a) : hx_double_to_int32(hx_get_double(a));       \
            int32_t y = hx_is_int(b) ? hx_get_int(b) : hx_double_to_int32(hx_get_double(b));       \
            sp[-2] = expr;                                                                         \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        hx_value r = hx_binary_op(realm, opk, a, b);                                               \
        CHECK(r);                                                                                  \
        sp[-2] = r;                                                                                \
        sp--;                                                                                      \
        DISPATCH();                                                                                \
    }
    BITOP(band, HX_BIN_AND, hx_int(x & y))
    BITOP(bor, HX_BIN_OR, hx_int(x | y))
    BITOP(bxor, HX_BIN_XOR, hx_int(x ^ y))
    BITOP(shl, HX_BIN_SHL, hx_int((int32_t)((uint32_t)x << (y & 31))))
    BITOP(sar, HX_BIN_SAR, hx_int(x >> (y & 31)))
    BITOP(shr, HX_BIN_SHR, hx_number((double)((uint32_t)x >> (y & 31))))
#define CMP(name, intop, swap_args, negate)                                                        \
    CASE(name) {                                                                                   \
        hx_value a = sp[-2], b = sp[-1];                                                           \
        if (hx_is_int(a) && hx_is_int(b)) {                                                        \
            sp[-2] = hx_bool(hx_get_int(a) intop hx_get_int(b));                                   \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        if (hx_is_number(a) && hx_is_number(b)) {                                                  \
            sp[-2] = hx_bool(hx_to_double_fast(a) intop hx_to_double_fast(b));                     \
            sp--;                                                                                  \
            DISPATCH();                                                                            \
        }                                                                                          \
        int r = swap_args ? hx_less_than(realm, b, a, false) : hx_less_than(realm, a, b, true);    \
        CHECKI(r);                                                                                 \
        sp[-2] = hx_bool(negate ? (r == 0) : (r == 1));                                            \
        sp--;                                                                                      \
        DISPATCH();                                                                                \
    }
    CMP(lt, <, false, false)
    CMP(gt, >, true, false)
    CMP(le, <=, true, true)
    CMP(ge, >=, false, true)
    CASE(eq) CASE(ne) {
        bool neg = pc[-1] == HX_OPC_ne;
        hx_value a = sp[-2], b = sp[-1];
        int r;
        if (hx_is_int(a) && hx_is_int(b)) r = a == b;
        else {
            r = hx_loose_equals(realm, a, b);
            CHECKI(r);
        }
        sp[-2] = hx_bool(neg ? !r : r);
        sp--;
        DISPATCH();
    }
    CASE(seq) CASE(sne) {
        bool neg = pc[-1] == HX_OPC_sne;
        bool r = hx_strict_equals(rt, sp[-2], sp[-1]);
        sp[-2] = hx_bool(neg ? !r : r);
        sp--;
        DISPATCH();
    }
    CASE(instanceof) {
        int r = hx_instance_of(realm, sp[-2], sp[-1]);
        CHECKI(r);
        sp[-2] = hx_bool(r);
        sp--;
        DISPATCH();
    }
    CASE(in) {
        if (!hx_is_object(sp[-1])) {
            hx_throw_type_error(realm, "Cannot use 'in' operator to search for a key in a non-object");
            goto exception;
        }
        hx_key k = hx_to_property_key(realm, sp[-2]);
        CHECK(k);
        int r = hx_has_property(realm, hx_as_object(sp[-1]), k);
        CHECKI(r);
        sp[-2] = hx_bool(r);
        sp--;
        DISPATCH();
    }
    CASE(neg) {
        hx_value a = TOP;
        if (hx_is_int(a) && hx_get_int(a) != 0 && hx_get_int(a) != INT32_MIN) TOP = hx_int(-hx_get_int(a));
        else if (hx_is_number(a)) TOP = hx_double(-hx_to_double_fast(a));
        else {
            hx_value r = hx_unary_op(realm, 0, a);
            CHECK(r);
            TOP = r;
        }
        DISPATCH();
    }
    CASE(plus) {
        if (!hx_is_number(TOP)) {
            double d;
            CHECKI(hx_to_number(realm, TOP, &d));
            TOP = hx_number(d);
        }
        DISPATCH();
    }
    CASE(bnot) {
        if (hx_is_int(TOP)) TOP = hx_int(~hx_get_int(TOP));
        else {
            hx_value r = hx_unary_op(realm, 1, TOP);
            CHECK(r);
            TOP = r;
        }
        DISPATCH();
    }
    CASE(not) TOP = hx_bool(!hx_to_boolean(TOP)); DISPATCH();
    CASE(inc) CASE(dec) {
        bool is_inc = pc[-1] == HX_OPC_inc;
        hx_value a = TOP;
        if (hx_is_int(a) && hx_get_int(a) != (is_inc ? INT32_MAX : INT32_MIN)) TOP = hx_int(hx_get_int(a) + (is_inc ? 1 : -1));
        else if (hx_is_number(a)) TOP = hx_number(hx_to_double_fast(a) + (is_inc ? 1 : -1));
        else {
            hx_value r = hx_unary_op(realm, is_inc ? 2 : 3, a);
            CHECK(r);
            TOP = r;
        }
        DISPATCH();
    }
    CASE(to_numeric) {
        if (!hx_is_number(TOP)) {
            hx_value r = hx_to_numeric(realm, TOP);
            CHECK(r);
            TOP = r;
        }
        DISPATCH();
    }
    CASE(typeof) TOP = hx_typeof(rt, TOP); DISPATCH();
    CASE(to_string) {
        if (!hx_is_string(TOP)) {
            hx_value s = hx_to_string(realm, TOP);
            CHECK(s);
            TOP = s;
        }
        DISPATCH();
    }
    CASE(to_object) {
        hx_value o = hx_to_object(realm, TOP);
        CHECK(o);
        TOP = o;
        DISPATCH();
    }
    CASE(get_iterator) {
        hx_iter it;
        CHECKI(hx_get_iterator(realm, TOP, &it));
        sp[-1] = it.iterator;
        PUSH(it.next_method);
        PUSH(HX_FALSE);
        DISPATCH();
    }
    CASE(iter_value) {
        /* it nx dn -> it nx dn value; done set before next() so a throw leaves it closed */
        if (sp[-1] == HX_TRUE) {
            PUSH(HX_UNDEFINED);
            DISPATCH();
        }
        sp[-1] = HX_TRUE;
        hx_iter it = {sp[-3], sp[-2], false};
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        CHECKI(r);
        if (r) {
            sp[-1] = HX_FALSE;
            PUSH(v);
        } else
            PUSH(HX_UNDEFINED);
        DISPATCH();
    }
    CASE(for_of_next) {
        int32_t off = I32(pc);
        pc += 4;
        hx_iter it = {sp[-3], sp[-2], false};
        hx_value v;
        sp[-1] = HX_TRUE;
        int r = hx_iter_step(realm, &it, &v);
        CHECKI(r);
        if (!r) {
            sp -= 3;
            pc += off;
            DISPATCH();
        }
        sp[-1] = HX_FALSE;
        PUSH(v);
        DISPATCH();
    }
    CASE(iter_close) {
        if (sp[-1] != HX_TRUE) {
            hx_iter it = {sp[-3], sp[-2], false};
            hx_value r = hx_iter_close(realm, &it, HX_UNDEFINED);
            CHECK(r);
        }
        sp -= 3;
        DISPATCH();
    }
    CASE(iter_close_throw) {
        hx_value exc = POP();
        if (sp[-1] != HX_TRUE) {
            hx_iter it = {sp[-3], sp[-2], false};
            hx_throw(realm, exc);
            hx_iter_close(realm, &it, HX_EXCEPTION);
            if (rt->interrupted) goto exception;
        }
        sp -= 3;
        hx_throw(realm, exc);
        goto exception;
    }
    CASE(iter_rest) {
        hx_value arr = hx_array_new(realm, 0);
        CHECK(arr);
        PUSH(arr);
        while (sp[-2] != HX_TRUE) {
            sp[-2] = HX_TRUE;
            hx_iter it = {sp[-4], sp[-3], false};
            hx_value v;
            int r = hx_iter_step(realm, &it, &v);
            CHECKI(r);
            if (!r) break;
            sp[-2] = HX_FALSE;
            CHECKI(hx_array_push(realm, hx_as_object(arr), v));
        }
        DISPATCH();
    }
    CASE(for_in_start) {
        hx_value e = hx_for_in_start(realm, TOP);
        CHECK(e);
        TOP = e;
        DISPATCH();
    }
    CASE(for_in_next) {
        int32_t off = I32(pc);
        pc += 4;
        hx_value key;
        int r = hx_for_in_next(realm, hx_as_object(TOP), &key);
        CHECKI(r);
        if (!r) {
            pc += off;
            DISPATCH();
        }
        PUSH(key);
        DISPATCH();
    }
    CASE(arguments) {
        uint8_t mapped = *pc++;
        hx_value a = hx_create_arguments(realm, f, mapped ? TOP : HX_UNDEFINED);
        CHECK(a);
        if (mapped) TOP = a;
        else PUSH(a);
        DISPATCH();
    }
    CASE(rest) {
        uint16_t from = U16(pc);
        pc += 2;
        uint32_t n = f->argc > from ? f->argc - from : 0;
        hx_value a = hx_array_from(realm, f->argv + from, n);
        CHECK(a);
        PUSH(a);
        DISPATCH();
    }
    CASE(initial_yield) {
        if (f->flags & HX_FRAME_GENERATOR_START) {
            /* the prologue is done: create the generator object and suspend */
            hx_value proto = hx_get(realm, hx_object_value(f->callee), HX_ATOM(rt, prototype));
            CHECK(proto);
            if (!hx_is_object(proto)) proto = f->callee->u.closure.realm->intrinsics[HX_INTR_GeneratorPrototype];
            hx_object *gen = hx_object_new(realm, hx_as_object(proto), HX_CLASS_GENERATOR);
            if (!gen) goto exception;
            gen->u.data.slots[0] = HX_UNDEFINED;
            gen->u.data.bits = HX_GEN_SUSPENDED_START;
            f->generator = gen;
            f->flags &= ~HX_FRAME_GENERATOR_START;
            f->pc = pc;
            PUSH(hx_object_value(gen)); /* keep it rooted while saving */
            sp--;
            f->sp = sp + 1;
            if (hx_save_generator(rt, f, sp) < 0) goto exception;
            ret = hx_object_value(gen);
            hx_pop_frame(rt, f);
            hx_handles_restore(rt, handles_base);
            hx_handles_push(rt, ret);
            return ret;
        }
        DISPATCH();
    }
    CASE(yield) CASE(yield_raw) {
        bool raw = pc[-1] == HX_OPC_yield_raw;
        hx_value v = POP();
        hx_value res = raw ? v : hx_create_iter_result(realm, v, false);
        CHECK(res);
        f->pc = pc;
        PUSH(res);
        f->sp = sp;
        sp--;
        if (hx_save_generator(rt, f, sp) < 0) goto exception;
        f->generator->u.data.bits = HX_GEN_SUSPENDED_YIELD;
        hx_pop_frame(rt, f);
        hx_handles_restore(rt, handles_base);
        hx_handles_push(rt, res);
        return res;
    }
    CASE(resume_switch) {
        int32_t off = I32(pc);
        pc += 4;
        int kind = hx_get_int(POP());
        if (kind == 1) {
            hx_throw(realm, POP());
            goto exception;
        }
        if (kind == 2) pc += off;
        DISPATCH();
    }
    CASE(ystar_step) {
        int32_t off = I32(pc);
        pc += 4;
        hx_value out;
        int flag;
        CHECKI(hx_ystar_step(realm, sp, &out, &flag));
        if (flag == 2) {
            /* inner iterator done: the value of yield* */
            sp -= 5;
            PUSH(out);
            pc += off;
            DISPATCH();
        }
        sp[-2] = out;
        sp[-1] = hx_bool(flag == 1);
        DISPATCH();
    }
    CASE(await) {
        hx_throw_syntax_error(realm, "await is not supported yet (a later issue)");
        goto exception;
    }
    CASE(debugger) DISPATCH();
    CASE(nop) DISPATCH();

#if !defined(__GNUC__)
    }
#endif

do_return: {
    /* base constructors return this unless the body returned an object */
    if ((f->flags & HX_FRAME_CONSTRUCT) && !hx_is_object(ret) && !(def->flags & HX_FD_DERIVED)) ret = f->this_value;
    hx_frame *done = f;
    hx_pop_frame(rt, done);
    if (done->flags & HX_FRAME_ENTRY) {
        hx_handles_restore(rt, handles_base);
        if (hx_is_heap(ret)) hx_handles_push(rt, ret);
        return ret;
    }
    f = rt->frame;
    RELOAD();
    sp -= done->ret_pop;
    PUSH(ret);
    hx_handles_restore(rt, handles_base);
    DISPATCH();
}

exception: {
    for (;;) {
        rt->oom = false; /* out of memory is an ordinary (catchable) RangeError */
        if (!rt->interrupted) {
            uint32_t off = (uint32_t)(f->pc - f->def->code);
            hx_funcdef *d = f->def;
            for (uint32_t i = 0; i < d->handler_count; i++) {
                hx_handler *h = &d->handlers[i];
                if (off >= h->start && off < h->end) {
                    hx_value e = hx_take_exception(rt);
                    f->sp = f->stack_base + h->depth;
                    *f->sp++ = e;
                    f->pc = d->code + h->target;
                    RELOAD();
                    DISPATCH();
                }
            }
        }
        hx_frame *done = f;
        hx_pop_frame(rt, done);
        if (done->flags & HX_FRAME_ENTRY) {
            hx_handles_restore(rt, handles_base);
            return HX_EXCEPTION;
        }
        f = rt->frame;
        RELOAD();
    }
}
}
