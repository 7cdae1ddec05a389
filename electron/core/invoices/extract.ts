import type { AfipQr, Extraction } from '../../../shared/contract/index.ts';
import { AppError } from '../errors.ts';
import { checkInvoice, type Printed } from './checks.ts';
import { shopDate } from './kinds.ts';
import { parseInvoice, withQr } from './parse/index.ts';
import { readPages, type PageHooks } from './read/file.ts';
import type { ReadResult } from './reader-types.ts';

/**
 * One file, start to end: pages → words (text layer or OCR) → fields → checks. Runs inside a
 * reader worker; the store's own checks (duplicates) come later, on the main thread.
 */
export async function extractFile(
  bytes: Uint8Array,
  fileName: string,
  hooks: PageHooks,
  now: number,
): Promise<ReadResult> {
  const started = performance.now();
  const read = await readPages(bytes, fileName, hooks);
  // Read once as printed; the QR then corrects the header, after what was printed is noted.
  const parsed = parseInvoice(read.pages, null);
  const d = parsed.data;
  const found =
    read.qr !== null ||
    d.items.length > 0 ||
    [d.total, d.number, d.issuer.cuit, d.cae].filter((v) => v !== undefined).length >= 2;
  if (!found) {
    throw new AppError(
      'INVALID_INPUT',
      `No encontramos una factura en «${fileName}»: no tiene CUIT, número, total ni líneas legibles. ` +
        'Si es una factura, sacá una foto más nítida, de frente y con buena luz.',
    );
  }
  const printed: Printed = {
    ...(d.date ? { date: d.date } : {}),
    ...(d.pointOfSale ? { pointOfSale: d.pointOfSale } : {}),
    ...(d.number ? { number: d.number } : {}),
    ...(d.total !== undefined ? { total: d.total } : {}),
    ...(d.afipCode ? { afipCode: d.afipCode } : {}),
    ...(d.issuer.cuit ? { issuerCuit: d.issuer.cuit } : {}),
  };
  const qr: AfipQr | null = read.qr;
  if (qr) withQr(parsed, qr);
  const extraction: Extraction = {
    data: parsed.data,
    fields: parsed.fields,
    pages: read.infos,
    qr,
    checks: checkInvoice(parsed.data, qr, shopDate(now), printed),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
  return { extraction, images: read.images };
}
