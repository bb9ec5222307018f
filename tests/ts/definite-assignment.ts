// Definite assignment assertions `x!: T` are erased.
let value!: number;
function init() { value = 12; }
init();
console.log(value); // expect: 12
class Lazy {
  data!: string[];
  count!: number;
  setup(): this { this.data = ["a"]; this.count = 1; return this; }
}
const l = new Lazy();
console.log("data" in l, l.data); // expect: true undefined
console.log(l.setup().data.join(), l.count); // expect: a 1
var v1!: string, v2: number = 3;
console.log(v1, v2); // expect: undefined 3
