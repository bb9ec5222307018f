/*
 * ops.h — operator slow paths shared by the interpreter and builtins.
 */
#ifndef HX_OPS_H
#define HX_OPS_H

#include "vm/vm.h"

typedef enum {
    HX_BIN_ADD, HX_BIN_SUB, HX_BIN_MUL, HX_BIN_DIV, HX_BIN_MOD, HX_BIN_EXP,
    HX_BIN_AND, HX_BIN_OR, HX_BIN_XOR, HX_BIN_SHL, HX_BIN_SAR, HX_BIN_SHR
} hx_op_kind;

hx_value hx_binary_op(hx_realm *realm, hx_op_kind op, hx_value a, hx_value b);
int hx_less_than(hx_realm *realm, hx_value x, hx_value y, bool left_first); /* 1, 0, 2 (undefined), -1 */
hx_value hx_unary_op(hx_realm *realm, int op, hx_value v); /* 0 neg, 1 bitnot, 2 inc, 3 dec */
double hx_number_pow(double x, double y);

#endif
