let t: [string, number?, ...boolean[]] = ["a"];
let u: (string | number)[] = [];
let fnType: new (x: number) => object;
let q: typeof t[0];
let k: keyof typeof t;
