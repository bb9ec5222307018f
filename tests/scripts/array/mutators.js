// push/pop/shift/unshift/splice/reverse/fill/copyWithin on arrays and array-likes.
const a = [1, 2, 3];
print(a.push(4, 5), a.join()); // expect: 5 1,2,3,4,5
print(a.pop(), a.shift(), a.join()); // expect: 5 1 2,3,4
print(a.unshift(0, 1), a.join()); // expect: 5 0,1,2,3,4
print(a.splice(1, 2, "x").join(), a.join()); // expect: 1,2 0,x,3,4
print(a.splice(-1).join(), a.join(), a.splice().length); // expect: 4 0,x,3 0
print(a.reverse().join(), a.fill(9, 1).join()); // expect: 3,x,0 3,9,9
print([1, 2, 3, 4, 5].copyWithin(0, 3).join(), [1, 2, 3, 4, 5].copyWithin(1, 0, 3).join()); // expect: 4,5,3,4,5 1,1,2,3,5
const holes = [1, , 3];
holes.reverse();
print(0 in holes, 1 in holes, 2 in holes, holes.length); // expect: true false true 3
const o = { length: 2, 0: "a", 1: "b" };
Array.prototype.push.call(o, "c");
print(o.length, o[2]); // expect: 3 c
print(Array.prototype.shift.call(o), o.length, o[0], o[2]); // expect: a 2 b undefined
Array.prototype.unshift.call(o, "z");
print(o.length, o[0], o[1], o[2]); // expect: 3 z b c
const frozen = Object.freeze([1, 2]);
try { frozen.push(3); } catch (e) { print(e.constructor.name); } // expect: TypeError
const big = { length: 2 ** 53 - 1 };
try { Array.prototype.push.call(big, 1); } catch (e) { print(e.constructor.name); } // expect: TypeError
const withSetter = [];
Object.defineProperty(Array.prototype, "0", { set(v) { print("setter", v); }, configurable: true });
withSetter.push("p"); // expect: setter p
print(withSetter.length, Object.keys(withSetter).length); // expect: 1 0
delete Array.prototype[0];
const q = [];
for (let i = 0; i < 5; i++) q.push(i);
while (q.length) q.shift();
print(q.length); // expect: 0
