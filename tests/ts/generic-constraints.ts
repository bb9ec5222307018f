// Generic constraints, keyof constraints and default type parameters.
function prop<T, K extends keyof T>(o: T, k: K): T[K] { return o[k]; }
console.log(prop({ a: 1, b: "x" }, "b")); // expect: x
function longest<T extends { length: number }>(a: T, b: T): T { return a.length >= b.length ? a : b; }
console.log(longest("abc", "de"), longest([1], [1, 2]).length); // expect: abc 2
function merge<A extends object, B extends object = {}>(a: A, b?: B): A & B { return { ...a, ...b } as A & B; }
console.log(JSON.stringify(merge({ x: 1 }, { y: 2 }))); // expect: {"x":1,"y":2}
function make<const T extends readonly unknown[]>(...xs: T): T { return xs; }
console.log(make(1, "a").length); // expect: 2
interface Box<in out T> { v: T }
const bx: Box<number> = { v: 1 };
console.log(bx.v); // expect: 1
