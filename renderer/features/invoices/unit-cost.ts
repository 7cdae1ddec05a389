import type { ByRate, InvoiceLetter } from '../../../shared/contract/index.ts';
import { netUnitCost, parsePackUnits, stockQuantity } from '../../../shared/domain/pack.ts';

export { parsePackUnits };

/*
 * What one unit of the product costs, as the review screen shows it while the owner edits a line.
 * The core computes it on save (InvoiceLine.unitCost) with the product's IVA rate; this is the
 * live estimate, with the line's or the invoice's rate.
 */

// BigInt: quantity × price × bonificación overflows 2^53 for large amounts.
function divRound(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

/** B and C invoices always print prices with IVA; on A it depends on the supplier's habit. */
export function pricesIncludeIva(
  letter: InvoiceLetter | '' | null | undefined,
  supplierSetting: boolean,
): boolean {
  return letter === 'B' || letter === 'C' || supplierSetting;
}

/**
 * The IVA rate to take out of a price: the line's own rate, else the invoice's only rate,
 * else the general 21 %.
 */
export function lineIvaRate(lineRate: number | undefined, netByRate: ByRate): number {
  if (lineRate !== undefined) return lineRate;
  const rates = Object.keys(netByRate).filter((k) => (netByRate[k] ?? 0) > 0);
  return rates.length === 1 ? Number(rates[0]) : 2100;
}

export type LineCostInput = {
  /** Centavos: the line's amount as printed (bonificación already off). */
  amount: number;
  /** Thousandths of invoiced units. */
  quantity: number;
  /** Units of the product in one invoiced unit. */
  packUnits: number;
  includesIva: boolean;
  ivaRateBp: number;
};

/**
 * Centavos net of IVA for one unit of the product: the line amount ÷ (quantity × pack units),
 * ÷ (1 + IVA) when the amount includes it; the same shared formula the core applies.
 */
export function lineUnitCost(input: LineCostInput): number | null {
  const { amount, quantity, packUnits, includesIva, ivaRateBp } = input;
  if (!Number.isInteger(packUnits) || packUnits < 1) return null;
  return netUnitCost({
    amount,
    units: stockQuantity(quantity, packUnits),
    includesIva,
    ivaRateBp,
  });
}

/** Quantity (thousandths) × price × (1 − bonif): what the line's amount should say. */
export function expectedAmount(quantity: number, unitPrice: number, discountBp: number): number {
  if (quantity < 0 || unitPrice < 0) return 0;
  return divRound(
    BigInt(quantity) * BigInt(unitPrice) * BigInt(10_000 - discountBp),
    1000n * 10_000n,
  );
}

/** Printed amounts round per line: only a difference above a peso is worth pointing at. */
export function amountDiffers(expected: number, printed: number): boolean {
  return Math.abs(expected - printed) > 100;
}
