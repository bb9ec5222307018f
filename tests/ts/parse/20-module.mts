export enum E { A, B }
export namespace N { export const v = 1; }
export default class<T> {}
