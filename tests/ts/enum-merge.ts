// Declarations of the same enum merge; later blocks can refer to earlier members.
enum Animal { Cat, Dog }
enum Animal { Bird = 2, Fish }
console.log(Animal.Cat, Animal.Dog, Animal.Bird, Animal.Fish); // expect: 0 1 2 3
console.log(Animal[3]); // expect: Fish
enum Animal { Ant = Dog + 10 }
console.log(Animal.Ant); // expect: 11
