// Generic classes, constraints, defaults and generic methods.
class Stack<T> {
  private items: T[] = [];
  push(x: T): this { this.items.push(x); return this; }
  pop(): T | undefined { return this.items.pop(); }
  get size(): number { return this.items.length; }
  map<U>(fn: (x: T) => U): Stack<U> {
    const s = new Stack<U>();
    for (const it of this.items) s.push(fn(it));
    return s;
  }
}
const s = new Stack<number>().push(1).push(2).push(3);
console.log(s.size, s.pop()); // expect: 3 3
const t = s.map<string>((n) => "#" + n);
console.log(t.pop(), t.size); // expect: #2 1
class KeyVal<K extends string | number = string, V = unknown> {
  constructor(public key: K, public value: V) {}
}
const kv = new KeyVal<"k", number>("k", 1);
console.log(kv.key, kv.value); // expect: k 1
class Sub<T> extends Stack<T[]> {}
console.log(new Sub<number>().push([1, 2]).size); // expect: 1
const Anon = class<T> { v?: T };
console.log(typeof new Anon<number>()); // expect: object
