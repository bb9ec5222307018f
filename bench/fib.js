// Recursive calls.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
var t0 = Date.now();
var r = fib(30);
print("RESULT ms=" + (Date.now() - t0) + " fib=" + r);
