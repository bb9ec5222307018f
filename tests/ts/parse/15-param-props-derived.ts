class Animal { constructor(public name: string) {} }
class Dog extends Animal {
  constructor(name: string, private readonly breed: string) { super(name); }
}
