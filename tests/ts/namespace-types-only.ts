// A namespace that holds only types is not a value: TypeScript emits nothing for it.
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
