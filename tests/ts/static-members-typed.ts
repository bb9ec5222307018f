// Typed static members, static methods with generics, static blocks.
class Config {
  static defaults: { retries: number } = { retries: 3 };
  static readonly VERSION: string = "1.0";
  static #count: number = 0;
  static log: string[] = [];
  static { Config.log.push("init " + Config.VERSION); }
  static next<T>(tag: T): [T, number] { return [tag, ++Config.#count]; }
}
console.log(Config.defaults.retries, Config.VERSION, Config.log[0]); // expect: 3 1.0 init 1.0
console.log(Config.next("a").join(), Config.next(true).join()); // expect: a,1 true,2
