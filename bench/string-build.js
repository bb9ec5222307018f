// String concatenation and joining.
var t0 = Date.now();
var n = 0;
for (var round = 0; round < 20; round++) {
    var s = "";
    for (var i = 0; i < 50000; i++) s += "ab" + (i % 10);
    var parts = [];
    for (var i = 0; i < 50000; i++) parts.push("x" + i);
    n += s.length + parts.join(",").length;
}
print("RESULT ms=" + (Date.now() - t0) + " n=" + n);
