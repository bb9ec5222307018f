// Getters and setters with type annotations.
class Temp {
  private c = 0;
  get celsius(): number { return this.c; }
  set celsius(v: number) { this.c = v; }
  get fahrenheit(): number { return this.c * 9 / 5 + 32; }
  set fahrenheit(f: number) { this.c = (f - 32) * 5 / 9; }
  static get unit(): string { return "C"; }
}
const t = new Temp();
t.fahrenheit = 212;
console.log(t.celsius, Temp.unit); // expect: 100 C
t.celsius = 0;
console.log(t.fahrenheit); // expect: 32
const o = {
  _v: 1,
  get v(): number { return this._v; },
  set v(x: number) { this._v = x * 2; },
};
o.v = 5;
console.log(o.v); // expect: 10
interface HasLen { get length(): number; set length(v: number) }
const hl: HasLen = { length: 3 };
console.log(hl.length); // expect: 3
