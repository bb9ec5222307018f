// Optional parameters, optional properties and optional methods.
function greet(name?: string, punct?: string): string {
  return `hi ${name ?? "anon"}${punct ?? "."}`;
}
console.log(greet(), greet("Al"), greet("Al", "!")); // expect: hi anon. hi Al. hi Al!
console.log(greet.length); // expect: 2
interface Opts { verbose?: boolean; level?: number; log?(msg: string): void }
const o: Opts = { level: 2 };
console.log(o.verbose, o.level, o.log?.("x")); // expect: undefined 2 undefined
class K {
  maybe?: number;
  method?(): string;
  present?(): string { return "here"; }
}
const k = new K();
console.log("maybe" in k, k.maybe, k.present!()); // expect: true undefined here
const arrow = (a: number, b?: number) => a + (b ?? 100);
console.log(arrow(1), arrow(1, 2)); // expect: 101 3
