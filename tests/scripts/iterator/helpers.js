// %IteratorPrototype%, Iterator, Iterator.from and the iterator helpers.
function* g(n) { for (let i = 1; i <= n; i++) yield i; }
print(g(5).map(x => x * 2).toArray().join()); // expect: 2,4,6,8,10
print(g(5).filter(x => x % 2).toArray().join(), g(5).take(2).toArray().join(), g(5).drop(3).toArray().join()); // expect: 1,3,5 1,2 4,5
print(g(3).flatMap(x => [x, -x]).toArray().join()); // expect: 1,-1,2,-2,3,-3
print(g(4).reduce((a, b) => a + b), g(4).reduce((a, b) => a + b, 10)); // expect: 10 20
print(g(4).some(x => x > 3), g(4).every(x => x > 3), g(4).find(x => x > 2)); // expect: true false 3
let each = [];
g(3).forEach((v, i) => each.push(v + "@" + i));
print(each.join()); // expect: 1@0,2@1,3@2
const it = g(10).map(x => x);
print(Object.prototype.toString.call(it), it.next().value, it.return().done, it.next().done); // expect: [object Iterator Helper] 1 true true
print(Iterator.prototype[Symbol.toStringTag], Iterator.prototype.constructor === Iterator); // expect: Iterator true
try { new Iterator(); } catch (e) { print(e.constructor.name); } // expect: TypeError
class MyIt extends Iterator { next() { return { done: true }; } }
print(new MyIt() instanceof Iterator, new MyIt().toArray().length); // expect: true 0
const plain = { i: 0, next() { return this.i < 3 ? { value: this.i++, done: false } : { done: true }; } };
const w = Iterator.from(plain);
print(w instanceof Iterator, w.toArray().join()); // expect: true 0,1,2
print(Iterator.from("ab").toArray().join()); // expect: a,b
let closed = 0;
const closable = { __proto__: Iterator.prototype, next() { return { value: 1, done: false }; }, return() { closed++; return {}; } };
closable.take(1).toArray();
print(closed); // expect: 1
const h = closable.map(x => x);
h.next();
h.return();
print(closed); // expect: 2
try { closable.map(1); } catch (e) { print(e.constructor.name, closed); } // expect: TypeError 3
try { closable.take(-1); } catch (e) { print(e.constructor.name); } // expect: RangeError
const running = g(5).map(x => running.next());
try { running.next(); } catch (e) { print(e.constructor.name); } // expect: TypeError
const ai = [1, 2][Symbol.iterator]();
print(Object.prototype.toString.call(ai), Object.getPrototypeOf(Object.getPrototypeOf(ai)) === Iterator.prototype); // expect: [object Array Iterator] true
print([...[1, 2].entries()].join("|"), [..."ab"].length, [...[5, 6].keys()].join()); // expect: 0,1|1,2 2 0,1
print(Iterator.prototype[Symbol.iterator].call(7)); // expect: 7
