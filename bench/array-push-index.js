// Array push and indexed reads/writes.
var t0 = Date.now();
var total = 0;
for (var round = 0; round < 20; round++) {
    var a = [];
    for (var i = 0; i < 200000; i++) a.push(i);
    for (var i = 0; i < a.length; i++) a[i] = a[i] * 2;
    for (var i = 0; i < a.length; i++) total += a[i];
}
print("RESULT ms=" + (Date.now() - t0) + " total=" + total);
