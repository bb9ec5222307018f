class K { m?(): void; p?: number; q!: number; }
interface Q { f?(x: number): string }
