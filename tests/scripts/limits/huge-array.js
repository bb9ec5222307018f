// Limit: array lengths beyond 2**32 - 1 are a RangeError; huge sparse
// lengths do not allocate.
function t(name, fn) {
  try { fn(); print(name, 'no error'); } catch (e) { print(name, e.constructor.name); }
}
t('new Array(2**32)', function () { return new Array(2 ** 32); }); // expect: new Array(2**32) RangeError
t('new Array(-1)', function () { return new Array(-1); }); // expect: new Array(-1) RangeError
t('new Array(1.5)', function () { return new Array(1.5); }); // expect: new Array(1.5) RangeError
t('length = 2**32', function () { [].length = 2 ** 32; }); // expect: length = 2**32 RangeError
t('length = -1', function () { [].length = -1; }); // expect: length = -1 RangeError
t('defineProperty length', function () { Object.defineProperty([], 'length', {value: 2 ** 32}); }); // expect: defineProperty length RangeError
var a = new Array(2 ** 32 - 1);
print(a.length); // expect: 4294967295
t('push past the end', function () { a.push(1); }); // expect: push past the end RangeError
print(a.length, a[4294967295]); // expect: 4294967295 1
t('Array.from length', function () { return Array.from({length: 2 ** 32}); }); // expect: Array.from length RangeError
t('Array.of length', function () { return Array.of.call(function () { return {}; }, 1); }); // expect: Array.of length no error
t('ArrayBuffer 2**53', function () { return new ArrayBuffer(2 ** 53); }); // expect: ArrayBuffer 2**53 RangeError
t('Uint8Array 2**40', function () { return new Uint8Array(2 ** 40); }); // expect: Uint8Array 2**40 RangeError
t('apply 300k', function () { return String.fromCharCode.apply(null, new Array(300000)); }); // expect: apply 300k RangeError
// huge sparse arrays stay cheap
var s = [];
s[4294967294] = 'last';
s[1e9] = 'mid';
print(s.length, Object.keys(s).join()); // expect: 4294967295 1000000000,4294967294
s.length = 5;
print(s.length, Object.keys(s).length); // expect: 5 0
var big = new Array(2 ** 31);
big[2 ** 31 - 1] = 1;
print(big.lastIndexOf(1), big.at(-1), big.length); // expect: 2147483647 1 2147483648
print('usable'); // expect: usable
