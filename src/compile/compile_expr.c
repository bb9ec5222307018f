/*
 * compile_expr.c — expressions.  Each hx_compile_expr leaves exactly one
 * value on the operand stack.  Assignment targets (identifiers, member
 * expressions, patterns) are handled here and in compile_pattern.c.
 *
 * Optional chains: the innermost CHAIN being compiled owns a jump list;
 * every `?.` link whose base is nullish jumps there with the base on the
 * stack, where it is replaced by undefined.
 */
#include <string.h>
#include "compile/cinternal.h"
#include "vm/bigint.h"

static hx_jumplist *chain_jl;  /* optional-chain short-circuit targets */
static int chain_depth;        /* stack depth at the chain's start */

static bool name_is(const hx_ast_name *n, const char *s) {
    return n && n->len == strlen(s) && !memcmp(n->utf8, s, n->len);
}

bool hx_is_anonymous_fn(hx_ast_node *n) {
    if (n->flags & HX_AST_F_PARENS) {
        /* IsAnonymousFunctionDefinition looks through parentheses too */
    }
    switch (n->kind) {
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW: return n->u.func.id == NULL;
    case HX_AST_CLASS_EXPR: return n->u.klass.id == NULL;
    default: return false;
    }
}

/* NamedEvaluation: anonymous functions/classes get `name`. */
void hx_compile_expr_named(hx_fstate *fs, hx_ast_node *n, hx_value name) {
    if (!hx_is_undefined(name) && hx_is_anonymous_fn(n)) {
        if (n->kind == HX_AST_CLASS_EXPR) hx_compile_class(fs, n, name);
        else hx_emit_closure(fs, n, name);
        return;
    }
    hx_compile_expr(fs, n);
}

static void compile_args_array(hx_fstate *fs, hx_ast_list *args) {
    hx_emit_op(fs, HX_OPC_new_array);
    for (uint32_t i = 0; i < args->len; i++) {
        hx_ast_node *a = args->items[i];
        if (a->kind == HX_AST_SPREAD) {
            hx_compile_expr(fs, a->u.unary_stmt.argument);
            hx_emit_op(fs, HX_OPC_append_spread);
        } else {
            hx_compile_expr(fs, a);
            hx_emit_op(fs, HX_OPC_append);
        }
    }
}

static bool has_spread(hx_ast_list *args) {
    for (uint32_t i = 0; i < args->len; i++)
        if (args->items[i]->kind == HX_AST_SPREAD) return true;
    return false;
}

/* Emits a call with [fn this] already on the stack. */
static void emit_call_args(hx_fstate *fs, hx_ast_node *call) {
    hx_ast_list *args = &call->u.call.arguments;
    if (has_spread(args) || args->len > 0xFFFF) { /* argc is 16 bits: long lists go through an array */
        compile_args_array(fs, args);
        hx_set_pos(fs, call);
        hx_emit_op(fs, HX_OPC_call_spread);
        return;
    }
    bool tail = fs->tail_call;
    fs->tail_call = false;
    for (uint32_t i = 0; i < args->len; i++) hx_compile_expr(fs, args->items[i]);
    hx_set_pos(fs, call);
    hx_emit_op_u16(fs, tail ? HX_OPC_tail_call : HX_OPC_call, (uint16_t)args->len);
    hx_adjust(fs, -(int)args->len - 1);
}

static void emit_member_key(hx_fstate *fs, hx_ast_node *m) {
    /* pushes the property key of a computed member or a non-computed name */
    if (m->u.member.computed) {
        hx_compile_expr(fs, m->u.member.property);
    } else {
        hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, hx_name_key(fs, m->u.member.property->u.ident.name)));
    }
}

/* Pushes the private name symbol of `#x` (from the class scope context). */
static void emit_private_name(hx_fstate *fs, hx_ast_node *pn);

static void emit_this(hx_fstate *fs, const hx_ast_node *at);
static void emit_member_key(hx_fstate *fs, hx_ast_node *m);

/* obj-side of a member expression, with optional-chain handling */
static void compile_member_object(hx_fstate *fs, hx_ast_node *m) {
    hx_compile_expr(fs, m->u.member.object);
    if (m->u.member.optional && chain_jl) hx_jl_add(fs, chain_jl, hx_emit_jump(fs, HX_OPC_jmp_nullish));
}

static void emit_super_key(hx_fstate *fs, hx_ast_node *m) {
    if (m->u.member.computed) {
        hx_compile_expr(fs, m->u.member.property);
        hx_emit_op(fs, HX_OPC_to_property_key);
    } else
        emit_member_key(fs, m);
}

static void compile_member(hx_fstate *fs, hx_ast_node *m, bool keep_obj) {
    if (m->u.member.object->kind == HX_AST_SUPER) {
        /* super.x: [this fn key] -> value; a call keeps this below */
        emit_this(fs, m);
        if (keep_obj) hx_emit_op(fs, HX_OPC_dup);
        hx_emit_syn_load(fs, HX_SYN_FUNC);
        emit_super_key(fs, m);
        hx_set_pos(fs, m);
        hx_emit_op(fs, HX_OPC_get_super);
        return;
    }
    compile_member_object(fs, m);
    hx_set_pos(fs, m);
    if (m->u.member.property->kind == HX_AST_PRIVATE_NAME) {
        if (keep_obj) hx_emit_op(fs, HX_OPC_dup);
        emit_private_name(fs, m->u.member.property);
        hx_emit_op(fs, HX_OPC_get_private);
        return;
    }
    if (!m->u.member.computed) {
        hx_value key = hx_name_key(fs, m->u.member.property->u.ident.name);
        hx_emit_op_key(fs, keep_obj ? HX_OPC_get_prop_keep : HX_OPC_get_prop, key);
        return;
    }
    hx_compile_expr(fs, m->u.member.property);
    hx_set_pos(fs, m);
    hx_emit_op(fs, keep_obj ? HX_OPC_get_elem_keep : HX_OPC_get_elem);
}

void hx_emit_this(hx_fstate *fs, const hx_ast_node *at) { emit_this(fs, at); }

static void emit_this(hx_fstate *fs, const hx_ast_node *at) {
    hx_emit_syn_load(fs, HX_SYN_THIS);
    /* derived constructors (and arrows inside them) may see an uninitialised this */
    hx_fstate *f = fs;
    while (f && f->node && f->node->kind == HX_AST_ARROW) f = f->parent;
    if (f && (f->flags & HX_FD_DERIVED)) hx_emit_op(fs, HX_OPC_check_this_init);
    else if (f != fs || (fs->is_eval)) hx_emit_op(fs, HX_OPC_check_this_init);
}

static void compile_call(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_node *callee = n->u.call.callee;
    bool tail = fs->tail_call;
    fs->tail_call = false; /* only this call, not calls in its operands */
    if (callee->kind == HX_AST_SUPER) {
        hx_ast_list *args = &n->u.call.arguments;
        hx_emit_syn_load(fs, HX_SYN_FUNC);
        hx_emit_syn_load(fs, HX_SYN_NEW_TARGET);
        if (has_spread(args) || args->len > 0xFFFF) {
            compile_args_array(fs, args);
            hx_set_pos(fs, n);
            hx_emit_op(fs, HX_OPC_super_call_spread);
        } else {
            for (uint32_t i = 0; i < args->len; i++) hx_compile_expr(fs, args->items[i]);
            hx_set_pos(fs, n);
            hx_emit_op_u16(fs, HX_OPC_super_call, (uint16_t)args->len);
            hx_adjust(fs, -(int)args->len - 1);
        }
        /* the new this: bind it (arrows write through to the constructor's binding) */
        hx_emit_syn_store(fs, HX_SYN_THIS);
        return;
    }
    while (callee->kind == HX_AST_CHAIN && 0) callee = callee->u.unary_stmt.argument;
    if (callee->kind == HX_AST_MEMBER) {
        compile_member(fs, callee, true);
        /* stack: obj fn -> fn obj */
        hx_emit_op(fs, HX_OPC_swap);
    } else if (callee->kind == HX_AST_CHAIN && callee->u.unary_stmt.argument->kind == HX_AST_MEMBER) {
        /* (a?.b)() keeps a as this (the chain yields a reference) */
        hx_jumplist *saved = chain_jl;
        int saved_depth = chain_depth;
        hx_jumplist jl = {0};
        chain_jl = &jl;
        chain_depth = fs->depth;
        compile_member(fs, callee->u.unary_stmt.argument, true);
        hx_emit_op(fs, HX_OPC_swap);
        chain_jl = saved;
        chain_depth = saved_depth;
        if (jl.len) {
            uint32_t over = hx_emit_jump(fs, HX_OPC_jmp);
            hx_jl_patch(fs, &jl, fs->len);
            fs->depth -= 1; /* only the nullish base is on this path */
            hx_emit_op(fs, HX_OPC_drop);
            hx_emit_op(fs, HX_OPC_push_undefined);
            hx_emit_op(fs, HX_OPC_push_undefined);
            hx_patch_here(fs, over);
        }
    } else if (callee->kind == HX_AST_IDENTIFIER) {
        hx_ref r = hx_lookup(fs, callee->u.ident.name);
        if (r.dynamic) {
            hx_emit_op_const(fs, HX_OPC_get_name_call, hx_const_name(fs, callee->u.ident.name));
        } else {
            hx_compile_expr(fs, callee);
            hx_emit_op(fs, HX_OPC_push_undefined);
        }
    } else {
        hx_compile_expr(fs, callee);
        hx_emit_op(fs, HX_OPC_push_undefined);
    }
    if (n->u.call.optional && chain_jl) {
        /* fn this: short-circuit on a nullish fn */
        hx_emit_op(fs, HX_OPC_swap);
        uint32_t j = hx_emit_jump(fs, HX_OPC_jmp_nullish);
        hx_emit_op(fs, HX_OPC_swap);
        uint32_t over = hx_emit_jump(fs, HX_OPC_jmp);
        hx_patch_here(fs, j);
        /* stack here: this fn(nullish): drop this, leave fn for the chain end */
        hx_emit_op(fs, HX_OPC_nip);
        hx_jl_add(fs, chain_jl, hx_emit_jump(fs, HX_OPC_jmp));
        hx_adjust(fs, 1);
        hx_patch_here(fs, over);
    }
    if (n->u.call.direct_eval && callee->kind == HX_AST_IDENTIFIER && !has_spread(&n->u.call.arguments) &&
        n->u.call.arguments.len <= 0xFFFF) {
        hx_ast_list *args = &n->u.call.arguments;
        for (uint32_t i = 0; i < args->len; i++) hx_compile_expr(fs, args->items[i]);
        hx_set_pos(fs, n);
        hx_emit_op(fs, HX_OPC_eval_call);
        hx_emit_u16(fs, (uint16_t)args->len);
        hx_emit_u32(fs, (uint32_t)((fs->strict ? 1 : 0) | (fs->in_params ? 2 : 0) | (tail ? 4 : 0)));
        hx_adjust(fs, -(int)args->len - 1);
        return;
    }
    fs->tail_call = tail && !n->u.call.optional;
    emit_call_args(fs, n);
}

static void compile_new(hx_fstate *fs, hx_ast_node *n) {
    hx_compile_expr(fs, n->u.call.callee);
    hx_emit_op(fs, HX_OPC_dup); /* new.target = the constructor */
    hx_ast_list *args = &n->u.call.arguments;
    if (has_spread(args) || args->len > 0xFFFF) {
        compile_args_array(fs, args);
        hx_set_pos(fs, n);
        hx_emit_op(fs, HX_OPC_construct_spread);
        return;
    }
    for (uint32_t i = 0; i < args->len; i++) hx_compile_expr(fs, args->items[i]);
    hx_set_pos(fs, n);
    hx_emit_op_u16(fs, HX_OPC_construct, (uint16_t)args->len);
    hx_adjust(fs, -(int)args->len - 1);
}

static void compile_template(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_list *q = &n->u.tmpl.quasis, *e = &n->u.tmpl.expressions;
    hx_ast_node *first = q->items[0];
    hx_emit_op_const(fs, HX_OPC_push_const, hx_const_string_utf16(fs, first->u.tmpl_elem.cooked, first->u.tmpl_elem.cooked_len));
    for (uint32_t i = 0; i < e->len; i++) {
        hx_compile_expr(fs, e->items[i]);
        hx_emit_op(fs, HX_OPC_to_string);
        hx_emit_op(fs, HX_OPC_add);
        hx_ast_node *qi = q->items[i + 1];
        if (qi->u.tmpl_elem.cooked_len) {
            hx_emit_op_const(fs, HX_OPC_push_const, hx_const_string_utf16(fs, qi->u.tmpl_elem.cooked, qi->u.tmpl_elem.cooked_len));
            hx_emit_op(fs, HX_OPC_add);
        }
    }
}

static void compile_tagged(hx_fstate *fs, hx_ast_node *n, bool tail) {
    hx_ast_node *tag = n->u.tagged.tag;
    if (tag->kind == HX_AST_MEMBER) {
        compile_member(fs, tag, true);
        hx_emit_op(fs, HX_OPC_swap);
    } else {
        hx_compile_expr(fs, tag);
        hx_emit_op(fs, HX_OPC_push_undefined);
    }
    /* the template object: [cooked strings, raw strings] built once per site */
    hx_ast_list *q = &n->u.tagged.quasi->u.tmpl.quasis;
    hx_value arr = hx_array_new(fs->realm, 0);
    if (hx_is_exception(arr)) {
        hx_cur_compiler->failed = true;
        return;
    }
    hx_value raw = hx_array_new(fs->realm, 0);
    if (hx_is_exception(raw)) {
        hx_cur_compiler->failed = true;
        return;
    }
    for (uint32_t i = 0; i < q->len; i++) {
        hx_ast_node *el = q->items[i];
        hx_value c = el->u.tmpl_elem.cooked ? hx_string_from_utf16(fs->rt, el->u.tmpl_elem.cooked, el->u.tmpl_elem.cooked_len)
                                            : HX_UNDEFINED;
        hx_value r = hx_string_from_utf16(fs->rt, el->u.tmpl_elem.raw, el->u.tmpl_elem.raw_len);
        if (hx_is_exception(c) || hx_is_exception(r) || hx_array_push(fs->realm, hx_as_object(arr), c) < 0 ||
            hx_array_push(fs->realm, hx_as_object(raw), r) < 0) {
            hx_cur_compiler->failed = true;
            return;
        }
    }
    hx_value site = hx_template_site_new(fs->realm, arr, raw);
    if (hx_is_exception(site)) {
        hx_cur_compiler->failed = true;
        return;
    }
    arr = site;
    hx_emit_op_const(fs, HX_OPC_template_object, hx_add_const(fs, arr));
    hx_ast_list *e = &n->u.tagged.quasi->u.tmpl.expressions;
    for (uint32_t i = 0; i < e->len; i++) hx_compile_expr(fs, e->items[i]);
    hx_set_pos(fs, n);
    hx_emit_op_u16(fs, tail ? HX_OPC_tail_call : HX_OPC_call, (uint16_t)(e->len + 1));
    hx_adjust(fs, -(int)(e->len + 1) - 1);
}

static void compile_array(hx_fstate *fs, hx_ast_node *n) {
    hx_emit_op(fs, HX_OPC_new_array);
    hx_ast_list *items = &n->u.array.items;
    for (uint32_t i = 0; i < items->len; i++) {
        hx_ast_node *it = items->items[i];
        if (!it) {
            hx_emit_op(fs, HX_OPC_push_hole);
            hx_emit_op(fs, HX_OPC_append);
        } else if (it->kind == HX_AST_SPREAD) {
            hx_compile_expr(fs, it->u.unary_stmt.argument);
            hx_emit_op(fs, HX_OPC_append_spread);
        } else {
            hx_compile_expr(fs, it);
            hx_emit_op(fs, HX_OPC_append);
        }
    }
}

/* Pushes a property key for an object/class member: returns the key value
 * when static (also pushed), HX_UNDEFINED when computed. */
static hx_value static_prop_key(hx_fstate *fs, hx_ast_node *key);

static hx_value emit_prop_key(hx_fstate *fs, hx_ast_node *key, bool computed) {
    if (computed) {
        hx_compile_expr(fs, key);
        hx_emit_op(fs, HX_OPC_to_property_key);
        return HX_UNDEFINED;
    }
    hx_value k = static_prop_key(fs, key);
    hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, k));
    return k;
}

/* The property key a non-computed member name denotes. */
static hx_value static_prop_key(hx_fstate *fs, hx_ast_node *key) {
    hx_value k;
    switch (key->kind) {
    case HX_AST_IDENTIFIER: k = hx_name_key(fs, key->u.ident.name); break;
    case HX_AST_STRING_LIT: {
        hx_value s = hx_string_from_utf16(fs->rt, key->u.string.chars, key->u.string.len);
        k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
        break;
    }
    case HX_AST_NUMBER_LIT: {
        hx_value s = hx_number_to_string_value(fs->rt, key->u.number.value);
        k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
        break;
    }
    case HX_AST_BIGINT_LIT: {
        hx_value b = hx_bigint_from_literal(fs->realm, key->u.bigint.digits, key->u.bigint.len, key->u.bigint.radix);
        hx_value s = hx_is_exception(b) ? b : hx_bigint_to_string(fs->realm, b, 10);
        k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
        break;
    }
    default: k = HX_ATOM(fs->rt, empty); break;
    }
    if (hx_is_exception(k)) {
        hx_cur_compiler->failed = true;
        k = HX_ATOM(fs->rt, empty);
    }
    return k;
}

static void compile_object(hx_fstate *fs, hx_ast_node *n) {
    hx_emit_op(fs, HX_OPC_new_object);
    hx_ast_list *items = &n->u.object.items;
    for (uint32_t i = 0; i < items->len; i++) {
        hx_ast_node *p = items->items[i];
        if (p->kind == HX_AST_SPREAD) {
            hx_compile_expr(fs, p->u.unary_stmt.argument);
            hx_emit_op_u8(fs, HX_OPC_copy_data_props, 0);
            hx_adjust(fs, -1);
            continue;
        }
        if (p->u.prop.proto) {
            hx_compile_expr(fs, p->u.prop.value);
            hx_emit_op(fs, HX_OPC_set_proto_literal);
            continue;
        }
        hx_ast_node *v = p->u.prop.value;
        if (!p->u.prop.computed && p->u.prop.kind == HX_PROP_INIT && !p->u.prop.method) {
            /* a constant name: define_field with a cached shape transition */
            hx_value k = static_prop_key(fs, p->u.prop.key);
            if (hx_is_string(k)) {
                if (hx_is_anonymous_fn(v)) hx_compile_expr_named(fs, v, k);
                else hx_compile_expr(fs, v);
                hx_set_pos(fs, p);
                hx_emit_op_key(fs, HX_OPC_define_field, k);
                continue;
            }
        }
        hx_value key = emit_prop_key(fs, p->u.prop.key, p->u.prop.computed);
        if (p->u.prop.kind != HX_PROP_INIT || p->u.prop.method) {
            /* methods and accessors get the object as [[HomeObject]] */
            hx_emit_closure(fs, v, HX_UNDEFINED);
            uint8_t kind = p->u.prop.kind == HX_PROP_GET ? 1 : p->u.prop.kind == HX_PROP_SET ? 2 : 0;
            hx_emit_op_u8(fs, HX_OPC_define_method, (uint8_t)(kind | 4));
            continue;
        }
        if (hx_is_anonymous_fn(v)) {
            if (hx_is_undefined(key)) {
                /* computed key: name set at run time */
                hx_compile_expr_named(fs, v, HX_ATOM(fs->rt, empty));
                hx_emit_op_u8(fs, HX_OPC_set_function_name, 0);
                hx_emit_op(fs, HX_OPC_define_elem);
                continue;
            }
            hx_value nm = hx_key_is_index(key) ? hx_key_to_value(fs->rt, key) : key;
            hx_compile_expr_named(fs, v, nm);
        } else
            hx_compile_expr(fs, v);
        hx_emit_op(fs, HX_OPC_define_elem);
    }
}

static void compile_unary(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_node *arg = n->u.unary.argument;
    switch (n->u.unary.op) {
    case HX_OP_TYPEOF:
        if (arg->kind == HX_AST_IDENTIFIER) {
            hx_ref r = hx_lookup(fs, arg->u.ident.name);
            hx_emit_load_typeof(fs, &r);
        } else
            hx_compile_expr(fs, arg);
        hx_emit_op(fs, HX_OPC_typeof);
        return;
    case HX_OP_DELETE: {
        hx_ast_node *t = arg;
        while (t->kind == HX_AST_CHAIN) t = t->u.unary_stmt.argument;
        if (arg->kind == HX_AST_IDENTIFIER) {
            hx_ref r = hx_lookup(fs, arg->u.ident.name);
            if (r.dynamic || !r.b || r.b->storage == HX_ST_GLOBAL) {
                hx_emit_op_const(fs, HX_OPC_delete_name, hx_const_name(fs, arg->u.ident.name));
            } else
                hx_emit_op(fs, HX_OPC_push_false);
            return;
        }
        if (t->kind == HX_AST_MEMBER) {
            hx_jumplist *saved = chain_jl;
            hx_jumplist jl = {0};
            int saved_depth = chain_depth;
            bool in_chain = arg->kind == HX_AST_CHAIN;
            if (in_chain) {
                chain_jl = &jl;
                chain_depth = fs->depth;
            }
            if (t->u.member.object->kind == HX_AST_SUPER) {
                /* delete super.x: evaluate the key, then ReferenceError */
                emit_this(fs, t);
                hx_emit_op(fs, HX_OPC_drop);
                if (t->u.member.computed) {
                    hx_compile_expr(fs, t->u.member.property);
                    hx_emit_op(fs, HX_OPC_drop);
                }
                hx_value s = hx_string_from_cstr(fs->rt, "Unsupported reference to 'super'");
                hx_emit_op(fs, HX_OPC_throw_error);
                hx_emit_u16(fs, HR_REFERENCE_ERROR);
                hx_emit_u32(fs, hx_add_const(fs, s));
                hx_emit_op(fs, HX_OPC_push_true);
            } else {
                compile_member_object(fs, t);
                if (t->u.member.computed) {
                    hx_compile_expr(fs, t->u.member.property);
                    hx_set_pos(fs, n);
                    hx_emit_op(fs, HX_OPC_delete_elem);
                } else {
                    hx_set_pos(fs, n);
                    hx_emit_op_const(fs, HX_OPC_delete_prop,
                                     hx_add_const(fs, hx_name_key(fs, t->u.member.property->u.ident.name)));
                }
            }
            if (in_chain) {
                uint32_t over = hx_emit_jump(fs, HX_OPC_jmp);
                hx_jl_patch(fs, &jl, fs->len);
                hx_emit_op(fs, HX_OPC_drop);
                hx_emit_op(fs, HX_OPC_push_true);
                hx_patch_here(fs, over);
                chain_jl = saved;
                chain_depth = saved_depth;
            }
            return;
        }
        hx_compile_expr(fs, arg);
        hx_emit_op(fs, HX_OPC_drop);
        hx_emit_op(fs, HX_OPC_push_true);
        return;
    }
    case HX_OP_VOID:
        hx_compile_expr(fs, arg);
        hx_emit_op(fs, HX_OPC_drop);
        hx_emit_op(fs, HX_OPC_push_undefined);
        return;
    default: break;
    }
    hx_compile_expr(fs, arg);
    hx_set_pos(fs, n);
    switch (n->u.unary.op) {
    case HX_OP_NEG: hx_emit_op(fs, HX_OPC_neg); break;
    case HX_OP_PLUS: hx_emit_op(fs, HX_OPC_plus); break;
    case HX_OP_NOT: hx_emit_op(fs, HX_OPC_not); break;
    case HX_OP_BIT_NOT: hx_emit_op(fs, HX_OPC_bnot); break;
    default: break;
    }
}

static hx_opcode binop(uint8_t op) {
    switch (op) {
    case HX_OP_ADD: return HX_OPC_add;
    case HX_OP_SUB: return HX_OPC_sub;
    case HX_OP_MUL: return HX_OPC_mul;
    case HX_OP_DIV: return HX_OPC_div;
    case HX_OP_MOD: return HX_OPC_mod;
    case HX_OP_EXP: return HX_OPC_exp;
    case HX_OP_BIT_AND: return HX_OPC_band;
    case HX_OP_BIT_OR: return HX_OPC_bor;
    case HX_OP_BIT_XOR: return HX_OPC_bxor;
    case HX_OP_SHL: return HX_OPC_shl;
    case HX_OP_SAR: return HX_OPC_sar;
    case HX_OP_SHR: return HX_OPC_shr;
    case HX_OP_LT: return HX_OPC_lt;
    case HX_OP_LE: return HX_OPC_le;
    case HX_OP_GT: return HX_OPC_gt;
    case HX_OP_GE: return HX_OPC_ge;
    case HX_OP_EQ: return HX_OPC_eq;
    case HX_OP_NE: return HX_OPC_ne;
    case HX_OP_STRICT_EQ: return HX_OPC_seq;
    case HX_OP_STRICT_NE: return HX_OPC_sne;
    case HX_OP_INSTANCEOF: return HX_OPC_instanceof;
    case HX_OP_IN: return HX_OPC_in;
    default: return HX_OPC_nop;
    }
}

/* Reference kinds for assignment / update targets. */
typedef enum { REF_NAME, REF_PROP, REF_ELEM, REF_SUPER, REF_PRIVATE, REF_DYN, REF_CALL } ref_kind;

/* Evaluates the reference part of a target, leaving on the stack:
 * NAME: nothing; PROP: obj; ELEM: obj key; SUPER: home key; PRIVATE: obj name */
static ref_kind emit_ref(hx_fstate *fs, hx_ast_node *t, hx_value *prop_key) {
    if (t->kind == HX_AST_IDENTIFIER) {
        hx_ref r = hx_lookup(fs, t->u.ident.name);
        if (!r.dynamic) return REF_NAME;
        /* resolved before the right-hand side runs (ES2025 13.15.2 step 1) */
        hx_emit_op_const(fs, HX_OPC_resolve_ref, hx_const_name(fs, t->u.ident.name));
        return REF_DYN;
    }
    if (t->kind == HX_AST_MEMBER) {
        if (t->u.member.object->kind == HX_AST_SUPER) {
            emit_this(fs, t);
            hx_emit_syn_load(fs, HX_SYN_FUNC);
            emit_super_key(fs, t);
            return REF_SUPER;
        }
        hx_compile_expr(fs, t->u.member.object);
        if (t->u.member.property->kind == HX_AST_PRIVATE_NAME) {
            emit_private_name(fs, t->u.member.property);
            return REF_PRIVATE;
        }
        if (!t->u.member.computed) {
            *prop_key = hx_name_key(fs, t->u.member.property->u.ident.name);
            return REF_PROP;
        }
        hx_compile_expr(fs, t->u.member.property);
        return REF_ELEM;
    }
    if (t->kind == HX_AST_CALL) {
        /* Annex B: f() = v evaluates f() and then throws (ES2025 B.3.x / 13.15.1) */
        hx_compile_expr(fs, t);
        hx_emit_op(fs, HX_OPC_drop);
        hx_emit_invalid_target(fs);
        return REF_CALL;
    }
    hx_compile_error(fs, t, "Invalid assignment target");
    return REF_CALL;
}

void hx_emit_invalid_target(hx_fstate *fs) {
    hx_value s = hx_string_from_cstr(fs->rt, "Invalid left-hand side in assignment");
    if (hx_is_exception(s)) {
        hx_cur_compiler->failed = true;
        return;
    }
    hx_emit_op(fs, HX_OPC_throw_error);
    hx_emit_u16(fs, HR_REFERENCE_ERROR);
    hx_emit_u32(fs, hx_add_const(fs, s));
}

static void emit_ref_get(hx_fstate *fs, hx_ast_node *t, ref_kind k, hx_value key) {
    switch (k) {
    case REF_NAME: {
        hx_ref r = hx_lookup(fs, t->u.ident.name);
        hx_emit_load(fs, &r, t);
        break;
    }
    case REF_DYN: hx_emit_op_const(fs, HX_OPC_get_ref, hx_const_name(fs, t->u.ident.name)); break;
    case REF_CALL: hx_emit_op(fs, HX_OPC_push_undefined); break; /* unreachable: the throw came first */
    case REF_PROP: hx_emit_op(fs, HX_OPC_dup); hx_emit_op_key(fs, HX_OPC_get_prop, key); break;
    case REF_ELEM:
        /* GetValue: ToObject(base) before ToPropertyKey (ES2025 6.2.5.5) */
        hx_emit_op(fs, HX_OPC_swap);
        hx_emit_op(fs, HX_OPC_check_object_coercible);
        hx_emit_op(fs, HX_OPC_swap);
        hx_emit_op(fs, HX_OPC_to_property_key);
        hx_emit_op(fs, HX_OPC_dup2);
        hx_emit_op(fs, HX_OPC_get_elem);
        break;
    case REF_SUPER:
        hx_emit_op_u8(fs, HX_OPC_pick, 2);
        hx_emit_op_u8(fs, HX_OPC_pick, 2);
        hx_emit_op_u8(fs, HX_OPC_pick, 2);
        hx_emit_op(fs, HX_OPC_get_super);
        break;
    case REF_PRIVATE:
        hx_emit_op(fs, HX_OPC_dup2);
        hx_emit_op(fs, HX_OPC_get_private);
        break;
    }
}

static int ref_items(ref_kind k) {
    return k == REF_NAME || k == REF_CALL ? 0 : k == REF_PROP ? 1 : k == REF_SUPER ? 3 : 2; /* REF_DYN: base, slot */
}

/* Stores TOS into the reference (consuming the ref operands), leaving the value. */
static void emit_ref_put(hx_fstate *fs, hx_ast_node *t, ref_kind k, hx_value key) {
    hx_set_pos(fs, t);
    switch (k) {
    case REF_NAME: {
        hx_ref r = hx_lookup(fs, t->u.ident.name);
        hx_emit_store(fs, &r, false, t);
        break;
    }
    case REF_DYN: hx_emit_op_const(fs, HX_OPC_put_ref, hx_const_name(fs, t->u.ident.name)); break;
    case REF_CALL: break;
    case REF_PROP: hx_emit_op_key(fs, HX_OPC_put_prop, key); break;
    case REF_ELEM: hx_emit_op(fs, HX_OPC_put_elem); break;
    case REF_SUPER: hx_emit_op(fs, HX_OPC_put_super); break;
    case REF_PRIVATE: hx_emit_op(fs, HX_OPC_put_private); break;
    }
}

static void compile_assign(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_node *t = n->u.assign.target;
    uint8_t op = n->u.assign.op;
    if (op == HX_OP_ASSIGN && (t->kind == HX_AST_OBJECT_PATTERN || t->kind == HX_AST_ARRAY_PATTERN)) {
        hx_compile_expr(fs, n->u.assign.value);
        hx_emit_op(fs, HX_OPC_dup);
        hx_compile_bind_pattern(fs, t, false);
        return;
    }
    hx_value key = HX_UNDEFINED;
    ref_kind k = emit_ref(fs, t, &key);
    if (op == HX_OP_ASSIGN) {
        if ((k == REF_NAME || k == REF_DYN) && hx_is_anonymous_fn(n->u.assign.value)) {
            hx_value nm = hx_string_from_utf8(fs->rt, t->u.ident.name->utf8, t->u.ident.name->len);
            hx_compile_expr_named(fs, n->u.assign.value, nm);
        } else
            hx_compile_expr(fs, n->u.assign.value);
        emit_ref_put(fs, t, k, key);
        return;
    }
    if (op == HX_OP_AND || op == HX_OP_OR || op == HX_OP_NULLISH) {
        /* logical assignment: only assigns when the short circuit does not */
        emit_ref_get(fs, t, k, key);
        hx_opcode j = op == HX_OP_AND ? HX_OPC_jmp_false_keep : op == HX_OP_OR ? HX_OPC_jmp_true_keep : HX_OPC_jmp_not_nullish_keep;
        uint32_t skip = hx_emit_jump(fs, j);
        int kept = fs->depth;
        hx_adjust(fs, -1); /* the fall-through path popped the old value */
        if ((k == REF_NAME || k == REF_DYN) && hx_is_anonymous_fn(n->u.assign.value)) {
            hx_value nm = hx_string_from_utf8(fs->rt, t->u.ident.name->utf8, t->u.ident.name->len);
            hx_compile_expr_named(fs, n->u.assign.value, nm);
        } else
            hx_compile_expr(fs, n->u.assign.value);
        emit_ref_put(fs, t, k, key);
        uint32_t done = hx_emit_jump(fs, HX_OPC_jmp);
        hx_patch_here(fs, skip);
        fs->depth = kept;
        /* short-circuited: drop the reference operands below the value */
        int extra = ref_items(k);
        for (int i = 0; i < extra; i++) hx_emit_op(fs, HX_OPC_nip);
        hx_patch_here(fs, done);
        return;
    }
    emit_ref_get(fs, t, k, key);
    hx_compile_expr(fs, n->u.assign.value);
    hx_set_pos(fs, n);
    hx_emit_op(fs, binop(op));
    emit_ref_put(fs, t, k, key);
}

static void compile_update(hx_fstate *fs, hx_ast_node *n) {
    hx_ast_node *t = n->u.update.argument;
    hx_value key = HX_UNDEFINED;
    ref_kind k = emit_ref(fs, t, &key);
    emit_ref_get(fs, t, k, key);
    hx_set_pos(fs, n);
    hx_emit_op(fs, HX_OPC_to_numeric);
    hx_opcode op = n->u.update.op == HX_OP_INC ? HX_OPC_inc : HX_OPC_dec;
    if (n->u.update.prefix) {
        hx_emit_op(fs, op);
        emit_ref_put(fs, t, k, key);
        return;
    }
    /* postfix: the old value is the result */
    uint32_t tmp = hx_alloc_reg(fs);
    hx_emit_op_u16(fs, HX_OPC_put_reg, (uint16_t)tmp);
    hx_emit_op(fs, op);
    emit_ref_put(fs, t, k, key);
    hx_emit_op(fs, HX_OPC_drop);
    hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)tmp);
    hx_free_reg(fs, tmp);
}

static void compile_logical(hx_fstate *fs, hx_ast_node *n) {
    hx_compile_expr(fs, n->u.binary.left);
    hx_opcode j = n->u.binary.op == HX_OP_AND ? HX_OPC_jmp_false_keep
                  : n->u.binary.op == HX_OP_OR ? HX_OPC_jmp_true_keep
                                               : HX_OPC_jmp_not_nullish_keep;
    uint32_t at = hx_emit_jump(fs, j);
    hx_adjust(fs, -1); /* the fall-through path popped the left value */
    hx_compile_expr(fs, n->u.binary.right);
    hx_patch_here(fs, at);
}

void hx_compile_cond_jump(hx_fstate *fs, hx_ast_node *n, bool jump_if, hx_jumplist *jl) {
    if (n->kind == HX_AST_UNARY && n->u.unary.op == HX_OP_NOT) {
        hx_compile_cond_jump(fs, n->u.unary.argument, !jump_if, jl);
        return;
    }
    hx_compile_expr(fs, n);
    hx_jl_add(fs, jl, hx_emit_jump(fs, jump_if ? HX_OPC_jmp_true : HX_OPC_jmp_false));
}

static void compile_chain(hx_fstate *fs, hx_ast_node *n) {
    hx_jumplist *saved = chain_jl;
    int saved_depth = chain_depth;
    hx_jumplist jl = {0};
    chain_jl = &jl;
    chain_depth = fs->depth;
    hx_compile_expr(fs, n->u.unary_stmt.argument);
    if (jl.len) {
        uint32_t over = hx_emit_jump(fs, HX_OPC_jmp);
        hx_jl_patch(fs, &jl, fs->len);
        hx_emit_op(fs, HX_OPC_drop);
        hx_emit_op(fs, HX_OPC_push_undefined);
        hx_patch_here(fs, over);
    }
    chain_jl = saved;
    chain_depth = saved_depth;
}

static void emit_private_name(hx_fstate *fs, hx_ast_node *pn) {
    /* private names live in the context of the class that declares them,
     * in the slots after the class scope's bindings */
    const hx_ast_name *name = pn->u.ident.name;
    uint32_t depth = 0;
    for (hx_cscope *cs = fs->scope; cs; cs = cs->parent) {
        if (cs->ast->kind == HX_SCOPE_CLASS) {
            hx_ast_node *cls = cs->ast->node;
            for (uint32_t i = 0; i < cls->u.klass.private_count; i++) {
                if (cls->u.klass.privates[i].name == name) {
                    hx_emit_op(fs, HX_OPC_load_ctx);
                    hx_emit_u16(fs, (uint16_t)depth);
                    hx_emit_u16(fs, (uint16_t)(cs->count + i));
                    return;
                }
            }
        }
        if (cs->has_ctx) depth++;
    }
    /* eval code inside a class: found by name at run time */
    hx_emit_op_const(fs, HX_OPC_get_name, hx_const_name(fs, name));
}

void hx_emit_private_name(hx_fstate *fs, hx_ast_node *pn) { emit_private_name(fs, pn); }

static void compile_expr_inner(hx_fstate *fs, hx_ast_node *n);

/* Bounds the compiler's recursion: long operator chains parse iteratively
 * but compile recursively. */
void hx_compile_expr(hx_fstate *fs, hx_ast_node *n) {
    if (hx_cur_compiler->failed) return;
    if (++hx_cur_compiler->depth > HX_COMPILE_MAX_DEPTH) {
        hx_compile_error(fs, n, "expression too deeply nested");
        hx_cur_compiler->depth--;
        return;
    }
    compile_expr_inner(fs, n);
    hx_cur_compiler->depth--;
}

static void compile_expr_inner(hx_fstate *fs, hx_ast_node *n) {
    /* tail position (ES2025 15.10.2) reaches only calls, the branches of ?:,
     * the right operand of && || ?? and the last expression of a comma list */
    bool tail = fs->tail_call;
    fs->tail_call = false;
    if (tail) {
        switch (n->kind) {
        case HX_AST_CALL:
            fs->tail_call = true;
            compile_call(fs, n);
            return;
        case HX_AST_TAGGED_TEMPLATE: compile_tagged(fs, n, true); return;
        case HX_AST_CONDITIONAL: {
            hx_jumplist jl = {0};
            hx_compile_cond_jump(fs, n->u.if_.test, false, &jl);
            fs->tail_call = true;
            hx_compile_expr(fs, n->u.if_.consequent);
            uint32_t end = hx_emit_jump(fs, HX_OPC_jmp);
            hx_adjust(fs, -1);
            hx_jl_patch(fs, &jl, fs->len);
            fs->tail_call = true;
            hx_compile_expr(fs, n->u.if_.alternate);
            hx_patch_here(fs, end);
            return;
        }
        case HX_AST_LOGICAL: {
            hx_compile_expr(fs, n->u.binary.left);
            hx_opcode j = n->u.binary.op == HX_OP_AND ? HX_OPC_jmp_false_keep
                          : n->u.binary.op == HX_OP_OR ? HX_OPC_jmp_true_keep
                                                       : HX_OPC_jmp_not_nullish_keep;
            uint32_t at = hx_emit_jump(fs, j);
            hx_adjust(fs, -1);
            fs->tail_call = true;
            hx_compile_expr(fs, n->u.binary.right);
            hx_patch_here(fs, at);
            return;
        }
        case HX_AST_SEQUENCE:
            for (uint32_t i = 0; i < n->u.sequence.expressions.len; i++) {
                if (i + 1 < n->u.sequence.expressions.len) hx_compile_expr_discard(fs, n->u.sequence.expressions.items[i]);
                else {
                    fs->tail_call = true;
                    hx_compile_expr(fs, n->u.sequence.expressions.items[i]);
                }
            }
            return;
        default: break;
        }
    }
    switch ((hx_ast_kind)n->kind) {
    case HX_AST_IDENTIFIER: {
        hx_set_pos(fs, n);
        const hx_ast_name *nm = n->u.ident.name;
        if (name_is(nm, "arguments")) {
            /* the arguments object of the nearest non-arrow function, unless a
             * binding named arguments comes first (ES2025 10.2.11 step 22) */
            hx_fstate *f = fs;
            while (f && f->node && f->node->kind == HX_AST_ARROW) f = f->parent;
            if (f && !f->is_program && f->info && f->info->uses_syn[HX_SYN_ARGUMENTS] && !f->info->has_eval) {
                bool shadowed = false;
                hx_cscope *stop = f->info->params ? f->info->params->parent : NULL;
                for (hx_cscope *cs = fs->scope; cs && cs != stop; cs = cs->parent)
                    for (uint32_t i = 0; i < cs->count && !shadowed; i++)
                        if (cs->bind[i].name == nm) shadowed = true;
                if (!shadowed) {
                    hx_emit_syn_load(fs, HX_SYN_ARGUMENTS);
                    return;
                }
            }
            hx_ref ar = hx_lookup(fs, nm);
            if (!ar.b && !ar.dynamic && f && !f->is_program && f->info && f->info->uses_syn[HX_SYN_ARGUMENTS]) {
                hx_emit_syn_load(fs, HX_SYN_ARGUMENTS);
                return;
            }
        }
        hx_ref r = hx_lookup(fs, nm);
        hx_emit_load(fs, &r, n);
        return;
    }
    case HX_AST_NULL_LIT: hx_emit_op(fs, HX_OPC_push_null); return;
    case HX_AST_BOOL_LIT: hx_emit_op(fs, n->u.boolean.value ? HX_OPC_push_true : HX_OPC_push_false); return;
    case HX_AST_NUMBER_LIT: hx_emit_number(fs, n->u.number.value); return;
    case HX_AST_STRING_LIT:
        hx_emit_op_const(fs, HX_OPC_push_const, hx_const_string_utf16(fs, n->u.string.chars, n->u.string.len));
        return;
    case HX_AST_BIGINT_LIT: {
        hx_value b = hx_bigint_from_literal(fs->realm, n->u.bigint.digits, n->u.bigint.len, n->u.bigint.radix);
        if (hx_is_exception(b)) {
            hx_cur_compiler->failed = true;
            return;
        }
        hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, b));
        return;
    }
    case HX_AST_REGEXP_LIT: {
        hx_value p = hx_string_from_utf16(fs->rt, n->u.regexp.pattern, n->u.regexp.pattern_len);
        hx_value f = hx_string_from_utf16(fs->rt, n->u.regexp.flags_text, n->u.regexp.flags_len);
        if (hx_is_exception(p) || hx_is_exception(f)) {
            hx_cur_compiler->failed = true;
            return;
        }
        hx_value pair[2] = {p, f};
        hx_value arr = hx_array_from(fs->realm, pair, 2);
        if (hx_is_exception(arr)) {
            hx_cur_compiler->failed = true;
            return;
        }
        hx_set_pos(fs, n);
        hx_emit_op_const(fs, HX_OPC_regexp, hx_add_const(fs, arr));
        return;
    }
    case HX_AST_TEMPLATE: compile_template(fs, n); return;
    case HX_AST_TAGGED_TEMPLATE: compile_tagged(fs, n, false); return;
    case HX_AST_THIS: hx_set_pos(fs, n); emit_this(fs, n); return;
    case HX_AST_ARRAY: compile_array(fs, n); return;
    case HX_AST_OBJECT: compile_object(fs, n); return;
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW: hx_emit_closure(fs, n, HX_UNDEFINED); return;
    case HX_AST_CLASS_EXPR: hx_compile_class(fs, n, HX_UNDEFINED); return;
    case HX_AST_UNARY: compile_unary(fs, n); return;
    case HX_AST_UPDATE: compile_update(fs, n); return;
    case HX_AST_BINARY:
        hx_compile_expr(fs, n->u.binary.left);
        hx_compile_expr(fs, n->u.binary.right);
        hx_set_pos(fs, n);
        hx_emit_op(fs, binop(n->u.binary.op));
        return;
    case HX_AST_LOGICAL: compile_logical(fs, n); return;
    case HX_AST_ASSIGN: compile_assign(fs, n); return;
    case HX_AST_CONDITIONAL: {
        hx_jumplist jl = {0};
        hx_compile_cond_jump(fs, n->u.if_.test, false, &jl);
        hx_compile_expr(fs, n->u.if_.consequent);
        uint32_t end = hx_emit_jump(fs, HX_OPC_jmp);
        hx_adjust(fs, -1);
        hx_jl_patch(fs, &jl, fs->len);
        hx_compile_expr(fs, n->u.if_.alternate);
        hx_patch_here(fs, end);
        return;
    }
    case HX_AST_CALL: compile_call(fs, n); return;
    case HX_AST_NEW: compile_new(fs, n); return;
    case HX_AST_MEMBER: compile_member(fs, n, false); return;
    case HX_AST_CHAIN: compile_chain(fs, n); return;
    case HX_AST_SEQUENCE:
        for (uint32_t i = 0; i < n->u.sequence.expressions.len; i++) {
            if (i + 1 < n->u.sequence.expressions.len) hx_compile_expr_discard(fs, n->u.sequence.expressions.items[i]);
            else hx_compile_expr(fs, n->u.sequence.expressions.items[i]);
        }
        return;
    case HX_AST_YIELD: hx_compile_yield(fs, n); return;
    case HX_AST_AWAIT: {
        hx_value s = hx_string_from_cstr(fs->rt, "await is not supported yet (async functions are a later issue)");
        hx_emit_op(fs, HX_OPC_throw_error);
        hx_emit_u16(fs, HR_SYNTAX_ERROR);
        hx_emit_u32(fs, hx_add_const(fs, s));
        hx_emit_op(fs, HX_OPC_push_undefined);
        return;
    }
    case HX_AST_META_PROPERTY:
        if (n->u.meta.kind == HX_META_NEW_TARGET) hx_emit_syn_load(fs, HX_SYN_NEW_TARGET);
        else {
            hx_value s = hx_string_from_cstr(fs->rt, "import.meta is not supported yet (modules are a later issue)");
            hx_emit_op(fs, HX_OPC_throw_error);
            hx_emit_u16(fs, HR_SYNTAX_ERROR);
            hx_emit_u32(fs, hx_add_const(fs, s));
            hx_emit_op(fs, HX_OPC_push_undefined);
        }
        return;
    case HX_AST_IMPORT_CALL: {
        hx_compile_expr(fs, n->u.import_call.source);
        hx_emit_op(fs, HX_OPC_drop);
        hx_value s = hx_string_from_cstr(fs->rt, "dynamic import() is not supported yet (modules are a later issue)");
        hx_emit_op(fs, HX_OPC_throw_error);
        hx_emit_u16(fs, HR_SYNTAX_ERROR);
        hx_emit_u32(fs, hx_add_const(fs, s));
        hx_emit_op(fs, HX_OPC_push_undefined);
        return;
    }
    case HX_AST_PRIVATE_IN:
        emit_private_name(fs, n->u.private_in.name);
        hx_compile_expr(fs, n->u.private_in.right);
        hx_set_pos(fs, n);
        hx_emit_op(fs, HX_OPC_has_private);
        return;
    case HX_AST_SUPER:
    default: hx_compile_error(fs, n, "unexpected %s in expression position", hx_ast_kind_names[n->kind]); return;
    }
}

/* An expression whose value is not used: assignments and updates of
 * register bindings store without keeping a copy (x = e; i++). */
void hx_compile_expr_discard(hx_fstate *fs, hx_ast_node *n) {
    if (hx_cur_compiler->failed) return;
    if ((n->kind == HX_AST_ASSIGN || n->kind == HX_AST_UPDATE) && !(n->flags & HX_AST_F_PARENS && 0)) {
        hx_ast_node *t = n->kind == HX_AST_ASSIGN ? n->u.assign.target : n->u.update.argument;
        if (t->kind == HX_AST_IDENTIFIER) {
            hx_ref r = hx_lookup(fs, t->u.ident.name);
            hx_binding *b = r.b;
            if (!r.dynamic && b && b->storage == HX_ST_REG && !b->tdz && !b->is_const) {
                if (n->kind == HX_AST_UPDATE) {
                    hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)b->index);
                    hx_set_pos(fs, n);
                    hx_emit_op(fs, n->u.update.op == HX_OP_INC ? HX_OPC_inc : HX_OPC_dec);
                    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
                    return;
                }
                uint8_t op = n->u.assign.op;
                if (op == HX_OP_ASSIGN) {
                    if (hx_is_anonymous_fn(n->u.assign.value)) {
                        hx_value nm = hx_string_from_utf8(fs->rt, t->u.ident.name->utf8, t->u.ident.name->len);
                        hx_compile_expr_named(fs, n->u.assign.value, nm);
                    } else
                        hx_compile_expr(fs, n->u.assign.value);
                    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
                    return;
                }
                if (op != HX_OP_AND && op != HX_OP_OR && op != HX_OP_NULLISH) {
                    hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)b->index);
                    hx_compile_expr(fs, n->u.assign.value);
                    hx_set_pos(fs, n);
                    hx_emit_op(fs, binop(op));
                    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)b->index);
                    return;
                }
            }
        }
    }
    hx_compile_expr(fs, n);
    hx_emit_op(fs, HX_OPC_drop);
}
