// Several declarations of one namespace share a single object.
namespace Reg {
  export const items: string[] = [];
  export function add(s: string): void { items.push(s); }
}
namespace Reg {
  export function count(): number { return items.length; }
  add("from second block");
}
Reg.add("outside");
console.log(Reg.count(), Reg.items.join("|")); // expect: 2 from second block|outside
namespace Reg {
  const items = ["shadow"];
  export const local = items.length;
}
console.log(Reg.local, Reg.items.length); // expect: 1 2
