// Float16 conversion: every binary16 value round-trips, midpoints round to even,
// and values just off a midpoint round once (not twice through float32).
const dv = new DataView(new ArrayBuffer(2));
const f16 = new Float16Array(1);
let bad = 0;
function bits(x) { dv.setFloat16(0, x); return dv.getUint16(0); }
function value(h) { dv.setUint16(0, h); return dv.getFloat16(0); }
for (let h = 0; h < 0x10000; h++) {
  const x = value(h);
  if (x !== x) { if ((bits(x) & 0x7c00) !== 0x7c00 || (bits(x) & 0x3ff) === 0) bad++; continue; }
  if (bits(x) !== h) bad++;
  f16[0] = x; if (!Object.is(f16[0], x)) bad++;
  if ((h & 0x7fff) < 0x7bff) { // a finite neighbour above (same sign)
    const y = value(h + 1), mid = (x + y) / 2;
    const even = (h & 1) === 0 ? h : h + 1;
    if (bits(mid) !== even) bad++;
    if (h < 0x8000) { // positive: just above the midpoint rounds up, just below rounds down
      const eps = (y - x) / 4096;
      if (bits(mid + eps) !== h + 1 || bits(mid - eps) !== h) bad++;
    }
  }
}
print("mismatches", bad); // expect: mismatches 0
print(bits(65504), bits(65519.99), bits(65520), bits(-65520), bits(1e-9), bits(-1e-9)); // expect: 31743 31743 31744 64512 0 32768
print(value(0x0001), value(0x03ff), value(0x0400), value(0x3c01)); // expect: 5.960464477539063e-8 0.00006097555160522461 0.00006103515625 1.0009765625
print(bits(1 + 2 ** -11 + 2 ** -40)); // expect: 15361
