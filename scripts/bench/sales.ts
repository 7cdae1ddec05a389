import type { Database } from 'better-sqlite3';
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract/index.ts';
import { saleTotals } from '../../shared/domain/sale-math.ts';
import { uuidv7 } from '../../shared/domain/uuid.ts';
import { createRng, type Rng } from '../../electron/core/demo/random.ts';
import { percentile, round } from './stats.ts';

type Call = <C extends ChannelName>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
type Record = (name: string, value: number | null, unit: string, target?: number | null, note?: string) => void;
type Sellable = { id: string; price: number; ivaRateBp: number };

const SALES = 10_000;
/** Sales before the measured run, not counted: the JIT, SQLite's page cache and the WAL settle. */
const WARMUP = 500;
const BLOCK = 1_000;
const RAW_WARMUP = 200;
const RAW_SALES = 3_000;
const SHIFT = 2_000;
/** "No slowdown": the last blocks of 1,000 no slower than the first ones by more than this. */
const SLOWDOWN_P50_TARGET = 1.5;
const SLOWDOWN_P99_TARGET = 2;

const sortedCopy = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** p50 and p99 of each block of BLOCK consecutive sales, in order. */
export function blockPercentiles(times: readonly number[], block = BLOCK): { p50: number; p99: number }[] {
  const out: { p50: number; p99: number }[] = [];
  for (let i = 0; i + block <= times.length; i += block) {
    const b = sortedCopy(times.slice(i, i + block));
    out.push({ p50: percentile(b, 50), p99: percentile(b, 99) });
  }
  return out;
}

const middle = (xs: readonly number[]): number => sortedCopy(xs)[Math.floor(xs.length / 2)] ?? NaN;

/**
 * A slowdown is a trend: the median of the last three blocks against the median of the first
 * three, for p50 and for p99 (1 = no slowdown). A single slow block (a WAL checkpoint, the
 * machine busy elsewhere) is not one; the worst block is kept in the details.
 */
export function slowdown(blocks: readonly { p50: number; p99: number }[]): { p50: number; p99: number } {
  if (blocks.length === 0) return { p50: NaN, p99: NaN };
  const early = blocks.slice(0, 3);
  const late = blocks.slice(-3);
  return {
    p50: middle(late.map((b) => b.p50)) / middle(early.map((b) => b.p50)),
    p99: middle(late.map((b) => b.p99)) / middle(early.map((b) => b.p99)),
  };
}

function cart(rng: Rng, products: readonly Sellable[]) {
  const n = 1 + Math.floor(rng.next() * 5);
  const lines = Array.from({ length: n }, () => {
    const p = rng.pick(products);
    return { productId: p.id, qty: 1000 * (1 + Math.floor(rng.next() * 3)), price: p.price, iva: p.ivaRateBp };
  });
  const total = saleTotals(
    lines.map((l) => ({ qty: l.qty, unitPrice: l.price, discountBp: 0, ivaRateBp: l.iva })),
  ).total;
  return { lines, total };
}

/** One sale as the counter sends it: exact cash. */
function saleInput(rng: Rng, products: readonly Sellable[]): InputOf<'sales.commit'> {
  const c = cart(rng, products);
  return {
    idempotencyKey: uuidv7(),
    lines: c.lines.map((l) => ({ productId: l.productId, qty: l.qty })),
    payments: [{ tender: 'efectivo', amount: c.total, tendered: c.total }],
    confirmBelowCost: true,
  };
}

/**
 * The same rows a sale writes, inserted by plain prepared statements with no validation, no
 * totals, no audit hashing: the floor under what the app's logic costs.
 */
function rawWriter(db: Database, sessionId: string, locationId: string) {
  const insSale = db.prepare(
    `INSERT INTO sales (id, number, idempotency_key, at, session_id, user_id, customer_id, location_id,
      subtotal, discount_total, rounding, total, change, iva, flags)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, ?, ?, 0, 0, ?, 0, '[]', '[]')`,
  );
  const insLine = db.prepare(
    `INSERT INTO sale_lines (id, sale_id, line_no, product_id, code, description, unit, qty, list_price,
      unit_price, discount_bp, total, unit_cost, iva_rate_bp) VALUES (?, ?, ?, ?, NULL, 'x', 'u', ?, ?, ?, 0, ?, 0, ?)`,
  );
  const insPay = db.prepare(
    "INSERT INTO sale_payments (id, sale_id, tender, amount, tendered, change) VALUES (?, ?, 'efectivo', ?, ?, 0)",
  );
  const insMove = db.prepare(
    "INSERT INTO stock_movements (id, at, product_id, location_id, qty, kind, reason) VALUES (?, ?, ?, ?, ?, 'venta', 'Venta')",
  );
  const bump = db.prepare(
    `INSERT INTO stock_levels (product_id, location_id, qty) VALUES (?, ?, ?)
     ON CONFLICT (product_id, location_id) DO UPDATE SET qty = qty + excluded.qty`,
  );
  const totals = db.prepare(
    `INSERT INTO cash_session_totals (session_id, tender, sales, count) VALUES (?, 'efectivo', ?, 1)
     ON CONFLICT (session_id, tender) DO UPDATE SET sales = sales + excluded.sales, count = count + 1`,
  );
  const insAudit = db.prepare(
    `INSERT INTO audit_log (id, at, user_id, actor, action, entity, entity_id, before, after, prev_hash, hash)
     VALUES (?, ?, NULL, 'bench', 'sale.create', 'sale', ?, NULL, '{}', '', '')`,
  );
  let number = 10_000_000;
  return db.transaction((input: InputOf<'sales.commit'>, prices: Map<string, Sellable>) => {
    const id = uuidv7();
    const now = Date.now();
    const total = input.payments[0]?.amount ?? 0;
    insSale.run(id, ++number, input.idempotencyKey + '-raw', now, sessionId, locationId, total, total);
    input.lines.forEach((l, i) => {
      const p = prices.get(l.productId);
      insLine.run(uuidv7(), id, i + 1, l.productId, l.qty, p?.price ?? 0, p?.price ?? 0, 0, p?.ivaRateBp ?? 2100);
      insMove.run(uuidv7(), now, l.productId, locationId, -l.qty);
      bump.run(l.productId, locationId, -l.qty);
      insAudit.run(uuidv7(), now, uuidv7());
    });
    insPay.run(uuidv7(), id, total, total);
    totals.run(sessionId, total);
    insAudit.run(uuidv7(), now, id);
  });
}

export async function benchSales(opts: { call: Call; db: Database; record: Record; log: (s: string) => void }) {
  const { call, db, record, log } = opts;
  const rng = createRng(11);
  const products = db
    .prepare<[], Sellable>(
      "SELECT id, price, iva_rate_bp AS ivaRateBp FROM products WHERE unit = 'u' AND active = 1 AND price > 0 LIMIT 20000",
    )
    .all();
  const prices = new Map(products.map((p) => [p.id, p]));
  await call('cash.open', { openingFloat: 5_000_000 });

  log(`${SALES.toLocaleString('es-AR')} ventas seguidas (synchronous=FULL), tras ${WARMUP} de calentamiento…`);
  const inputs = Array.from({ length: WARMUP + SALES }, () => saleInput(rng, products));
  const times: number[] = [];
  // Each sale reaches the host as its own request: give the event loop a turn between them,
  // as the web host and the window's IPC do (timers, such as the WAL checkpoint, run there).
  const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  for (const [i, input] of inputs.entries()) {
    const t = performance.now();
    await call('sales.commit', input);
    if (i >= WARMUP) times.push(performance.now() - t);
    await turn();
  }
  const sorted = sortedCopy(times);
  const blocks = blockPercentiles(times);
  const slow = slowdown(blocks);
  const blocksNote = `mediana de los 3 últimos bloques de ${BLOCK.toLocaleString('es-AR')} ÷ la de los 3 primeros, ${SALES.toLocaleString('es-AR')} ventas seguidas tras ${WARMUP} sin contar`;
  record('sale_commit_p50_ms', round(percentile(sorted, 50), 3), 'ms');
  record('sale_commit_p99_ms', round(percentile(sorted, 99), 3), 'ms', 5);
  record('sale_commit_slowdown_p50_ratio', round(slow.p50, 2), 'x', SLOWDOWN_P50_TARGET, `mediana: ${blocksNote}`);
  record('sale_commit_slowdown_p99_ratio', round(slow.p99, 2), 'x', SLOWDOWN_P99_TARGET, `p99: ${blocksNote}`);

  const session = await call('cash.current', {});
  const location = db.prepare("SELECT id FROM locations WHERE name = 'Salón'").get() as { id: string };
  const raw = rawWriter(db, session?.id ?? '', location.id);
  const rawTimes: number[] = [];
  for (const [i, input] of inputs.slice(0, RAW_WARMUP + RAW_SALES).entries()) {
    const t = performance.now();
    raw(input, prices);
    if (i >= RAW_WARMUP) rawTimes.push(performance.now() - t);
    await turn();
  }
  rawTimes.sort((a, b) => a - b);
  const rawNote = 'mismas filas, sin la lógica de la app';
  const ratioNote = 'sales.commit ÷ los mismos INSERT sin la lógica de la app';
  record('raw_sale_inserts_p50_ms', round(percentile(rawTimes, 50), 3), 'ms', null, rawNote);
  record('raw_sale_inserts_p99_ms', round(percentile(rawTimes, 99), 3), 'ms', null, rawNote);
  record('sale_commit_vs_raw_p50_ratio', round(percentile(sorted, 50) / percentile(rawTimes, 50), 1), 'x', null, ratioNote);
  record('sale_commit_vs_raw_p99_ratio', round(percentile(sorted, 99) / percentile(rawTimes, 99), 1), 'x', null, ratioNote);
  // The raw rows are not a real shift: close this drawer before measuring the Z of a clean one.
  await call('cash.close', { denominations: [], declared: {} }).catch(() => undefined);

  log(`Turno de ${SHIFT.toLocaleString('es-AR')} ventas y su reporte Z…`);
  await call('cash.open', { openingFloat: 2_000_000 });
  for (let i = 0; i < SHIFT; i++) {
    await call('sales.commit', saleInput(rng, products));
    await turn();
  }
  const xTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await call('cash.xReport', {});
    xTimes.push(performance.now() - t);
  }
  xTimes.sort((a, b) => a - b);
  const t = performance.now();
  const z = await call('cash.close', { denominations: [{ denomination: 2_000_000, qty: 1 }], declared: {} });
  const zMs = performance.now() - t;
  record('x_report_2000_sales_ms', round(percentile(xTimes, 50), 2), 'ms', 100);
  record('z_report_close_2000_sales_ms', round(zMs, 2), 'ms', 100);
  return {
    shiftSales: z.salesCount,
    rawSamples: rawTimes.length,
    warmup: WARMUP,
    blocks: blocks.map((b) => ({ p50: round(b.p50, 3), p99: round(b.p99, 3) })),
  };
}
