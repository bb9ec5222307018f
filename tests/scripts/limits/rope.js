// Limit: deep rope concatenation in loops (appending, prepending, mixed)
// flattens correctly without exhausting the C stack.  (Sizes are kept small
// enough for the GC-stress run, which collects at every allocation; the C
// string tests build 100k-piece chains and run 1e6 appends.)
var s = '';
for (var i = 0; i < 60000; i++) s += 'a';
print(s.length, s.charCodeAt(0), s.charCodeAt(59999), s.indexOf('b')); // expect: 60000 97 97 -1
var p = '';
var letters = 'abcdefghijklmnopqrstuvwxyz';
for (var i = 0; i < 30000; i++) p = letters[i % 26] + p;
print(p.length, p[0], p[29999], p.slice(-3)); // expect: 30000 v a cba
var m = 'start';
for (var i = 0; i < 20000; i++) m = i % 2 ? m + 'x' : 'y' + m;
print(m.length, m.slice(0, 3), m.slice(-3), m.indexOf('start')); // expect: 20005 yyy xxx 10000
var w = '';
for (var i = 0; i < 20000; i++) w += i % 1000 ? 'a' : '\u0101';
print(w.length, w.charCodeAt(0), w.charCodeAt(1), w.lastIndexOf('\u0101')); // expect: 20000 257 97 19000
// comparing and hashing unflattened ropes
var r1 = '', r2 = '';
for (var i = 0; i < 10000; i++) { r1 += 'q'; r2 = 'q' + r2; }
print(r1 === r2, r1 < r2 + 'a', ({[r1]: 1})[r2]); // expect: true true 1
// a rope of ropes
var big = s + p + s;
print(big.length, big[60000], big.slice(89999, 90001)); // expect: 150000 v aa
