// Typed loop variables, typed catch bindings and assertions in loop heads.
let total = 0;
for (let i: number = 0; i < 3; i++) total += i;
console.log(total); // expect: 3
const obj: Record<string, number> = { a: 1, b: 2 };
for (const k of Object.keys(obj) as (keyof typeof obj)[]) total += obj[k];
console.log(total); // expect: 6
for (const [k, v] of Object.entries(obj) as [string, number][]) console.log(k + v);
// expect: a1
// expect: b2
try { throw new RangeError("r"); } catch (e: unknown) { console.log((e as Error).name); } // expect: RangeError
try { throw 1; } catch (e: any) { console.log(e + 1); } // expect: 2
let n: number = 3;
while ((n as number) > 0) n--;
console.log(n); // expect: 0
