// Generic and typed methods in object literals and classes.
const util = {
  wrap<T>(x: T): T[] { return [x]; },
  get size(): number { return 2; },
  async: 1,
  *gen<T>(xs: T[]): Generator<T> { yield* xs; },
  ["comp" + "uted"]<U>(u: U): U { return u; },
};
console.log(util.wrap(3)[0], util.size, util.async, [...util.gen([1, 2])].join(), util.computed("c")); // expect: 3 2 1 1,2 c
class Conv {
  static of<T>(x: T): Conv { return new Conv(); }
  to<R = string>(f: (s: string) => R): R { return f("v"); }
}
console.log(Conv.of(1).to((s) => s + "!")); // expect: v!
