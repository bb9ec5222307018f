// Index signatures in interfaces, type literals and classes.
interface Dict { [key: string]: number }
const d: Dict = { a: 1, b: 2 };
d["c"] = 3;
console.log(Object.values(d).reduce((x, y) => x + y, 0)); // expect: 6
type ByNum = { [n: number]: string; length: number };
const bn: ByNum = { 0: "zero", length: 1 };
console.log(bn[0], bn.length); // expect: zero 1
class Bag {
  [key: string]: unknown;
  static [k: string]: unknown;
  size = 0;
}
const bag = new Bag();
bag["x"] = 5;
console.log(bag.x, bag.size, Object.keys(bag).join()); // expect: 5 0 size,x
interface ReadonlyMap2 { readonly [k: string]: boolean }
const rm: ReadonlyMap2 = { yes: true };
console.log(rm.yes); // expect: true
type Tmpl = { [k: `data-${string}`]: string };
const t: Tmpl = { "data-id": "q" };
console.log(t["data-id"]); // expect: q
