/*
 * weak_gc_test.c — what the collector does to weak references (the weak
 * section of src/vm/heap.c with WeakMap / WeakSet / WeakRef /
 * FinalizationRegistry): entries whose keys die disappear, ephemeron values
 * live exactly as long as their keys (also through chains of WeakMaps and
 * cycles), WeakRef targets are cleared, FinalizationRegistry callbacks run
 * as jobs with the held values, and live Map / Set iterators survive
 * collections while their collection changes.
 *
 * Each step is a separate hr_eval inside its own handle scope, so nothing a
 * previous step allocated stays rooted by the handle stack; hr_gc runs
 * between steps.
 */
#include <stdio.h>
#include <string.h>
#include "heron.h"

static int passed, failed;
static hr_runtime *rt;
static hr_realm *realm;

/* Evaluates src and compares ToString of its completion value with want. */
static void check(const char *src, const char *want, int line) {
    hr_scope scope;
    hr_scope_open(rt, &scope);
    hr_value v;
    hr_status st = hr_eval(realm, src, strlen(src), "weak_gc_test.js", 0, &v);
    char *got = NULL;
    if (st == HR_OK) got = hr_to_utf8(realm, v, NULL);
    if (!got) {
        char *e = hr_format_exception(realm, hr_take_exception(rt));
        printf("FAIL line %d: %s\n  threw %s\n", line, src, e ? e : "?");
        hr_free(rt, e);
        failed++;
    } else if (strcmp(got, want) != 0) {
        printf("FAIL line %d: %s\n  got %s, want %s\n", line, src, got, want);
        failed++;
    } else
        passed++;
    hr_free(rt, got);
    hr_scope_close(&scope);
}
#define CHECK(src, want) check(src, want, __LINE__)

static void gc_and_jobs(void) {
    hr_gc(rt);
    if (hr_run_jobs(rt) != HR_OK) {
        printf("FAIL: hr_run_jobs\n");
        failed++;
    }
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    rt = hr_runtime_new(&cfg);
    realm = rt ? hr_realm_new(rt) : NULL;
    if (!realm) {
        printf("FAIL: no runtime\n");
        return 1;
    }

    /* WeakRef and FinalizationRegistry */
    CHECK("var log = [];"
          "var fr = new FinalizationRegistry(h => log.push(h));"
          "var alive = {}; var wrAlive = new WeakRef(alive); fr.register(alive, 'alive');"
          "var wrDead = new WeakRef({}); fr.register({}, 'dead1');"
          "(function () { var t = {}; fr.register(t, 'dead2', t); })();"
          "var tok = {}; fr.register({}, 'unregistered', tok); fr.unregister(tok)",
          "true");
    gc_and_jobs();
    CHECK("wrDead.deref() === undefined && wrAlive.deref() === alive", "true");
    CHECK("log.sort().join()", "dead1,dead2");
    gc_and_jobs();
    CHECK("log.length", "2");

    /* WeakMap entries and ephemerons */
    CHECK("var wm = new WeakMap(); var k = {};"
          "wm.set(k, { v: 1 });"
          "var probeValue = new WeakRef({});"
          "wm.set({}, probeValue.deref());"         /* key dies: so does its value */
          "var root = {}; var mid = {}; var deep = { tag: 'deep' };"
          "wm.set(root, mid); wm.set(mid, deep);"   /* deep is live through root -> mid -> deep */
          "var deepRef = new WeakRef(deep); mid = null; deep = null;"
          "var cyc = {}; wm.set(cyc, cyc); var cycRef = new WeakRef(cyc); cyc = null;"
          "var ws = new WeakSet(); var wsRef = new WeakRef({}); ws.add(wsRef.deref()); true",
          "true");
    gc_and_jobs();
    CHECK("wm.get(k).v", "1");
    CHECK("probeValue.deref() === undefined", "true");
    CHECK("wm.get(wm.get(root)).tag + ' ' + (deepRef.deref() !== undefined)", "deep true");
    CHECK("cycRef.deref() === undefined && wsRef.deref() === undefined", "true");
    CHECK("root = null; true", "true");
    gc_and_jobs();
    CHECK("deepRef.deref() === undefined", "true");

    /* Symbols as weak keys */
    CHECK("var sym = Symbol('s'); wm.set(sym, 'sv'); var symRef = new WeakRef(Symbol('gone'));"
          "wm.set(symRef.deref(), 1); true",
          "true");
    gc_and_jobs();
    CHECK("wm.get(sym) + ' ' + (symRef.deref() === undefined)", "sv true");

    /* Map / Set iterators across collections and mutations */
    CHECK("var m = new Map(); for (var i = 0; i < 100; i++) m.set('k' + i, { i });"
          "var it = m.entries(); it.next(); it.next();"
          "for (var i = 0; i < 90; i++) m.delete('k' + i);"
          "var si = new Set([1, 2, 3]).values(); true",
          "true");
    gc_and_jobs();
    CHECK("m.set('new', 1); var r = []; for (var [key] of it) r.push(key); r.join()",
          "k90,k91,k92,k93,k94,k95,k96,k97,k98,k99,new");
    CHECK("[...si].join()", "1,2,3");

    hr_runtime_free(rt);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
