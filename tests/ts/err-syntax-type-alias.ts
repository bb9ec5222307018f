// A type alias needs `=`.
type Ok = number;
type Missing string;
// expect error: SyntaxError
// expect error at: 3:14
