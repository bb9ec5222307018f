// A type parameter list that is not closed.
function id<T>(x: T): T { return x; }
function broken<T, U(x: T): U { return x as any; }
// expect error: SyntaxError
// expect error at: 3:21
