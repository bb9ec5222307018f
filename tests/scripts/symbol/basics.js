// Symbol values, the registry and Symbol.prototype.
const s = Symbol("desc");
print(typeof s, s.toString(), s.description); // expect: symbol Symbol(desc) desc
print(Symbol().description, Symbol().toString()); // expect: undefined Symbol()
print(Symbol.for("k") === Symbol.for("k"), Symbol.keyFor(Symbol.for("k")), Symbol.keyFor(s)); // expect: true k undefined
print(Symbol.iterator.toString(), Symbol.asyncIterator.description); // expect: Symbol(Symbol.iterator) Symbol.asyncIterator
try { new Symbol(); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Symbol.keyFor("x"); } catch (e) { print(e.constructor.name); } // expect: TypeError
const w = Object(s);
print(typeof w, w.valueOf() === s, w[Symbol.toPrimitive]("default") === s); // expect: object true true
print(Object.prototype.toString.call(w), Symbol.prototype[Symbol.toStringTag]); // expect: [object Symbol] Symbol
try { s + ""; } catch (e) { print(e.constructor.name); } // expect: TypeError
print(String(s)); // expect: Symbol(desc)
print(Object.getOwnPropertyDescriptor(Symbol, "iterator").configurable, Symbol.length); // expect: false 0
