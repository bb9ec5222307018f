// Tagged templates with type arguments, and `new` with type arguments but no parens.
function tag<T>(strs: TemplateStringsArray, ...vals: T[]): string {
  return strs.raw.join("|") + ":" + vals.join(",");
}
console.log(tag<number>`a${1}b${2}c`); // expect: a|b|c:1,2
console.log(tag`x${"y"}`); // expect: x|:y
const m = new Map<string, number>;
m.set("k", 1);
console.log(m.size); // expect: 1
class G<T> { v = 0; }
const g = new G<string[]>;
console.log(g.v); // expect: 0
