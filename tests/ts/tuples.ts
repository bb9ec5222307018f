// Tuple types: named, optional and rest elements, readonly tuples.
type Point = [x: number, y: number];
type Opt = [string, number?];
type Rest = [first: string, ...rest: number[]];
type RO = readonly [number, number];
const p: Point = [1, 2];
const o: Opt = ["only"];
const r: Rest = ["head", 1, 2, 3];
const ro: RO = [5, 6];
console.log(p.join(), o.length, r.slice(1).join(), ro[1]); // expect: 1,2 1 1,2,3 6
function swap([a, b]: [number, string]): [string, number] { return [b, a]; }
console.log(swap([1, "one"]).join()); // expect: one,1
const [h, ...t]: [number, ...string[]] = [0, "a", "b"];
console.log(h, t.join()); // expect: 0 a,b
