// JSON.parse and JSON.stringify.
const v = JSON.parse('{"a":[1,2.5e3,-0.125,true,null,"x\\u0041\\n"],"b":{},"__proto__":1}');
print(JSON.stringify(v)); // expect: {"a":[1,2500,-0.125,true,null,"xA\n"],"b":{},"__proto__":1}
print(JSON.stringify({ a: [1, { b: 2 }] }, null, 2).split("\n").length); // expect: 8
print(JSON.stringify({ b: 1, a: 2, c: 3 }, ["a", "b"])); // expect: {"a":2,"b":1}
print(JSON.stringify({ a: 1, b: "x" }, (k, v) => typeof v === "number" ? v * 10 : v)); // expect: {"a":10,"b":"x"}
print(JSON.stringify("\uD800\uDC00\uD800"), JSON.stringify([undefined, () => 1, Symbol()])); // expect: "𐀀\ud800" [null,null,null]
print(JSON.stringify({ toJSON(k) { return "key:" + k; } }), JSON.stringify({ x: { toJSON(k) { return k; } } })); // expect: "key:" {"x":"x"}
print(JSON.parse("[1,[2,[3]]]", (k, v) => Array.isArray(v) ? v.length : v * 2)); // expect: 2
const cyc = []; cyc.push(cyc);
try { JSON.stringify(cyc); } catch (e) { print(e.name); } // expect: TypeError
try { JSON.stringify(1n); } catch (e) { print(e.name); } // expect: TypeError
try { JSON.parse("[1,]"); } catch (e) { print(e.name); } // expect: SyntaxError
print(JSON.stringify(undefined), JSON.stringify(new String("s")), JSON.stringify(-0)); // expect: undefined "s" 0
print(Object.prototype.toString.call(JSON)); // expect: [object JSON]
