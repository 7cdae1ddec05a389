import { digitsFix } from './numbers.ts';
import { oneDigitApart } from './reconcile.ts';

/** The figures of an item row: thousandths, centavos and basis points. */
export type RowFigures = {
  quantity: number;
  unitPrice: number;
  discountBp: number;
  amount: number;
};

/** The cells the figures were read from, to read them again another way. */
export type FigureTexts = { qty?: string; price?: string; amount?: string };

/** Does quantity × price less the bonificación give the amount (to the centavo, within rounding)? */
export function consistent(qty: number, price: number, discBp: number, amount: number): boolean {
  const expected = (qty * price * (10_000 - discBp)) / 10_000 / 1000;
  return Math.abs(expected - amount) <= Math.max(1.01, Math.abs(amount) * 0.0005);
}

/** The digits of a cell that OCR read without its separators ("1722910", "5.70000"). */
function bareDigits(text: string): string | null {
  const t = digitsFix(text.trim().replace(/^[|/\\[\]{}()!$]+|[|/\\[\]{}()!]+$/g, ''));
  const digits = t.replace(/[.,\s]/g, '');
  return /^\d{3,11}$/.test(digits) ? digits : null;
}

/** All the digits of a figure as centavos, when OCR lost its decimal comma. */
export function looseCentavos(text: string): number | null {
  const digits = bareDigits(text);
  return digits === null ? null : Number(digits);
}

function distinct(values: (number | null)[]): number[] {
  return [...new Set(values.filter((v): v is number => v !== null))];
}

/**
 * A run of bare digits read as a quantity whose decimal comma OCR dropped, in thousandths: two
 * decimals («500» 5,00) and, from `threeFrom` digits on, three («1380» 1,380 kilos).
 */
export function commaLost(digits: string, threeFrom: number): number[] {
  const n = Number(digits);
  return digits.length >= threeFrom ? [n * 10, n] : [n * 10];
}

/** A quantity cell read as printed and, when it is bare digits (a rule's bits aside), comma lost. */
function quantityReadings(quantity: number, text: string | undefined): number[] {
  const bare = text !== undefined && /^\d{3,7}$/.test(text.replace(/[|/\\[\](){}!]/g, ''));
  const lost = bare && text ? commaLost(text.replace(/\D/g, ''), 3) : [];
  return distinct([quantity, ...lost]);
}

export type Mended = { figures: RowFigures; how: 'separators' | 'digit' };

/**
 * A row whose figures do not add up, read again the ways OCR usually gets them wrong: a comma
 * or point lost (in the quantity, the price or the amount), a bonificación «0,00» read as
 * «9,00», or one digit misread. The reading with the fewest changes that adds up wins; a digit
 * is only changed when everything else was read as printed. Null when nothing adds up.
 */
export function mendFigures(f: RowFigures, texts: FigureTexts): Mended | null {
  const qs = quantityReadings(f.quantity, texts.qty);
  const ps = distinct([f.unitPrice, texts.price ? looseCentavos(texts.price) : null]);
  const as = distinct([f.amount, texts.amount ? looseCentavos(texts.amount) : null]);
  const ds = distinct([f.discountBp, 0]);
  let best: RowFigures | null = null;
  let fewest = Infinity;
  for (const quantity of qs) {
    for (const unitPrice of ps) {
      for (const discountBp of ds) {
        for (const amount of as) {
          if (quantity <= 0 || !consistent(quantity, unitPrice, discountBp, amount)) continue;
          const changes =
            Number(quantity !== f.quantity) +
            Number(unitPrice !== f.unitPrice) +
            Number(discountBp !== f.discountBp) +
            Number(amount !== f.amount);
          if (changes < fewest)
            [best, fewest] = [{ quantity, unitPrice, discountBp, amount }, changes];
        }
      }
    }
  }
  if (best) {
    const settled = settle(best);
    return settled ? { figures: settled, how: 'digit' } : { figures: best, how: 'separators' };
  }
  return oneDigit(qs, ps, ds, as);
}

/** Everything but one figure agrees, and that figure is one digit away from what adds up. */
function oneDigit(qs: number[], ps: number[], ds: number[], as: number[]): Mended | null {
  for (const discountBp of ds) {
    for (const quantity of qs) {
      for (const unitPrice of ps) {
        for (const amount of as) {
          const keep = { quantity, unitPrice, discountBp, amount };
          const net = (10_000 - discountBp) / 10_000;
          const expected = Math.round((quantity * unitPrice * net) / 1000);
          if (oneDigitApart(expected, amount)) {
            return { figures: { ...keep, amount: expected }, how: 'digit' };
          }
          if (quantity <= 0 || net <= 0) continue;
          const price = Math.round((amount * 1000) / (quantity * net));
          if (oneDigitApart(price, unitPrice) && consistent(quantity, price, discountBp, amount)) {
            return { figures: { ...keep, unitPrice: price }, how: 'digit' };
          }
          if (unitPrice <= 0) continue;
          // A whole number of units, one digit off ("19" for 10).
          const units = Math.round(amount / (unitPrice * net));
          if (
            units > 0 &&
            quantity % 1000 === 0 &&
            oneDigitApart(units, quantity / 1000) &&
            consistent(units * 1000, unitPrice, discountBp, amount)
          ) {
            return { figures: { ...keep, quantity: units * 1000 }, how: 'digit' };
          }
        }
      }
    }
  }
  return null;
}

/**
 * Figures that add up within the tolerance but further apart than a price's rounding explains
 * (a centavo per two units): when one digit of the amount or of the price makes them exact, it
 * was misread. The mended figures, or null when there is nothing to mend.
 */
export function settle(f: RowFigures): RowFigures | null {
  const net = (10_000 - f.discountBp) / 10_000;
  const expected = Math.round((f.quantity * f.unitPrice * net) / 1000);
  const rounding = Math.max(1, Math.ceil(f.quantity / 2000));
  if (Math.abs(expected - f.amount) <= rounding) return null;
  if (oneDigitApart(expected, f.amount)) return { ...f, amount: expected };
  if (f.quantity <= 0 || net <= 0) return null;
  // The price that gives the amount, rounded either way; a round figure first (prices usually are).
  const exact = (f.amount * 1000) / (f.quantity * net);
  const prices = [...new Set([Math.floor(exact), Math.ceil(exact)])].sort(
    (a, b) => Number(b % 10 === 0) - Number(a % 10 === 0),
  );
  const price = prices.find(
    (p) =>
      oneDigitApart(p, f.unitPrice) &&
      Math.abs(Math.round((f.quantity * p * net) / 1000) - f.amount) <= rounding,
  );
  return price === undefined ? null : { ...f, unitPrice: price };
}
