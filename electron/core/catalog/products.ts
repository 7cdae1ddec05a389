import type { Database } from 'better-sqlite3';
import type { ParsedInputOf, Product } from '../../../shared/contract/index.ts';
import { normalizeBarcode } from '../../../shared/domain/barcode.ts';
import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import { isDomainError } from '../../../shared/domain/errors.ts';
import { recordPriceChange } from './price-history.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { PATH_SEPARATOR, loadCategoryTree } from './categories.ts';
import {
  productData,
  productSnapshot,
  sameProductData,
  type ProductData,
  type ProductRow,
} from './snapshots.ts';
import { prep } from '../db/statements.ts';

export type ProductInput = ParsedInputOf<'catalog.create'>;
export type ProductChanges = Partial<ProductInput>;
type RowWithRowid = ProductRow & { rid: number };

export function getProductRow(db: Database, id: string): RowWithRowid | undefined {
  return prep<[string], RowWithRowid>(db, 'SELECT rowid AS rid, * FROM products WHERE id = ?').get(
    id,
  );
}

export function barcodesOf(db: Database, productId: string): string[] {
  return prep<[string], { barcode: string }>(
    db,
    'SELECT barcode FROM product_barcodes WHERE product_id = ? ORDER BY barcode',
  )
    .all(productId)
    .map((r) => r.barcode);
}

/** "Almacén › Infusiones" by walking up the parents: a few primary-key reads, no tree load. */
export function categoryPathOf(db: Database, categoryId: string | null): string | null {
  if (categoryId === null) return null;
  const names: string[] = [];
  const stmt = prep<[string], { name: string; parent_id: string | null }>(
    db,
    'SELECT name, parent_id FROM categories WHERE id = ?',
  );
  for (let id: string | null = categoryId; id !== null && names.length < 50;) {
    const row = stmt.get(id);
    if (!row) break;
    names.unshift(row.name);
    id = row.parent_id;
  }
  return names.length > 0 ? names.join(PATH_SEPARATOR) : null;
}

export function toProduct(
  row: ProductRow,
  barcodes: string[],
  categoryPath: string | null,
): Product {
  const d = productData(row, barcodes);
  return { id: row.id, ...d, categoryPath, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function readProduct(db: Database, id: string): Product | null {
  const row = getProductRow(db, id);
  if (!row) return null;
  return toProduct(row, barcodesOf(db, id), categoryPathOf(db, row.category_id));
}

export function getProduct(db: Database, id: string): Product {
  const p = readProduct(db, id);
  if (!p) throw notFound('El producto');
  return p;
}

/** What a scanner sends: a barcode first, then an internal code (SKU), then a numeric PLU. */
export function lookupProduct(db: Database, rawCode: string): Product | null {
  const code = rawCode.trim();
  if (code === '') return null;
  let barcode: string | null = null;
  try {
    barcode = normalizeBarcode(code);
  } catch {
    // not a barcode shape: it may still be a SKU
  }
  if (barcode !== null) {
    const hit = prep<[string], { product_id: string }>(
      db,
      'SELECT product_id FROM product_barcodes WHERE barcode = ?',
    ).get(barcode);
    if (hit) return readProduct(db, hit.product_id);
  }
  const bySku = prep<[string], { id: string }>(db, 'SELECT id FROM products WHERE sku = ?').get(
    code,
  );
  if (bySku) return readProduct(db, bySku.id);
  if (/^\d{1,6}$/.test(code)) {
    const byPlu = prep<[number], { id: string }>(db, 'SELECT id FROM products WHERE plu = ?').get(
      Number(code),
    );
    if (byPlu) return readProduct(db, byPlu.id);
  }
  return null;
}

/** The word index's "codes" column: every code a cashier might type, space separated. */
export function ftsCodes(d: Pick<ProductData, 'barcodes' | 'sku' | 'plu'>): string {
  const parts = [...d.barcodes];
  if (d.sku !== null) parts.push(d.sku);
  if (d.plu !== null) parts.push(String(d.plu));
  return parts.join(' ');
}

export function writeFts(
  db: Database,
  rowid: number,
  d: ProductData,
  categoryPath: string | null,
  isNew: boolean,
): void {
  if (!isNew) prep(db, 'DELETE FROM products_fts WHERE rowid = ?').run(rowid);
  prep(
    db,
    'INSERT INTO products_fts (rowid, name, brand, category, codes) VALUES (?, ?, ?, ?, ?)',
  ).run(rowid, d.name, d.brand ?? '', categoryPath ?? '', ftsCodes(d));
}

/**
 * Rebuilds the word index from the products table. VACUUM may renumber the rowids of a table
 * without an INTEGER PRIMARY KEY, so whoever vacuums must call this afterwards.
 */
export function rebuildProductsFts(db: Database): number {
  const tree = loadCategoryTree(db);
  return db.transaction(() => {
    db.prepare('DELETE FROM products_fts').run();
    const rows = db.prepare<[], RowWithRowid>('SELECT rowid AS rid, * FROM products').all();
    const codes = new Map<string, string[]>();
    for (const r of db
      .prepare<[], { product_id: string; barcode: string }>('SELECT * FROM product_barcodes')
      .iterate()) {
      const list = codes.get(r.product_id);
      if (list) list.push(r.barcode);
      else codes.set(r.product_id, [r.barcode]);
    }
    for (const r of rows) {
      const path = r.category_id === null ? null : (tree.paths.get(r.category_id) ?? null);
      writeFts(db, r.rid, productData(r, codes.get(r.id) ?? []), path, true);
    }
    return rows.length;
  })();
}

// Positional values in ROW_COLUMNS order: binding 17 named parameters costs a quarter of a
// 100 000-row import's product inserts.
const ROW_COLUMNS =
  'sku, plu, name, brand, category_id, unit, iva_rate_bp, cost, cost_date, price, min_stock, max_stock, supplier_cuit, active';
type RowValues = (string | number | null)[];

function rowValues(d: ProductData): RowValues {
  return [
    d.sku,
    d.plu,
    d.name,
    d.brand,
    d.categoryId,
    d.unit,
    d.ivaRateBp,
    d.cost,
    d.costDate,
    d.price,
    d.minStock,
    d.maxStock,
    d.supplierCuit,
    d.active ? 1 : 0,
  ];
}

/** Inserts an already validated product with its codes, word index and audit entry. Inside ctx.tx. */
export function insertProductData(
  ctx: Ctx,
  id: string,
  d: ProductData,
  categoryPath: string | null,
  action: string,
  now: number,
): void {
  const info = prep<RowValues>(
    ctx.db,
    `INSERT INTO products (${ROW_COLUMNS}, id, created_at, updated_at) VALUES (${'?, '.repeat(16)}?)`,
  ).run(...rowValues(d), id, now, now);
  const addCode = prep(ctx.db, 'INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)');
  for (const code of d.barcodes) addCode.run(code, id);
  writeFts(ctx.db, Number(info.lastInsertRowid), d, categoryPath, true);
  ctx.audit.append(ctx.actor, {
    action,
    entity: 'product',
    entityId: id,
    after: productSnapshot(d),
  });
}

/** Writes the differences between two validated states; false when there were none. Inside ctx.tx. */
export function updateProductData(
  ctx: Ctx,
  id: string,
  rowid: number,
  before: ProductData,
  after: ProductData,
  categoryPath: string | null,
  action: string,
  now: number,
): boolean {
  if (sameProductData(before, after)) return false;
  const sets = ROW_COLUMNS.split(', ')
    .map((c) => `${c} = ?`)
    .join(', ');
  prep<RowValues>(ctx.db, `UPDATE products SET ${sets}, updated_at = ? WHERE id = ?`).run(
    ...rowValues(after),
    now,
    id,
  );
  const kept = new Set(after.barcodes);
  const had = new Set(before.barcodes);
  const dropCode = prep(
    ctx.db,
    'DELETE FROM product_barcodes WHERE barcode = ? AND product_id = ?',
  );
  const addCode = prep(ctx.db, 'INSERT INTO product_barcodes (barcode, product_id) VALUES (?, ?)');
  for (const code of had) if (!kept.has(code)) dropCode.run(code, id);
  for (const code of kept) if (!had.has(code)) addCode.run(code, id);
  writeFts(ctx.db, rowid, after, categoryPath, false);
  if (before.price !== after.price) {
    recordPriceChange(ctx, {
      productId: id,
      previous: before.price,
      price: after.price,
      at: now,
      source: action,
      batchId: null,
    });
  }
  ctx.audit.append(ctx.actor, {
    action,
    entity: 'product',
    entityId: id,
    before: productSnapshot(before),
    after: productSnapshot(after),
  });
  return true;
}

function owner(db: Database, sql: string, value: string | number, id: string | null) {
  const row = prep<[string | number], { id: string; name: string }>(db, sql).get(value);
  return row && row.id !== id ? row : undefined;
}

/** Normalises codes and CUIT and checks everything the database would refuse less kindly. */
function validate(db: Database, id: string | null, d: ProductData): ProductData {
  const barcodes: string[] = [];
  for (const raw of d.barcodes) {
    const code = domainOrInvalid(() => normalizeBarcode(raw));
    if (barcodes.includes(code)) continue;
    const taken = owner(
      db,
      'SELECT p.id, p.name FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE b.barcode = ?',
      code,
      id,
    );
    if (taken)
      throw conflict(`El código de barras ${code} ya es de «${taken.name}»`, {
        productId: taken.id,
      });
    barcodes.push(code);
  }
  if (d.sku !== null) {
    const taken = owner(db, 'SELECT id, name FROM products WHERE sku = ?', d.sku, id);
    if (taken)
      throw conflict(`El código interno ${d.sku} ya es de «${taken.name}»`, {
        productId: taken.id,
      });
  }
  if (d.plu !== null) {
    const taken = owner(db, 'SELECT id, name FROM products WHERE plu = ?', d.plu, id);
    if (taken) throw conflict(`El PLU ${d.plu} ya es de «${taken.name}»`, { productId: taken.id });
  }
  if (
    d.categoryId !== null &&
    !prep(db, 'SELECT 1 FROM categories WHERE id = ?').get(d.categoryId)
  ) {
    throw invalid('La categoría elegida no existe');
  }
  const supplierCuit =
    d.supplierCuit === null ? null : domainOrInvalid(() => normalizeCuit(d.supplierCuit as string));
  if (d.maxStock !== null && (d.maxStock < 0 || d.maxStock < d.minStock)) {
    throw invalid('El stock máximo no puede ser menor que el stock mínimo');
  }
  return { ...d, barcodes, supplierCuit };
}

function domainOrInvalid<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (isDomainError(err)) throw invalid(err.message);
    throw err;
  }
}

const INPUT_KEYS = [
  'sku',
  'plu',
  'name',
  'brand',
  'categoryId',
  'unit',
  'ivaRateBp',
  'cost',
  'price',
  'minStock',
  'maxStock',
  'supplierCuit',
  'active',
  'barcodes',
] as const satisfies readonly (keyof ProductInput & keyof ProductData)[];

function inputToData(input: ProductInput, costDate: number | null): ProductData {
  return {
    sku: input.sku,
    plu: input.plu,
    name: input.name,
    brand: input.brand,
    categoryId: input.categoryId,
    unit: input.unit,
    ivaRateBp: input.ivaRateBp,
    cost: input.cost,
    costDate,
    price: input.price,
    minStock: input.minStock,
    maxStock: input.maxStock,
    supplierCuit: input.supplierCuit,
    active: input.active,
    barcodes: input.barcodes,
  };
}

export function createProduct(ctx: Ctx, input: ProductInput): Product {
  const now = ctx.now();
  const id = ctx.newId();
  ctx.tx(() => {
    const d = validate(ctx.db, null, inputToData(input, input.cost > 0 ? now : null));
    insertProductData(ctx, id, d, categoryPathOf(ctx.db, d.categoryId), 'product.create', now);
  });
  return getProduct(ctx.db, id);
}

/** Applies only the keys present in `changes`; the cost date moves when the cost does. */
export function updateProduct(ctx: Ctx, id: string, changes: ProductChanges): Product {
  const now = ctx.now();
  ctx.tx(() => {
    const row = getProductRow(ctx.db, id);
    if (!row) throw notFound('El producto');
    const before = productData(row, barcodesOf(ctx.db, id));
    const merged: ProductData = { ...before };
    for (const k of INPUT_KEYS) {
      const v = changes[k];
      if (v !== undefined) (merged as Record<string, unknown>)[k] = v;
    }
    if (merged.cost !== before.cost) merged.costDate = merged.cost > 0 ? now : null;
    const after = validate(ctx.db, id, merged);
    const path = categoryPathOf(ctx.db, after.categoryId);
    updateProductData(ctx, id, row.rid, before, after, path, 'product.update', now);
  });
  return getProduct(ctx.db, id);
}
