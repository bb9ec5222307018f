// Callback methods, searches, and their behaviour on holes and array-likes.
const a = [1, , 3, 4];
let seen = [];
a.forEach((v, i) => seen.push(i + ":" + v));
print(seen.join()); // expect: 0:1,2:3,3:4
print(a.map(x => x * 2).join(), 1 in a.map(x => x)); // expect: 2,,6,8 false
print(a.filter(x => x > 1).join(), a.some(x => x > 3), a.every(x => x > 0)); // expect: 3,4 true true
print(a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "" + x, "")); // expect: 8 431
try { [].reduce((s, x) => s); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(a.find(x => x > 2), a.findIndex(x => x === undefined), a.findLast(x => x < 4), a.findLastIndex(x => x > 9)); // expect: 3 1 3 -1
print(a.indexOf(undefined), a.includes(undefined), a.lastIndexOf(3), [NaN].includes(NaN), [NaN].indexOf(NaN)); // expect: -1 true 2 true -1
print([1, 2, 1].indexOf(1, 1), [1, 2, 1].lastIndexOf(1, -2), [1, 2, 3].includes(1, -1)); // expect: 2 0 false
print([1, [2, [3, [4]]]].flat().length, [1, [2, [3, [4]]]].flat(Infinity).join()); // expect: 3 1,2,3,4
print([1, 2].flatMap(x => [x, [x * 10]]).length); // expect: 4
print([3, 1, 2].at(-1), [3, 1, 2].at(5)); // expect: 2 undefined
const al = { length: 3, 0: "x", 2: "z" };
print(Array.prototype.map.call(al, v => v.toUpperCase()).join("|")); // expect: X||Z
print(Array.prototype.join.call(al), Array.prototype.includes.call(al, undefined)); // expect: x,,z true
Object.defineProperty(Array.prototype, 1, { get() { return "proto"; }, configurable: true });
print([0, , 2].join(), [0, , 2].indexOf("proto"), [0, , 2].map(x => x).join()); // expect: 0,proto,2 1 0,proto,2
delete Array.prototype[1];
const grow = [1, 2];
let calls = 0;
grow.forEach(() => { calls++; grow.push(0); });
print(calls, grow.length); // expect: 2 4
const shrink = [1, 2, 3, 4];
seen = [];
shrink.forEach((v) => { seen.push(v); shrink.length = 2; });
print(seen.join()); // expect: 1,2
print([1, 2, 3].concat([4], 5, [[6]]).length, [].concat.call(1, 2).length); // expect: 6 2
const spreadable = { length: 2, 0: "s", 1: "t", [Symbol.isConcatSpreadable]: true };
print([0].concat(spreadable).join()); // expect: 0,s,t
print([1, 2, 3, 4].slice(1, -1).join(), Array.prototype.slice.call("abc", 1).join()); // expect: 2,3 b,c
print([1, 2, 3].with(-1, 9).join(), [3, 2, 1].toReversed().join(), [1, 2, 3].toSpliced(1, 1, "a", "b").join()); // expect: 1,2,9 1,2,3 1,a,b,3
print(String([1, [2, 3]]), [null, undefined, 1].toString(), [1.5, "a"].toLocaleString()); // expect: 1,2,3 ,,1 1.5,a
print(Array.prototype.toString.call({ join: 1 })); // expect: [object Object]
print(Array.prototype[Symbol.iterator] === Array.prototype.values); // expect: true
print(Object.getPrototypeOf(Array.prototype[Symbol.unscopables]), Array.prototype[Symbol.unscopables].flat); // expect: null true
