// Error constructors, cause, toString and AggregateError.
const e = new Error("boom", { cause: 42 });
print(e.message, e.cause, e.name, e instanceof Error); // expect: boom 42 Error true
print(Object.keys(e).length, Object.prototype.hasOwnProperty.call(e, "message")); // expect: 0 true
print(String(new TypeError("t"))); // expect: TypeError: t
print(RangeError("r") instanceof RangeError); // expect: true
print(Object.getPrototypeOf(URIError) === Error, Object.getPrototypeOf(SyntaxError.prototype) === Error.prototype); // expect: true true
print("cause" in new Error("x"), "cause" in new Error("x", {})); // expect: false false
print(Error.prototype.toString.call({ name: "N", message: "" })); // expect: N
print(Error.prototype.toString.call({ message: "m" })); // expect: Error: m
print(Error.prototype.toString.call({ name: "", message: "m" })); // expect: m
const a = new AggregateError([1, 2], "agg");
print(a.errors.join(), a.message, a.name, AggregateError.length); // expect: 1,2 agg AggregateError 2
class MyError extends Error {}
const m = new MyError("sub");
print(m instanceof MyError, m.message, m.name); // expect: true sub Error
print(typeof e.stack); // expect: string
print(EvalError.prototype.message === "", ReferenceError.prototype.name); // expect: true ReferenceError
try { null.x; } catch (err) { print(err instanceof TypeError, err.constructor === TypeError); } // expect: true true
