// RegExp construction, exec results, lastIndex handling and the flag getters.
const m = /a(b)?(?<c>c)?/d.exec("xxac");
print(m.index, m.input, m[0], m[1], m[2], m.length); // expect: 2 xxac ac undefined c 3
print(Object.keys(m).join()); // expect: 0,1,2,index,input,groups,indices
print(Object.getPrototypeOf(m.groups), m.groups.c); // expect: null c
print(JSON.stringify(m.indices), JSON.stringify(m.indices.groups)); // expect: [[2,4],null,[3,4]] {"c":[3,4]}
print(/x/.exec("abc"), /(?:)/.exec("")[0] === ""); // expect: null true

const g = /o/g;
print(g.exec("foo").index, g.lastIndex, g.exec("foo").index, g.lastIndex, g.exec("foo"), g.lastIndex); // expect: 1 2 2 3 null 0
const y = /o/y;
print(y.exec("foo"), y.lastIndex); // expect: null 0
y.lastIndex = 1;
print(y.exec("foo").index, y.lastIndex); // expect: 1 2
const u = /./gu;
print(u.exec("\u{1F600}x")[0].length, u.lastIndex); // expect: 2 2
print(/\u{1F600}/u.test("a\u{1F600}"), /^.$/.test("\u{1F600}"), /^.$/u.test("\u{1F600}")); // expect: true false true

const d = Object.getOwnPropertyDescriptor(/a/, "lastIndex");
print(d.value, d.writable, d.enumerable, d.configurable); // expect: 0 true false false
const flags = /a/dgimsuy;
print(flags.flags, flags.global, flags.hasIndices, flags.unicodeSets, /a/v.unicodeSets); // expect: dgimsuy true true false true
print(RegExp.prototype.global, RegExp.prototype.source, JSON.stringify(RegExp.prototype.flags)); // expect: undefined (?:) ""
print(String(new RegExp("a/b\n")), new RegExp("[/]").source, RegExp("").source); // expect: /a\/b\n/ [/] (?:)
print(String(/a/gi), RegExp.prototype.toString.call({ source: "x", flags: "y" })); // expect: /a/gi /x/y

try { new RegExp("("); } catch (e) { print(e.name); } // expect: SyntaxError
try { new RegExp("a", "gg"); } catch (e) { print(e.name); } // expect: SyntaxError
try { RegExp.prototype.exec.call({}, ""); } catch (e) { print(e.name); } // expect: TypeError

const re = /a/g;
print(RegExp(re) === re, new RegExp(re) === re, new RegExp(re, "i").flags, new RegExp(re).source); // expect: true false i a
const like = { [Symbol.match]: true, source: "b+", flags: "g", constructor: RegExp };
print(RegExp(like) === like, String(new RegExp(like))); // expect: true /b+/g
class R extends RegExp { exec(s) { return super.exec(s); } }
const r = new R("b", "g");
print(r instanceof R, r.test("abc"), r.lastIndex, R[Symbol.species] === R); // expect: true true 2 true

// Annex B compile
const c = /a/g;
c.lastIndex = 3;
print(c.compile("b", "i") === c, c.source, c.flags, c.lastIndex); // expect: true b i 0
try { c.compile(/x/, "g"); } catch (e) { print(e.name); } // expect: TypeError

// duplicate named groups (ES2025)
const dup = /(?<y>\d{4})-\d|\d-(?<y>\d{4})/;
print(dup.exec("1-2024").groups.y, dup.exec("2024-1").groups.y); // expect: 2024 2024

print(RegExp.escape("a.b*c"), RegExp.escape("1x"), RegExp.escape("-_ ")); // expect: \x61\.b\*c \x31x \x2d_\x20
