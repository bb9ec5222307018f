// Integer and floating-point arithmetic in a tight loop.
var t0 = Date.now();
var sum = 0, x = 0.5;
for (var i = 0; i < 20000000; i++) {
    sum = (sum + i * 3) % 1000003;
    x = x * 1.0000001 + 0.000001;
}
print("RESULT ms=" + (Date.now() - t0) + " sum=" + sum + " x=" + x.toFixed(3));
