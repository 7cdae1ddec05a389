import type { InvoiceData, InvoiceKind, InvoiceLetter } from '../../../shared/contract/index.ts';
import { artDate } from '../../../shared/domain/months.ts';

/** AFIP comprobante codes: Factura A = 1, ND A = 2, NC A = 3, B = 6/7/8, C = 11/12/13. */
const CODES: Record<InvoiceLetter, Record<InvoiceKind, number>> = {
  A: { factura: 1, nota_debito: 2, nota_credito: 3 },
  B: { factura: 6, nota_debito: 7, nota_credito: 8 },
  C: { factura: 11, nota_debito: 12, nota_credito: 13 },
};

const BY_CODE = new Map<number, { kind: InvoiceKind; letter: InvoiceLetter }>();
for (const [letter, kinds] of Object.entries(CODES) as [InvoiceLetter, typeof CODES.A][]) {
  for (const [kind, code] of Object.entries(kinds) as [InvoiceKind, number][]) {
    BY_CODE.set(code, { kind, letter });
  }
}

export function afipCodeOf(kind: InvoiceKind, letter: InvoiceLetter): number {
  return CODES[letter][kind];
}

export function kindOfCode(code: number): { kind: InvoiceKind; letter: InvoiceLetter } | null {
  return BY_CODE.get(code) ?? null;
}

const KIND_LABEL: Record<InvoiceKind, string> = {
  factura: 'Factura',
  nota_credito: 'Nota de crédito',
  nota_debito: 'Nota de débito',
};

/**
 * The header the rest of the core works with: the AFIP code filled from kind and letter (or
 * the other way round), or a Spanish message when they contradict each other.
 */
export function resolveKind(data: Pick<InvoiceData, 'kind' | 'letter' | 'afipCode'>): {
  kind?: InvoiceKind;
  letter?: InvoiceLetter;
  afipCode?: number;
  error?: string;
} {
  const fromCode = data.afipCode === undefined ? null : kindOfCode(data.afipCode);
  if (data.afipCode !== undefined && fromCode === null) {
    return {
      error: `El código de comprobante ${data.afipCode} no es de una factura ni de una nota A, B o C`,
    };
  }
  const kind = data.kind ?? fromCode?.kind;
  const letter = data.letter ?? fromCode?.letter;
  if (fromCode && (fromCode.kind !== kind || fromCode.letter !== letter)) {
    return {
      error: `El código de comprobante ${data.afipCode} es de una ${KIND_LABEL[fromCode.kind].toLowerCase()} ${fromCode.letter}, no de una ${KIND_LABEL[kind ?? fromCode.kind].toLowerCase()} ${letter ?? fromCode.letter}`,
    };
  }
  const afipCode = kind && letter ? afipCodeOf(kind, letter) : data.afipCode;
  return { kind, letter, afipCode };
}

/** "0003-00012345", as printed. */
export function formatNumber(pointOfSale: number, number: number): string {
  return `${String(pointOfSale).padStart(4, '0')}-${String(number).padStart(8, '0')}`;
}

/** "Factura A 0003-00012345", for movement reasons and messages. */
export function invoiceLabel(
  d: Pick<InvoiceData, 'kind' | 'letter' | 'pointOfSale' | 'number'>,
): string {
  const kind = KIND_LABEL[d.kind ?? 'factura'];
  const letter = d.letter ? ` ${d.letter}` : '';
  const number =
    d.pointOfSale !== undefined && d.number !== undefined
      ? ` ${formatNumber(d.pointOfSale, d.number)}`
      : '';
  return `${kind}${letter}${number}`;
}

/** B and C invoices print prices with IVA in them; A invoices net, unless the supplier says so. */
export function pricesIncludeIva(
  letter: InvoiceLetter | undefined,
  supplierSetting: boolean | undefined,
): boolean {
  return letter === 'B' || letter === 'C' || supplierSetting === true;
}

/** The Argentine calendar date of an instant: 'YYYY-MM-DD'. */
export const shopDate = artDate;

/** "10/03/2025", for messages. */
export function displayDate(ms: number): string {
  const [y, m, d] = shopDate(ms).split('-');
  return `${d}/${m}/${y}`;
}

/** Noon in Buenos Aires of an invoice date: the moment its prices are dated at. */
export function invoiceDateMs(date: string): number {
  return Date.parse(`${date}T12:00:00-03:00`);
}

/** Whole days from one invoice date ('YYYY-MM-DD') to another; NaN when either is not a date. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/** A CAE falls due within sixty days of its invoice, never before it. */
export function caeDueFits(date: string, caeDue: string): boolean {
  const span = daysBetween(date, caeDue);
  return span >= 0 && span <= 60;
}
