// A first Heron program: TypeScript runs directly.
interface Greeter {
    greet(name: string): string;
}

enum Mood { Happy, Curious }

class Friendly implements Greeter {
    constructor(private readonly mood: Mood) {}
    greet(name: string): string {
        return `Hello, ${name}! (feeling ${Mood[this.mood]})`;
    }
}

function* count(n: number): Generator<number> {
    for (let i = 1; i <= n; i++) yield i;
}

const g: Greeter = new Friendly(Mood.Curious);
console.log(g.greet("Heron"));
console.log([...count(3)].map((x) => x * x).join(", "));
