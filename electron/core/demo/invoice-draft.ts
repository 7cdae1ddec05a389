import type { Extraction } from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { insertDraft } from '../invoices/drafts.ts';
import { recordFile, sniffMime, storeFile } from '../invoices/files.ts';
import { headerColumns } from '../invoices/header.ts';
import { buildLines, type LineChoice } from '../invoices/lines.ts';
import { getSupplier } from '../invoices/rows.ts';

/**
 * A supplier's electronic invoice kept as a draft, as `extractInvoice` keeps a file it read: the
 * file in the content store, then the same draft row, lines and `invoice.extract` audit entry
 * (`insertDraft`). What it leaves out is the catalog search for candidates: the
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
  const noSuggestions = data.items.map((_, idx) => ({ idx, candidates: '[]' }));
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
    insertDraft(ctx, {
      id,
      now,
      data,
      extraction,
      header: h,
      file: { sha: fileSha, name: file.name },
      lines,
    });
  });
  return id;
}
