/*
 * regexp_int.h — helpers shared by the files of the RegExp family
 * (regexp.c: constructor, RegExpAlloc / RegExpInitialize, exec, the flag
 * getters, toString, compile, RegExp.escape; regexp_methods.c: the
 * Symbol.match / matchAll / replace / search / split methods and
 * %RegExpStringIteratorPrototype%).  Not used outside src/builtins/regexp*.c.
 *
 * A RegExp object is HX_CLASS_REGEXP with its compiled program
 * (hx_regexp_program *, src/regexp/regexp.h) in u.data.ptr (NULL until
 * RegExpInitialize succeeds), [[OriginalSource]] in u.data.slots[0],
 * [[OriginalFlags]] in u.data.slots[1], and the parsed flag bits
 * (HX_RE_*) in u.data.bits.  The program is freed by the class finaliser.
 */
#ifndef HX_BUILTINS_REGEXP_INT_H
#define HX_BUILTINS_REGEXP_INT_H

#include "vm/vm.h"
#include "regexp/regexp.h"

/* Whether v is an object with a [[RegExpMatcher]] internal slot. */
static inline bool hx_regexp_obj_is(hx_value v) {
    return hx_is_object(v) && hx_class_of(hx_as_object(v)) == HX_CLASS_REGEXP;
}

/* ES2025 22.2.7.2 RegExpBuiltinExec(R, S): the match array or null. */
hx_value hx_regexp_obj_builtin_exec(hx_realm *realm, hx_object *r, hx_value s);

/* ES2025 22.2.7.1 RegExpExec(R, S): an object or null. */
hx_value hx_regexp_obj_exec(hx_realm *realm, hx_value r, hx_value s);

/* A match of the builtin exec, before its match array is made.  Callers
 * that only read a result's own properties (length, "0".."n", index,
 * groups) may use it instead: the array would be a fresh object nobody
 * else sees.  Zero-initialise; reusable across calls; free the buffer
 * with hx_regexp_raw_free. */
typedef struct hx_regexp_raw {
    int *caps;        /* 2 * ncaps code-unit positions, -1 for unmatched groups */
    size_t caps_cap;  /* entries allocated (hx_mem_alloc) */
    int ncaps;        /* captures including the whole match */
    int index;        /* the match's "index" (its start) */
    hx_value groups;  /* the "groups" object or undefined (rooted by the handle stack) */
} hx_regexp_raw;

/* RegExpExec(R, S): HX_TRUE with *raw filled when the builtin exec matched
 * (no array made), else as hx_regexp_obj_exec. */
hx_value hx_regexp_obj_exec_raw(hx_realm *realm, hx_value r, hx_value s, hx_regexp_raw *raw);
void hx_regexp_raw_free(hx_runtime *rt, hx_regexp_raw *raw);

/* ES2025 22.2.7.3 AdvanceStringIndex(S, index, unicode). */
double hx_regexp_obj_advance(hx_string *flat, double index, bool unicode);

/* Installs the Symbol.* methods of regexp_methods.c on %RegExp.prototype%
 * and creates %RegExpStringIteratorPrototype%; 0 or -1. */
int hx_regexp_obj_install_methods(hx_realm *realm, hx_object *proto);

#endif
