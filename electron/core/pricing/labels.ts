import type { LabelsFile, ParsedInputOf } from '../../../shared/contract/index.ts';
import type { LabelItem } from '../../../shared/domain/labels.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { invalid } from '../errors.ts';
import { shopDate } from '../invoices/kinds.ts';
import { readSettings } from '../system/settings.ts';
import { labelsPdf } from './labels-pdf.ts';

/**
 * Shelf labels for the prices that changed: the products of a batch, prices changed since an
 * instant, or products picked by hand. Inactive products get no label (they are not on the shelf).
 */

const MAX_LABELS = 5_000;

type LabelRow = {
  id: string;
  name: string;
  brand: string | null;
  unit: LabelItem['unit'];
  price: number;
  sku: string | null;
  barcode: string | null;
};

function productIdsFor(ctx: Ctx, input: ParsedInputOf<'pricing.labels'>): string[] {
  if (input.productIds) return [...new Set(input.productIds)];
  if (input.batchId) {
    return prep<[string], [string]>(
      ctx.db,
      'SELECT product_id FROM price_history WHERE batch_id = ? ORDER BY rowid',
    )
      .raw()
      .all(input.batchId)
      .map((r) => r[0]);
  }
  if (input.changedSince !== undefined) {
    return prep<[number], [string]>(
      ctx.db,
      'SELECT DISTINCT product_id FROM price_history WHERE at >= ? ORDER BY product_id',
    )
      .raw()
      .all(input.changedSince)
      .map((r) => r[0]);
  }
  throw invalid('Elegí un lote, una fecha o productos para imprimir etiquetas');
}

const SAMPLE = 12;

export function shelfLabels(ctx: Ctx, input: ParsedInputOf<'pricing.labels'>): LabelsFile {
  const ids = productIdsFor(ctx, input);
  if (ids.length > MAX_LABELS) {
    throw invalid(
      `Son ${ids.length} etiquetas: el máximo por archivo es ${MAX_LABELS}. Elegí menos productos o imprimí por categoría`,
    );
  }
  const stmt = prep<[string], LabelRow>(
    ctx.db,
    `SELECT p.id, p.name, p.brand, p.unit, p.price, p.sku,
       (SELECT min(barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode
     FROM products p WHERE p.id = ? AND p.active = 1`,
  );
  const date = shopDate(ctx.now());
  const items: LabelItem[] = ids.flatMap((id) => {
    const r = stmt.get(id);
    return r
      ? [
          {
            name: r.name,
            brand: r.brand,
            price: r.price,
            unit: r.unit,
            barcode: r.barcode,
            sku: r.sku,
            date,
          },
        ]
      : [];
  });
  if (items.length === 0)
    throw invalid('No hay etiquetas para imprimir: ningún producto activo en la selección');
  items.sort((a, b) => a.name.localeCompare(b.name, 'es'));
  const shopName = readSettings(ctx.db).storeName;
  const pdf = labelsPdf(items, input.format, { shopName });
  return {
    fileName: `etiquetas-${date}-${input.format}.pdf`,
    contentBase64: Buffer.from(pdf).toString('base64'),
    count: items.length,
    sample: items.slice(0, SAMPLE),
    shopName,
  };
}
