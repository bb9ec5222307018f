/*
 * opcodes.h — the one opcode table (STYLE.md 5).  The compiler, the
 * interpreter and the disassembler all read it.
 *
 * The machine: each frame has a register file (parameters, then locals)
 * and an operand stack above it.  Instructions are one opcode byte followed
 * by operands in little-endian order, in the format given by the second
 * column:
 *   NONE   no operand
 *   I8     int8 immediate            I32   int32 immediate
 *   U8     uint8                     U16   uint16 (register, argc)
 *   CONST  uint32 constant-pool index
 *   JUMP   int32 offset relative to the end of the instruction
 *   KEYIC  uint32 constant (a property key) + uint16 inline-cache index
 *   CTX    uint16 depth + uint16 slot (context chain addressing)
 *   CTXN   CTX + uint32 constant (binding name, for TDZ errors)
 *   REGN   uint16 register + uint32 constant (binding name)
 *   U16C   uint16 + uint32 constant
 *   CJUMP  uint32 constant + int32 jump
 * Stack effects (pop, push) are documentation for the disassembler and the
 * compiler's depth tracking; -1 means "depends on the operand" and the
 * compiler accounts for it explicitly.
 */
#ifndef HX_OPCODES_H
#define HX_OPCODES_H

#define HX_OPCODES(X)                                                                              \
    /* constants and stack shuffling */                                                            \
    X(push_undefined, NONE, 0, 1)                                                                  \
    X(push_null, NONE, 0, 1)                                                                       \
    X(push_true, NONE, 0, 1)                                                                       \
    X(push_false, NONE, 0, 1)                                                                      \
    X(push_hole, NONE, 0, 1)                                                                       \
    X(push_uninit, NONE, 0, 1)                                                                     \
    X(push_i8, I8, 0, 1)                                                                           \
    X(push_i32, I32, 0, 1)                                                                         \
    X(push_const, CONST, 0, 1)                                                                     \
    X(push_this, NONE, 0, 1)          /* frame's this (non-arrow functions, scripts) */            \
    X(push_new_target, NONE, 0, 1)                                                                 \
    X(push_callee, NONE, 0, 1)        /* the running closure */                                    \
    X(dup, NONE, 1, 2)                                                                             \
    X(dup2, NONE, 2, 4)               /* a b -> a b a b */                                         \
    X(over, NONE, 2, 3)               /* a b -> a b a */                                           \
    X(drop, NONE, 1, 0)                                                                            \
    X(nip, NONE, 2, 1)                /* a b -> b */                                               \
    X(swap, NONE, 2, 2)                                                                            \
    X(rot3, NONE, 3, 3)               /* a b c -> c a b */                                         \
    X(rot3r, NONE, 3, 3)              /* a b c -> b c a */                                         \
    X(rot4, NONE, 4, 4)               /* a b c d -> d a b c */                                     \
    X(pick, U8, 0, 1)                 /* copy the value n below the top */                         \
    /* registers and contexts */                                                                   \
    X(load_reg, U16, 0, 1)                                                                         \
    X(store_reg, U16, 1, 0)                                                                        \
    X(put_reg, U16, 1, 1)             /* store, keep the value */                                  \
    X(load_reg_chk, REGN, 0, 1)       /* ReferenceError if uninitialised */                        \
    X(put_reg_chk, REGN, 1, 1)        /* assignment: ReferenceError if uninitialised */            \
    X(load_ctx, CTX, 0, 1)                                                                         \
    X(store_ctx, CTX, 1, 0)                                                                        \
    X(put_ctx, CTX, 1, 1)                                                                          \
    X(load_ctx_chk, CTXN, 0, 1)                                                                    \
    X(put_ctx_chk, CTXN, 1, 1)                                                                     \
    X(push_ctx, CONST, 0, 0)          /* new context from a scope info (lexical slots uninit) */   \
    X(pop_ctx, NONE, 0, 0)                                                                         \
    X(copy_ctx, NONE, 0, 0)           /* per-iteration copy of the innermost context */            \
    X(push_with_ctx, NONE, 1, 0)      /* object environment for `with` */                          \
    /* global and dynamic names */                                                                 \
    X(get_global, KEYIC, 0, 1)                                                                     \
    X(get_global_or_undef, KEYIC, 0, 1) /* typeof x */                                             \
    X(put_global, KEYIC, 1, 1)        /* sloppy: creates the property */                           \
    X(put_global_strict, KEYIC, 1, 1) /* strict: ReferenceError if unresolvable */                 \
    X(init_global_lex, CONST, 1, 0)   /* initialise a script-scope let/const/class */              \
    X(global_decls, CONST, 0, 0)      /* GlobalDeclarationInstantiation checks + var/function creation */ \
    X(get_name, CONST, 0, 1)          /* dynamic lookup through with/eval scopes */                \
    X(get_name_or_undef, CONST, 0, 1)                                                              \
    X(get_name_call, CONST, 0, 2)     /* pushes function and this (with object or undefined) */    \
    X(put_name, CONST, 1, 1)                                                                       \
    X(put_name_strict, CONST, 1, 1)                                                                \
    X(init_name, CONST, 1, 0)         /* set a var-scope binding by name, creating it (eval functions) */ \
    X(declare_var, CONST, 0, 0)       /* create a var-scope binding by name if absent (sloppy eval) */ \
    X(delete_name, CONST, 0, 1)                                                                    \
    X(resolve_ref, CONST, 0, 2)       /* a name's reference: pushes base and slot */               \
    X(get_ref, CONST, 2, 3)           /* base slot -> base slot value */                           \
    X(put_ref, CONST, 3, 1)           /* base slot value -> value (PutValue) */                    \
    /* properties */                                                                               \
    X(get_prop, KEYIC, 1, 1)                                                                       \
    X(get_prop_keep, KEYIC, 1, 2)     /* obj -> obj value */                                       \
    X(put_prop, KEYIC, 2, 1)          /* obj value -> value */                                     \
    X(get_elem, NONE, 2, 1)                                                                        \
    X(get_elem_keep, NONE, 2, 2)      /* obj key -> obj value */                                   \
    X(put_elem, NONE, 3, 1)           /* obj key value -> value */                                 \
    X(delete_prop, CONST, 1, 1)                                                                    \
    X(delete_elem, NONE, 2, 1)                                                                     \
    X(get_super, NONE, 3, 1)          /* this fn key -> value (fn: the method, for its home) */    \
    X(put_super, NONE, 4, 1)          /* this fn key value -> value */                             \
    X(get_private, NONE, 2, 1)        /* obj name -> value */                                      \
    X(put_private, NONE, 3, 1)        /* obj name value -> value */                                \
    X(define_private, NONE, 3, 1)     /* obj name value -> obj (field definition) */              \
    X(has_private, NONE, 2, 1)        /* name obj -> bool (#x in obj) */                           \
    X(add_brand, NONE, 2, 1)          /* obj brand -> obj */                                       \
    X(to_property_key, NONE, 1, 1)                                                                 \
    X(check_object_coercible, NONE, 1, 1)                                                          \
    /* literals */                                                                                 \
    X(new_object, NONE, 0, 1)                                                                      \
    X(new_array, NONE, 0, 1)                                                                       \
    X(append, NONE, 2, 1)             /* array value -> array (a hole leaves a gap) */             \
    X(append_spread, NONE, 2, 1)      /* array iterable -> array */                                \
    X(define_field, KEYIC, 2, 1)      /* obj value -> obj (constant key, cached transition) */     \
    X(define_elem, NONE, 3, 1)        /* obj key value -> obj */                                   \
    X(define_method, U8, 3, 1)        /* obj key fn -> obj; U8: 0 method 1 getter 2 setter, +4 enumerable */ \
    X(copy_data_props, U8, -1, 1)     /* obj src [excluded keys array if U8] -> obj */             \
    X(set_proto_literal, NONE, 2, 1)  /* obj proto -> obj (__proto__: v) */                        \
    X(set_function_name, U8, 2, 2)    /* fn key -> fn key; U8: 0 none 1 get 2 set */               \
    X(closure, CONST, 0, 1)                                                                        \
    X(set_home, NONE, 2, 2)           /* home fn -> home fn */                                     \
    X(regexp, CONST, 0, 1)            /* const: [pattern, flags] pair array */                     \
    X(template_object, CONST, 0, 1)                                                                \
    X(bigint, CONST, 0, 1)                                                                         \
    /* classes */                                                                                  \
    X(class_heritage, NONE, 1, 2)     /* superclass -> protoParent ctorParent */                   \
    X(class_create, U8, 3, 2)         /* protoParent ctorParent ctorFn -> ctor proto; U8 1=derived */ \
    X(set_class_fields, NONE, 2, 1)   /* ctor initFn -> ctor */                                    \
    X(init_fields, NONE, 0, 0)        /* run the class field initialiser on this */                \
    /* calls */                                                                                    \
    X(call, U16, -1, 1)               /* fn this args... -> result */                              \
    X(call_spread, NONE, 3, 1)        /* fn this argsArray -> result */                            \
    X(tail_call, U16, -1, 1)          /* as call; in tail position the frame is replaced (PTC) */  \
    X(construct, U16, -1, 1)          /* ctor newTarget args... -> result */                       \
    X(construct_spread, NONE, 3, 1)                                                                \
    X(super_call, U16, -1, 1)         /* fn newTarget args... -> this */                           \
    X(super_call_spread, NONE, 3, 1)  /* fn newTarget argsArray -> this */                         \
    X(super_call_forward, NONE, 0, 1) /* default derived constructor: super(...arguments) */       \
    X(private_symbol, CONST, 0, 1)    /* a fresh private name */                                   \
    X(eval_call, U16C, -1, 1)         /* fn this args... -> result; const: eval scope descriptor */ \
    X(return, NONE, 1, 0)                                                                          \
    X(return_undef, NONE, 0, 0)                                                                    \
    X(check_this_init, NONE, 1, 1)    /* ReferenceError if this is still uninitialised */     \
    X(return_derived, NONE, 2, 0)     /* value this -> (derived constructor return rules) */   \
    X(save_ctx, U16, 0, 0)            /* register <- current context (try entry) */          \
    X(restore_ctx, U16, 0, 0)         /* current context <- register (handlers) */          \
    /* jumps */                                                                                    \
    X(jmp, JUMP, 0, 0)                                                                             \
    X(jmp_true, JUMP, 1, 0)                                                                        \
    X(jmp_false, JUMP, 1, 0)                                                                       \
    X(jmp_true_keep, JUMP, 1, 1)      /* if truthy: jump keeping it; else pop */                   \
    X(jmp_false_keep, JUMP, 1, 1)                                                                  \
    X(jmp_not_nullish_keep, JUMP, 1, 1) /* if not nullish: jump keeping it; else pop */            \
    X(jmp_nullish, JUMP, 1, 1)        /* if nullish: jump (keeps the value) */                     \
    X(jmp_undef, JUMP, 1, 1)          /* if undefined: jump (keeps the value) */                   \
    X(gosub, JUMP, 0, 1)              /* pushes the return address (finally) */                    \
    X(ret, NONE, 1, 0)                                                                             \
    /* exceptions */                                                                               \
    X(throw, NONE, 1, 0)                                                                           \
    X(throw_error, U16C, 0, 0)        /* U16 error kind, const message */                          \
    /* operators */                                                                                \
    X(add, NONE, 2, 1) X(sub, NONE, 2, 1) X(mul, NONE, 2, 1) X(div, NONE, 2, 1)                    \
    X(mod, NONE, 2, 1) X(exp, NONE, 2, 1) X(band, NONE, 2, 1) X(bor, NONE, 2, 1)                   \
    X(bxor, NONE, 2, 1) X(shl, NONE, 2, 1) X(sar, NONE, 2, 1) X(shr, NONE, 2, 1)                   \
    X(lt, NONE, 2, 1) X(le, NONE, 2, 1) X(gt, NONE, 2, 1) X(ge, NONE, 2, 1)                        \
    X(eq, NONE, 2, 1) X(ne, NONE, 2, 1) X(seq, NONE, 2, 1) X(sne, NONE, 2, 1)                      \
    X(instanceof, NONE, 2, 1) X(in, NONE, 2, 1)                                                    \
    X(neg, NONE, 1, 1) X(plus, NONE, 1, 1) X(bnot, NONE, 1, 1) X(not, NONE, 1, 1)                  \
    X(inc, NONE, 1, 1) X(dec, NONE, 1, 1) X(to_numeric, NONE, 1, 1)                                \
    X(typeof, NONE, 1, 1) X(to_string, NONE, 1, 1) X(to_object, NONE, 1, 1)                        \
    /* iteration */                                                                                \
    X(get_iterator, NONE, 1, 3)       /* obj -> iter next done(false) */                           \
    X(iter_value, NONE, 3, 4)         /* iter next done -> iter next done value (undefined once done) */ \
    X(for_of_next, JUMP, 3, 4)        /* iter next done -> ... value, or jump when done */         \
    X(iter_close, NONE, 3, 0)         /* closes unless done */                                     \
    X(iter_close_throw, NONE, 3, 0)   /* closes ignoring errors (exception pending on stack top) */ \
    X(iter_rest, NONE, 3, 4)          /* iter next done -> iter next done array */                 \
    X(for_in_start, NONE, 1, 1)                                                                    \
    X(for_in_next, JUMP, 1, 2)        /* enum -> enum key, or jump (popping nothing) when done */  \
    /* arguments and parameters */                                                                 \
    X(arguments, U8, -1, 1)           /* U8 0: unmapped; 1: mapped, pops the slot map first */     \
    X(rest, U16, 0, 1)                /* array of arguments from index U16 */                      \
    /* generators */                                                                               \
    X(initial_yield, NONE, 0, 0)                                                                   \
    X(yield, NONE, 1, 2)              /* value -> received kind */                                 \
    X(resume_switch, JUMP, 2, 1)      /* received kind -> received; throw / jump to return code */ \
    X(ystar_step, JUMP, 5, 5)         /* it nx dn recv kind -> it nx dn res flag | jump with value */ \
    X(yield_raw, NONE, 1, 2)          /* yield an iterator result object as is (yield*) */         \
    X(await, NONE, 1, 2)              /* value -> received kind */                                 \
    X(debugger, NONE, 0, 0)                                                                        \
    X(nop, NONE, 0, 0)

typedef enum hx_opcode {
#define HX_OP_ENUM(name, fmt, pop, push) HX_OPC_##name,
    HX_OPCODES(HX_OP_ENUM)
#undef HX_OP_ENUM
    HX_OPC_COUNT
} hx_opcode;

typedef enum hx_opfmt {
    HX_FMT_NONE, HX_FMT_I8, HX_FMT_I32, HX_FMT_U8, HX_FMT_U16, HX_FMT_CONST, HX_FMT_JUMP,
    HX_FMT_KEYIC, HX_FMT_CTX, HX_FMT_CTXN, HX_FMT_REGN, HX_FMT_U16C, HX_FMT_CJUMP
} hx_opfmt;

typedef struct hx_opinfo {
    const char *name;
    uint8_t fmt;   /* hx_opfmt */
    uint8_t size;  /* total instruction size in bytes */
    int8_t pop, push;
} hx_opinfo;

extern const hx_opinfo hx_opinfos[HX_OPC_COUNT];

#endif
