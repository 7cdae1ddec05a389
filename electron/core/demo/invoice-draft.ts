import type { Extraction } from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { recordFile, sniffMime, storeFile } from '../invoices/files.ts';
import { headerColumns, runChecks } from '../invoices/header.ts';
import { shopDate } from '../invoices/kinds.ts';
import { buildLines, writeLines, type LineChoice } from '../invoices/lines.ts';
import {
  auditInvoice,
  getSupplier,
  type LineRow,
  type StoredExtraction,
} from '../invoices/rows.ts';

/**
 * A supplier's electronic invoice kept as a draft, as `extractInvoice` keeps a file it read: the
 * file in the content store, the invoice row with its header columns and checks, its lines, one
 * `invoice.extract` audit entry. What it leaves out is the catalog search for candidates: the
 * demo knows each line's product, and searching 100 000 products' words for every line of every
 * invoice took minutes. The lines get the products as the review screen's choices would.
 */
export function storeDeliveredInvoice(
  ctx: Ctx,
  extraction: Extraction,
  file: { name: string; bytes: Buffer },
  choices: ReadonlyMap<number, LineChoice>,
): string {
  const { data } = extraction;
  const id = ctx.newId();
  const now = ctx.now();
  const fileSha = storeFile(ctx.dataDir, file.bytes);
  const h = headerColumns(data, file.name);
  // No earlier suggestions to keep and none to look for: buildLines takes the choices as given.
  const noSuggestions = data.items.map((item, idx): LineRow => ({
    invoice_id: id,
    idx,
    product_id: null,
    pack_units: 1,
    unit_cost: null,
    code: null,
    description: item.description,
    quantity: item.quantity,
    unit: item.unit,
    unit_price: item.unitPrice,
    discount_bp: item.discountBp,
    amount: item.amount,
    candidates: '[]',
  }));
  const lines = buildLines(
    ctx.db,
    data,
    getSupplier(ctx.db, h.issuer_cuit),
    choices,
    noSuggestions,
  );
  ctx.tx(() => {
    recordFile(
      ctx.db,
      { sha: fileSha, name: file.name, mime: sniffMime(file.bytes), size: file.bytes.length },
      now,
    );
    const kept: StoredExtraction = {
      fields: extraction.fields,
      pages: extraction.pages,
      qr: extraction.qr,
      checks: runChecks(ctx.db, data, extraction.qr, shopDate(now), h, id, extraction.checks),
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
      ...h,
      id,
      file_sha: fileSha,
      file_name: file.name,
      data: JSON.stringify(data),
      extraction: JSON.stringify(kept),
      now,
      user: ctx.actor.userId,
    });
    writeLines(ctx.db, id, lines);
    auditInvoice(ctx, 'invoice.extract', id, undefined);
  });
  return id;
}
