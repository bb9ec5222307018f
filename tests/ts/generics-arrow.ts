// Generic arrow functions and function expressions.
const ident = <T>(x: T): T => x;
const first = <T,>(xs: T[]): T | undefined => xs[0];
const constrained = <K extends string, V = number>(k: K, v: V): string => `${k}=${v}`;
console.log(ident(3), first([7, 8]), constrained("a", 1)); // expect: 3 7 a=1
const fe = function <T>(x: T): T[] { return [x, x]; };
console.log(fe("z").join("")); // expect: zz
const mapper = <A, B>(xs: A[], fn: (a: A) => B): B[] => xs.map(fn);
console.log(mapper([1, 2], (n) => n * 10).join()); // expect: 10,20
const curried = <A>(a: A) => <B>(b: B): [A, B] => [a, b];
console.log(curried(1)("x").join()); // expect: 1,x
