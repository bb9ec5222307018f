type ID = string | number;
type Fn<T> = (x: T) => T;
type Obj = { a: number; b?: string };
type Cond<T> = T extends string ? "s" : T extends number ? "n" : never;
type Mapped<T> = { readonly [K in keyof T]?: T[K] };
type Tpl = `prefix-${string}`;
let id: ID = 1;
