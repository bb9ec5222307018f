// Template literal types are erased; template literal values still work.
type Lang = "en" | "fr";
type Key = `msg_${Lang}`;
type Upper = `${Uppercase<Lang>}-${number}`;
type Nested = `a${`b${"c"}`}`;
const k: Key = "msg_en";
const u: Upper = "FR-2";
const n: Nested = "abc";
const who = "you";
const s: `hi ${string}` = `hi ${who}`;
console.log(k, u, n, s); // expect: msg_en FR-2 abc hi you
function route<P extends string>(p: `/${P}`): P { return p.slice(1) as P; }
console.log(route("/home")); // expect: home
