import { normalizeCuit } from '../../../shared/domain/cuit.ts';
import { foldText } from '../../../shared/domain/text.ts';
import { ensureCategoryPath, loadCategoryTree } from '../catalog/categories.ts';
import { insertProductData } from '../catalog/products.ts';
import type { ProductData } from '../catalog/snapshots.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid } from '../errors.ts';
import { saveSupplier } from '../invoices/suppliers.ts';
import { readPosSettings } from '../sales/settings.ts';
import { createLocation, listLocations } from '../stock/locations.ts';
import { readSettings } from '../system/settings.ts';
import { systemHandlers } from '../system/handlers.ts';
import {
  buildDemoCatalog,
  salesDrawsPerDay,
  type DemoCatalog,
  type DemoProduct,
} from './catalog.ts';
import { openTill, planTickets, type Till } from './counter.ts';
import {
  DAY,
  HOUR,
  MINUTE,
  localDayStart,
  planDaySales,
  planDeliveries,
  popularityTable,
  postOpeningStock,
  postRestocking,
  shelfSize,
  type Clock,
  type History,
  type Locations,
  type SimItem,
} from './history.ts';
import { raiseLists, receiveDelivery, startPurchasing, type Purchasing } from './purchases.ts';
import { createRng, deriveSeed, type Rng } from './random.ts';
import { planShifts, runShift } from './shifts.ts';
import { createCustomers, createStaff, DEMO_USERS, type DemoUser, type Staff } from './staff.ts';
import { readSummary, type DemoSummary } from './summary.ts';
import { companyCuit, type SupplierKey } from './suppliers.ts';

export type { DemoSummary } from './summary.ts';

export type DemoOptions = { products: number; days: number; seed: number };

export type DemoProgress = (done: number, total: number, label: string) => void;

// Rows per transaction: big enough that commits (fsync with synchronous=FULL) do not dominate,
// small enough that the progress moves and a reader is never locked out for long.
const PRODUCTS_PER_TX = 2_000;
const OPENING_PER_TX = 2_000; // one or two movements each

function checkOptions(ctx: Ctx, opts: DemoOptions): void {
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
  if (ctx.db.prepare("SELECT 1 FROM cash_sessions WHERE status = 'abierta'").get()) {
    throw conflict('Hay una caja abierta: los datos de ejemplo se cargan solo en una tienda vacía');
  }
}

/**
 * Fills an empty store with a realistic mini-market: categories, products with codes and prices,
 * suppliers, staff and customers, and `days` days (today's hours so far included) of purchase
 * invoices, repricing, shelf restocking and two cash shifts of tickets a day, up to ctx.now().
 * Everything goes through the core's own code — the catalog's bulk insert, the ledger, invoice
 * extract and apply, mass price updates, cash sessions, sales, returns, approvals — so every row
 * has its audit entry and the chain verifies. Deterministic for a seed, except the ids and the
 * audit entries' own times, which come from ctx.
 */
export async function generateDemoData(
  ctx: Ctx,
  opts: DemoOptions,
  onProgress?: DemoProgress,
): Promise<DemoSummary> {
  checkOptions(ctx, opts);
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
  const store = storeIdentity(at, catalog, createRng(deriveSeed(opts.seed, 'store')));
  const categories = ctx.tx(() => {
    const tree = loadCategoryTree(ctx.db);
    const byKey = new Map<string, { id: string; path: string }>();
    for (const segments of catalog.categoryPaths) {
      const id = ensureCategoryPath(at, tree, segments);
      byKey.set(segments.join(' › '), { id, path: tree.paths.get(id) ?? segments.join(' › ') });
    }
    return byKey;
  });
  ctx.tx(() => registerSuppliers(at, catalog));
  const items = insertProducts(at, now, clock, catalog, categories, firstDay, rng, progress);

  // The staff joined some weeks before the shop started using the app for everything.
  clock.t = Math.min(now, firstDay - 45 * DAY);
  const staff = ctx.tx(() => createStaff(at));
  clock.t = Math.min(now, firstDay - 30 * DAY);
  const customers = ctx.tx(() =>
    createCustomers(staff.owner, rng, Math.min(10, 2 + Math.floor(opts.products / 250))),
  );

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
  };

  const openingAt = firstDay + 7 * HOUR;
  for (let from = 0; from < items.length; from += OPENING_PER_TX) {
    ctx.tx(() =>
      postOpeningStock(h, openingAt, from, Math.min(items.length, from + OPENING_PER_TX)),
    );
    progress(Math.min(items.length, from + OPENING_PER_TX), items.length, 'Stock inicial');
  }

  const pur = startPurchasing(h, rng, staff, store);
  const weightLabel = readPosSettings(ctx.db).scaleLayouts.find((l) => l.valueKind === 'weight');
  const till = openTill(h, staff, customers, weightLabel ?? null);
  await writeDays(h, pur, till, staff, firstDay, opts.days, progress);
  ctx.emit({ type: 'catalog.changed', payload: { productIds: 'all' } });
  return readSummary(ctx.db, {
    days: opts.days,
    categories: categories.size,
    users: Object.values(DEMO_USERS).map((u): DemoUser => ({ ...u })),
    tally: till.tally,
  });
}

/** The shop's CUIT, as its suppliers' invoices name it; set once if the owner had not. */
function storeIdentity(ctx: Ctx, catalog: DemoCatalog, rng: Rng): { name: string; cuit: string } {
  const settings = readSettings(ctx.db);
  if (settings.storeCuit) {
    return { name: settings.storeName, cuit: normalizeCuit(settings.storeCuit) };
  }
  const taken = new Set(catalog.suppliers.map((s) => s.cuit));
  const cuit = normalizeCuit(companyCuit(rng, taken));
  systemHandlers['settings.update'](
    {
      storeCuit: cuit,
      ...(settings.storeAddress ? {} : { storeAddress: 'Av. Avellaneda 2150, CABA' }),
    },
    ctx,
  );
  return { name: settings.storeName, cuit };
}

/**
 * The suppliers the catalog names, on file as the owner registers them: Factura A prices net
 * of IVA, pack sizes in the descriptions honoured (the defaults an invoice would create).
 */
function registerSuppliers(ctx: Ctx, catalog: DemoCatalog): void {
  const used = new Set(catalog.products.map((p) => p.supplier));
  for (const s of catalog.suppliers) {
    if (!used.has(s.key)) continue;
    saveSupplier(ctx, {
      cuit: normalizeCuit(s.cuit),
      name: s.name,
      pricesIncludeIva: false,
      pricesPerPack: true,
    });
  }
}

/** The catalog, through the bulk insert the CSV import uses, each product dated when it came. */
function insertProducts(
  at: Ctx,
  now: number,
  clock: Clock,
  catalog: DemoCatalog,
  categories: Map<string, { id: string; path: string }>,
  firstDay: number,
  rng: Rng,
  progress: DemoProgress,
): SimItem[] {
  const cuits = new Map<SupplierKey, string>(
    catalog.suppliers.map((s) => [s.key, normalizeCuit(s.cuit)]),
  );
  const items: SimItem[] = [];
  for (let from = 0; from < catalog.products.length; from += PRODUCTS_PER_TX) {
    const batch = catalog.products.slice(from, from + PRODUCTS_PER_TX);
    at.tx(() => {
      for (const p of batch) {
        const createdAt = Math.min(
          now,
          firstDay - p.ageDays * DAY + rng.int(10 * 60, 19 * 60) * MINUTE,
        );
        // The last price list came some time after the product was first stocked.
        const costDate = Math.min(now, createdAt + rng.int(0, Math.max(0, p.ageDays - 1)) * DAY);
        const category = categories.get(p.categoryPath.join(' › ')) ?? null;
        const id = at.newId();
        const data = productData(p, category?.id ?? null, cuits.get(p.supplier) ?? null, costDate);
        clock.t = createdAt;
        insertProductData(at, id, data, category?.path ?? null, 'product.demo_create', createdAt);
        items.push({
          id,
          p,
          depo: 0,
          salon: 0,
          shelf: shelfSize(p),
          price: p.price,
          cost: p.cost,
          listCost: p.cost,
        });
      }
    });
    progress(items.length, catalog.products.length, 'Productos');
  }
  return items;
}

/**
 * One transaction a day: the morning's list raises, deliveries with their invoices and new
 * prices, the restocking round, then the two shifts. A no-sale drawer opening finishes (its
 * kick) after the day is written.
 */
async function writeDays(
  h: History,
  pur: Purchasing,
  till: Till,
  staff: Staff,
  firstDay: number,
  days: number,
  progress: DemoProgress,
): Promise<void> {
  const table = popularityTable(h.items);
  for (let d = 0; d < days; d++) {
    const dayStart = firstDay + d * DAY;
    h.ctx.tx(() => {
      raiseLists(h, pur, d);
      for (const delivery of planDeliveries(h, d, dayStart)) {
        receiveDelivery(h, pur, delivery, till.dirty);
      }
      postRestocking(h, dayStart, till.dirty);
      const lines = planDaySales(h.rng, h.items, table, dayStart, h.drawsPerDay);
      const shifts = planShifts(h.rng, dayStart, planTickets(h.rng, lines), staff);
      // A shop with nothing to sell opens no drawer.
      if (h.items.length > 0) for (const s of shifts) runShift(till, s);
    });
    await Promise.all(till.pending.splice(0));
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
