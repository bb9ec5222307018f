/*
 * api_test.c — the embedding API (include/heron.h) end to end, as an
 * embedder uses it: runtimes and realms, evaluation and syntax checking,
 * property get/set/define, native functions called from JavaScript (with
 * their data pointer, receiver and arguments) and throwing, hr_call,
 * exceptions and hr_format_exception, handle scopes and persistent handles,
 * several realms in one runtime, the interrupt callback (uncatchable by
 * JavaScript), the call-depth limit, and teardown without leaks (the ASan
 * build runs this with leak detection).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"

#include "check.h"

static hr_runtime *rt;
static hr_realm *realm;

/* ToString of v as a malloc'd C string ("<null>" when it throws). */
static char *str(hr_realm *re, hr_value v) {
    char *s = hr_to_utf8(re, v, NULL);
    if (!s) {
        hr_take_exception(hr_realm_runtime(re));
        char *d = malloc(7);
        memcpy(d, "<null>", 7);
        return d;
    }
    return s;
}

/* Evaluates src in re; ToString of the completion value must be want. */
static void check_eval_in(hr_realm *re, const char *src, const char *want, int line) {
    hr_runtime *r = hr_realm_runtime(re);
    hr_scope scope;
    hr_scope_open(r, &scope);
    hr_value v;
    if (hr_eval(re, src, strlen(src), "api_test.js", 0, &v) != HR_OK) {
        char *e = hr_format_exception(re, hr_take_exception(r));
        CHECK(false, "line %d: %s threw %s", line, src, e ? e : "?");
        hr_free(r, e);
    } else {
        char *s = str(re, v);
        CHECK(strcmp(s, want) == 0, "line %d: %s: got %s, want %s", line, src, s, want);
        hr_free(r, s);
    }
    hr_scope_close(&scope);
}
#define CHECK_EVAL(src, want) check_eval_in(realm, src, want, __LINE__)

/* Evaluates src, which must throw; returns hr_format_exception's text
 * (to hr_free). */
static char *eval_error(hr_realm *re, const char *src, const char *filename) {
    hr_runtime *r = hr_realm_runtime(re);
    hr_value v;
    hr_status st = hr_eval(re, src, strlen(src), filename, 0, &v);
    if (st != HR_EXCEPTION || !hr_has_exception(r)) return NULL;
    hr_value e = hr_take_exception(r);
    CHECK(!hr_has_exception(r), "hr_take_exception clears the exception");
    return hr_format_exception(re, e);
}

/* ---- evaluation and values ------------------------------------------------ */

static void test_eval(void) {
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value v;
    CHECK(hr_eval(realm, "6 * 7", 5, "api_test.js", 0, &v) == HR_OK && hr_is_number(v) && hr_get_number(v) == 42,
          "number result");
    CHECK(hr_eval(realm, "'h\\u00e9' + 1", 13, NULL, 0, &v) == HR_OK && hr_is_string(v), "string result");
    char *s = str(realm, v);
    CHECK(strcmp(s, "h\xC3\xA9" "1") == 0, "string content %s", s);
    hr_free(rt, s);
    CHECK(hr_eval(realm, "({a: 1})", 8, "api_test.js", 0, &v) == HR_OK && hr_is_object(v) && !hr_is_function(v),
          "object result");
    CHECK(hr_eval(realm, "(function f() {})", 17, "api_test.js", 0, &v) == HR_OK && hr_is_function(v),
          "function result");
    CHECK(hr_eval(realm, "Symbol('d')", 11, "api_test.js", 0, &v) == HR_OK && hr_is_symbol(v), "symbol result");
    CHECK(hr_eval(realm, "var x;", 6, "api_test.js", 0, &v) == HR_OK && hr_is_undefined(v), "undefined result");
    CHECK(hr_eval(realm, "null", 4, "api_test.js", 0, NULL) == HR_OK, "NULL result pointer");
    CHECK(hr_eval(realm, "1 < 2", 5, "api_test.js", 0, &v) == HR_OK && hr_is_bool(v) && hr_get_bool(v),
          "boolean result");
    /* the length argument is honoured: the text after it is not parsed */
    CHECK(hr_eval(realm, "40 + 2; syntax error here", 6, "api_test.js", 0, &v) == HR_OK && hr_get_number(v) == 42,
          "source length respected");
    /* state persists between evaluations */
    CHECK_EVAL("var counter = 10; let lexical = 5; counter", "10");
    CHECK_EVAL("counter += lexical; counter", "15");
    /* strict flag */
    CHECK(hr_eval(realm, "undeclared_strict = 1", 21, "api_test.js", HR_EVAL_STRICT, &v) == HR_EXCEPTION,
          "HR_EVAL_STRICT makes assignment to an undeclared name throw");
    hr_take_exception(rt);
    /* TypeScript by flag and by file name */
    const char *ts = "let n: number = 3; const s = n as number; s * 2";
    CHECK(hr_eval(realm, ts, strlen(ts), "api_test.js", HR_EVAL_TYPESCRIPT, &v) == HR_OK && hr_get_number(v) == 6,
          "TypeScript by flag");
    const char *ts2 = "function sq(x: number): number { return x * x; } sq(4)";
    CHECK(hr_eval(realm, ts2, strlen(ts2), "file.ts", 0, &v) == HR_OK && hr_get_number(v) == 16,
          "TypeScript by file name");
    /* syntax checking without running */
    CHECK(hr_check_syntax(realm, "var neverRun = 1;", 17, "api_test.js", 0) == HR_OK, "check_syntax ok");
    CHECK_EVAL("typeof neverRun", "undefined");
    CHECK(hr_check_syntax(realm, "var = ;", 7, "api_test.js", 0) == HR_EXCEPTION && hr_has_exception(rt),
          "check_syntax error");
    hr_take_exception(rt);
    CHECK(hr_run_jobs(rt) == HR_OK, "no jobs");
    hr_scope_close(&scope);
}

static void test_exceptions(void) {
    char *e = eval_error(realm, "function inner() { throw new TypeError('bad ' + 1); }\n"
                                "function outer() { inner(); }\nouter();",
                         "trace.js");
    CHECK(e && strstr(e, "TypeError: bad 1"), "formatted message: %s", e ? e : "(none)");
    CHECK(e && strstr(e, "at inner (trace.js:1:"), "stack names inner with its position: %s", e ? e : "");
    CHECK(e && strstr(e, "at outer (trace.js:2:"), "stack names outer: %s", e ? e : "");
    hr_free(rt, e);
    e = eval_error(realm, "var a = 1;\nvar b = (;\n", "syntax.js");
    CHECK(e && strstr(e, "SyntaxError"), "syntax error formatted: %s", e ? e : "(none)");
    CHECK(e && strstr(e, "syntax.js:2:"), "syntax error position: %s", e ? e : "");
    hr_free(rt, e);
    e = eval_error(realm, "throw 42", "prim.js");
    CHECK(e && strcmp(e, "42") == 0, "a thrown primitive formats as itself: %s", e ? e : "(none)");
    hr_free(rt, e);
    e = eval_error(realm, "throw {toString() { throw 1; }}", "obj.js");
    CHECK(e != NULL, "an exception whose toString throws still formats");
    hr_free(rt, e);
    e = eval_error(realm, "nosuchvariable", "ref.js");
    CHECK(e && strstr(e, "ReferenceError"), "ReferenceError: %s", e ? e : "(none)");
    hr_free(rt, e);
    /* hr_throw / hr_throw_error from the host, outside any native */
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value m = hr_throw_error(realm, HR_RANGE_ERROR, "limit %d exceeded", 7);
    CHECK(hr_is_exception(m) && hr_has_exception(rt), "hr_throw_error sets the exception");
    hr_value ex = hr_take_exception(rt);
    e = hr_format_exception(realm, ex);
    CHECK(e && strstr(e, "RangeError: limit 7 exceeded"), "hr_throw_error message: %s", e ? e : "");
    hr_free(rt, e);
    static const struct {
        hr_error_kind kind;
        const char *name;
    } kinds[] = {{HR_ERROR, "Error"}, {HR_TYPE_ERROR, "TypeError"}, {HR_RANGE_ERROR, "RangeError"},
                 {HR_SYNTAX_ERROR, "SyntaxError"}, {HR_REFERENCE_ERROR, "ReferenceError"},
                 {HR_EVAL_ERROR, "EvalError"}, {HR_URI_ERROR, "URIError"}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        hr_throw_error(realm, kinds[i].kind, "k");
        hr_value x = hr_take_exception(rt);
        char *n = str(realm, hr_get(realm, x, "name"));
        CHECK(strcmp(n, kinds[i].name) == 0, "error kind %s: %s", kinds[i].name, n);
        hr_free(rt, n);
    }
    m = hr_throw(realm, hr_string(realm, "plain", 5));
    CHECK(hr_is_exception(m) && hr_has_exception(rt), "hr_throw");
    ex = hr_take_exception(rt);
    CHECK(hr_is_string(ex), "hr_throw keeps the value");
    CHECK(hr_is_undefined(hr_take_exception(rt)) && !hr_has_exception(rt), "take with nothing pending");
    hr_scope_close(&scope);
}

/* ---- properties ------------------------------------------------------------ */

static void test_properties(void) {
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value global = hr_realm_global(realm);
    CHECK(hr_is_object(global), "global object");
    hr_value o = hr_new_object(realm);
    CHECK(hr_set(realm, o, "n", hr_number(1.5)), "set n");
    CHECK(hr_set(realm, o, "s", hr_string(realm, "text", 4)), "set s");
    CHECK(hr_set(realm, o, "0", hr_bool(true)), "set index 0");
    CHECK(hr_set(realm, o, "\xC3\xA9t\xC3\xA9", hr_null()), "set a non-ASCII name");
    CHECK(hr_define(realm, o, "hidden", hr_number(9)), "define hidden");
    CHECK(hr_set(realm, global, "hostObj", o), "set global");
    CHECK(hr_get_number(hr_get(realm, o, "n")) == 1.5, "get n");
    CHECK(hr_is_undefined(hr_get(realm, o, "missing")), "missing is undefined");
    CHECK(hr_is_null(hr_get(realm, o, "\xC3\xA9t\xC3\xA9")), "get non-ASCII name");
    CHECK_EVAL("JSON.stringify(hostObj) + ' ' + hostObj.hidden + ' ' + hostObj[0] + ' ' + hostObj['\\u00e9t\\u00e9']",
               "{\"0\":true,\"n\":1.5,\"s\":\"text\",\"\xC3\xA9t\xC3\xA9\":null} 9 true null");
    CHECK_EVAL("var d = Object.getOwnPropertyDescriptor(hostObj, 'hidden');"
               "[d.writable, d.enumerable, d.configurable].join()",
               "true,false,true");
    CHECK_EVAL("hostObj.hidden = 10; delete hostObj.n; Object.keys(hostObj).join()", "0,s,\xC3\xA9t\xC3\xA9");
    CHECK(hr_get_number(hr_get(realm, o, "hidden")) == 10, "JS writes seen by the host");
    /* get on primitives goes through their prototypes */
    hr_value sv = hr_string(realm, "abc", 3);
    CHECK(hr_get_number(hr_get(realm, sv, "length")) == 3, "get on a string primitive");
    /* accessors that throw, read-only and frozen objects */
    CHECK_EVAL("var acc = {get boom() { throw new Error('getter'); }, set boom(v) { throw new Error('setter ' + v); }};"
               "var ro = Object.freeze({k: 1}); 'ok'",
               "ok");
    hr_value acc = hr_get(realm, global, "acc");
    hr_value r = hr_get(realm, acc, "boom");
    CHECK(hr_is_exception(r) && hr_has_exception(rt), "throwing getter gives the exception marker");
    char *e = hr_format_exception(realm, hr_take_exception(rt));
    CHECK(e && strstr(e, "Error: getter"), "getter error: %s", e ? e : "");
    hr_free(rt, e);
    CHECK(!hr_set(realm, acc, "boom", hr_number(5)) && hr_has_exception(rt), "throwing setter gives false");
    e = hr_format_exception(realm, hr_take_exception(rt));
    CHECK(e && strstr(e, "setter 5"), "setter error: %s", e ? e : "");
    hr_free(rt, e);
    hr_value ro = hr_get(realm, global, "ro");
    CHECK(!hr_set(realm, ro, "k", hr_number(2)) && hr_has_exception(rt), "set on a frozen object fails");
    hr_take_exception(rt);
    CHECK(!hr_define(realm, ro, "new", hr_number(2)) && hr_has_exception(rt), "define on a frozen object fails");
    hr_take_exception(rt);
    CHECK(hr_get_number(hr_get(realm, ro, "k")) == 1, "frozen value unchanged");
    /* get/set on a Proxy run its traps */
    CHECK_EVAL("var log = []; var px = new Proxy({}, {get(t, k) { log.push('get ' + k); return 7; },"
               " set(t, k, v) { log.push('set ' + k + '=' + v); return true; }}); 0",
               "0");
    hr_value px = hr_get(realm, global, "px");
    CHECK(hr_get_number(hr_get(realm, px, "p")) == 7 && hr_set(realm, px, "q", hr_number(3)), "proxy traps");
    CHECK_EVAL("log.join()", "get p,set q=3");
    /* ToString of an object whose toString throws */
    CHECK_EVAL("var badStr = {toString() { throw new Error('no string'); }}; 0", "0");
    char *u = hr_to_utf8(realm, hr_get(realm, global, "badStr"), NULL);
    CHECK(u == NULL && hr_has_exception(rt), "hr_to_utf8 reports a throwing toString");
    hr_take_exception(rt);
    hr_scope_close(&scope);
}

/* ---- native functions -------------------------------------------------------- */

typedef struct host_state {
    int calls;
    int last_argc;
    double sum;
} host_state;

static hr_value native_sum(hr_realm *re, hr_value this_value, int argc, const hr_value *args, void *data) {
    host_state *st = data;
    st->calls++;
    st->last_argc = argc;
    double s = 0;
    for (int i = 0; i < argc; i++) {
        if (!hr_is_number(args[i])) return hr_throw_error(re, HR_TYPE_ERROR, "argument %d is not a number", i);
        s += hr_get_number(args[i]);
    }
    st->sum = s;
    return hr_number(s);
}

static hr_value native_this_tag(hr_realm *re, hr_value this_value, int argc, const hr_value *args, void *data) {
    if (!hr_is_object(this_value)) return hr_string(re, "no-this", 7);
    return hr_get(re, this_value, "tag");
}

static hr_value native_make(hr_realm *re, hr_value this_value, int argc, const hr_value *args, void *data) {
    hr_value o = hr_new_object(re);
    if (!hr_set(re, o, "made", hr_bool(true))) return hr_exception_marker();
    hr_value inner = hr_new_object(re);
    for (int i = 0; i < 100; i++) hr_new_object(re); /* garbage made inside the native */
    if (!hr_set(re, o, "inner", inner)) return hr_exception_marker();
    if (!hr_set(re, inner, "s", hr_string(re, "deep", 4))) return hr_exception_marker();
    return o;
}

/* Calls its first argument with the remaining ones; propagates throws. */
static hr_value native_apply(hr_realm *re, hr_value this_value, int argc, const hr_value *args, void *data) {
    if (argc < 1 || !hr_is_function(args[0])) return hr_throw_error(re, HR_TYPE_ERROR, "not callable");
    return hr_call(re, args[0], hr_undefined(), argc - 1, args + 1);
}

static hr_value native_throw_value(hr_realm *re, hr_value this_value, int argc, const hr_value *args, void *data) {
    return hr_throw(re, argc ? args[0] : hr_undefined());
}

static void define_native(const char *name, hr_native_fn fn, int length, void *data) {
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value f = hr_new_function(realm, fn, name, length, data);
    CHECK(hr_is_function(f), "hr_new_function %s", name);
    CHECK(hr_define(realm, hr_realm_global(realm), name, f), "define %s", name);
    hr_scope_close(&scope);
}

static void test_natives(void) {
    static host_state st;
    define_native("hostSum", native_sum, 2, &st);
    define_native("thisTag", native_this_tag, 0, NULL);
    define_native("hostMake", native_make, 0, NULL);
    define_native("hostApply", native_apply, 1, NULL);
    define_native("hostThrow", native_throw_value, 1, NULL);
    CHECK_EVAL("hostSum(1, 2, 3.5)", "6.5");
    CHECK(st.calls == 1 && st.last_argc == 3 && st.sum == 6.5, "native saw its data and arguments");
    CHECK_EVAL("hostSum()", "0");
    CHECK(st.last_argc == 0, "missing arguments are not padded (argc %d)", st.last_argc);
    CHECK_EVAL("hostSum.name + ' ' + hostSum.length + ' ' + typeof hostSum", "hostSum 2 function");
    CHECK_EVAL("try { hostSum(1, 'x'); } catch (e) { (e instanceof TypeError) + ' ' + e.message }",
               "true argument 1 is not a number");
    CHECK_EVAL("({tag: 'T', f: thisTag}).f() + ' ' + thisTag() + ' ' + thisTag.call({tag: 'C'})", "T no-this C");
    CHECK_EVAL("var made = hostMake(); made.made + ' ' + made.inner.s", "true deep");
    CHECK_EVAL("hostApply(function (a, b) { return a * b; }, 6, 7)", "42");
    CHECK_EVAL("hostApply(hostApply, hostApply, hostSum, 1, 2)", "3");
    CHECK_EVAL("try { hostApply(function () { throw new RangeError('inner'); }); } catch (e) { e.message }", "inner");
    CHECK_EVAL("try { hostThrow({code: 5}); } catch (e) { e.code }", "5");
    CHECK_EVAL("try { hostThrow(); } catch (e) { String(e) }", "undefined");
    CHECK_EVAL("try { new hostSum(); 'constructed'; } catch (e) { e instanceof TypeError }", "true");
    CHECK_EVAL("try { [1, 2, 3].map(hostSum); } catch (e) { e.message }", "argument 2 is not a number");
    CHECK_EVAL("[1, 2, 3].map(function (x) { return hostSum(x, x); }).join()", "2,4,6");
    CHECK_EVAL("var acc2 = 0; for (var i = 0; i < 10000; i++) acc2 += hostSum(i, 1); acc2", "50005000");
    CHECK_EVAL("var e; try { hostSum(null); } catch (x) { e = x; } e.stack.indexOf('at api_test.js:1:14') >= 0", "true");
    /* an anonymous native and a native with a NULL name */
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value anon = hr_new_function(realm, native_sum, NULL, 0, &st);
    char *n = str(realm, hr_get(realm, anon, "name"));
    CHECK(strcmp(n, "") == 0, "NULL name gives \"\" (%s)", n);
    hr_free(rt, n);
    /* hr_call from the host */
    hr_value args[2] = {hr_number(20), hr_number(22)};
    hr_value r = hr_call(realm, anon, hr_undefined(), 2, args);
    CHECK(hr_is_number(r) && hr_get_number(r) == 42, "hr_call of a native");
    hr_value jsf;
    const char *src = "(function (a, b) { return this.base + a + b; })";
    CHECK(hr_eval(realm, src, strlen(src), "api_test.js", 0, &jsf) == HR_OK, "make a JS function");
    hr_value self = hr_new_object(realm);
    hr_set(realm, self, "base", hr_number(100));
    r = hr_call(realm, jsf, self, 2, args);
    CHECK(hr_get_number(r) == 142, "hr_call of a JS function with this and arguments");
    r = hr_call(realm, jsf, self, 0, NULL);
    CHECK(hr_is_number(r) && hr_get_number(r) != hr_get_number(r), "hr_call with no arguments (NaN)");
    r = hr_call(realm, hr_number(1), hr_undefined(), 0, NULL);
    CHECK(hr_is_exception(r) && hr_has_exception(rt), "hr_call of a non-function throws");
    char *e = hr_format_exception(realm, hr_take_exception(rt));
    CHECK(e && strstr(e, "TypeError"), "non-callable: %s", e ? e : "");
    hr_free(rt, e);
    const char *thrower = "(function () { throw new SyntaxError('from js'); })";
    hr_value tf;
    CHECK(hr_eval(realm, thrower, strlen(thrower), "api_test.js", 0, &tf) == HR_OK, "thrower");
    r = hr_call(realm, tf, hr_undefined(), 0, NULL);
    CHECK(hr_is_exception(r), "hr_call of a throwing function");
    e = hr_format_exception(realm, hr_take_exception(rt));
    CHECK(e && strstr(e, "SyntaxError: from js"), "thrown from hr_call: %s", e ? e : "");
    hr_free(rt, e);
    hr_scope_close(&scope);
}

/* ---- scopes and persistence ------------------------------------------------------ */

static void test_scopes(void) {
    hr_scope outer, inner;
    hr_scope_open(rt, &outer);
    hr_value keep = hr_new_object(realm);
    hr_set(realm, keep, "v", hr_number(1));
    hr_scope_open(rt, &inner);
    for (int i = 0; i < 50000; i++) {
        hr_value t = hr_new_object(realm);
        hr_set(realm, t, "i", hr_number(i));
    }
    hr_value s = hr_string(realm, "inner string", 12);
    hr_gc(rt);
    char *c = str(realm, s);
    CHECK(strcmp(c, "inner string") == 0, "inner-scope value alive while its scope is open");
    hr_free(rt, c);
    hr_scope_close(&inner);
    hr_gc(rt);
    CHECK(hr_get_number(hr_get(realm, keep, "v")) == 1, "outer-scope value survives the inner scope");
    /* persistents outlive every scope */
    hr_persistent *p = hr_persist(rt, keep);
    hr_scope_close(&outer);
    for (int i = 0; i < 3; i++) hr_gc(rt);
    hr_scope_open(rt, &outer);
    CHECK(hr_get_number(hr_get(realm, hr_persistent_get(p), "v")) == 1, "persistent survives");
    hr_persistent *pn = hr_persist(rt, hr_number(3.25));
    CHECK(hr_get_number(hr_persistent_get(pn)) == 3.25, "persistent number");
    hr_unpersist(rt, pn);
    hr_scope_close(&outer);
    hr_unpersist(rt, p);
    /* a persistent left when the runtime is freed is released with it
     * (checked by the leak detector at the end) */
    hr_persistent *left = hr_persist(rt, hr_string(realm, "left behind", 11));
    CHECK(left != NULL, "persistent left for teardown");
}

/* ---- realms ------------------------------------------------------------------------ */

static void test_realms(void) {
    hr_realm *r2 = hr_realm_new(rt);
    CHECK(r2 != NULL && r2 != realm, "second realm");
    if (!r2) return;
    CHECK(hr_realm_runtime(r2) == rt, "realm's runtime");
    int tag = 5;
    hr_realm_set_opaque(r2, &tag);
    CHECK(hr_realm_opaque(r2) == &tag && hr_realm_opaque(realm) == NULL, "realm opaque");
    check_eval_in(r2, "var onlyHere = 'r2'; typeof hostSum", "undefined", __LINE__);
    CHECK_EVAL("typeof onlyHere", "undefined");
    hr_scope scope;
    hr_scope_open(rt, &scope);
    CHECK(hr_realm_global(r2) != hr_realm_global(realm), "separate globals");
    /* values cross realms */
    hr_value arr2;
    CHECK(hr_eval(r2, "[1, 2, 3]", 9, "r2.js", 0, &arr2) == HR_OK, "array in realm 2");
    hr_set(realm, hr_realm_global(realm), "foreignArray", arr2);
    CHECK_EVAL("[Array.isArray(foreignArray), foreignArray instanceof Array, foreignArray.length,"
               " Object.getPrototypeOf(foreignArray) === Array.prototype].join()",
               "true,false,3,false");
    hr_value f2;
    CHECK(hr_eval(r2, "(function () { return onlyHere; })", 34, "r2.js", 0, &f2) == HR_OK, "function in realm 2");
    CHECK(hr_function_realm(realm, f2) == r2, "hr_function_realm of a realm-2 function");
    hr_value f1 = hr_get(realm, hr_realm_global(realm), "hostSum");
    CHECK(hr_function_realm(realm, f1) == realm, "hr_function_realm of a realm-1 native");
    CHECK(hr_function_realm(realm, hr_number(1)) == NULL, "hr_function_realm of a non-function");
    hr_set(realm, hr_realm_global(realm), "foreignFn", f2);
    CHECK_EVAL("foreignFn()", "r2");
    CHECK_EVAL("var fe; try { foreignFn.call(null, 1).x.y; } catch (e) { fe = e; } fe instanceof TypeError", "true");
    hr_scope_close(&scope);
    /* a released realm is collected once nothing refers to it */
    hr_realm *r3 = hr_realm_new(rt);
    CHECK(r3 != NULL, "third realm");
    if (r3) {
        check_eval_in(r3, "var big = []; for (var i = 0; i < 1000; i++) big.push({i}); big.length", "1000", __LINE__);
        hr_realm_release(r3);
        hr_gc(rt);
        CHECK_EVAL("typeof foreignFn", "function");
    }
    /* a realm kept alive by a value after release still works */
    hr_realm *r4 = hr_realm_new(rt);
    if (r4) {
        hr_scope_open(rt, &scope);
        hr_value f4;
        CHECK(hr_eval(r4, "var z = 7; (function () { return z * 6; })", 42, "r4.js", 0, &f4) == HR_OK, "r4 fn");
        hr_persistent *pf = hr_persist(rt, f4);
        hr_scope_close(&scope);
        hr_realm_release(r4);
        hr_gc(rt);
        hr_scope_open(rt, &scope);
        hr_value r = hr_call(realm, hr_persistent_get(pf), hr_undefined(), 0, NULL);
        CHECK(hr_is_number(r) && hr_get_number(r) == 42, "function of a released realm still callable");
        hr_scope_close(&scope);
        hr_unpersist(rt, pf);
        hr_gc(rt);
    }
}

/* ---- interrupts -------------------------------------------------------------------- */

typedef struct interrupt_state {
    int polls;
    int stop_after; /* < 0: never */
} interrupt_state;

static bool on_interrupt(hr_runtime *r, void *opaque) {
    interrupt_state *s = opaque;
    s->polls++;
    return s->stop_after >= 0 && s->polls > s->stop_after;
}

/* Runs src with the interrupt armed; it must be stopped and not caught. */
static void check_interrupted(const char *src, int line) {
    interrupt_state is = {0, 3};
    hr_set_interrupt(rt, on_interrupt, &is);
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value v;
    hr_status st = hr_eval(realm, src, strlen(src), "interrupt.js", 0, &v);
    CHECK(st == HR_EXCEPTION, "line %d: interrupted evaluation returns HR_EXCEPTION (%d)", line, st);
    CHECK(hr_is_interrupted(rt), "line %d: hr_is_interrupted", line);
    CHECK(is.polls > 3, "line %d: the callback was polled (%d)", line, is.polls);
    hr_take_exception(rt);
    CHECK(!hr_is_interrupted(rt), "line %d: taking the exception clears the interrupt", line);
    hr_set_interrupt(rt, NULL, NULL);
    hr_scope_close(&scope);
    check_eval_in(realm, "typeof caught", "undefined", line);
}

static void test_interrupt(void) {
    check_interrupted("try { while (true) {} } catch (e) { var caught = e; }", __LINE__);
    check_interrupted("for (;;) { try { for (;;) {} } catch (e) { var caught = e; } }", __LINE__);
    check_interrupted("function spin() { for (;;) {} } try { spin(); } catch (e) { var caught = e; }", __LINE__);
    check_interrupted("function rec(n) { return rec(n + 1) + rec(n + 2); }"
                      "try { rec(0); } catch (e) { if (!(e instanceof RangeError)) var caught = e; }"
                      "for (;;) {}",
                      __LINE__);
    check_interrupted("try { [1, 2].map(function () { for (;;) {} }); } catch (e) { var caught = e; }", __LINE__);
    check_interrupted("try { hostApply(function () { while (1) {} }); } catch (e) { var caught = e; }", __LINE__);
    check_interrupted("function* g() { for (;;) yield 1; } try { for (var x of g()) {} } catch (e) { var caught = e; }",
                      __LINE__);
    check_interrupted("var o = {get p() { for (;;) {} }}; try { o.p; } catch (e) { var caught = e; }", __LINE__);
    check_interrupted("try { while (true) {} } finally { var caught = 'finally ran'; }", __LINE__);
    /* a callback that never stops: evaluation completes normally */
    interrupt_state never = {0, -1};
    hr_set_interrupt(rt, on_interrupt, &never);
    CHECK_EVAL("var total = 0; for (var i = 0; i < 100000; i++) total += i; total", "4999950000");
    CHECK(never.polls > 0, "the callback is polled in loops (%d)", never.polls);
    hr_set_interrupt(rt, NULL, NULL);
    /* hr_call interrupted */
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value spin;
    const char *src = "(function () { try { for (;;) {} } catch (e) { return 'caught'; } })";
    CHECK(hr_eval(realm, src, strlen(src), "api_test.js", 0, &spin) == HR_OK, "spin function");
    interrupt_state is = {0, 2};
    hr_set_interrupt(rt, on_interrupt, &is);
    hr_value r = hr_call(realm, spin, hr_undefined(), 0, NULL);
    CHECK(hr_is_exception(r) && hr_is_interrupted(rt), "hr_call interrupted");
    hr_take_exception(rt);
    hr_set_interrupt(rt, NULL, NULL);
    hr_scope_close(&scope);
    CHECK_EVAL("'usable after interrupts'", "usable after interrupts");
}

/* ---- limits ---------------------------------------------------------------------- */

static void test_call_depth(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.max_call_depth = 200;
    hr_runtime *r = hr_runtime_new(&cfg);
    hr_realm *re = r ? hr_realm_new(r) : NULL;
    CHECK(re != NULL, "runtime with max_call_depth 200");
    if (re) {
        check_eval_in(re,
                      "var depth = 0; function f() { depth++; f(); }"
                      "try { f(); } catch (e) { (e instanceof RangeError) + ' ' + (depth <= 200 && depth > 100) }",
                      "true true", __LINE__);
        check_eval_in(re, "function g(n) { return n ? g(n - 1) + 1 : 0; } g(150)", "150", __LINE__);
    }
    hr_runtime_free(r);
    /* default configuration: a NULL config */
    r = hr_runtime_new(NULL);
    re = r ? hr_realm_new(r) : NULL;
    CHECK(re != NULL, "hr_runtime_new(NULL)");
    if (re) {
        check_eval_in(re, "function f() { f(); } try { f(); } catch (e) { e instanceof RangeError }", "true", __LINE__);
        check_eval_in(re, "function g(n) { return n ? g(n - 1) + 1 : 0; } g(5000)", "5000", __LINE__);
    }
    hr_runtime_free(r);
    /* an unused runtime and a runtime with only a realm free cleanly */
    hr_runtime_free(hr_runtime_new(NULL));
    r = hr_runtime_new(NULL);
    hr_realm_new(r);
    hr_realm_new(r);
    hr_runtime_free(r);
    hr_runtime_free(NULL);
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    rt = hr_runtime_new(&cfg);
    realm = rt ? hr_realm_new(rt) : NULL;
    if (!realm) {
        printf("FAIL: no runtime\n0 passed, 1 failed\n");
        return 1;
    }
    test_eval();
    test_exceptions();
    test_properties();
    test_natives();
    test_scopes();
    test_realms();
    test_interrupt();
    test_call_depth();
    hr_runtime_free(rt);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
