// RegExp.prototype[Symbol.match / matchAll / replace / search / split] and
// the String methods that delegate to them.
print("a1b22c333".match(/\d+/g).join(), "abc".match(/x/g), "abc".match(/b/).index); // expect: 1,22,333 null 1
print("aaa".match(/(?:)/g).length, "\u{1F600}".match(/(?:)/gu).length); // expect: 4 2

const all = [..."a1b2".matchAll(/[a-z](\d)/g)].map((m) => m.index + ":" + m[1]);
print(all.join()); // expect: 0:1,2:2
const it = /x/g[Symbol.matchAll]("xx");
print(Object.prototype.toString.call(it), it.next().value[0], it.next().done, it.next().done); // expect: [object RegExp String Iterator] x false true
try { "ab".matchAll(/a/); } catch (e) { print(e.name); } // expect: TypeError

print("a-b-c".replace(/-/g, "+"), "a-b-c".replace(/-/, "+")); // expect: a+b+c a+b-c
print("john smith".replace(/(\w+)\s(\w+)/, "$2, $1"), "abc".replace(/b/, "[$&|$`|$'|$$]")); // expect: smith, john a[b|a|c|$]c
print("2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y>")); // expect: 05/2024
print("abc".replace(/(b)/g, (m, p1, off, s) => `${m.toUpperCase()}${p1}${off}${s.length}`)); // expect: aBb13c
print("xyz".replace(/(?<l>y)/, (...args) => typeof args[args.length - 1] + args[args.length - 1].l)); // expect: xobjectyz
print("aaa".replace(/(?:)/g, "-"), "\u{1F600}".replace(/(?:)/gu, "-").length); // expect: -a-a-a- 4
print("abc".replaceAll(/b/g, "$&$&")); // expect: abbc

print("hello".search(/l/), "hello".search(/z/)); // expect: 2 -1
const s = /l/g;
s.lastIndex = 3;
print("hello".search(s), s.lastIndex); // expect: 2 3

print("a,b,,c".split(/,/).join("|"), "abc".split(/(?:)/).join("|"), "a1b2c".split(/(\d)/).join("|")); // expect: a|b||c a|b|c a|1|b|2|c
print("a,b,c".split(/,/, 2).join("|"), "".split(/x/).length, "".split(/(?:)/).length); // expect: a|b 1 0
print("\u{1F600}\u{1F600}".split(/(?:)/u).length, "\u{1F600}".split(/(?:)/).length); // expect: 2 2

// species and generic receivers
class MyRE extends RegExp {
  static get [Symbol.species]() { return RegExp; }
}
print("a b".split(new MyRE(" ")).join("|")); // expect: a|b
const fake = {
  lastIndex: 0,
  flags: "",
  exec(str) { return this.done ? null : (this.done = true, Object.assign(["zz"], { index: 1, input: str })); },
};
print(RegExp.prototype[Symbol.replace].call(fake, "abzzc", "Y")); // expect: aYzc
try { RegExp.prototype[Symbol.match].call(1, "x"); } catch (e) { print(e.name); } // expect: TypeError
try { RegExp.prototype.test.call({ exec() { return 1; } }, "x"); } catch (e) { print(e.name); } // expect: TypeError
