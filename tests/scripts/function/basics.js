// Function constructor, apply/call/bind and toString.
const add = new Function("a", "b", "return a + b");
print(add(2, 3), add.length, add.name); // expect: 5 2 anonymous
print(Function("return 7")()); // expect: 7
print(Function("a,b", "c", "return a+b+c")(1, 2, 3)); // expect: 6
print(add.toString()); // expect: function anonymous(a,b
// expect: ) {
// expect: return a + b
// expect: }
function f(x, y) { return [this === undefined ? "u" : this.tag, x, y].join(); }
print(f.call({ tag: "t" }, 1, 2)); // expect: t,1,2
print(f.apply({ tag: "a" }, [3, 4])); // expect: a,3,4
print(f.apply({ tag: "n" })); // expect: n,,
print(f.apply({ tag: "l" }, { length: 2, 0: "x", 1: "y" })); // expect: l,x,y
const b = f.bind({ tag: "b" }, 9);
print(b(8), b.name, b.length); // expect: b,9,8 bound f 1
const bb = b.bind(null, 7);
print(bb(), bb.name, bb.length); // expect: b,9,7 bound bound f 0
class P { constructor(v) { this.v = v; } }
const BP = P.bind(null, 5);
const inst = new BP();
print(inst.v, inst instanceof P, inst instanceof BP); // expect: 5 true true
print(f.toString()); // expect: function f(x, y) { return [this === undefined ? "u" : this.tag, x, y].join(); }
print(Math.max.toString()); // expect: function max() { [native code] }
print((() => 1).toString()); // expect: () => 1
print(Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance).writable); // expect: false
print(Function.prototype[Symbol.hasInstance].call(P, inst)); // expect: true
try { Function.prototype.toString.call({}); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Function.prototype.caller; } catch (e) { print(e.constructor.name); } // expect: TypeError
const tte = Object.getOwnPropertyDescriptor(Function.prototype, "caller").get;
print(tte === Object.getOwnPropertyDescriptor(Function.prototype, "arguments").set, Object.isFrozen(tte), tte.name === "", tte.length); // expect: true true true 0
try { new Function("a", "}"); } catch (e) { print(e.constructor.name); } // expect: SyntaxError
print(Function.prototype(), Function.prototype.length, Function.prototype.name === ""); // expect: undefined 0 true
