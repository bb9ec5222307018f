// `this` as a type: fluent APIs and this-typed parameters.
class Builder {
  parts: string[] = [];
  add(s: string): this { this.parts.push(s); return this; }
  build(): string { return this.parts.join(" "); }
}
class LoudBuilder extends Builder {
  shout(): this { this.parts = this.parts.map((p) => p.toUpperCase()); return this; }
}
console.log(new LoudBuilder().add("a").add("b").shout().add("c").build()); // expect: A B c
interface Cloneable { clone(): this }
const c: Cloneable = { clone() { return this; } };
console.log(c.clone() === c); // expect: true
function isThis(this: Builder): this is LoudBuilder { return this instanceof LoudBuilder; }
console.log(isThis.call(new LoudBuilder())); // expect: true
