import { describe, expect, it } from 'vitest';
import type { PriceChangeRow } from '../../../shared/contract/index.ts';
import {
  batchMode,
  changesToApply,
  defaultDescription,
  previewTotals,
  scopeName,
} from './mass-update.ts';

// Midday in Buenos Aires: the same calendar day whatever zone the tests run in.
const NOV_24 = Date.UTC(2026, 10, 24, 15, 0);

function row(productId: string, oldPrice: number, newPrice: number, underFloor = false) {
  return {
    productId,
    name: productId,
    unit: 'u',
    ivaRateBp: 2100,
    cost: 1_000_00,
    oldPrice,
    newPrice,
    marginOldBp: null,
    marginNewBp: null,
    underFloor,
  } satisfies PriceChangeRow;
}

describe('default descriptions', () => {
  it('names the suggested prices by the day, and a percent by what it raised', () => {
    expect(defaultDescription({ kind: 'target' }, null, NOV_24)).toBe('Sugeridos 24/11/2026');
    expect(defaultDescription({ kind: 'target' }, 'Bebidas', NOV_24)).toBe(
      'Sugeridos Bebidas 24/11/2026',
    );
    const pct = { kind: 'percent', percentBp: 850, rounding: 'policy' } as const;
    expect(defaultDescription(pct, 'Bebidas', NOV_24)).toBe('+8,5 % Bebidas');
    expect(defaultDescription({ ...pct, percentBp: -500 }, null, NOV_24)).toBe('-5 % 24/11/2026');
  });

  it('calls the selection by its category, supplier, words or size', () => {
    expect(scopeName({ category: 'Bebidas', supplier: 'Distribuidora Sur' })).toBe('Bebidas');
    expect(scopeName({ supplier: 'Distribuidora Sur', query: 'coca' })).toBe('Distribuidora Sur');
    expect(scopeName({ query: 'coca' })).toBe('«coca»');
    expect(scopeName({ chosen: 1 })).toBe('1 producto');
    expect(scopeName({ chosen: 12 })).toBe('12 productos');
    expect(scopeName({ chosen: 20_000 })).toBe('20.000 productos');
    expect(scopeName({})).toBeNull();
  });
});

describe('applying a preview', () => {
  const rows = [row('a', 100_00, 120_00), row('b', 200_00, 240_00, true), row('c', 50_00, 60_00)];

  it('sends the ticked rows with the price each replaces', () => {
    expect(changesToApply(rows, new Set(['b']))).toEqual([
      { productId: 'a', oldPrice: 100_00, newPrice: 120_00 },
      { productId: 'c', oldPrice: 50_00, newPrice: 60_00 },
    ]);
    expect(batchMode({ kind: 'target' })).toBe('sugerido');
    expect(batchMode({ kind: 'percent', percentBp: 500, rounding: 'none' })).toBe('porcentaje');
  });

  it('counts what changes, what was unticked and what falls under the minimum margin', () => {
    expect(previewTotals(rows, new Set())).toEqual({ changing: 3, excluded: 0, underFloor: 1 });
    expect(previewTotals(rows, new Set(['b']))).toEqual({
      changing: 2,
      excluded: 1,
      underFloor: 0,
    });
  });
});
