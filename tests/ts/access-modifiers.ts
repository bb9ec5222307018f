// public / private / protected / readonly / override / static are erased.
class Account {
  public owner: string;
  private balance = 0;
  protected readonly currency: string = "EUR";
  static readonly bank = "HB";
  private static count = 0;
  constructor(owner: string) { this.owner = owner; Account.count++; }
  public deposit(n: number): this { this.balance += n; return this; }
  protected fmt(): string { return `${this.balance} ${this.currency}`; }
  public get summary(): string { return `${this.owner}: ${this.fmt()}`; }
  static get total(): number { return Account.count; }
}
class Savings extends Account {
  public override fmt(): string { return "[" + super.fmt() + "]"; }
}
const a = new Savings("Bo").deposit(5).deposit(7);
console.log(a.summary); // expect: Bo: [12 EUR]
console.log(Account.bank, Account.total); // expect: HB 1
console.log((a as any).balance); // expect: 12
const public_ = 1, readonly = 2;
console.log(public_ + readonly); // expect: 3
