// Parameter properties are only allowed in constructors.
class Fine { constructor(public a: number) {} }
function f(private x: number) { return x; }
// expect error: SyntaxError
// expect error at: 3:12
