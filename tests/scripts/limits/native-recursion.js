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
function c() { return c.call(); }
test('call', c); // expect: call true
function ap() { return ap.apply(null, []); }
test('apply', ap); // expect: apply true
function rf() { return Reflect.apply(rf, null, []); }
test('Reflect.apply', rf); // expect: Reflect.apply true
function rc() { return Reflect.construct(rc, []); }
test('Reflect.construct', rc); // expect: Reflect.construct true
var bound = function () { return bound(); }.bind(null);
test('bound', bound); // expect: bound true
var it = { [Symbol.iterator]() { return [...it][Symbol.iterator](); } };
test('iterator', function () { return [...it]; }); // expect: iterator true
var re = /a/;
re.exec = function () { return 'a'.replace(re, 'b'); };
test('regexp exec', function () { return 'a'.replace(re, 'b'); }); // expect: regexp exec true
function rp() { return 'aaa'.replace(/a/g, function () { return rp(); }); }
test('replace callback', rp); // expect: replace callback true
function tag() { return tag`x`; }
test('tagged template', tag); // expect: tagged template true
function ctor() { return new (function () { return ctor(); })(); }
test('new', ctor); // expect: new true
var hi = { [Symbol.hasInstance]() { return ({}) instanceof hi; } };
test('hasInstance', function () { return ({}) instanceof hi; }); // expect: hasInstance true
function fn() { return new Function('return fnRec()')(); }
var fnRec = fn;
test('Function()', fn); // expect: Function() true

// cyclic and deep arrays through join / toString: RangeError or a result
var cyc = [];
cyc[0] = cyc;
try { print('cyclic', typeof String(cyc)); } catch (e) { print('cyclic', 'string'); } // expect: cyclic string
var deep = [];
for (var i = 0; i < 2000; i++) deep = [deep];
try { print('deep join', String(deep) === ''); } catch (e) { print('deep join', e instanceof RangeError); } // expect: deep join true
try { print('deep json', JSON.stringify(deep).length === 4002); } catch (e) { print('deep json', e instanceof RangeError); } // expect: deep json true

// nothing leaked: a native callback still works afterwards
print([1, 2, 3].map(function (x) { return x * 2; }).join()); // expect: 2,4,6
