// The postfix non-null assertion `!` is erased.
function len(s?: string): number { return s!.length; }
console.log(len("abc")); // expect: 3
const m = new Map<string, { v: number }>([["k", { v: 4 }]]);
console.log(m.get("k")!.v); // expect: 4
let maybe: number[] | undefined = [1, 2];
console.log(maybe![1], maybe!.length); // expect: 2 2
const o: { f?: () => string } = { f: () => "called" };
console.log(o.f!()); // expect: called
let count: number | null = 0;
count!++;
console.log(count); // expect: 1
const el = { next: { next: { val: 9 } } } as any;
console.log(el!.next!.next!.val!); // expect: 9
const notEq = 1 != 2;
console.log(notEq); // expect: true
let q: { a: number } | undefined = { a: 1 };
q!.a = 5;
console.log(q!.a); // expect: 5
try { len(undefined); } catch (e) { console.log(e instanceof TypeError); } // expect: true
