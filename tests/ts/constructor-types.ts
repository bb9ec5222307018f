// Constructor types `new (...) => T` and abstract constructor types.
class Cat { constructor(public name: string) {} }
class Dog { constructor(public name: string) {} }
type AnimalCtor = new (name: string) => { name: string };
function make(C: AnimalCtor, n: string) { return new C(n); }
console.log(make(Cat, "tom").name, make(Dog, "rex") instanceof Dog); // expect: tom true
function mixin<T extends new (...args: any[]) => object>(Base: T) {
  return class extends Base { mixed = true; };
}
const Mixed = mixin(Cat);
const m = new Mixed("c") as Cat & { mixed: boolean };
console.log(m.name, m.mixed); // expect: c true
type AbsCtor = abstract new () => object;
const ctors: AbsCtor[] = [Object];
console.log(ctors.length); // expect: 1
