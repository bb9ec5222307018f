// An interface member list that is never closed.
interface Open {
  a: number;
  b: string;
let x = 1;
// expect error: SyntaxError
// expect error at: 5:1
