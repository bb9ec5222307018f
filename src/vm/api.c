/*
 * api.c — the public embedding API (include/heron.h) over the internal
 * interfaces.  hr_runtime / hr_realm / hr_value are the internal
 * hx_runtime / hx_realm / hx_value.  Every value handed out is rooted in the
 * current handle scope (the handle stack); HR_API_CHECK guards misuse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"
#include "vm/vm.h"
#include "vm/runtime.h"
#include "compile/compiler.h"

#define HR_API_CHECK(c, msg)                                                                       \
    do {                                                                                           \
        if (!(c)) {                                                                                \
            fprintf(stderr, "heron: API misuse: %s\n", msg);                                       \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#define RT(r) ((hx_runtime *)(r))
#define RL(r) ((hx_realm *)(r))

static hx_value root(hx_runtime *rt, hx_value v) {
    if (hx_is_heap(v)) hx_handles_push(rt, v);
    return v;
}

void hr_config_init(hr_config *c) {
    memset(c, 0, sizeof *c);
    const char *s = getenv("HERON_GC_STRESS");
    c->gc_stress = s && *s && strcmp(s, "0") != 0;
}

hr_runtime *hr_runtime_new(const hr_config *config) {
    hr_config def;
    if (!config) {
        hr_config_init(&def);
        config = &def;
    }
    return (hr_runtime *)hx_runtime_create(config);
}

void hr_runtime_free(hr_runtime *rt) {
    if (rt) hx_runtime_destroy(RT(rt));
}

void hr_gc(hr_runtime *rt) { hx_gc_collect(RT(rt)); }

void hr_set_interrupt(hr_runtime *rt, hr_interrupt_fn fn, void *opaque) {
    RT(rt)->interrupt_fn = fn;
    RT(rt)->interrupt_opaque = opaque;
}

bool hr_is_interrupted(hr_runtime *rt) { return RT(rt)->interrupted; }

hr_realm *hr_realm_new(hr_runtime *rt) {
    hx_runtime *r = RT(rt);
    hx_realm *realm = hx_realm_new(r);
    if (!realm) {
        r->has_exception = false;
        return NULL;
    }
    if (hx_is_undefined(r->oom_error)) {
        hx_value e = hx_error_new(realm, HR_RANGE_ERROR, hx_string_from_cstr(r, "out of memory"));
        if (!hx_is_exception(e)) r->oom_error = e;
        r->has_exception = false;
    }
    return (hr_realm *)realm;
}

void hr_realm_release(hr_realm *realm) { RL(realm)->host_released = true; }
hr_runtime *hr_realm_runtime(hr_realm *realm) { return (hr_runtime *)RL(realm)->rt; }
hr_value hr_realm_global(hr_realm *realm) { return RL(realm)->global_this; }
void hr_realm_set_opaque(hr_realm *realm, void *opaque) { RL(realm)->opaque = opaque; }
void *hr_realm_opaque(hr_realm *realm) { return RL(realm)->opaque; }

static bool ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && !strcmp(s + a - b, suffix);
}

static int eval_flags(const char *filename, int flags) {
    if (filename && (ends_with(filename, ".ts") || ends_with(filename, ".mts") || ends_with(filename, ".cts")))
        flags |= HR_EVAL_TYPESCRIPT;
    return flags;
}

hr_status hr_eval(hr_realm *realm, const char *source, size_t len, const char *filename, int flags,
                  hr_value *result) {
    hx_realm *r = RL(realm);
    hx_runtime *rt = r->rt;
    HR_API_CHECK(source != NULL, "hr_eval: source is NULL");
    if (!filename) filename = "<eval>";
    hx_realm *saved = rt->current_realm;
    rt->current_realm = r;
    hx_funcdef *def = hx_compile_source(r, source, len, filename, eval_flags(filename, flags));
    hx_value v = def ? hx_run_script(r, def) : HX_EXCEPTION;
    rt->current_realm = saved;
    if (hx_is_exception(v)) {
        if (!rt->has_exception) hx_throw_oom(rt);
        return HR_EXCEPTION;
    }
    if (result) *result = root(rt, v);
    return HR_OK;
}

hr_status hr_check_syntax(hr_realm *realm, const char *source, size_t len, const char *filename, int flags) {
    hx_realm *r = RL(realm);
    hx_arena arena;
    hx_arena_init(&arena);
    hx_parse_options opts;
    memset(&opts, 0, sizeof opts);
    flags = eval_flags(filename ? filename : "", flags);
    opts.goal = (flags & HR_EVAL_MODULE) ? HX_GOAL_MODULE : HX_GOAL_SCRIPT;
    opts.filename = filename;
    if (flags & HR_EVAL_STRICT) opts.flags |= HX_PARSE_STRICT;
    if (flags & HR_EVAL_TYPESCRIPT) opts.flags |= HX_PARSE_TS;
    hx_parse_error err;
    hx_ast_node *prog = hx_parse(&arena, source, len, &opts, &err);
    hr_status st = HR_OK;
    if (!prog) {
        hx_throw_parse_error(r, filename ? filename : "<input>", &err);
        st = HR_EXCEPTION;
    }
    hx_arena_free_all(&arena);
    return st;
}

hr_status hr_run_jobs(hr_runtime *rtp) {
    hx_runtime *rt = RT(rtp);
    if (rt->running_jobs) return HR_OK;
    rt->running_jobs = true;
    hr_status st = HR_OK;
    while (rt->jobs_head) {
        hx_job *j = rt->jobs_head;
        rt->jobs_head = j->next;
        if (!rt->jobs_head) rt->jobs_tail = NULL;
        size_t mark = hx_handles_save(rt);
        for (int i = 0; i < 4; i++) hx_handles_push(rt, j->args[i]);
        hx_realm *realm = j->realm;
        hx_value args[4];
        memcpy(args, j->args, sizeof args);
        hx_value (*run)(hx_realm *, hx_value *) = j->run;
        hx_mem_free(rt, j, sizeof(hx_job));
        hx_value r = run(realm, args);
        hx_handles_restore(rt, mark);
        if (hx_is_exception(r) && rt->interrupted) {
            st = HR_EXCEPTION;
            break;
        }
        if (hx_is_exception(r)) rt->has_exception = false; /* job errors are reported by their owner */
    }
    rt->running_jobs = false;
    return st;
}

bool hr_has_exception(hr_runtime *rt) { return RT(rt)->has_exception; }
hr_value hr_take_exception(hr_runtime *rt) { return hx_take_exception(RT(rt)); }
hr_value hr_throw(hr_realm *realm, hr_value v) { return hx_throw(RL(realm), v); }

hr_value hr_throw_error(hr_realm *realm, hr_error_kind kind, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    hx_value e = hx_error_new_fmt(RL(realm), kind, fmt, ap);
    va_end(ap);
    if (hx_is_exception(e)) return e;
    return hx_throw(RL(realm), e);
}

/* A malloc'd copy for the host (hr_free releases it). */
static char *host_strdup(hx_runtime *rt, const char *s, size_t n) {
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *hr_to_utf8(hr_realm *realm, hr_value v, size_t *len_out) {
    hx_realm *r = RL(realm);
    hx_value s = hx_is_symbol(v) ? hx_as_symbol(v)->description : hx_to_string(r, v);
    if (hx_is_exception(s)) return NULL;
    if (!hx_is_string(s)) s = HX_ATOM(r->rt, empty);
    size_t n;
    char *u = hx_string_to_utf8(r->rt, hx_as_string(s), &n);
    if (!u) return NULL;
    char *out = host_strdup(r->rt, u, n);
    hx_mem_free(r->rt, u, n + 1);
    if (len_out) *len_out = n;
    return out;
}

void hr_free(hr_runtime *rt, void *p) { free(p); }

char *hr_format_exception(hr_realm *realm, hr_value exc) {
    hx_realm *r = RL(realm);
    hx_runtime *rt = r->rt;
    bool had = rt->has_exception;
    hx_value saved = rt->exception;
    char *out = NULL;
    if (hx_is_object(exc)) {
        hx_desc d;
        if (hx_get_own_property(r, hx_as_object(exc), HX_ATOM(rt, stack), &d) > 0 && hx_is_string(d.value)) {
            out = hr_to_utf8(realm, d.value, NULL);
        }
    }
    if (!out) {
        out = hr_to_utf8(realm, exc, NULL);
        if (!out) out = host_strdup(rt, "<exception>", 11);
    }
    rt->has_exception = had;
    rt->exception = saved;
    return out;
}

hr_value hr_undefined(void) { return HX_UNDEFINED; }
hr_value hr_null(void) { return HX_NULL; }
hr_value hr_bool(bool b) { return hx_bool(b); }
hr_value hr_number(double d) { return hx_number(d); }
hr_value hr_exception_marker(void) { return HX_EXCEPTION; }
bool hr_is_exception(hr_value v) { return v == HX_EXCEPTION; }
bool hr_is_undefined(hr_value v) { return v == HX_UNDEFINED; }
bool hr_is_null(hr_value v) { return v == HX_NULL; }
bool hr_is_bool(hr_value v) { return hx_is_bool(v); }
bool hr_is_number(hr_value v) { return hx_is_number(v); }
bool hr_is_string(hr_value v) { return hx_is_string(v); }
bool hr_is_symbol(hr_value v) { return hx_is_symbol(v); }
bool hr_is_object(hr_value v) { return hx_is_object(v); }
bool hr_is_function(hr_value v) { return hx_is_callable(v); }
bool hr_get_bool(hr_value v) { return v == HX_TRUE; }
double hr_get_number(hr_value v) { return hx_to_double_fast(v); }

hr_value hr_string(hr_realm *realm, const char *utf8, size_t len) {
    return root(RL(realm)->rt, hx_string_from_utf8(RL(realm)->rt, utf8, len));
}

hr_value hr_new_object(hr_realm *realm) { return root(RL(realm)->rt, hx_new_plain_object(RL(realm))); }

static hx_key name_key(hx_realm *r, const char *name) {
    hx_value s = hx_string_from_utf8(r->rt, name, strlen(name));
    if (hx_is_exception(s)) return s;
    return hx_key_from_string(r->rt, s);
}

hr_value hr_get(hr_realm *realm, hr_value obj, const char *name) {
    hx_key k = name_key(RL(realm), name);
    if (hx_is_exception(k)) return k;
    return root(RL(realm)->rt, hx_get(RL(realm), obj, k));
}

bool hr_set(hr_realm *realm, hr_value obj, const char *name, hr_value v) {
    hx_key k = name_key(RL(realm), name);
    if (hx_is_exception(k)) return false;
    return hx_set(RL(realm), obj, k, v, true) >= 0;
}

bool hr_define(hr_realm *realm, hr_value obj, const char *name, hr_value v) {
    HR_API_CHECK(hx_is_object(obj), "hr_define: not an object");
    hx_key k = name_key(RL(realm), name);
    if (hx_is_exception(k)) return false;
    hx_desc d = {v, HX_UNDEFINED, HX_UNDEFINED, HX_PROP_BUILTIN,
                 HX_DESC_VALUE | HX_DESC_WRITABLE | HX_DESC_ENUMERABLE | HX_DESC_CONFIGURABLE};
    return hx_define_own_property(RL(realm), hx_as_object(obj), k, &d, true) >= 0;
}

static hx_value api_trampoline(hx_realm *realm, hx_value this_value, int argc, hx_value *argv, hx_value nt, int magic) {
    return HX_UNDEFINED; /* never called: api functions dispatch through u.native.api_fn */
}

hr_value hr_new_function(hr_realm *realm, hr_native_fn fn, const char *name, int length, void *data) {
    hx_realm *r = RL(realm);
    hx_key k = name_key(r, name ? name : "");
    if (hx_is_exception(k)) return k;
    hx_value f = hx_native_function_new(r, api_trampoline, k, length, 0, false);
    if (hx_is_exception(f)) return f;
    hx_as_object(f)->u.native.api_fn = fn;
    hx_as_object(f)->u.native.api_data = data;
    return root(r->rt, f);
}

hr_value hr_call(hr_realm *realm, hr_value fn, hr_value this_value, int argc, const hr_value *args) {
    return root(RL(realm)->rt, hx_call(RL(realm), fn, this_value, argc, (hx_value *)args));
}

void hr_scope_open(hr_runtime *rt, hr_scope *scope) {
    scope->rt = rt;
    scope->mark = hx_handles_save(RT(rt));
}

void hr_scope_close(hr_scope *scope) { hx_handles_restore(RT(scope->rt), scope->mark); }

hr_persistent *hr_persist(hr_runtime *rtp, hr_value v) {
    hx_runtime *rt = RT(rtp);
    hx_persistent_node *n = hx_mem_alloc(rt, sizeof *n);
    if (!n) return NULL;
    n->value = v;
    n->next = rt->persistents.next;
    n->prev = &rt->persistents;
    rt->persistents.next->prev = n;
    rt->persistents.next = n;
    return (hr_persistent *)n;
}

hr_value hr_persistent_get(hr_persistent *p) { return ((hx_persistent_node *)p)->value; }

void hr_unpersist(hr_runtime *rt, hr_persistent *p) {
    hx_persistent_node *n = (hx_persistent_node *)p;
    n->prev->next = n->next;
    n->next->prev = n->prev;
    hx_mem_free(RT(rt), n, sizeof *n);
}

hr_realm *hr_function_realm(hr_realm *realm, hr_value fn) {
    if (!hx_is_object(fn)) return NULL;
    return (hr_realm *)hx_function_realm(RL(realm), hx_as_object(fn));
}

/* Replaced by the binary-data family's definition (src/builtins/arraybuffer.c)
 * when it is linked in; until then no ArrayBuffer can exist. */
__attribute__((weak)) bool hr_detach_array_buffer(hr_realm *realm, hr_value buffer) {
    hr_throw_error(realm, HR_TYPE_ERROR, "ArrayBuffer is not built yet");
    return false;
}
