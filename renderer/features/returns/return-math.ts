import type { Sale, SaleLine } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';

/** What can still be returned of a sold line, thousandths. */
export function returnable(line: SaleLine): number {
  return Math.max(0, line.qty - line.returnedQty);
}

/**
 * The refund for part of a line, as the core computes it: the line's total in proportion, and
 * the return that empties the line takes whatever is left of it (the total minus what earlier
 * returns of that very line refunded), so a full void gives back exactly what was charged.
 */
export function refundFor(
  line: Pick<SaleLine, 'qty' | 'returnedQty' | 'total' | 'refunded'>,
  qty: number,
): number {
  if (qty <= 0) return 0;
  if (qty === line.qty - line.returnedQty) return line.total - line.refunded;
  return Math.round((line.total * qty) / line.qty);
}

export type ReturnPick = { saleLineId: string; qty: number };

/**
 * Reads the typed quantities against the sale: empty means none; more than what is left to
 * return is an error naming the product.
 */
export function readPicks(
  sale: Sale,
  typed: Readonly<Record<string, string>>,
): { ok: true; picks: ReturnPick[]; total: number } | { ok: false; error: string; lineId: string } {
  const picks: ReturnPick[] = [];
  let total = 0;
  for (const line of sale.lines) {
    const text = (typed[line.id] ?? '').trim();
    if (text === '') continue;
    let qty: number;
    try {
      qty = parseQuantity(text, line.unit);
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : text, lineId: line.id };
    }
    if (qty === 0) continue;
    if (qty < 0 || qty > returnable(line)) {
      return {
        ok: false,
        error: `${line.description}: no se puede devolver esa cantidad`,
        lineId: line.id,
      };
    }
    picks.push({ saleLineId: line.id, qty });
    total += refundFor(line, qty);
  }
  return { ok: true, picks, total };
}
