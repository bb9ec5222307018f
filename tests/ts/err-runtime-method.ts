// A TypeError in a method of a class with parameter properties and generics.
class Repo<T extends { id: number }> {
  constructor(private readonly items: T[] = []) {}
  find(id: number): T | undefined { return this.items.find((x) => x.id === id); }
  nameOf(id: number): string {
    const it = this.find(id) as unknown as { name: string };
    return it!.name.toUpperCase();
  }
}
const r = new Repo<{ id: number; name: string }>([{ id: 1, name: "a" }]);
console.log(r.nameOf(1)); // expect: A
r.nameOf(2);
// expect error: TypeError
// expect error at: 7:12
