// WeakMap, WeakSet, WeakRef, FinalizationRegistry: the synchronous API
// (what the collector does is tested in tests/unit/weak_gc_test.c).
const wm = new WeakMap(), k = {}, sym = Symbol("s");
print(wm.set(k, 1) === wm, wm.get(k), wm.has(k), wm.get({}), wm.has(1)); // expect: true 1 true undefined false
wm.set(sym, "sym");
print(wm.get(sym), wm.delete(sym), wm.has(sym), wm.delete(1)); // expect: sym true false false
for (const bad of [1, "s", Symbol.for("registered"), null]) {
  try { wm.set(bad, 1); print("no error"); } catch (e) { print(e.constructor.name); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
wm.set(Symbol.iterator, "well-known");
print(wm.get(Symbol.iterator)); // expect: well-known
const ws = new WeakSet([k]);
print(ws.has(k), ws.add(k) === ws, ws.delete(k), ws.has(k)); // expect: true true true false
try { ws.add(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(String(wm), String(ws), "size" in wm, "clear" in ws); // expect: [object WeakMap] [object WeakSet] false false
const wr = new WeakRef(k);
print(wr.deref() === k, String(wr), WeakRef.length); // expect: true [object WeakRef] 1
try { new WeakRef(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { WeakRef({}); } catch (e) { print(e.constructor.name); } // expect: TypeError
const fr = new FinalizationRegistry(() => {});
print(fr.register({}, 1), fr.register(k, 2, k), fr.unregister(k), fr.unregister(k)); // expect: undefined undefined true false
for (const f of [() => fr.register(k, k), () => fr.register(1, 2), () => fr.register(k, 1, 1), () => fr.unregister(1),
                 () => new FinalizationRegistry(1)]) {
  try { f(); print("no error"); } catch (e) { print(e.constructor.name); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
print(String(fr), FinalizationRegistry.prototype.register.length, "cleanupSome" in fr); // expect: [object FinalizationRegistry] 2 false
