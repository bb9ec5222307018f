/*
 * host.c — the host-defined bindings test262 expects in every test realm
 * (INTERPRETING.md "Host-Defined Functions"): `print` and the `$262` object
 * with createRealm, detachArrayBuffer, evalScript, gc and global.
 *
 * Left out on purpose: `$262.agent` (no multi-agent support: tests needing
 * it are tagged SharedArrayBuffer/Atomics and fail when not skipped),
 * `IsHTMLDDA` (the engine has no [[IsHTMLDDA]] objects; tests need the
 * IsHTMLDDA feature, which is skipped) and `AbstractModuleSource` (source
 * phase imports are skipped).
 *
 * Invariant: every value here is rooted by the handle scope the engine opens
 * around a native call, or by the caller's scope for t262_host_install; none
 * is kept after returning.
 */
#include "t262.h"

/* print(value): appends ToString(value) and a newline to the test's
 * captured output (never to stdout: workers report through a pipe). */
static hr_value host_print(hr_realm *realm, hr_value this_value, int argc, const hr_value *args,
                           void *data) {
    t262_host *host = data;
    size_t len;
    char *s = hr_to_utf8(realm, argc > 0 ? args[0] : hr_undefined(), &len);
    if (!s) return hr_exception_marker();
    t262_buf_append(&host->output, s, len);
    t262_buf_append(&host->output, "\n", 1);
    hr_free(host->rt, s);
    return hr_undefined();
}

/* $262.createRealm(): a new realm in the same runtime with its own print
 * and $262; returns that $262. */
static hr_value host_create_realm(hr_realm *realm, hr_value this_value, int argc,
                                  const hr_value *args, void *data) {
    t262_host *host = data;
    hr_realm *fresh = hr_realm_new(host->rt);
    if (!fresh) return hr_throw_error(realm, HR_RANGE_ERROR, "$262.createRealm: out of memory");
    if (!t262_host_install(fresh, host)) {
        hr_realm_release(fresh);
        return hr_exception_marker();
    }
    hr_value api = hr_get(fresh, hr_realm_global(fresh), "$262");
    /* The returned object keeps the realm alive; the host keeps no other
     * reference to it. */
    hr_realm_release(fresh);
    return api;
}

/* $262.detachArrayBuffer(buffer): DetachArrayBuffer(buffer). */
static hr_value host_detach(hr_realm *realm, hr_value this_value, int argc, const hr_value *args,
                            void *data) {
    if (!hr_detach_array_buffer(realm, argc > 0 ? args[0] : hr_undefined()))
        return hr_exception_marker();
    return hr_null();
}

/* $262.evalScript(source): ParseScript + ScriptEvaluation in the realm that
 * owns this $262 (`data`), returning the completion value or rethrowing. */
static hr_value host_eval_script(hr_realm *realm, hr_value this_value, int argc,
                                 const hr_value *args, void *data) {
    hr_realm *target = data;
    hr_runtime *rt = hr_realm_runtime(target);
    size_t len;
    char *src = hr_to_utf8(realm, argc > 0 ? args[0] : hr_undefined(), &len);
    if (!src) return hr_exception_marker();
    hr_value result = hr_undefined();
    hr_status st = hr_eval(target, src, len, "evalScript", HR_EVAL_SCRIPT, &result);
    hr_free(rt, src);
    if (st == HR_OK) return result;
    if (st == HR_EXCEPTION) {
        /* An interrupt is not catchable: leave it pending as it is. */
        if (hr_is_interrupted(rt)) return hr_exception_marker();
        return hr_throw(realm, hr_take_exception(rt));
    }
    return hr_throw_error(realm, HR_ERROR, "$262.evalScript: unexpected status %d", (int)st);
}

/* $262.gc(): a full collection. */
static hr_value host_gc(hr_realm *realm, hr_value this_value, int argc, const hr_value *args,
                        void *data) {
    t262_host *host = data;
    hr_gc(host->rt);
    return hr_undefined();
}

static bool define_fn(hr_realm *realm, hr_value obj, const char *name, hr_native_fn fn, int length,
                      void *data) {
    hr_value f = hr_new_function(realm, fn, name, length, data);
    if (hr_is_exception(f)) return false;
    return hr_define(realm, obj, name, f);
}

bool t262_host_install(hr_realm *realm, t262_host *host) {
    hr_value global = hr_realm_global(realm);
    if (!define_fn(realm, global, "print", host_print, 1, host)) return false;
    hr_value api = hr_new_object(realm);
    if (hr_is_exception(api)) return false;
    if (!define_fn(realm, api, "createRealm", host_create_realm, 0, host) ||
        !define_fn(realm, api, "detachArrayBuffer", host_detach, 1, host) ||
        !define_fn(realm, api, "evalScript", host_eval_script, 1, realm) ||
        !define_fn(realm, api, "gc", host_gc, 0, host) || !hr_define(realm, api, "global", global))
        return false;
    return hr_define(realm, global, "$262", api);
}

bool t262_host_interrupt(hr_runtime *rt, void *opaque) {
    t262_host *host = opaque;
    if (host->timed_out || t262_now() >= host->deadline) {
        host->timed_out = true;
        return true;
    }
    return false;
}
