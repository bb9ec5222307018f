/*
 * compile_pattern.c — binding and assignment of destructuring patterns
 * (ES2025 8.6.2 BindingInitialization, 13.15.5 DestructuringAssignment).
 * hx_compile_bind_pattern consumes the value on top of the stack.
 *
 * Array patterns keep the iterator record as three stack values
 * (iterator, next method, done flag); a handler around the element
 * bindings closes the iterator when one of them throws.
 */
#include <string.h>
#include "compile/cinternal.h"

void hx_emit_private_name(hx_fstate *fs, hx_ast_node *pn);

/* A member-expression assignment target evaluated before its value is
 * produced (ES2025 13.15.5.5-6: lref first): the object and key wait in
 * registers. */
typedef struct early_ref {
    bool active;
    int obj_reg, key_reg; /* key_reg -1: named property */
    hx_ast_node *target;
} early_ref;

static early_ref eval_target_first(hx_fstate *fs, hx_ast_node *elem, bool init) {
    early_ref r = {false, -1, -1, NULL};
    hx_ast_node *t = elem->kind == HX_AST_ASSIGN_PATTERN ? elem->u.assign.target : elem;
    if (init || t->kind != HX_AST_MEMBER || t->u.member.object->kind == HX_AST_SUPER) return r;
    r.active = true;
    r.target = t;
    hx_compile_expr(fs, t->u.member.object);
    r.obj_reg = (int)hx_alloc_reg(fs);
    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)r.obj_reg);
    if (t->u.member.property->kind == HX_AST_PRIVATE_NAME) {
        hx_emit_private_name(fs, t->u.member.property);
        r.key_reg = (int)hx_alloc_reg(fs);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)r.key_reg);
    } else if (t->u.member.computed) {
        hx_compile_expr(fs, t->u.member.property);
        r.key_reg = (int)hx_alloc_reg(fs);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)r.key_reg);
    }
    return r;
}

/* value -> (stored into the early reference) */
static void put_early(hx_fstate *fs, early_ref *r) {
    hx_ast_node *t = r->target;
    uint32_t vreg = hx_alloc_reg(fs);
    hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)vreg);
    hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)r->obj_reg);
    if (t->u.member.property->kind == HX_AST_PRIVATE_NAME) {
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)r->key_reg);
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)vreg);
        hx_emit_op(fs, HX_OPC_put_private);
    } else if (r->key_reg >= 0) {
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)r->key_reg);
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)vreg);
        hx_emit_op(fs, HX_OPC_put_elem);
    } else {
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)vreg);
        hx_emit_op_key(fs, HX_OPC_put_prop, hx_name_key(fs, t->u.member.property->u.ident.name));
    }
    hx_emit_op(fs, HX_OPC_drop);
}

static void emit_default(hx_fstate *fs, hx_ast_node *def, hx_ast_node *target);

/* Binds an element value on the stack to its target, with a target
 * reference evaluated earlier when r is active. */
static void bind_elem(hx_fstate *fs, hx_ast_node *elem, bool init, early_ref *r) {
    if (!r->active) {
        hx_compile_bind_pattern(fs, elem, init);
        return;
    }
    if (elem->kind == HX_AST_ASSIGN_PATTERN) emit_default(fs, elem->u.assign.value, elem->u.assign.target);
    put_early(fs, r);
}

static hx_value target_name(hx_fstate *fs, hx_ast_node *t) {
    if (t->kind != HX_AST_IDENTIFIER) return HX_UNDEFINED;
    hx_value s = hx_string_from_utf8(fs->rt, t->u.ident.name->utf8, t->u.ident.name->len);
    return hx_is_exception(s) ? HX_UNDEFINED : s;
}

/* value -> value-or-default */
static void emit_default(hx_fstate *fs, hx_ast_node *def, hx_ast_node *target) {
    uint32_t to_def = hx_emit_jump(fs, HX_OPC_jmp_undef);
    uint32_t skip = hx_emit_jump(fs, HX_OPC_jmp);
    hx_patch_here(fs, to_def);
    hx_emit_op(fs, HX_OPC_drop);
    hx_compile_expr_named(fs, def, target_name(fs, target));
    hx_patch_here(fs, skip);
}

static void bind_member(hx_fstate *fs, hx_ast_node *t) {
    /* value on the stack; evaluate the reference now and store */
    if (t->u.member.object->kind == HX_AST_SUPER) {
        uint32_t tmp = hx_alloc_reg(fs);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)tmp);
        hx_emit_this(fs, t);
        hx_emit_syn_load(fs, HX_SYN_FUNC);
        if (t->u.member.computed) {
            hx_compile_expr(fs, t->u.member.property);
            hx_emit_op(fs, HX_OPC_to_property_key);
        } else
            hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, hx_name_key(fs, t->u.member.property->u.ident.name)));
        hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)tmp);
        hx_emit_op(fs, HX_OPC_put_super);
        hx_emit_op(fs, HX_OPC_drop);
        hx_free_reg(fs, tmp);
        return;
    }
    hx_compile_expr(fs, t->u.member.object);
    if (t->u.member.property->kind == HX_AST_PRIVATE_NAME) {
        hx_emit_private_name(fs, t->u.member.property);
        hx_emit_op(fs, HX_OPC_rot3r);
        hx_emit_op(fs, HX_OPC_put_private);
    } else if (!t->u.member.computed) {
        hx_emit_op(fs, HX_OPC_swap);
        hx_emit_op_key(fs, HX_OPC_put_prop, hx_name_key(fs, t->u.member.property->u.ident.name));
    } else {
        hx_compile_expr(fs, t->u.member.property);
        hx_emit_op(fs, HX_OPC_rot3r);
        hx_emit_op(fs, HX_OPC_put_elem);
    }
    hx_emit_op(fs, HX_OPC_drop);
}

static void bind_object(hx_fstate *fs, hx_ast_node *p, bool init) {
    hx_set_pos(fs, p);
    hx_emit_op(fs, HX_OPC_check_object_coercible);
    hx_ast_list *items = &p->u.object.items;
    bool has_rest = items->len && items->items[items->len - 1]->kind == HX_AST_REST;
    int keys_reg = -1;
    if (has_rest) {
        keys_reg = (int)hx_alloc_reg(fs);
        hx_emit_op(fs, HX_OPC_new_array);
        hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)keys_reg);
    }
    for (uint32_t i = 0; i < items->len; i++) {
        hx_ast_node *it = items->items[i];
        if (it->kind == HX_AST_REST) {
            hx_emit_op(fs, HX_OPC_new_object);
            hx_emit_op(fs, HX_OPC_over);
            hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)keys_reg);
            hx_emit_op_u8(fs, HX_OPC_copy_data_props, 1);
            hx_adjust(fs, -2);
            hx_compile_bind_pattern(fs, it->u.unary_stmt.argument, init);
            continue;
        }
        hx_ast_node *key = it->u.prop.key;
        early_ref er = {false, -1, -1, NULL};
        if (!it->u.prop.computed) er = eval_target_first(fs, it->u.prop.value, init);
        hx_emit_op(fs, HX_OPC_dup);
        if (it->u.prop.computed) {
            hx_compile_expr(fs, key);
            hx_emit_op(fs, HX_OPC_to_property_key);
            if (has_rest) {
                hx_emit_op(fs, HX_OPC_dup);
                hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)keys_reg);
                hx_emit_op(fs, HX_OPC_swap);
                hx_emit_op(fs, HX_OPC_append);
                hx_emit_op(fs, HX_OPC_drop);
            }
            hx_set_pos(fs, it);
            hx_emit_op(fs, HX_OPC_get_elem);
        } else {
            hx_value k;
            if (key->kind == HX_AST_IDENTIFIER) k = hx_name_key(fs, key->u.ident.name);
            else if (key->kind == HX_AST_STRING_LIT) {
                hx_value s = hx_string_from_utf16(fs->rt, key->u.string.chars, key->u.string.len);
                k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
            } else if (key->kind == HX_AST_NUMBER_LIT) {
                hx_value s = hx_number_to_string_value(fs->rt, key->u.number.value);
                k = hx_is_exception(s) ? HX_ATOM(fs->rt, empty) : hx_key_from_string(fs->rt, s);
            } else {
                hx_compile_expr(fs, key);
                hx_emit_op(fs, HX_OPC_to_property_key);
                hx_emit_op(fs, HX_OPC_get_elem);
                hx_compile_bind_pattern(fs, it->u.prop.value, init);
                continue;
            }
            if (has_rest) {
                hx_emit_op_u16(fs, HX_OPC_load_reg, (uint16_t)keys_reg);
                hx_emit_op_const(fs, HX_OPC_push_const, hx_add_const(fs, k));
                hx_emit_op(fs, HX_OPC_append);
                hx_emit_op(fs, HX_OPC_drop);
            }
            hx_set_pos(fs, it);
            hx_emit_op_key(fs, HX_OPC_get_prop, k);
        }
        bind_elem(fs, it->u.prop.value, init, &er);
    }
    hx_emit_op(fs, HX_OPC_drop);
}

static void bind_array(hx_fstate *fs, hx_ast_node *p, bool init) {
    hx_set_pos(fs, p);
    hx_emit_op(fs, HX_OPC_get_iterator);
    int base = fs->depth; /* iter next done */
    /* a return() resuming a yield inside an element closes the iterator */
    hx_cflow cf;
    memset(&cf, 0, sizeof cf);
    cf.kind = HX_CF_ITER;
    cf.outer = fs->cf;
    cf.depth = base - 3;
    fs->cf = &cf;
    uint32_t start = fs->len;
    hx_ast_list *items = &p->u.array.items;
    for (uint32_t i = 0; i < items->len; i++) {
        hx_ast_node *it = items->items[i];
        if (!it) {
            hx_emit_op(fs, HX_OPC_iter_value);
            hx_emit_op(fs, HX_OPC_drop);
            continue;
        }
        if (it->kind == HX_AST_REST) {
            early_ref rr = eval_target_first(fs, it->u.unary_stmt.argument, init);
            hx_emit_op(fs, HX_OPC_iter_rest);
            bind_elem(fs, it->u.unary_stmt.argument, init, &rr);
            continue;
        }
        early_ref er = eval_target_first(fs, it, init);
        hx_emit_op(fs, HX_OPC_iter_value);
        bind_elem(fs, it, init, &er);
    }
    uint32_t end = fs->len;
    fs->cf = cf.outer;
    uint32_t done = hx_emit_jump(fs, HX_OPC_jmp);
    /* handler: an element binding threw — close the iterator, rethrow */
    uint32_t handler = fs->len;
    fs->depth = base + 1;
    hx_emit_op(fs, HX_OPC_iter_close_throw);
    hx_adjust(fs, -1);
    hx_add_handler(fs, start, end, handler, base);
    hx_patch_here(fs, done);
    fs->depth = base;
    hx_emit_op(fs, HX_OPC_iter_close);
}

void hx_compile_bind_pattern(hx_fstate *fs, hx_ast_node *t, bool init) {
    if (hx_cur_compiler->failed) return;
    switch (t->kind) {
    case HX_AST_IDENTIFIER: {
        hx_ref r = hx_lookup(fs, t->u.ident.name);
        hx_set_pos(fs, t);
        if (!r.dynamic && r.b && r.b->storage == HX_ST_REG && (init || (!r.b->tdz && !r.b->is_const))) {
            hx_emit_op_u16(fs, HX_OPC_store_reg, (uint16_t)r.b->index);
            return;
        }
        hx_emit_store(fs, &r, init, t);
        hx_emit_op(fs, HX_OPC_drop);
        return;
    }
    case HX_AST_MEMBER: bind_member(fs, t); return;
    case HX_AST_ASSIGN_PATTERN:
        emit_default(fs, t->u.assign.value, t->u.assign.target);
        hx_compile_bind_pattern(fs, t->u.assign.target, init);
        return;
    case HX_AST_OBJECT_PATTERN: bind_object(fs, t, init); return;
    case HX_AST_ARRAY_PATTERN: bind_array(fs, t, init); return;
    case HX_AST_CALL:
        /* Annex B: for (f() in o) — evaluated, then a ReferenceError */
        hx_emit_op(fs, HX_OPC_drop);
        hx_compile_expr(fs, t);
        hx_emit_op(fs, HX_OPC_drop);
        hx_emit_invalid_target(fs);
        return;
    default: hx_compile_error(fs, t, "Invalid destructuring target"); return;
    }
}
