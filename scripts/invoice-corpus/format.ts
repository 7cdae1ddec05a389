import type { Kind, Letter, RateKey, Unit } from './types.ts';

/**
 * Exact arithmetic on integers (centavos, thousandths, basis points) and the Argentine way of
 * printing it. Nothing here uses Intl: ICU versions disagree on spaces and that would make the
 * printed text drift from the truth.
 */

/** Rounds num/den to the nearest integer, halves away from zero. Exact for any safe integers. */
export function roundDiv(num: number | bigint, den: number | bigint): number {
  const n = BigInt(num);
  const d = BigInt(den);
  const neg = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(neg ? -q : q);
}

/** Centavos of quantity × unit price × (1 − bonificación). */
export function lineAmount(qtyMilli: number, priceC: number, discountBp: number): number {
  return roundDiv(BigInt(qtyMilli) * BigInt(priceC) * BigInt(10_000 - discountBp), 10_000_000);
}

export const RATE_BP: Record<RateKey, number> = {
  '27': 2700,
  '21': 2100,
  '10.5': 1050,
  '5': 500,
  '2.5': 250,
  '0': 0,
};

/** Printing order of the rates (AFIP's own order on its invoices). */
export const RATE_ORDER: readonly RateKey[] = ['27', '21', '10.5', '5', '2.5', '0'];

export const ivaOf = (netC: number, rate: RateKey): number =>
  roundDiv(netC * RATE_BP[rate], 10_000);

/** IVA contained in an IVA-included amount (Ley 27.743 "IVA contenido"). */
export const ivaContained = (grossC: number, rate: RateKey): number =>
  roundDiv(grossC * RATE_BP[rate], 10_000 + RATE_BP[rate]);

export const pesos = (c: number): number => c / 100;

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 1234567 → "12.345,67". */
export function money(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${groupThousands(String(Math.floor(a / 100)))},${String(a % 100).padStart(2, '0')}`;
}

/** Fixed decimals from thousandths: (2500, 3) → "2,500"; (12000, 2) → "12,00". */
export function milli(q: number, decimals: 0 | 2 | 3): string {
  const whole = Math.floor(q / 1000);
  const frac = String(q % 1000).padStart(3, '0');
  const body = groupThousands(String(whole));
  return decimals === 0 ? body : `${body},${frac.slice(0, decimals)}`;
}

/** Quantity as printed: weighed and measured lines with 3 decimals, units whole (or "12,00"). */
export function quantity(q: number, unit: Unit, unitDecimals: 0 | 2 = 0): string {
  return unit === 'u' ? milli(q, unitDecimals) : milli(q, 3);
}

/** Basis points as a percentage: 500 → "5,00" (or "5" with `short`), 1250 → "12,50". */
export function percent(bp: number, short = false): string {
  const s = `${Math.floor(bp / 100)},${String(bp % 100).padStart(2, '0')}`;
  return short ? s.replace(/,00$/, '').replace(/(,\d)0$/, '$1') : s;
}

/** "21%", "10,5%". */
export const rateLabel = (rate: RateKey): string => `${rate.replace('.', ',')}%`;

/** "2025-03-12" → "12/03/2025". */
export function dateAr(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function cuitDashed(digits: string): string {
  return `${digits.slice(0, 2)}-${digits.slice(2, 10)}-${digits.slice(10)}`;
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function kindTitle(kind: Kind): string {
  if (kind === 'nota_credito') return 'NOTA DE CRÉDITO';
  if (kind === 'nota_debito') return 'NOTA DE DÉBITO';
  return 'FACTURA';
}

const AFIP_CODES: Record<Letter, Record<Kind, number>> = {
  A: { factura: 1, nota_debito: 2, nota_credito: 3 },
  B: { factura: 6, nota_debito: 7, nota_credito: 8 },
  C: { factura: 11, nota_debito: 12, nota_credito: 13 },
};

export const afipCode = (letter: Letter, kind: Kind): number => AFIP_CODES[letter][kind];

export function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8)));
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

const UNITS = [
  '',
  'un',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiún',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta'];
const HUNDREDS = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

function below1000(n: number): string {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const r = n % 100;
  let rest = '';
  if (r < 30) rest = UNITS[r] ?? '';
  else if (r < 90) rest = `${TENS[Math.floor(r / 10)]}${r % 10 ? ` y ${UNITS[r % 10]}` : ''}`;
  else rest = `noventa${r % 10 ? ` y ${UNITS[r % 10]}` : ''}`;
  return [HUNDREDS[h], rest].filter((s) => s).join(' ');
}

/** Whole pesos in words, as "Son pesos: …" lines print them: 1201 → "mil doscientos un". */
export function inWords(n: number): string {
  if (n === 0) return 'cero';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions === 1) parts.push('un millón');
  else if (millions > 1) parts.push(`${inWords(millions)} millones`);
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${below1000(thousands)} mil`);
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(' ');
}
