/*
 * error.c — creating error objects from C and capturing their stack trace.
 * The trace is an own "stack" data property (writable, configurable, not
 * enumerable) holding "Name: message\n    at f (file:line:column)..." built
 * from the active frames when the error is created.
 */
#include <stdio.h>
#include <string.h>
#include "vm/vm.h"
#include "vm/frame_info.h"

static const hx_intrinsic kind_proto[] = {
    [HR_ERROR] = HX_INTR_ErrorPrototype,           [HR_TYPE_ERROR] = HX_INTR_TypeErrorPrototype,
    [HR_RANGE_ERROR] = HX_INTR_RangeErrorPrototype, [HR_SYNTAX_ERROR] = HX_INTR_SyntaxErrorPrototype,
    [HR_REFERENCE_ERROR] = HX_INTR_ReferenceErrorPrototype, [HR_EVAL_ERROR] = HX_INTR_EvalErrorPrototype,
    [HR_URI_ERROR] = HX_INTR_URIErrorPrototype,
};

hx_value hx_error_new(hx_realm *realm, hr_error_kind kind, hx_value message) {
    hx_value pv = realm->intrinsics[kind_proto[kind]];
    if (!hx_is_object(pv)) pv = realm->intrinsics[HX_INTR_ObjectPrototype];
    hx_object *e = hx_object_new(realm, hx_as_object(pv), HX_CLASS_ERROR);
    if (!e) return HX_EXCEPTION;
    if (!hx_is_undefined(message) &&
        hx_define_value(realm, e, HX_ATOM(realm->rt, message), message, HX_PROP_BUILTIN) < 0)
        return HX_EXCEPTION;
    if (hx_error_capture_stack(realm, e) < 0) return HX_EXCEPTION;
    return hx_object_value(e);
}

hx_value hx_error_new_fmt(hx_realm *realm, hr_error_kind kind, const char *fmt, va_list ap) {
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    hx_value msg = hx_string_from_cstr(realm->rt, buf);
    if (hx_is_exception(msg)) return msg;
    return hx_error_new(realm, kind, msg);
}

/* Appends "    at name (file:line:col)" lines for the active frames. */
static void add_frames(hx_realm *realm, hx_sb *sb) {
    int count = 0;
    hx_frame *f = realm->rt->frame;
    while (f && (f->flags & HX_FRAME_NATIVE)) f = f->caller; /* the error constructors themselves */
    for (; f && count < 10; f = f->caller, count++) {
        hx_sb_add_cstr(sb, "\n    at ");
        if (f->flags & HX_FRAME_NATIVE) {
            hx_value n = f->callee ? hx_frame_function_name(realm, f) : HX_UNDEFINED;
            if (hx_is_string(n) && hx_as_string(n)->len) hx_sb_add_string(sb, hx_as_string(n));
            else hx_sb_add_cstr(sb, "<anonymous>");
            hx_sb_add_cstr(sb, " (native)");
            continue;
        }
        uint32_t line = 0, col = 0;
        hx_frame_position(f, &line, &col);
        hx_value n = hx_frame_function_name(realm, f);
        bool named = hx_is_string(n) && hx_as_string(n)->len;
        if (named) {
            hx_sb_add_string(sb, hx_as_string(n));
            hx_sb_add_cstr(sb, " (");
        }
        hx_sb_add_cstr(sb, f->def && f->def->source ? f->def->source->filename : "<unknown>");
        char pos[32];
        snprintf(pos, sizeof pos, ":%u:%u", line, col);
        hx_sb_add_cstr(sb, pos);
        if (named) hx_sb_add_unit(sb, ')');
    }
}

int hx_error_capture_stack(hx_realm *realm, hx_object *e) {
    hx_runtime *rt = realm->rt;
    hx_sb sb;
    hx_sb_init(&sb, rt);
    /* "Name: message" header, read without side effects from own/proto data */
    hx_value name = HX_UNDEFINED, msg = HX_UNDEFINED;
    hx_desc d;
    for (hx_object *o = e; o; o = o->shape->proto) {
        if (hx_class_of(o) == HX_CLASS_PROXY) break;
        if (hx_is_undefined(name) && hx_get_own_property(realm, o, HX_ATOM(rt, name), &d) > 0 && hx_is_string(d.value))
            name = d.value;
        if (hx_is_undefined(msg) && hx_get_own_property(realm, o, HX_ATOM(rt, message), &d) > 0 && hx_is_string(d.value))
            msg = d.value;
    }
    if (hx_is_string(name)) hx_sb_add_string(&sb, hx_as_string(name));
    else hx_sb_add_cstr(&sb, "Error");
    if (hx_is_string(msg) && hx_as_string(msg)->len) {
        hx_sb_add_cstr(&sb, ": ");
        hx_sb_add_string(&sb, hx_as_string(msg));
    }
    add_frames(realm, &sb);
    hx_value s = hx_sb_finish(&sb);
    if (hx_is_exception(s)) return -1;
    return hx_define_value(realm, e, HX_ATOM(rt, stack), s, HX_PROP_BUILTIN);
}
