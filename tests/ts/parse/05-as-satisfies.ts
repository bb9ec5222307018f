const x = (1 as unknown) as number;
const y = { a: 1 } satisfies Record<string, number>;
const z = [1, 2] as const;
let w = x!;
let v = document!.body!;
