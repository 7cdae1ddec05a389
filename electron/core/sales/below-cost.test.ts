import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
let detergente: Product;
let lavandina: Product;
beforeEach(async () => {
  s = await openSalesStore();
  // $ 1.000 with 21 % IVA is $ 826,45 net, under a cost of $ 900; $ 600 is $ 495,87 net, under $ 520.
  detergente = await s.product('Detergente', { price: 1_000_00, cost: 900_00 });
  lavandina = await s.product('Lavandina', { price: 600_00, cost: 520_00 });
});
afterEach(() => s.close());

/** Rows a refused sale must not have touched. */
const WRITTEN = [
  'sales',
  'sale_lines',
  'sale_payments',
  'stock_movements',
  'cash_session_totals',
  'audit_log',
];
const counts = () => Object.fromEntries(WRITTEN.map((t) => [t, s.rows(t)]));

const oneDetergente = () => ({
  lines: [{ productId: detergente.id, qty: 1_000 }],
  payments: [{ tender: 'efectivo' as const, amount: 1_000_00 }],
  confirmBelowCost: true,
});

const approvalRow = (id: string) =>
  s.deps.db.prepare('SELECT action, authorized_by, used_by FROM approvals WHERE id = ?').get(id);

describe('a cashier selling below cost', () => {
  it('is told a supervisor must authorise it, and confirming alone is refused with nothing written', async () => {
    const asked = await s.fail('sales.commit', {
      ...oneDetergente(),
      idempotencyKey: newKey(),
      confirmBelowCost: false,
    });
    expect(asked.code).toBe('BELOW_COST');
    expect(asked.message).toMatch(
      /Para vender igual hace falta el PIN de un encargado o del dueño\.$/,
    );
    expect(asked.details).toMatchObject({ needsSupervisor: true });

    const before = counts();
    const refused = await s.fail('sales.commit', { ...oneDetergente(), idempotencyKey: newKey() });
    expect(refused).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      message:
        'Hace falta la autorización de un supervisor para vender por debajo del costo: «Detergente»',
      details: { action: 'sale.below_cost', productIds: [detergente.id] },
    });
    expect(counts()).toEqual(before);
    expect(s.stockAt(detergente.id)).toBe(10_000);
  });

  it('sells with the supervisor PIN, spends the approval on that sale, and refuses it a second time', async () => {
    const approval = await s.authorize('sale.below_cost', {
      details: { productIds: [detergente.id] },
    });
    const sale = await s.sell({ ...oneDetergente(), approvalIds: [approval] });
    expect(sale.flags).toContain('below_cost');
    expect(sale.lines[0]?.belowCost).toBe(true);
    expect(approvalRow(approval)).toEqual({
      action: 'sale.below_cost',
      authorized_by: s.encargadaId,
      used_by: sale.id,
    });
    // The line names the approval that covered it, so the sale's audit entry does too.
    expect(
      s.deps.db.prepare('SELECT approval_id FROM sale_lines WHERE sale_id = ?').get(sale.id),
    ).toEqual({ approval_id: approval });
    expect(s.stockAt(detergente.id)).toBe(9_000);

    const before = counts();
    const again = await s.fail('sales.commit', {
      ...oneDetergente(),
      idempotencyKey: newKey(),
      approvalIds: [approval],
    });
    expect(again.code).toBe('APPROVAL_USED');
    expect(counts()).toEqual(before);
    expect(s.rows('sales')).toBe(1);
  });

  it('does not take an approval for another action, nor one naming other products', async () => {
    const price = await s.authorize('price.override');
    const otherAction = await s.fail('sales.commit', {
      ...oneDetergente(),
      idempotencyKey: newKey(),
      approvalIds: [price],
    });
    expect(otherAction).toMatchObject({
      code: 'APPROVAL_REQUIRED',
      details: { action: 'sale.below_cost' },
    });

    const both = {
      lines: [
        { productId: detergente.id, qty: 1_000 },
        { productId: lavandina.id, qty: 1_000 },
      ],
      payments: [{ tender: 'efectivo' as const, amount: 1_600_00 }],
      confirmBelowCost: true,
    };
    const onlyOne = await s.authorize('sale.below_cost', {
      details: { productIds: [detergente.id] },
    });
    const partial = await s.fail('sales.commit', {
      ...both,
      idempotencyKey: newKey(),
      approvalIds: [onlyOne],
    });
    expect(partial.code).toBe('APPROVAL_REQUIRED');
    expect(partial.message).toMatch(/«Detergente», «Lavandina»$/);
    expect(s.rows('sales')).toBe(0);
    expect(approvalRow(onlyOne)).toMatchObject({ used_by: null });

    const whole = await s.authorize('sale.below_cost', {
      details: { productIds: [lavandina.id, detergente.id] },
    });
    const sale = await s.sell({ ...both, approvalIds: [onlyOne, whole] });
    expect(approvalRow(whole)).toMatchObject({ used_by: sale.id });
    expect(approvalRow(onlyOne)).toMatchObject({ used_by: null });
  });

  it('cannot authorise it with their own PIN', async () => {
    const err = await s.fail('auth.authorize', {
      supervisorId: s.cajeroId,
      pin: '1111',
      action: 'sale.below_cost',
    });
    expect(err.code).toBe('FORBIDDEN');
    expect(err.message).toMatch(/no puede autorizar vender por debajo del costo/);
  });
});

describe('an encargado or the owner selling below cost', () => {
  it('confirms on their own, without a PIN, and the sale is still flagged', async () => {
    const asked = await s.fail(
      'sales.commit',
      { ...oneDetergente(), idempotencyKey: newKey(), confirmBelowCost: false },
      s.encargada,
    );
    expect(asked).toMatchObject({ code: 'BELOW_COST', details: { needsSupervisor: false } });
    for (const caller of [s.encargada, s.owner]) {
      const sale = await s.call(
        'sales.commit',
        { ...oneDetergente(), idempotencyKey: newKey() },
        caller,
      );
      expect(sale.flags).toEqual(['below_cost']);
      expect(sale.lines[0]?.belowCost).toBe(true);
    }
    expect(s.rows('approvals')).toBe(0);
    expect(s.stockAt(detergente.id)).toBe(8_000);
  });
});
