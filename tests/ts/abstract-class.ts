// Abstract classes and members: abstract members are dropped, concrete ones kept.
abstract class Shape {
  abstract readonly name: string;
  abstract area(): number;
  protected abstract get sides(): number;
  describe(): string { return `${this.name} ${this.area()} ${this.sides}`; }
}
class Square extends Shape {
  readonly name = "square";
  constructor(private s: number) { super(); }
  area(): number { return this.s * this.s; }
  protected get sides(): number { return 4; }
}
console.log(new Square(3).describe()); // expect: square 9 4
console.log(Object.getOwnPropertyNames(Shape.prototype).join()); // expect: constructor,describe
let abstract = "still a name";
console.log(abstract); // expect: still a name
