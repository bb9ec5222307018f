// String enums have no reverse mapping.
enum Dir { Up = "UP", Down = "DOWN", Left = "LEFT" }
console.log(Dir.Up, Dir.Down, Dir.Left); // expect: UP DOWN LEFT
console.log(Object.keys(Dir).join(",")); // expect: Up,Down,Left
console.log((Dir as any)["UP"]); // expect: undefined
enum Mixed { No = 0, Yes = "yes", Later = 5, After }
console.log(Mixed.No, Mixed.Yes, Mixed.Later, Mixed.After); // expect: 0 yes 5 6
console.log(Object.keys(Mixed).join(",")); // expect: 0,5,6,No,Yes,Later,After
enum Tpl { A = `a`, B = `b${"c"}` }
console.log(Tpl.A + Tpl.B); // expect: abc
