function over(a: string): string;
function over(a: number): number;
function over(a: any): any { return a; }
