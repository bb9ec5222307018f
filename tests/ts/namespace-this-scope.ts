// Names inside a namespace body: locals, exports, shadowing by parameters and blocks.
namespace Scope {
  export let total = 1;
  export function add(n: number): number { total += n; return total; }
  export function shadow(total: number): number { return total * 100; }
  export function blockShadow(): number { { let total = 7; return total; } }
  let hidden = 5;
  export function getHidden(): number { return hidden; }
  export function setHidden(v: number): void { hidden = v; }
}
console.log(Scope.add(2), Scope.total); // expect: 3 3
console.log(Scope.shadow(2), Scope.blockShadow()); // expect: 200 7
Scope.setHidden(9);
console.log(Scope.getHidden(), (Scope as any).hidden); // expect: 9 undefined
