/*
 * ast.c — name tables generated from the X-macro lists in ast.h, and the
 * indented tree dump used by parsecheck --dump and debugging.
 */
#include "parse/ast.h"

#include <stdio.h>

const char *const hx_ast_kind_names[HX_AST_KIND_COUNT] = {
#define HX_AST_KIND_STR(name, str) str,
    HX_AST_NODE_KINDS(HX_AST_KIND_STR)
#undef HX_AST_KIND_STR
};

const char *const hx_ast_op_names[HX_OP_COUNT] = {
#define HX_AST_OP_STR(name, str) str,
    HX_AST_OPS(HX_AST_OP_STR)
#undef HX_AST_OP_STR
};

const char *const hx_ast_decl_kind_names[HX_DECL_KIND_COUNT] = {
#define HX_AST_DECL_STR(name, str) str,
    HX_AST_DECL_KINDS(HX_AST_DECL_STR)
#undef HX_AST_DECL_STR
};

static void indent(FILE *f, int depth)
{
    for (int i = 0; i < depth; i++)
        fputs("  ", f);
}

static void put16(FILE *f, const uint16_t *s, uint32_t n)
{
    fputc('"', f);
    for (uint32_t i = 0; i < n; i++) {
        uint16_t c = s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c >= 0x20 && c < 0x7F)
            fputc(c, f);
        else
            fprintf(f, "\\u%04X", c);
    }
    fputc('"', f);
}

static void dump_scope(FILE *f, const hx_ast_scope *s, int depth)
{
    if (!s || s->decl_count == 0)
        return;
    indent(f, depth);
    fputs("scope:", f);
    for (uint32_t i = 0; i < s->decl_count; i++)
        fprintf(f, " %s:%s%s", s->decls[i].name->utf8, hx_ast_decl_kind_names[s->decls[i].kind],
                (s->decls[i].flags & HX_DECL_F_ANNEXB) ? "(annexb)" : "");
    fputc('\n', f);
}

static void dump(FILE *f, const hx_ast_node *n, int depth, const char *label);

static void dump_list(FILE *f, const hx_ast_list *l, int depth, const char *label)
{
    for (uint32_t i = 0; i < l->len; i++) {
        if (l->items[i])
            dump(f, l->items[i], depth, label);
        else {
            indent(f, depth);
            fprintf(f, "%s: <hole>\n", label);
        }
    }
}

static void dump(FILE *f, const hx_ast_node *n, int depth, const char *label)
{
    if (!n)
        return;
    indent(f, depth);
    if (label)
        fprintf(f, "%s: ", label);
    fprintf(f, "%s", hx_ast_kind_names[n->kind]);
    const int d = depth + 1;
    switch (n->kind) {
    case HX_AST_IDENTIFIER:
    case HX_AST_PRIVATE_NAME: fprintf(f, " %s", n->u.ident.name->utf8); break;
    case HX_AST_NUMBER_LIT: fprintf(f, " %.17g", n->u.number.value); break;
    case HX_AST_BIGINT_LIT: fprintf(f, " %s (radix %d)", n->u.bigint.digits, n->u.bigint.radix); break;
    case HX_AST_BOOL_LIT: fprintf(f, " %s", n->u.boolean.value ? "true" : "false"); break;
    case HX_AST_STRING_LIT:
        fputc(' ', f);
        put16(f, n->u.string.chars, n->u.string.len);
        break;
    case HX_AST_REGEXP_LIT:
        fputc(' ', f);
        put16(f, n->u.regexp.pattern, n->u.regexp.pattern_len);
        fputc(' ', f);
        put16(f, n->u.regexp.flags_text, n->u.regexp.flags_len);
        break;
    case HX_AST_TEMPLATE_ELEMENT:
        fputs(" cooked=", f);
        if (n->u.tmpl_elem.cooked)
            put16(f, n->u.tmpl_elem.cooked, n->u.tmpl_elem.cooked_len);
        else
            fputs("undefined", f);
        fputs(" raw=", f);
        put16(f, n->u.tmpl_elem.raw, n->u.tmpl_elem.raw_len);
        break;
    case HX_AST_UNARY:
    case HX_AST_UPDATE:
    case HX_AST_BINARY:
    case HX_AST_LOGICAL:
    case HX_AST_ASSIGN: fprintf(f, " %s", hx_ast_op_names[n->u.binary.op]); break;
    case HX_AST_VAR_DECL: {
        static const char *const k[] = {"var", "let", "const", "using", "await using"};
        fprintf(f, " %s", k[n->u.var_decl.kind]);
        break;
    }
    case HX_AST_FUNCTION_DECL:
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW:
        fprintf(f, " %s flags=0x%x length=%u", n->u.func.name ? n->u.func.name->utf8 : "<anon>",
                n->u.func.flags, n->u.func.length);
        break;
    case HX_AST_CLASS_DECL:
    case HX_AST_CLASS_EXPR:
        fprintf(f, " %s", n->u.klass.name ? n->u.klass.name->utf8 : "<anon>");
        break;
    case HX_AST_LABELED: fprintf(f, " %s", n->u.labeled.label->utf8); break;
    case HX_AST_BREAK:
    case HX_AST_CONTINUE:
        if (n->u.jump.label)
            fprintf(f, " %s", n->u.jump.label->utf8);
        break;
    case HX_AST_MEMBER:
        if (n->u.member.optional)
            fputs(" optional", f);
        break;
    case HX_AST_CALL:
        if (n->u.call.optional)
            fputs(" optional", f);
        if (n->u.call.direct_eval)
            fputs(" direct-eval", f);
        break;
    case HX_AST_PROPERTY: {
        static const char *const k[] = {"init", "get", "set"};
        fprintf(f, " %s%s%s%s", k[n->u.prop.kind], n->u.prop.shorthand ? " shorthand" : "",
                n->u.prop.method ? " method" : "", n->u.prop.proto ? " proto" : "");
        break;
    }
    case HX_AST_METHOD: {
        static const char *const k[] = {"method", "get", "set", "constructor"};
        fprintf(f, " %s%s", k[n->u.method.kind], n->u.method.is_static ? " static" : "");
        break;
    }
    case HX_AST_FIELD:
        if (n->u.field.is_static)
            fputs(" static", f);
        break;
    case HX_AST_YIELD:
        if (n->u.yield.delegate)
            fputs(" delegate", f);
        break;
    case HX_AST_META_PROPERTY:
        fputs(n->u.meta.kind == HX_META_NEW_TARGET ? " new.target" : " import.meta", f);
        break;
    case HX_AST_FOR_OF:
        if (n->u.for_in.await_)
            fputs(" await", f);
        break;
    case HX_AST_IMPORT_SPECIFIER: {
        static const char *const k[] = {"default", "namespace", "named"};
        fprintf(f, " %s", k[n->u.import_spec.kind]);
        break;
    }
    case HX_AST_EXPR_STMT:
        if (n->u.expr_stmt.directive)
            fputs(" directive", f);
        break;
    default: break;
    }
    if (n->flags & HX_AST_F_PARENS)
        fputs(" (parens)", f);
    fprintf(f, " @%u:%u\n", n->line, n->col);
    switch (n->kind) {
    case HX_AST_PROGRAM:
        dump_scope(f, n->u.program.scope, d);
        dump_list(f, &n->u.program.body, d, NULL);
        break;
    case HX_AST_VAR_DECL: dump_list(f, &n->u.var_decl.declarations, d, NULL); break;
    case HX_AST_VAR_DECLARATOR:
        dump(f, n->u.declarator.id, d, "id");
        dump(f, n->u.declarator.init, d, "init");
        break;
    case HX_AST_FUNCTION_DECL:
    case HX_AST_FUNCTION_EXPR:
    case HX_AST_ARROW:
        dump_scope(f, n->u.func.param_scope, d);
        dump_list(f, &n->u.func.params, d, "param");
        dump_scope(f, n->u.func.body_scope, d);
        dump_list(f, &n->u.func.body, d, NULL);
        break;
    case HX_AST_CLASS_DECL:
    case HX_AST_CLASS_EXPR:
        dump(f, n->u.klass.super_class, d, "extends");
        dump_list(f, &n->u.klass.body, d, NULL);
        break;
    case HX_AST_EXPR_STMT: dump(f, n->u.expr_stmt.expression, d, NULL); break;
    case HX_AST_BLOCK:
    case HX_AST_STATIC_BLOCK:
        dump_scope(f, n->u.block.scope, d);
        dump_list(f, &n->u.block.body, d, NULL);
        break;
    case HX_AST_WITH:
        dump(f, n->u.with.object, d, "object");
        dump(f, n->u.with.body, d, "body");
        break;
    case HX_AST_RETURN:
    case HX_AST_THROW:
    case HX_AST_SPREAD:
    case HX_AST_CHAIN:
    case HX_AST_AWAIT:
    case HX_AST_REST: dump(f, n->u.unary_stmt.argument, d, NULL); break;
    case HX_AST_LABELED: dump(f, n->u.labeled.body, d, NULL); break;
    case HX_AST_IF:
    case HX_AST_CONDITIONAL:
        dump(f, n->u.if_.test, d, "test");
        dump(f, n->u.if_.consequent, d, "then");
        dump(f, n->u.if_.alternate, d, "else");
        break;
    case HX_AST_SWITCH:
        dump(f, n->u.switch_.discriminant, d, "discriminant");
        dump_scope(f, n->u.switch_.scope, d);
        dump_list(f, &n->u.switch_.cases, d, NULL);
        break;
    case HX_AST_SWITCH_CASE:
        dump(f, n->u.switch_case.test, d, "test");
        dump_list(f, &n->u.switch_case.consequent, d, NULL);
        break;
    case HX_AST_TRY:
        dump(f, n->u.try_.block, d, "block");
        dump(f, n->u.try_.handler, d, "handler");
        dump(f, n->u.try_.finalizer, d, "finalizer");
        break;
    case HX_AST_CATCH:
        dump_scope(f, n->u.catch_.scope, d);
        dump(f, n->u.catch_.param, d, "param");
        dump(f, n->u.catch_.body, d, "body");
        break;
    case HX_AST_WHILE:
    case HX_AST_DO_WHILE:
        dump(f, n->u.loop.test, d, "test");
        dump(f, n->u.loop.body, d, "body");
        break;
    case HX_AST_FOR:
        dump_scope(f, n->u.for_.scope, d);
        dump(f, n->u.for_.init, d, "init");
        dump(f, n->u.for_.test, d, "test");
        dump(f, n->u.for_.update, d, "update");
        dump(f, n->u.for_.body, d, "body");
        break;
    case HX_AST_FOR_IN:
    case HX_AST_FOR_OF:
        dump_scope(f, n->u.for_in.scope, d);
        dump(f, n->u.for_in.left, d, "left");
        dump(f, n->u.for_in.right, d, "right");
        dump(f, n->u.for_in.body, d, "body");
        break;
    case HX_AST_IMPORT_DECL:
        dump_list(f, &n->u.import_decl.specifiers, d, NULL);
        dump(f, n->u.import_decl.source, d, "source");
        dump_list(f, &n->u.import_decl.attributes, d, NULL);
        break;
    case HX_AST_IMPORT_SPECIFIER:
        dump(f, n->u.import_spec.imported, d, "imported");
        dump(f, n->u.import_spec.local, d, "local");
        break;
    case HX_AST_IMPORT_ATTRIBUTE:
        dump(f, n->u.attribute.key, d, "key");
        dump(f, n->u.attribute.value, d, "value");
        break;
    case HX_AST_EXPORT_NAMED:
        dump(f, n->u.export_named.declaration, d, NULL);
        dump_list(f, &n->u.export_named.specifiers, d, NULL);
        dump(f, n->u.export_named.source, d, "source");
        break;
    case HX_AST_EXPORT_SPECIFIER:
        dump(f, n->u.export_spec.local, d, "local");
        dump(f, n->u.export_spec.exported, d, "exported");
        break;
    case HX_AST_EXPORT_DEFAULT: dump(f, n->u.export_default.declaration, d, NULL); break;
    case HX_AST_EXPORT_ALL:
        dump(f, n->u.export_all.exported, d, "exported");
        dump(f, n->u.export_all.source, d, "source");
        break;
    case HX_AST_TEMPLATE:
        for (uint32_t i = 0; i < n->u.tmpl.quasis.len; i++) {
            dump(f, n->u.tmpl.quasis.items[i], d, NULL);
            if (i < n->u.tmpl.expressions.len)
                dump(f, n->u.tmpl.expressions.items[i], d, NULL);
        }
        break;
    case HX_AST_TAGGED_TEMPLATE:
        dump(f, n->u.tagged.tag, d, "tag");
        dump(f, n->u.tagged.quasi, d, NULL);
        break;
    case HX_AST_ARRAY:
    case HX_AST_ARRAY_PATTERN:
    case HX_AST_OBJECT:
    case HX_AST_OBJECT_PATTERN: dump_list(f, &n->u.array.items, d, NULL); break;
    case HX_AST_PROPERTY:
        dump(f, n->u.prop.key, d, n->u.prop.computed ? "key(computed)" : "key");
        dump(f, n->u.prop.value, d, "value");
        break;
    case HX_AST_METHOD:
        dump(f, n->u.method.key, d, n->u.method.computed ? "key(computed)" : "key");
        dump(f, n->u.method.value, d, "value");
        break;
    case HX_AST_FIELD:
        dump(f, n->u.field.key, d, n->u.field.computed ? "key(computed)" : "key");
        dump(f, n->u.field.value, d, "value");
        break;
    case HX_AST_UNARY: dump(f, n->u.unary.argument, d, NULL); break;
    case HX_AST_UPDATE: dump(f, n->u.update.argument, d, NULL); break;
    case HX_AST_BINARY:
    case HX_AST_LOGICAL:
        dump(f, n->u.binary.left, d, NULL);
        dump(f, n->u.binary.right, d, NULL);
        break;
    case HX_AST_ASSIGN:
    case HX_AST_ASSIGN_PATTERN:
        dump(f, n->u.assign.target, d, "target");
        dump(f, n->u.assign.value, d, "value");
        break;
    case HX_AST_CALL:
    case HX_AST_NEW:
        dump(f, n->u.call.callee, d, "callee");
        dump_list(f, &n->u.call.arguments, d, "arg");
        break;
    case HX_AST_MEMBER:
        dump(f, n->u.member.object, d, "object");
        dump(f, n->u.member.property, d, n->u.member.computed ? "property(computed)" : "property");
        break;
    case HX_AST_SEQUENCE: dump_list(f, &n->u.sequence.expressions, d, NULL); break;
    case HX_AST_YIELD: dump(f, n->u.yield.argument, d, NULL); break;
    case HX_AST_IMPORT_CALL:
        dump(f, n->u.import_call.source, d, "source");
        dump(f, n->u.import_call.options, d, "options");
        break;
    case HX_AST_PRIVATE_IN:
        dump(f, n->u.private_in.name, d, NULL);
        dump(f, n->u.private_in.right, d, NULL);
        break;
    default: break;
    }
}

void hx_ast_dump(const hx_ast_node *node, void *f)
{
    dump((FILE *)f, node, 0, NULL);
}
