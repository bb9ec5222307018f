// A syntax error is reported with file:line:column before anything runs.
console.log("never printed");
let x = ; // expect error: SyntaxError
// expect error at: 3:9
