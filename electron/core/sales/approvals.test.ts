import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
beforeEach(async () => {
  s = await openSalesStore();
});
afterEach(() => s.close());

const cash = (amount: number) => [{ tender: 'efectivo' as const, amount }];

describe('supervisor approvals at the counter', () => {
  it('refuses a price override without approval, takes it with one, and the approval cannot be reused', async () => {
    const p = await s.product('Vino tinto', { price: 5_000_00 });
    const lines = [{ productId: p.id, qty: 1_000, unitPrice: 4_500_00 }];
    const refused = await s.fail('sales.commit', {
      idempotencyKey: newKey(),
      lines,
      payments: cash(4_500_00),
    });
    expect(refused.code).toBe('APPROVAL_REQUIRED');
    expect(refused.message).toBe(
      'Hace falta la autorización de un supervisor para cambiar un precio de «Vino tinto»',
    );
    expect(s.rows('sales')).toBe(0);

    const approvalId = await s.authorize('price.override', {
      details: { productId: p.id, unitPrice: 4_500_00 },
    });
    const sale = await s.sell({ lines, payments: cash(4_500_00), approvalIds: [approvalId] });
    expect(sale.lines[0]).toMatchObject({
      listPrice: 5_000_00,
      unitPrice: 4_500_00,
      total: 4_500_00,
    });
    expect(sale.flags).toContain('price_override');
    const row = s.deps.db
      .prepare('SELECT requested_by, authorized_by, used_by FROM approvals WHERE id = ?')
      .get(approvalId);
    expect(row).toEqual({
      requested_by: s.cajeroId,
      authorized_by: s.encargadaId,
      used_by: sale.id,
    });

    const reuse = await s.fail('sales.commit', {
      idempotencyKey: newKey(),
      lines,
      payments: cash(4_500_00),
      approvalIds: [approvalId],
    });
    expect(reuse).toMatchObject({
      code: 'APPROVAL_USED',
      message: 'Esa autorización ya se usó: pedí otra',
    });
    expect(s.rows('sales')).toBe(1);
  });

  it('spends one approval per overridden line and refuses one that names another price', async () => {
    const a = await s.product('Coca 2 l', { price: 3_000_00 });
    const b = await s.product('Sprite 2 l', { price: 3_000_00 });
    const lines = [
      { productId: a.id, qty: 1_000, unitPrice: 2_500_00 },
      { productId: b.id, qty: 1_000, unitPrice: 2_500_00 },
    ];
    const one = await s.authorize('price.override');
    const err = await s.fail('sales.commit', {
      idempotencyKey: newKey(),
      lines,
      payments: cash(5_000_00),
      approvalIds: [one],
    });
    expect(err.message).toMatch(/«Sprite 2 l»/);
    const wrongPrice = await s.authorize('price.override', {
      details: { productId: b.id, unitPrice: 2_000_00 },
    });
    expect(
      (
        await s.fail('sales.commit', {
          idempotencyKey: newKey(),
          lines,
          payments: cash(5_000_00),
          approvalIds: [one, wrongPrice],
        })
      ).code,
    ).toBe('APPROVAL_REQUIRED');
    const two = await s.authorize('price.override', { details: { productId: b.id } });
    const sale = await s.sell({ lines, payments: cash(5_000_00), approvalIds: [two, one] });
    expect(s.rows('approvals', `used_by = '${sale.id}'`)).toBe(2);
  });

  it('lets a cashier discount up to the limit, asks a supervisor above it, and not an encargada selling herself', async () => {
    const p = await s.product('Leche', { price: 1_000_00 });
    const within = await s.sell({
      lines: [{ productId: p.id, qty: 1_000, discountBp: 500 }],
      payments: cash(950_00),
    });
    expect(within.discountTotal).toBe(50_00);
    const over = {
      lines: [{ productId: p.id, qty: 1_000, discountBp: 2_000 }],
      payments: cash(800_00),
    };
    const err = await s.fail('sales.commit', { idempotencyKey: newKey(), ...over });
    expect(err.message).toBe(
      'Hace falta la autorización de un supervisor para un descuento mayor al permitido en «Leche»',
    );
    const approval = await s.authorize('discount', { details: { discountBp: 2_000 } });
    const sale = await s.sell({ ...over, approvalIds: [approval] });
    expect(sale.flags).toContain('discount_over_limit');
    const own = await s.call('sales.commit', { idempotencyKey: newKey(), ...over }, s.encargada);
    expect(own.total).toBe(800_00);
  });

  it('refuses a wrong supervisor PIN in Spanish and writes no approval nor sale', async () => {
    const err = await s.fail('auth.authorize', {
      supervisorId: s.encargadaId,
      pin: '0000',
      action: 'price.override',
    });
    expect(err).toMatchObject({
      code: 'WRONG_PIN',
      message: 'PIN del supervisor incorrecto. Le quedan 4 intentos.',
    });
    expect(s.rows('approvals')).toBe(0);
    expect(s.rows('sales')).toBe(0);
    const cashier = await s.fail('auth.authorize', {
      supervisorId: s.cajeroId,
      pin: '1111',
      action: 'discount',
    });
    expect(cashier.code).toBe('FORBIDDEN');
  });

  it('fía within the limit, and over it only with the owner', async () => {
    const p = await s.product('Fideos', { price: 1_000_00 });
    const c = await s.call(
      'customers.create',
      { name: 'Doña Rosa', creditLimit: 1_500_00 },
      s.owner,
    );
    const fiar = {
      lines: [{ productId: p.id, qty: 1_000 }],
      payments: [{ tender: 'cuenta_corriente' as const, amount: 1_000_00 }],
      customerId: c.id,
    };
    const first = await s.sell(fiar);
    expect(first.customerName).toBe('Doña Rosa');
    expect((await s.call('customers.get', { id: c.id }, s.owner)).balance).toBe(1_000_00);

    const over = await s.fail('sales.commit', { idempotencyKey: newKey(), ...fiar });
    expect(over.code).toBe('APPROVAL_REQUIRED');
    expect(over.message).toMatch(/fiar por encima del límite: «Doña Rosa» debe \$ 1\.000,00/);
    const byEncargada = await s.fail('auth.authorize', {
      supervisorId: s.encargadaId,
      pin: '5678',
      action: 'fiado.over_limit',
    });
    expect(byEncargada.message).toMatch(/hace falta el dueño/);
    const approval = await s.authorize('fiado.over_limit', {
      by: 'owner',
      details: { customerId: c.id },
    });
    const second = await s.sell({ ...fiar, approvalIds: [approval] });
    expect(second.flags).toContain('fiado_over_limit');
    expect((await s.call('customers.get', { id: c.id }, s.owner)).balance).toBe(2_000_00);
    expect(
      s.deps.db
        .prepare("SELECT sales FROM cash_session_totals WHERE tender = 'cuenta_corriente'")
        .get(),
    ).toEqual({ sales: 2_000_00 });
  });

  it('ties a line removed with a supervisor PIN to the ticket it was removed from', async () => {
    const p = await s.product('Turrón', { price: 500_00 });
    const removal = await s.authorize('line.remove', { details: { productId: p.id, qty: 1_000 } });
    const sale = await s.sell({
      lines: [{ productId: p.id, qty: 1_000 }],
      payments: cash(500_00),
      approvalIds: [removal],
    });
    expect(s.deps.db.prepare('SELECT used_by FROM approvals WHERE id = ?').get(removal)).toEqual({
      used_by: sale.id,
    });
    expect(s.rows('audit_log', "action = 'approval.line.remove'")).toBe(1);
  });
});
