// %ArrayIteratorPrototype%: generic array-likes, exhaustion, and a replaced next
// being seen by for-of and spread (the engine's shortcut must not hide it).
const it = Array.prototype.values.call({ length: 2, 0: "a", 1: "b" });
print(it.next().value, it.next().value, it.next().done); // expect: a b true
const a = [1, 2];
const e = a.entries();
a.push(3);
print([...e].join("|")); // expect: 0,1|1,2|2,3
const done = [7].values();
done.next(); done.next();
a.length = 0;
print(done.next().done); // expect: true
try { [].values().next.call({}); } catch (err) { print(err.constructor.name); } // expect: TypeError
const proto = Object.getPrototypeOf([][Symbol.iterator]());
const orig = proto.next;
let calls = 0;
proto.next = function () { calls++; return orig.call(this); };
for (const x of [1, 2, 3]) {}
print(calls, [...[4, 5]].length, calls); // expect: 4 2 7
proto.next = orig;
const getterArr = [1, 2];
Object.defineProperty(getterArr, 1, { get() { return "g"; } });
print([...getterArr].join()); // expect: 1,g
const lenThrows = { get length() { throw new RangeError("len"); } };
const li = Array.prototype.keys.call(lenThrows);
try { li.next(); } catch (err) { print(err.message); } // expect: len
print(li.next().done); // expect: true
print(Object.prototype.toString.call([].keys()), proto[Symbol.toStringTag]); // expect: [object Array Iterator] Array Iterator
