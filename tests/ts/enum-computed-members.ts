// Members computed from expressions, other members and outside values.
const base = 100;
function twice(n: number): number { return n * 2; }
enum E {
  A = base + 1,
  B = twice(A),
  C = B,
  D = "abc".length,
  E2 = A * 2 + C,
  F = ~0,
  G = -(-3),
  H = (A > 50 ? 1 : 2),
}
console.log(E.A, E.B, E.C, E.D, E.E2, E.F, E.G, E.H); // expect: 101 202 202 3 404 -1 3 1
console.log(E[202], E[404]); // expect: C E2
enum Chain { X = 2, Y = X * X, Z = Y * Y }
console.log(Chain.X, Chain.Y, Chain.Z); // expect: 2 4 16
enum Qualified { P = 7, Q = Qualified.P + 1 }
console.log(Qualified.Q); // expect: 8
