// In a derived class, parameter properties are assigned right after super().
class Base {
  seen: string;
  constructor(public name: string) { this.seen = (this as any).extra; }
}
class Derived extends Base {
  constructor(name: string, public extra: string) {
    console.log("before super");
    super(name.toUpperCase());
    console.log("after super", this.extra);
  }
}
const d = new Derived("ann", "more");
// expect: before super
// expect: after super more
console.log(d.name, d.extra, d.seen); // expect: ANN more undefined
console.log(Object.keys(d).join()); // expect: name,seen,extra
class Third extends Derived {
  constructor(private level: number) { super("x", "y"); }
  getLevel(): number { return this.level; }
}
// expect: before super
// expect: after super y
console.log(new Third(3).getLevel()); // expect: 3
