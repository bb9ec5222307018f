// Every kind of object-type member, in interfaces and type literals.
interface Everything<T> {
  plain: number
  optional?: string;
  readonly ro: boolean,
  method(a: number, b?: string): void;
  optMethod?(): T;
  generic<U extends T>(u: U): [T, U];
  (call: number): string;
  <V>(generic: V): V;
  new (x: string): Everything<T>;
  new <W>(w: W): object;
  [index: string]: unknown;
  readonly [n: number]: unknown;
  [Symbol.iterator](): Iterator<T>;
  "quoted-name": 1;
  42: "answer";
  get accessor(): number;
  set accessor(v: number);
  get: number;
  set?: string;
  readonly: boolean;
  new: string;
  readonly readonly2: { nested: { deep?: [a: 1, b?: 2] } };
}
type Mapped<T> = { readonly [K in keyof T as `x${string & K}`]-?: T[K] };
type Mapped2<T> = { +readonly [K in keyof T]+?: T[K], };
type Inline = { a: 1; b: 2, c: 3
  d: 4 };
const inline: Inline = { a: 1, b: 2, c: 3, d: 4 };
const m: Mapped<{ q: number }> = { xq: 1 };
const m2: Mapped2<{ r: number }> = {};
console.log(inline.d, m.xq, Object.keys(m2).length); // expect: 4 1 0
let e: Everything<number> | undefined;
console.log(e); // expect: undefined
