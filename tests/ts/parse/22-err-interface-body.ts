// expect-parse-error: 3:1
interface I { a: number
let x = 1;
