// Math functions and their edge cases.
print(Math.max(), Math.min(), Math.max(1, NaN, 3), 1 / Math.min(0, -0), 1 / Math.max(-0, 0)); // expect: -Infinity Infinity NaN -Infinity Infinity
print(Math.round(-2.5), Math.round(2.5), 1 / Math.round(-0.4), Math.round(0.49999999999999994)); // expect: -2 3 -Infinity 0
print(Math.pow(1, Infinity), 1 ** NaN, Math.pow(NaN, 0), (-8) ** (1 / 3)); // expect: NaN NaN 1 NaN
print(Math.hypot(3, 4), Math.hypot(NaN, Infinity), Math.hypot(), Math.hypot(1, 2, 2)); // expect: 5 Infinity 0 3
print(Math.f16round(5.5), Math.f16round(65520), Math.f16round(1.337), Math.fround(5.05)); // expect: 5.5 Infinity 1.3369140625 5.050000190734863
print(Math.clz32(1), Math.imul(0xffffffff, 5), Math.sign(-3), Math.trunc(-4.7), Math.cbrt(27)); // expect: 31 -5 -1 -4 3
const r = Math.random();
print(r >= 0 && r < 1, Object.prototype.toString.call(Math)); // expect: true [object Math]
