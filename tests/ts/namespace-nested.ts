// Dotted namespace names and namespaces nested inside namespaces.
namespace A.B.C {
  export const deep = "abc";
  export function where(): string { return "in C"; }
}
console.log(A.B.C.deep, A.B.C.where()); // expect: abc in C
namespace Outer {
  export const level = 1;
  export namespace Inner {
    export const level2 = level + 1;
    export namespace Innermost { export const level3 = level2 + 1; }
  }
}
console.log(Outer.level, Outer.Inner.level2, Outer.Inner.Innermost.level3); // expect: 1 2 3
namespace A.B.D { export const sibling = C.deep + "d"; }
console.log(A.B.D.sibling, Object.keys(A.B).join()); // expect: abcd C,D
