// BigInt function, arithmetic, conversions.
print(BigInt(10), BigInt("0x1f"), BigInt(" 12 "), BigInt(true)); // expect: 10 31 12 1
try { BigInt(1.5); } catch (e) { print(e.name); } // expect: RangeError
try { BigInt("1.5"); } catch (e) { print(e.name); } // expect: SyntaxError
try { new BigInt(1); } catch (e) { print(e.name); } // expect: TypeError
print(2n ** 100n); // expect: 1267650600228229401496703205376
print(-7n / 2n, -7n % 2n, 7n >> 1n, -5n >> 1n, 1n << 70n); // expect: -3 -1 3 -3 1180591620717411303424
print(-12345n & 0xffffn, ~5n, 5n ^ -3n); // expect: 53191 -6 -8
print(BigInt.asIntN(8, 255n), BigInt.asUintN(64, -1n), BigInt.asIntN(64, 2n ** 63n)); // expect: -1 18446744073709551615 -9223372036854775808
print((255n).toString(16), (-255n).toString(2), Object.prototype.toString.call(1n)); // expect: ff -11111111 [object BigInt]
try { 1n / 0n; } catch (e) { print(e.name); } // expect: RangeError
try { 1n >>> 1n; } catch (e) { print(e.name); } // expect: TypeError
try { 2n ** -1n; } catch (e) { print(e.name); } // expect: RangeError
print(1n < 1.5, 2n > 1.5, 10n == 10, 0n == "", 1n == "0x1"); // expect: true true true true true
