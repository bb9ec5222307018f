/*
 * gc_test.c — the collector and memory accounting (src/vm/heap.c): what the
 * handle stack, persistent handles and globals keep alive survives
 * collections and everything else is freed (cell count and bytes return to
 * the baseline), cycles are collected, very long lists and very deep
 * nesting are marked without exhausting the C stack, the atom table is
 * weak, the memory limit gives catchable errors and leaves the runtime
 * usable, every allocation goes through the embedder's hook with exact
 * sizes (a checking allocator counts mismatched sizes and leaked bytes),
 * and a small program runs under GC stress.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "heron.h"
#include "vm/vm.h"

#include "check.h"

static hr_runtime *rtp;
static hr_realm *realmp;
static hx_runtime *rt;
static hx_realm *realm;

/* Evaluates src; ToString of the completion value must be want (want NULL:
 * any normal completion).  Runs in its own handle scope. */
static void check_js_in(hr_realm *re, const char *src, const char *want, int line) {
    hr_runtime *r = hr_realm_runtime(re);
    hr_scope scope;
    hr_scope_open(r, &scope);
    hr_value v;
    hr_status st = hr_eval(re, src, strlen(src), "gc_test.js", 0, &v);
    if (st != HR_OK) {
        char *e = hr_format_exception(re, hr_take_exception(r));
        CHECK(false, "line %d: %.80s threw %s", line, src, e ? e : "?");
        hr_free(r, e);
    } else if (want) {
        char *s = hr_to_utf8(re, v, NULL);
        CHECK(s && strcmp(s, want) == 0, "line %d: %.80s: got %s, want %s", line, src, s ? s : "(null)", want);
        hr_free(r, s);
    } else
        passed++;
    hr_scope_close(&scope);
}
#define CHECK_JS(src, want) check_js_in(realmp, src, want, __LINE__)

static void collect(void) { hr_gc(rtp); }

/* ---- reachability ------------------------------------------------------- */

/* Transition shapes stay in their prototype's tree once made (the tree holds
 * its children), so each phase below runs twice: the first round makes the
 * shapes, the baseline is taken after it, and the second round must return
 * exactly to that baseline. */

static void handle_phase(bool check) {
    collect();
    size_t cells0 = rt->cell_count, mem0 = rt->mem_used, handles0 = rt->handles_len;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value first = HX_UNDEFINED;
    for (int i = 0; i < 10000; i++) {
        hx_value o = hx_new_plain_object(realm);
        hx_set(realm, o, HX_ATOM(rt, length), hx_int(i), true);
        if (i == 0) first = o;
    }
    hx_value str = hx_string_from_cstr(rt, "a string that is rooted by the handle stack");
    collect();
    if (check) {
        CHECK(rt->cell_count >= cells0 + 10001, "handle-rooted cells survive (%zu -> %zu)", cells0, rt->cell_count);
        CHECK(hx_get(realm, first, HX_ATOM(rt, length)) == hx_int(0), "rooted object intact");
        CHECK(hx_as_string(str)->len == 43 && hx_str_latin1(hx_as_string(str))[0] == 'a', "rooted string intact");
    }
    hr_scope_close(&scope);
    collect();
    if (check) {
        CHECK(rt->handles_len == handles0, "scope close restores the handle stack");
        CHECK(rt->cell_count == cells0, "unrooted cells freed (%zu, baseline %zu)", rt->cell_count, cells0);
        CHECK(rt->mem_used == mem0, "memory back to the baseline (%zu, baseline %zu)", rt->mem_used, mem0);
    }
}

static void persistent_phase(bool check) {
    collect();
    size_t cells0 = rt->cell_count, mem0 = rt->mem_used;
    hr_persistent *p;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hr_value obj = hr_new_object(realmp);
    bool set_ok = hr_set(realmp, obj, "tag", hr_string(realmp, "persisted", 9));
    p = hr_persist(rtp, obj);
    hr_scope_close(&scope);
    for (int i = 0; i < 3; i++) collect();
    hr_scope_open(rtp, &scope);
    char *tag = hr_to_utf8(realmp, hr_get(realmp, hr_persistent_get(p), "tag"), NULL);
    if (check) CHECK(set_ok && tag && strcmp(tag, "persisted") == 0, "persistent value survives collections");
    hr_free(rtp, tag);
    hr_scope_close(&scope);
    size_t with = rt->cell_count;
    hr_unpersist(rtp, p);
    collect();
    if (check)
        CHECK(rt->cell_count < with && rt->cell_count == cells0, "unpersisted value freed (%zu, baseline %zu)",
              rt->cell_count, cells0);
    /* many persistents released in another order than made */
    hr_persistent *ps[100];
    hr_scope_open(rtp, &scope);
    for (int i = 0; i < 100; i++) {
        hr_value o = hr_new_object(realmp);
        hr_set(realmp, o, "n", hr_number(i));
        ps[i] = hr_persist(rtp, o);
    }
    hr_scope_close(&scope);
    collect();
    bool ok = true;
    hr_scope_open(rtp, &scope);
    for (int i = 0; i < 100; i++) ok = ok && hr_get_number(hr_get(realmp, hr_persistent_get(ps[i]), "n")) == i;
    hr_scope_close(&scope);
    if (check) CHECK(ok, "100 persistent objects intact");
    for (int i = 0; i < 100; i += 2) hr_unpersist(rtp, ps[i]);
    for (int i = 99; i > 0; i -= 2) hr_unpersist(rtp, ps[i]);
    collect();
    if (check)
        CHECK(rt->cell_count == cells0 && rt->mem_used == mem0, "persistents released (%zu/%zu, baseline %zu/%zu)",
              rt->cell_count, rt->mem_used, cells0, mem0);
}

static void global_phase(bool check) {
    collect();
    size_t cells0 = rt->cell_count;
    CHECK_JS("var keep = []; for (var i = 0; i < 1000; i++) keep.push({i: i, s: 'v' + i}); keep.length", "1000");
    collect();
    collect();
    CHECK_JS("keep[999].s + keep[0].i + keep.reduce(function (a, o) { return a + o.i; }, 0)", "v9990499500");
    if (check) CHECK(rt->cell_count > cells0 + 2000, "global graph survives");
    CHECK_JS("keep = undefined; 0", "0");
    collect();
    if (check)
        CHECK(rt->cell_count == cells0, "global graph freed after the global is cleared (%zu, baseline %zu)",
              rt->cell_count, cells0);
}

static void cycle_phase(bool check) {
    collect();
    size_t before = rt->cell_count;
    CHECK_JS("(function () { for (var i = 0; i < 1000; i++) { var a = {}, b = {a: a}; a.b = b;"
             " var f = function () { return f; }; a.f = f; } return 1; })()",
             "1");
    CHECK_JS("(function () { var ring = {}; var x = ring; for (var i = 0; i < 5000; i++) x = x.next = {};"
             " x.next = ring; return 2; })()",
             "2");
    /* a closure cycle through a context, a class referring to itself, and
     * constructor <-> prototype */
    CHECK_JS("(function () { function C() { this.self = this; } C.prototype.me = C;"
             " for (var i = 0; i < 100; i++) new C(); class D { m() { return D; } } new D();"
             " return 3; })()",
             "3");
    collect();
    if (check) CHECK(rt->cell_count == before, "cycles collected (%zu, before %zu)", rt->cell_count, before);
}

static void test_roots(void) {
    for (int round = 0; round < 2; round++) {
        handle_phase(round == 1);
        persistent_phase(round == 1);
        global_phase(round == 1);
        cycle_phase(round == 1);
    }
}

/* ---- deep structures ------------------------------------------------------- */

static void test_deep(void) {
    collect();
    size_t cells0 = rt->cell_count;
    CHECK_JS("var head = null; for (var i = 0; i < 1e6; i++) head = {next: head, v: i}; 1", "1");
    collect();
    CHECK_JS("var n = 0, sum = 0; for (var p = head; p; p = p.next) { n++; sum += p.v; } n + ' ' + sum",
             "1000000 499999500000");
    CHECK(rt->cell_count >= cells0 + 1000000, "the list is alive");
    CHECK_JS("head = null; 0", "0");
    collect();
    CHECK(rt->cell_count <= cells0 + 100, "the list is freed (%zu, baseline %zu)", rt->cell_count, cells0);

    CHECK_JS("var deep = []; for (var i = 0; i < 1e5; i++) deep = [deep, i]; 1", "1");
    collect();
    CHECK_JS("var d = 0; for (var p = deep; p.length; p = p[0]) d++; d", "100000");
    CHECK_JS("deep = null; 0", "0");
    /* deep object nesting, a long prototype chain, a deep closure chain, a
     * deep Map chain and a deep rope */
    CHECK_JS("var o = {}; for (var i = 0; i < 1e5; i++) o = {o: o};"
             "var pr = {}; for (var i = 0; i < 1e4; i++) pr = Object.create(pr);"
             "var cl = function () { return 0; }; for (var i = 0; i < 1e5; i++) cl = (function (g) { return function () { return g; }; })(cl);"
             "var mp = new Map(); for (var i = 0; i < 1e5; i++) mp = new Map([[i, mp]]);"
             "var rs = ''; for (var i = 0; i < 1e5; i++) rs = rs + String.fromCharCode(97 + i % 26);"
             "1",
             "1");
    collect();
    CHECK_JS("var d = 0; for (var p = o; p.o; p = p.o) d++; var e = 0; for (var p = pr; p !== Object.prototype; p = Object.getPrototypeOf(p)) e++;"
             "var f = 0; for (var g = cl; typeof g() === 'function'; g = g()) f++;"
             "var m = 0; for (var q = mp; q.size; q = q.get(q.keys().next().value)) m++;"
             "[d, e, f, m, rs.length, rs.slice(-3)].join()",
             "100000,10001,100000,100000,100000,bcd");
    CHECK_JS("o = pr = cl = mp = rs = null; 0", "0");
    collect();
    /* + a few transition shapes the program made (see test_roots) */
    CHECK(rt->cell_count <= cells0 + 100, "deep structures freed (%zu, baseline %zu)", rt->cell_count, cells0);
}

/* ---- the weak atom table -------------------------------------------------------- */

static void test_weak_atoms(void) {
    collect();
    uint32_t atoms0 = rt->atom_count;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value a = hx_atom_from_cstr(rt, "gc_test_unique_atom_name");
    CHECK(rt->atom_count == atoms0 + 1, "atom added");
    collect();
    CHECK(rt->atom_count == atoms0 + 1 && hx_atom_from_cstr(rt, "gc_test_unique_atom_name") == a,
          "a rooted atom stays interned");
    hr_scope_close(&scope);
    collect();
    CHECK(rt->atom_count == atoms0, "an unused atom leaves the table (%u, baseline %u)", rt->atom_count, atoms0);
    /* many property names made at run time, on a dictionary-mode object (a
     * transition tree would keep its keys as long as the prototype lives) */
    CHECK_JS("(function () { var o = {x: 1}; delete o.x; for (var i = 0; i < 5000; i++) o['dyn_key_' + i] = i;"
             " return Object.keys(o).length; })()",
             "5000");
    collect();
    CHECK(rt->atom_count <= atoms0 + 5, "run-time property names are released (%u, baseline %u)", rt->atom_count,
          atoms0);
    /* re-interning after removal works (tombstones) */
    CHECK_JS("var back = {x: 1}; delete back.x; for (var i = 0; i < 5000; i++) back['dyn_key_' + i] = i;"
             " back.dyn_key_4999 + back['dyn_key_' + 17]",
             "5016");
    CHECK_JS("back = null; 0", "0");
    collect();
    CHECK(rt->atom_count <= atoms0 + 5, "released again (%u, baseline %u)", rt->atom_count, atoms0);
    /* a kept key keeps its atom */
    CHECK_JS("var kept = {}; kept['made_' + 'at_runtime'] = 7; 0", "0");
    collect();
    CHECK_JS("kept['made_at' + '_runtime'] + kept.made_at_runtime", "14");
    CHECK_JS("kept = null; 0", "0");
    /* Map keys and string values are not atoms and do not stay */
    CHECK_JS("(function () { var m = new Map(); for (var i = 0; i < 1000; i++) m.set('mk' + i, 'mv' + i);"
             " return m.size; })()",
             "1000");
    collect();
    CHECK(rt->atom_count <= atoms0 + 6, "Map keys leave no atoms (%u, baseline %u)", rt->atom_count, atoms0);
}

/* ---- the memory limit ------------------------------------------------------------ */

/* Out of memory in a function is caught by a try/catch around the call.
 * (What is thrown is not checked: see the report on the pre-made error.) */
static void test_memory_limit(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.gc_stress = false;
    cfg.memory_limit = 24u << 20; /* the VM stack alone takes 8 MiB */
    hr_runtime *r = hr_runtime_new(&cfg);
    hr_realm *re = r ? hr_realm_new(r) : NULL;
    CHECK(re != NULL, "runtime with a memory limit");
    if (!re) {
        hr_runtime_free(r);
        return;
    }
    check_js_in(re, "var r = [];"
                    "function arr() { return new Array(1e8).fill(0); }"
                    "try { arr(); r.push('no'); } catch (e) { r.push('c'); }"
                    "function rep() { return 'x'.repeat(1 << 28); }"
                    "try { rep(); r.push('no'); } catch (e) { r.push('c'); }"
                    "function grow() { var a = []; for (;;) a.push({x: a.length}); }"
                    "try { grow(); } catch (e) { r.push('c'); }"
                    "function strings() { var a = []; for (var i = 0;; i++) a.push('s' + i + 'x'.repeat(100)); }"
                    "try { strings(); } catch (e) { r.push('c'); }"
                    "function props() { var o = {x: 1}; delete o.x; for (var i = 0;; i++) o['p' + i] = i; }"
                    "try { props(); } catch (e) { r.push('c'); }"
                    "function rope() { var s = 'y'; for (;;) s = s + s + 'z'; }"
                    "try { rope(); } catch (e) { r.push('c'); }"
                    "function flat() { var s = 'ab'; for (var i = 0; i < 40; i++) { s = s + s; s.indexOf('q'); } }"
                    "try { flat(); } catch (e) { r.push('c'); }"
                    "function json() { var a = []; for (;;) a.push(JSON.parse('[1,{\\\"k\\\":2}]')); }"
                    "try { json(); } catch (e) { r.push('c'); }"
                    "r.join('')",
                "cccccccc", __LINE__);
    /* the runtime stays usable and memory comes back */
    check_js_in(re, "var ok = []; for (var i = 0; i < 1000; i++) ok.push({i}); ok.length + JSON.stringify({a: [1]})",
                "1000{\"a\":[1]}", __LINE__);
    hx_runtime *x = (hx_runtime *)r;
    hr_gc(r);
    CHECK(x->mem_used < (16u << 20), "memory released after the failures (%zu)", x->mem_used);
    /* uncaught: the API reports HR_EXCEPTION */
    static const char *const uncaught[] = {
        "(function () { var big = []; for (;;) big.push([1, 2, 3, 4]); })()",
        "'x'.repeat(1 << 28)",
        "new Array(1e8).fill(0)",
    };
    for (int i = 0; i < 3; i++) {
        hr_scope scope;
        hr_scope_open(r, &scope);
        hr_value v;
        hr_status st = hr_eval(re, uncaught[i], strlen(uncaught[i]), "gc_test.js", 0, &v);
        CHECK(st == HR_EXCEPTION && hr_has_exception(r), "uncaught out-of-memory %d gives HR_EXCEPTION", i);
        CHECK(!hr_is_interrupted(r), "not an interrupt");
        hr_take_exception(r);
        hr_scope_close(&scope);
        check_js_in(re, "'usable'", "usable", __LINE__);
    }
    /* creating a second realm still works with the heap freed */
    hr_gc(r);
    hr_realm *re2 = hr_realm_new(r);
    CHECK(re2 != NULL, "a realm after out-of-memory");
    if (re2) check_js_in(re2, "[1, 2, 3].map(function (n) { return n * 2; }).join()", "2,4,6", __LINE__);
    hr_runtime_free(r);

    /* a limit smaller than the runtime itself: creation fails cleanly */
    hr_config_init(&cfg);
    cfg.gc_stress = false;
    cfg.memory_limit = 1u << 20;
    r = hr_runtime_new(&cfg);
    CHECK(r == NULL, "runtime creation under a 1 MiB limit fails");
    hr_runtime_free(r);
    /* a limit that fits the runtime but not a realm */
    cfg.memory_limit = (8u << 20) + (64u << 10);
    r = hr_runtime_new(&cfg);
    re = r ? hr_realm_new(r) : NULL;
    CHECK(r != NULL && re == NULL, "realm creation that does not fit returns NULL");
    hr_runtime_free(r);
}

/* ---- a checking allocator ---------------------------------------------------------- */

/* Every block carries its size in front; the engine must pass that exact
 * size as old_size when it reallocates or frees the block.  Live blocks are
 * kept in a list so that what the engine leaks can be counted (and released
 * by the test, so leak detectors report only the engine's own malloc use). */
typedef struct blk {
    size_t size;
    struct blk *prev, *next;
    size_t pad; /* keeps the payload 16-byte aligned */
} blk;

typedef struct alloc_stats {
    size_t live_bytes, live_blocks, peak;
    size_t mismatches, calls;
    blk head; /* circular list of live blocks */
} alloc_stats;

static void stats_init(alloc_stats *st) {
    memset(st, 0, sizeof *st);
    st->head.next = st->head.prev = &st->head;
}

/* Frees what is still live; returns the number of blocks released. */
static size_t stats_release(alloc_stats *st) {
    size_t n = 0;
    while (st->head.next != &st->head) {
        blk *b = st->head.next;
        b->prev->next = b->next;
        b->next->prev = b->prev;
        free(b);
        n++;
    }
    return n;
}

static void link_block(alloc_stats *st, blk *b) {
    b->next = st->head.next;
    b->prev = &st->head;
    st->head.next->prev = b;
    st->head.next = b;
}

static void *checking_realloc(void *opaque, void *ptr, size_t old_size, size_t new_size) {
    alloc_stats *st = opaque;
    st->calls++;
    blk *b = ptr ? (blk *)ptr - 1 : NULL;
    size_t real_old = b ? b->size : 0;
    if (b && real_old != old_size) {
        if (st->mismatches < 5) printf("  size mismatch: block of %zu freed/resized as %zu\n", real_old, old_size);
        st->mismatches++;
    }
    if (b) {
        b->prev->next = b->next;
        b->next->prev = b->prev;
    }
    if (new_size == 0) {
        if (b) {
            st->live_bytes -= real_old;
            st->live_blocks--;
            free(b);
        }
        return NULL;
    }
    blk *n = realloc(b, new_size + sizeof(blk));
    if (!n) {
        if (b) link_block(st, b); /* the old block stays valid */
        return NULL;
    }
    if (!b) st->live_blocks++;
    st->live_bytes = st->live_bytes - real_old + new_size;
    if (st->live_bytes > st->peak) st->peak = st->live_bytes;
    n->size = new_size;
    link_block(st, n);
    return n + 1;
}

static const char *const workload =
    "var out = [];"
    "class Shape { constructor(n) { this.n = n; } area() { return 0; } get name() { return this.n; } }"
    "class Sq extends Shape { constructor(s) { super('sq'); this.s = s; } area() { return this.s ** 2; } }"
    "out.push(new Sq(3).area(), new Sq(2).name);"
    "function* gen(n) { for (let i = 0; i < n; i++) yield i * i; }"
    "out.push([...gen(5)].join('-'));"
    "var m = new Map(), s = new Set(), wm = new WeakMap();"
    "for (var i = 0; i < 200; i++) { m.set('k' + i, {i}); s.add(i % 7); wm.set({}, i); }"
    "out.push(m.size, s.size);"
    "out.push(JSON.stringify(JSON.parse('{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\"}')));"
    "out.push('Hello World'.replace(/o/g, '0').split(' ').map(w => w.toUpperCase()).join('_'));"
    "out.push(/(\\d+)-(\\d+)/.exec('10-20')[2], 'a1b22c333'.match(/\\d+/g).length);"
    "try { null.x; } catch (e) { out.push(e instanceof TypeError, typeof e.stack); }"
    "out.push((2n ** 70n).toString(16), new Date(0).toISOString());"
    "var ta = new Float64Array(16); ta.fill(1.5); out.push(ta.reduce((a, b) => a + b));"
    "var p = new Proxy({}, { get: (t, k) => k.length }); out.push(p.hello);"
    "var sym = Symbol('desc'); var so = {[sym]: 1}; out.push(Object.getOwnPropertySymbols(so).length);"
    "var arr = []; for (var i = 0; i < 500; i++) arr.push(i); arr.sort((a, b) => b - a); out.push(arr[0]);"
    "var o = {}; for (var i = 0; i < 100; i++) o['p' + i] = i; for (var i = 0; i < 100; i += 3) delete o['p' + i];"
    "out.push(Object.keys(o).length);"
    "var sparse = [1, 2, 3]; Object.defineProperty(sparse, 1, {value: 9, enumerable: false}); out.push(sparse[1]);"
    "var s2 = ''; for (var i = 0; i < 300; i++) s2 += String.fromCharCode(0x100 + i % 50); out.push(s2.length);"
    "out.push([3, 1, 2].toSorted().join(), Array.from({length: 3}, (_, i) => i * 2).join());"
    "out.push(eval('1 + 2'), new Function('a', 'return a * 2')(21));"
    "var bound = function (x) { return this.v + x; }.bind({v: 1}, 2); out.push(bound());"
    "out.push(String(Object.entries({x: 1, y: 2})));"
    "out.push(`t${1 + 1}t`, 'abc'.at(-1), [1, [2, [3]]].flat(Infinity).join());"
    "out.push(new Error('m', {cause: 1}).cause, Reflect.ownKeys({a: 1, 1: 2}).join());"
    "var ab = new ArrayBuffer(8); new DataView(ab).setInt16(0, -2); out.push(new Int16Array(ab)[0]);"
    "out.join(' | ')";

static void test_checking_allocator(bool stress) {
    alloc_stats st;
    stats_init(&st);
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.realloc = checking_realloc;
    cfg.realloc_opaque = &st;
    cfg.gc_stress = stress;
    hr_runtime *r = hr_runtime_new(&cfg);
    hr_realm *re = r ? hr_realm_new(r) : NULL;
    CHECK(re != NULL, "runtime with a custom allocator");
    if (!re) {
        hr_runtime_free(r);
        return;
    }
    hx_runtime *x = (hx_runtime *)r;
    check_js_in(re, workload,
                "9 | sq | 0-1-4-9-16 | 200 | 7 | {\"a\":[1,2,{\"b\":null}],\"c\":\"\xC3\xA9\"} | HELL0_W0RLD | 20 | 3 | "
                "true | string | 400000000000000000 | 1970-01-01T00:00:00.000Z | 24 | 5 | 1 | 499 | 66 | 9 | 300 | "
                "1,2,3 | 0,2,4 | 3 | 42 | 3 | x,1,y,2 | t2t | c | 1,2,3 | 1 | 1,a | -257",
                __LINE__);
    CHECK(hr_run_jobs(r) == HR_OK, "jobs");
    hr_gc(r);
    /* the engine's own accounting matches what it asked for, apart from
     * the runtime struct, the handle stack and the collector's gray stack,
     * which bypass the accounting */
    size_t overhead = sizeof(hx_runtime) + x->handles_cap * sizeof(hx_value) + x->gray_cap * sizeof(hx_cell *);
    CHECK(st.live_bytes == x->mem_used + overhead, "accounting: hook sees %zu bytes, engine counts %zu + %zu",
          st.live_bytes, x->mem_used, overhead);
    hr_runtime_free(r);
    CHECK(st.mismatches == 0, "%zu allocations freed with a wrong size", st.mismatches);
    CHECK(st.live_bytes == 0 && st.live_blocks == 0, "all memory returned: %zu bytes in %zu blocks",
          st.live_bytes, st.live_blocks);
    CHECK(st.calls > 1000, "the hook is used (%zu calls)", st.calls);
}

/* A failing allocator: out of memory at the n-th request of an evaluation.
 * Nothing may crash, every block must be freed with its exact size, the
 * evaluation reports the failure, and the runtime can still be freed.
 * Blocks the engine leaks on such paths are released here and counted
 * (see the report); a clean run frees everything. */
typedef struct failing {
    alloc_stats st;
    size_t countdown;
    bool armed;
} failing;

static void *failing_realloc(void *opaque, void *ptr, size_t old_size, size_t new_size) {
    failing *f = opaque;
    if (f->armed && new_size > old_size) {
        if (f->countdown == 0) return NULL;
        f->countdown--;
    }
    return checking_realloc(&f->st, ptr, old_size, new_size);
}

static void test_failing_allocator(void) {
    const char *src = "var a = []; for (var i = 0; i < 50; i++) a.push({k: 'v' + i, n: [i]});"
                      "JSON.stringify(a).length";
    int runs = 0, ok_runs = 0, exc_runs = 0, leaky_runs = 0;
    size_t mismatches = 0;
    for (size_t n = 0; n < 600; n += 3) {
        failing f;
        memset(&f, 0, sizeof f);
        stats_init(&f.st);
        hr_config cfg;
        hr_config_init(&cfg);
        cfg.gc_stress = false;
        cfg.realloc = failing_realloc;
        cfg.realloc_opaque = &f;
        hr_runtime *r = hr_runtime_new(&cfg);
        hr_realm *re = r ? hr_realm_new(r) : NULL;
        if (re) {
            f.armed = true;
            f.countdown = n;
            hr_scope scope;
            hr_scope_open(r, &scope);
            hr_value v;
            hr_status st = hr_eval(re, src, strlen(src), "gc_test.js", 0, &v);
            runs++;
            if (st == HR_OK) {
                ok_runs++;
                CHECK(hr_is_number(v) && hr_get_number(v) == 1031, "result with failures after %zu", n);
            } else {
                exc_runs++;
                CHECK(hr_has_exception(r), "a failed evaluation leaves an exception pending");
                hr_take_exception(r);
            }
            hr_scope_close(&scope);
            f.armed = false;
            /* the runtime still works */
            hr_scope_open(r, &scope);
            const char *again = "[1, 2].concat([3]).join()";
            CHECK(hr_eval(re, again, strlen(again), "gc_test.js", 0, &v) == HR_OK, "usable after failure %zu", n);
            hr_scope_close(&scope);
        }
        hr_runtime_free(r);
        mismatches += f.st.mismatches;
        if (f.st.live_blocks) leaky_runs++;
        stats_release(&f.st);
    }
    CHECK(mismatches == 0, "%zu blocks freed with a wrong size", mismatches);
    CHECK(runs > 100 && exc_runs > 0 && ok_runs > 0, "failing allocator: %d runs, %d ok, %d exceptions", runs,
          ok_runs, exc_runs);
    printf("failing allocator: %d runs, %d ok, %d exceptions, %d leaked blocks\n", runs, ok_runs, exc_runs,
           leaky_runs);
}

/* ---- GC stress -------------------------------------------------------------------- */

static void test_gc_stress(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.gc_stress = true;
    hr_runtime *r = hr_runtime_new(&cfg);
    hr_realm *re = r ? hr_realm_new(r) : NULL;
    CHECK(re != NULL, "GC-stress runtime");
    if (!re) {
        hr_runtime_free(r);
        return;
    }
    check_js_in(re,
                "function mk(n) { var o = {}; for (var i = 0; i < n; i++) o['k' + i] = {v: 'x' + i}; return o; }"
                "var objs = []; for (var i = 0; i < 20; i++) objs.push(mk(12));"
                "var s = ''; for (var i = 0; i < 40; i++) s += objs[i % 20]['k' + (i % 12)].v;"
                "var arr = [5, 3, 9, 1].map(function (x) { return {x: x, t: 'n' + x}; });"
                "arr.sort(function (a, b) { return a.x - b.x; });"
                "var cl = (function () { var hidden = {secret: 'kept'}; return function () { return hidden.secret; }; })();"
                "[s.length, arr.map(function (o) { return o.t; }).join(''), cl(), objs[19].k11.v,"
                " JSON.stringify({a: [1, {b: 'c'}]}), [...'h\\u00e9llo'].length].join()",
                "86,n1n3n5n9,kept,x11,{\"a\":[1,{\"b\":\"c\"}]},5", __LINE__);
    hr_runtime_free(r);
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    cfg.gc_stress = false; /* the figures below assume collections only when asked */
    rtp = hr_runtime_new(&cfg);
    realmp = rtp ? hr_realm_new(rtp) : NULL;
    if (!realmp) {
        printf("FAIL: no runtime\n0 passed, 1 failed\n");
        return 1;
    }
    rt = (hx_runtime *)rtp;
    realm = (hx_realm *)realmp;
    test_roots();
    test_deep();
    test_weak_atoms();
    hr_runtime_free(rtp);
    test_memory_limit();
    test_checking_allocator(false);
    test_checking_allocator(true);
    test_failing_allocator();
    test_gc_stress();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
