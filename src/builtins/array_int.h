/*
 * array_int.h — helpers shared by the Array builtins (array.c: constructor,
 * statics, mutators, string conversion; array_iteration.c: callback methods,
 * searching, sorting, flattening, iterators).
 *
 * Every helper performs exactly the observable operations of the spec
 * operation it is named after (Get, HasProperty, Set, CreateDataPropertyOrThrow,
 * DeletePropertyOrThrow) and takes a shortcut through the dense element
 * array only when no user code could run or notice: see hx_array_fast_reads.
 */
#ifndef HX_BUILTINS_ARRAY_INT_H
#define HX_BUILTINS_ARRAY_INT_H

#include "vm/vm.h"

#define HX_MAX_SAFE_INTEGER 9007199254740991.0 /* 2^53 - 1 */

/* Polls the interrupt every 64K iterations of a long builtin loop. */
#define HX_ARRAY_POLL(rt, k) ((((uint64_t)(k) & 0xFFFF) == 0xFFFF) && hx_check_interrupt(rt))

/* ToString(𝔽(k)) as a property key; HX_EXCEPTION on out-of-memory. */
hx_key hx_array_index_key(hx_realm *realm, uint64_t k);

/* True when reading any index key of `o` through [[HasProperty]]/[[Get]]
 * runs no user code and sees exactly o->elems: o is a non-sparse Array and
 * no object on its prototype chain is exotic or has an index property.
 * Callers re-check it after anything that may have run user code. */
bool hx_array_fast_reads(hx_value o);

/* Reads O[k]: with skip_holes, HasProperty(O, k) then Get (returns 0 when
 * absent); without, just Get.  1 with *out set, 0 absent, -1 on throw. */
int hx_array_read(hx_realm *realm, hx_value o, uint64_t k, bool skip_holes, hx_value *out);

int hx_array_write(hx_realm *realm, hx_value o, uint64_t k, hx_value v);       /* Set(O, k, v, true) */
int hx_array_create_prop(hx_realm *realm, hx_value o, uint64_t k, hx_value v); /* CreateDataPropertyOrThrow */
int hx_array_remove(hx_realm *realm, hx_value o, uint64_t k);                  /* DeletePropertyOrThrow */
int hx_array_put_length(hx_realm *realm, hx_value o, double len);              /* Set(O, "length", len, true) */

/* ES2025 10.4.2.2 ArrayCreate(len, proto); proto NULL means %Array.prototype%.
 * RangeError when len > 2^32 - 1. */
hx_value hx_array_create(hx_realm *realm, double len, hx_object *proto);

/* ArraySpeciesCreate; *plain is set when the result is a fresh Array made
 * by ArrayCreate (no user constructor ran), so dense fills are unobservable. */
hx_value hx_array_species_create_ex(hx_realm *realm, hx_value original, double length, bool *plain);

/* ToIntegerOrInfinity(v) clamped to [0, len] the way relative indices are
 * (negative values count from len). */
int hx_array_relative_index(hx_realm *realm, hx_value v, int64_t len, int64_t *out);

/* Drops trailing holes from a dense element array. */
void hx_array_trim_holes(hx_object *a);

/* Installs the iteration, search, sort and flatten methods on Array.prototype
 * (array_iteration.c). */
int hx_array_install_iteration(hx_realm *realm, hx_object *proto);

#endif
