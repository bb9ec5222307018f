// Object statics: key order, descriptors, integrity levels, grouping.
const o = { b: 2, a: 1, 5: "five", 1: "one" };
print(Object.keys(o).join(",")); // expect: 1,5,b,a
print(Object.values(o).join(",")); // expect: one,five,2,1
print(JSON.stringify(Object.entries({ x: 1, y: [2] }))); // expect: [["x",1],["y",[2]]]
print(Object.assign({}, null, { p: 1 }, "ab").p); // expect: 1
print(Object.keys(Object.assign({}, "ab")).join(",")); // expect: 0,1
const d = Object.getOwnPropertyDescriptor({ get g() { return 1; } }, "g");
print(typeof d.get, d.set, d.enumerable, d.configurable); // expect: function undefined true true
const c = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } });
print(c.inherited, c.own, Object.keys(c).join()); // expect: 1 2 own
print(Object.getPrototypeOf(Object.create(null))); // expect: null
const f = Object.freeze({ q: 1 });
print(Object.isFrozen(f), Object.isSealed(f), Object.isExtensible(f)); // expect: true true false
const s = Object.seal({ q: 1 });
print(Object.isFrozen(s), Object.isSealed(s)); // expect: false true
print(Object.isFrozen(1), Object.isExtensible(1)); // expect: true false
print(Object.is(NaN, NaN), Object.is(0, -0)); // expect: true false
print(Object.hasOwn({ z: 1 }, "z"), Object.hasOwn({}, "toString")); // expect: true false
print(JSON.stringify(Object.fromEntries([["a", 1], ["b", 2]]))); // expect: {"a":1,"b":2}
print(JSON.stringify(Object.fromEntries(new Map([["m", 3]])))); // expect: {"m":3}
const g = Object.groupBy([1, 2, 3, 4, 5], (n) => (n % 2 ? "odd" : "even"));
print(Object.getPrototypeOf(g), g.odd.join(), g.even.join(), Object.keys(g).join()); // expect: null 1,3,5 2,4 odd,even
const sym = Symbol("s");
const withSym = { [sym]: 1, n: 2 };
print(Object.getOwnPropertySymbols(withSym).length, Object.getOwnPropertyNames(withSym).join()); // expect: 1 n
print(Object.getOwnPropertyNames("ab").join()); // expect: 0,1,length
const descs = Object.getOwnPropertyDescriptors({ a: 1 });
print(descs.a.value, descs.a.writable); // expect: 1 true
const dp = Object.defineProperties({}, { x: { value: 1 }, y: { get() { return 2; }, enumerable: true } });
print(dp.x, dp.y, Object.keys(dp).join()); // expect: 1 2 y
try { Object.defineProperty(1, "x", {}); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Object.create(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(Object.setPrototypeOf(1, null)); // expect: 1
try { Object.setPrototypeOf(Object.prototype, {}); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(Object.setPrototypeOf(Object.prototype, null) === Object.prototype); // expect: true
print(Reflect.setPrototypeOf(Object.prototype, {})); // expect: false
try { Object.preventExtensions(new Proxy({}, { preventExtensions() { return false; } })); } catch (e) { print(e.constructor.name); } // expect: TypeError
