import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { AppError } from '../errors.ts';
import { writeSetting } from '../system/settings.ts';
import { recountTenderTotals } from './reports.ts';
import { addSessionTotals, requireOpenSession } from './sessions.ts';
import { openCashStore, type CashStore } from './test-support.ts';

let s: CashStore;
let yerba: Product;
let queso: Product;
beforeEach(async () => {
  s = await openCashStore();
  yerba = await s.product('Yerba Playadito 1 kg', 250_000);
  queso = await s.product('Queso cremoso', 800_000, { unit: 'kg', ivaRateBp: 1050 });
});
afterEach(() => s.close());

const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('tendría que haber fallado');
};

describe('cash sessions', () => {
  it('refuses to sell until the drawer is opened, then sells into the open session', async () => {
    const err = thrown(() => s.ctx().tx(() => requireOpenSession(s.ctx())));
    expect(err.code).toBe('NO_CASH_SESSION');
    expect(err.message).toBe('Abrí la caja para empezar a vender');
    expect(await s.call('cash.current', {})).toBeNull();

    const session = await s.call('cash.open', { openingFloat: 1_000_000 });
    expect(session).toMatchObject({
      register: 'Caja 1',
      status: 'abierta',
      openingFloat: 1_000_000,
    });
    expect(requireOpenSession(s.ctx())).toEqual({ id: session.id, register: 'Caja 1' });
    expect(await s.call('cash.current', {})).toEqual(session);
  });

  it('keeps one open session per register and names who has it open', async () => {
    const owner = await s.loginAs(s.ownerId, '1234');
    await s.call('cash.open', { openingFloat: 0 }, owner);
    const err = await s.fail('cash.open', { openingFloat: 5_000 });
    expect(err).toMatchObject({
      code: 'CONFLICT',
      message: 'La caja «Caja 1» ya está abierta por Marta: cerrala antes de abrir otra',
    });
    expect(s.rows('cash_sessions')).toBe(1);

    // A second register (its own PC) has its own drawer.
    const ctx = s.ctx();
    ctx.tx(() => writeSetting(ctx, 'pos', { register: 'Caja 2' }));
    const second = await s.call('cash.open', { openingFloat: 5_000 });
    expect(second.register).toBe('Caja 2');
    expect(requireOpenSession(s.ctx()).id).toBe(second.id);
  });

  it('refuses a negative or fractional opening float and writes nothing', async () => {
    const err = await s.fail('cash.open', { openingFloat: -100 });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('El importe no puede ser negativo');
    expect(s.rows('cash_sessions')).toBe(0);
  });

  it('shows in the X report what was sold, by tender, with items, tickets and IVA', async () => {
    await s.call('cash.open', { openingFloat: 1_000_000 });
    const ana = await s.call('customers.create', { name: 'Ana Gómez', creditLimit: 5_000_000 });
    await s.sell({
      lines: [{ product: yerba, qty: 2_000 }],
      payments: [{ tender: 'efectivo', amount: 500_000 }],
    });
    await s.sell({
      lines: [{ product: queso, qty: 350 }],
      payments: [{ tender: 'debito', amount: 280_000 }],
    });
    await s.sell({
      lines: [
        { product: yerba, qty: 1_000 },
        { product: queso, qty: 500 },
      ],
      payments: [
        { tender: 'efectivo', amount: 150_000 },
        { tender: 'cuenta_corriente', amount: 500_000 },
      ],
      customerId: ana.id,
    });

    const x = await s.call('cash.xReport', {});
    expect(x).toMatchObject({
      kind: 'X',
      salesCount: 3,
      firstTicket: 1,
      lastTicket: 3,
      // 2 + 1 yerbas by the unit, and each weighed cheese counts once.
      itemsSold: 5,
      grossSales: 1_430_000,
      refundsTotal: 0,
      returnsCount: 0,
    });
    const tender = (t: string) => x.byTender.find((b) => b.tender === t);
    expect(tender('efectivo')).toMatchObject({
      sales: 650_000,
      count: 2,
      expected: 1_650_000,
      counted: null,
    });
    expect(tender('debito')).toMatchObject({ sales: 280_000, count: 1, expected: 280_000 });
    expect(tender('credito')).toMatchObject({ sales: 0, count: 0, expected: 0 });
    expect(tender('cuenta_corriente')).toMatchObject({
      sales: 500_000,
      expected: 500_000,
      counted: null,
    });
    expect(x.byTender.map((b) => b.tender)).toEqual([
      'efectivo',
      'debito',
      'credito',
      'transferencia',
      'cuenta_corriente',
    ]);
    expect(x.cash).toMatchObject({ openingFloat: 1_000_000, sales: 650_000, expected: 1_650_000 });
    expect(x.iva.map((l) => [l.rateBp, l.total])).toEqual([
      [2100, 750_000],
      [1050, 680_000],
    ]);
    for (const l of x.iva) expect(l.net + l.iva).toBe(l.total);
    // The sum by tender is the sum of what was sold.
    expect(x.byTender.reduce((a, b) => a + b.sales, 0)).toBe(x.grossSales);
    // The running totals say what the payments say.
    const recount = recountTenderTotals(s.db, x.session.id);
    for (const t of x.byTender) {
      expect(recount.find((r) => r.tender === t.tender)).toMatchObject({
        sales: t.sales,
        count: t.count,
      });
    }
  });

  it('closes with a count by denomination: counted, expected and variance per tender', async () => {
    await s.call('cash.open', { openingFloat: 1_000_000 });
    await s.sell({
      lines: [{ product: yerba, qty: 2_000 }],
      payments: [{ tender: 'efectivo', amount: 500_000 }],
    });
    await s.sell({
      lines: [{ product: queso, qty: 350 }],
      payments: [{ tender: 'debito', amount: 280_000 }],
    });
    const gaseosa = await s.product('Gaseosa 2,25 L', 100_000);
    await s.refund({
      product: gaseosa,
      qty: 1_000,
      refunds: [{ tender: 'efectivo', amount: 100_000 }],
    });
    await s.call('cash.movement', { kind: 'retiro', amount: 300_000, reason: 'Pago a proveedor' });
    await s.call('cash.movement', { kind: 'deposito', amount: 50_000, reason: 'Cambio' });
    s.clock.advance(8 * 3_600_000);

    const z = await s.call('cash.close', {
      denominations: [
        { denomination: 10_000, qty: 4 },
        { denomination: 1_000_000, qty: 1 },
        { denomination: 50_000, qty: 0 },
        { denomination: 100_000, qty: 1 },
      ],
      declared: { debito: 280_000, transferencia: 0 },
    });
    // Expected: 1.000.000 + 500.000 − 100.000 − 300.000 + 50.000; counted 1.140.000.
    expect(z.cash).toEqual({
      openingFloat: 1_000_000,
      sales: 500_000,
      refunds: 100_000,
      withdrawals: 300_000,
      deposits: 50_000,
      customerPayments: 0,
      expected: 1_150_000,
      counted: 1_140_000,
      variance: -10_000,
      denominations: [
        { denomination: 1_000_000, qty: 1 },
        { denomination: 100_000, qty: 1 },
        { denomination: 10_000, qty: 4 },
      ],
    });
    expect(z).toMatchObject({ kind: 'Z', refundsTotal: 100_000, returnsCount: 1 });
    expect(z.session).toMatchObject({ status: 'cerrada', closedAt: s.clock.now() });
    const tender = (t: string) => z.byTender.find((b) => b.tender === t);
    expect(tender('efectivo')).toMatchObject({
      expected: 1_150_000,
      counted: 1_140_000,
      variance: -10_000,
    });
    expect(tender('debito')).toMatchObject({ expected: 280_000, counted: 280_000, variance: 0 });
    expect(tender('credito')).toMatchObject({ counted: null, variance: null });
    expect(tender('transferencia')).toMatchObject({ expected: 0, counted: 0, variance: 0 });

    expect(await s.call('cash.current', {})).toBeNull();
    s.clock.advance(3_600_000);
    expect(await s.call('cash.report', { sessionId: z.session.id })).toEqual(z);

    const again = await s.fail('cash.close', { denominations: [] });
    expect(again).toMatchObject({
      code: 'NO_CASH_SESSION',
      message: 'No hay una caja abierta para cerrar',
    });
    const late = thrown(() =>
      s.ctx().tx(() => addSessionTotals(s.ctx(), z.session.id, 'efectivo', { sales: 1 })),
    );
    expect(late.code).toBe('CASH_SESSION_CLOSED');
    expect((await s.call('cash.report', { sessionId: z.session.id })).cash.sales).toBe(500_000);
  });

  it('refuses a count with a bill that does not exist and leaves the drawer open', async () => {
    const session = await s.call('cash.open', { openingFloat: 0 });
    const audit = s.auditCount();
    const err = await s.fail('cash.close', { denominations: [{ denomination: 300, qty: 2 }] });
    expect(err).toMatchObject({
      code: 'INVALID_INPUT',
      message: '$ 3,00 no es un billete ni una moneda en circulación',
    });
    expect((await s.call('cash.current', {}))?.id).toBe(session.id);
    expect(s.auditCount()).toBe(audit);
  });

  it('answers a live X for an open session and lists sessions newest first', async () => {
    const first = await s.call('cash.open', { openingFloat: 0 });
    await s.call('cash.close', { denominations: [] });
    s.clock.advance(60_000);
    const second = await s.call('cash.open', { openingFloat: 200_000 });
    const live = await s.call('cash.report', { sessionId: second.id });
    expect(live).toMatchObject({ kind: 'X', cash: { expected: 200_000, counted: null } });
    expect((await s.call('cash.sessions', {})).map((x) => x.id)).toEqual([second.id, first.id]);
    expect((await s.fail('cash.report', { sessionId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('exports the report as a CSV with semicolons and decimal commas', async () => {
    await s.call('cash.open', { openingFloat: 1_000_000 });
    await s.sell({
      lines: [{ product: yerba, qty: 1_000 }],
      payments: [{ tender: 'efectivo', amount: 250_000 }],
    });
    const z = await s.call('cash.close', { denominations: [{ denomination: 1_000_000, qty: 1 }] });
    const file = await s.call('cash.reportCsv', { sessionId: z.session.id });
    expect(file.fileName).toBe('caja-1-z-2026-03-10.csv');
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFReporte;Z (cierre de caja)\r\n')).toBe(true);
    expect(text).toContain('\r\nEfectivo;2500,00;0,00;12500,00;10000,00;-2500,00;1\r\n');
    expect(text).toContain('\r\nDiferencia;-2500,00\r\n');
    expect(text).toContain('\r\n10000,00;1;10000,00\r\n');
    expect(text).toContain('\r\n21 %;');
  });

  it('builds the Z of a 2,000-sale shift in under 100 ms', async () => {
    const session = await s.call('cash.open', { openingFloat: 0 });
    const ctx = s.ctx();
    const tenders = ['efectivo', 'debito', 'credito', 'transferencia'] as const;
    const loc = (
      s.db.prepare("SELECT id FROM locations WHERE name = 'Salón'").get() as { id: string }
    ).id;
    const sale = s.db.prepare(
      `INSERT INTO sales (id, number, idempotency_key, at, session_id, location_id, subtotal,
         discount_total, rounding, total, change, iva) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, ?)`,
    );
    const line = s.db.prepare(
      `INSERT INTO sale_lines (id, sale_id, line_no, product_id, description, unit, qty, list_price,
         unit_price, total, unit_cost, iva_rate_bp) VALUES (?, ?, ?, ?, 'x', 'u', 1000, 250000, 250000, 250000, 0, 2100)`,
    );
    const pay = s.db.prepare(
      'INSERT INTO sale_payments (id, sale_id, tender, amount) VALUES (?, ?, ?, ?)',
    );
    const iva = JSON.stringify([{ rateBp: 2100, net: 619_835, iva: 130_165, total: 750_000 }]);
    ctx.tx(() => {
      for (let n = 1; n <= 2_000; n++) {
        const id = `sale-${n}`;
        sale.run(id, n, id, ctx.now(), session.id, loc, 750_000, 750_000, iva);
        for (let l = 1; l <= 3; l++) line.run(`${id}-${l}`, id, l, yerba.id);
        const tender = tenders[n % 4] ?? 'efectivo';
        pay.run(`${id}-p`, id, tender, 750_000);
        addSessionTotals(ctx, session.id, tender, { sales: 750_000, count: 1 });
      }
    });
    // Its speed is measured by `npm run bench`, not asserted here.
    const z = await s.call('cash.close', { denominations: [] });
    expect(z).toMatchObject({ salesCount: 2_000, itemsSold: 6_000, grossSales: 1_500_000_000 });
    expect(z.iva).toEqual([
      { rateBp: 2100, net: 1_239_670_000, iva: 260_330_000, total: 1_500_000_000 },
    ]);
  });
});
