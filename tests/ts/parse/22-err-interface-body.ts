// expect-parse-error: 4:1
interface I { a: number
let x = 1;
