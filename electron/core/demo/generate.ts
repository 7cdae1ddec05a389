import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import { foldText } from '../../../shared/domain/text.ts';
import { ensureCategoryPath, loadCategoryTree } from '../catalog/categories.ts';
import { insertProductData } from '../catalog/products.ts';
import type { ProductData } from '../catalog/snapshots.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { createLocation, listLocations } from '../stock/locations.ts';
import { buildDemoCatalog, salesDrawsPerDay, type DemoProduct } from './catalog.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  ledgerSalesWriter,
  localDate,
  localDayStart,
  planDaySales,
  popularityTable,
  postDeliveries,
  postOpeningStock,
  postRestocking,
  postSales,
  shelfSize,
  type Clock,
  type History,
  type Locations,
  type SalesWriter,
  type SimItem,
} from './history.ts';
import { createRng, deriveSeed } from './random.ts';
import type { SupplierKey } from './suppliers.ts';

export type DemoOptions = { products: number; days: number; seed: number };

export type DemoSummary = {
  products: number;
  categories: number;
  suppliers: number;
  movements: number;
  days: number;
};

export type DemoProgress = (done: number, total: number, label: string) => void;

// Rows per transaction: big enough that commits (fsync with synchronous=FULL) do not dominate,
// small enough that the progress moves and a reader is never locked out for long.
const PRODUCTS_PER_TX = 2_000;
const OPENING_PER_TX = 2_000; // one or two movements each
const SALES_PER_TX = 2_500;

/**
 * Fills an empty store with a realistic mini-market: categories, products with codes and prices,
 * and `days` days (today's hours so far included) of deliveries, shelf restocking and sales up to
 * ctx.now(). Products go through the catalog's bulk insert and stock through the ledger's
 * postMovement, so every row has its audit entry and the chain verifies. Deterministic for a
 * seed, except the ids and the audit entries' own times, which come from ctx.
 */
export function generateDemoData(
  ctx: Ctx,
  opts: DemoOptions,
  onProgress?: DemoProgress,
  writeSale: SalesWriter = ledgerSalesWriter,
): DemoSummary {
  const labels = {
    products: 'La cantidad de productos',
    days: 'La cantidad de días',
    seed: 'La semilla',
  };
  for (const key of ['products', 'days', 'seed'] as const) {
    const value = opts[key];
    if (!Number.isInteger(value) || value < 0) {
      throw invalid(`${labels[key]} debe ser un número entero positivo`);
    }
  }
  const existing = ctx.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number };
  // Demo stock and sales mixed into a real shop's ledger could never be told apart again.
  if (existing.n > 0) {
    throw conflict(
      'La tienda ya tiene productos: los datos de ejemplo se cargan solo en una tienda vacía',
    );
  }
  const progress = onProgress ?? (() => {});
  const now = ctx.now();
  const catalog = buildDemoCatalog(opts.seed, opts.products);
  const rng = createRng(deriveSeed(opts.seed, 'history'));
  const clock: Clock = { t: now };
  // Same store and audit writer, but every row it stamps gets the simulated time.
  const at: Ctx = { ...ctx, now: () => clock.t };
  const firstDay = opts.days > 0 ? localDayStart(now) - (opts.days - 1) * DAY : localDayStart(now);

  // Categories predate every product (the oldest is ~180 days older than the history).
  clock.t = Math.min(now, firstDay - 200 * DAY);
  const locations = ctx.tx(() => ensureLocations(at));
  const categories = ctx.tx(() => {
    const tree = loadCategoryTree(ctx.db);
    const byKey = new Map<string, { id: string; path: string }>();
    for (const segments of catalog.categoryPaths) {
      const id = ensureCategoryPath(at, tree, segments);
      byKey.set(segments.join(' › '), { id, path: tree.paths.get(id) ?? segments.join(' › ') });
    }
    return byKey;
  });

  const cuits = new Map<SupplierKey, string>(
    catalog.suppliers.map((s) => [s.key, normalizeCuit(s.cuit)]),
  );
  const items: SimItem[] = [];
  for (let from = 0; from < catalog.products.length; from += PRODUCTS_PER_TX) {
    const batch = catalog.products.slice(from, from + PRODUCTS_PER_TX);
    ctx.tx(() => {
      for (const p of batch) {
        const createdAt = Math.min(
          now,
          firstDay - p.ageDays * DAY + rng.int(10 * 60, 19 * 60) * MINUTE,
        );
        // The last price list came some time after the product was first stocked.
        const costDate = Math.min(now, createdAt + rng.int(0, Math.max(0, p.ageDays - 1)) * DAY);
        const category = categories.get(p.categoryPath.join(' › ')) ?? null;
        const id = ctx.newId();
        const data = productData(p, category?.id ?? null, cuits.get(p.supplier) ?? null, costDate);
        clock.t = createdAt;
        insertProductData(at, id, data, category?.path ?? null, 'product.demo_create', createdAt);
        items.push({ id, p, depo: 0, salon: 0, shelf: shelfSize(p) });
      }
    });
    progress(items.length, catalog.products.length, 'Productos');
  }

  const bySupplier = new Map<SupplierKey, SimItem[]>();
  for (const item of items) {
    const list = bySupplier.get(item.p.supplier);
    if (list) list.push(item);
    else bySupplier.set(item.p.supplier, [item]);
  }
  const h: History = {
    ctx: at,
    clock,
    now,
    rng,
    items,
    bySupplier,
    suppliers: catalog.suppliers,
    locations,
    drawsPerDay: salesDrawsPerDay(opts.products),
    writeSale,
    movements: 0,
  };

  const openingAt = firstDay + 7 * HOUR + 30 * MINUTE;
  for (let from = 0; from < items.length; from += OPENING_PER_TX) {
    ctx.tx(() =>
      postOpeningStock(h, openingAt, from, Math.min(items.length, from + OPENING_PER_TX)),
    );
    progress(Math.min(items.length, from + OPENING_PER_TX), items.length, 'Stock inicial');
  }

  writeDays(h, firstDay, opts.days, progress);
  ctx.emit({ type: 'catalog.changed', payload: { productIds: 'all' } });
  return {
    products: items.length,
    categories: categories.size,
    suppliers: new Set(catalog.products.map((p) => p.supplier)).size,
    movements: h.movements,
    days: opts.days,
  };
}

/** Deliveries, the morning restock and the day's sales, one day after another. */
function writeDays(h: History, firstDay: number, days: number, progress: DemoProgress): void {
  const table = popularityTable(h.items);
  const dirty = new Set<SimItem>();
  for (let d = 0; d < days; d++) {
    const dayStart = firstDay + d * DAY;
    h.ctx.tx(() => {
      postDeliveries(h, d, dayStart, dirty);
      postRestocking(h, dayStart, dirty);
    });
    const lines = planDaySales(h.rng, h.items, table, dayStart, h.drawsPerDay);
    const dayRef = localDate(dayStart);
    for (let from = 0; from < lines.length; from += SALES_PER_TX) {
      h.ctx.tx(() => postSales(h, lines.slice(from, from + SALES_PER_TX), dayRef, dirty));
    }
    progress(d + 1, days, 'Historial');
  }
}

/**
 * What the catalog stores, already in its validated form: the demo's codes are unique and well
 * formed by construction, so it uses the catalog's bulk insert (the one the CSV import uses)
 * rather than validating 100 000 rows one query at a time.
 */
function productData(
  p: DemoProduct,
  categoryId: string | null,
  supplierCuit: string | null,
  costDate: number,
): ProductData {
  return {
    name: p.name,
    brand: p.brand,
    sku: p.sku,
    plu: p.plu,
    categoryId,
    unit: p.unit,
    ivaRateBp: p.ivaRateBp,
    cost: p.cost,
    costDate,
    price: p.price,
    minStock: p.minStock,
    maxStock: p.maxStock,
    supplierCuit,
    active: true,
    barcodes: p.barcodes,
  };
}

/** Salón and Depósito: the owner's setup creates them; a bare store gets them here. */
function ensureLocations(ctx: Ctx): Locations {
  const find = (name: string): string | undefined =>
    listLocations(ctx.db).find((l) => foldText(l.name) === foldText(name))?.id;
  const salon = find('Salón') ?? createLocation(ctx, 'Salón').id;
  const depo = find('Depósito') ?? createLocation(ctx, 'Depósito').id;
  return { salon, depo };
}
