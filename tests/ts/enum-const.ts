// `const enum` values are usable like ordinary enum members.
const enum Flags { None = 0, Read = 1 << 0, Write = 1 << 1, Exec = 1 << 2, All = Read | Write | Exec }
console.log(Flags.None, Flags.Read, Flags.Write, Flags.Exec, Flags.All); // expect: 0 1 2 4 7
const perms: Flags = Flags.Read | Flags.Exec;
console.log((perms & Flags.Write) !== 0, (perms & Flags.Exec) !== 0); // expect: false true
const enum Str { Hello = "hello" }
console.log(Str.Hello.toUpperCase()); // expect: HELLO
function pick(f: Flags): string {
  switch (f) {
    case Flags.Read: return "r";
    case Flags.Write: return "w";
    default: return "?";
  }
}
console.log(pick(Flags.Write), pick(Flags.Read), pick(Flags.All)); // expect: w r ?
