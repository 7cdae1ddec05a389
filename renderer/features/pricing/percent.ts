import { pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';

/**
 * Percentages as typed by the owner ("2,7", "2.7", "-1,5 %") to basis points (270 = 2,7 %), and
 * back. Integer arithmetic only: "2,7" must be exactly 270, not 270.00000000000003.
 */

const p = pricingSetupStrings.percent;

export type BpRange = { minBp: number; maxBp: number };

/** A monthly CPI change: −50 % … 100 %, as the core accepts it. */
export const CPI_RATE_RANGE: BpRange = { minBp: -5_000, maxBp: 10_000 };
/** The suggestion threshold: 0 … 100 %. */
export const THRESHOLD_RANGE: BpRange = { minBp: 0, maxBp: 10_000 };
/** Markups and minimum margins: 0 … 1000 %. */
export const MARKUP_RANGE: BpRange = { minBp: 0, maxBp: 100_000 };

export type ParsedBp = { ok: true; bp: number } | { ok: false; message: string };

const shown = new Intl.NumberFormat('es-AR', { maximumFractionDigits: 2 });
const typed = new Intl.NumberFormat('es-AR', { maximumFractionDigits: 2, useGrouping: false });

/** 270 → '2,7 %'. */
export function formatPercentBp(bp: number): string {
  return `${shown.format(bp / 100)} %`;
}

/** 270 → '2,7': what an input shows to be edited, parseable by parsePercentBp. */
export function percentInput(bp: number): string {
  return typed.format(bp / 100);
}

export function parsePercentBp(text: string, range: BpRange = CPI_RATE_RANGE): ParsedBp {
  const clean = text.trim().replace(/\s*%$/, '').replace(/^[−–]/, '-').replace(/\s+/g, '');
  if (clean === '') return { ok: false, message: p.empty };
  const m = /^([-+]?)(\d*)(?:[.,](\d*))?$/.exec(clean);
  const whole = m?.[2] ?? '';
  const fraction = (m?.[3] ?? '').replace(/0+$/, '');
  if (!m || !/\d/.test(clean)) {
    return { ok: false, message: p.notNumber(text.trim()) };
  }
  if (fraction.length > 2) return { ok: false, message: p.tooPrecise };
  const magnitude = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  const bp = m[1] === '-' && magnitude !== 0 ? -magnitude : magnitude;
  if (!Number.isSafeInteger(bp) || bp < range.minBp || bp > range.maxBp) {
    return {
      ok: false,
      message: p.outOfRange(formatPercentBp(range.minBp), formatPercentBp(range.maxBp)),
    };
  }
  return { ok: true, bp };
}

/** Like parsePercentBp, but a blank field is `null` ("hereda"). */
export function parseOptionalPercentBp(
  text: string,
  range: BpRange,
): { ok: true; bp: number | null } | { ok: false; message: string } {
  return text.trim() === '' ? { ok: true, bp: null } : parsePercentBp(text, range);
}
