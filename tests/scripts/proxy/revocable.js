// Proxy.revocable: after revoke() every operation throws a TypeError.
const { proxy, revoke } = Proxy.revocable(function () { return 1; }, {});
print(proxy(), revoke.length, revoke.name === ""); // expect: 1 0 true
print(revoke(), revoke()); // expect: undefined undefined
for (const op of [() => proxy.x, () => { proxy.x = 1; }, () => "x" in proxy, () => delete proxy.x,
                  () => Object.keys(proxy), () => Object.getPrototypeOf(proxy), () => proxy(), () => new proxy(),
                  () => Object.isExtensible(proxy), () => Array.isArray(proxy)]) {
  try { op(); print("no error"); } catch (e) { print(e.constructor.name); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
print(typeof proxy); // expect: function
// a trap may revoke its own proxy while it runs
const r = Proxy.revocable({ a: 1 }, { get(t, k) { r.revoke(); return t[k]; } });
print(r.proxy.a); // expect: 1
try { r.proxy.a; } catch (e) { print(e.constructor.name); } // expect: TypeError
// deep chains of proxies stop with a RangeError, not a crash
let deep = {};
for (let i = 0; i < 2000; i++) deep = new Proxy(deep, {});
try { deep.x; print("ok"); } catch (e) { print(e.constructor.name); } // expect: RangeError
print(Array.isArray(new Proxy([], {}))); // expect: true
