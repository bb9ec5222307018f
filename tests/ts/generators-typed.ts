// Generators with type annotations.
function* range(from: number, to: number): Generator<number, string, undefined> {
  for (let i = from; i < to; i++) yield i;
  return "done";
}
console.log([...range(1, 4)].join()); // expect: 1,2,3
const it = range(0, 1);
console.log(it.next().value, it.next().value); // expect: 0 done
function* echo(): Generator<string, void, string> {
  let got: string = yield "start";
  while (got !== "stop") got = yield got.toUpperCase();
}
const e = echo();
console.log(e.next().value, e.next("a").value, e.next("b").value, e.next("stop").done); // expect: start A B true
class Tree<T> {
  constructor(public v: T, public kids: Tree<T>[] = []) {}
  *[Symbol.iterator](): IterableIterator<T> {
    yield this.v;
    for (const k of this.kids) yield* k;
  }
}
console.log([...new Tree(1, [new Tree(2), new Tree(3, [new Tree(4)])])].join()); // expect: 1,2,3,4
const gen = function* <T>(xs: T[]): Iterable<T> { yield* xs; };
console.log([...gen(["x", "y"])].join()); // expect: x,y
