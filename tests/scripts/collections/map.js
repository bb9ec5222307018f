// Map: SameValueZero keys, insertion order, iteration that survives changes.
const m = new Map([[1, "one"], ["1", "string one"], [NaN, "nan"], [-0, "zero"]]);
print(m.size, m.get(1), m.get("1"), m.get(NaN), m.get(0), m.get(-0)); // expect: 4 one string one nan zero zero
print(Object.is([...m.keys()][3], -0)); // expect: false
print(m.set(1.0, "uno") === m, m.get(1), m.size); // expect: true uno 4
print(m.delete(NaN), m.delete(NaN), m.has(NaN), m.size); // expect: true false false 3
const o = {}, big = 10n ** 20n;
m.set(o, "obj").set(big, "big");
print(m.get({}), m.get(o), m.get(10n ** 20n)); // expect: undefined obj big
// iteration sees additions and skips deletions made during it
const seen = [];
for (const [k] of m) {
  seen.push(String(k));
  if (k === 1) { m.delete("1"); m.set("late", 0); }
}
print(seen.join()); // expect: 1,0,[object Object],100000000000000000000,late
const it = m.values();
m.clear();
m.set("after", 9);
print(it.next().value, it.next().done); // expect: 9 true
let calls = 0;
new Map([[1, 1], [2, 2]]).forEach(function (v, k, map) { calls += v + k; print(this.t, map.size); }, { t: "this" });
// expect: this 2
// expect: this 2
print(calls); // expect: 6
print(Map.prototype[Symbol.iterator] === Map.prototype.entries, Object.prototype.toString.call(m.keys())); // expect: true [object Map Iterator]
const g = Map.groupBy([1, 2, 3, 4, -0], (x) => (x % 2 === 0 ? 0 : "odd"));
print([...g.keys()].join(), g.get(0).join(), g.get("odd").join()); // expect: odd,0 2,4,0 1,3
try { new Map([1]); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Map(); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Map.prototype.get.call(new Set(), 1); } catch (e) { print(e.constructor.name); } // expect: TypeError
class MyMap extends Map { set(k, v) { return super.set(k, v * 10); } }
print(new MyMap([["a", 1]]).get("a"), Map[Symbol.species] === Map); // expect: 10 true
// many deletions compact the table; live iterators keep their place
const big2 = new Map();
for (let i = 0; i < 1000; i++) big2.set(i, i);
const it2 = big2.keys();
for (let i = 0; i < 500; i++) it2.next();
for (let i = 0; i < 990; i++) big2.delete(i);
print([...it2].join()); // expect: 990,991,992,993,994,995,996,997,998,999
