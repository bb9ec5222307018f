interface Point { x: number; y: number; readonly z?: number; [k: string]: unknown; m(a: number): void }
interface P3 extends Point, Other<T> { w: number }
let p: Point = { x: 1, y: 2 };
