/** What the transforms share: names, a locale-free order, empty counts. */
import type { Category } from '../../lib/model/schemas/common.ts';

/** Anything with a display name, as in the site's unit, topic and session maps. */
export interface Named {
  name: string;
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function zeroCounts(): Record<Category, number> {
  return { A: 0, B: 0, C: 0, D: 0 };
}
