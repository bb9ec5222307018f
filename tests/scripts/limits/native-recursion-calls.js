// Limit: recursion through native calling builtins (call, apply, Reflect,
// bound functions, iterators, RegExp hooks, constructors) ends in a
// catchable RangeError; deep and cyclic arrays through join likewise.
function test(name, fn) {
  try { fn(); print(name, 'no error'); } catch (e) { print(name, e instanceof RangeError); }
}
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
