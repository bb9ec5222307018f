// Character access, searching, slicing.
const s = "hello world";
print(s.at(-1), s.charAt(4), s.charCodeAt(0), "😀".codePointAt(0)); // expect: d o 104 128512
print(s.slice(-5), s.substring(4, 1), s.substr(-5, 3)); // expect: world ell wor
print(s.indexOf("o"), s.indexOf("o", 5), s.lastIndexOf("o"), s.lastIndexOf("o", 5)); // expect: 4 7 7 4
print(s.includes("lo w"), s.startsWith("world", 6), s.endsWith("hello", 5)); // expect: true true true
try { s.includes(/x/); } catch (e) { print(e.name); } // expect: TypeError
print("a,b,,c".split(",").length, "abc".split("").join("|"), "abc".split("", 2).join("|")); // expect: 4 a|b|c a|b
print("x".padStart(3, "ab"), "x".padEnd(4, "12"), "ab".repeat(3)); // expect: abx x121 ababab
print(JSON.stringify(" \t x \n".trim()), "  x".trimStart(), String.prototype.trimLeft === String.prototype.trimStart); // expect: "x" x true
print("a".concat(1, null, undefined)); // expect: a1nullundefined
print("abc".localeCompare("abd"), "b".localeCompare("a"), "a".localeCompare("a")); // expect: -1 1 0
print("\uD800a".isWellFormed(), "\uD800a".toWellFormed().charCodeAt(0).toString(16)); // expect: false fffd
print("x".anchor('a"b'), "y".bold()); // expect: <a name="a&quot;b">x</a> <b>y</b>
