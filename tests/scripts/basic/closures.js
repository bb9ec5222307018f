// Closures capture bindings, and `let` makes a fresh binding per loop iteration.
function counter() {
  let n = 0;
  return () => ++n;
}
const next = counter();
next();
console.log(next()); // expect: 2

const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join(",")); // expect: 0,1,2

class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
  toString() {
    return `(${this.x}, ${this.y})`;
  }
}
console.log(String(new Point(1, 2))); // expect: (1, 2)
