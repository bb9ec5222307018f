// `unique symbol` and symbol-typed keys.
const tag: unique symbol = Symbol("tag");
declare const other: unique symbol;
interface Tagged { [tag]: string; plain: number }
const t: Tagged = { [tag]: "tagged", plain: 1 };
console.log(t[tag], t.plain, typeof tag); // expect: tagged 1 symbol
const regKey: unique symbol = Symbol("key");
class Registry {
  static readonly key: typeof regKey = regKey;
  [regKey] = "by key";
}
console.log(new Registry()[Registry.key], Registry.key.toString()); // expect: by key Symbol(key)
const syms: symbol[] = [tag, Registry.key];
console.log(syms.length); // expect: 2
