// A function and a namespace of the same name merge: the namespace adds properties.
function greet(name: string): string { return greet.prefix + name; }
namespace greet {
  export const prefix = "Hello, ";
}
console.log(greet("Ann")); // expect: Hello, Ann
class Point {
  constructor(public x: number, public y: number) {}
}
namespace Point {
  export function origin(): Point { return new Point(0, 0); }
}
const o = Point.origin();
console.log(o.x, o.y, o instanceof Point); // expect: 0 0 true
enum Color { Red, Green }
namespace Color {
  export function parse(s: string): Color { return s === "green" ? Color.Green : Color.Red; }
}
console.log(Color.parse("green"), Color[Color.parse("x")]); // expect: 1 Red
