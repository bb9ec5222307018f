/*
 * shape_test.c — hidden classes (src/vm/shape.c) through the object layer
 * (src/vm/object.c): transition sharing, lookup in shapes past the hash
 * threshold and past the transition limit (dictionary shapes), dictionary
 * mode after deletion keeping insertion order, attribute changes,
 * prototype changes, and [[OwnPropertyKeys]] order (indices ascending, then
 * strings in insertion order, then symbols) for dense, sparse and
 * dictionary objects, checked both in C and through Reflect.ownKeys.
 */
#include <stdio.h>
#include <string.h>
#include "heron.h"
#include "vm/vm.h"

#include "check.h"

static hr_runtime *rtp;
static hr_realm *realmp;
static hx_runtime *rt;
static hx_realm *realm;

static hx_key K(const char *name) { return hx_key_from_string(rt, hx_string_from_cstr(rt, name)); }
static hx_object *new_obj(void) { return hx_as_object(hx_new_plain_object(realm)); }
static bool put(hx_object *o, const char *name, hx_value v) {
    return hx_set(realm, hx_object_value(o), K(name), v, true) == 1;
}
static hx_value get(hx_object *o, const char *name) { return hx_get(realm, hx_object_value(o), K(name)); }
static bool is_dict(hx_object *o) { return o->shape->hdr.flags & HX_SHAPE_DICT; }

/* Evaluates src; returns its value (rooted in the caller's scope) or
 * HX_EXCEPTION after reporting the error. */
static hx_value eval(const char *src) {
    hr_value v;
    if (hr_eval(realmp, src, strlen(src), "shape_test.js", 0, &v) == HR_OK) return v;
    char *e = hr_format_exception(realmp, hr_take_exception(rtp));
    CHECK(false, "%s threw %s", src, e ? e : "?");
    hr_free(rtp, e);
    return HX_EXCEPTION;
}

/* Evaluates src and compares ToString of the result with want. */
static void check_js(const char *src, const char *want) {
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value v = eval(src);
    if (!hx_is_exception(v)) {
        char *s = hr_to_utf8(realmp, v, NULL);
        CHECK(s && strcmp(s, want) == 0, "%s: got %s, want %s", src, s ? s : "(null)", want);
        hr_free(rtp, s);
    }
    hr_scope_close(&scope);
}

static void test_transition_sharing(void) {
    hx_object *a = new_obj(), *b = new_obj(), *c = new_obj();
    CHECK(a->shape == b->shape, "fresh objects share the root shape");
    put(a, "x", hx_int(1));
    put(a, "y", hx_int(2));
    put(b, "x", hx_int(3));
    put(b, "y", hx_int(4));
    put(c, "y", hx_int(5));
    put(c, "x", hx_int(6));
    CHECK(a->shape == b->shape, "same keys in the same order share a shape");
    CHECK(a->shape != c->shape, "different order, different shape");
    CHECK(!is_dict(a) && !is_dict(c), "transition shapes");
    CHECK(a->shape->count == 2 && a->shape->parent && a->shape->parent->count == 1,
          "transition chain");
    CHECK(get(b, "x") == hx_int(3) && get(b, "y") == hx_int(4) && get(c, "x") == hx_int(6),
          "values through shared shapes");
    /* overwriting a value does not change the shape */
    hx_shape *before = a->shape;
    put(a, "x", hx_int(10));
    CHECK(a->shape == before && get(a, "x") == hx_int(10), "overwrite keeps the shape");
    /* different attributes on the same key are different transitions */
    hx_object *d = new_obj();
    hx_define_value(realm, d, K("x"), hx_int(1), HX_PROP_BUILTIN);
    hx_define_value(realm, d, K("y"), hx_int(1), HX_PROP_DEFAULT);
    CHECK(d->shape != a->shape, "attributes are part of the transition");
    /* objects with another prototype have another root */
    hx_object *e = hx_object_new(realm, NULL, HX_CLASS_OBJECT);
    put(e, "x", hx_int(1));
    put(e, "y", hx_int(1));
    CHECK(e->shape != a->shape && e->shape->proto == NULL, "null-prototype objects have their own tree");
    /* from JS: literals and constructor-built objects share shapes too */
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value arr = eval("function P(x) { this.p = x; this.q = x; }"
                        "[{u: 1, v: 2}, {u: 3, v: 4}, new P(1), new P(2), {v: 1, u: 2}]");
    if (!hx_is_exception(arr)) {
        hx_object *o = hx_as_object(arr);
        hx_shape *s0 = hx_as_object(o->elems[0])->shape, *s1 = hx_as_object(o->elems[1])->shape;
        hx_shape *s2 = hx_as_object(o->elems[2])->shape, *s3 = hx_as_object(o->elems[3])->shape;
        hx_shape *s4 = hx_as_object(o->elems[4])->shape;
        CHECK(s0 == s1 && s2 == s3 && s0 != s4, "JS objects share transition shapes");
    }
    hr_scope_close(&scope);
}

static void test_many_properties(int n) {
    hx_object *o = new_obj();
    char name[32];
    bool ok = true;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "p%d", i);
        ok = ok && put(o, name, hx_int(i * 3));
    }
    CHECK(ok, "%d properties added", n);
    int bad = 0;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "p%d", i);
        if (get(o, name) != hx_int(i * 3)) bad++;
        int32_t at = hx_shape_find(rt, o->shape, K(name));
        if (at < 0) bad++;
    }
    CHECK(bad == 0, "%d of %d properties not found", bad, n);
    CHECK(hx_shape_find(rt, o->shape, K("p-1")) < 0 && hx_is_undefined(get(o, "missing")),
          "absent key among %d properties", n);
    CHECK(o->shape->count == (uint32_t)n, "count %u", o->shape->count);
    if (n > HX_SHAPE_MAX_TRANSITION_PROPS) CHECK(is_dict(o), "past the transition limit: dictionary");
    else CHECK(!is_dict(o), "below the transition limit: transition shape");
    /* a second object with the same keys shares the (transition) shape */
    if (n <= HX_SHAPE_MAX_TRANSITION_PROPS) {
        hx_object *o2 = new_obj();
        for (int i = 0; i < n; i++) {
            snprintf(name, sizeof name, "p%d", i);
            put(o2, name, hx_int(0));
        }
        CHECK(o2->shape == o->shape, "%d-property shapes shared", n);
    }
    /* key order is insertion order */
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS);
    hx_object *ka = hx_as_object(keys);
    bad = 0;
    for (int i = 0; i < n && !bad; i++) {
        snprintf(name, sizeof name, "p%d", i);
        if ((uint32_t)i >= ka->elem_len || ka->elems[i] != K(name)) bad++;
    }
    CHECK(ka->elem_len == (uint32_t)n && bad == 0, "%d keys in insertion order", n);
}

/* Builds keys a..j, deletes some, re-adds, and checks order and values. */
static void test_delete_order(void) {
    hx_object *o = new_obj();
    const char *names[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
    for (int i = 0; i < 10; i++) put(o, names[i], hx_int(i));
    hx_shape *shared = o->shape;
    CHECK(hx_delete(realm, o, K("c"), true) == 1, "delete c");
    CHECK(is_dict(o), "deletion makes a dictionary shape");
    CHECK(shared->count == 10 && !(shared->hdr.flags & HX_SHAPE_DICT), "shared shape untouched");
    hx_delete(realm, o, K("a"), true);
    hx_delete(realm, o, K("j"), true);
    put(o, "k", hx_int(10));
    put(o, "c", hx_int(11));
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS);
    hx_object *ka = hx_as_object(keys);
    const char *want[] = {"b", "d", "e", "f", "g", "h", "i", "k", "c"};
    bool ok = ka->elem_len == 9;
    for (int i = 0; ok && i < 9; i++) ok = ka->elems[i] == K(want[i]);
    CHECK(ok, "dictionary keeps insertion order after deletes (%u keys)", ka->elem_len);
    CHECK(get(o, "b") == hx_int(1) && get(o, "i") == hx_int(8) && get(o, "k") == hx_int(10) &&
              get(o, "c") == hx_int(11) && hx_is_undefined(get(o, "a")),
          "dictionary values");
    /* many deletions past the hash threshold */
    hx_object *big = new_obj();
    char name[16];
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "k%d", i);
        put(big, name, hx_int(i));
    }
    for (int i = 0; i < 200; i += 2) {
        snprintf(name, sizeof name, "k%d", i);
        hx_delete(realm, big, K(name), true);
    }
    int bad = 0;
    for (int i = 0; i < 200; i++) {
        snprintf(name, sizeof name, "k%d", i);
        hx_value v = get(big, name);
        if (i % 2 ? v != hx_int(i) : !hx_is_undefined(v)) bad++;
    }
    CHECK(bad == 0 && big->shape->count == 100, "lookup after 100 deletions (%d bad)", bad);
    keys = hx_own_keys(realm, big, HX_KEYS_STRINGS);
    ka = hx_as_object(keys);
    ok = ka->elem_len == 100;
    for (int i = 0; ok && i < 100; i++) {
        snprintf(name, sizeof name, "k%d", 2 * i + 1);
        ok = ka->elems[i] == K(name);
    }
    CHECK(ok, "order after 100 deletions");
    /* the same from JS */
    check_js("var o = {a: 1, b: 2, c: 3, d: 4}; delete o.b; o.e = 5; o.b = 6; delete o.a;"
             "Object.keys(o).join() + '|' + Object.values(o).join()",
             "c,d,e,b|3,4,5,6");
}

static void test_attributes(void) {
    hx_object *o = new_obj();
    put(o, "x", hx_int(1));
    put(o, "y", hx_int(2));
    hx_desc d = {HX_UNDEFINED, HX_UNDEFINED, HX_UNDEFINED, 0, HX_DESC_WRITABLE};
    CHECK(hx_define_own_property(realm, o, K("x"), &d, true) == 1, "make x read-only");
    hx_desc got;
    CHECK(hx_get_own_property(realm, o, K("x"), &got) == 1 && got.value == hx_int(1) &&
              got.flags == (HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE),
          "x read-only keeps its value (flags %u)", got.flags);
    CHECK(hx_set(realm, hx_object_value(o), K("x"), hx_int(5), false) == 0 && get(o, "x") == hx_int(1),
          "a read-only property refuses writes");
    hx_object *p = new_obj();
    put(p, "x", hx_int(1));
    put(p, "y", hx_int(2));
    CHECK(p->shape != o->shape, "changing attributes leaves the shared shape");
    CHECK(p->shape->props == NULL || p->shape->props[0].flags == HX_PROP_DEFAULT,
          "shared shape keeps default attributes");
    /* data -> accessor -> data */
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_value getter = eval("(function () { return 42; })");
    hx_desc acc = {HX_UNDEFINED, getter, HX_UNDEFINED, 0, HX_DESC_GET};
    CHECK(hx_define_own_property(realm, o, K("y"), &acc, true) == 1 && get(o, "y") == hx_int(42),
          "data property becomes an accessor");
    hx_desc back = {hx_int(7), HX_UNDEFINED, HX_UNDEFINED, HX_PROP_WRITABLE, HX_DESC_VALUE | HX_DESC_WRITABLE};
    CHECK(hx_define_own_property(realm, o, K("y"), &back, true) == 1 && get(o, "y") == hx_int(7),
          "accessor becomes a data property again");
    CHECK(hx_get_own_property(realm, o, K("y"), &got) == 1 &&
              got.flags == (HX_PROP_WRITABLE | HX_PROP_ENUMERABLE | HX_PROP_CONFIGURABLE),
          "attributes after the round trip (flags %u)", got.flags);
    hr_scope_close(&scope);
    /* freeze and non-configurable rules */
    check_js("var f = {a: 1, b: 2}; Object.freeze(f); f.a = 9; delete f.b;"
             "[f.a, f.b, Object.isFrozen(f), Object.getOwnPropertyDescriptor(f, 'a').writable].join()",
             "1,2,true,false");
    check_js("var g = {}; Object.defineProperty(g, 'z', {value: 1, enumerable: false});"
             "g.w = 2; [Object.keys(g).join(), Object.getOwnPropertyNames(g).join()].join('|')",
             "w|z,w");
    check_js("var h = {a: 1, b: 2, c: 3}; Object.defineProperty(h, 'b', {enumerable: false});"
             "Object.defineProperty(h, 'b', {enumerable: true}); Object.keys(h).join()",
             "a,b,c");
}

static void test_prototypes(void) {
    hx_object *proto1 = new_obj(), *proto2 = new_obj();
    put(proto1, "inherited", hx_int(1));
    put(proto2, "inherited", hx_int(2));
    hx_object *o = hx_object_new(realm, proto1, HX_CLASS_OBJECT);
    CHECK(o->shape == hx_shape_root(rt, proto1), "root shape lives on the prototype");
    put(o, "own", hx_int(3));
    CHECK(get(o, "inherited") == hx_int(1), "inherits from proto1");
    CHECK(hx_set_prototype_of(realm, o, hx_object_value(proto2)) == 1, "set prototype");
    CHECK(o->shape->proto == proto2 && get(o, "inherited") == hx_int(2) && get(o, "own") == hx_int(3),
          "after the prototype change");
    hx_object *o2 = hx_object_new(realm, proto1, HX_CLASS_OBJECT);
    put(o2, "own", hx_int(4));
    CHECK(o2->shape->proto == proto1 && get(o2, "inherited") == hx_int(1),
          "other objects of the old shape keep their prototype");
    CHECK(hx_set_prototype_of(realm, o, HX_NULL) == 1 && hx_is_undefined(get(o, "inherited")) &&
              get(o, "own") == hx_int(3),
          "null prototype");
    /* an empty object changing prototype lands on the new root */
    hx_object *e = new_obj();
    CHECK(hx_set_prototype_of(realm, e, hx_object_value(proto2)) == 1 && e->shape == hx_shape_root(rt, proto2),
          "empty object takes the new root shape");
    /* cycles are refused */
    CHECK(hx_set_prototype_of(realm, proto1, hx_object_value(o2)) == 0, "prototype cycle refused");
    /* non-extensible objects refuse a change but accept the same prototype */
    hx_prevent_extensions(realm, o2);
    CHECK(hx_set_prototype_of(realm, o2, hx_object_value(proto2)) == 0 &&
              hx_set_prototype_of(realm, o2, hx_object_value(proto1)) == 1,
          "non-extensible prototype rules");
    check_js("var base = {m() { return 'base'; }}; var other = {m() { return 'other'; }};"
             "var objs = []; for (var i = 0; i < 20; i++) { var x = Object.create(base); x.i = i; objs.push(x); }"
             "Object.setPrototypeOf(objs[5], other);"
             "objs.map(function (x) { return x.m()[0]; }).join('')",
             "bbbbbobbbbbbbbbbbbbb");
}

static void test_own_keys_order(void) {
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    hx_object *o = new_obj();
    hx_value sym1 = hx_symbol_new(rt, hx_string_from_cstr(rt, "s1"));
    hx_value sym2 = hx_symbol_new(rt, hx_string_from_cstr(rt, "s2"));
    put(o, "b", hx_int(0));
    hx_set(realm, hx_object_value(o), sym2, hx_int(0), true);
    put(o, "2", hx_int(0));
    put(o, "a", hx_int(0));
    put(o, "0", hx_int(0));
    hx_set(realm, hx_object_value(o), sym1, hx_int(0), true);
    put(o, "4294967295", hx_int(0)); /* not an index: a string key */
    put(o, "-1", hx_int(0));
    put(o, "10", hx_int(0));
    put(o, "01", hx_int(0));
    put(o, "4294967294", hx_int(0)); /* the largest index */
    hx_value keys = hx_own_keys(realm, o, HX_KEYS_STRINGS | HX_KEYS_SYMBOLS);
    hx_object *ka = hx_as_object(keys);
    hx_value want[] = {hx_index_key(0), hx_index_key(2), hx_index_key(10), hx_index_key(4294967294u),
                       K("b"), K("a"), K("4294967295"), K("-1"), K("01"), sym2, sym1};
    size_t n = sizeof want / sizeof want[0];
    bool ok = ka->elem_len == n;
    for (size_t i = 0; ok && i < n; i++) {
        hx_value k = ka->elems[i];
        hx_key kk = hx_is_string(k) ? hx_key_from_string(rt, k) : k;
        ok = kk == want[i];
    }
    CHECK(ok, "own keys order of a plain object (%u keys)", ka->elem_len);
    hx_value strings_only = hx_own_keys(realm, o, HX_KEYS_STRINGS);
    hx_value symbols_only = hx_own_keys(realm, o, HX_KEYS_SYMBOLS);
    CHECK(hx_as_object(strings_only)->elem_len == 9 && hx_as_object(symbols_only)->elem_len == 2,
          "key filters");
    hr_scope_close(&scope);
    /* the same order from JS, for dense, sparse, dictionary and array objects */
    check_js("var s1 = Symbol('s1'), s2 = Symbol('s2');"
             "var o = {b: 1, [s2]: 1, 2: 1, a: 1, 0: 1, [s1]: 1, '4294967295': 1, '-1': 1, 10: 1};"
             "Reflect.ownKeys(o).map(String).join()",
             "0,2,10,b,a,4294967295,-1,Symbol(s2),Symbol(s1)");
    check_js("var o = {z: 1}; o[5] = 1; o[1] = 1;"
             "Object.defineProperty(o, 3, {value: 1, enumerable: true});"   /* sparse index */
             "Object.defineProperty(o, 0, {value: 1, enumerable: false});"
             "o.y = 1; Reflect.ownKeys(o).join() + '|' + Object.keys(o).join()",
             "0,1,3,5,z,y|1,3,5,z,y");
    check_js("var o = {}; for (var i = 20; i > 0; i--) o['k' + i] = i; o[7] = 1; o[3] = 1;"
             "delete o.k10; o.k10 = 0; o[100000] = 1; o[1] = 1;"
             "Object.keys(o).slice(0, 6).join() + '|' + Object.keys(o).slice(-2).join()",
             "1,3,7,100000,k20,k19|k1,k10");
    check_js("var a = [1, 2]; a.x = 1; a[5] = 1; Reflect.ownKeys(a).join()", "0,1,5,length,x");
    check_js("var a = []; a[4294967294] = 1; a[4294967295] = 2; a[0] = 0;"
             "Reflect.ownKeys(a).join() + '|' + a.length",
             "0,4294967294,length,4294967295|4294967295");
    check_js("var o = {}; for (var i = 2000; i >= 0; i -= 2) o[i] = i;"
             "var k = Object.keys(o); k.length + ',' + k[0] + ',' + k[1] + ',' + k[1000]",
             "1001,0,2,2000");
    check_js("class C { #p = 1; static s = 1; q = 2; constructor() { this.r = 3; } }"
             "Reflect.ownKeys(new C()).join()",
             "q,r");
    check_js("var o = {b: 1, a: 2}; var r = []; for (var k in o) r.push(k); o.c = 3;"
             "for (var k in Object.create(o, {d: {value: 1, enumerable: true}})) r.push(k); r.join()",
             "b,a,d,b,a,c");
}

int main(void) {
    hr_config cfg;
    hr_config_init(&cfg);
    rtp = hr_runtime_new(&cfg);
    realmp = rtp ? hr_realm_new(rtp) : NULL;
    if (!realmp) {
        printf("FAIL: no runtime\n0 passed, 1 failed\n");
        return 1;
    }
    rt = (hx_runtime *)rtp;
    realm = (hx_realm *)realmp;
    hr_scope scope;
    hr_scope_open(rtp, &scope);
    test_transition_sharing();
    test_many_properties(9);
    test_many_properties(100);
    test_many_properties(1000);
    test_many_properties(3000);
    test_delete_order();
    test_attributes();
    test_prototypes();
    test_own_keys_order();
    hr_scope_close(&scope);
    hr_runtime_free(rtp);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
