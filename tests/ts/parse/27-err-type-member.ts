// expect-parse-error: 2:17
type T = { a: 1 b: 2 };
