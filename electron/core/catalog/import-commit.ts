import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { postMovement } from '../stock/ledger.ts';
import { ensureCategoryPath, loadCategoryTree, type CategoryTree } from './categories.ts';
import { catalogSeq, scratchKey, takePreview, type ImportRow } from './import.ts';
import { getProductRow, insertProductData, updateProductData, barcodesOf } from './products.ts';
import { barcodesByProduct, productData, type ProductData, type ProductRow } from './snapshots.ts';
import { prep } from './statements.ts';

const PROGRESS_EVERY = 2_000;
/** Below this many updates, point reads beat loading the whole catalog into memory. */
const PRELOAD_FROM = 1_000;
export const IMPORT_STOCK_REASON = 'Importación de catálogo';

type Current = { rid: number; data: ProductData };

function resolveLocation(db: Database, locationId: string | undefined): string {
  if (locationId !== undefined) {
    const loc = prep<[string], { id: string; name: string; active: number }>(
      db,
      'SELECT id, name, active FROM locations WHERE id = ?',
    ).get(locationId);
    if (!loc) throw notFound('La ubicación');
    if (loc.active !== 1) throw invalid(`La ubicación «${loc.name}» está desactivada`);
    return loc.id;
  }
  // The shop floor is where a fresh catalog's stock usually is.
  const loc = prep<[], { id: string }>(
    db,
    "SELECT id FROM locations WHERE active = 1 ORDER BY name = 'Salón' COLLATE NOCASE DESC, sort, name LIMIT 1",
  ).get();
  if (!loc) throw invalid('No hay ubicaciones de stock: creá una antes de importar stock');
  return loc.id;
}

/** Current state of the products the import updates: one pass for big files, point reads for small. */
function currentReader(db: Database, rows: readonly ImportRow[]): (id: string) => Current {
  const updates = rows.filter((r) => r.productId !== null).length;
  if (updates < PRELOAD_FROM) {
    return (id) => {
      const row = getProductRow(db, id);
      if (!row)
        throw conflict('Un producto de la importación fue borrado: volvé a cargar el archivo');
      return { rid: row.rid, data: productData(row, barcodesOf(db, id)) };
    };
  }
  const codes = barcodesByProduct(db);
  const all = new Map<string, Current>();
  for (const row of prep<[], ProductRow & { rid: number }>(
    db,
    'SELECT rowid AS rid, * FROM products',
  ).iterate()) {
    all.set(row.id, { rid: row.rid, data: productData(row, codes.get(row.id) ?? []) });
  }
  return (id) => {
    const c = all.get(id);
    if (!c) throw conflict('Un producto de la importación fue borrado: volvé a cargar el archivo');
    return c;
  };
}

const CREATE_DEFAULTS: Omit<ProductData, 'name' | 'price' | 'barcodes'> = {
  sku: null,
  plu: null,
  brand: null,
  categoryId: null,
  unit: 'u',
  ivaRateBp: 2100,
  cost: 0,
  costDate: null,
  minStock: 0,
  maxStock: null,
  supplierCuit: null,
  active: true,
};

/** The row's filled cells over what the product has (or the defaults); barcodes are only added. */
type Resolved = Map<string, string>;

function merge(
  ctx: Ctx,
  tree: CategoryTree,
  resolved: Resolved,
  base: ProductData | null,
  row: ImportRow,
  now: number,
): ProductData {
  const f = row.fields;
  const b: ProductData = base ?? { ...CREATE_DEFAULTS, name: f.name, price: f.price, barcodes: [] };
  let categoryId = b.categoryId;
  if (f.category !== undefined) {
    // A file repeats a few dozen paths thousands of times: fold each one once.
    const key = f.category.join('\u0000');
    categoryId = resolved.get(key) ?? ensureCategoryPath(ctx, tree, f.category);
    resolved.set(key, categoryId);
  }
  const cost = f.cost ?? b.cost;
  const barcodes = [...b.barcodes];
  for (const c of f.barcodes) if (!barcodes.includes(c)) barcodes.push(c);
  return {
    sku: f.sku ?? b.sku,
    plu: f.plu ?? b.plu,
    name: f.name,
    brand: f.brand ?? b.brand,
    categoryId,
    unit: f.unit ?? b.unit,
    ivaRateBp: f.ivaRateBp ?? b.ivaRateBp,
    cost,
    costDate: base !== null && cost === b.cost ? b.costDate : cost > 0 ? now : null,
    price: f.price,
    minStock: f.minStock ?? b.minStock,
    maxStock: b.maxStock,
    supplierCuit: f.supplierCuit ?? b.supplierCuit,
    active: b.active,
    barcodes,
  };
}

/**
 * Writes every row that passed the preview in ONE transaction: products, codes, word index,
 * categories, an audit entry per product, stock ajustes through the ledger and a summary entry.
 */
export function commitImport(ctx: Ctx, importId: string, locationId?: string): ImportResult {
  const entry = takePreview(ctx, importId);
  const total = entry.rows.length;
  const progress = (done: number): void =>
    ctx.emit({
      type: 'jobs.progress',
      payload: { jobId: importId, label: 'Importando catálogo', done, total },
    });

  // One time for the whole file: every product it touches shows the same moment.
  const now = ctx.now();
  const result = ctx.tx(() => {
    if (catalogSeq(ctx.db) !== entry.catalogSeq) {
      ctx.scratch.delete(scratchKey(importId));
      throw conflict(
        'El catálogo cambió desde la vista previa: volvé a cargar el archivo para revisarlo de nuevo',
      );
    }
    const withStock = entry.rows.some((r) => r.fields.stock !== undefined);
    const location =
      withStock || locationId !== undefined ? resolveLocation(ctx.db, locationId) : null;
    const tree = loadCategoryTree(ctx.db);
    const resolved: Resolved = new Map();
    const current = currentReader(ctx.db, entry.rows);
    const stockHere = new Map<string, number>();
    if (
      location !== null &&
      entry.rows.some((r) => r.productId !== null && r.fields.stock !== undefined)
    ) {
      const levels = prep<[string], { product_id: string; qty: number }>(
        ctx.db,
        'SELECT product_id, qty FROM stock_levels WHERE location_id = ?',
      );
      for (const l of levels.iterate(location)) stockHere.set(l.product_id, l.qty);
    }
    const reference = entry.fileName.slice(0, 80);
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    let stockMovements = 0;
    const moved: string[] = [];
    entry.rows.forEach((row, i) => {
      let productId: string;
      let stockNow = 0;
      if (row.productId === null) {
        productId = ctx.newId();
        const d = merge(ctx, tree, resolved, null, row, now);
        insertProductData(
          ctx,
          productId,
          d,
          pathOf(tree, d.categoryId),
          'product.import_create',
          now,
        );
        created++;
      } else {
        productId = row.productId;
        const before = current(productId);
        const after = merge(ctx, tree, resolved, before.data, row, now);
        const path = pathOf(tree, after.categoryId);
        const action = 'product.import_update';
        const wrote = updateProductData(
          ctx,
          productId,
          before.rid,
          before.data,
          after,
          path,
          action,
          now,
        );
        if (wrote) updated++;
        else unchanged++;
        stockNow = stockHere.get(productId) ?? 0;
      }
      const target = row.fields.stock;
      if (target !== undefined && location !== null && target !== stockNow) {
        postMovement(ctx, {
          productId,
          locationId: location,
          qty: target - stockNow,
          kind: 'ajuste',
          reason: IMPORT_STOCK_REASON,
          reference,
        });
        stockMovements++;
        moved.push(productId);
      }
      if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < total) progress(i + 1);
    });
    const summary = {
      fileName: entry.fileName,
      created,
      updated,
      unchanged,
      skipped: entry.errorRows,
      stockMovements,
      locationId: location,
    };
    ctx.audit.append(ctx.actor, {
      action: 'catalog.import',
      entity: 'import',
      entityId: importId,
      after: summary,
    });
    // Rows that changed nothing are reported as skipped: there was nothing to write for them.
    return { created, updated, skipped: entry.errorRows + unchanged, stockMovements, moved };
  });

  ctx.scratch.delete(scratchKey(importId));
  progress(total);
  ctx.emit({ type: 'catalog.changed', payload: { productIds: 'all' } });
  if (result.moved.length > 0)
    ctx.emit({ type: 'stock.changed', payload: { productIds: result.moved } });
  const { moved: _moved, ...summary } = result;
  return summary;
}

const pathOf = (tree: CategoryTree, id: string | null): string | null =>
  id === null ? null : (tree.paths.get(id) ?? null);
