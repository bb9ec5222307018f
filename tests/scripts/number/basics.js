// Number constructor, constants, predicates, conversions.
print(Number("  0x10 "), Number(""), Number("1e3"), Number(10n), new Number(5) + 1); // expect: 16 0 1000 10 6
print(Number.MAX_SAFE_INTEGER, Number.EPSILON === 2 ** -52, Number.MIN_VALUE); // expect: 9007199254740991 true 5e-324
print(Number.isInteger(5.0), Number.isSafeInteger(2 ** 53), Number.isNaN("x"), Number.isFinite("1")); // expect: true false false false
print((255).toString(16), (255).toString(2), (-0.5).toString(2), (35.5).toString(36)); // expect: ff 11111111 -0.1 z.i
print((1.005).toFixed(2), (1e21).toFixed(2), (0).toFixed(1), (-1.5).toFixed(0)); // expect: 1.00 1e+21 0.0 -2
print((123456).toExponential(2), (0).toExponential(), (1.5).toExponential()); // expect: 1.23e+5 0e+0 1.5e+0
print((0.000123).toPrecision(2), (123456).toPrecision(2), (1.25).toPrecision(2)); // expect: 0.00012 1.2e+5 1.3
try { (1).toFixed(101); } catch (e) { print(e.name); } // expect: RangeError
try { Number.prototype.valueOf.call("1"); } catch (e) { print(e.name); } // expect: TypeError
print(Number.parseInt === parseInt, Number.parseFloat === parseFloat); // expect: true true
print(parseInt("  -0x1F"), parseInt("123abc", 36), 1 / parseInt("-0"), parseInt("12", 1)); // expect: -31 63978744 -Infinity NaN
print(parseFloat("  3.14e2xyz"), parseFloat("-Infinityx"), parseFloat(".5"), parseFloat("e5")); // expect: 314 -Infinity 0.5 NaN
