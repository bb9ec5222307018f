// Overload signatures are dropped; the implementation remains.
function fmt(x: number): string;
function fmt(x: string): string;
function fmt(x: number | string): string {
  return typeof x === "number" ? x.toFixed(1) : x.toUpperCase();
}
console.log(fmt(2), fmt("ab")); // expect: 2.0 AB
class Calc {
  add(a: number, b: number): number;
  add(a: string, b: string): string;
  add(a: any, b: any): any { return a + b; }
  static make(): Calc;
  static make(): Calc { return new Calc(); }
  constructor();
  constructor(seed?: number);
  constructor(public seed: number = 0) {}
}
const c = Calc.make();
console.log(c.add(1, 2), c.add("a", "b"), c.seed); // expect: 3 ab 0
console.log(Object.getOwnPropertyNames(Calc.prototype).join()); // expect: constructor,add
console.log(fmt.length); // expect: 1
