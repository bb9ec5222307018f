// Limit: deep rope concatenation in loops (appending, prepending, mixed)
// flattens correctly without exhausting the C stack.  (200k steps here so
// the GC-stress run stays short; the C string tests build 100k-piece
// chains and 1e6 appends directly.)
var s = '';
for (var i = 0; i < 200000; i++) s += 'a';
print(s.length, s.charCodeAt(0), s.charCodeAt(199999), s.indexOf('b')); // expect: 200000 97 97 -1
var p = '';
for (var i = 0; i < 200000; i++) p = String.fromCharCode(97 + i % 26) + p;
print(p.length, p[0], p[199999], p.slice(-3)); // expect: 200000 h a cba
var m = 'start';
for (var i = 0; i < 100000; i++) m = i % 2 ? m + 'x' : 'y' + m;
print(m.length, m.slice(0, 3), m.slice(-3), m.indexOf('start')); // expect: 100005 yyy xxx 50000
var w = '';
for (var i = 0; i < 100000; i++) w += i % 1000 ? 'a' : '\u0101';
print(w.length, w.charCodeAt(0), w.charCodeAt(1), w.lastIndexOf('\u0101')); // expect: 100000 257 97 99000
// comparing and hashing unflattened ropes
var r1 = '', r2 = '';
for (var i = 0; i < 50000; i++) { r1 += 'q'; r2 = 'q' + r2; }
print(r1 === r2, r1 < r2 + 'a', ({[r1]: 1})[r2]); // expect: true true 1
// a rope of ropes
var big = s + p + s;
print(big.length, big[200000], big.slice(399999, 400001)); // expect: 600000 h aa
