import { caeDueFits } from '../kinds.ts';
import { firstMatch, type Found } from './find.ts';
import type { Line } from './lines.ts';
import { fold, parseDate } from './numbers.ts';

const DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})\b/;

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
  const to = Math.min(lines.length, 40);
  let best: string | null = null;
  for (const line of lines.slice(0, to)) {
    for (const seg of line.segments) {
      const re = new RegExp(DATE.source, 'g');
      for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
        const date = fits(m, seg.text);
        if (date && (!best || date > best)) best = date;
      }
    }
  }
  if (!best) return null;
  const chosen = best;
  const at = firstMatch(lines, DATE, (m, text) => (fits(m, text) === chosen ? chosen : null), {
    to,
  });
  return at && { ...at, conf: at.conf * 0.7 };
}
