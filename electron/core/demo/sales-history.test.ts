import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TENDERS,
  type CashReport,
  type ChannelName,
  type InputOf,
  type InvoiceCheck,
  type OutputOf,
} from '../../../shared/contract/index.ts';
import { isValidCuit } from '../../../shared/domain/cuit.ts';
import { sequentialIds } from '../../../shared/domain/uuid.ts';
import { createCore, type Core } from '../app.ts';
import { exportSalesCsv, parseShopDay } from '../sales/export.ts';
import { generateDemoData, type DemoSummary } from './generate.ts';
import { DAY, localDate, localDayStart } from './history.ts';
import { DEMO_USERS } from './staff.ts';

/** 2026-11-23 18:00 in Buenos Aires: the afternoon shift is selling. */
const NOW = Date.UTC(2026, 10, 23, 21, 0, 0);
const DAYS = 12;

let dir: string;
let core: Core;
let summary: DemoSummary;

const all = <T>(sql: string, ...params: unknown[]): T[] =>
  core
    .deps()
    ?.db.prepare(sql)
    .all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]): T => all<T>(sql, ...params)[0] as T;
const n = (sql: string, ...params: unknown[]): number =>
  one<{ n: number | null }>(sql, ...params).n ?? 0;

async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await core.invoke(channel, input, { kind: 'system', label: 'test' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-demo-history-'));
  core = createCore({
    dataDir: dir,
    instanceLock: false,
    now: () => NOW,
    newId: sequentialIds(NOW),
  });
  await call('auth.setupOwner', { storeName: 'Almacén Demo', ownerName: 'Dueño', pin: '1234' });
  summary = await generateDemoData(core.systemCtx('demo'), { products: 800, days: DAYS, seed: 11 });
});

afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type SessionRow = {
  id: string;
  status: string;
  opened_at: number;
  opening_float: number;
  z_report: string | null;
};

const byTender = (sql: string, ...params: unknown[]): Map<string, number> =>
  new Map(all<{ tender: string; total: number }>(sql, ...params).map((r) => [r.tender, r.total]));

describe('the cash shifts of an 800-product, 12-day demo store', () => {
  it('passes audit verify and the stock check', async () => {
    const audit = await call('audit.verify', {});
    expect(audit.firstBroken).toBeNull();
    expect(audit.stateMismatches).toEqual([]);
    expect(audit.ok).toBe(true);
    const stock = await call('stock.check', {});
    expect(stock.mismatches).toEqual([]);
  });

  it('closes every past shift with a Z that adds up to its tickets, tender by tender', () => {
    const sessions = all<SessionRow>('SELECT * FROM cash_sessions ORDER BY opened_at');
    expect(sessions).toHaveLength(2 * DAYS);
    const closed = sessions.filter((s) => s.status === 'cerrada');
    expect(closed).toHaveLength(2 * DAYS - 1);
    for (const s of closed) {
      const z = JSON.parse(s.z_report ?? 'null') as CashReport;
      const paid = byTender(
        `SELECT p.tender, sum(p.amount) AS total FROM sales s JOIN sale_payments p ON p.sale_id = s.id
         WHERE s.session_id = ? GROUP BY p.tender`,
        s.id,
      );
      const refunded = byTender(
        `SELECT f.tender, sum(f.amount) AS total FROM returns r JOIN return_refunds f ON f.return_id = r.id
         WHERE r.session_id = ? GROUP BY f.tender`,
        s.id,
      );
      for (const tender of TENDERS) {
        const t = z.byTender.find((b) => b.tender === tender);
        expect(t?.sales, `${tender} ${s.id}`).toBe(paid.get(tender) ?? 0);
        expect(t?.refunds, `${tender} ${s.id}`).toBe(refunded.get(tender) ?? 0);
        // The card terminal and the transfers received say what was expected.
        if (tender !== 'efectivo' && tender !== 'cuenta_corriente') expect(t?.variance).toBe(0);
      }
      expect(z.salesCount).toBe(n('SELECT count(*) AS n FROM sales WHERE session_id = ?', s.id));
      expect(z.returnsCount).toBe(
        n('SELECT count(*) AS n FROM returns WHERE session_id = ?', s.id),
      );
      expect(z.removedLines).toBe(
        n(
          `SELECT count(*) AS n FROM approvals a JOIN sales s ON s.id = a.used_by
           WHERE a.action = 'line.remove' AND s.session_id = ?`,
          s.id,
        ),
      );
      const moves = (kind: string): number =>
        n(
          'SELECT sum(amount) AS n FROM cash_movements WHERE session_id = ? AND kind = ?',
          s.id,
          kind,
        );
      const accountCash = -n(
        `SELECT sum(amount) AS n FROM customer_ledger
         WHERE session_id = ? AND kind = 'pago' AND tender = 'efectivo'`,
        s.id,
      );
      expect(z.cash.expected).toBe(
        s.opening_float +
          (paid.get('efectivo') ?? 0) -
          (refunded.get('efectivo') ?? 0) -
          moves('retiro') +
          moves('deposito') +
          accountCash,
      );
      const counted = z.cash.denominations.reduce((a, d) => a + d.denomination * d.qty, 0);
      expect(z.cash.counted).toBe(counted);
      // A real count, to the $ 10: exact or a few hundred pesos off, never a made-up figure.
      expect(Math.abs(z.cash.variance ?? Infinity)).toBeLessThanOrEqual(50_500);
    }
    expect(closed.some((s) => JSON.parse(s.z_report ?? '{}').cash.variance !== 0)).toBe(true);
  });

  it("a day's Z reports together equal that day's tickets by tender", () => {
    const sessions = all<SessionRow>("SELECT * FROM cash_sessions WHERE status = 'cerrada'");
    const today = localDayStart(NOW);
    for (let day = today - (DAYS - 1) * DAY; day < today; day += DAY) {
      const zs = sessions
        .filter((s) => localDayStart(s.opened_at) === day)
        .map((s) => JSON.parse(s.z_report ?? 'null') as CashReport);
      expect(zs, localDate(day)).toHaveLength(2);
      const tickets = byTender(
        `SELECT p.tender, sum(p.amount) AS total FROM sales s JOIN sale_payments p ON p.sale_id = s.id
         WHERE s.at >= ? AND s.at < ? GROUP BY p.tender`,
        day,
        day + DAY,
      );
      for (const tender of TENDERS) {
        const fromZ = zs.reduce(
          (a, z) => a + (z.byTender.find((b) => b.tender === tender)?.sales ?? 0),
          0,
        );
        expect(fromZ, `${localDate(day)} ${tender}`).toBe(tickets.get(tender) ?? 0);
      }
    }
  });

  it('leaves the afternoon shift open at 18:00, with an X report of its tickets so far', async () => {
    const x = await call('cash.xReport', {});
    expect(x.kind).toBe('X');
    const open = one<{ id: string; name: string }>(
      `SELECT s.id, u.name FROM cash_sessions s JOIN users u ON u.id = s.opened_by
       WHERE s.status = 'abierta'`,
    );
    expect(open.name).toBe(DEMO_USERS.afternoon.name);
    expect(x.salesCount).toBe(n('SELECT count(*) AS n FROM sales WHERE session_id = ?', open.id));
    expect(x.salesCount).toBeGreaterThan(0);
    expect(n('SELECT max(at) AS n FROM sales')).toBeLessThanOrEqual(NOW);
  });
});

describe('the tickets', () => {
  it('have believable basket sizes, hours, weighed goods by scale label and list prices', () => {
    const sizes = all<{ lines: number }>(
      'SELECT count(*) AS lines FROM sale_lines GROUP BY sale_id',
    ).map((r) => r.lines);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(18);
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
    expect(mean).toBeGreaterThan(2);
    expect(mean).toBeLessThan(5);
    for (const { at } of all<{ at: number }>('SELECT at FROM sales')) {
      const hour = (at - localDayStart(at)) / 3_600_000;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThan(22.5);
    }
    const weighed = all<{ code: string | null; qty: number }>(
      "SELECT code, qty FROM sale_lines WHERE unit = 'kg'",
    );
    expect(weighed.length).toBeGreaterThan(20);
    for (const w of weighed) expect(w.code).toMatch(/^20\d{11}$/);
    expect(weighed.some((w) => w.qty % 1000 !== 0)).toBe(true);
    expect(n('SELECT count(*) AS n FROM sale_lines WHERE unit_price <> list_price')).toBe(0);
    expect(n('SELECT count(*) AS n FROM sale_lines WHERE unit_cost <= 0 OR below_cost = 1')).toBe(
      0,
    );
    // The jubilados' 5 % on a few tickets, within a cashier's own limit.
    expect(n('SELECT count(*) AS n FROM sale_lines WHERE discount_bp = 500')).toBeGreaterThan(0);
  });

  it('are paid with the usual mix of tenders, change in cash and a little fiado within limits', () => {
    const counts = new Map(
      all<{ tender: string; c: number }>(
        'SELECT tender, count(*) AS c FROM sale_payments GROUP BY tender',
      ).map((r) => [r.tender, r.c]),
    );
    const payments = [...counts.values()].reduce((a, b) => a + b, 0);
    const share = (t: string): number => (counts.get(t) ?? 0) / payments;
    expect(share('efectivo')).toBeGreaterThan(0.25);
    expect(share('efectivo')).toBeLessThan(0.6);
    for (const t of ['debito', 'credito', 'transferencia'])
      expect(share(t), t).toBeGreaterThan(0.03);
    expect(share('cuenta_corriente')).toBeGreaterThan(0);
    expect(share('cuenta_corriente')).toBeLessThan(0.06);
    const cash = all<{ amount: number; tendered: number; change: number }>(
      "SELECT amount, tendered, change FROM sale_payments WHERE tender = 'efectivo'",
    );
    for (const c of cash) expect(c.change).toBe(c.tendered - c.amount);
    expect(cash.some((c) => c.change > 0)).toBe(true);
    const customers = all<{ id: string; balance: number; credit_limit: number; ledger: number }>(
      `SELECT c.id, c.balance, c.credit_limit,
         (SELECT ifnull(sum(amount), 0) FROM customer_ledger l WHERE l.customer_id = c.id) AS ledger
       FROM customers c`,
    );
    expect(customers.length).toBeGreaterThan(2);
    for (const c of customers) {
      expect(c.balance).toBe(c.ledger);
      expect(c.balance).toBeLessThanOrEqual(c.credit_limit);
    }
    expect(n("SELECT count(*) AS n FROM customer_ledger WHERE kind = 'pago'")).toBeGreaterThan(0);
  });

  it("records returns, removed lines and no-sale openings with the encargada's PIN", () => {
    const julia = one<{ id: string }>(
      'SELECT id FROM users WHERE name = ?',
      DEMO_USERS.supervisor.name,
    );
    const approvals = all<{ action: string; authorized_by: string; used_by: string | null }>(
      'SELECT action, authorized_by, used_by FROM approvals',
    );
    expect(approvals.every((a) => a.authorized_by === julia.id && a.used_by !== null)).toBe(true);
    const used = (action: string, sql: string): void => {
      const mine = approvals.filter((a) => a.action === action);
      expect(mine.length, action).toBeGreaterThan(0);
      for (const a of mine) expect(n(sql, a.used_by), action).toBe(1);
    };
    used('line.remove', 'SELECT count(*) AS n FROM sales WHERE id = ?');
    used('return', 'SELECT count(*) AS n FROM returns WHERE id = ?');
    used(
      'drawer.open',
      "SELECT count(*) AS n FROM cash_movements WHERE id = ? AND kind = 'apertura_cajon'",
    );
    expect(n("SELECT count(*) AS n FROM cash_movements WHERE kind = 'retiro'")).toBeGreaterThan(0);
    // What the returns took back is what the tickets say was returned.
    expect(n('SELECT sum(returned_qty) AS n FROM sale_lines')).toBe(
      n('SELECT sum(qty) AS n FROM return_lines'),
    );
    expect(n("SELECT count(*) AS n FROM stock_movements WHERE kind = 'devolucion'")).toBe(
      n('SELECT count(*) AS n FROM return_lines'),
    );
  });

  it('export to the accountant, line by line', () => {
    const today = localDate(localDayStart(NOW));
    const first = localDate(localDayStart(NOW) - (DAYS - 1) * DAY);
    const out = exportSalesCsv(
      core.deps()?.db as never,
      parseShopDay(first, 'from'),
      parseShopDay(today, 'to'),
    );
    expect(out.sales).toBe(summary.sales);
    expect(out.returns).toBe(summary.returns);
    // One row per line sold, and one per line given back, negative.
    expect(out.lines).toBe(
      n('SELECT count(*) AS n FROM sale_lines') + n('SELECT count(*) AS n FROM return_lines'),
    );
  });
});

describe('purchases and prices', () => {
  it('come from suppliers with valid CUITs, through applied Factura A invoices that check out', () => {
    const suppliers = all<{ cuit: string; name: string }>('SELECT cuit, name FROM suppliers');
    expect(suppliers.length).toBe(summary.suppliers);
    for (const s of suppliers) expect(isValidCuit(s.cuit), s.cuit).toBe(true);
    const invoices = all<{ status: string; letter: string; kind: string; extraction: string }>(
      'SELECT status, letter, kind, extraction FROM invoices',
    );
    expect(invoices.length).toBe(summary.invoices);
    for (const inv of invoices) {
      expect(inv).toMatchObject({ status: 'aplicada', letter: 'A', kind: 'factura' });
      const checks = (JSON.parse(inv.extraction) as { checks: InvoiceCheck[] }).checks;
      expect(checks.filter((c) => !c.ok)).toEqual([]);
    }
    expect(n("SELECT sum(qty) AS n FROM stock_movements WHERE kind = 'entrada'")).toBe(
      n('SELECT sum(quantity * pack_units) AS n FROM invoice_lines'),
    );
    expect(n('SELECT count(*) AS n FROM cost_history')).toBe(
      n('SELECT count(*) AS n FROM invoice_lines'),
    );
  });

  it('rise with inflation, and the owner reprices the same morning keeping the margin', () => {
    const costs = all<{ cost: number; previous_cost: number }>(
      'SELECT cost, previous_cost FROM cost_history',
    );
    expect(costs.filter((c) => c.cost > c.previous_cost).length).toBeGreaterThan(20);
    expect(costs.every((c) => c.cost >= c.previous_cost)).toBe(true);
    const owner = one<{ id: string }>("SELECT id FROM users WHERE role = 'dueno'");
    const prices = all<{
      price: number;
      previous_price: number;
      user_id: string;
      batch_id: string;
    }>('SELECT price, previous_price, user_id, batch_id FROM price_history');
    expect(prices.length).toBe(summary.priceChanges);
    expect(prices.length).toBeGreaterThan(20);
    for (const p of prices) {
      expect(p.user_id).toBe(owner.id);
      expect(p.batch_id).not.toBeNull();
      expect(p.price).toBeGreaterThan(p.previous_price);
      expect(p.price / p.previous_price).toBeLessThan(1.25);
    }
    // A ticket charges the shelf price of its moment: before a raise the old one, after it the new.
    const raised = all<{ product_id: string; at: number; price: number; previous_price: number }>(
      `SELECT product_id, at, price, previous_price FROM price_history h
       WHERE (SELECT count(*) FROM price_history x WHERE x.product_id = h.product_id) = 1`,
    );
    let seen = 0;
    for (const r of raised) {
      const lines = all<{ at: number; list_price: number }>(
        `SELECT s.at, l.list_price FROM sale_lines l JOIN sales s ON s.id = l.sale_id
         WHERE l.product_id = ?`,
        r.product_id,
      );
      for (const l of lines) {
        expect(l.list_price).toBe(l.at < r.at ? r.previous_price : r.price);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(20);
  });
});
