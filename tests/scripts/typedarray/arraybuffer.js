// ArrayBuffer and SharedArrayBuffer: construction, slice, resize/grow, transfer, detached.
const b = new ArrayBuffer(8);
print(b.byteLength, b.resizable, b.maxByteLength, b.detached); // expect: 8 false 8 false
print(ArrayBuffer.length, ArrayBuffer.name, ArrayBuffer.isView(new DataView(b)), ArrayBuffer.isView(b)); // expect: 1 ArrayBuffer true false
try { ArrayBuffer(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
try { new ArrayBuffer(-1); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { new ArrayBuffer(4, { maxByteLength: 2 }); } catch (e) { print(e.constructor.name); } // expect: RangeError
new Uint8Array(b).set([1, 2, 3, 4, 5, 6, 7, 8]);
print(new Uint8Array(b.slice(2, -2)).join(), b.slice(-3).byteLength); // expect: 3,4,5,6 3
const r = new ArrayBuffer(2, { maxByteLength: 8 });
const tracking = new Uint8Array(r);
print(r.resizable, r.maxByteLength, tracking.length); // expect: true 8 2
r.resize(6);
print(r.byteLength, tracking.length); // expect: 6 6
r.resize(1);
print(tracking.length); // expect: 1
try { r.resize(9); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { b.resize(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
const t = b.transfer();
print(b.detached, b.byteLength, t.byteLength, new Uint8Array(t)[7]); // expect: true 0 8 8
try { b.slice(0); } catch (e) { print(e.constructor.name); } // expect: TypeError
const t2 = r.transfer(4);
print(t2.resizable, t2.maxByteLength, t2.byteLength); // expect: true 8 4
const t3 = t2.transferToFixedLength();
print(t3.resizable, t3.byteLength); // expect: false 4
const s = new SharedArrayBuffer(4, { maxByteLength: 16 });
print(s.byteLength, s.growable, Object.prototype.toString.call(s)); // expect: 4 true [object SharedArrayBuffer]
s.grow(8);
print(s.byteLength); // expect: 8
try { s.grow(2); } catch (e) { print(e.constructor.name); } // expect: RangeError
try { ArrayBuffer.prototype.slice.call(s); } catch (e) { print(e.constructor.name); } // expect: TypeError
class MyBuffer extends ArrayBuffer {}
print(new MyBuffer(4).slice(1) instanceof MyBuffer); // expect: true
