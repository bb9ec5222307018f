// Constructor parameter properties become instance fields.
class Person {
  constructor(public name: string, private age: number, protected tag = "t", readonly id: number = 7) {}
  describe(): string { return `${this.name}/${this.age}/${this.tag}/${this.id}`; }
}
const p = new Person("Ann", 30);
console.log(p.describe()); // expect: Ann/30/t/7
console.log(Object.keys(p).join()); // expect: name,age,tag,id
class Mixed {
  extra = 1;
  constructor(public a: number, b: number, public readonly c: number) {
    this.extra = a + b + c;
  }
}
const m = new Mixed(1, 2, 3);
console.log(m.a, (m as any).b, m.c, m.extra); // expect: 1 undefined 3 6
console.log(Object.keys(m).join()); // expect: a,c,extra
class WithBody {
  log: string[] = [];
  constructor(public x: number) {
    this.log.push("x=" + this.x);
  }
}
console.log(new WithBody(5).log[0]); // expect: x=5
