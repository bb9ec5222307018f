// `<` and `>` as comparison operators next to generic-looking code.
function f(x: number): number { return x * 2; }
const a = 1, b = 2, g = 5;
console.log(a < b, b > a, a < g && g > b); // expect: true true true
console.log(f(a) < f(b), (a) < (b)); // expect: true true
const t = [a < b, b > g];
console.log(t.join()); // expect: true,false
function id<T>(x: T): T { return x; }
console.log(id<number>(a) + id<number>(b)); // expect: 3
const nested: Array<Array<number>> = [[1]];
let m2: Map<string, Array<number>>= new Map();
m2.set("k", [4]);
console.log(nested[0][0], m2.get("k")![0]); // expect: 1 4
const shifted = 16 >> 2, ushift = -16 >>> 28, lt = 1 << 3;
console.log(shifted, ushift, lt); // expect: 4 15 8
let x = 64;
x >>= 1;
x >>>= 1;
console.log(x); // expect: 16
