// A `this` parameter is a type annotation only: it takes no argument slot.
function show(this: { name: string }, greeting: string): string {
  return `${greeting}, ${this.name}`;
}
console.log(show.call({ name: "Ed" }, "Hey")); // expect: Hey, Ed
console.log(show.length); // expect: 1
function noArgs(this: Window2): number { return arguments.length; }
interface Window2 { x: number }
console.log(noArgs.call({ x: 1 })); // expect: 0
class Btn {
  label = "ok";
  onClick(this: Btn, suffix?: string): string { return this.label + (suffix ?? ""); }
}
const b = new Btn();
console.log(b.onClick("!"), b.onClick.length); // expect: ok! 1
const obj = { n: 2, get(this: { n: number }, k: number) { return this.n * k; } };
console.log(obj.get(5)); // expect: 10
const fexpr = function (this: any, a: number, b: number) { return a + b; };
console.log(fexpr.length, fexpr(1, 2)); // expect: 2 3
