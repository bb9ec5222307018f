// `never` and `unknown` in annotations; exhaustiveness helpers.
type Shape = { k: "sq"; s: number } | { k: "ci"; r: number };
function fail(x: never): never { throw new Error("unexpected " + JSON.stringify(x)); }
function area(s: Shape): number {
  switch (s.k) {
    case "sq": return s.s * s.s;
    case "ci": return 3 * s.r * s.r;
    default: return fail(s);
  }
}
console.log(area({ k: "sq", s: 2 }), area({ k: "ci", r: 1 })); // expect: 4 3
try { area({ k: "tri" } as unknown as Shape); } catch (e) { console.log((e as Error).message); } // expect: unexpected {"k":"tri"}
function describe(v: unknown): string {
  if (typeof v === "string") return "string " + v.length;
  if (Array.isArray(v)) return "array " + v.length;
  if (v instanceof Date) return "date";
  return "other";
}
console.log(describe("ab"), describe([1]), describe(new Date()), describe(null)); // expect: string 2 array 1 date other
const empty: never[] = [];
console.log(empty.length); // expect: 0
