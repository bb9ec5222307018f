// Rest parameters with array and tuple types.
function sum(...nums: number[]): number { return nums.reduce((a, b) => a + b, 0); }
console.log(sum(), sum(1, 2, 3)); // expect: 0 6
function tag(label: string, ...rest: [number, boolean?]): string { return label + rest.join(); }
console.log(tag("t", 1, true)); // expect: t1,true
const join = (sep: string, ...parts: Array<string | number>): string => parts.join(sep);
console.log(join("-", "a", 1)); // expect: a-1
console.log(sum.length, join.length); // expect: 0 1
class C { m(...args: unknown[]): number { return args.length; } }
console.log(new C().m(1, 2)); // expect: 2
