// sort/toSorted: default string order, comparators, stability, holes and undefined.
print([10, 9, 1, 2, 100, -3].sort().join()); // expect: -3,1,10,100,2,9
print([10, 9, 1, 2, 100, -3].sort((a, b) => a - b).join()); // expect: -3,1,2,9,10,100
const s = [, undefined, 3, , 1, undefined, 2];
s.sort();
print(s.length, s.join(), 5 in s, 6 in s); // expect: 7 1,2,3,,,, false false
print(s[3], s[4]); // expect: undefined undefined
const recs = [];
for (let i = 0; i < 50; i++) recs.push({ k: i % 3, i });
recs.sort((a, b) => a.k - b.k);
let stable = true;
for (let i = 1; i < recs.length; i++) if (recs[i - 1].k === recs[i].k && recs[i - 1].i > recs[i].i) stable = false;
print(stable, recs[0].k, recs[49].k); // expect: true 0 2
try { [2, 1].sort((a, b) => { throw new RangeError("cmp"); }); } catch (e) { print(e.message); } // expect: cmp
try { [2, 1].sort(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
const ts = [3, , 1];
const sorted = ts.toSorted();
print(sorted.join(), sorted.length, 2 in sorted, ts.join()); // expect: 1,3, 3 true 3,,1
print(["b", "a", "C"].sort().join(), [true, false].sort().join()); // expect: C,a,b false,true
print([{ toString() { return "b"; } }, "a"].sort().map(String).join()); // expect: a,b
const al = { length: 3, 0: "c", 1: "a", 2: "b" };
Array.prototype.sort.call(al);
print(al[0], al[1], al[2]); // expect: a b c
const big = [];
for (let i = 0; i < 1000; i++) big.push((i * 7919) % 1000);
big.sort((a, b) => a - b);
let ok = true;
for (let i = 0; i < 1000; i++) if (big[i] !== i) ok = false;
print(ok); // expect: true
print([5, 1, 4].sort((a, b) => NaN).join()); // expect: 5,1,4
