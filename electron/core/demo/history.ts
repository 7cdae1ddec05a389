import type { Ctx } from '../context.ts';
import { postMovement } from '../stock/ledger.ts';
import type { DemoProduct } from './catalog.ts';
import type { Rng } from './random.ts';
import type { Supplier, SupplierKey } from './suppliers.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
// Argentina has kept UTC−3 all year since 2009; the shop's day must not depend on the PC's zone.
const AR_OFFSET = -3 * HOUR;

/** Epoch ms of the Argentine midnight that starts the day containing t. */
export function localDayStart(t: number): number {
  return Math.floor((t + AR_OFFSET) / DAY) * DAY - AR_OFFSET;
}

/** "2026-11-23": the Argentine calendar date of a local midnight. */
export function localDate(dayStart: number): string {
  return new Date(dayStart + AR_OFFSET).toISOString().slice(0, 10);
}

/** Sunday … Saturday. Weekends and the days after payday sell more. */
const WEEKDAY_FACTOR = [1.15, 0.85, 0.9, 0.95, 1.0, 1.2, 1.4];
/** Share of the day's sales per opening hour, 8:00 to 21:59: lunch and after-work peaks. */
const HOUR_WEIGHT = [0.5, 0.7, 0.9, 1.2, 1.3, 1.0, 0.6, 0.5, 0.6, 0.9, 1.3, 1.5, 1.4, 0.9];
const HOUR_CUMULATIVE = HOUR_WEIGHT.reduce<number[]>(
  (acc, w) => [...acc, (acc.at(-1) ?? 0) + w],
  [],
);
/** A few thousand sale lines a day at most, whatever the catalog size: history stays bounded. */
export const MAX_SALE_LINES_PER_DAY = 4_000;

/**
 * What the history knows of a product: its id in the store, where its stock sits, and the
 * shelf price, cost and supplier's list cost as they move with inflation.
 */
export type SimItem = {
  id: string;
  p: DemoProduct;
  depo: number;
  salon: number;
  shelf: number;
  /** Centavos, IVA included: the shelf price now. */
  price: number;
  /** Centavos net of IVA: the cost the catalog holds now. */
  cost: number;
  /** Centavos net of IVA: what the supplier charges today; the next invoice brings it in. */
  listCost: number;
};

export type Locations = { salon: string; depo: string };

export type SaleLine = { item: SimItem; qty: number; at: number };

/** What a supplier brings on one morning: product units (thousandths) per item. */
export type Delivery = {
  supplier: Supplier;
  at: number;
  lines: { item: SimItem; qty: number }[];
};

/** A clock the history moves: every write it makes is stamped with `clock.t`. */
export type Clock = { t: number };

export type History = {
  ctx: Ctx;
  clock: Clock;
  /** The real present: nothing is stamped later than this. */
  now: number;
  rng: Rng;
  items: SimItem[];
  bySupplier: Map<SupplierKey, SimItem[]>;
  suppliers: Supplier[];
  locations: Locations;
  drawsPerDay: number;
};

function post(h: History, at: number, m: Parameters<typeof postMovement>[1]): void {
  h.clock.t = Math.min(at, h.now);
  postMovement(h.ctx, m);
}

export function transfer(h: History, item: SimItem, qty: number, at: number, reason: string): void {
  const transferId = h.ctx.newId();
  const common = { productId: item.id, kind: 'transferencia' as const, reason, transferId };
  post(h, at, { ...common, locationId: h.locations.depo, qty: -qty });
  post(h, at, { ...common, locationId: h.locations.salon, qty });
  item.depo -= qty;
  item.salon += qty;
}

/** What fits on the product's shelf space: most of its target, and at least a whole case. */
export function shelfSize(p: DemoProduct): number {
  const step = p.unit === 'u' ? 1_000 : 500;
  return Math.max(Math.round((p.target * 0.7) / step) * step, p.caseQty, p.lineQty * 3);
}

/**
 * The count the shop made the day it started using the app: one `ajuste` per location. Weighed
 * goods live at the counter, so all of them go to the Salón.
 */
export function postOpeningStock(h: History, at: number, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const item = h.items[i] as SimItem;
    const onShelf = item.p.plu !== null ? item.p.target : Math.min(item.shelf, item.p.target);
    const common = { productId: item.id, kind: 'ajuste' as const, reason: 'Inventario inicial' };
    post(h, at, { ...common, locationId: h.locations.salon, qty: onShelf });
    item.salon = onShelf;
    const back = item.p.target - onShelf;
    if (back > 0) {
      post(h, at, { ...common, locationId: h.locations.depo, qty: back });
      item.depo = back;
    }
  }
}

/**
 * Suppliers due today bring what fell to the reorder point, rounded up to whole cases; they
 * come early, before the shop opens. Only plans: the invoice that brings the goods in writes.
 */
export function planDeliveries(h: History, day: number, dayStart: number): Delivery[] {
  const out: Delivery[] = [];
  for (const s of h.suppliers) {
    if (day === 0 || (day - s.offset) % s.everyDays !== 0) continue;
    const lines: Delivery['lines'] = [];
    for (const item of h.bySupplier.get(s.key) ?? []) {
      const p = item.p;
      if (p.shortage) continue;
      const stock = item.depo + item.salon;
      const reorder = p.minStock > 0 ? p.minStock : Math.round(p.target / 4);
      if (stock > reorder) continue;
      const qty = Math.ceil((p.target - stock) / p.caseQty) * p.caseQty;
      if (qty > 0) lines.push({ item, qty });
    }
    const at = dayStart + 6 * HOUR + 30 * MINUTE + h.rng.int(0, 70) * MINUTE;
    if (lines.length > 0) out.push({ supplier: s, at, lines });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** The morning round before opening: refill the shelves that sold down, from the Depósito. */
export function postRestocking(h: History, dayStart: number, dirty: Set<SimItem>): void {
  const at = dayStart + 7 * HOUR + 45 * MINUTE + h.rng.int(0, 10) * MINUTE;
  if (at > h.now) return;
  for (const item of dirty) {
    if (item.salon * 2 >= item.shelf || item.depo <= 0) continue;
    transfer(h, item, Math.min(item.depo, item.shelf - item.salon), at, 'Reposición');
  }
  dirty.clear();
}

/** Cumulative popularity, for drawing products in proportion to how well they sell. */
export function popularityTable(items: readonly SimItem[]): Float64Array {
  const table = new Float64Array(items.length);
  let sum = 0;
  for (let i = 0; i < items.length; i++) {
    sum += (items[i] as SimItem).p.popularity;
    table[i] = sum;
  }
  return table;
}

function draw(rng: Rng, table: Float64Array): number {
  const x = rng.next() * (table[table.length - 1] ?? 0);
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((table[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function lineQty(rng: Rng, p: DemoProduct): number {
  if (p.unit === 'u') {
    const r = rng.next();
    return (r < 0.72 ? 1 : r < 0.92 ? 2 : rng.int(3, 6)) * 1_000;
  }
  // A scale reads to the gram; people ask for "un cuarto", "medio kilo"… and get close to it.
  return Math.max(50, Math.round(p.lineQty * rng.spread(0.45)));
}

export function dayFactor(dayStart: number): number {
  const date = new Date(dayStart + AR_OFFSET);
  const payday = date.getUTCDate() <= 5 ? 1.1 : 1;
  return (WEEKDAY_FACTOR[date.getUTCDay()] ?? 1) * payday;
}

/**
 * One day's sale lines, in time order: which product, how much and when. Pure — it neither reads
 * nor writes the store; the counter groups them into tickets.
 */
export function planDaySales(
  rng: Rng,
  items: readonly SimItem[],
  table: Float64Array,
  dayStart: number,
  drawsPerDay: number,
): SaleLine[] {
  if (items.length === 0) return [];
  const count = Math.min(
    MAX_SALE_LINES_PER_DAY,
    Math.round(drawsPerDay * dayFactor(dayStart) * rng.spread(0.06)),
  );
  const total = HOUR_CUMULATIVE.at(-1) ?? 1;
  const lines: SaleLine[] = [];
  for (let i = 0; i < count; i++) {
    const item = items[draw(rng, table)] as SimItem;
    const x = rng.next() * total;
    const hour = HOUR_CUMULATIVE.findIndex((c) => c > x);
    const at = dayStart + (8 + Math.max(0, hour)) * HOUR + rng.int(0, HOUR - 1);
    lines.push({ item, qty: lineQty(rng, item.p), at });
  }
  return lines.sort((a, b) => a.at - b.at);
}

/**
 * How much of `qty` the Salón can sell right now: when the shelf runs short the repositor brings
 * more from the Depósito first (two minutes before), and what neither holds is a lost sale.
 */
export function fromShelf(h: History, item: SimItem, qty: number, at: number): number {
  if (item.salon < qty && item.depo > 0) {
    const more = Math.min(item.depo, item.shelf - item.salon + qty);
    transfer(h, item, more, at - 2 * MINUTE, 'Reposición');
  }
  return Math.min(qty, item.salon);
}
