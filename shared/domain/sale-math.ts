import { DomainError } from './errors.ts';
import { ivaContained, type Centavos, type Milli } from './money.ts';

/**
 * The arithmetic of a ticket, shared by the counter (to show) and the core (to charge): both
 * must agree to the centavo. Prices include IVA; quantities are thousandths; every rounding is
 * half away from zero, once per line.
 */
export type PricedLine = {
  qty: Milli;
  /** Centavos per unit, or per kg / litre. */
  unitPrice: Centavos;
  /** Basis points: 1000 = 10 %. */
  discountBp: number;
  ivaRateBp: number;
};

export type LineAmounts = { gross: Centavos; discount: Centavos; total: Centavos };

export type IvaLine = { rateBp: number; net: Centavos; iva: Centavos; total: Centavos };

export type SaleTotals = {
  /** Sum of the lines before discounts. */
  subtotal: Centavos;
  discountTotal: Centavos;
  /** Cash rounding; negative when rounded down. */
  rounding: Centavos;
  total: Centavos;
  iva: IvaLine[];
};

const divRound = (num: number, den: number): number => {
  const q = num / den;
  return q >= 0 ? Math.floor(q + 0.5) : -Math.floor(-q + 0.5);
};

export function lineAmounts(line: PricedLine): LineAmounts {
  const product = line.qty * line.unitPrice;
  if (!Number.isSafeInteger(product)) {
    throw new DomainError('ABSURD_VALUE', 'Cantidad por precio demasiado grande: revisá la línea');
  }
  const gross = divRound(product, 1000);
  const discount = divRound(gross * line.discountBp, 10_000);
  return { gross, discount, total: gross - discount };
}

/** Nearest multiple of step (half up); step 0 leaves the amount as is. */
export function roundToStep(amount: Centavos, step: Centavos): Centavos {
  if (step <= 0) return amount;
  return divRound(amount, step) * step;
}

/** IVA contained per rate, as the consumer receipt must show it (Ley 27.743). */
export function ivaBreakdown(lines: readonly { total: Centavos; ivaRateBp: number }[]): IvaLine[] {
  const byRate = new Map<number, Centavos>();
  for (const l of lines) byRate.set(l.ivaRateBp, (byRate.get(l.ivaRateBp) ?? 0) + l.total);
  return [...byRate.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rateBp, total]) => {
      const iva = ivaContained(total, rateBp);
      return { rateBp, net: total - iva, iva, total };
    });
}

/**
 * Totals of a ticket. Cash rounding applies only when the whole ticket is paid in cash
 * (`roundToCash`), since cards and transfers settle to the centavo.
 */
export function saleTotals(
  lines: readonly PricedLine[],
  opts: { roundToCash: boolean; roundingStep: Centavos } = { roundToCash: false, roundingStep: 0 },
): SaleTotals {
  let subtotal = 0;
  let discountTotal = 0;
  const withTotals: { total: Centavos; ivaRateBp: number }[] = [];
  for (const l of lines) {
    const a = lineAmounts(l);
    subtotal += a.gross;
    discountTotal += a.discount;
    withTotals.push({ total: a.total, ivaRateBp: l.ivaRateBp });
  }
  const beforeRounding = subtotal - discountTotal;
  const total = opts.roundToCash ? roundToStep(beforeRounding, opts.roundingStep) : beforeRounding;
  return {
    subtotal,
    discountTotal,
    rounding: total - beforeRounding,
    total,
    iva: ivaBreakdown(withTotals),
  };
}

/** Change owed for the cash payments: what was handed over minus what was applied. */
export function changeDue(
  payments: readonly { tender: string; amount: Centavos; tendered?: Centavos | null }[],
): Centavos {
  let change = 0;
  for (const p of payments) {
    if (p.tender === 'efectivo' && p.tendered !== undefined && p.tendered !== null)
      change += p.tendered - p.amount;
  }
  return change;
}

/**
 * Below cost when the amount charged, net of IVA, is under the cost of what is sold:
 * total × 10000 / (10000 + iva) < cost × qty / 1000, in integers so a centavo is never lost.
 * The counter's screen and the core's commit ask the same question with it.
 */
export function sellsBelowCost(
  total: Centavos,
  qty: Milli,
  costNet: Centavos,
  ivaRateBp: number,
): boolean {
  if (costNet <= 0) return false;
  return (
    BigInt(total) * 10_000n * 1000n < BigInt(costNet) * BigInt(qty) * BigInt(10_000 + ivaRateBp)
  );
}
