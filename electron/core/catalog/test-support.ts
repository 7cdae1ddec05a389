import type { InputOf, Product } from '../../../shared/contract/index.ts';
import { encodeWindows1252 } from '../../../shared/domain/csv.ts';
import { IVA_RATES_BP } from '../../../shared/domain/money.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { openShopStore, tickingClock, type ShopStore } from '../testing/harness.ts';

/** 2025-03-10 10:00 in Buenos Aires: the middle of the day in any time zone a test runs in. */
export const START = Date.UTC(2025, 2, 10, 13, 0, 0);

export type Store = ShopStore & {
  /** Rows in a table (the catalog tests' name for `rows`). */
  count(table: string): number;
};

/** A fresh store on a real SQLite file, set up by its owner, with a clock that ticks 1 s a read. */
export async function openStore(): Promise<Store> {
  const store = await openShopStore({ now: tickingClock(START), newId: sequentialIds(START) });
  return { ...store, count: store.rows };
}

/** The whole edit form for a product, as the renderer sends it to catalog.update. */
export function editable(p: Product): InputOf<'catalog.create'> {
  return {
    name: p.name,
    brand: p.brand,
    sku: p.sku,
    plu: p.plu,
    categoryId: p.categoryId,
    unit: p.unit,
    ivaRateBp: IVA_RATES_BP.find((r) => r === p.ivaRateBp) ?? 2100,
    cost: p.cost,
    price: p.price,
    minStock: p.minStock,
    maxStock: p.maxStock,
    supplierCuit: p.supplierCuit,
    active: p.active,
    barcodes: p.barcodes,
  };
}

/** A CSV file as the import channel receives it. */
export function csvFile(
  text: string,
  encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' = 'utf-8',
): string {
  if (encoding === 'windows-1252') return Buffer.from(encodeWindows1252(text)).toString('base64');
  return Buffer.from(encoding === 'utf-8-bom' ? `\uFEFF${text}` : text, 'utf8').toString('base64');
}
