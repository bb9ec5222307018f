/*
 * init.h — the initialisers of the builtin families, one per file in
 * src/builtins/, called by hx_realm_new (src/vm/realm.c) in the order
 * listed there.  Each creates its constructors and prototypes, records
 * them in realm->intrinsics, and defines its global bindings.  Returns 0,
 * or -1 with an exception pending (out of memory).
 *
 * A family not linked in yet is skipped (weak references), so the engine
 * builds while families are being written.
 */
#ifndef HX_BUILTINS_INIT_H
#define HX_BUILTINS_INIT_H

#include "vm/vm.h"

#define HX_BUILTIN_FAMILIES(X)                                                                 \
    X(object)    /* Object, Object.prototype */                                               \
    X(function)  /* Function, Function.prototype */                                           \
    X(symbol)    /* Symbol, Symbol.prototype */                                               \
    X(error)     /* Error and the NativeErrors, AggregateError */                             \
    X(iterator)  /* %IteratorPrototype%, Iterator, iterator helpers, %ArrayIteratorPrototype% */ \
    X(array)     /* Array, Array.prototype */                                                 \
    X(string)    /* String, String.prototype, %StringIteratorPrototype% */                    \
    X(boolean)                                                                                \
    X(number)                                                                                 \
    X(bigint)                                                                                 \
    X(math)                                                                                   \
    X(json)                                                                                   \
    X(reflect)                                                                                \
    X(generator) /* GeneratorFunction, %GeneratorPrototype% */                                \
    X(regexp)                                                                                 \
    X(date)                                                                                   \
    X(collections) /* Map, Set, WeakMap, WeakSet */                                           \
    X(promise)                                                                                \
    X(proxy)                                                                                  \
    X(typedarray) /* ArrayBuffer, SharedArrayBuffer, DataView, typed arrays */               \
    X(weakref)   /* WeakRef, FinalizationRegistry */                                          \
    X(global)    /* globalThis, parseInt, parseFloat, isNaN, URI functions, print, console */ \
    X(eval)      /* the global eval function */

#define HX_X(name) int hx_init_##name(hx_realm *realm);
HX_BUILTIN_FAMILIES(HX_X)
#undef HX_X

#endif
