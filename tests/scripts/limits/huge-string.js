// Limit: strings longer than the maximum string length are a RangeError,
// thrown before any memory is committed; the engine stays usable.  (Builders
// that grow to the limit, such as join or JSON.stringify, are left out: they
// commit about 1 GiB before failing.)
function t(name, fn) {
  try { fn(); print(name, 'no error'); } catch (e) { print(name, e instanceof RangeError); }
}
t('repeat 2**30', function () { return 'x'.repeat(2 ** 30); }); // expect: repeat 2**30 true
t('repeat 2**29 x2', function () { return 'ab'.repeat(2 ** 29); }); // expect: repeat 2**29 x2 true
t('repeat Infinity', function () { return 'x'.repeat(Infinity); }); // expect: repeat Infinity true
t('repeat -1', function () { return 'x'.repeat(-1); }); // expect: repeat -1 true
t('padStart', function () { return 'x'.padStart(2 ** 30, 'y'); }); // expect: padStart true
t('padEnd', function () { return 'x'.padEnd(2 ** 31); }); // expect: padEnd true
var mb = 'x'.repeat(2 ** 20);
t('doubling', function () { var s = mb; for (var i = 0; i < 12; i++) s = s + s; return s; }); // expect: doubling true
t('template', function () { var s = mb; for (var i = 0; i < 12; i++) s = `${s}${s}`; return s; }); // expect: template true
t('concat', function () { var s = mb; for (var i = 0; i < 12; i++) s = s.concat(s); return s; }); // expect: concat true
// a string just below the limits that matter here still works
var big = mb.repeat(16);
print(big.length, big[big.length - 1], big.indexOf('y')); // expect: 16777216 x -1
print(('a' + big + 'b').slice(-2)); // expect: xb
print('usable'); // expect: usable
