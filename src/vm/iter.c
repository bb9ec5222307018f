/*
 * iter.c — the iterator abstract operations of ES2025 7.4: GetIterator,
 * GetIteratorFromMethod, IteratorStepValue, IteratorClose,
 * CreateIteratorResultObject and IterableToList, used by the interpreter
 * (for-of, spread, destructuring) and by every builtin that consumes
 * iterables.
 *
 * Invariants: an hx_iter is only advanced while it->done is false; every
 * abrupt completion of next()/done/value sets it->done (the spec's
 * IteratorStepValue), so callers never close an iterator that threw.
 * None of these operations takes a shortcut that user code could observe.
 */
#include "vm/vm.h"

/* ES2025 7.4.3 GetIteratorFromMethod */
int hx_get_iterator_from_method(hx_realm *realm, hx_value obj, hx_value method, hx_iter *it) {
    it->iterator = it->next_method = HX_UNDEFINED;
    it->done = true;
    hx_value iter = hx_call(realm, method, obj, 0, NULL); /* step 1 */
    if (hx_is_exception(iter)) return -1;
    if (!hx_is_object(iter)) { /* step 2 */
        hx_throw_type_error(realm, "Result of the Symbol.iterator method is not an object");
        return -1;
    }
    hx_value next = hx_get(realm, iter, HX_ATOM(realm->rt, next)); /* step 3 */
    if (hx_is_exception(next)) return -1;
    it->iterator = iter;
    it->next_method = next;
    it->done = false;
    return 0;
}

/* ES2025 7.4.4 GetIterator (kind sync) */
int hx_get_iterator(hx_realm *realm, hx_value v, hx_iter *it) {
    it->iterator = it->next_method = HX_UNDEFINED;
    it->done = true;
    hx_value method = hx_get_method(realm, v, HX_SYMBOL(realm->rt, iterator)); /* step 2 */
    if (hx_is_exception(method)) return -1;
    if (hx_is_undefined(method)) { /* step 3 */
        hx_throw_type_error(realm, "%s is not iterable",
                            hx_is_nullish(v) ? (hx_is_null(v) ? "null" : "undefined") : "object");
        return -1;
    }
    return hx_get_iterator_from_method(realm, v, method, it); /* step 4 */
}

/* ES2025 7.4.8 IteratorNext + 7.4.9 IteratorComplete + 7.4.10 IteratorValue,
 * combined as 7.4.13 IteratorStepValue.  Returns 1 with *value set, 0 when
 * the iterator is done, -1 on throw; it->done is set in the last two cases
 * (and on a throw, as the spec's IteratorStepValue does). */
int hx_iter_step(hx_realm *realm, hx_iter *it, hx_value *value) {
    hx_runtime *rt = realm->rt;
    if (it->next_method == HX_INTR(realm, ArrayIteratorProto_next) && hx_is_object(it->iterator) &&
        hx_class_of(hx_as_object(it->iterator)) == HX_CLASS_ARRAY_ITERATOR) {
        /* The unmodified %ArrayIteratorPrototype%.next would return a fresh
         * result object whose own "done"/"value" reads run no code: take the
         * step without building it. */
        int r = hx_array_iterator_step(realm, hx_as_object(it->iterator), value);
        if (r <= 0) it->done = true;
        return r;
    }
    hx_value result = hx_call(realm, it->next_method, it->iterator, 0, NULL);
    if (hx_is_exception(result)) goto fail;
    if (!hx_is_object(result)) {
        hx_throw_type_error(realm, "Iterator result is not an object");
        goto fail;
    }
    hx_value done = hx_get(realm, result, HX_ATOM(rt, done));
    if (hx_is_exception(done)) goto fail;
    if (hx_to_boolean(done)) {
        it->done = true;
        return 0;
    }
    hx_value v = hx_get(realm, result, HX_ATOM(rt, value));
    if (hx_is_exception(v)) goto fail;
    *value = v;
    return 1;
fail:
    it->done = true;
    return -1;
}

/* ES2025 7.4.7 IteratorStep: advances without reading "value" (used where
 * the spec discards the value, e.g. Iterator.prototype.drop). */
int hx_iter_step_no_value(hx_realm *realm, hx_iter *it) {
    hx_value result = hx_call(realm, it->next_method, it->iterator, 0, NULL);
    if (hx_is_exception(result)) goto fail;
    if (!hx_is_object(result)) {
        hx_throw_type_error(realm, "Iterator result is not an object");
        goto fail;
    }
    hx_value done = hx_get(realm, result, HX_ATOM(realm->rt, done));
    if (hx_is_exception(done)) goto fail;
    if (hx_to_boolean(done)) {
        it->done = true;
        return 0;
    }
    return 1;
fail:
    it->done = true;
    return -1;
}

/* ES2025 7.4.11 IteratorClose.  `completion` is the value of a normal (or
 * return) completion, or HX_EXCEPTION for a throw completion whose value is
 * the pending exception: that exception is kept and anything `return` does
 * (throwing, returning a non-object) is ignored.  For other completions the
 * result is `completion`, or HX_EXCEPTION when `return` threw or returned a
 * non-object. */
hx_value hx_iter_close(hx_realm *realm, hx_iter *it, hx_value completion) {
    hx_runtime *rt = realm->rt;
    hx_value iter = it->iterator;
    if (hx_is_exception(completion)) {
        /* An interrupt (or out-of-memory) must not run more JavaScript. */
        if (rt->interrupted || rt->oom || !hx_is_object(iter)) return HX_EXCEPTION;
        hx_value saved = hx_take_exception(rt); /* step 5: the throw completion wins */
        hx_value ret = hx_get_method(realm, iter, HX_ATOM(rt, return_)); /* step 3 */
        if (!hx_is_exception(ret) && !hx_is_undefined(ret))
            ret = hx_call(realm, ret, iter, 0, NULL); /* step 4.c */
        if (hx_is_exception(ret) && (rt->interrupted || rt->oom)) return HX_EXCEPTION;
        hx_take_exception(rt);
        return hx_throw(realm, saved);
    }
    hx_value ret = hx_get_method(realm, iter, HX_ATOM(rt, return_)); /* step 3 */
    if (hx_is_exception(ret)) return ret;                            /* step 6 */
    if (hx_is_undefined(ret)) return completion;                     /* step 4.b */
    hx_value inner = hx_call(realm, ret, iter, 0, NULL);             /* step 4.c */
    if (hx_is_exception(inner)) return inner;                        /* step 6 */
    if (!hx_is_object(inner))                                        /* step 7 */
        return hx_throw_type_error(realm, "Iterator result is not an object");
    return completion; /* step 8 */
}

/* ES2025 7.4.14 CreateIteratorResultObject.  Every result shares one shape
 * ({value, done} on %Object.prototype%), cached on the realm; the two slots
 * of a transition shape are 0 and 1 in property order. */
hx_value hx_create_iter_result(hx_realm *realm, hx_value value, bool done) {
    hx_runtime *rt = realm->rt;
    hx_shape *sh = realm->iter_result_shape;
    if (!sh) {
        hx_shape *root = hx_shape_root(rt, HX_INTR_OBJ(realm, ObjectPrototype));
        if (!root) return HX_EXCEPTION;
        hx_shape *s1 = hx_shape_add(rt, root, HX_ATOM(rt, value), HX_PROP_DEFAULT);
        if (!s1) return HX_EXCEPTION;
        sh = hx_shape_add(rt, s1, HX_ATOM(rt, done), HX_PROP_DEFAULT);
        if (!sh) return HX_EXCEPTION;
        HX_WRITE(realm->iter_result_shape, sh);
    }
    hx_object *o = hx_object_new_shape(rt, sh, HX_CLASS_OBJECT);
    if (!o) return HX_EXCEPTION;
    HX_WRITE(o->slots[0], value);
    o->slots[1] = hx_bool(done);
    return hx_object_value(o);
}

/* ES2025 7.4.15 IteratorToList over GetIterator(iterable, sync) (the
 * IterableToList of 7.4.16 with no method), returned as a fresh Array. */
hx_value hx_iterable_to_list(hx_realm *realm, hx_value iterable) {
    hx_runtime *rt = realm->rt;
    hx_iter it;
    if (hx_get_iterator(realm, iterable, &it) < 0) return HX_EXCEPTION;
    hx_value arr = hx_array_new(realm, 0);
    if (hx_is_exception(arr)) return arr;
    hx_object *a = hx_as_object(arr);
    size_t mark = hx_handles_save(rt);
    for (;;) {
        hx_handles_restore(rt, mark);
        hx_value v;
        int r = hx_iter_step(realm, &it, &v);
        if (r < 0) return HX_EXCEPTION;
        if (r == 0) break;
        if (hx_array_push(realm, a, v) < 0) return HX_EXCEPTION;
    }
    hx_handles_restore(rt, mark);
    return arr;
}
