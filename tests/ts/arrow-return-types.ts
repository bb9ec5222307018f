// Arrow functions with return type annotations, including conditional-expression ambiguity.
const add = (a: number, b: number): number => a + b;
const obj = (): { v: number } => ({ v: 1 });
const fnRet = (): ((x: number) => number) => (x) => x * 2;
const noParams = (): void => {};
const union = (s: string): string | number => (s ? s : 0);
console.log(add(1, 2), obj().v, fnRet()(4), noParams(), union("")); // expect: 3 1 8 undefined 0
const t = true;
const r1 = t ? (x: number) => x : null;
const r2 = t ? (a) : (b);
function a() { return "A"; }
function b() { return "B"; }
console.log(r1!(5), r2()); // expect: 5 A
const r3 = t ? (1) : 2;
console.log(r3); // expect: 1
const pred = (x: unknown): x is number => typeof x === "number";
console.log(pred(1), pred("1")); // expect: true false
const gen = <T,>(x: T): T[] => [x];
console.log(gen(1).length); // expect: 1
