// Namespaces with exported values, functions and classes; unexported members stay private.
namespace Util {
  const secret = 41;
  export const answer = secret + 1;
  export let counter = 0;
  export function bump(): number { counter += 1; return counter; }
  export class Box { constructor(public v: number) {} get doubled(): number { return this.v * 2; } }
  export function read(): number { return counter; }
}
console.log(Util.answer); // expect: 42
console.log(Util.bump(), Util.bump(), Util.counter); // expect: 1 2 2
Util.counter = 10;
console.log(Util.read()); // expect: 10
console.log(new Util.Box(4).doubled); // expect: 8
console.log("secret" in Util, Object.keys(Util).sort().join()); // expect: false Box,answer,bump,counter,read
