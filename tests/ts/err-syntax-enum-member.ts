// An enum member must be a name or a string, not a number.
enum Good { A }
enum Bad { 1 = 2 }
// expect error: SyntaxError
// expect error at: 3:12
