// Default parameter values with type annotations.
function pad(s: string, width: number = 5, ch: string = "."): string {
  return s.length >= width ? s : ch.repeat(width - s.length) + s;
}
console.log(pad("ab"), pad("ab", 3, "-")); // expect: ...ab -ab
console.log(pad.length); // expect: 1
const mk = (name: string = "x", opts: { n: number } = { n: 1 }): string => name + opts.n;
console.log(mk(), mk("y", { n: 2 })); // expect: x1 y2
class P { constructor(public v: number = 10, public w: string = `w${v}`) {} }
const p = new P();
console.log(p.v, p.w); // expect: 10 w10
function dep(a: number, b: number = a * 2): number { return a + b; }
console.log(dep(1), dep(1, 1)); // expect: 3 2
