// Full Unicode case mapping and normalization.
print("straße".toUpperCase(), "ﬁ".toUpperCase()); // expect: STRASSE FI
print("ΌΣΟΣ Σ".toLowerCase()); // expect: όσος σ
print("İ".toLowerCase().length); // expect: 2
print("Hello".toLowerCase(), "Hello".toUpperCase()); // expect: hello HELLO
print("\u1E9B\u0323".normalize("NFKC") === "\u1E69", "\u00C5".normalize("NFD").length); // expect: true 2
print("\u1100\u1161\u11AB".normalize() === "\uAC04"); // expect: true
try { "a".normalize("nfc"); } catch (e) { print(e.name); } // expect: RangeError
