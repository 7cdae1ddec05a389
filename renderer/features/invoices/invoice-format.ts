import type { InvoiceKind, InvoiceLetter, InvoiceSummary } from '../../../shared/contract/index.ts';
import { formatCuit } from '../../../shared/domain/cuit.ts';

export { formatCuit };

/** Below this a reading is shown in amber: worth a look before saving. */
export const LOW_CONFIDENCE = 0.8;

export function isLowConfidence(confidence: number): boolean {
  return confidence < LOW_CONFIDENCE;
}

/** 0.834 → 83 (whole percent, for "por palabras 83 %"). */
export function percent(fraction: number): number {
  return Math.round(Math.min(1, Math.max(0, fraction)) * 100);
}

/**
 * Punto de venta + número as printed on the invoice: `0003-00012345`. Points of sale above 9999
 * take five digits. A missing half is left out; both missing give ''.
 */
export function formatInvoiceNumber(
  pointOfSale: number | null | undefined,
  number: number | null | undefined,
): string {
  const pos =
    pointOfSale === null || pointOfSale === undefined ? null : String(pointOfSale).padStart(4, '0');
  const num = number === null || number === undefined ? null : String(number).padStart(8, '0');
  if (pos !== null && num !== null) return `${pos}-${num}`;
  return pos ?? num ?? '';
}

/** `A 0003-00012345`, or whatever part of it is known. */
export function invoiceCode(
  letter: InvoiceLetter | null | undefined,
  pointOfSale: number | null | undefined,
  number: number | null | undefined,
): string {
  return [letter ?? '', formatInvoiceNumber(pointOfSale, number)].filter((s) => s !== '').join(' ');
}

export function summaryCode(s: Pick<InvoiceSummary, 'letter' | 'pointOfSale' | 'number'>): string {
  return invoiceCode(s.letter, s.pointOfSale, s.number);
}

/** '2025-03-07' → '07/03/2025'; anything else is returned as it came. */
export function formatInvoiceDate(date: string | null | undefined): string {
  if (!date) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** AFIP comprobante codes: Factura A = 1, ND A = 2, NC A = 3; B = 6, 7, 8; C = 11, 12, 13. */
const AFIP_BASE: Readonly<Record<InvoiceLetter, number>> = { A: 1, B: 6, C: 11 };
const AFIP_OFFSET: Readonly<Record<InvoiceKind, number>> = {
  factura: 0,
  nota_debito: 1,
  nota_credito: 2,
};

export function afipCodeFor(
  kind: InvoiceKind | '' | undefined,
  letter: InvoiceLetter | '' | undefined,
): number | null {
  if (!kind || !letter) return null;
  return AFIP_BASE[letter] + AFIP_OFFSET[kind];
}

/** Basis points as a signed percent: -1250 → '-12,5 %'. */
export function formatPercentBp(bp: number): string {
  const abs = Math.abs(Math.round(bp));
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${bp < 0 && abs !== 0 ? '-' : ''}${Math.trunc(abs / 100)}${frac ? `,${frac}` : ''} %`;
}

/** Digits only, for CUIT and CAE inputs that people type with dashes or spaces. */
export function digitsOnly(s: string): string {
  return s.replace(/\D/g, '');
}

/** yyyy-mm-dd of a local day, as an <input type="date"> holds it. */
export function dayInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
