// An enum name used both as a type and a value.
enum Shape { Circle, Square }
interface Drawn { kind: Shape; size: number }
function area(d: Drawn): number {
  return d.kind === Shape.Circle ? Math.round(3.14159 * d.size * d.size) : d.size * d.size;
}
const shapes: Drawn[] = [{ kind: Shape.Circle, size: 2 }, { kind: Shape.Square, size: 3 }];
console.log(shapes.map(area).join(" ")); // expect: 13 9
type Keys = keyof typeof Shape;
const k: Keys = "Square";
console.log(Shape[k]); // expect: 1
const table: Record<Shape, string> = { [Shape.Circle]: "round", [Shape.Square]: "boxy" };
console.log(table[Shape.Square]); // expect: boxy
