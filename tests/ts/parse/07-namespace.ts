namespace NS {
  export const x = 1;
  export function f() { return x; }
  const hidden = 2;
}
namespace A.B.C { export let deep = true; }
