import type { Database } from 'better-sqlite3';
import type { AfipQr, InvoiceCheck, InvoiceData } from '../../../shared/contract/index.ts';
import { foldText } from '../../../shared/domain/text.ts';
import { prep } from '../db/statements.ts';
import { checkInvoice } from './checks.ts';
import { displayDate, formatNumber, resolveKind } from './kinds.ts';

/** The invoice columns kept beside the JSON data, for the list, the filters and the unique index. */
export type HeaderColumns = {
  kind: string | null;
  letter: string | null;
  afip_code: number | null;
  point_of_sale: number | null;
  number: number | null;
  date: string | null;
  issuer_cuit: string | null;
  issuer_name: string | null;
  total: number | null;
  search: string;
};

export function headerColumns(data: InvoiceData, fileName: string): HeaderColumns {
  const k = resolveKind(data);
  const kind = k.error ? data.kind : k.kind;
  const letter = k.error ? data.letter : k.letter;
  const afipCode = k.error ? data.afipCode : k.afipCode;
  const number =
    data.pointOfSale !== undefined && data.number !== undefined
      ? formatNumber(data.pointOfSale, data.number)
      : '';
  return {
    kind: kind ?? null,
    letter: letter ?? null,
    afip_code: afipCode ?? null,
    point_of_sale: data.pointOfSale ?? null,
    number: data.number ?? null,
    date: data.date ?? null,
    issuer_cuit: data.issuer.cuit ?? null,
    issuer_name: data.issuer.name?.trim() || null,
    total: data.total ?? null,
    search: foldText([data.issuer.name ?? '', data.issuer.cuit ?? '', number, fileName].join(' ')),
  };
}

export type InvoiceKey = {
  issuerCuit: string;
  afipCode: number;
  pointOfSale: number;
  number: number;
};

/** What identifies an invoice for AFIP, when the data says all of it. */
export function invoiceKey(h: HeaderColumns): InvoiceKey | null {
  if (h.issuer_cuit === null || h.afip_code === null) return null;
  if (h.point_of_sale === null || h.number === null) return null;
  return {
    issuerCuit: h.issuer_cuit,
    afipCode: h.afip_code,
    pointOfSale: h.point_of_sale,
    number: h.number,
  };
}

/** The first applied invoice with that key, other than `exceptId`. */
export function appliedTwin(
  db: Database,
  key: InvoiceKey,
  exceptId: string,
): { id: string; applied_at: number } | undefined {
  return prep<[InvoiceKey & { id: string }], { id: string; applied_at: number }>(
    db,
    `SELECT id, applied_at FROM invoices
     WHERE status = 'aplicada' AND issuer_cuit = @issuerCuit AND afip_code = @afipCode
       AND point_of_sale = @pointOfSale AND number = @number AND id <> @id
     ORDER BY applied_at LIMIT 1`,
  ).get({ ...key, id: exceptId });
}

export const duplicateMessage = (appliedAt: number): string =>
  `Esta factura ya fue cargada el ${displayDate(appliedAt)}`;

/** Same issuer, type, point of sale and number as an applied invoice: entered twice. */
export function duplicateCheck(
  db: Database,
  h: HeaderColumns,
  selfId: string,
): InvoiceCheck | null {
  const key = invoiceKey(h);
  if (key === null) return null;
  const twin = appliedTwin(db, key, selfId);
  if (!twin) {
    return {
      code: 'duplicate',
      ok: true,
      message: 'No hay otra factura aplicada con este número',
    };
  }
  return {
    code: 'duplicate',
    ok: false,
    message: duplicateMessage(twin.applied_at),
    field: 'number',
    invoiceId: twin.id,
  };
}

/**
 * The invoice's own checks (CUIT, QR, sums, dates) run on the data as it stands, and the
 * duplicate check against the store. Only the reader saw the printed text, so its QR-against-print
 * comparison, when given, replaces the one that can be made from the data alone.
 */
export function runChecks(
  db: Database,
  data: InvoiceData,
  qr: AfipQr | null,
  today: string,
  h: HeaderColumns,
  selfId: string,
  fromReader: readonly InvoiceCheck[] = [],
): InvoiceCheck[] {
  const readerQr = fromReader.find((c) => c.code === 'qr');
  const checks = checkInvoice(data, qr, today)
    .filter((c) => c.code !== 'duplicate')
    .map((c) => (c.code === 'qr' && readerQr ? readerQr : c));
  const dup = duplicateCheck(db, h, selfId);
  return dup ? [...checks, dup] : checks;
}
