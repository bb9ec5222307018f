/*
 * exec.c — runs one test262 test in the way INTERPRETING.md prescribes.
 *
 * For every mode the test needs (non-strict and/or strict) a fresh runtime
 * and realm are made, `print` and `$262` installed, the harness files
 * evaluated (assert.js, sta.js, doneprintHandle.js for async tests, then the
 * `includes` in order; none for `raw` tests), then the test itself, then the
 * job queue is drained.  A test passes only if every mode passes.
 *
 * Invariants: nothing of a runtime outlives its mode (the runtime is freed
 * before the next mode starts); the interrupt callback bounds the time of
 * each mode, so a hang fails the test, not the run.
 *
 * Modules: a `module` test is evaluated with HR_EVAL_MODULE under its full
 * path, so that a module loader can resolve its "./x_FIXTURE.js" imports
 * relative to the test's directory.  Until the public API offers a loader,
 * an engine that answers HR_NEED_IMPORTS fails the test with that reason;
 * the loader hook belongs in eval_test below (answer the specifiers by
 * reading suite files next to the test, without harness or $262 — fixtures
 * get no realm modifications).
 */
#include "t262.h"

#include <stdio.h>
#include <string.h>

/* Longest failure message kept for one mode, and how many of its lines. */
enum { MAX_MSG_CHARS = 600, MAX_MSG_LINES = 3 };

typedef struct mode_run {
    const t262_config *cfg;
    const char *path; /* suite/relpath: the filename the engine reports */
    const t262_meta *meta;
    const t262_buf *src;
    bool strict;
    hr_runtime *rt;
    hr_realm *realm;
    t262_host host;
    t262_buf *msg;
} mode_run;

static const char *phase_name(t262_phase p) {
    switch (p) {
    case T262_PHASE_PARSE: return "parse";
    case T262_PHASE_RESOLUTION: return "resolution";
    case T262_PHASE_RUNTIME: return "runtime";
    default: return "none";
    }
}

/* Appends the first lines of a text, shortened to the message limits. */
static void append_excerpt(t262_buf *msg, const char *text) {
    size_t n = 0;
    int lines = 0;
    while (text[n] && n < MAX_MSG_CHARS) {
        if (text[n] == '\n' && ++lines == MAX_MSG_LINES) break;
        n++;
    }
    while (n && (text[n - 1] == '\n' || text[n - 1] == ' '))
        n--;
    t262_buf_append(msg, text, n);
    if (text[n] && text[n] != '\n') t262_buf_puts(msg, "...");
}

static void clear_exception(hr_runtime *rt) {
    if (hr_has_exception(rt)) (void)hr_take_exception(rt);
}

static void append_exception(mode_run *m, hr_value exc) {
    char *text = hr_format_exception(m->realm, exc);
    clear_exception(m->rt);
    if (!text) {
        t262_buf_puts(m->msg, "(exception could not be formatted)");
        return;
    }
    append_excerpt(m->msg, text);
    hr_free(m->rt, text);
}

/* The name of the constructor of a thrown value (INTERPRETING.md
 * "negative": "the name of the constructor of the expected error"), read as
 * exc.constructor.name, else exc.name.  NULL if neither is a string. */
static char *error_name(mode_run *m, hr_value exc) {
    if (!hr_is_object(exc)) return NULL;
    hr_value ctor = hr_get(m->realm, exc, "constructor");
    if (hr_is_exception(ctor))
        clear_exception(m->rt);
    else if (hr_is_function(ctor)) {
        hr_value name = hr_get(m->realm, ctor, "name");
        if (hr_is_exception(name))
            clear_exception(m->rt);
        else if (hr_is_string(name)) {
            char *s = hr_to_utf8(m->realm, name, NULL);
            if (s && *s) return s;
            hr_free(m->rt, s);
            clear_exception(m->rt);
        }
    }
    hr_value name = hr_get(m->realm, exc, "name");
    if (hr_is_exception(name)) {
        clear_exception(m->rt);
        return NULL;
    }
    if (!hr_is_string(name)) return NULL;
    char *s = hr_to_utf8(m->realm, name, NULL);
    if (!s) clear_exception(m->rt);
    return s;
}

/* After HR_EXCEPTION: a timeout, or the pending exception as a message. */
static t262_status fail_with_exception(mode_run *m, const char *what) {
    if (m->host.timed_out || hr_is_interrupted(m->rt)) {
        clear_exception(m->rt);
        if (m->host.timed_out)
            t262_buf_printf(m->msg, "timeout: %s ran longer than %g s", what, m->cfg->timeout);
        else
            t262_buf_printf(m->msg, "%s was interrupted before the runner's deadline", what);
        return T262_FAIL;
    }
    hr_value exc = hr_take_exception(m->rt);
    if (strcmp(what, "test") != 0) t262_buf_printf(m->msg, "%s threw: ", what);
    append_exception(m, exc);
    return T262_FAIL;
}

/* The pending exception must be an instance of the expected error type. */
static t262_status expect_error_type(mode_run *m) {
    const char *want = m->meta->negative_type;
    if (m->host.timed_out || hr_is_interrupted(m->rt)) return fail_with_exception(m, "test");
    hr_value exc = hr_take_exception(m->rt);
    char *got = error_name(m, exc);
    bool ok = got && strcmp(got, want) == 0;
    if (got) hr_free(m->rt, got);
    if (ok) return T262_PASS;
    t262_buf_printf(m->msg, "expected %s (%s phase), got: ", want,
                    phase_name(m->meta->negative_phase));
    append_exception(m, exc);
    return T262_FAIL;
}

static t262_status eval_harness(mode_run *m, const char *name) {
    char err[512];
    const t262_buf *text = t262_harness_get(m->cfg, name, err, sizeof err);
    if (!text) {
        t262_buf_puts(m->msg, err);
        return T262_FAIL;
    }
    hr_status st = hr_eval(m->realm, text->data, text->len, name, HR_EVAL_SCRIPT, NULL);
    if (st == HR_OK) return T262_PASS;
    if (st == HR_EXCEPTION) {
        char what[300];
        snprintf(what, sizeof what, "harness file %s", name);
        return fail_with_exception(m, what);
    }
    t262_buf_printf(m->msg, "harness file %s: unexpected status %d", name, (int)st);
    return T262_FAIL;
}

/* Async tests report through print (INTERPRETING.md flag `async`). */
static t262_status check_async_output(mode_run *m) {
    const char *out = m->host.output.data ? m->host.output.data : "";
    const char *fail = strstr(out, "Test262:AsyncTestFailure:");
    if (fail) {
        append_excerpt(m->msg, fail);
        return T262_FAIL;
    }
    for (const char *p = out; (p = strstr(p, "Test262:AsyncTestComplete")) != NULL; p++) {
        bool line_start = p == out || p[-1] == '\n';
        char after = p[strlen("Test262:AsyncTestComplete")];
        if (line_start && (after == '\n' || after == '\0')) return T262_PASS;
    }
    t262_buf_puts(m->msg, "async test did not complete (no Test262:AsyncTestComplete printed)");
    return T262_FAIL;
}

/* Harness, test source, job queue and the verdict, inside an open scope. */
static t262_status eval_test(mode_run *m) {
    const t262_meta *meta = m->meta;
    if (!t262_host_install(m->realm, &m->host))
        return fail_with_exception(m, "installing print and $262");

    t262_buf code = {0};
    if (m->strict) t262_buf_puts(&code, "\"use strict\";\n");
    t262_buf_append(&code, m->src->data, m->src->len);
    int flags = (meta->flags & T262_FLAG_MODULE) ? HR_EVAL_MODULE : HR_EVAL_SCRIPT;
    t262_status result = T262_FAIL;

    if (meta->negative_phase != T262_PHASE_NONE) {
        /* A parse-phase error must come before anything runs, so parse
         * alone first; the other phases must parse cleanly. */
        hr_status st = hr_check_syntax(m->realm, code.data, code.len, m->path, flags);
        if (meta->negative_phase == T262_PHASE_PARSE) {
            if (st == HR_OK)
                t262_buf_printf(m->msg, "expected %s (parse phase), but the source parsed",
                                meta->negative_type);
            else if (st == HR_EXCEPTION)
                result = expect_error_type(m);
            else
                t262_buf_printf(m->msg, "hr_check_syntax: unexpected status %d", (int)st);
            goto done;
        }
        if (st != HR_OK) {
            t262_buf_printf(m->msg,
                            "expected %s (%s phase), but parsing failed: ", meta->negative_type,
                            phase_name(meta->negative_phase));
            if (st == HR_EXCEPTION) append_exception(m, hr_take_exception(m->rt));
            goto done;
        }
    }

    if (!(meta->flags & T262_FLAG_RAW)) {
        if (eval_harness(m, "assert.js") != T262_PASS || eval_harness(m, "sta.js") != T262_PASS)
            goto done;
        if ((meta->flags & T262_FLAG_ASYNC) && eval_harness(m, "doneprintHandle.js") != T262_PASS)
            goto done;
        for (size_t i = 0; i < meta->includes.len; i++)
            if (eval_harness(m, meta->includes.items[i]) != T262_PASS) goto done;
    }

    hr_status st = hr_eval(m->realm, code.data, code.len, m->path, flags, NULL);
    if (st == HR_OK) st = hr_run_jobs(m->rt);
    switch (st) {
    case HR_OK:
        if (meta->negative_phase != T262_PHASE_NONE)
            t262_buf_printf(m->msg, "expected %s (%s phase), but the test completed normally",
                            meta->negative_type, phase_name(meta->negative_phase));
        else if (meta->flags & T262_FLAG_ASYNC)
            result = check_async_output(m);
        else
            result = T262_PASS;
        break;
    case HR_EXCEPTION:
        if (meta->negative_phase != T262_PHASE_NONE)
            result = expect_error_type(m);
        else
            result = fail_with_exception(m, "test");
        break;
    case HR_NEED_IMPORTS:
        t262_buf_puts(m->msg, "module imports are not supported by the runner yet "
                              "(hr_eval returned HR_NEED_IMPORTS)");
        break;
    case HR_SUSPENDED:
        t262_buf_puts(m->msg, "hr_eval returned HR_SUSPENDED (host-driven mode is not used here)");
        break;
    }
done:
    t262_buf_free(&code);
    return result;
}

static t262_status run_mode(mode_run *m) {
    hr_config config;
    hr_config_init(&config);
    config.memory_limit = m->cfg->memory_limit;
    m->rt = hr_runtime_new(&config);
    if (!m->rt) {
        t262_buf_puts(m->msg, "hr_runtime_new failed");
        return T262_FAIL;
    }
    m->host = (t262_host){.rt = m->rt, .deadline = t262_now() + m->cfg->timeout};
    hr_set_interrupt(m->rt, t262_host_interrupt, &m->host);
    t262_status result = T262_FAIL;
    m->realm = hr_realm_new(m->rt);
    if (!m->realm) {
        t262_buf_puts(m->msg, "hr_realm_new failed");
    } else {
        hr_scope scope;
        hr_scope_open(m->rt, &scope);
        result = eval_test(m);
        hr_scope_close(&scope);
    }
    hr_runtime_free(m->rt);
    t262_buf_free(&m->host.output);
    return result;
}

static bool has_any(const t262_list *have, const t262_list *wanted, const char **which) {
    for (size_t i = 0; i < have->len; i++)
        if (t262_list_has(wanted, have->items[i])) {
            if (which) *which = have->items[i];
            return true;
        }
    return false;
}

/* EXCLUDED, SKIP or PASS (meaning: run it). */
static t262_status select_test(const t262_config *cfg, const t262_meta *meta, t262_buf *msg) {
    if (cfg->only_features.len && !has_any(&meta->features, &cfg->only_features, NULL))
        return T262_EXCLUDED;
    if (has_any(&meta->features, &cfg->exclude_features, NULL)) return T262_EXCLUDED;
    if (cfg->only_flags.len && !has_any(&meta->flag_names, &cfg->only_flags, NULL))
        return T262_EXCLUDED;
    if (has_any(&meta->flag_names, &cfg->exclude_flags, NULL)) return T262_EXCLUDED;
    if (cfg->negative_only != T262_PHASE_NONE && meta->negative_phase != cfg->negative_only)
        return T262_EXCLUDED;
    const char *feature;
    if (has_any(&meta->features, &cfg->skip_features, &feature)) {
        t262_buf_printf(msg, "unsupported feature %s", feature);
        return T262_SKIP;
    }
    if ((meta->flags & T262_FLAG_CAN_BLOCK_FALSE) && cfg->can_block) {
        t262_buf_puts(msg, "CanBlockIsFalse (the host can block)");
        return T262_SKIP;
    }
    if ((meta->flags & T262_FLAG_CAN_BLOCK_TRUE) && !cfg->can_block) {
        t262_buf_puts(msg, "CanBlockIsTrue (the host cannot block)");
        return T262_SKIP;
    }
    return T262_PASS;
}

t262_status t262_exec_test(const t262_config *cfg, const char *relpath, t262_buf *msg) {
    t262_buf path = {0}, src = {0};
    t262_meta meta;
    char err[256];
    t262_status result = T262_FAIL;
    t262_buf_printf(&path, "%s/%s", cfg->suite, relpath);
    if (!t262_read_file(path.data, &src)) {
        t262_buf_printf(msg, "cannot read %s", path.data);
        t262_buf_free(&path);
        t262_buf_free(&src);
        return T262_FAIL;
    }
    if (!t262_meta_parse(src.data, src.len, &meta, err, sizeof err)) {
        t262_buf_printf(msg, "front matter: %s", err);
        t262_buf_free(&path);
        t262_buf_free(&src);
        return T262_FAIL;
    }
    result = select_test(cfg, &meta, msg);
    if (result == T262_PASS) {
        /* INTERPRETING.md "Strict Mode": both modes unless a flag says
         * otherwise; module and raw code are run once, unmodified. */
        bool sloppy = !(meta.flags & T262_FLAG_ONLY_STRICT);
        bool strict = !(meta.flags & (T262_FLAG_NO_STRICT | T262_FLAG_RAW | T262_FLAG_MODULE));
        if (!sloppy && !strict)
            sloppy = true; /* contradictory flags (onlyStrict with raw): run as written */
        mode_run m = {.cfg = cfg, .path = path.data, .meta = &meta, .src = &src, .msg = msg};
        for (int mode = 0; mode < 2 && result == T262_PASS; mode++) {
            if (!(mode == 0 ? sloppy : strict)) continue;
            m.strict = mode == 1;
            size_t mark = msg->len;
            if (sloppy && strict) t262_buf_puts(msg, m.strict ? "[strict] " : "[non-strict] ");
            result = run_mode(&m);
            if (result == T262_PASS) msg->len = mark;
        }
        if (msg->data) msg->data[msg->len] = '\0';
    }
    t262_meta_free(&meta);
    t262_buf_free(&path);
    t262_buf_free(&src);
    return result;
}
