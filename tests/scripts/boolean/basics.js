// Boolean conversion and wrappers.
print(Boolean(""), Boolean("0"), Boolean(0), Boolean({})); // expect: false true false true
const b = new Boolean(false);
print(typeof b, b.valueOf(), b.toString(), !!b); // expect: object false false true
print(true.toString(), Boolean.prototype.valueOf()); // expect: true false
try { Boolean.prototype.toString.call(1); } catch (e) { print(e.constructor.name); } // expect: TypeError
