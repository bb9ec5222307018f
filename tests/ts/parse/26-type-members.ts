interface I<T> {
  a: number; b?: string, readonly c: T
  m<U>(u: U): T; (x: number): void; new (): I<T>;
  [k: string]: unknown; [Symbol.iterator](): Iterator<T>;
  get g(): number; set g(v: number); get: 1; set?: 2; readonly: 3; new: 4;
}
type M<T> = { -readonly [K in keyof T as `k${string & K}`]+?: T[K] };
type F = { (a: number): (b: string) => void }["call"];
type P = ((x: number) => void) | (new () => object);
namespace N.O { export type Q = { a: 1 }; }
