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

/* ES2025 22.2.7.3 AdvanceStringIndex(S, index, unicode). */
double hx_regexp_obj_advance(hx_string *flat, double index, bool unicode);

/* Installs the Symbol.* methods of regexp_methods.c on %RegExp.prototype%
 * and creates %RegExpStringIteratorPrototype%; 0 or -1. */
int hx_regexp_obj_install_methods(hx_realm *realm, hx_object *proto);

#endif
