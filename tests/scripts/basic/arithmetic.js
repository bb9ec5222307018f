// Number arithmetic and ToString of the results (ES2025 6.1.6.1.20 Number::toString).
console.log(1 + 2); // expect: 3
console.log(0.1 + 0.2); // expect: 0.30000000000000004
console.log(2 ** 10); // expect: 1024
console.log(7 / 2, 7 % 2); // expect: 3.5 1
console.log("a" + 1 + 2); // expect: a12
console.log(1 / 0, -1 / 0, 0 / 0); // expect: Infinity -Infinity NaN
