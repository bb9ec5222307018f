// readonly array types and ReadonlyArray are erased (no runtime freezing).
const xs: readonly number[] = [1, 2, 3];
const ys: ReadonlyArray<string> = ["a"];
function sum(a: readonly number[]): number { return a.reduce((s, x) => s + x, 0); }
console.log(sum(xs), ys[0]); // expect: 6 a
const m: readonly (readonly string[])[] = [["x"]];
console.log(m[0][0], Object.isFrozen(xs)); // expect: x false
(xs as number[]).push(4);
console.log(xs.length); // expect: 4
class R { readonly items: readonly string[] = ["i"]; }
console.log(new R().items.length); // expect: 1
