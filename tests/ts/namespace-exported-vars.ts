// Exported variables of a namespace live on the namespace object.
namespace Cfg {
  export let level = 1;
  export var name = "cfg", other: string;
  export const { a, b } = { a: 10, b: 20 };
  export function raise(): number { return ++level; }
  export function rename(n: string): void { name = n; }
  export const read = () => [level, name].join(":");
  export let later: number;
}
console.log(Cfg.raise(), Cfg.level); // expect: 2 2
Cfg.level = 40;
console.log(Cfg.raise(), Cfg.read()); // expect: 41 41:cfg
Cfg.rename("x");
console.log(Cfg.name, Cfg.read()); // expect: x 41:x
console.log(Cfg.a + Cfg.b, "other" in Cfg, "later" in Cfg); // expect: 30 false false
