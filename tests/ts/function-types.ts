// Function types in annotations, parameters and generics.
type Op = (a: number, b: number) => number;
const ops: Record<string, Op> = { add: (a, b) => a + b, mul: (a, b) => a * b };
console.log(ops.add(2, 3), ops.mul(2, 3)); // expect: 5 6
function apply(f: (x: number) => number, v: number): number { return f(v); }
console.log(apply((x) => x - 1, 10)); // expect: 9
let cb: ((err: Error | null, data?: string) => void) | undefined;
cb = (err, data) => console.log(err, data);
cb(null, "d"); // expect: null d
const compose = <A, B, C>(f: (b: B) => C, g: (a: A) => B): ((a: A) => C) => (a) => f(g(a));
console.log(compose((s: string) => s + "!", (n: number) => String(n))(3)); // expect: 3!
let generic: <T>(x: T) => T = (x) => x;
console.log(generic("g")); // expect: g
