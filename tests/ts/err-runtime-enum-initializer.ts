// An enum initializer that throws reports the member's .ts position.
function compute(x: number): number {
  if (x > 1) throw new Error("cannot compute " + x);
  return x;
}
enum Values {
  One = compute(1),
  Two = compute(2),
}
// expect error: Error: cannot compute 2
// expect error at: 3:20
