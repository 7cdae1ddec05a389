import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { checkStock, postMovement, stockAt, stockTotal } from './ledger.ts';
import { openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

const ledgerSum = (productId: string, locationId: string): number =>
  (
    s.deps.db
      .prepare(
        'SELECT ifnull(sum(qty), 0) AS q FROM stock_movements WHERE product_id = ? AND location_id = ?',
      )
      .get(productId, locationId) as { q: number }
  ).q;

describe('stock ledger', () => {
  it('keeps the stock per location equal to the sum of its movements', async () => {
    const yerba = await s.product('Yerba Playadito 1 kg', { barcodes: ['7790387000016'] });
    const base = { productId: yerba.id, reason: 'Compra' };
    await s.call('stock.move', { ...base, locationId: s.salon.id, kind: 'entrada', qty: 10_000 });
    await s.call('stock.move', {
      ...base,
      locationId: s.salon.id,
      kind: 'salida',
      qty: 3_000,
      reason: 'Roto',
    });
    await s.call('stock.move', {
      ...base,
      locationId: s.salon.id,
      kind: 'ajuste',
      qty: -1_000,
      reason: 'Vencido',
    });
    await s.call('stock.move', {
      ...base,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 24_000,
    });

    const levels = await s.call('stock.levels', { productId: yerba.id });
    expect(levels).toEqual([
      { locationId: s.salon.id, locationName: 'Salón', qty: 6_000 },
      { locationId: s.deposito.id, locationName: 'Depósito', qty: 24_000 },
    ]);
    expect(stockAt(s.deps.db, yerba.id, s.salon.id)).toBe(ledgerSum(yerba.id, s.salon.id));
    expect(stockAt(s.deps.db, yerba.id, s.deposito.id)).toBe(ledgerSum(yerba.id, s.deposito.id));
    expect(stockTotal(s.deps.db, yerba.id)).toBe(30_000);
    expect(checkStock(s.deps.db)).toEqual({ ok: true, checked: 2, mismatches: [] });

    // The salida is stored negative although the person typed 3.
    const history = await s.call('stock.movements', {
      productId: yerba.id,
      locationId: s.salon.id,
    });
    expect(history.map((m) => [m.kind, m.qty, m.reason])).toEqual([
      ['ajuste', -1_000, 'Vencido'],
      ['salida', -3_000, 'Roto'],
      ['entrada', 10_000, 'Compra'],
    ]);
    expect(history[0]).toMatchObject({
      productName: 'Yerba Playadito 1 kg',
      locationName: 'Salón',
    });
  });

  it('shows a level of 0 for every active location a product never moved in', async () => {
    const p = await s.product('Fósforos');
    const extra = await s.call('stock.createLocation', { name: 'Heladera' });
    expect(await s.call('stock.levels', { productId: p.id })).toEqual([
      { locationId: s.salon.id, locationName: 'Salón', qty: 0 },
      { locationId: s.deposito.id, locationName: 'Depósito', qty: 0 },
      { locationId: extra.id, locationName: 'Heladera', qty: 0 },
    ]);
    expect((await s.fail('stock.createLocation', { name: 'heladera' })).code).toBe('CONFLICT');
    expect((await s.fail('stock.levels', { productId: 'nope' })).code).toBe('NOT_FOUND');
  });

  it('moves stock from Depósito to Salón with one transferId and two audit entries', async () => {
    const p = await s.product('Aceite Cocinero 900 ml');
    await s.call('stock.move', {
      productId: p.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 12_000,
      reason: 'Compra',
    });
    const auditBefore = s.rows('audit_log');
    s.events.length = 0;

    const [out, into] = await s.call('stock.transfer', {
      productId: p.id,
      fromLocationId: s.deposito.id,
      toLocationId: s.salon.id,
      qty: 5_000,
    });
    expect(out).toMatchObject({
      kind: 'transferencia',
      qty: -5_000,
      locationId: s.deposito.id,
      reason: 'Reposición',
    });
    expect(into).toMatchObject({ kind: 'transferencia', qty: 5_000, locationId: s.salon.id });
    expect(out?.transferId).toBeTruthy();
    expect(into?.transferId).toBe(out?.transferId);
    expect(stockAt(s.deps.db, p.id, s.deposito.id)).toBe(7_000);
    expect(stockAt(s.deps.db, p.id, s.salon.id)).toBe(5_000);

    const entries = await s.call('audit.list', { entity: 'stock_movement', limit: 2 });
    expect(s.rows('audit_log')).toBe(auditBefore + 2);
    expect(entries.items.map((e) => [e.action, e.entityId])).toEqual([
      ['stock.transferencia', into?.id],
      ['stock.transferencia', out?.id],
    ]);
    expect(s.events).toEqual([{ type: 'stock.changed', payload: { productIds: [p.id] } }]);
  });

  it('lets a transfer take the source below zero: the goods are in hand, the ledger ran behind', async () => {
    const p = await s.product('Gaseosa 2,25 l');
    await s.call('stock.transfer', {
      productId: p.id,
      fromLocationId: s.deposito.id,
      toLocationId: s.salon.id,
      qty: 6_000,
    });
    expect(stockAt(s.deps.db, p.id, s.deposito.id)).toBe(-6_000);
    expect(stockTotal(s.deps.db, p.id)).toBe(0);
  });

  it('refuses a transfer to the same location, writing nothing', async () => {
    const p = await s.product('Arroz');
    const audit = s.rows('audit_log');
    const err = await s.fail('stock.transfer', {
      productId: p.id,
      fromLocationId: s.salon.id,
      toLocationId: s.salon.id,
      qty: 1_000,
    });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toMatch(/distintos/);
    expect(s.rows('stock_movements')).toBe(0);
    expect(s.rows('audit_log')).toBe(audit);
  });

  it('refuses a salida with no reason and writes nothing', async () => {
    const p = await s.product('Galletitas');
    const audit = s.rows('audit_log');
    for (const reason of ['', '   ']) {
      const err = await s.fail('stock.move', {
        productId: p.id,
        locationId: s.salon.id,
        kind: 'salida',
        qty: 1_000,
        reason,
      });
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(/motivo/);
    }
    expect(s.rows('stock_movements')).toBe(0);
    expect(s.rows('stock_levels')).toBe(0);
    expect(s.rows('audit_log')).toBe(audit);
  });

  it('refuses zero, fractional, wrongly signed and absurd quantities', async () => {
    const p = await s.product('Azúcar 1 kg');
    const base = { productId: p.id, locationId: s.salon.id, reason: 'x' };
    const bad = [
      { ...base, kind: 'entrada' as const, qty: 0 },
      { ...base, kind: 'ajuste' as const, qty: 0 },
      { ...base, kind: 'entrada' as const, qty: 1.5 },
      { ...base, kind: 'entrada' as const, qty: -2_000 },
      { ...base, kind: 'salida' as const, qty: -2_000 },
      { ...base, kind: 'entrada' as const, qty: 2_000_000_000 },
      { ...base, kind: 'ajuste' as const, qty: -2_000_000_000 },
    ];
    for (const input of bad) {
      expect((await s.fail('stock.move', input)).code, JSON.stringify(input)).toBe('INVALID_INPUT');
    }
    expect(
      (
        await s.fail('stock.transfer', {
          productId: p.id,
          fromLocationId: s.salon.id,
          toLocationId: s.deposito.id,
          qty: 0,
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect(
      (await s.fail('stock.move', { ...base, productId: 'no-such', kind: 'entrada', qty: 1_000 }))
        .code,
    ).toBe('NOT_FOUND');
    expect(s.rows('stock_movements')).toBe(0);
  });

  it('postMovement enforces the sign of each kind and only runs inside a transaction', async () => {
    const p = await s.product('Leche');
    const ctx = s.core.systemCtx('test');
    const m = { productId: p.id, locationId: s.salon.id, reason: null };
    expect(() => postMovement(ctx, { ...m, kind: 'entrada', qty: 1_000 })).toThrow(/transacción/);
    const refused = (kind: 'venta' | 'devolucion' | 'salida' | 'entrada', qty: number) =>
      expect(() => ctx.tx(() => postMovement(ctx, { ...m, kind, qty }))).toThrow(AppError);
    refused('venta', 1_000);
    refused('salida', 1_000);
    refused('devolucion', -1_000);
    refused('entrada', -1_000);
    refused('entrada', Number.NaN);
    expect(() =>
      ctx.tx(() => postMovement(ctx, { ...m, locationId: 'nowhere', kind: 'entrada', qty: 1 })),
    ).toThrow(/ubicación no existe/);
    const sold = ctx.tx(() =>
      postMovement(ctx, { ...m, kind: 'venta', qty: -2_500, reference: 'T-1' }),
    );
    expect(sold).toMatchObject({ qty: -2_500, kind: 'venta', reference: 'T-1', userName: null });
    expect(stockAt(s.deps.db, p.id, s.salon.id)).toBe(-2_500);
    expect(s.rows('stock_movements')).toBe(1);
  });
});
