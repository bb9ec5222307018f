// Creating and calling closures that capture variables.
function makeCounter(start) {
    var count = start;
    return function (step) { count += step; return count; };
}
var t0 = Date.now();
var sum = 0;
for (var i = 0; i < 300000; i++) {
    var c = makeCounter(i);
    sum += c(1) + c(2);
    var add = (a) => (b) => a + b;
    sum += add(i)(1);
}
print("RESULT ms=" + (Date.now() - t0) + " sum=" + sum);
