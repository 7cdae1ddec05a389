import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../../shared/contract/index.ts';
import { isValidGtin } from '../../../shared/domain/barcode.ts';
import { isValidCuit } from '../../../shared/domain/cuit.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core } from '../app.ts';
import type { Caller } from '../context.ts';
import { buildDemoCatalog } from './catalog.ts';
import { generateDemoData, type DemoSummary } from './generate.ts';
import { localDayStart } from './history.ts';

const SYSTEM: Caller = { kind: 'system', label: 'test' };
/** 2026-11-23 15:00 in Buenos Aires: today's sales so far, the afternoon not yet. */
const NOW = Date.UTC(2026, 10, 23, 18, 0, 0);

type Store = {
  core: Core;
  summary: DemoSummary;
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  all<T>(sql: string, ...params: unknown[]): T[];
  close(): void;
};

const dirs: string[] = [];

async function demoStore(opts: { products: number; days: number; seed: number }): Promise<Store> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-demo-'));
  dirs.push(dir);
  const core = createCore({
    dataDir: dir,
    instanceLock: false,
    now: () => NOW,
    newId: sequentialIds(NOW),
  });
  const call = async <C extends ChannelName>(
    channel: C,
    input: InputOf<C>,
  ): Promise<OutputOf<C>> => {
    const r = await core.invoke(channel, input, SYSTEM);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as OutputOf<C>;
  };
  await call('auth.setupOwner', { storeName: 'Almacén Demo', ownerName: 'Dueño', pin: '1234' });
  const summary = await generateDemoData(core.systemCtx('demo'), opts);
  const db = core.deps()?.db;
  if (!db) throw new Error('store did not open');
  return {
    core,
    summary,
    call,
    all: <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[],
    close: () => core.close(),
  };
}

afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('a 500-product, 10-day demo store', () => {
  let store: Store;
  beforeAll(async () => {
    store = await demoStore({ products: 500, days: 10, seed: 42 });
  });
  afterAll(() => store.close());

  it('reports what it loaded', () => {
    expect(store.summary.products).toBe(500);
    expect(store.summary.days).toBe(10);
    expect(store.summary.categories).toBeGreaterThan(20);
    expect(store.summary.suppliers).toBeGreaterThanOrEqual(10);
    expect(store.summary.suppliers).toBeLessThanOrEqual(15);
    expect(store.summary.movements).toBeGreaterThan(1000);
    expect(store.summary.sales).toBeGreaterThan(300);
    expect(store.summary.invoices).toBeGreaterThan(10);
    expect(store.summary.sessions).toBe(20);
    expect(store.summary.openSessions).toBe(1);
    expect(store.all('SELECT id FROM products')).toHaveLength(500);
    const [sales] = store.all<{ n: number; total: number }>(
      'SELECT count(*) AS n, sum(total) AS total FROM sales',
    );
    expect(sales).toEqual({ n: store.summary.sales, total: store.summary.salesTotal });
  });

  it('keeps the stock cache in step with the ledger', async () => {
    const check = await store.call('stock.check', {});
    expect(check.mismatches).toEqual([]);
    expect(check.ok).toBe(true);
  });

  it('leaves an audit chain that verifies, with an entry for every product and movement', async () => {
    const r = await store.call('audit.verify', {});
    expect(r.firstBroken).toBeNull();
    expect(r.stateMismatches).toEqual([]);
    expect(r.ok).toBe(true);
    const [movements] = store.all<{ n: number }>('SELECT count(*) AS n FROM stock_movements');
    expect(r.checked).toBeGreaterThan(500 + (movements?.n ?? 0));
  });

  it('gives every packaged product a valid, unique Argentine EAN-13', () => {
    const codes = store
      .all<{ barcode: string }>('SELECT barcode FROM product_barcodes')
      .map((r) => r.barcode);
    expect(codes.length).toBeGreaterThan(350);
    for (const c of codes) {
      expect(c).toMatch(/^779\d{10}$/);
      expect(isValidGtin(c), c).toBe(true);
    }
    expect(new Set(codes).size).toBe(codes.length);
    const twoCodes = store.all(
      'SELECT product_id FROM product_barcodes GROUP BY product_id HAVING count(*) = 2',
    );
    expect(twoCodes.length).toBeGreaterThan(0);
  });

  it('uses only the 10,5 % and 21 % IVA rates, 10,5 % for fresh food and bread', () => {
    const rates = store.all<{ iva_rate_bp: number }>('SELECT DISTINCT iva_rate_bp FROM products');
    expect(rates.map((r) => r.iva_rate_bp).sort()).toEqual([1050, 2100]);
    const verdura = store.all<{ iva_rate_bp: number }>(
      `SELECT p.iva_rate_bp FROM products p JOIN categories c ON c.id = p.category_id
       JOIN categories top ON top.id = c.parent_id WHERE top.name = 'Verdulería'`,
    );
    expect(verdura.length).toBeGreaterThan(0);
    expect(verdura.every((r) => r.iva_rate_bp === 1050)).toBe(true);
  });

  it('sells weighed goods by the kg with a unique PLU and no EAN', () => {
    const weighed = store.all<{ id: string; unit: string; plu: number }>(
      'SELECT id, unit, plu FROM products WHERE plu IS NOT NULL',
    );
    expect(weighed.length).toBeGreaterThan(10);
    expect(weighed.every((p) => p.unit === 'kg')).toBe(true);
    expect(new Set(weighed.map((p) => p.plu)).size).toBe(weighed.length);
    const withEan = store.all(
      'SELECT 1 FROM product_barcodes b JOIN products p ON p.id = b.product_id WHERE p.plu IS NOT NULL',
    );
    expect(withEan).toHaveLength(0);
  });

  it('prices include IVA and a 25–60 % markup over cost, rounded to $10', () => {
    const rows = store.all<{ cost: number; price: number; iva_rate_bp: number }>(
      'SELECT cost, price, iva_rate_bp FROM products',
    );
    for (const r of rows) {
      expect(Number.isInteger(r.cost) && Number.isInteger(r.price)).toBe(true);
      expect(r.price % 1_000).toBe(0);
      const markup = r.price / (r.cost * (1 + r.iva_rate_bp / 10_000));
      // $10 rounding moves cheap items a little outside the band.
      expect(markup).toBeGreaterThan(1.15);
      expect(markup).toBeLessThan(1.75);
    }
  });

  it('names the main supplier of each product by a valid CUIT', () => {
    const cuits = store.all<{ supplier_cuit: string | null }>(
      'SELECT DISTINCT supplier_cuit FROM products',
    );
    expect(cuits.length).toBeGreaterThanOrEqual(10);
    for (const { supplier_cuit } of cuits)
      expect(isValidCuit(supplier_cuit ?? ''), String(supplier_cuit)).toBe(true);
  });

  it('finds yerba by a word without accents or case', async () => {
    const page = await store.call('catalog.search', { text: 'yerba' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((p) => /yerba/i.test(p.name))).toBe(true);
    const azucar = await store.call('catalog.search', { text: 'azucar' });
    expect(azucar.items.some((p) => p.name.startsWith('Azúcar'))).toBe(true);
  });

  it('brings deliveries in by applied invoice, restocks shelves and sells by ticket from the Salón', () => {
    const entradas = store.all<{ reason: string; reference: string; location: string }>(
      `SELECT m.reason, m.reference, l.name AS location FROM stock_movements m
       JOIN locations l ON l.id = m.location_id WHERE m.kind = 'entrada'`,
    );
    expect(entradas.length).toBeGreaterThan(0);
    const applied = new Set(
      store
        .all<{ id: string }>("SELECT id FROM invoices WHERE status = 'aplicada'")
        .map((r) => r.id),
    );
    for (const e of entradas) {
      expect(e.reason).toMatch(/^Factura A \d{4}-\d{8} · .+ S\.(A|R\.L)\.$/);
      expect(applied.has(e.reference)).toBe(true);
      expect(e.location).toBe('Depósito');
    }
    const transfers = store.all<{ n: number; total: number }>(
      `SELECT count(*) AS n, sum(qty) AS total FROM stock_movements WHERE kind = 'transferencia' GROUP BY transfer_id`,
    );
    expect(transfers.length).toBeGreaterThan(0);
    expect(transfers.every((t) => t.n === 2 && t.total === 0)).toBe(true);
    const sales = store.all<{ reason: string; reference: string; location: string; qty: number }>(
      `SELECT m.reason, m.reference, l.name AS location, m.qty FROM stock_movements m
       JOIN locations l ON l.id = m.location_id WHERE m.kind = 'venta'`,
    );
    expect(sales.length).toBeGreaterThan(500);
    for (const s of sales) {
      expect(s).toMatchObject({ reason: 'Venta', location: 'Salón' });
      expect(s.reference).toMatch(/^Ticket \d+$/);
      expect(s.qty).toBeLessThan(0);
    }
    // Every sale line left exactly one venta movement of its quantity.
    const [lines] = store.all<{ n: number; qty: number }>(
      'SELECT count(*) AS n, sum(qty) AS qty FROM sale_lines',
    );
    expect(lines?.n).toBe(sales.length);
    expect(lines?.qty).toBe(-sales.reduce((a, s) => a + s.qty, 0));
  });

  it('sells more on Saturdays than on Mondays', () => {
    const byDay = store.all<{ day: string; n: number }>(
      `SELECT date(at / 1000 - 3 * 3600, 'unixepoch') AS day, count(*) AS n FROM sales GROUP BY day`,
    );
    const count = (weekday: number) =>
      byDay
        .filter((d) => new Date(`${d.day}T12:00:00Z`).getUTCDay() === weekday)
        .reduce((a, d) => a + d.n, 0);
    expect(count(6)).toBeGreaterThan(count(1));
  });

  it('dates nothing after now and the history within the last days', () => {
    const [range] = store.all<{ first: number; last: number }>(
      'SELECT min(at) AS first, max(at) AS last FROM stock_movements',
    );
    expect(range?.last).toBeLessThanOrEqual(NOW);
    expect(range?.first).toBeGreaterThanOrEqual(localDayStart(NOW) - 9 * 86_400_000);
    const [products] = store.all<{ last: number; costs: number }>(
      'SELECT max(created_at) AS last, count(DISTINCT cost_date) AS costs FROM products',
    );
    expect(products?.last).toBeLessThan(range?.first ?? 0);
    expect(products?.costs).toBeGreaterThan(50);
  });

  it('ends with most stock positive and some products below their minimum', async () => {
    const low = await store.call('stock.lowStock', {});
    expect(low.length).toBeGreaterThan(0);
    expect(low.length).toBeLessThan(100);
    const [negative] = store.all<{ n: number }>(
      'SELECT count(*) AS n FROM stock_levels WHERE qty < 0',
    );
    expect(negative?.n).toBe(0);
  });

  it('refuses to load into a store that already has products', async () => {
    await expect(
      generateDemoData(store.core.systemCtx('demo'), { products: 10, days: 1, seed: 1 }),
    ).rejects.toThrow(/ya tiene productos/);
  });
});

describe('determinism', () => {
  it('loads the same catalog and history for the same seed', async () => {
    const snapshot = async (seed: number) => {
      const s = await demoStore({ products: 200, days: 5, seed });
      const products = s.all<{ name: string; codes: string | null; price: number }>(
        `SELECT p.name, p.price, (SELECT group_concat(barcode, ',') FROM (SELECT barcode FROM product_barcodes b
         WHERE b.product_id = p.id ORDER BY barcode)) AS codes FROM products p ORDER BY p.name`,
      );
      const moves = s.all<{ kind: string; n: number; total: number }>(
        'SELECT kind, count(*) AS n, sum(qty) AS total FROM stock_movements GROUP BY kind ORDER BY kind',
      );
      const tenders = s.all<{ tender: string; n: number; total: number }>(
        'SELECT tender, count(*) AS n, sum(amount) AS total FROM sale_payments GROUP BY tender ORDER BY tender',
      );
      const zs = s.all<{ z: string | null }>(
        'SELECT z_report AS z FROM cash_sessions ORDER BY opened_at',
      );
      s.close();
      return { products, moves, tenders, zs, summary: s.summary };
    };
    const a = await snapshot(7);
    const b = await snapshot(7);
    expect(b).toEqual(a);
    const c = await snapshot(8);
    expect(c.products).not.toEqual(a.products);
  });

  it('builds exactly the requested number of distinct names', () => {
    for (const n of [0, 1, 37, 3_000]) {
      const { products } = buildDemoCatalog(3, n);
      expect(products).toHaveLength(n);
      expect(new Set(products.map((p) => p.name)).size).toBe(n);
    }
  });

  it('keeps weighed goods near 8 % of a realistic catalog', () => {
    const { products } = buildDemoCatalog(5, 2_000);
    const share = products.filter((p) => p.plu !== null).length / products.length;
    expect(share).toBeGreaterThan(0.05);
    expect(share).toBeLessThan(0.12);
  });
});
