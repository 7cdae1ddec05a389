/**
 * Numbers as Argentine invoices print them ("12.345,67", "$ 1.190,00", "2,500", "10,5 %"),
 * and as OCR sometimes returns them ("12.345.67", "1,190.00", "l.190,00").
 */

/** Lower case, no accents, single spaces: for matching labels whatever OCR did to them. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Fixes letters OCR puts for digits inside a token that is otherwise a number. */
export function digitsFix(token: string): string {
  const digits = (token.match(/\d/g) ?? []).length;
  if (digits < 2 || digits < token.replace(/[^0-9A-Za-z]/g, '').length * 0.6) return token;
  return token.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1').replace(/S/g, '5').replace(/B/g, '8');
}

function clean(token: string): string {
  // Table rules glued to a figure by OCR ("3|", "|0,00", "2/", "[7]") go before letters are
  // read as digits, or "24|" would become 241.
  const bare = token.trim().replace(/^[|/\\[\]{}()!]+|[|/\\[\]{}()!]+$/g, '');
  return digitsFix(/^[Ss]$/.test(bare) ? '5' : bare)
    .replace(/^[($]+|[)]+$/g, '')
    .replace(/^\$/, '')
    .replace(/\s+/g, '');
}

/**
 * A money amount in centavos, or null. The last separator followed by one or two digits is
 * the decimal mark; other dots, commas and spaces group thousands.
 */
export function parseAmount(token: string): number | null {
  let t = clean(token);
  let negative = false;
  if (/^-/.test(t) || /-$/.test(t)) {
    negative = true;
    t = t.replace(/^-|-$/g, '');
  }
  if (!/^\d[\d.,]*$/.test(t)) return null;
  const m = /^(.*?)[.,](\d{1,2})$/.exec(t);
  let whole: string;
  let cents: string;
  if (m && m[1] !== undefined && m[2] !== undefined && m[1] !== '') {
    whole = m[1];
    cents = m[2].padEnd(2, '0');
  } else {
    whole = t;
    cents = '00';
  }
  if (/[.,]/.test(whole) && !/^\d{1,3}([.,]\d{3})*$/.test(whole)) return null;
  const digits = whole.replace(/[.,]/g, '');
  if (digits.length > 13) return null;
  const value = Number(digits) * 100 + Number(cents);
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value : value;
}

/** A money token must show centavos ("1.190,00"): plain integers are quantities or codes. */
export function isMoneyToken(token: string): boolean {
  return (
    /^\$?-?\d{1,3}(?:[.,\s]?\d{3})*[.,]\d{2}-?$/.test(clean(token)) && parseAmount(token) !== null
  );
}

/** A quantity in thousandths ("12", "12,00", "2,500", "0,350"), or null. */
export function parseQuantity(token: string): number | null {
  const t = clean(token);
  if (!/^\d{1,7}(?:[.,]\d{1,3})?$/.test(t) && !/^\d{1,3}(?:\.\d{3})+(?:,\d{1,3})?$/.test(t)) {
    return null;
  }
  let whole = t;
  let frac = '';
  const m = /^(.*)[.,](\d{1,3})$/.exec(t);
  if (m && m[1] !== undefined && m[2] !== undefined) {
    // "1.000" is a thousand units only in the grouped form with a decimal comma after it.
    whole = m[1];
    frac = m[2];
  }
  const value = Number(whole.replace(/[.,]/g, '')) * 1000 + Number(frac.padEnd(3, '0'));
  return Number.isSafeInteger(value) ? value : null;
}

/** A percentage in basis points ("21", "10,5", "10.5%", "21,00 %"), or null. */
export function parsePercent(token: string): number | null {
  const t = clean(token).replace(/%$/, '');
  if (!/^\d{1,3}(?:[.,]\d{1,2})?$/.test(t)) return null;
  const bp = Math.round(Number(t.replace(',', '.')) * 100);
  return bp <= 10_000 ? bp : null;
}

/**
 * A bonificación's cell: a percent, or its digits with the comma lost («1250» 12,50 %, «200»
 * 2,00 %, «000»), as basis points.
 */
export function parseDiscount(token: string): number | null {
  const bp = parsePercent(token);
  if (bp !== null) return bp;
  const t = clean(token).replace(/%$/, '');
  return /^\d{3,4}$/.test(t) && Number(t) < 10_000 ? Number(t) : null;
}

/** 'YYYY-MM-DD' from "12/03/2025", "12-03-25", "12.03.2025", or null when not a real date. */
export function parseDate(text: string): string | null {
  const m = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})\b/.exec(digitsFix(text));
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = Number(m[3]);
  if (year < 100) year += 2000;
  if (month < 1 || month > 12 || day < 1 || year < 1990 || year > 2100) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date as printed: day, month and year, by slashes, dots or dashes. */
export const DATE = /\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:\d{4}|\d{2})\b/;

/** Every date in a text, in order. */
export function allDates(text: string): string[] {
  const out: string[] = [];
  const re = new RegExp(DATE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const d = parseDate(m[0]);
    if (d) out.push(d);
  }
  return out;
}

/** IVA rates invoices use, in basis points. */
export const IVA_RATES = [2100, 1050, 2700, 500, 250, 0] as const;

export function isIvaRate(bp: number): boolean {
  return (IVA_RATES as readonly number[]).includes(bp);
}
