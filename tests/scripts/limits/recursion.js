// Limit: deep JavaScript recursion ends in a catchable RangeError (never a
// crash), and the engine is usable again after unwinding.
function f() { f(); }
try { f(); } catch (e) { print(e instanceof RangeError); } // expect: true

// again: the depth counter was restored by the unwinding
try { f(); } catch (e) { print(e instanceof RangeError); } // expect: true

// recursion that does work on every level and has a finally block
var depth = 0, finallies = 0;
function g(n) {
  depth = n;
  try { return g(n + 1) + 1; } finally { finallies++; }
}
try { g(0); } catch (e) { print(e instanceof RangeError, depth > 1000, finallies === depth + 1); } // expect: true true true

// mutual recursion with many arguments and locals
function even(n, a, b, c, d, e, f2, g2, h) { var x = [a, b, c]; return n === 0 ? x : odd(n - 1, a, b, c, d, e, f2, g2, h); }
function odd(n, a, b, c, d, e, f2, g2, h) { var y = {a: a}; return even(n - 1, a, b, c, d, e, f2, g2, h); }
try { even(1e9, 1, 2, 3, 4, 5, 6, 7, 8); } catch (e) { print('mutual', e instanceof RangeError); } // expect: mutual true

// moderately deep recursion still works
function sum(n) { return n === 0 ? 0 : n + sum(n - 1); }
print(sum(5000)); // expect: 12502500

// recursion through constructors, class fields and super calls
class Node { constructor() { this.child = new Node(); } }
try { new Node(); } catch (e) { print('construct', e instanceof RangeError); } // expect: construct true
class Base { constructor() { new Derived(); } }
class Derived extends Base { constructor() { super(); } }
try { new Derived(); } catch (e) { print('super', e instanceof RangeError); } // expect: super true
class Field { x = new Field(); }
try { new Field(); } catch (e) { print('field', e instanceof RangeError); } // expect: field true

// recursion through generators
function* gen() { yield* gen(); }
try { gen().next(); } catch (e) { print('yield*', e instanceof RangeError); } // expect: yield* true
function* gen2(n) { yield n; yield* gen2(n + 1); }
try { for (var v of gen2(0)) {} } catch (e) { print('for-of', e instanceof RangeError); } // expect: for-of true

// recursion through arrow functions, closures and default parameters
var arrow = () => arrow();
try { arrow(); } catch (e) { print('arrow', e instanceof RangeError); } // expect: arrow true
function dflt(a = dflt()) { return a; }
try { dflt(); } catch (e) { print('default', e instanceof RangeError); } // expect: default true

// the stack of the RangeError is still usable
try { f(); } catch (e) { print(typeof e.stack, typeof e.message); } // expect: string string
print('after'); // expect: after
