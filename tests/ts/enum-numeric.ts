// Numeric enums: auto-increment from 0, explicit values, increment after an explicit value.
enum Color { Red, Green, Blue }
console.log(Color.Red, Color.Green, Color.Blue); // expect: 0 1 2
enum Level { Low = 10, Mid, High = 20, Top }
console.log(Level.Low, Level.Mid, Level.High, Level.Top); // expect: 10 11 20 21
enum Neg { A = -2, B, C }
console.log(Neg.A, Neg.B, Neg.C); // expect: -2 -1 0
enum Frac { Half = 0.5, Next }
console.log(Frac.Next); // expect: 1.5
console.log(typeof Color, Object.keys(Color).length); // expect: object 6
let c: Color = Color.Green;
c = Color.Blue;
console.log(c === Color.Blue, c > Color.Red); // expect: true true
