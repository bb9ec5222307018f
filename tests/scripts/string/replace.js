// replace / replaceAll with GetSubstitution patterns and functions.
print("a-b-c".replace("-", "+"), "a-b-c".replaceAll("-", "+")); // expect: a+b-c a+b+c
print("abc".replace("b", "[$&|$`|$'|$$|$1]")); // expect: a[b|a|c|$|$1]c
print("abc".replace("b", (m, p, str) => m.toUpperCase() + p + str)); // expect: aB1abcc
print("aaa".replaceAll("", "_")); // expect: _a_a_a_
print("xyz".replace("q", "r")); // expect: xyz
const custom = { [Symbol.replace](s, r) { return "custom:" + s + r; } };
print("abc".replace(custom, "!")); // expect: custom:abc!
