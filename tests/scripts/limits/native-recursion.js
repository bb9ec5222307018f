// Limit: recursion that passes through native code (getters, builtin
// callbacks, conversions, Proxy traps) ends in a catchable RangeError.
function test(name, fn) {
  try { fn(); print(name, 'no error'); } catch (e) { print(name, e instanceof RangeError); }
}
var o = { get x() { return this.x; } };
test('getter', function () { return o.x; }); // expect: getter true
var so = { set x(v) { this.x = v; } };
test('setter', function () { so.x = 1; }); // expect: setter true
function m() { return [1].map(function () { return m(); }); }
test('map', m); // expect: map true
function fe() { [1].forEach(fe); }
test('forEach', fe); // expect: forEach true
function s() { return [3, 1, 2].sort(function () { return s(); }); }
test('sort', s); // expect: sort true
function rd() { return [1, 2].reduce(function () { return rd(); }); }
test('reduce', rd); // expect: reduce true
var t = { toString() { return String(this); } };
test('toString', function () { return String(t); }); // expect: toString true
var tl = { toString() { return `${this}`; } };
test('template', function () { return `${tl}`; }); // expect: template true
var v = { valueOf() { return +this; } };
test('valueOf', function () { return +v; }); // expect: valueOf true
var tp = { [Symbol.toPrimitive]() { return this + 1; } };
test('toPrimitive', function () { return tp * 2; }); // expect: toPrimitive true
var p = new Proxy({}, { get(target, key, receiver) { return receiver[key]; } });
test('proxy get', function () { return p.x; }); // expect: proxy get true
var ph = new Proxy({}, { has(target, key) { return key in ph; } });
test('proxy has', function () { return 'x' in ph; }); // expect: proxy has true
var pp = new Proxy(function () {}, { apply(target, self, args) { return pp(); } });
test('proxy apply', function () { return pp(); }); // expect: proxy apply true
var j = { toJSON() { return JSON.stringify(this); } };
test('toJSON', function () { return JSON.stringify(j); }); // expect: toJSON true
test('reviver', function () { // expect: reviver true
  function rev(k, val) { return JSON.parse('[1]', rev); }
  return JSON.parse('[1]', rev);
});
print([1, 2, 3].map(function (x) { return x * 2; }).join()); // expect: 2,4,6
