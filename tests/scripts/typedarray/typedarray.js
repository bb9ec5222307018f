// Typed array construction, element conversion and the integer-indexed exotic object.
const a = new Uint8Array([1, 2, 300, -1]);
print(a.length, a.join()); // expect: 4 1,2,44,255
print(new Int8Array([127, 128, -129]).join()); // expect: 127,-128,127
print(new Uint8ClampedArray([1.5, 2.5, -3, 300, NaN]).join()); // expect: 2,2,0,255,0
print(new Float32Array([1.1])[0], new Float16Array([1.1])[0]); // expect: 1.100000023841858 1.099609375
print(new Float16Array([65519, 65520, 5.960464477539063e-8, 2.9e-8, 2.99e-8])[0]); // expect: 65504
print(Array.from(new Float16Array([65520, 5.960464477539063e-8, 2.9e-8, 3e-8]), String).join()); // expect: Infinity,5.960464477539063e-8,0,5.960464477539063e-8
print(new BigInt64Array([-1n, 2n ** 63n]).join(), new BigUint64Array([-1n]).join()); // expect: -1,-9223372036854775808 18446744073709551615
try { new BigInt64Array([1]); } catch (e) { print(e.constructor.name); } // expect: TypeError
print(a["-0"], "-0" in a, a["1.5"], "1.5" in a, a[4], 4 in a, "Infinity" in a); // expect: undefined false undefined false undefined false false
a["-0"] = 9; a.foo = 1;
print(a["-0"], Object.keys(a).join()); // expect: undefined 0,1,2,3,foo
print(JSON.stringify(Object.getOwnPropertyDescriptor(a, 0))); // expect: {"value":1,"writable":true,"enumerable":true,"configurable":true}
print(delete a[0], delete a[10], Reflect.defineProperty(a, 0, { value: 7 }), a[0]); // expect: false true true 7
print(Reflect.defineProperty(a, 0, { value: 7, writable: false }), Reflect.defineProperty(a, 9, { value: 1 })); // expect: false false
const proto = Object.create(new Uint8Array(2));
proto[0] = 5; proto[5] = 1;
print(Object.getPrototypeOf(proto)[0], Object.hasOwn(proto, 0), Object.hasOwn(proto, 5)); // expect: 0 true false
print(Object.prototype.toString.call(a), a[Symbol.toStringTag], Uint8Array.BYTES_PER_ELEMENT, a.BYTES_PER_ELEMENT); // expect: [object Uint8Array] Uint8Array 1 1
print(Object.getPrototypeOf(Int8Array) === Object.getPrototypeOf(Uint8Array), Int8Array.length, Int8Array.name); // expect: true 3 Int8Array
const buf = new ArrayBuffer(16);
const v = new Int32Array(buf, 4, 2);
print(v.byteOffset, v.byteLength, v.length, v.buffer === buf); // expect: 4 8 2 true
try { new Int32Array(buf, 3); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { new Int32Array(buf, 8, 3); } catch (e) { print(e.constructor.name); } // expect: RangeError
print(new Int16Array(new Set([1, 2])).join(), new Int16Array({ length: 2, 0: 7 }).join(), new Int16Array(new Float64Array([1.9, -2.9])).join()); // expect: 1,2 7,0 1,-2
print(Uint8Array.from([1, 2], x => x * 3).join(), Float64Array.of(0.5, 2).join()); // expect: 3,6 0.5,2
class Sub extends Uint8Array {}
const s = new Sub(3);
print(s instanceof Sub, s.map(x => x + 1) instanceof Sub, s.subarray(1).constructor === Sub); // expect: true true true
const rab = new ArrayBuffer(4, { maxByteLength: 8 });
const fixed = new Uint8Array(rab, 0, 4), track = new Uint8Array(rab, 2);
rab.resize(3);
print(fixed.length, fixed.byteOffset, track.length); // expect: 0 0 1
try { fixed.fill(0); } catch (e) { print(e.constructor.name); } // expect: TypeError
rab.resize(8);
print(fixed.length, track.length, track.byteLength); // expect: 4 6 6
print(Object.isExtensible(fixed), Reflect.preventExtensions(track), Reflect.preventExtensions(new Uint8Array(1))); // expect: true false true
