// Only class members may omit a body; an object literal method may not.
class C { m(): void; m() {} }
const o = { m(): void; };
// expect error: SyntaxError
// expect error at: 3:22
