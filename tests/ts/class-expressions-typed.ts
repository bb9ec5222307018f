// Class expressions with generics, implements, and parameter properties.
interface Shape { area(): number }
const Rect = class Rectangle<U extends number> implements Shape {
  constructor(private w: U, private h: U) {}
  area(): number { return this.w * this.h; }
  static named(): string { return Rectangle.name; }
};
console.log(new Rect(2, 3).area(), Rect.named()); // expect: 6 Rectangle
const factories: Array<new () => Shape> = [class { area() { return 1; } }];
console.log(new factories[0]().area()); // expect: 1
function mixin<B extends new (...a: any[]) => {}>(Base: B) {
  return class Tagged extends Base { tag: string = "tagged"; };
}
console.log(new (mixin(class { x = 1; }))().tag); // expect: tagged
