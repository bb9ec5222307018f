// `as`, `satisfies`, `as const` and angle-bracket assertions are erased.
const x = "hello" as string;
const n = (x as unknown as string).length;
console.log(n); // expect: 5
const cfg = { port: 8080, host: "h" } satisfies { port: number; host: string };
console.log(cfg.port); // expect: 8080
const tuple = [1, "a"] as const;
console.log(tuple.length, tuple[1]); // expect: 2 a
const y = <number>(<unknown>"7");
console.log(typeof y); // expect: string
const obj: any = { a: { b: 2 } };
console.log((obj.a as { b: number }).b + 1); // expect: 3
let z = 10 as number + 5;
console.log(z); // expect: 15
const arr = [3, 1, 2] as number[];
console.log(arr.sort().join()); // expect: 1,2,3
console.log((1 as any) satisfies unknown); // expect: 1
const cmp = 1 as number < 2;
console.log(cmp); // expect: true
