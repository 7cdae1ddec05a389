import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product, Sale } from '../../../shared/contract/index.ts';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
let yerba: Product;
let queso: Product;
let sale: Sale;
beforeEach(async () => {
  s = await openSalesStore();
  yerba = await s.product('Yerba', { price: 3_000_00 });
  queso = await s.product('Queso', { price: 9_000_00, unit: 'kg' }, 5_000);
  sale = await s.sell({
    lines: [
      { productId: yerba.id, qty: 3_000, discountBp: 100 },
      { productId: queso.id, qty: 333 },
    ],
    payments: [{ tender: 'efectivo', amount: 11_907_00 }],
  });
});
afterEach(() => s.close());

const lineOf = (p: Product) => sale.lines.find((l) => l.productId === p.id)?.id ?? '';

async function giveBack(
  lines: { saleLineId?: string; productId?: string; unitPrice?: number; qty: number }[],
  refund: number,
  extra: { destination?: 'stock' | 'averiado'; noTicket?: boolean; approvalId?: string } = {},
) {
  const approvalId =
    extra.approvalId ?? (await s.authorize(extra.noTicket ? 'return.no_ticket' : 'return'));
  return s.call(
    'sales.return',
    {
      ...(extra.noTicket ? {} : { saleId: sale.id }),
      lines,
      refunds: [{ tender: 'efectivo', amount: refund }],
      reason: 'Vencido',
      destination: extra.destination ?? 'stock',
      approvalId,
      idempotencyKey: newKey(),
    },
    s.cajero,
  );
}

describe('returns', () => {
  it('returns part of a line to stock, refunding its share of the line total from the drawer', async () => {
    expect(sale.total).toBe(11_907_00);
    const r = await giveBack([{ saleLineId: lineOf(yerba), qty: 1_000 }], 2_970_00);
    expect(r).toMatchObject({
      saleId: sale.id,
      saleNumber: 1,
      userName: 'Juan',
      authorizedByName: 'Ana',
      locationName: 'Salón',
      reason: 'Vencido',
      total: 2_970_00,
      refunds: [{ tender: 'efectivo', amount: 2_970_00 }],
      lines: [
        { productId: yerba.id, description: 'Yerba', qty: 1_000, unit: 'u', amount: 2_970_00 },
      ],
    });
    expect(s.stockAt(yerba.id)).toBe(8_000);
    const after = await s.call('sales.get', { id: sale.id }, s.cajero);
    expect(after.lines.map((l) => l.returnedQty)).toEqual([1_000, 0]);
    expect(
      s.deps.db.prepare("SELECT refunds FROM cash_session_totals WHERE tender = 'efectivo'").get(),
    ).toEqual({ refunds: 2_970_00 });
    expect(await s.call('sales.returns', { saleId: sale.id }, s.cajero)).toHaveLength(1);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses to return more than is left of a line, in Spanish, writing nothing', async () => {
    await giveBack([{ saleLineId: lineOf(yerba), qty: 1_000 }], 2_970_00);
    const before = [
      s.rows('returns'),
      s.rows('stock_movements'),
      s.rows('approvals', 'used_at IS NOT NULL'),
    ];
    const approvalId = await s.authorize('return');
    const err = await s.fail('sales.return', {
      saleId: sale.id,
      lines: [{ saleLineId: lineOf(yerba), qty: 3_000 }],
      refunds: [{ tender: 'efectivo', amount: 8_910_00 }],
      reason: 'Error',
      approvalId,
      idempotencyKey: newKey(),
    });
    expect(err.message).toBe('De «Yerba» quedan 2 u por devolver, no 3 u');
    expect([
      s.rows('returns'),
      s.rows('stock_movements'),
      s.rows('approvals', 'used_at IS NOT NULL'),
    ]).toEqual(before);
    const wrongRefund = await s.fail('sales.return', {
      saleId: sale.id,
      lines: [{ saleLineId: lineOf(yerba), qty: 1_000 }],
      refunds: [{ tender: 'efectivo', amount: 1_00 }],
      reason: 'Error',
      approvalId,
      idempotencyKey: newKey(),
    });
    expect(wrongRefund.message).toBe(
      'El reintegro ($ 1,00) tiene que ser igual a lo que se devuelve ($ 2.970,00)',
    );
  });

  it('sends damaged goods to Averiados, created on first use and remembered', async () => {
    const r = await giveBack([{ saleLineId: lineOf(queso), qty: 100 }], 900_00, {
      destination: 'averiado',
    });
    expect(r.locationName).toBe('Averiados');
    const settings = await s.call('sales.settings', {}, s.cajero);
    expect(settings.damagedLocationId).not.toBeNull();
    expect(s.stockAt(queso.id, settings.damagedLocationId ?? '')).toBe(100);
    expect(s.stockAt(queso.id)).toBe(5_000 - 333);
    await giveBack([{ saleLineId: lineOf(queso), qty: 100 }], 900_00, { destination: 'averiado' });
    expect(s.rows('locations', "name = 'Averiados'")).toBe(1);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('needs a no-ticket approval to take goods back without a ticket', async () => {
    const ticketApproval = await s.authorize('return');
    const lines = [{ productId: yerba.id, unitPrice: 3_000_00, qty: 1_000 }];
    const err = await s.fail('sales.return', {
      lines,
      refunds: [{ tender: 'efectivo', amount: 3_000_00 }],
      reason: 'Cliente habitual',
      approvalId: ticketApproval,
      idempotencyKey: newKey(),
    });
    expect(err).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message: 'Hace falta la autorización de un supervisor para una devolución sin ticket',
    });
    expect(s.rows('returns')).toBe(0);
    const r = await giveBack(lines, 3_000_00, { noTicket: true });
    expect(r).toMatchObject({ saleId: null, total: 3_000_00 });
    expect(s.stockAt(yerba.id)).toBe(8_000);
  });

  it('voids a whole ticket as a return of every line, giving back exactly what was charged', async () => {
    await giveBack([{ saleLineId: lineOf(yerba), qty: 1_000 }], 2_970_00);
    const key = newKey();
    const approvalId = await s.authorize('return');
    const input = {
      saleId: sale.id,
      lines: [
        { saleLineId: lineOf(yerba), qty: 2_000 },
        { saleLineId: lineOf(queso), qty: 333 },
      ],
      refunds: [{ tender: 'efectivo' as const, amount: 11_907_00 - 2_970_00 }],
      reason: 'Anulación',
      approvalId,
      idempotencyKey: key,
    };
    const voided = await s.call('sales.return', input, s.cajero);
    // Same key again: the same return, nothing more.
    expect(await s.call('sales.return', input, s.cajero)).toEqual(voided);
    expect(s.rows('returns')).toBe(2);
    expect(s.stockAt(yerba.id)).toBe(10_000);
    expect(s.stockAt(queso.id)).toBe(5_000);
    const summary = await s.call('sales.list', { number: 1 }, s.cajero);
    expect(summary.items[0]?.returned).toBe(true);
    expect(await s.call('stock.check', {})).toMatchObject({ ok: true });
  });

  it('credits a fiado ticket back to the customer account, and only a fiado one', async () => {
    const c = await s.call(
      'customers.create',
      { name: 'Don Tito', creditLimit: 50_000_00 },
      s.owner,
    );
    const fiado = await s.sell({
      lines: [{ productId: yerba.id, qty: 1_000 }],
      payments: [{ tender: 'cuenta_corriente', amount: 3_000_00 }],
      customerId: c.id,
    });
    const approvalId = await s.authorize('return');
    await s.call(
      'sales.return',
      {
        saleId: fiado.id,
        lines: [{ saleLineId: fiado.lines[0]?.id ?? '', qty: 1_000 }],
        refunds: [{ tender: 'cuenta_corriente', amount: 3_000_00 }],
        reason: 'No era',
        approvalId,
        idempotencyKey: newKey(),
      },
      s.cajero,
    );
    expect((await s.call('customers.get', { id: c.id }, s.owner)).balance).toBe(0);
    const err = await s.fail('sales.return', {
      saleId: sale.id,
      lines: [{ saleLineId: lineOf(yerba), qty: 1_000 }],
      refunds: [{ tender: 'cuenta_corriente', amount: 2_970_00 }],
      reason: 'x',
      approvalId: await s.authorize('return'),
      idempotencyKey: newKey(),
    });
    expect(err.message).toBe('Solo se reintegra a cuenta corriente una venta que se fió');
  });

  it('keeps audit.verify clean through sales and returns, and names a sale edited behind the app', async () => {
    await giveBack([{ saleLineId: lineOf(yerba), qty: 1_000 }], 2_970_00);
    await giveBack([{ saleLineId: lineOf(queso), qty: 33 }], 297_00, { destination: 'averiado' });
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });
    s.deps.db.prepare('UPDATE sales SET total = 1 WHERE id = ?').run(sale.id);
    const v = await s.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.stateMismatches.map((m) => m.message)).toEqual([
      expect.stringContaining(`La venta ${sale.id} fue modificado fuera de la aplicación`),
    ]);
  });

  it('gives back the cash rounding too when a rounded ticket is voided', async () => {
    await s.call('sales.updateSettings', { cashRoundingStep: 1000 }, s.owner);
    const p = await s.product('Caramelos', { price: 1_234_56 });
    const rounded = await s.sell({
      lines: [{ productId: p.id, qty: 1_000 }],
      payments: [{ tender: 'efectivo', amount: 1_230_00 }],
      roundToCash: true,
    });
    expect(rounded.rounding).toBe(-4_56);
    const approvalId = await s.authorize('return');
    const r = await s.call(
      'sales.return',
      {
        saleId: rounded.id,
        lines: [{ saleLineId: rounded.lines[0]?.id ?? '', qty: 1_000 }],
        refunds: [{ tender: 'efectivo', amount: 1_230_00 }],
        reason: 'Anulación',
        approvalId,
        idempotencyKey: newKey(),
      },
      s.cajero,
    );
    expect(r.total).toBe(1_230_00);
  });

  it('refunds each line of a product sold twice by what that line gave back, as sales.get shows', async () => {
    const p = await s.product('Alfajor', { price: 1_000_01 });
    const twice = await s.sell({
      lines: [
        { productId: p.id, qty: 3_000 },
        { productId: p.id, qty: 3_000, discountBp: 100 },
      ],
      payments: [{ tender: 'efectivo', amount: 5_970_06 }],
    });
    const [a, b] = twice.lines;
    if (!a || !b) throw new Error('two lines expected');
    expect([a.total, b.total]).toEqual([3_000_03, 2_970_03]);
    expect([a.refunded, b.refunded]).toEqual([0, 0]);

    const back = async (lines: { saleLineId: string; qty: number }[], refund: number) =>
      s.call(
        'sales.return',
        {
          saleId: twice.id,
          lines,
          refunds: [{ tender: 'efectivo', amount: refund }],
          reason: 'Vencido',
          approvalId: await s.authorize('return'),
          idempotencyKey: newKey(),
        },
        s.cajero,
      );

    // Step 1: one of each line, in proportion to each line's own total.
    const first = await back(
      [
        { saleLineId: a.id, qty: 1_000 },
        { saleLineId: b.id, qty: 1_000 },
      ],
      1_000_01 + 990_01,
    );
    expect(first.lines.map((l) => l.amount)).toEqual([1_000_01, 990_01]);
    const mid = await s.call('sales.get', { id: twice.id }, s.cajero);
    expect(mid.lines.map((l) => [l.returnedQty, l.refunded])).toEqual([
      [1_000, 1_000_01],
      [1_000, 990_01],
    ]);

    // Step 2: the rest of both lines. The screen's rule for emptying a line (its total minus
    // its own `refunded`) gives exactly what the core refunds, line by line.
    const screen = mid.lines.map((l) => l.total - l.refunded);
    expect(screen).toEqual([2_000_02, 1_980_02]);
    const last = await back(
      [
        { saleLineId: a.id, qty: 2_000 },
        { saleLineId: b.id, qty: 2_000 },
      ],
      2_000_02 + 1_980_02,
    );
    expect(last.lines.map((l) => l.amount)).toEqual(screen);
    expect(last.total).toBe(screen.reduce((sum, n) => sum + n, 0));
    const done = await s.call('sales.get', { id: twice.id }, s.cajero);
    expect(done.lines.map((l) => [l.returnedQty, l.refunded])).toEqual([
      [3_000, 3_000_03],
      [3_000, 2_970_03],
    ]);
    expect(first.total + last.total).toBe(twice.total);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
