// TypeScript contextual keywords stay identifiers where TypeScript says so.
let type = 1, namespace = 2, module = 3, declare = 4, abstract = 5, readonly = 6;
type
namespace
module
declare
abstract
console.log(type + namespace + module + declare + abstract + readonly); // expect: 21
const as = 7, satisfies = 8, is = 9, keyof = 10, infer = 11, asserts = 12, unique = 13;
console.log(as + satisfies + is + keyof + infer + asserts + unique); // expect: 70
function global(x: number): number { return x; }
console.log(global(1)); // expect: 1
const o = { type: "t", interface: "i", enum: "e", declare: "d", namespace: "n" };
console.log(o.type + o.interface + o.enum + o.declare + o.namespace); // expect: tiedn
let interface2 = { private: 1, public: 2, protected: 3 };
console.log(interface2.private + interface2.public + interface2.protected); // expect: 6
