let a: number = 1;
const b: string | undefined = undefined;
function f(x: number, y?: string, ...rest: boolean[]): void {}
const g = (x: number): number => x * 2;
let arr: Array<Map<string, number[]>> = [];
