import { caeDueFits } from '../kinds.ts';
import { firstMatch, type Found } from './find.ts';
import type { Line } from './lines.ts';
import { DATE, fold, parseDate } from './numbers.ts';

/** What a date is when these words stand just before it: not the day the invoice was issued. */
const OTHER_DATE = /vto|venc|inicio|hasta|pago|c\.?a\.?e|nacim/;

/**
 * The invoice's date when its label was lost to OCR («A. 08/06/2026», a date alone at the
 * letterhead's side): among the dates no other label claims, the latest one the CAE can fall
 * due after (the CAE is due some days after the invoice, never before it). Read, but less
 * surely than a labelled date.
 */
export function unlabelledDate(lines: Line[], caeDue: string): Found<string> | null {
  const fits = (m: RegExpExecArray, text: string): string | null => {
    const date = parseDate(m[0]);
    const before = fold(text.slice(Math.max(0, m.index - 30), m.index));
    return date && caeDueFits(date, caeDue) && !OTHER_DATE.test(before) ? date : null;
  };
  // The latest such date, where it first stands: each look finds the first one later than the
  // last found.
  let best: Found<string> | null = null;
  const later = (): Found<string> | null =>
    firstMatch(
      lines,
      DATE,
      (m, text) => {
        const date = fits(m, text);
        return date && (!best || date > best.value) ? date : null;
      },
      { to: Math.min(lines.length, 40) },
    );
  for (let f = later(); f; f = later()) best = f;
  return best && { ...best, conf: best.conf * 0.7 };
}
