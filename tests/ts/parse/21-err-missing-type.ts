// expect-parse-error: 2:8
let a: = 1;
