declare const VERSION: string;
declare function ext(a: number): void;
declare class Foo { bar(): void; }
declare module "mod" { export const q: number; }
declare global { interface Window { x: number } }
let ok = 1;
