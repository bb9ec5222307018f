// An error thrown from a namespace function after enums and types.
enum Level { Low, High }
type Handler = (l: Level) => void;
namespace Checks {
  export const limit: number = 10;
  export function check(n: number): void {
    if (n > limit) throw new RangeError("over " + Level[Level.High]);
  }
}
Checks.check(5);
console.log("checked"); // expect: checked
Checks.check(50);
// expect error: RangeError: over High
// expect error at: 7:26
