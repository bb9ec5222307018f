// String constructor, wrappers, and the String exotic object.
print(String(123), String(null), String(Symbol("s"))); // expect: 123 null Symbol(s)
const w = new String("ab");
print(typeof w, w.length, w[0], w[1], w[2]); // expect: object 2 a b undefined
print(Object.keys(w).join(), Object.getOwnPropertyNames(w).join()); // expect: 0,1 0,1,length
w[5] = "x";
print(Object.keys(w).join()); // expect: 0,1,5
print(delete w[0], w[0]); // expect: false a
const d = Object.getOwnPropertyDescriptor(w, "1");
print(d.value, d.writable, d.enumerable, d.configurable); // expect: b false true false
print(String.fromCharCode(72, 105), String.fromCodePoint(0x1F600).length); // expect: Hi 2
try { String.fromCodePoint(1.5); } catch (e) { print(e.name); } // expect: RangeError
print(String.raw`a\n${1}b`); // expect: a\n1b
print(String.raw({ raw: ["x", "y", "z"] }, 1, 2, 3)); // expect: x1y2z
print([..."a😀b"].length, [..."a😀b"][1] === "😀"); // expect: 3 true
const it = "ab"[Symbol.iterator]();
print(Object.prototype.toString.call(it), JSON.stringify(it.next())); // expect: [object String Iterator] {"value":"a","done":false}
