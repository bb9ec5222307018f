import type { T } from "./types";
import { type U, value } from "./mod";
export type { T };
export type Alias = number;
export interface Exported { a: number }
console.log(value);
