// Typed class fields, static fields, private #fields and static blocks.
class Counter {
  count: number = 0;
  label: string;
  #secret: number = 42;
  static instances: number = 0;
  static #hidden = "h";
  static { Counter.instances = 100; }
  constructor(label: string) { this.label = label; Counter.instances++; }
  reveal(): number { return this.#secret; }
  static hidden(): string { return Counter.#hidden; }
}
const c = new Counter("a");
console.log(c.count, c.label, c.reveal(), Counter.instances, Counter.hidden()); // expect: 0 a 42 101 h
console.log(Object.keys(c).join()); // expect: count,label
class Arrowy {
  name = "arrowy";
  handler = function (this: Arrowy): string { return this.name; };
  ["computed" + 1]: number = 1;
}
const a = new Arrowy();
console.log(a.handler(), (a as any).computed1); // expect: arrowy 1
