import type { Database } from 'better-sqlite3';
import type { ImportResult } from '../../../shared/contract/index.ts';
import type { Ctx } from '../context.ts';
import { AppError, conflict, invalid, notFound } from '../errors.ts';
import { postMovement, stockAt } from '../stock/ledger.ts';
import { ensureCategoryPath, loadCategoryTree, type CategoryTree } from './categories.ts';
import { catalogSeq, scratchKey, takePreview, type ImportRow } from './import.ts';
import { getProductRow, insertProductData, updateProductData, barcodesOf } from './products.ts';
import { productData, type ProductData } from './snapshots.ts';
import { prep } from '../db/statements.ts';

export const IMPORT_STOCK_REASON = 'Importación de catálogo';

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

/** Rows per transaction: each holds the write lock for well under half a second, so a sale waits at most that during a 100,000-row import. */
const CHUNK = 5_000;

type Totals = { created: number; updated: number; unchanged: number; stockMovements: number };

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Writes every row that passed the preview: products, codes, word index, categories, an audit
 * entry per product and stock ajustes through the ledger, then a summary entry. It commits in
 * chunks and yields between them, so progress reaches the screen and sales and scans go on
 * during a 100,000-row import. Each chunk is whole (a product with its audit entry and its stock);
 * if one fails, what was written stays consistent and importing the same file again finishes
 * the job, because rows then match the products already created.
 */
export async function commitImport(
  ctx: Ctx,
  importId: string,
  locationId?: string,
): Promise<ImportResult> {
  const entry = takePreview(ctx, importId);
  // Taken once: a double click or a retry cannot apply the same preview twice.
  ctx.scratch.delete(scratchKey(importId));
  const total = entry.rows.length;
  const progress = (done: number): void =>
    ctx.emit({
      type: 'jobs.progress',
      payload: { jobId: importId, label: 'Importando catálogo', done, total },
    });

  const now = ctx.now();
  const location = ctx.tx(() => {
    if (catalogSeq(ctx.db) !== entry.catalogSeq) {
      throw conflict(
        'El catálogo cambió desde la vista previa: volvé a cargar el archivo para revisarlo de nuevo',
      );
    }
    const withStock = entry.rows.some((r) => r.fields.stock !== undefined);
    return withStock || locationId !== undefined ? resolveLocation(ctx.db, locationId) : null;
  });
  const tree = loadCategoryTree(ctx.db);
  const resolved: Resolved = new Map();
  const reference = entry.fileName.slice(0, 80);
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, stockMovements: 0 };
  const moved: string[] = [];

  const writeRow = (row: ImportRow): void => {
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
      totals.created++;
    } else {
      productId = row.productId;
      // Read now, not at preview time: the owner may have edited it while the import ran.
      const current = getProductRow(ctx.db, productId);
      if (!current) {
        throw conflict('Un producto de la importación fue borrado: volvé a cargar el archivo');
      }
      const before = productData(current, barcodesOf(ctx.db, productId));
      const after = merge(ctx, tree, resolved, before, row, now);
      const wrote = updateProductData(
        ctx,
        productId,
        current.rid,
        before,
        after,
        pathOf(tree, after.categoryId),
        'product.import_update',
        now,
      );
      if (wrote) totals.updated++;
      else totals.unchanged++;
      if (location !== null) stockNow = stockAt(ctx.db, productId, location);
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
      totals.stockMovements++;
      moved.push(productId);
    }
  };

  const summary = (done: number, error: string | null) => ({
    fileName: entry.fileName,
    ...totals,
    skipped: entry.errorRows,
    locationId: location,
    rows: total,
    written: done,
    ...(error === null ? {} : { interrupted: error }),
  });

  let done = 0;
  try {
    for (; done < total;) {
      const chunk = entry.rows.slice(done, done + CHUNK);
      ctx.tx(() => chunk.forEach(writeRow));
      done += chunk.length;
      progress(done);
      if (done < total) await nextTurn();
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    ctx.tx(() =>
      ctx.audit.append(ctx.actor, {
        action: 'catalog.import',
        entity: 'import',
        entityId: importId,
        after: summary(done, message),
      }),
    );
    ctx.emit({ type: 'catalog.changed', payload: { productIds: 'all' } });
    throw new AppError(
      err instanceof AppError ? err.code : 'INTERNAL',
      `Se importaron ${done} de ${total} filas y la importación se detuvo: ${message}. Volvé a importar el mismo archivo para completarla.`,
    );
  }
  ctx.tx(() =>
    ctx.audit.append(ctx.actor, {
      action: 'catalog.import',
      entity: 'import',
      entityId: importId,
      after: summary(done, null),
    }),
  );
  ctx.emit({ type: 'catalog.changed', payload: { productIds: 'all' } });
  if (moved.length > 0) ctx.emit({ type: 'stock.changed', payload: { productIds: moved } });
  // Rows that changed nothing are reported as skipped: there was nothing to write for them.
  return {
    created: totals.created,
    updated: totals.updated,
    skipped: entry.errorRows + totals.unchanged,
    stockMovements: totals.stockMovements,
  };
}

const pathOf = (tree: CategoryTree, id: string | null): string | null =>
  id === null ? null : (tree.paths.get(id) ?? null);
