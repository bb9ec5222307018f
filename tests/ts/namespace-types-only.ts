// A namespace holding only types still creates an object in this engine? No: TypeScript
// emits nothing for a namespace with no values, so the name stays unbound.
namespace OnlyTypes {
  export interface Shape { area(): number }
  export type Id = string | number;
}
console.log(typeof OnlyTypes); // expect: undefined
const s: OnlyTypes.Shape = { area: () => 3 };
const id: OnlyTypes.Id = 7;
console.log(s.area(), id); // expect: 3 7
namespace WithValue {
  export type T = number;
  export const v: T = 5;
}
console.log(WithValue.v); // expect: 5
