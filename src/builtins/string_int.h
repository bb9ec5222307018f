/*
 * string_int.h — helpers shared by the files of the String family
 * (string.c: constructor, exotic object, iterator, character access;
 * string_methods.c: searching, replacing, splitting, case mapping,
 * padding and trimming).  Not used outside src/builtins/string*.c.
 */
#ifndef HX_BUILTINS_STRING_INT_H
#define HX_BUILTINS_STRING_INT_H

#include "vm/vm.h"

/* RequireObjectCoercible(this) then ToString (the first steps of most
 * String.prototype methods); HX_EXCEPTION on throw. */
hx_value hx_string_this(hx_realm *realm, hx_value this_value, const char *method);

/* A flat view of a string value: NULL on OOM (exception pending). */
static inline hx_string *hx_string_flat_value(hx_realm *realm, hx_value s) {
    return hx_string_flat(realm->rt, hx_as_string(s));
}

/* Installs the methods of string_methods.c on %String.prototype%. */
int hx_string_install_methods(hx_realm *realm, hx_object *proto);

#endif
