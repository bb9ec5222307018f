// Enum members named with strings, keywords and unusual identifiers.
enum Weird { "with space", "dash-ed" = 5, default, new, $dollar, _under }
console.log(Weird["with space"], Weird["dash-ed"], Weird.default, Weird.new, Weird.$dollar, Weird._under); // expect: 0 5 6 7 8 9
console.log(Weird[0], Weird[7]); // expect: with space new
enum Single { Only }
console.log(Single.Only, Single[0]); // expect: 0 Only
enum Empty {}
console.log(Object.keys(Empty).length); // expect: 0
enum Trailing { A, B, }
console.log(Trailing.B); // expect: 1
