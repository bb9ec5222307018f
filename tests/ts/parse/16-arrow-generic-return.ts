const f = async <T>(x: T): Promise<T> => x;
const g = (a: number, b: number): { sum: number } => ({ sum: a + b });
