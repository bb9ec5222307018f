// `?` as the conditional operator next to optional arrow parameters.
const x = 1, y = 2, z = 3;
const pick = x ? y : z;
const nested = x ? (y ? "yy" : "yn") : "n";
const inArgs = Math.max(x ? y : z, z);
const inArray = [x ? y : z, z ? x : y];
console.log(pick, nested, inArgs, inArray.join()); // expect: 2 yy 3 2,1
const opt = (a?: number, b?) => (a ?? 0) + (b ?? 10);
const optOnly = (a?) => a === undefined;
console.log(opt(), opt(1, 2), optOnly()); // expect: 10 3 true
const paren = (x) ? (y) : (z);
console.log(paren); // expect: 2
const arrowInCond = x ? (n: number): number => n * 2 : null;
console.log(arrowInCond!(4)); // expect: 8
