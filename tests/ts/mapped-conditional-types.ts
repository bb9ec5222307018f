// Mapped, conditional, indexed-access and utility types are erased.
type ReadonlyAll<T> = { readonly [K in keyof T]: T[K] };
type Optional<T> = { [K in keyof T]?: T[K] };
type Mutable<T> = { -readonly [K in keyof T]-?: T[K] };
type Getters<T> = { [K in keyof T as `get${Capitalize<string & K>}`]: () => T[K] };
type IsString<T> = T extends string ? "yes" : "no";
type Elem<T> = T extends (infer U)[] ? U : never;
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T;
type Fn<T> = T extends (...args: infer A) => infer R ? [A, R] : never;
interface User { name: string; age: number }
const u: ReadonlyAll<User> = { name: "U", age: 1 };
const part: Optional<User> = { age: 2 };
const g: Getters<User> = { getName: () => "n", getAge: () => 3 };
const yes: IsString<"x"> = "yes";
const e: Elem<number[]> = 4;
const pk: Pick<User, "name"> = { name: "P" };
const om: Omit<User, "name"> = { age: 5 };
const rec: Record<"a" | "b", number> = { a: 1, b: 2 };
const age: User["age"] = 6;
console.log(u.name, part.age, g.getAge(), yes, e, pk.name, om.age, rec.b, age); // expect: U 2 3 yes 4 P 5 2 6
