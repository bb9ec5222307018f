/*
 * iterator.c — %IteratorPrototype%, the Iterator constructor and
 * Iterator.from with %WrapForValidIteratorPrototype%, the iterator helpers
 * (ES2025 27.1), and %ArrayIteratorPrototype% (ES2025 23.1.5).
 *
 * The spec defines iterator helpers and array iterators as generators
 * (CreateIteratorFromClosure).  Here each is a small state machine in C over
 * the object's class data, with the generator states of 27.5: a helper is
 * suspended-start, suspended-yield, executing or completed, and next/return
 * while executing throw a TypeError exactly as GeneratorValidate does.
 *
 * Class data (u.data; the slots are traced as values by the class's GC hook):
 *  HX_CLASS_ITERATOR_HELPER    slots[0] underlying iterator, [1] its next
 *                              method, [2] the callback (map/filter/flatMap),
 *                              [3] flatMap's inner iterator record (an
 *                              internal HX_CLASS_WRAP_FOR_VALID_ITERATOR
 *                              object) or undefined; bits = kind | state << 3
 *                              | counter << 8 (counter: calls made, or the
 *                              remaining limit of take/drop).
 *  HX_CLASS_WRAP_FOR_VALID_ITERATOR  slots[0] iterator, [1] next method.
 *  HX_CLASS_ARRAY_ITERATOR     slots[0] iterated object (undefined once
 *                              exhausted), [1] kind, [2] true while running;
 *                              bits = next index.
 */
#include <math.h>
#include "vm/vm.h"

#define FN_ARGS hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value new_target, int magic

/* ---- shared helpers --------------------------------------------------------- */

static hx_value close_with_type_error(hx_realm *realm, hx_iter *it, const char *msg) {
    hx_throw_type_error(realm, "%s", msg);
    return hx_iter_close(realm, it, HX_EXCEPTION);
}

static hx_value close_with_range_error(hx_realm *realm, hx_iter *it, const char *msg) {
    hx_throw_range_error(realm, "%s", msg);
    return hx_iter_close(realm, it, HX_EXCEPTION);
}

/* IfAbruptCloseIterator for a pending throw: closes `it`, keeps the exception. */
static int close_throw(hx_realm *realm, hx_iter *it) {
    hx_iter_close(realm, it, HX_EXCEPTION);
    return -1;
}

/* ES2025 7.4.2 GetIteratorDirect */
static int get_iterator_direct(hx_realm *realm, hx_value obj, hx_iter *it) {
    hx_value next = hx_get(realm, obj, HX_ATOM(realm->rt, next));
    if (hx_is_exception(next)) return -1;
    it->iterator = obj;
    it->next_method = next;
    it->done = false;
    return 0;
}

/* ES2025 7.4.6 GetIteratorFlattenable; strings: iterate-string-primitives. */
static int get_iterator_flattenable(hx_realm *realm, hx_value obj, bool strings, hx_iter *it) {
    if (!hx_is_object(obj) && !(strings && hx_is_string(obj))) {
        hx_throw_type_error(realm, "%s is not an object", strings ? "value" : "flatMap result");
        return -1;
    }
    hx_value method = hx_get_method(realm, obj, HX_SYMBOL(realm->rt, iterator));
    if (hx_is_exception(method)) return -1;
    hx_value iter = obj;
    if (!hx_is_undefined(method)) {
        iter = hx_call(realm, method, obj, 0, NULL);
        if (hx_is_exception(iter)) return -1;
    }
    if (!hx_is_object(iter)) {
        hx_throw_type_error(realm, "iterator is not an object");
        return -1;
    }
    return get_iterator_direct(realm, iter, it);
}

/* ---- %IteratorPrototype% and Iterator ------------------------------------------ */

/* ES2025 27.1.4.13 %Iterator.prototype% [ %Symbol.iterator% ] () */
static hx_value iterator_proto_iterator(FN_ARGS) { return this_value; }

/* ES2025 27.1.3.1 Iterator ( ) */
static hx_value iterator_ctor(FN_ARGS) {
    hx_object *self = hx_current_native(realm->rt);
    if (hx_is_undefined(new_target) || (self && hx_is_object(new_target) && hx_as_object(new_target) == self))
        return hx_throw_type_error(realm, "Iterator cannot be constructed directly");
    return hx_ordinary_create_from_constructor(realm, new_target, HX_INTR_IteratorPrototype, HX_CLASS_OBJECT);
}

/* ES2025 27.1.4.14.1 SetterThatIgnoresPrototypeProperties */
static hx_value setter_ignoring_proto(hx_realm *realm, hx_value this_value, hx_key p, hx_value v) {
    if (!hx_is_object(this_value)) return hx_throw_type_error(realm, "setter called on non-object");
    hx_object *o = hx_as_object(this_value);
    if (o == HX_INTR_OBJ(realm, IteratorPrototype))
        return hx_throw_type_error(realm, "Cannot assign to this property of Iterator.prototype");
    hx_desc d;
    int has = hx_get_own_property(realm, o, p, &d);
    if (has < 0) return HX_EXCEPTION;
    if (!has) {
        if (hx_create_data_property_or_throw(realm, o, p, v) < 0) return HX_EXCEPTION;
    } else if (hx_set(realm, this_value, p, v, true) < 0)
        return HX_EXCEPTION;
    return HX_UNDEFINED;
}

/* ES2025 27.1.4.1 get/set Iterator.prototype.constructor */
static hx_value iterator_proto_get_constructor(FN_ARGS) { return HX_INTR(realm, Iterator); }
static hx_value iterator_proto_set_constructor(FN_ARGS) {
    return setter_ignoring_proto(realm, this_value, HX_ATOM(realm->rt, constructor), HX_ARG(0));
}

/* ES2025 27.1.4.14 get/set Iterator.prototype [ %Symbol.toStringTag% ] */
static hx_value iterator_proto_get_tag(FN_ARGS) { return hx_string_from_cstr(realm->rt, "Iterator"); }
static hx_value iterator_proto_set_tag(FN_ARGS) {
    return setter_ignoring_proto(realm, this_value, HX_SYMBOL(realm->rt, toStringTag), HX_ARG(0));
}

/* ---- Iterator.from and %WrapForValidIteratorPrototype% ------------------------ */

/* ES2025 27.1.3.2.1 Iterator.from ( O ) */
static hx_value iterator_from(FN_ARGS) {
    hx_iter it;
    if (get_iterator_flattenable(realm, HX_ARG(0), true, &it) < 0) return HX_EXCEPTION;
    int inst = hx_ordinary_has_instance(realm, HX_INTR(realm, Iterator), it.iterator);
    if (inst < 0) return HX_EXCEPTION;
    if (inst) return it.iterator;
    hx_object *w = hx_object_new(realm, HX_INTR_OBJ(realm, WrapForValidIteratorPrototype),
                                 HX_CLASS_WRAP_FOR_VALID_ITERATOR);
    if (!w) return HX_EXCEPTION;
    HX_WRITE(w->u.data.slots[0], it.iterator);
    HX_WRITE(w->u.data.slots[1], it.next_method);
    w->u.data.slots[2] = w->u.data.slots[3] = HX_UNDEFINED;
    return hx_object_value(w);
}

static hx_object *this_wrapper(hx_realm *realm, hx_value this_value) {
    if (hx_is_object(this_value) && hx_class_of(hx_as_object(this_value)) == HX_CLASS_WRAP_FOR_VALID_ITERATOR &&
        hx_is_object(hx_as_object(this_value)->u.data.slots[0]))
        return hx_as_object(this_value);
    hx_throw_type_error(realm, "not a wrapped iterator (Iterator.from)");
    return NULL;
}

/* ES2025 27.1.3.2.1.1.1 %WrapForValidIteratorPrototype%.next ( ) */
static hx_value wrap_next(FN_ARGS) {
    hx_object *w = this_wrapper(realm, this_value);
    if (!w) return HX_EXCEPTION;
    return hx_call(realm, w->u.data.slots[1], w->u.data.slots[0], 0, NULL);
}

/* ES2025 27.1.3.2.1.1.2 %WrapForValidIteratorPrototype%.return ( ) */
static hx_value wrap_return(FN_ARGS) {
    hx_object *w = this_wrapper(realm, this_value);
    if (!w) return HX_EXCEPTION;
    hx_value iter = w->u.data.slots[0];
    hx_value ret = hx_get_method(realm, iter, HX_ATOM(realm->rt, return_));
    if (hx_is_exception(ret)) return ret;
    if (hx_is_undefined(ret)) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    return hx_call(realm, ret, iter, 0, NULL);
}

/* ---- iterator helpers (ES2025 27.1.2.1 %IteratorHelperPrototype%) -------------- */

enum { H_MAP, H_FILTER, H_TAKE, H_DROP, H_FLATMAP };
enum { S_START, S_YIELD, S_RUNNING, S_DONE };
#define H_INFINITE ((uint64_t)1 << 54) /* take/drop limit +Infinity (limits are <= 2^53-1) */

static int h_kind(hx_object *h) { return (int)(h->u.data.bits & 7); }
static int h_state(hx_object *h) { return (int)((h->u.data.bits >> 3) & 3); }
static uint64_t h_count(hx_object *h) { return h->u.data.bits >> 8; }
static void h_set_state(hx_object *h, int s) { h->u.data.bits = (h->u.data.bits & ~(uint64_t)0x18) | (uint64_t)s << 3; }
static void h_set_count(hx_object *h, uint64_t c) { h->u.data.bits = (h->u.data.bits & 0xFF) | c << 8; }

static hx_iter h_underlying(hx_object *h) {
    hx_iter it = {h->u.data.slots[0], h->u.data.slots[1], false};
    return it;
}

static hx_object *make_helper(hx_realm *realm, const hx_iter *it, int kind, hx_value fn, uint64_t count) {
    hx_object *h = hx_object_new(realm, HX_INTR_OBJ(realm, IteratorHelperPrototype), HX_CLASS_ITERATOR_HELPER);
    if (!h) return NULL;
    HX_WRITE(h->u.data.slots[0], it->iterator);
    HX_WRITE(h->u.data.slots[1], it->next_method);
    HX_WRITE(h->u.data.slots[2], fn);
    h->u.data.slots[3] = HX_UNDEFINED;
    h->u.data.bits = (uint64_t)kind | (uint64_t)S_START << 3 | count << 8;
    return h;
}

/* Runs a helper's closure to its next Yield.  Returns 1 with *out set,
 * 0 when the closure returned, -1 on throw (the underlying iterator has
 * been closed where the spec says IfAbruptCloseIterator). */
static int helper_run(hx_realm *realm, hx_object *h, hx_value *out) {
    hx_runtime *rt = realm->rt;
    hx_iter it = h_underlying(h);
    hx_value fn = h->u.data.slots[2];
    switch (h_kind(h)) {
    case H_MAP: { /* ES2025 27.1.4.8 step 6 */
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r <= 0) return r;
        hx_value args[2] = {v, hx_number((double)h_count(h))};
        hx_value mapped = hx_call(realm, fn, HX_UNDEFINED, 2, args);
        if (hx_is_exception(mapped)) return close_throw(realm, &it);
        h_set_count(h, h_count(h) + 1);
        *out = mapped;
        return 1;
    }
    case H_FILTER: /* ES2025 27.1.4.5 step 6 */
        for (;;) {
            hx_value v;
            int r = hx_iter_step(realm, &it, &v);
            if (r <= 0) return r;
            hx_value args[2] = {v, hx_number((double)h_count(h))};
            hx_value sel = hx_call(realm, fn, HX_UNDEFINED, 2, args);
            if (hx_is_exception(sel)) return close_throw(realm, &it);
            h_set_count(h, h_count(h) + 1);
            if (hx_to_boolean(sel)) {
                *out = v;
                return 1;
            }
            if (hx_check_interrupt(rt)) return -1;
        }
    case H_TAKE: { /* ES2025 27.1.4.11 step 10 */
        uint64_t remaining = h_count(h);
        if (remaining == 0)
            return hx_is_exception(hx_iter_close(realm, &it, HX_UNDEFINED)) ? -1 : 0;
        if (remaining != H_INFINITE) h_set_count(h, remaining - 1);
        return hx_iter_step(realm, &it, out);
    }
    case H_DROP: { /* ES2025 27.1.4.2 step 10 */
        uint64_t remaining = h_count(h);
        while (remaining > 0) {
            if (remaining != H_INFINITE) h_set_count(h, --remaining);
            int r = hx_iter_step_no_value(realm, &it);
            if (r <= 0) return r;
            if (hx_check_interrupt(rt)) return -1;
        }
        return hx_iter_step(realm, &it, out);
    }
    case H_FLATMAP: /* ES2025 27.1.4.7 step 6 */
        for (;;) {
            hx_value rec = h->u.data.slots[3];
            if (hx_is_object(rec)) {
                hx_object *ro = hx_as_object(rec);
                hx_iter inner = {ro->u.data.slots[0], ro->u.data.slots[1], false};
                int r = hx_iter_step(realm, &inner, out);
                if (r < 0) return close_throw(realm, &it);
                if (r > 0) return 1;
                h->u.data.slots[3] = HX_UNDEFINED; /* innerAlive = false */
                continue;
            }
            hx_value v;
            int r = hx_iter_step(realm, &it, &v);
            if (r <= 0) return r;
            hx_value args[2] = {v, hx_number((double)h_count(h))};
            hx_value mapped = hx_call(realm, fn, HX_UNDEFINED, 2, args);
            if (hx_is_exception(mapped)) return close_throw(realm, &it);
            hx_iter inner;
            if (get_iterator_flattenable(realm, mapped, false, &inner) < 0)
                return close_throw(realm, &it);
            hx_object *ro = hx_object_new(realm, NULL, HX_CLASS_WRAP_FOR_VALID_ITERATOR);
            if (!ro) return -1;
            HX_WRITE(ro->u.data.slots[0], inner.iterator);
            HX_WRITE(ro->u.data.slots[1], inner.next_method);
            ro->u.data.slots[2] = ro->u.data.slots[3] = HX_UNDEFINED;
            HX_WRITE(h->u.data.slots[3], hx_object_value(ro));
            h_set_count(h, h_count(h) + 1);
            if (hx_check_interrupt(rt)) return -1;
        }
    }
    return 0;
}

static hx_object *this_helper(hx_realm *realm, hx_value this_value) {
    if (hx_is_object(this_value) && hx_class_of(hx_as_object(this_value)) == HX_CLASS_ITERATOR_HELPER)
        return hx_as_object(this_value);
    hx_throw_type_error(realm, "not an Iterator Helper object");
    return NULL;
}

/* ES2025 27.1.2.1.1 %IteratorHelperPrototype%.next ( ): GeneratorResume */
static hx_value helper_next(FN_ARGS) {
    hx_object *h = this_helper(realm, this_value);
    if (!h) return HX_EXCEPTION;
    int st = h_state(h);
    if (st == S_RUNNING) return hx_throw_type_error(realm, "Iterator Helper is already running");
    if (st == S_DONE) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    h_set_state(h, S_RUNNING);
    hx_value v = HX_UNDEFINED;
    int r = helper_run(realm, h, &v);
    if (r <= 0) {
        h_set_state(h, S_DONE);
        h->u.data.slots[3] = HX_UNDEFINED;
        return r < 0 ? HX_EXCEPTION : hx_create_iter_result(realm, HX_UNDEFINED, true);
    }
    h_set_state(h, S_YIELD);
    return hx_create_iter_result(realm, v, false);
}

/* ES2025 27.1.2.1.2 %IteratorHelperPrototype%.return ( ) */
static hx_value helper_return(FN_ARGS) {
    hx_object *h = this_helper(realm, this_value);
    if (!h) return HX_EXCEPTION;
    hx_iter it = h_underlying(h);
    int st = h_state(h);
    if (st == S_START) { /* step 4 */
        h_set_state(h, S_DONE);
        if (hx_is_exception(hx_iter_close(realm, &it, HX_UNDEFINED))) return HX_EXCEPTION;
        return hx_create_iter_result(realm, HX_UNDEFINED, true);
    }
    /* step 6: GeneratorResumeAbrupt with a return completion */
    if (st == S_RUNNING) return hx_throw_type_error(realm, "Iterator Helper is already running");
    if (st == S_DONE) return hx_create_iter_result(realm, HX_UNDEFINED, true);
    h_set_state(h, S_RUNNING);
    hx_value rec = h->u.data.slots[3];
    hx_value r = HX_UNDEFINED;
    if (hx_is_object(rec)) {
        /* flatMap suspended inside an inner iterator: close it first, then the
         * underlying one with the same completion (27.1.4.7 step 6.b.viii.4) */
        hx_object *ro = hx_as_object(rec);
        hx_iter inner = {ro->u.data.slots[0], ro->u.data.slots[1], false};
        r = hx_iter_close(realm, &inner, HX_UNDEFINED);
    }
    r = hx_iter_close(realm, &it, hx_is_exception(r) ? HX_EXCEPTION : HX_UNDEFINED);
    h_set_state(h, S_DONE);
    h->u.data.slots[3] = HX_UNDEFINED;
    if (hx_is_exception(r)) return r;
    return hx_create_iter_result(realm, HX_UNDEFINED, true);
}

/* Steps 1-5 shared by map, filter and flatMap: this must be an object, the
 * callback callable (else the receiver is closed), then GetIteratorDirect. */
static int helper_prologue(hx_realm *realm, hx_value this_value, hx_value fn, hx_iter *it) {
    if (!hx_is_object(this_value)) {
        hx_throw_type_error(realm, "Iterator.prototype method called on non-object");
        return -1;
    }
    hx_iter recv = {this_value, HX_UNDEFINED, false};
    if (!hx_is_callable(fn)) {
        close_with_type_error(realm, &recv, "callback is not a function");
        return -1;
    }
    return get_iterator_direct(realm, this_value, it);
}

/* ES2025 27.1.4.8 map, 27.1.4.5 filter, 27.1.4.7 flatMap */
static hx_value iterator_proto_callback_helper(FN_ARGS) {
    hx_iter it;
    if (helper_prologue(realm, this_value, HX_ARG(0), &it) < 0) return HX_EXCEPTION;
    hx_object *h = make_helper(realm, &it, magic, HX_ARG(0), 0);
    return h ? hx_object_value(h) : HX_EXCEPTION;
}

/* ES2025 27.1.4.11 take (magic H_TAKE) and 27.1.4.2 drop (magic H_DROP), steps 1-9 */
static hx_value iterator_proto_limit_helper(FN_ARGS) {
    if (!hx_is_object(this_value)) return hx_throw_type_error(realm, "Iterator.prototype method called on non-object");
    hx_iter recv = {this_value, HX_UNDEFINED, false};
    double num;
    if (hx_to_number(realm, HX_ARG(0), &num) < 0) return hx_iter_close(realm, &recv, HX_EXCEPTION);
    if (isnan(num)) return close_with_range_error(realm, &recv, "limit must be a number");
    if (isfinite(num) && num > 9007199254740991.0) return close_with_range_error(realm, &recv, "limit is too large");
    double lim = isfinite(num) ? trunc(num) : num;
    if (lim < 0) return close_with_range_error(realm, &recv, "limit must not be negative");
    hx_iter it;
    if (get_iterator_direct(realm, this_value, &it) < 0) return HX_EXCEPTION;
    hx_object *h = make_helper(realm, &it, magic, HX_UNDEFINED, isinf(lim) ? H_INFINITE : (uint64_t)lim);
    return h ? hx_object_value(h) : HX_EXCEPTION;
}

/* ---- eager iterator methods ---------------------------------------------------- */

/* ES2025 27.1.4.9 reduce */
static hx_value iterator_proto_reduce(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_iter it;
    hx_value fn = HX_ARG(0);
    if (helper_prologue(realm, this_value, fn, &it) < 0) return HX_EXCEPTION;
    hx_value acc;
    double counter;
    if (argc < 2) {
        int r = hx_iter_step(realm, &it, &acc);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return hx_throw_type_error(realm, "Reduce of empty iterator with no initial value");
        counter = 1;
    } else {
        acc = argv[1];
        counter = 0;
    }
    size_t mark = hx_handles_save(rt);
    for (;; counter++) {
        hx_handles_restore(rt, mark);
        if (hx_is_heap(acc)) hx_handles_push(rt, acc);
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return acc;
        hx_value args[3] = {acc, v, hx_number(counter)};
        acc = hx_call(realm, fn, HX_UNDEFINED, 3, args);
        if (hx_is_exception(acc)) return hx_iter_close(realm, &it, HX_EXCEPTION);
    }
}

/* ES2025 27.1.4.12 toArray */
static hx_value iterator_proto_to_array(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    if (!hx_is_object(this_value)) return hx_throw_type_error(realm, "Iterator.prototype.toArray called on non-object");
    hx_iter it;
    if (get_iterator_direct(realm, this_value, &it) < 0) return HX_EXCEPTION;
    hx_value arr = hx_array_new(realm, 0);
    if (hx_is_exception(arr)) return arr;
    size_t mark = hx_handles_save(rt);
    for (;;) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return arr;
        if (hx_array_push(realm, hx_as_object(arr), v) < 0) return HX_EXCEPTION;
    }
}

enum { E_FOREACH, E_SOME, E_EVERY, E_FIND };

/* ES2025 27.1.4.6 forEach, 27.1.4.10 some, 27.1.4.3 every, 27.1.4.4 find */
static hx_value iterator_proto_eager(FN_ARGS) {
    hx_runtime *rt = realm->rt;
    hx_iter it;
    hx_value fn = HX_ARG(0);
    if (helper_prologue(realm, this_value, fn, &it) < 0) return HX_EXCEPTION;
    size_t mark = hx_handles_save(rt);
    for (double counter = 0;; counter++) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) return magic == E_SOME ? HX_FALSE : magic == E_EVERY ? HX_TRUE : HX_UNDEFINED;
        hx_value args[2] = {v, hx_number(counter)};
        hx_value res = hx_call(realm, fn, HX_UNDEFINED, 2, args);
        if (hx_is_exception(res)) return hx_iter_close(realm, &it, HX_EXCEPTION);
        bool b = hx_to_boolean(res);
        if (magic == E_SOME && b) return hx_iter_close(realm, &it, HX_TRUE);
        if (magic == E_EVERY && !b) return hx_iter_close(realm, &it, HX_FALSE);
        if (magic == E_FIND && b) return hx_iter_close(realm, &it, v);
    }
}

/* ---- %ArrayIteratorPrototype% (ES2025 23.1.5) ---------------------------------------- */

/* ES2025 23.1.5.1 CreateArrayIterator */
hx_value hx_create_array_iterator(hx_realm *realm, hx_value obj, int kind) {
    hx_object *it = hx_object_new(realm, HX_INTR_OBJ(realm, ArrayIteratorPrototype), HX_CLASS_ARRAY_ITERATOR);
    if (!it) return HX_EXCEPTION;
    HX_WRITE(it->u.data.slots[0], obj);
    it->u.data.slots[1] = hx_int(kind);
    it->u.data.slots[2] = HX_FALSE;
    it->u.data.slots[3] = HX_UNDEFINED;
    it->u.data.bits = 0;
    return hx_object_value(it);
}

/* One step of the CreateArrayIterator closure (23.1.5.1 step 1.b). */
static int array_iter_step(hx_realm *realm, hx_object *it, hx_value *out) {
    hx_value a = it->u.data.slots[0];
    uint64_t index = it->u.data.bits;
    int64_t len;
    if (hx_is_array_obj(a)) len = hx_as_object(a)->u.array.length;
    else if (hx_class_of(hx_as_object(a)) == HX_CLASS_TYPED_ARRAY)
        len = hx_typed_array_length_or_throw(realm, hx_as_object(a)); /* step 1.b.i */
    else
        len = hx_length_of(realm, a); /* step 1.b.ii */
    if (len < 0) return -1;
    if (index >= (uint64_t)len) return 0;
    it->u.data.bits = index + 1;
    int kind = hx_get_int(it->u.data.slots[1]);
    hx_value num = hx_number((double)index);
    if (kind == 0) {
        *out = num;
        return 1;
    }
    hx_value v;
    hx_object *ao = hx_is_object(a) ? hx_as_object(a) : NULL;
    if (ao && hx_class_of(ao) == HX_CLASS_ARRAY && !(ao->hdr.flags & HX_OBJ_SPARSE) && index < ao->elem_len &&
        ao->elems[index] != HX_HOLE)
        v = ao->elems[index]; /* an own data property: [[Get]] runs no code */
    else {
        hx_key key;
        if (index < 0xFFFFFFFFull) key = hx_index_key((uint32_t)index);
        else {
            hx_value s = hx_number_to_string_value(realm->rt, (double)index);
            if (hx_is_exception(s)) return -1;
            key = hx_key_from_string(realm->rt, s);
            if (hx_is_exception(key)) return -1;
        }
        v = hx_get(realm, a, key);
        if (hx_is_exception(v)) return -1;
    }
    if (kind == 1) {
        *out = v;
        return 1;
    }
    hx_value pair[2] = {num, v};
    *out = hx_array_from(realm, pair, 2);
    return hx_is_exception(*out) ? -1 : 1;
}

/* The body of %ArrayIteratorPrototype%.next without the result object: 1 with
 * *out set, 0 when done, -1 on throw.  hx_iter_step calls it directly for
 * an unmodified next, whose fresh result object nobody else could see. */
int hx_array_iterator_step(hx_realm *realm, hx_object *it, hx_value *out) {
    if (it->u.data.slots[2] == HX_TRUE) {
        hx_throw_type_error(realm, "Array Iterator is already running");
        return -1;
    }
    if (hx_is_undefined(it->u.data.slots[0])) return 0;
    it->u.data.slots[2] = HX_TRUE;
    int r = array_iter_step(realm, it, out);
    it->u.data.slots[2] = HX_FALSE;
    if (r <= 0) it->u.data.slots[0] = HX_UNDEFINED; /* the generator completed */
    return r;
}

/* ES2025 23.1.5.2.1 %ArrayIteratorPrototype%.next ( ) */
static hx_value array_iterator_next(FN_ARGS) {
    if (!hx_is_object(this_value) || hx_class_of(hx_as_object(this_value)) != HX_CLASS_ARRAY_ITERATOR)
        return hx_throw_type_error(realm, "not an Array Iterator");
    hx_value v = HX_UNDEFINED;
    int r = hx_array_iterator_step(realm, hx_as_object(this_value), &v);
    if (r < 0) return HX_EXCEPTION;
    return hx_create_iter_result(realm, v, r == 0);
}

/* ---- initialisation -------------------------------------------------------------- */

static const hx_builtin iterator_proto_table[] = {
    HX_SYM_FUNC("iterator", iterator_proto_iterator, 0),
    HX_FUNC_MAGIC("map", iterator_proto_callback_helper, 1, H_MAP),
    HX_FUNC_MAGIC("filter", iterator_proto_callback_helper, 1, H_FILTER),
    HX_FUNC_MAGIC("take", iterator_proto_limit_helper, 1, H_TAKE),
    HX_FUNC_MAGIC("drop", iterator_proto_limit_helper, 1, H_DROP),
    HX_FUNC_MAGIC("flatMap", iterator_proto_callback_helper, 1, H_FLATMAP),
    HX_FUNC("reduce", iterator_proto_reduce, 1),
    HX_FUNC("toArray", iterator_proto_to_array, 0),
    HX_FUNC_MAGIC("forEach", iterator_proto_eager, 1, E_FOREACH),
    HX_FUNC_MAGIC("some", iterator_proto_eager, 1, E_SOME),
    HX_FUNC_MAGIC("every", iterator_proto_eager, 1, E_EVERY),
    HX_FUNC_MAGIC("find", iterator_proto_eager, 1, E_FIND),
    HX_SYM_GETSET("toStringTag", iterator_proto_get_tag, iterator_proto_set_tag),
    HX_GETSET("constructor", iterator_proto_get_constructor, iterator_proto_set_constructor),
};

static const hx_builtin iterator_ctor_table[] = {
    HX_FUNC("from", iterator_from, 1),
};

static const hx_builtin wrap_proto_table[] = {
    HX_FUNC("next", wrap_next, 0),
    HX_FUNC("return", wrap_return, 0),
};

static const hx_builtin helper_proto_table[] = {
    HX_FUNC("next", helper_next, 0),
    HX_FUNC("return", helper_return, 0),
    HX_SYM_VALUE_S("toStringTag", "Iterator Helper", HX_PROP_CONFIGURABLE),
};

static const hx_builtin array_iter_proto_table[] = {
    HX_FUNC("next", array_iterator_next, 0),
    HX_SYM_VALUE_S("toStringTag", "Array Iterator", HX_PROP_CONFIGURABLE),
};

int hx_init_iterator(hx_realm *realm) {
    hx_runtime *rt = realm->rt;
    hx_object *op = HX_INTR_OBJ(realm, ObjectPrototype);
    hx_object *ip = hx_object_new(realm, op, HX_CLASS_OBJECT);
    if (!ip) return -1;
    realm->intrinsics[HX_INTR_IteratorPrototype] = hx_object_value(ip);
    if (HX_INSTALL(realm, ip, iterator_proto_table) < 0) return -1;

    /* Iterator: the prototype link is non-writable; "constructor" on the
     * prototype is the accessor above, not a data property. */
    hx_value ctor = hx_make_constructor(realm, iterator_ctor, "Iterator", 0, NULL, 0);
    if (hx_is_exception(ctor)) return -1;
    if (hx_define_value(realm, hx_as_object(ctor), HX_ATOM(rt, prototype), hx_object_value(ip), 0) < 0) return -1;
    realm->intrinsics[HX_INTR_Iterator] = ctor;
    if (HX_INSTALL(realm, hx_as_object(ctor), iterator_ctor_table) < 0) return -1;
    if (hx_define_global(realm, "Iterator", ctor) < 0) return -1;

    hx_object *wp = hx_object_new(realm, ip, HX_CLASS_OBJECT);
    if (!wp) return -1;
    realm->intrinsics[HX_INTR_WrapForValidIteratorPrototype] = hx_object_value(wp);
    if (HX_INSTALL(realm, wp, wrap_proto_table) < 0) return -1;

    hx_object *hp = hx_object_new(realm, ip, HX_CLASS_OBJECT);
    if (!hp) return -1;
    realm->intrinsics[HX_INTR_IteratorHelperPrototype] = hx_object_value(hp);
    if (HX_INSTALL(realm, hp, helper_proto_table) < 0) return -1;

    hx_object *ap = hx_object_new(realm, ip, HX_CLASS_OBJECT);
    if (!ap) return -1;
    realm->intrinsics[HX_INTR_ArrayIteratorPrototype] = hx_object_value(ap);
    if (HX_INSTALL(realm, ap, array_iter_proto_table) < 0) return -1;
    hx_value next = hx_get(realm, hx_object_value(ap), HX_ATOM(rt, next));
    if (hx_is_exception(next)) return -1;
    realm->intrinsics[HX_INTR_ArrayIteratorProto_next] = next;
    return 0;
}
