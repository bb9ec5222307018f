abstract class Base {
  private a: number = 1;
  protected readonly b?: string;
  public static c = 3;
  declare d: number;
  e!: string;
  abstract m(): void;
  constructor(private p: number, public q = 2) {}
  over(x: number): void;
  over(x: string): void;
  over(x: any) {}
}
class D extends Base implements I, J { m() {} constructor() { super(1); } }
