// Namespaces and enums declared inside functions and blocks.
function make(): number {
  namespace Local {
    export const v = 5;
    export function twice(): number { return v * 2; }
  }
  enum E { X = 3 }
  return Local.twice() + E.X;
}
console.log(make(), typeof (globalThis as any).Local); // expect: 13 undefined
{
  namespace InBlock { export const w = "block"; }
  console.log(InBlock.w); // expect: block
}
const arrow = () => {
  namespace A { export let n = 1; n++; }
  return A.n;
};
console.log(arrow()); // expect: 2
