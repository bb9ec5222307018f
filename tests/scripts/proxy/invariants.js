// Proxy invariants (ES2025 10.5): a trap cannot lie about non-configurable
// properties or a non-extensible target.
function err(f) { try { f(); return "no error"; } catch (e) { return e.constructor.name; } }
const frozen = Object.freeze({ x: 1 });
print(err(() => new Proxy(frozen, { get() { return 2; } }).x)); // expect: TypeError
print(new Proxy(frozen, { get() { return 1; } }).x); // expect: 1
print(err(() => { "use strict"; new Proxy(frozen, { set() { return true; } }).x = 5; })); // expect: TypeError
print(err(() => delete new Proxy(frozen, { deleteProperty() { return true; } }).x)); // expect: TypeError
print(err(() => "x" in new Proxy(frozen, { has() { return false; } }))); // expect: TypeError
print(err(() => Object.keys(new Proxy(frozen, { ownKeys() { return []; } })))); // expect: TypeError
print(err(() => Reflect.ownKeys(new Proxy({}, { ownKeys() { return ["a", "a"]; } })))); // expect: TypeError
print(err(() => Reflect.ownKeys(new Proxy({}, { ownKeys() { return [1]; } })))); // expect: TypeError
print(Reflect.ownKeys(new Proxy({}, { ownKeys() { return ["b", Symbol.iterator, "a"]; } })).length); // expect: 3
print(err(() => Reflect.ownKeys(new Proxy(Object.preventExtensions({ a: 1 }), { ownKeys() { return ["a", "b"]; } })))); // expect: TypeError
print(err(() => Object.isExtensible(new Proxy({}, { isExtensible() { return false; } })))); // expect: TypeError
print(err(() => Object.preventExtensions(new Proxy({}, { preventExtensions() { return true; } })))); // expect: TypeError
print(err(() => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf() { return Array.prototype; } })))); // expect: TypeError
print(err(() => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf() { return 1; } })))); // expect: TypeError
print(err(() => Object.defineProperty(new Proxy({}, { defineProperty() { return true; } }), "x", { value: 1, configurable: false }))); // expect: TypeError
print(err(() => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1, configurable: false }; } }), "x"))); // expect: TypeError
print(Reflect.defineProperty(new Proxy({}, { defineProperty() { return false; } }), "x", { value: 1 })); // expect: false
print(err(() => Object.defineProperty(new Proxy({}, { defineProperty() { return false; } }), "x", { value: 1 }))); // expect: TypeError
print(err(() => new Proxy(function () {}, { construct() { return 1; } }))); // expect: no error
print(err(() => new (new Proxy(function () {}, { construct() { return 1; } }))())); // expect: TypeError
print(err(() => new Proxy(1, {})), err(() => new Proxy({}, null))); // expect: TypeError TypeError
