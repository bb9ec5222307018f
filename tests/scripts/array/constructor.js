// The Array constructor, Array.from / Array.of / Array.isArray and species.
print(Array.length, Array.name, Array.prototype.length, Array.isArray(Array.prototype)); // expect: 1 Array 0 true
print(new Array(3).length, Array(3).join("-"), new Array("3").length); // expect: 3 -- 1
print(Array(1, 2, 3).join()); // expect: 1,2,3
try { new Array(-1); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { new Array(1.5); } catch (e) { print(e.constructor.name); } // expect: RangeError
print(Array.of(7, 8).join(), Array.of().length); // expect: 7,8 0
print(Array.from("héy").join("|"), Array.from({ length: 2, 0: "a" }).join("|")); // expect: h|é|y a|
print(Array.from([1, 2, 3], (x, i) => x * 10 + i).join()); // expect: 10,21,32
print(Array.from(new Set([3, 3, 4])).join()); // expect: 3,4
class MyArray extends Array {}
const m = MyArray.from([1, 2]);
print(m instanceof MyArray, m.length, MyArray.of(1).constructor === MyArray); // expect: true 2 true
print(m.map(x => x).constructor === MyArray, m.filter(Boolean) instanceof MyArray); // expect: true true
print(Array[Symbol.species] === Array); // expect: true
function F() { this.args = arguments.length; }
const f = Array.from.call(F, { length: 2, 0: "x", 1: "y" });
print(f instanceof F, f.args, f.length, f[1]); // expect: true 1 2 y
const r = new MyArray(5);
print(r.length, Object.getPrototypeOf(r) === MyArray.prototype); // expect: 5 true
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(new Proxy([], {}))); // expect: true false true
