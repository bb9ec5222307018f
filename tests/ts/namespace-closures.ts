// Exported names referenced from closures, nested functions, classes and arrows.
namespace Counter {
  export let count = 0;
  export const step = 2;
  class Impl { inc(): number { count += step; return count; } }
  const impl = new Impl();
  export function inc(): number { return impl.inc(); }
  export const reset = (): void => { count = 0; };
  export function make(): () => number { return () => count * 100; }
  export const obj = { count, get live() { return count; } };
}
Counter.inc(); Counter.inc();
console.log(Counter.count, Counter.make()()); // expect: 4 400
console.log(Counter.obj.count, Counter.obj.live); // expect: 0 4
Counter.reset();
console.log(Counter.count, Counter.obj.live); // expect: 0 0
namespace Counter {
  export function double(): number { count *= 2; return count; }
}
Counter.inc();
console.log(Counter.double()); // expect: 4
