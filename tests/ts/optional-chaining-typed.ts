// Optional chaining and nullish coalescing combined with type syntax.
interface Cfg { db?: { host?: string; ports?: number[] }; fn?: (x: number) => number }
const full: Cfg = { db: { host: "h", ports: [1, 2] }, fn: (x) => x * 3 };
const empty: Cfg = {};
console.log(full.db?.host, empty.db?.host); // expect: h undefined
console.log(full.db?.ports?.[1], empty.db?.ports?.[1]); // expect: 2 undefined
console.log(full.fn?.(2), empty.fn?.(2)); // expect: 6 undefined
console.log((empty.db?.host as string | undefined) ?? "default"); // expect: default
console.log(full.db!.ports?.length ?? 0); // expect: 2
const cond = full.db ? (full.db.host as string) : "none";
console.log(cond); // expect: h
