import { formatPercentBp } from './invoice-format.ts';

/** A line's unit cost against the chosen product's cost today, before applying. */

export type CostChange =
  | { kind: 'first' }
  | { kind: 'same' }
  | { kind: 'up' | 'down'; /** Basis points of the current cost. */ changeBp: number };

/** How the new cost compares with the product's current one (0: the product has none yet). */
export function costChange(current: number, next: number): CostChange {
  if (current <= 0) return { kind: 'first' };
  if (next === current) return { kind: 'same' };
  const changeBp = Math.round(((next - current) * 10_000) / current);
  return { kind: next > current ? 'up' : 'down', changeBp };
}

export const COST_TEXT = {
  current: 'Costo actual',
  next: 'nuevo',
} as const;

/** "+8,77 %", "−3 %" or the words, for the badge beside "costo actual → nuevo". */
export function costChangeText(change: CostChange): string {
  switch (change.kind) {
    case 'first':
      return 'primer costo del producto';
    case 'same':
      return 'sin cambio';
    case 'up':
      return `sube ${formatPercentBp(change.changeBp)}`;
    case 'down':
      return `baja ${formatPercentBp(-change.changeBp)}`;
  }
}
