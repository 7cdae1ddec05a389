import { lineAmounts } from '../../../shared/domain/sale-math.ts';

/**
 * A stored line keeps its total after discount, not its gross. Usually the gross is qty × unit
 * price; for a scale price label it is the label's price, found as the amount g next to the exact
 * quotient with g − round(g × bp / 10000) = total.
 */
export function lineGross(l: {
  qty: number;
  unitPrice: number;
  discountBp: number;
  total: number;
}): number {
  if (l.discountBp === 0) return l.total;
  const usual = lineAmounts({ ...l, ivaRateBp: 0 });
  if (usual.total === l.total) return usual.gross;
  if (l.discountBp < 10_000) {
    const guess = Math.floor((l.total * 10_000) / (10_000 - l.discountBp));
    for (const g of [guess, guess + 1, guess - 1, guess + 2, guess - 2]) {
      const a = lineAmounts({ qty: 1000, unitPrice: g, discountBp: l.discountBp, ivaRateBp: 0 });
      if (a.total === l.total) return g;
    }
  }
  return usual.gross;
}

export function lineDiscount(l: {
  qty: number;
  unitPrice: number;
  discountBp: number;
  total: number;
}): number {
  return lineGross(l) - l.total;
}
