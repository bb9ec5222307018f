// props.js — runs test262's generated property-escape tests
// (built-ins/RegExp/property-escapes/generated) with stub harness functions
// that record each regexp and the code points or strings it must match,
// into props.txt for propcheck.c.
// Usage: node props.js TEST262_DIR OUT_FILE
const fs = require('fs'), path = require('path');
const dir = path.join(process.argv[2] || '/tmp/t262/test262', 'test/built-ins/RegExp/property-escapes/generated');
const out = [];
let current;
global.buildString = (o) => o;
global.testPropertyEscapes = (re, s, expr) => {
  const r = [];
  for (const c of s.loneCodePoints) r.push(c.toString(16) + '-' + c.toString(16));
  for (const [a, b] of s.ranges) r.push(a.toString(16) + '-' + b.toString(16));
  out.push([current, [...re.source].map(ch => ch.codePointAt(0)).length && Array.from({length: re.source.length}, (_, i) => re.source.charCodeAt(i).toString(16)).join(','), re.flags, r.join(',') || 'none'].join('\t'));
};
global.testPropertyOfStrings = (o) => {
  const enc = (list) => list.map(s => Array.from({length: s.length}, (_, i) => s.charCodeAt(i).toString(16)).join('.')).join(',') || 'none';
  const re = o.regExp;
  out.push([current, Array.from({length: re.source.length}, (_, i) => re.source.charCodeAt(i).toString(16)).join(','), re.flags, 'S', enc(o.matchStrings), enc(o.nonMatchStrings || [])].join('\t'));
};
global.assert = Object.assign(() => {}, { sameValue() {}, throws() {} });
global.Test262Error = Error;
global.$DONOTEVALUATE = () => { throw new Error('neg'); };
function run(f) {
  current = path.basename(f);
  const src = fs.readFileSync(f, 'utf8');
  if (/negative:/.test(src)) return;
  try { eval(src); } catch (e) { console.error(f, e.message); }
}
for (const f of fs.readdirSync(dir)) if (f.endsWith('.js')) run(path.join(dir, f));
for (const f of fs.readdirSync(dir + '/strings')) if (f.endsWith('.js')) run(path.join(dir, 'strings', f));
fs.writeFileSync(process.argv[3] || 'props.txt', out.join('\n') + '\n');
console.log(out.length, 'property tests');
