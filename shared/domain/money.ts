import { DomainError } from './errors.ts';

/** Money is always an integer number of centavos; floats never hold amounts. */
export type Centavos = number;
/** Quantities are integer thousandths: 1 unit = 1000, 1 kg = 1000 (g), 1 lt = 1000 (ml). */
export type Milli = number;
export type QuantityUnit = 'u' | 'kg' | 'lt';

/** $ 10.000.000.000,00 — anything above is a typo (or a scanner dumping a barcode into a price). */
export const MAX_MONEY: Centavos = 10_000_000_000_00;
export const MAX_QUANTITY: Milli = 1_000_000_000;

export const IVA_RATES_BP = [0, 250, 500, 1050, 2100, 2700] as const;
export type IvaRateBp = (typeof IVA_RATES_BP)[number];

// Node and browsers may differ in which space Intl puts after "$" (U+00A0 or U+202F).
const moneyFormat = new Intl.NumberFormat('es-AR', { style: 'currency', currency: 'ARS' });

function quoted(text: string): string {
  return `«${text.trim()}»`;
}

function assertInteger(n: number, what: string): void {
  // Programming errors, not user input: plain RangeError, not a DomainError.
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer, got ${n}`);
}

/** Strips whitespace and one leading minus sign (before or after "$" for money). */
function splitSign(text: string, currency: boolean): { negative: boolean; body: string } {
  let s = text.replace(/\s+/g, '');
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  if (currency && s.startsWith('$')) s = s.slice(1);
  if (!negative && s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  return { negative, body: s };
}

/**
 * Splits a money body (digits, "." and "," only) into integer and fraction digits, or null
 * when it is malformed. See parseMoney for the separator rules.
 */
function splitMoneyDigits(s: string): { int: string; frac: string } | null {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) {
    decimalSep = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const first = s.indexOf(sep);
    const digitsAfter = s.length - first - 1;
    if (first === s.lastIndexOf(sep) && !(sep === '.' && digitsAfter === 3)) decimalSep = sep;
  }

  let int = s;
  let frac = '';
  if (decimalSep !== null) {
    const idx = s.lastIndexOf(decimalSep);
    if (s.indexOf(decimalSep) !== idx) return null;
    int = s.slice(0, idx);
    frac = s.slice(idx + 1);
    if (!/^\d+$/.test(frac)) return null;
    if (int === '') return { int: '0', frac };
  }
  if (/^\d+$/.test(int)) return { int, frac };
  // Whatever is left must be properly grouped thousands: 1.234.567 or 1,234,567.
  const grouped = /^[1-9]\d{0,2}(?:\.\d{3})+$/.test(int) || /^[1-9]\d{0,2}(?:,\d{3})+$/.test(int);
  return grouped ? { int: int.replace(/[.,]/g, ''), frac } : null;
}

/**
 * Parses an amount typed or imported in es-AR style into centavos.
 *
 * Separator rules, in order:
 * 1. If both "." and "," appear, the LAST one is the decimal separator and the other one groups
 *    thousands ("12.345,67" and "12,345.67" both mean 12345,67).
 * 2. If one kind appears more than once it groups thousands ("1.234.567" = 1234567).
 * 3. If one kind appears once: "," is always decimal; "." is decimal unless followed by exactly
 *    3 digits, in which case it groups thousands ("1.234" = 1234, "12.5" = 12,50,
 *    "1,234" = error: 3 decimals).
 * Thousand groups must be well-formed (1–3 leading digits not starting with 0, then groups of 3).
 * At most 2 decimals. Accepts "$", spaces and a leading "-" (before or after "$").
 */
export function parseMoney(text: string): Centavos {
  const { negative, body } = splitSign(text, true);
  if (body === '')
    throw new DomainError('INVALID_MONEY', `${quoted(text)} no es un importe válido`);
  if (!/^[0-9.,]+$/.test(body) || !/\d/.test(body)) {
    throw new DomainError('INVALID_MONEY', `${quoted(text)} no es un importe válido`);
  }
  const parts = splitMoneyDigits(body);
  if (parts === null) {
    throw new DomainError('INVALID_MONEY', `${quoted(text)} no es un importe válido`);
  }
  if (parts.frac.length > 2) {
    throw new DomainError(
      'INVALID_MONEY',
      `${quoted(text)} no es un importe válido: tiene más de 2 decimales`,
    );
  }
  const int = parts.int.replace(/^0+(?=\d)/, '');
  const value = int.length > 15 ? Infinity : Number(int) * 100 + Number(parts.frac.padEnd(2, '0'));
  if (value > MAX_MONEY) {
    throw new DomainError(
      'ABSURD_VALUE',
      `${quoted(text)} es un importe demasiado grande (máximo ${formatMoney(MAX_MONEY)})`,
    );
  }
  return negative && value !== 0 ? -value : value;
}

/** "$ 12.345,67" / "-$ 12.345,67", always with a plain ASCII space. */
export function formatMoney(c: Centavos): string {
  assertInteger(c, 'centavos');
  // `|| 0` turns -0 into 0 so we never print "-$ 0,00".
  return moneyFormat.format(c / 100 || 0).replace(/[\u00a0\u202f]/g, ' ');
}

/** "12345,67" without symbol or grouping: what Excel-AR reads back as a number in CSV. */
export function formatMoneyPlain(c: Centavos): string {
  assertInteger(c, 'centavos');
  const abs = Math.abs(c);
  const sign = c < 0 ? '-' : '';
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function centavosToPesos(c: Centavos): number {
  return c / 100;
}

/**
 * Rounds half away from zero. Shifts the decimal point on the shortest decimal representation
 * of the float instead of multiplying by 100, so 1.005 → 101 (not 100, as 1.005 * 100 would give)
 * and 0.29 → 29.
 */
export function pesosToCentavos(n: number): Centavos {
  if (!Number.isFinite(n)) {
    throw new DomainError('INVALID_MONEY', `«${n}» no es un importe válido`);
  }
  const [mantissa = '0', exponent = '0'] = String(Math.abs(n)).split('e');
  const value = Math.round(Number(`${mantissa}e${Number(exponent) + 2}`));
  if (value > MAX_MONEY) {
    throw new DomainError(
      'ABSURD_VALUE',
      `«${n}» es un importe demasiado grande (máximo ${formatMoney(MAX_MONEY)})`,
    );
  }
  return n < 0 && value !== 0 ? -value : value;
}

/**
 * Parses a quantity into thousandths. Unlike money, quantities never use thousands separators,
 * so a single "." or "," is always decimal ("0.250" kg = 250 g). Up to 3 decimals for kg/lt;
 * unit "u" only accepts whole numbers with no separator at all (so "1.000" is rejected instead of
 * silently meaning 1). A trailing unit label ("1,5kg") and a leading "-" are accepted.
 */
export function parseQuantity(text: string, unit: QuantityUnit): Milli {
  const { negative, body: raw } = splitSign(text.toLowerCase(), false);
  const body = raw.endsWith(unit) ? raw.slice(0, -unit.length) : raw;
  const match = /^(\d*)(?:[.,](\d+))?$/.exec(body);
  const intDigits = match?.[1] ?? '';
  const fracDigits = match?.[2];
  if (!match || (intDigits === '' && fracDigits === undefined)) {
    throw new DomainError('INVALID_QUANTITY', `${quoted(text)} no es una cantidad válida`);
  }
  if (unit === 'u' && fracDigits !== undefined) {
    throw new DomainError(
      'INVALID_QUANTITY',
      `${quoted(text)} no es una cantidad válida: los productos por unidad van en números enteros, sin puntos ni comas`,
    );
  }
  const frac = fracDigits ?? '';
  if (frac.length > 3) {
    throw new DomainError(
      'INVALID_QUANTITY',
      `${quoted(text)} no es una cantidad válida: tiene más de 3 decimales`,
    );
  }
  const int = intDigits.replace(/^0+(?=\d)/, '');
  const value =
    int.length > 15 ? Infinity : Number(int || '0') * 1000 + Number(frac.padEnd(3, '0'));
  if (value > MAX_QUANTITY) {
    throw new DomainError('ABSURD_VALUE', `${quoted(text)} es una cantidad demasiado grande`);
  }
  return negative && value !== 0 ? -value : value;
}

/**
 * "1,5 kg", "3 u", "0,25 lt". No thousands grouping on purpose: the output must parse back
 * with parseQuantity, where "1.500" would mean 1,5.
 */
export function formatQuantity(m: Milli, unit: QuantityUnit): string {
  assertInteger(m, 'milli');
  const abs = Math.abs(m);
  const sign = m < 0 ? '-' : '';
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.trunc(abs / 1000)}${frac ? `,${frac}` : ''} ${unit}`;
}

function assertRate(rateBp: number): void {
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new DomainError('INVALID_IVA', `${rateBp / 100} % no es una alícuota de IVA válida`);
  }
}

// BigInt so amount × rate never loses precision, whatever the amount.
function divRoundHalfAwayFromZero(num: bigint, den: bigint): bigint {
  const negative = num < 0n;
  const abs = negative ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  return negative ? -q : q;
}

/**
 * IVA contained in a gross (IVA-included) amount: total × rate / (1 + rate), rounded half up to
 * the centavo. Negative amounts (refunds) round symmetrically so a refund cancels its sale.
 */
export function ivaContained(totalWithIva: Centavos, rateBp: number): Centavos {
  assertInteger(totalWithIva, 'totalWithIva');
  assertRate(rateBp);
  const iva = divRoundHalfAwayFromZero(
    BigInt(totalWithIva) * BigInt(rateBp),
    10_000n + BigInt(rateBp),
  );
  return Number(iva) || 0;
}

/** Gross amount for a net one: net + round(net × rate). */
export function addIva(net: Centavos, rateBp: number): Centavos {
  assertInteger(net, 'net');
  assertRate(rateBp);
  return net + (Number(divRoundHalfAwayFromZero(BigInt(net) * BigInt(rateBp), 10_000n)) || 0);
}

function isIvaRate(bp: number): bp is IvaRateBp {
  return (IVA_RATES_BP as readonly number[]).includes(bp);
}

/** Accepts percent values only: "21", "21%", "10,5", "10.5 %". Returns basis points. */
export function parseIvaRate(text: string): IvaRateBp {
  const body = text.replace(/\s+/g, '').replace(/%$/, '');
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(body);
  const bp = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : NaN;
  if (!isIvaRate(bp)) {
    throw new DomainError(
      'INVALID_IVA',
      `${quoted(text)} no es una alícuota de IVA válida (0; 2,5; 5; 10,5; 21 o 27 %)`,
    );
  }
  return bp;
}

/** "21 %", "10,5 %". */
export function formatIvaRate(rateBp: number): string {
  const int = Math.trunc(rateBp / 100);
  const frac = String(rateBp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${int}${frac ? `,${frac}` : ''} %`;
}
