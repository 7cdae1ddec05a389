import { buildDemoCatalog, type DemoProduct } from '../../electron/core/demo/catalog.ts';
import { EXPORT_HEADER } from '../../electron/core/catalog/export.ts';
import { createRng, type Rng } from '../../electron/core/demo/random.ts';
import { encodeWindows1252, toCsv } from '../../shared/domain/csv.ts';
import { formatIvaRate, formatMoneyPlain } from '../../shared/domain/money.ts';
import { foldText } from '../../shared/domain/text.ts';

/** What an owner's spreadsheet export looks like: Spanish headers, ";" and decimal commas. */
export const CSV_HEADER = EXPORT_HEADER;

export type BenchCatalog = {
  /** Windows-1252 bytes, as Excel-AR saves "CSV (delimitado por punto y coma)". */
  bytes: Uint8Array;
  rows: number;
  barcodes: string[];
  products: DemoProduct[];
};

function quantityText(milli: number, unit: string): string {
  if (unit === 'u') return String(Math.round(milli / 1000));
  const frac = String(milli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${Math.trunc(milli / 1000)},${frac}` : String(Math.trunc(milli / 1000));
}

export function buildCatalogCsv(count: number, seed: number): BenchCatalog {
  const catalog = buildDemoCatalog(seed, count);
  const cuits = new Map(catalog.suppliers.map((s) => [s.key, s.cuit]));
  const rows: string[][] = [[...CSV_HEADER]];
  const barcodes: string[] = [];
  for (const p of catalog.products) {
    barcodes.push(...p.barcodes);
    rows.push([
      p.barcodes.join(' '),
      // Shops whose scale PLU doubles as the internal code type it in the "codigo" column.
      p.sku ?? (p.plu !== null ? String(p.plu) : ''),
      p.name,
      p.brand ?? '',
      p.categoryPath.join(' > '),
      p.unit,
      formatIvaRate(p.ivaRateBp).replace(' %', ''),
      formatMoneyPlain(p.cost),
      formatMoneyPlain(p.price),
      quantityText(p.target, p.unit),
      p.minStock > 0 ? quantityText(p.minStock, p.unit) : '',
      cuits.get(p.supplier) ?? '',
    ]);
  }
  return {
    bytes: encodeWindows1252(toCsv(rows, ';')),
    rows: catalog.products.length,
    barcodes,
    products: catalog.products,
  };
}

/**
 * What people type in the search box: one to three words, no accents, often cut short
 * ("sereni", "galletitas terrabusi", "azucar ledesma").
 */
export function searchQueries(products: readonly DemoProduct[], count: number, rng: Rng = createRng(99)): string[] {
  const cut = (w: string): string => (w.length > 6 && rng.chance(0.4) ? w.slice(0, rng.int(4, 6)) : w);
  const words = (s: string | null): string[] =>
    s === null ? [] : foldText(s).split(/[^a-z0-9ñ]+/).filter((w) => w.length >= 3 && !/^\d/.test(w));
  // Pack and edition words are how the generator stretches names, not what people type.
  const filler = new Set(['pack', 'bulto', 'edicion', 'con', 'sin', 'para', 'del', 'los', 'las']);
  const out: string[] = [];
  while (out.length < count) {
    const p = rng.pick(products);
    const brand = words(p.brand);
    const name = words(p.name).filter((w) => !filler.has(w) && !brand.includes(w));
    const first = name[0];
    const b = brand[0];
    if (first === undefined) continue;
    const last = name.length > 1 ? name[name.length - 1] : undefined;
    const shape = rng.int(0, 5);
    let q: string[];
    if (shape === 0 && b) q = [cut(b)];
    else if (shape === 1) q = [first];
    else if (shape === 2 && b) q = [first, cut(b)];
    else if (shape === 3 && last) q = [first, cut(last)];
    else if (shape === 4 && b && last) q = [first, b, cut(last)];
    else q = name.slice(0, 2);
    out.push(q.join(' '));
  }
  return out;
}
