function isStr(x: unknown): x is string { return typeof x === "string"; }
function assertStr(x: unknown): asserts x is string {}
