// `implements` clauses are erased; `extends` stays.
interface Speaker { speak(): string }
interface Walker { walk(): string }
class Robot implements Speaker, Walker {
  speak() { return "beep"; }
  walk() { return "roll"; }
}
class Base<T> { v?: T }
class Android extends Base<number> implements Speaker {
  speak() { return "hello"; }
}
const r = new Robot();
console.log(r.speak(), r.walk(), new Android().speak()); // expect: beep roll hello
console.log(Object.getPrototypeOf(Android) === Base); // expect: true
const Expr = class implements Speaker { speak() { return "expr"; } };
console.log(new Expr().speak()); // expect: expr
interface Gen<T> { get(): T }
class Impl implements Gen<string> { get(): string { return "g"; } }
console.log(new Impl().get()); // expect: g
