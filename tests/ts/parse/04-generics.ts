function identity<T>(x: T): T { return x; }
const n = identity<number>(3);
class Box<T extends object = {}> { constructor(public value: T) {} }
const arrow = <T,>(x: T) => x;
let m = new Map<string, number>();
const c = a < b && b > c;
