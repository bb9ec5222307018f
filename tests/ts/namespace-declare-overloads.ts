// Ambient declarations and overload signatures inside namespaces.
namespace Api {
  export declare const injected: string;
  declare function hostCall(): void;
  export function get(id: number): string;
  export function get(name: string): string;
  export function get(x: number | string): string { return "got " + x; }
  export interface Options { retries: number }
  export type Id = number;
  export const defaults: Options = { retries: 2 };
}
console.log(Api.get(1), Api.get("n"), Api.defaults.retries); // expect: got 1 got n 2
console.log(Object.keys(Api).sort().join()); // expect: defaults,get
