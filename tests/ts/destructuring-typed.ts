// Destructuring with type annotations on the whole pattern.
const { a, b: renamed, c = 3 }: { a: number; b: string; c?: number } = { a: 1, b: "two" };
console.log(a, renamed, c); // expect: 1 two 3
const [x, , z]: number[] = [1, 2, 3];
console.log(x, z); // expect: 1 3
function area({ w, h = 1 }: { w: number; h?: number }): number { return w * h; }
console.log(area({ w: 4 }), area({ w: 4, h: 2 })); // expect: 4 8
const pts: Array<[number, number]> = [[1, 2], [3, 4]];
for (const [px, py] of pts) console.log(px + py);
// expect: 3
// expect: 7
const fn = ({ n }: { n: number }, [m]: [number]): number => n * m;
console.log(fn({ n: 2 }, [5])); // expect: 10
let q: number, r: string;
({ q, r } = { q: 9, r: "r" } as { q: number; r: string });
console.log(q, r); // expect: 9 r
