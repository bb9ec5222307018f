// Explicit type arguments on calls and `new`.
function id<T>(x: T): T { return x; }
function pair<A, B>(a: A, b: B): [A, B] { return [a, b]; }
console.log(id<number>(5), id<string>("s")); // expect: 5 s
console.log(pair<number, string>(1, "one").join("-")); // expect: 1-one
const m = new Map<string, number[]>([["a", [1, 2]]]);
console.log(m.get("a")!.length); // expect: 2
const s = new Set<number>();
s.add(1).add(1).add(2);
console.log(s.size); // expect: 2
const arr = Array.from<number>({ length: 3 });
console.log(arr.length); // expect: 3
function wrap<T extends { n: number }>(x: T): number { return x.n; }
console.log(wrap<{ n: number; m: string }>({ n: 9, m: "" })); // expect: 9
const a = 1, b = 2, c = 3;
console.log(a < b, b > c); // expect: true false
const nested = id<Array<Array<number>>>([[1], [2, 3]]);
console.log(nested[1][1]); // expect: 3
const f = id<(x: number) => number>((x) => x + 1);
console.log(f(1)); // expect: 2
