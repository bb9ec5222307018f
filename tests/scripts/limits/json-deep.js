// Limit: JSON.parse of very deep input is an error or a result, never a
// crash; JSON.stringify of deep structures likewise.
function t(name, src) {
  try { JSON.parse(src); print(name, 'ok'); } catch (e) { print(name, e instanceof RangeError || e instanceof SyntaxError); }
}
t('arrays', '['.repeat(100000) + ']'.repeat(100000)); // expect: arrays true
t('objects', '{"a":'.repeat(100000) + '1' + '}'.repeat(100000)); // expect: objects true
t('unclosed', '['.repeat(100000)); // expect: unclosed true
t('mixed', '[{"k":'.repeat(50000) + 'null' + '}]'.repeat(50000)); // expect: mixed true
// depth that must work
var d = 0;
for (var p = JSON.parse('['.repeat(1000) + ']'.repeat(1000)); p.length; p = p[0]) d++;
print(d); // expect: 999
// a deep reviver walk
var n = 0;
JSON.parse('['.repeat(500) + '1' + ']'.repeat(500), function (k, v) { n++; return v; });
print(n); // expect: 501
// stringify of a structure deeper than the native limit, and of a cycle
var deep = {};
for (var i = 0; i < 3000; i++) deep = {a: deep};
try { print(JSON.stringify(deep).length === 3000 * 6 + 2); } catch (e) { print(e instanceof RangeError); } // expect: true
var cyc = {};
cyc.self = cyc;
try { JSON.stringify(cyc); } catch (e) { print(e instanceof TypeError); } // expect: true
print(JSON.stringify(JSON.parse('{"ok":[1,2,3]}'))); // expect: {"ok":[1,2,3]}
