// `override`, combined with other modifiers, is erased.
class Animal {
  name = "animal";
  speak(): string { return "..."; }
  static create(): Animal { return new Animal(); }
  protected get legs(): number { return 4; }
}
class Bird extends Animal {
  override name = "bird";
  public override speak(): string { return "tweet " + super.speak(); }
  static override create(): Bird { return new Bird(); }
  protected override get legs(): number { return 2; }
  count(): number { return this.legs; }
}
const b = Bird.create();
console.log(b.name, b.speak(), (b as Bird).count()); // expect: bird tweet ... 2
let override = "ok";
console.log(override); // expect: ok
