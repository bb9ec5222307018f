// Union and intersection types in annotations, including leading `|` and `&`.
type Result =
  | { ok: true; value: number }
  | { ok: false; error: string };
function unwrap(r: Result): string {
  return r.ok ? "value " + r.value : "error " + r.error;
}
console.log(unwrap({ ok: true, value: 1 }), unwrap({ ok: false, error: "e" })); // expect: value 1 error e
type Both = & { a: number } & { b: number };
const both: Both = { a: 1, b: 2 };
console.log(both.a + both.b); // expect: 3
function len(x: string | string[] | null): number { return x === null ? -1 : x.length; }
console.log(len("ab"), len(["a"]), len(null)); // expect: 2 1 -1
let v: (number | string)[] = [1, "a"];
console.log(v.length); // expect: 2
const bits = 6 | 1, amp = 6 & 3;
console.log(bits, amp); // expect: 7 2
