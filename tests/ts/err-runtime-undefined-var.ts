// A ReferenceError after generic arrow functions and assertions.
const pick = <T,>(xs: T[], i: number): T => xs[i];
const n = pick<number>([1, 2], 1) as number;
console.log(n); // expect: 2
const total: number = n + (missing as number);
// expect error: ReferenceError
// expect error at: 5:28
