// Type predicates `x is T` and `this is T` in return positions.
interface Fish { swim(): string }
interface Bird { fly(): string }
function isFish(pet: Fish | Bird): pet is Fish { return "swim" in pet; }
const pets: (Fish | Bird)[] = [{ swim: () => "splash" }, { fly: () => "flap" }];
console.log(pets.map((p) => (isFish(p) ? p.swim() : p.fly())).join()); // expect: splash,flap
const isStr = (x: unknown): x is string => typeof x === "string";
console.log([1, "a", "b"].filter(isStr).join()); // expect: a,b
class Node2 {
  constructor(public kids: Node2[] = []) {}
  isLeaf(): this is { kids: [] } { return this.kids.length === 0; }
}
console.log(new Node2().isLeaf(), new Node2([new Node2()]).isLeaf()); // expect: true false
let is = 1;
console.log(is); // expect: 1
