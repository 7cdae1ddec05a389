import { parseCsv } from './csv.ts';
import { DomainError } from './errors.ts';
import { IVA_RATES_BP, MAX_MONEY, formatIvaRate } from './money.ts';
import { artMonth, monthIndex, monthKey } from './months.ts';
import type { Centavos } from './money.ts';

/**
 * Prices that keep up with inflation (see handbook DOMAIN.md, "Inflation").
 *
 * Costs are stored NET of IVA together with the instant they were recorded. Then:
 *
 *   replacement = cost × Π_m (1 + r_m)^(f_m)
 *   projected   = replacement × (1 + r_expected)^(horizon_days / 30)
 *   floor       = ceil(cost × (1 + min_margin) × (1 + iva))
 *   target      = roundUp(max(ceil(projected × (1 + markup) × (1 + iva)), floor), rule)
 *
 * m runs over the calendar months touched by [cost date, now); f_m is the share of month m inside
 * that span, measured in milliseconds (so a span from Mar 10 00:00 to Apr 20 00:00 counts 22/31
 * of March and 19/30 of April); r_m is the published monthly rate of m, or the expected rate when
 * m is not published yet (the CPI comes out mid-next-month, so the current month never is).
 *
 * Calendar months are Argentine ones: UTC−3, which has been fixed (no DST) since 2009. Using the
 * local calendar rather than UTC keeps a cost bought on the 31st at 22:00 in the month the owner
 * sees on the invoice; using the device time zone would make the result depend on the machine.
 *
 * Factors are floats (products of powers cannot be exact anyway); amounts are rounded to the
 * centavo ONCE per money result (replacement, projected, floor, target) so errors do not compound
 * through intermediate roundings. All rules round prices UP, so rounding never lowers a price
 * below the floor.
 */

/** Published monthly CPI changes, 'YYYY-MM' → percent (2.7 means 2,7 %). */
export type MonthlyRates = ReadonlyMap<string, number>;

export type RoundingRule = 'none' | 'up10' | 'up50' | 'up100' | 'ends9' | 'ends99';

export const ROUNDING_RULES: readonly RoundingRule[] = [
  'none',
  'up10',
  'up50',
  'up100',
  'ends9',
  'ends99',
];

/** A monthly change outside this range is a typo (e.g. 27 typed as 270), not an economy. */
export const MIN_MONTHLY_RATE_PCT = -50;
export const MAX_MONTHLY_RATE_PCT = 100;
/** Markups and margins above 1000 % are typos too. */
export const MAX_MARKUP_PCT = 1000;
/** Projecting more than a year ahead is not "until the next restock". */
export const MAX_HORIZON_DAYS = 366;

function pct(n: number): string {
  return `${String(n).replace('.', ',')} %`;
}

function assertRatePct(ratePct: number, what: string): void {
  if (
    !Number.isFinite(ratePct) ||
    ratePct < MIN_MONTHLY_RATE_PCT ||
    ratePct > MAX_MONTHLY_RATE_PCT
  ) {
    throw new DomainError(
      'INVALID_RATE',
      `${what}: ${pct(ratePct)} no es una variación mensual creíble (debe estar entre −50 % y 100 %)`,
    );
  }
}

function assertInstant(ms: number, what: string): void {
  // Programming errors (a NaN date), not user input: plain RangeError, like money.ts.
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a finite epoch ms, got ${ms}`);
}

function assertCentavos(c: number, what: string): void {
  if (!Number.isSafeInteger(c) || c < 0) {
    throw new RangeError(`${what} must be a non-negative safe integer, got ${c}`);
  }
}

function assertIva(ivaRateBp: number): void {
  if (!(IVA_RATES_BP as readonly number[]).includes(ivaRateBp)) {
    throw new DomainError(
      'INVALID_IVA',
      `${formatIvaRate(ivaRateBp)} no es una alícuota de IVA válida`,
    );
  }
}

/** Money results must stay integers in range; a non-finite float means the inputs were absurd. */
function checkedMoney(c: number): Centavos {
  if (!Number.isFinite(c) || c > MAX_MONEY) {
    throw new DomainError(
      'ABSURD_VALUE',
      'El precio calculado es demasiado grande: revisá el costo, las tasas y el margen',
    );
  }
  return c;
}

/**
 * Ceil to the centavo, ignoring float noise: 100 × 1.1 is 110.00000000000001 and must stay
 * $ 1,10, not become $ 1,11. The tolerance (1e-14 relative) is ~50× the error of the few
 * multiplications involved and far below one centavo for any amount up to MAX_MONEY.
 */
function ceilCentavo(x: number): Centavos {
  const tolerance = Math.max(1e-9, Math.abs(x) * 1e-14);
  // `|| 0`: ceil of a tiny negative is -0, which is not a price.
  return Math.ceil(x - tolerance) || 0;
}

/**
 * Price factor accumulated between two instants (1.0 = no inflation). Summed as logarithms so
 * that the factor over [a, c] is the product of those over [a, b] and [b, c] up to float noise.
 * A span that ends before it starts (a cost dated in the future by a wrong clock) gives 1.0:
 * prices never go down because of a clock.
 */
export function accumulatedInflation(
  from: number,
  to: number,
  rates: MonthlyRates,
  expectedPct: number,
): number {
  assertInstant(from, 'from');
  assertInstant(to, 'to');
  assertRatePct(expectedPct, 'Inflación esperada');
  if (to <= from) return 1;
  let logFactor = 0;
  let t = from;
  while (t < to) {
    const month = artMonth(t);
    const segmentEnd = Math.min(to, month.end);
    const published = rates.get(month.key);
    const ratePct = published ?? expectedPct;
    if (published !== undefined) assertRatePct(published, `Inflación de ${month.key}`);
    const fraction = (segmentEnd - t) / (month.end - month.start);
    logFactor += fraction * Math.log1p(ratePct / 100);
    t = segmentEnd;
  }
  const factor = Math.exp(logFactor);
  if (!Number.isFinite(factor)) {
    throw new DomainError('ABSURD_VALUE', 'La inflación acumulada es demasiado grande');
  }
  return factor;
}

/** What the item bought at `cost` (net of IVA) on `costDate` would cost at `now`. */
export function replacementCost(
  cost: Centavos,
  costDate: number,
  now: number,
  rates: MonthlyRates,
  expectedPct: number,
): Centavos {
  assertCentavos(cost, 'cost');
  return checkedMoney(Math.round(cost * accumulatedInflation(costDate, now, rates, expectedPct)));
}

/** Replacement cost carried forward by the expected rate until the next restock (30-day months). */
export function projectedCost(
  replacement: Centavos,
  expectedPct: number,
  horizonDays: number,
): Centavos {
  assertCentavos(replacement, 'replacement');
  assertRatePct(expectedPct, 'Inflación esperada');
  if (!Number.isFinite(horizonDays) || horizonDays < 0 || horizonDays > MAX_HORIZON_DAYS) {
    throw new DomainError(
      'INVALID_HORIZON',
      `${horizonDays} días no es un plazo de reposición válido (entre 0 y ${MAX_HORIZON_DAYS})`,
    );
  }
  return checkedMoney(Math.round(replacement * (1 + expectedPct / 100) ** (horizonDays / 30)));
}

/**
 * Rounds an integer amount UP to the shop's price points. Always upwards so that a rounded price
 * never falls under the margin floor; idempotent, so re-running a price wave changes nothing.
 * 'none' leaves it as is (targetPrice already ceils to the centavo before calling this).
 */
export function roundUp(centavos: Centavos, rule: RoundingRule): Centavos {
  assertCentavos(centavos, 'centavos');
  switch (rule) {
    case 'none':
      return centavos;
    case 'up10':
      return Math.ceil(centavos / 1000) * 1000;
    case 'up50':
      return Math.ceil(centavos / 5000) * 5000;
    case 'up100':
      return Math.ceil(centavos / 10000) * 10000;
    case 'ends9': {
      // Smallest whole-peso amount ≥ x ending in 9: $ 1.231,50 → $ 1.239,00.
      const pesos = Math.ceil(centavos / 100);
      return (pesos + ((9 - (pesos % 10) + 10) % 10)) * 100;
    }
    case 'ends99': {
      const pesos = Math.ceil(centavos / 100);
      return (pesos + ((99 - (pesos % 100) + 100) % 100)) * 100;
    }
  }
}

export type PricingPolicy = { markupPct: number; minMarginPct: number };

/** A markup below the minimum margin would always be overridden by the floor: reject it. */
export function validatePolicy({ markupPct, minMarginPct }: PricingPolicy): void {
  if (!Number.isFinite(minMarginPct) || minMarginPct < 0 || minMarginPct > MAX_MARKUP_PCT) {
    throw new DomainError(
      'INVALID_POLICY',
      `El margen mínimo debe estar entre 0 % y ${MAX_MARKUP_PCT} % (se indicó ${pct(minMarginPct)})`,
    );
  }
  if (!Number.isFinite(markupPct) || markupPct < 0 || markupPct > MAX_MARKUP_PCT) {
    throw new DomainError(
      'INVALID_POLICY',
      `El recargo debe estar entre 0 % y ${MAX_MARKUP_PCT} % (se indicó ${pct(markupPct)})`,
    );
  }
  if (markupPct < minMarginPct) {
    throw new DomainError(
      'INVALID_POLICY',
      `El recargo (${pct(markupPct)}) no puede ser menor que el margen mínimo (${pct(minMarginPct)})`,
    );
  }
}

export type TargetPriceInput = {
  /** Last purchase cost, net of IVA. */
  cost: Centavos;
  /** When that cost was recorded, epoch ms. */
  costDate: number;
  now: number;
  rates: MonthlyRates;
  /** Expected monthly inflation (percent) for unpublished months and the projection. */
  expectedPct: number;
  /** Days until the next restock; 0 = no projection. */
  horizonDays: number;
  markupPct: number;
  minMarginPct: number;
  ivaRateBp: number;
  rule: RoundingRule;
};

export type TargetPrice = {
  replacement: Centavos;
  projected: Centavos;
  /** Shelf price, IVA included, rounded by the rule, never below `floor`. */
  target: Centavos;
  /** Lowest price (IVA included) that keeps the minimum margin over the ORIGINAL cost. */
  floor: Centavos;
};

export function targetPrice(input: TargetPriceInput): TargetPrice {
  const replacement = replacementCost(
    input.cost,
    input.costDate,
    input.now,
    input.rates,
    input.expectedPct,
  );
  return priceFromReplacement({ ...input, replacement });
}

export type PriceFromReplacementInput = Omit<TargetPriceInput, 'costDate' | 'now' | 'rates'> & {
  /** replacementCost(cost, costDate, now, rates, expectedPct), computed by the caller once. */
  replacement: Centavos;
};

/**
 * The second half of targetPrice, for callers that price many products bought on the same day
 * and share the inflation factor between them.
 */
export function priceFromReplacement(input: PriceFromReplacementInput): TargetPrice {
  const { cost, replacement, expectedPct, horizonDays, rule } = input;
  validatePolicy(input);
  assertIva(input.ivaRateBp);
  assertCentavos(cost, 'cost');
  assertCentavos(replacement, 'replacement');
  const iva = 1 + input.ivaRateBp / 10_000;
  const projected = projectedCost(replacement, expectedPct, horizonDays);
  const floor = priceFloor(cost, input.minMarginPct, input.ivaRateBp);
  const raw = checkedMoney(ceilCentavo(projected * (1 + input.markupPct / 100) * iva));
  const target = checkedMoney(roundUp(Math.max(raw, floor), rule));
  return { replacement, projected, target, floor };
}

/** The lowest shelf price (IVA included) that keeps the minimum margin over `cost` (net). */
export function priceFloor(cost: Centavos, minMarginPct: number, ivaRateBp: number): Centavos {
  return checkedMoney(ceilCentavo(cost * (1 + minMarginPct / 100) * (1 + ivaRateBp / 10_000)));
}

/**
 * Margin over cost in percent, both net of IVA: (price / (1 + iva) − cost) / cost × 100.
 * null when there is no cost to measure against (a gift, a missing invoice): Infinity or NaN
 * would leak into sorting and charts.
 */
export function marginPct(
  priceWithIva: Centavos,
  costNet: Centavos,
  ivaRateBp: number,
): number | null {
  assertIva(ivaRateBp);
  if (!Number.isFinite(priceWithIva) || !Number.isFinite(costNet) || costNet <= 0) return null;
  const net = priceWithIva / (1 + ivaRateBp / 10_000);
  return ((net - costNet) / costNet) * 100;
}

export type CpiParseError = { line: number; message: string };

/**
 * Reads `month,monthly_change_pct[,source]` (header optional; ";" and decimal comma from Excel-AR
 * accepted). Returns every valid month plus one error per problem, with its 1-based line, so the
 * import screen can list them all at once; the caller refuses the import when there are errors.
 * A missing month in the middle is an error because the maths would silently fall back to the
 * expected rate for it, and a CPI series with holes is almost always a bad copy-paste.
 */
export function parseCpiCsv(text: string): {
  rates: Map<string, number>;
  errors: CpiParseError[];
} {
  const rates = new Map<string, number>();
  const errors: CpiParseError[] = [];
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { rates, errors: [{ line: 1, message }] };
  }
  // Months whose row was readable, even if the rate was not: a bad rate must not also be a "gap".
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = i + 1;
    const month = (row[0] ?? '').trim();
    const rateText = (row[1] ?? '').trim();
    if (month === '' && rateText === '') return;
    if (i === 0 && /^(month|mes)$/i.test(month)) return;
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      errors.push({ line, message: `Línea ${line}: «${month}» no es un mes válido (AAAA-MM)` });
      return;
    }
    if (seen.has(month)) {
      errors.push({
        line,
        message: `Línea ${line}: el mes ${month} ya aparece en la línea ${seen.get(month)}`,
      });
      return;
    }
    seen.set(month, line);
    if (!/^[-+]?\d+(?:[.,]\d+)?\s*%?$/.test(rateText)) {
      errors.push({
        line,
        message: `Línea ${line}: «${rateText}» no es un porcentaje válido para ${month}`,
      });
      return;
    }
    const rate = Number(rateText.replace('%', '').trim().replace(',', '.'));
    if (rate < MIN_MONTHLY_RATE_PCT || rate > MAX_MONTHLY_RATE_PCT) {
      errors.push({
        line,
        message: `Línea ${line}: ${pct(rate)} no es una variación mensual creíble para ${month} (debe estar entre −50 % y 100 %)`,
      });
      return;
    }
    rates.set(month, rate);
  });

  const months = [...seen.keys()].sort();
  if (months.length === 0 && errors.length === 0) {
    errors.push({ line: 1, message: 'El archivo no tiene ningún mes' });
  }
  for (let k = 1; k < months.length; k++) {
    const prev = months[k - 1] as string;
    const next = months[k] as string;
    const missing = monthIndex(next) - monthIndex(prev) - 1;
    if (missing === 0) continue;
    const first = monthKey(monthIndex(prev) + 1);
    const last = monthKey(monthIndex(next) - 1);
    errors.push({
      line: seen.get(next) ?? 1,
      message:
        missing === 1
          ? `Falta el mes ${first} entre ${prev} y ${next}`
          : `Faltan los meses ${first} a ${last} entre ${prev} y ${next}`,
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { rates, errors };
}
