import type {
  Extraction,
  InvoiceData,
  InvoiceDetail,
  ParsedInputOf,
} from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { conflict, invalid } from '../errors.ts';
import { recordFile, sniffMime, storeFile } from './files.ts';
import { headerColumns, runChecks, type HeaderColumns } from './header.ts';
import { resolveKind, shopDate } from './kinds.ts';
import { buildLines, checkChoices, writeLines, type BuiltLine } from './lines.ts';
import {
  auditInvoice,
  getInvoiceRow,
  getSupplier,
  readExtraction,
  readInvoice,
  snapshotInvoice,
  type InvoiceRow,
  type StoredExtraction,
} from './rows.ts';

/**
 * Drafts: a file read into an invoice the owner reviews, corrects and finally applies or
 * discards. Reading runs outside any transaction (it takes seconds, in worker threads); what it
 * gives is written in one.
 */

export type ExtractInput = ParsedInputOf<'invoices.extract'>;
export type SaveInput = ParsedInputOf<'invoices.save'>;

/** Only a draft can change; the message says why not. */
export function requireDraft(row: InvoiceRow): void {
  if (row.status === 'aplicada') throw conflict('Esta factura ya fue aplicada');
  if (row.status === 'descartada') throw conflict('Esta factura fue descartada');
}

const HEADER_SET = `kind = @kind, letter = @letter, afip_code = @afip_code,
  point_of_sale = @point_of_sale, number = @number, date = @date, issuer_cuit = @issuer_cuit,
  issuer_name = @issuer_name, total = @total, search = @search`;

export async function extractInvoice(ctx: Ctx, input: ExtractInput): Promise<InvoiceDetail> {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length === 0) throw invalid('El archivo está vacío');
  const label = 'Leyendo factura';
  const { extraction, images } = await ctx.reader.read(bytes, input.fileName, {
    jobId: input.jobId,
    onProgress: (done, total) =>
      ctx.emit({ type: 'jobs.progress', payload: { jobId: input.jobId, label, done, total } }),
  });
  // Kept only once it read as an invoice: a refused file leaves nothing in the data folder.
  const fileSha = storeFile(ctx.dataDir, bytes);
  // The reader named each page image by its sha256, the same content address the store uses.
  const stored = images.map((img) => ({
    sha: storeFile(ctx.dataDir, img.png),
    size: img.png.length,
  }));

  const id = ctx.newId();
  const now = ctx.now();
  const data = withKind(extraction.data);
  const h = headerColumns(data, input.fileName);
  const supplier = getSupplier(ctx.db, h.issuer_cuit);
  // Matching only reads: it stays out of the write transaction.
  const lines = buildLines(ctx.db, data, supplier, new Map());
  ctx.tx(() => {
    recordFile(
      ctx.db,
      { sha: fileSha, name: input.fileName, mime: sniffMime(bytes), size: bytes.length },
      now,
    );
    stored.forEach((s, i) =>
      recordFile(
        ctx.db,
        {
          sha: s.sha,
          name: `${input.fileName} · página ${i + 1}.png`,
          mime: 'image/png',
          size: s.size,
        },
        now,
      ),
    );
    insertDraft(ctx, {
      id,
      now,
      data,
      extraction,
      header: h,
      file: { sha: fileSha, name: input.fileName },
      lines,
    });
  });
  return readInvoice(ctx.db, id);
}

/**
 * A new draft: the invoice row with its header columns and its checks run against the store,
 * its lines, one `invoice.extract` audit entry. Inside the caller's transaction, after the file
 * is recorded.
 */
export function insertDraft(
  ctx: Ctx,
  d: {
    id: string;
    now: number;
    data: InvoiceData;
    extraction: Extraction;
    header: HeaderColumns;
    file: { sha: string; name: string };
    lines: readonly BuiltLine[];
  },
): void {
  const { extraction } = d;
  const kept: StoredExtraction = {
    fields: extraction.fields,
    pages: extraction.pages,
    qr: extraction.qr,
    checks: runChecks(
      ctx.db,
      d.data,
      extraction.qr,
      shopDate(d.now),
      d.header,
      d.id,
      extraction.checks,
    ),
    seconds: extraction.seconds,
  };
  prep(
    ctx.db,
    `INSERT INTO invoices (id, status, kind, letter, afip_code, point_of_sale, number, date,
       issuer_cuit, issuer_name, total, search, file_sha, file_name, data, extraction,
       location_id, created_at, created_by, updated_at, applied_at, applied_by)
     VALUES (@id, 'borrador', @kind, @letter, @afip_code, @point_of_sale, @number, @date,
       @issuer_cuit, @issuer_name, @total, @search, @file_sha, @file_name, @data, @extraction,
       NULL, @now, @user, @now, NULL, NULL)`,
  ).run({
    ...d.header,
    id: d.id,
    file_sha: d.file.sha,
    file_name: d.file.name,
    data: JSON.stringify(d.data),
    extraction: JSON.stringify(kept),
    now: d.now,
    user: ctx.actor.userId,
  });
  writeLines(ctx.db, d.id, d.lines);
  auditInvoice(ctx, 'invoice.extract', d.id, undefined);
}

const digits = (cuit: string | undefined): string | undefined =>
  cuit === undefined ? undefined : cuit.replace(/\D/g, '');

/**
 * A reading as the store keeps it: CUITs as bare digits, the AFIP code, kind and letter filled in
 * from each other (a contradiction is left for the owner to see and fix).
 */
function withKind(read: InvoiceData): InvoiceData {
  const data = {
    ...read,
    issuer: { ...read.issuer, cuit: digits(read.issuer.cuit) },
    recipient: { ...read.recipient, cuit: digits(read.recipient.cuit) },
  };
  const k = resolveKind(data);
  return k.error ? data : { ...data, kind: k.kind, letter: k.letter, afipCode: k.afipCode };
}

/** The data with the AFIP code, kind and letter made consistent, or a Spanish refusal. */
export function consistentData(data: InvoiceData): InvoiceData {
  const k = resolveKind(data);
  if (k.error) throw invalid(k.error);
  return { ...data, kind: k.kind, letter: k.letter, afipCode: k.afipCode };
}

/** Writes the header and data of a draft, with its checks run again. Inside the caller's tx. */
export function writeDraft(
  ctx: Ctx,
  row: InvoiceRow,
  data: InvoiceData,
  now: number,
): HeaderColumns {
  const h = headerColumns(data, row.file_name);
  const extraction = readExtraction(row);
  extraction.checks = runChecks(ctx.db, data, extraction.qr, shopDate(now), h, row.id);
  prep(
    ctx.db,
    `UPDATE invoices SET ${HEADER_SET}, data = @data, extraction = @extraction, updated_at = @now
     WHERE id = @id`,
  ).run({
    ...h,
    data: JSON.stringify(data),
    extraction: JSON.stringify(extraction),
    now,
    id: row.id,
  });
  return h;
}

/**
 * Saves the owner's corrections to a draft: the data replaced, the lines rebuilt (their chosen
 * products kept, the others matched again), the checks run again, one audit entry.
 */
export function saveInvoice(ctx: Ctx, input: SaveInput): InvoiceDetail {
  const now = ctx.now();
  ctx.tx(() => {
    const row = getInvoiceRow(ctx.db, input.id);
    requireDraft(row);
    const data = consistentData(input.data);
    const choices = checkChoices(ctx.db, data.items.length, input.lines);
    const before = snapshotInvoice(ctx.db, row.id);
    const h = writeDraft(ctx, row, data, now);
    writeLines(
      ctx.db,
      row.id,
      buildLines(ctx.db, data, getSupplier(ctx.db, h.issuer_cuit), choices),
    );
    auditInvoice(ctx, 'invoice.save', row.id, before);
  });
  return readInvoice(ctx.db, input.id);
}

export function discardInvoice(ctx: Ctx, id: string): { discarded: boolean } {
  ctx.tx(() => {
    const row = getInvoiceRow(ctx.db, id);
    requireDraft(row);
    const before = snapshotInvoice(ctx.db, id);
    prep(ctx.db, "UPDATE invoices SET status = 'descartada', updated_at = ? WHERE id = ?").run(
      ctx.now(),
      id,
    );
    auditInvoice(ctx, 'invoice.discard', id, before);
  });
  return { discarded: true };
}
