// %TypedArray%.prototype methods.
const a = new Int16Array([5, 1, 4, 2, 3]);
print(a.at(-1), a.at(-0.5), a.includes(4), a.indexOf(2), a.lastIndexOf(5, -6)); // expect: 3 5 true 3 -1
print(a.slice(1, 3).join(), a.subarray(-2).join(), a.toReversed().join(), a.with(-1, 9).join()); // expect: 1,4 2,3 3,2,4,1,5 5,1,4,2,9
print(a.toSorted().join(), a.toSorted((x, y) => y - x).join(), a.join()); // expect: 1,2,3,4,5 5,4,3,2,1 5,1,4,2,3
print(a.map(x => x * 2).join(), a.filter(x => x & 1).join(), a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "" + x, "")); // expect: 10,2,8,4,6 5,1,3 15 32415
print(a.find(x => x < 3), a.findIndex(x => x < 3), a.findLast(x => x < 3), a.findLastIndex(x => x > 9)); // expect: 1 1 2 -1
print(a.every(x => x > 0), a.some(x => x > 4), [...a.keys()].join(), [...a.entries()][1].join()); // expect: true true 0,1,2,3,4 1,1
print(new Uint8Array([1, 2, 3, 4, 5]).copyWithin(0, 3).join(), new Uint8Array([1, 2, 3, 4, 5]).copyWithin(1, 0, 3).join()); // expect: 4,5,3,4,5 1,1,2,3,5
print(new Float32Array(4).fill(1.5, 1, -1).join(), new Uint8Array([1, 2, 3]).reverse().join()); // expect: 0,1.5,1.5,0 3,2,1
const f = new Float64Array([3, NaN, -0, 0, -Infinity, 2]);
f.sort();
print(Array.from(f, x => Object.is(x, -0) ? "-0" : String(x)).join()); // expect: -Infinity,-0,0,2,3,NaN
print(new BigInt64Array([3n, -1n, 2n]).sort().join(), new BigUint64Array([3n, 1n]).toSorted().join()); // expect: -1,2,3 1,3
const t = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
t.set(t.subarray(0, 4), 2);
print(t.join()); // expect: 1,2,1,2,3,4,7,8
const w = new Uint16Array([1, 2, 3, 4]);
w.set(new Uint8Array(w.buffer, 0, 4), 0);
print(w.join()); // expect: 1,0,2,0
const n = new Int8Array(4);
n.set([1, 2], 2);
print(n.join(), String(new Uint8Array([1, 2])), new Uint8Array([1, 2]).toLocaleString()); // expect: 0,0,1,2 1,2 1,2
try { n.set([1], 4); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { n.set([1], -1); } catch (e) { print(e.constructor.name); } // expect: RangeError
print(Uint8Array.prototype.toString === Array.prototype.toString, Uint8Array.prototype[Symbol.iterator] === Uint8Array.prototype.values); // expect: true true
const d = new Uint8Array(4);
let got = d.includes(undefined, { valueOf() { $detach(d.buffer); return 0; } });
function $detach(b) { b.transfer(); }
print(got, d.length); // expect: true 0
