// `infer` in conditional types, with and without `extends` constraints.
type Ret<T> = T extends (...a: any[]) => infer R ? R : never;
type First<T> = T extends [infer H, ...infer _] ? H : undefined;
type Str<T> = T extends [infer S extends string, ...unknown[]] ? S : never;
type Unwrap<T> = T extends Promise<infer U> ? Unwrap<U> : T;
type Param0<F> = F extends (x: infer P) => void ? P : never;
function run(): number { return 3; }
const r: Ret<typeof run> = run();
const f: First<[string, number]> = "first";
const s: Str<["str", 1]> = "str";
const w: Unwrap<Promise<Promise<boolean>>> = true;
const p: Param0<(x: Date) => void> = new Date(0);
console.log(r, f, s, w, p.getTime()); // expect: 3 first str true 0
let infer = "identifier";
console.log(infer); // expect: identifier
