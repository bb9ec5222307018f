// expect-parse-error: 2:17
let x: number = ;
