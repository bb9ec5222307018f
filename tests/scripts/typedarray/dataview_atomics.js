// DataView get/set in both byte orders, Float16, and Atomics on a single agent.
const dv = new DataView(new ArrayBuffer(16), 2);
print(dv.byteLength, dv.byteOffset, DataView.prototype.getFloat16.length, DataView.prototype.setInt16.length); // expect: 14 2 1 2
dv.setInt16(0, -2);
print(dv.getInt16(0), dv.getInt16(0, true), dv.getUint16(0), dv.getUint8(1)); // expect: -2 -257 65534 254
dv.setFloat64(2, Math.PI, true);
print(dv.getFloat64(2, true), dv.getFloat64(2) !== Math.PI); // expect: 3.141592653589793 true
dv.setFloat16(0, 1.337);
print(dv.getFloat16(0), dv.getUint16(0).toString(16)); // expect: 1.3369140625 3d59
dv.setFloat16(0, 65520); print(dv.getFloat16(0)); // expect: Infinity
dv.setFloat16(0, 1.00048828125); print(dv.getFloat16(0)); // expect: 1
dv.setFloat16(0, 1.00146484375); print(dv.getFloat16(0)); // expect: 1.001953125
dv.setBigInt64(6, -3n, true);
print(dv.getBigInt64(6, true), dv.getBigUint64(6, true)); // expect: -3 18446744073709551613
try { dv.getInt32(12); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { new DataView(new ArrayBuffer(4), 5); } catch (e) { print(e.constructor.name); } // expect: RangeError
const rab = new ArrayBuffer(4, { maxByteLength: 8 });
const tv = new DataView(rab, 1);
rab.resize(8); print(tv.byteLength); // expect: 7
rab.resize(0);
try { tv.byteLength; } catch (e) { print(e.constructor.name); } // expect: TypeError
const i32 = new Int32Array(4);
print(Atomics.add(i32, 0, 5), Atomics.sub(i32, 0, 2), Atomics.load(i32, 0), Atomics.exchange(i32, 0, 9), i32[0]); // expect: 0 5 3 3 9
print(Atomics.compareExchange(i32, 0, 9, 1), Atomics.compareExchange(i32, 0, 9, 2), i32[0], Atomics.store(i32, 1, -0.7)); // expect: 9 1 1 0
const u8 = new Uint8Array(1);
print(Atomics.add(u8, 0, 300), u8[0], Atomics.or(u8, 0, 1), Atomics.xor(u8, 0, 255), Atomics.and(u8, 0, 6), u8[0]); // expect: 0 44 44 45 210 2
const b64 = new BigInt64Array(1);
print(Atomics.sub(b64, 0, 1n), b64[0], Atomics.isLockFree(4), Atomics.isLockFree(3)); // expect: 0 -1 true false
try { Atomics.add(new Float64Array(1), 0, 1); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { Atomics.wait(i32, 0, 0, 0); } catch (e) { print(e.constructor.name); } // expect: TypeError
const shared = new Int32Array(new SharedArrayBuffer(8));
print(Atomics.wait(shared, 0, 1), Atomics.wait(shared, 0, 0, 5), Atomics.notify(shared, 0)); // expect: not-equal timed-out 0
print(Object.prototype.toString.call(Atomics)); // expect: [object Atomics]
print(JSON.stringify(Atomics.waitAsync(shared, 0, 1)), JSON.stringify(Atomics.waitAsync(shared, 0, 0, 0))); // expect: {"async":false,"value":"not-equal"} {"async":false,"value":"timed-out"}
try { Atomics.waitAsync(i32, 0, 0, 0); } catch (e) { print(e.constructor.name); } // expect: TypeError
