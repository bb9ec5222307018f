// Instantiation expressions `f<T>` (TypeScript 4.7) without a call.
function box<T>(v: T): { v: T } { return { v }; }
const boxNum = box<number>;
console.log(boxNum(3).v); // expect: 3
const MapSS = Map<string, string>;
const m = new MapSS([["a", "b"]]);
console.log(m.get("a")); // expect: b
const fns = [box<string>, box<boolean>];
console.log(fns.length, fns[0]("s").v); // expect: 2 s
const a = 1, b = 2, c = 3;
const cmp = a < b > c;
console.log(cmp); // expect: false
