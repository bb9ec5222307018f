// Interfaces, including extends, generics, call and construct signatures.
interface Named { name: string }
interface Aged { age: number }
interface Person extends Named, Aged { greet(other: Named): string; readonly id?: number }
interface Callable { (x: number): number; prop: string }
interface Ctor<T> { new (arg: string): T }
interface Generic<T, U = T[]> { value: T; list: U; method<V>(v: V): [T, V] }
const p: Person = { name: "Al", age: 3, greet(o) { return `${this.name}>${o.name}`; } };
console.log(p.greet({ name: "Bo" })); // expect: Al>Bo
const fn = ((x: number) => x * 2) as Callable;
fn.prop = "p";
console.log(fn(4), fn.prop); // expect: 8 p
class Thing { constructor(public s: string) {} }
const make = (c: Ctor<Thing>) => new c("made");
console.log(make(Thing).s); // expect: made
const g: Generic<number> = { value: 1, list: [2], method: (v) => [1, v] };
console.log(g.method("v").join()); // expect: 1,v
let interface_ = 1;
console.log(interface_); // expect: 1
interface Multi
{
  a: number;
}
const mm: Multi = { a: 4 };
console.log(mm.a); // expect: 4
