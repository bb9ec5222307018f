// private / protected constructors (erased) and the singleton pattern.
class Single {
  private static inst?: Single;
  private constructor(public readonly id: number) {}
  static get(): Single { return Single.inst ??= new Single(Math.floor(7.9)); }
}
console.log(Single.get().id, Single.get() === Single.get()); // expect: 7 true
class Base { protected constructor(public kind: string) {} }
class Child extends Base { constructor() { super("child"); } }
console.log(new Child().kind); // expect: child
console.log(new (Single as any)(3).id); // expect: 3
