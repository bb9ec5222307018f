// An uncaught exception ends the program with status 1 and names the error on
// stderr; output printed before it stays.
console.log("before"); // expect: before
function fail() {
  throw new RangeError("out of range"); // expect error: RangeError
}
fail();
console.log("not reached");
