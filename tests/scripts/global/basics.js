// Global value properties and functions.
print(globalThis.globalThis === globalThis, typeof NaN, Infinity, undefined); // expect: true number Infinity undefined
print(parseInt("  -0x1F"), parseInt("123", 4), parseInt("z", 37), parseInt("")); // expect: -31 27 NaN NaN
print(1 / parseInt("-0"), parseInt("12abc"), parseInt("0b11"), parseInt("11", 2)); // expect: -Infinity 12 0 3
print(parseInt("900719925474099267"), parseInt("1e3")); // expect: 900719925474099300 1
print(parseFloat("  3.5e2xyz"), parseFloat("-Infinityx"), parseFloat(".5"), parseFloat("x")); // expect: 350 -Infinity 0.5 NaN
print(isNaN("x"), isNaN("1"), isFinite("1"), isFinite(Infinity)); // expect: true false true false
print(encodeURIComponent("a b&é€😀")); // expect: a%20b%26%C3%A9%E2%82%AC%F0%9F%98%80
print(encodeURI("http://x/a b?q=1#h")); // expect: http://x/a%20b?q=1#h
print(decodeURIComponent("%F0%9F%98%80%3B"), decodeURI("%3B%20x")); // expect: 😀; %3B x
try { decodeURI("%E0%A4%A"); } catch (e) { print(e.constructor.name); } // expect: URIError
try { encodeURI("\uD800"); } catch (e) { print(e.constructor.name); } // expect: URIError
print(escape("a b+é€"), unescape("%u20AC%41%zz")); // expect: a%20b+%E9%u20AC €A%zz
print(Object.getOwnPropertyDescriptor(globalThis, "NaN").writable, Object.getOwnPropertyDescriptor(globalThis, "globalThis").enumerable); // expect: false false
print("a", 1, null); // expect: a 1 null
console.log("log", [1, 2]); // expect: log 1,2
