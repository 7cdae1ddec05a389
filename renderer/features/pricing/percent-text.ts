import { formatPercentBp, parsePercentBp, type BpRange, type ParsedBp } from './percent.ts';

/**
 * The percentages of suggestions and mass updates, on top of the desk's own parser and
 * formatter (percent.ts): signed changes, margins that may be unknown, a change of 0 refused.
 */

/** What `pricing.preview` accepts for a change by percent: −90 % … +1000 %. */
export const CHANGE_RANGE: BpRange = { minBp: -9_000, maxBp: 100_000 };

// Tables show tenths of a point: 42,15 % reads as 42,2 %.
// `|| 0`: a margin of −0,04 % shows as "0 %", not "-0 %".
const tenths = (bp: number) => Math.round(bp / 10) * 10 || 0;

/** 850 → "+8,5 %"; −500 → "-5 %"; 0 → "0 %"; to the tenth of a point. */
export function formatSignedBp(bp: number): string {
  const text = formatPercentBp(tenths(bp));
  return bp > 0 ? `+${text}` : text;
}

/** A margin over cost to the tenth of a point, "—" when the product has no cost. */
export function formatMarginBp(bp: number | null): string {
  return bp === null ? '—' : formatPercentBp(tenths(bp));
}

/** "8,5" → 850 bp, "-5" → −500; a typo or a change of 0 comes back as its Spanish reason. */
export function parsePercentChange(text: string): ParsedBp {
  const read = parsePercentBp(text, CHANGE_RANGE);
  if (read.ok && read.bp === 0) {
    return { ok: false, message: 'Un cambio de 0 % no mueve ningún precio.' };
  }
  return read;
}

/** How much a price moves, in basis points of the old one (0 when there was no price). */
export function changeBp(oldPrice: number, newPrice: number): number {
  return oldPrice > 0 ? Math.round(((newPrice - oldPrice) / oldPrice) * 10_000) : 0;
}
