// `declare` statements produce no code.
declare const BUILD: string;
declare let later: number;
declare var process2: { env: Record<string, string> };
declare function external(a: number): string;
declare class Ext { m(): void; static s: number }
declare enum AmbientEnum { A, B }
declare namespace AmbientNs { const v: number; function f(): void; }
declare module "some-module" { export const x: number; }
declare global { interface Window { custom: string } }
console.log(typeof BUILD, typeof external, typeof Ext, typeof AmbientNs); // expect: undefined undefined undefined undefined
class Holder {
  declare field: string;
  real = 1;
}
const h = new Holder();
console.log("field" in h, h.real); // expect: false 1
let declare = 3;
declare++;
console.log(declare); // expect: 4
