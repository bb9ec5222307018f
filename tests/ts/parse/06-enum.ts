enum Color { Red, Green = 5, Blue }
enum Str { A = "a", B = "b" }
const enum Flags { None = 0, A = 1 << 0, B = 1 << 1, AB = A | B }
let c = Color.Green;
