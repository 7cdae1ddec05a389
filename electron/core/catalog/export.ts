import type { Database } from 'better-sqlite3';
import { encodeWindows1252, toCsv } from '../../../shared/domain/csv.ts';
import { formatCuit } from '../../../shared/domain/cuit.ts';
import { formatIvaRate, formatMoneyPlain } from '../../../shared/domain/money.ts';
import type { Ctx } from '../context.ts';
import { loadCategoryTree } from './categories.ts';
import { barcodesByProduct, type ProductRow } from './snapshots.ts';
import { prep } from '../db/statements.ts';

export const EXPORT_HEADER = [
  'codigo_barras',
  'codigo',
  'nombre',
  'marca',
  'categoria',
  'unidad',
  'iva',
  'costo',
  'precio',
  'stock',
  'stock_minimo',
  'cuit_proveedor',
] as const;

export type ExportEncoding = 'utf-8' | 'windows-1252';
export type CatalogExport = { fileName: string; contentBase64: string; rows: number };

/** "1,5" / "12": decimal comma, no grouping and no unit, so Excel-AR and the import read it back. */
function plainQuantity(milli: number): string {
  const sign = milli < 0 ? '-' : '';
  const abs = Math.abs(milli);
  const frac = String(abs % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${sign}${Math.trunc(abs / 1000)}${frac ? `,${frac}` : ''}`;
}

function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The stock column holds the stock at the location an import would write to (Salón, or the
 * first one), not the total: re-importing the file must not pile Depósito's stock onto Salón.
 */
function defaultLocation(db: Database): string | null {
  return (
    prep<[], { id: string }>(
      db,
      "SELECT id FROM locations WHERE active = 1 ORDER BY name = 'Salón' COLLATE NOCASE DESC, sort, name LIMIT 1",
    ).get()?.id ?? null
  );
}

/** Active products as a CSV Excel-AR opens as is; the import reads it back unchanged. */
export function exportCatalog(ctx: Ctx, encoding: ExportEncoding = 'utf-8'): CatalogExport {
  const db = ctx.db;
  const tree = loadCategoryTree(db);
  const codes = barcodesByProduct(db);
  const stock = new Map<string, number>();
  const location = defaultLocation(db);
  if (location !== null) {
    const levels = prep<[string], { product_id: string; qty: number }>(
      db,
      'SELECT product_id, qty FROM stock_levels WHERE location_id = ?',
    );
    for (const l of levels.iterate(location)) stock.set(l.product_id, l.qty);
  }
  const rows: string[][] = [[...EXPORT_HEADER]];
  const products = prep<[], ProductRow>(
    db,
    'SELECT * FROM products WHERE active = 1 ORDER BY name COLLATE NOCASE, rowid',
  );
  for (const p of products.iterate()) {
    rows.push([
      (codes.get(p.id) ?? []).join('|'),
      p.sku ?? '',
      p.name,
      p.brand ?? '',
      p.category_id === null ? '' : (tree.paths.get(p.category_id) ?? ''),
      p.unit,
      formatIvaRate(p.iva_rate_bp).replace(/\s*%$/, ''),
      formatMoneyPlain(p.cost),
      formatMoneyPlain(p.price),
      plainQuantity(stock.get(p.id) ?? 0),
      plainQuantity(p.min_stock),
      p.supplier_cuit === null ? '' : formatCuit(p.supplier_cuit),
    ]);
  }
  const text = toCsv(rows, ';');
  const bytes =
    encoding === 'windows-1252' ? encodeWindows1252(text) : Buffer.from(`\uFEFF${text}`, 'utf8');
  return {
    fileName: `catalogo-${localDate(ctx.now())}.csv`,
    contentBase64: Buffer.from(bytes).toString('base64'),
    rows: rows.length - 1,
  };
}
