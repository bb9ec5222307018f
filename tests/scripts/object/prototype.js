// Object.prototype methods, toString tags and the Annex B accessors.
const ts = Object.prototype.toString;
print(ts.call(undefined), ts.call(null)); // expect: [object Undefined] [object Null]
print(ts.call([]), ts.call(function () {}), ts.call(new Error()), ts.call(true)); // expect: [object Array] [object Function] [object Error] [object Boolean]
print(ts.call(1), ts.call(""), ts.call(new Date(0)), ts.call(/x/)); // expect: [object Number] [object String] [object Date] [object RegExp]
print((function () { return ts.call(arguments); })()); // expect: [object Arguments]
print(ts.call(Symbol()), ts.call(1n), ts.call(Math), ts.call(JSON)); // expect: [object Symbol] [object BigInt] [object Math] [object JSON]
print(ts.call({ [Symbol.toStringTag]: "Custom" })); // expect: [object Custom]
print(ts.call(new Proxy([], {}))); // expect: [object Array]
print(String({})); // expect: [object Object]
const o = { a: 1 };
print(o.hasOwnProperty("a"), o.hasOwnProperty("b"), o.propertyIsEnumerable("a")); // expect: true false true
print(Object.prototype.isPrototypeOf(o), o.isPrototypeOf(Object.prototype)); // expect: true false
print(o.toLocaleString()); // expect: [object Object]
print(o.__proto__ === Object.prototype); // expect: true
o.__proto__ = Array.prototype;
print(Array.isArray(o), o instanceof Array); // expect: false true
o.__defineGetter__("g", () => 7);
print(o.g, typeof o.__lookupGetter__("g"), o.__lookupSetter__("g")); // expect: 7 function undefined
const obj = {};
obj.__defineSetter__("s", function (v) { this.v = v * 2; });
obj.s = 4;
print(obj.v, Object.keys(obj).join()); // expect: 8 s,v
print(typeof Object.prototype.__lookupGetter__("__proto__")); // expect: function
try { Object.prototype.valueOf.call(null); } catch (e) { print(e.constructor.name); } // expect: TypeError
