// `keyof` and `typeof` in type positions; runtime `typeof` still works.
const config = { host: "localhost", port: 80 };
type Config = typeof config;
type Key = keyof Config;
function get(c: Config, k: Key): string | number { return c[k]; }
console.log(get(config, "port")); // expect: 80
const colors = ["red", "green"] as const;
type Color = (typeof colors)[number];
const c: Color = "green";
console.log(c, typeof c); // expect: green string
type KeysOfArr = keyof typeof colors;
let keyof = 2;
console.log(keyof * 2, typeof keyof); // expect: 4 number
function f(x: typeof config.port): typeof x { return x + 1; }
console.log(f(1)); // expect: 2
