// Type aliases of every shape are erased.
type Num = number;
type Pair<T> = [T, T];
type Fn = (a: number, b?: string, ...rest: boolean[]) => void;
type Obj = { a: Num; b?: string; readonly c: Pair<Num>; m(): void; [k: string]: unknown };
type Union = "a" | "b" | 3 | null | undefined;
type Ctor = new (...args: any[]) => object;
type AbstractCtor = abstract new () => object;
type Gen<T extends object = {}> = T & { extra: true };
type Lit = -1 | 0n | `x${number}`;
type Plain = 1;
const x: Pair<Num> = [1, 2];
const u: Union = "b";
console.log(x[0] + x[1], u); // expect: 3 b
let type = "t";
type = type + "ype";
console.log(type); // expect: type
const o: Obj = { a: 1, c: [1, 2], m() {} };
console.log(Object.keys(o).join()); // expect: a,c,m
