// Assertion signatures `asserts x` and `asserts x is T`.
function assert(cond: unknown, msg?: string): asserts cond {
  if (!cond) throw new Error(msg ?? "assertion failed");
}
function assertIsNumber(x: unknown): asserts x is number {
  if (typeof x !== "number") throw new TypeError("not a number");
}
assert(1 + 1 === 2);
const v: unknown = 5;
assertIsNumber(v);
console.log(v + 1); // expect: 6
try { assert(false, "boom"); } catch (e) { console.log((e as Error).message); } // expect: boom
try { assertIsNumber("s"); } catch (e) { console.log((e as Error).name); } // expect: TypeError
class Guard {
  checked = false;
  assertChecked(): asserts this is { checked: true } { if (!this.checked) throw new Error("no"); }
}
const g = new Guard(); g.checked = true; g.assertChecked();
console.log("ok"); // expect: ok
const asserts = "name";
console.log(asserts); // expect: name
