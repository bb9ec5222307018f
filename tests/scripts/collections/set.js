// Set and the set-algebra methods (ES2025 24.2.4).
const s = new Set([3, 1, 3, NaN, NaN, -0]);
print(s.size, [...s].join(), s.has(0), s.has(NaN)); // expect: 4 3,1,NaN,0 true true
print(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values); // expect: true true
print([...s.entries()][0].join()); // expect: 3,3
const a = new Set([1, 2, 3]), b = new Set([3, 4]);
print([...a.union(b)].join(), [...a.intersection(b)].join(), [...a.difference(b)].join()); // expect: 1,2,3,4 3 1,2
print([...a.symmetricDifference(b)].join()); // expect: 1,2,4
print(a.isSubsetOf(new Set([1, 2, 3, 4])), a.isSupersetOf(new Set([1])), a.isDisjointFrom(b)); // expect: true true false
// set-like arguments: only size, has and keys are used
const like = { size: 2, has: (x) => x === 1 || x === 9, keys: () => [9, 1][Symbol.iterator]() };
print([...a.union(like)].join(), [...a.intersection(like)].join(), a.isSupersetOf(like)); // expect: 1,2,3,9 1 false
print([...new Set([-0]).union(new Set([0]))].length, Object.is([...new Set().union({ size: 1, has() {}, keys: () => [-0].values() })][0], 0)); // expect: 1 true
for (const bad of [{ size: NaN, has() {}, keys() {} }, { size: 1, has: 1, keys() {} }, [1]]) {
  try { a.union(bad); } catch (e) { print(e.constructor.name); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
try { a.union({ size: -1, has() {}, keys() {} }); } catch (e) { print(e.constructor.name); } // expect: RangeError
// has() that mutates this set during intersection
const m = new Set([1, 2, 3]);
const r = m.intersection({ size: 10, has(x) { if (x === 1) { m.delete(2); m.add(4); } return true; }, keys() {} });
print([...r].join()); // expect: 1,3,4
// isSupersetOf closes the other iterator when it stops early
let closed = false;
const it = { next: () => ({ value: 7, done: false }), return() { closed = true; return {}; } };
print(new Set([1]).isSupersetOf({ size: 1, has() {}, keys: () => it }), closed); // expect: false true
let n = 0;
new Set(["x", "y"]).forEach(function (v, k, set) { n++; if (v !== k || set.size !== 2) print("bad"); });
print(n); // expect: 2
const it2 = new Set([1, 2]).values();
print(Object.prototype.toString.call(it2), it2.next().value, it2.next().value, it2.next().done, it2.next().done); // expect: [object Set Iterator] 1 2 true true
