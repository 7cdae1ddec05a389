import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

describe('stock screens and permissions', () => {
  it('lists movements newest first with names, filters and paging by time', async () => {
    const a = await s.product('Pan lactal');
    const b = await s.product('Manteca');
    const encargado = await s.login('Marta', 'encargado');
    await s.call(
      'stock.move',
      { productId: a.id, locationId: s.salon.id, kind: 'entrada', qty: 1_000, reason: 'Compra' },
      encargado,
    );
    await s.call('stock.move', {
      productId: b.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 2_000,
      reason: 'Compra',
    });
    await s.call('stock.move', {
      productId: a.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 3_000,
      reason: 'Compra',
    });

    const all = await s.call('stock.movements', {});
    expect(all.map((m) => m.qty)).toEqual([3_000, 2_000, 1_000]);
    expect(all[2]).toMatchObject({
      productName: 'Pan lactal',
      locationName: 'Salón',
      userName: 'Marta',
    });
    expect(all[1]?.userName).toBeNull();
    expect((await s.call('stock.movements', { productId: a.id })).map((m) => m.qty)).toEqual([
      3_000, 1_000,
    ]);
    expect(
      (await s.call('stock.movements', { locationId: s.deposito.id })).map((m) => m.qty),
    ).toEqual([3_000, 2_000]);
    const older = await s.call('stock.movements', { beforeAt: all[0]?.at, limit: 1 });
    expect(older.map((m) => m.qty)).toEqual([2_000]);
  });

  it('lists active products under their minimum, most urgent first', async () => {
    const empty = await s.product('Lavandina', { minStock: 6_000, barcodes: ['7791290000011'] });
    const half = await s.product('Detergente', { minStock: 10_000 });
    const fine = await s.product('Esponja', { minStock: 2_000 });
    await s.product('Trapo', { minStock: 0 });
    const inactive = await s.product('Cera', { minStock: 5_000, active: false });
    const negative = await s.product('Jabón', { minStock: 3_000 });
    const move = (productId: string, qty: number) =>
      s.call('stock.move', {
        productId,
        locationId: s.salon.id,
        kind: 'ajuste',
        qty,
        reason: 'Inicial',
      });
    await move(half.id, 4_000);
    await s.call('stock.move', {
      productId: half.id,
      locationId: s.deposito.id,
      kind: 'entrada',
      qty: 1_000,
      reason: 'Compra',
    });
    await move(fine.id, 2_000);
    await move(negative.id, -1_000);
    void inactive;

    const low = await s.call('stock.lowStock', {});
    expect(low.map((l) => [l.name, l.stock])).toEqual([
      ['Jabón', -1_000],
      ['Lavandina', 0],
      ['Detergente', 5_000],
    ]);
    expect(low[1]).toEqual({
      productId: empty.id,
      name: 'Lavandina',
      barcode: '7791290000011',
      unit: 'u',
      stock: 0,
      minStock: 6_000,
      maxStock: null,
    });
    expect(await s.call('stock.lowStock', { limit: 1 })).toHaveLength(1);
  });

  it('forbids a cajero to move stock but lets an encargado, who is named on the movement', async () => {
    const p = await s.product('Cigarrillos');
    const cajero = await s.login('Juan', 'cajero');
    const input = {
      productId: p.id,
      locationId: s.salon.id,
      kind: 'entrada' as const,
      qty: 10_000,
      reason: 'Compra',
    };
    expect((await s.fail('stock.move', input, cajero)).code).toBe('FORBIDDEN');
    expect((await s.fail('stock.countStart', { locationId: s.salon.id }, cajero)).code).toBe(
      'FORBIDDEN',
    );
    expect(await s.call('stock.levels', { productId: p.id }, cajero)).toHaveLength(2);
    expect(s.rows('stock_movements')).toBe(0);

    const encargado = await s.login('Ana', 'encargado');
    const m = await s.call('stock.move', input, encargado);
    expect(m.userName).toBe('Ana');
    const row = s.deps.db
      .prepare('SELECT u.name FROM stock_movements m JOIN users u ON u.id = m.user_id')
      .get();
    expect(row).toEqual({ name: 'Ana' });
  });
});
