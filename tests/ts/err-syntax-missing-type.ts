// A type annotation with no type is a SyntaxError at the `=`.
let ok: number = 1;
let bad: = 2;
// expect error: SyntaxError
// expect error at: 3:10
