// Reflect: booleans instead of throws, receivers, construct with newTarget.
const o = {};
print(Reflect.defineProperty(o, "x", { value: 1 }), Reflect.defineProperty(o, "x", { value: 2 })); // expect: true false
print(Reflect.set(o, "x", 3), Reflect.get(o, "x")); // expect: false 1
print(Reflect.has(o, "toString"), Reflect.ownKeys({ b: 1, [Symbol.iterator]: 2, 0: 3 }).length); // expect: true 3
print(Reflect.deleteProperty(o, "x"), Reflect.deleteProperty({ y: 1 }, "y")); // expect: false true
const recv = { v: 5 };
print(Reflect.get({ get g() { return this.v; } }, "g", recv)); // expect: 5
print(Reflect.apply(Math.max, null, [1, 3, 2])); // expect: 3
class A { constructor() { this.nt = new.target.name; } }
class B {}
print(Reflect.construct(A, [], B).nt, Reflect.construct(A, []) instanceof A); // expect: B true
try { Reflect.construct(A, [], undefined); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(Reflect.isExtensible(Object.preventExtensions({})), Reflect.preventExtensions({})); // expect: false true
print(Reflect.getPrototypeOf([]) === Array.prototype, Reflect.setPrototypeOf({}, null)); // expect: true true
print(Reflect.getOwnPropertyDescriptor({ a: 1 }, "a").value, String(Reflect)); // expect: 1 [object Reflect]
try { Reflect.get(1, "x"); } catch (e) { print(e.constructor.name); } // expect: TypeError
