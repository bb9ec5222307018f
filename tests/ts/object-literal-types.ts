// Object type literals with methods, call signatures, optional and readonly members.
let point: { x: number; y: number; readonly label?: string } = { x: 1, y: 2 };
let shape: {
  kind: "circle",
  radius: number,
  area(): number,
  scale?(f: number): void
} = { kind: "circle", radius: 2, area() { return this.radius * 10; } };
console.log(point.x + point.y, shape.area()); // expect: 3 20
const callable: { (n: number): string; count: number } = Object.assign((n: number) => "n" + n, { count: 1 });
console.log(callable(2), callable.count); // expect: n2 1
const nested: { a: { b: { c: number[] } } } = { a: { b: { c: [7] } } };
console.log(nested.a.b.c[0]); // expect: 7
