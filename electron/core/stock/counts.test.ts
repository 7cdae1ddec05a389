import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkStock, stockAt } from './ledger.ts';
import { openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

const stock = (productId: string, locationId: string) => stockAt(s.deps.db, productId, locationId);

async function stocked(name: string, qty: number, extra: Parameters<Store['product']>[1] = {}) {
  const p = await s.product(name, extra);
  await s.call('stock.move', {
    productId: p.id,
    locationId: s.salon.id,
    kind: 'entrada',
    qty,
    reason: 'Compra',
  });
  return p;
}

describe('stock counts', () => {
  it('posts each variance as an ajuste on close and the ledger replay still matches the cache', async () => {
    const yerba = await stocked('Yerba', 10_000, { barcodes: ['7790387000016'] });
    const azucar = await stocked('Azúcar', 5_000);
    const cafe = await stocked('Café', 3_000);
    const count = await s.call('stock.countStart', { locationId: s.salon.id });
    expect(count).toMatchObject({
      status: 'abierto',
      locationName: 'Salón',
      startedBy: null,
      lines: [],
    });

    const line = await s.call('stock.countSet', {
      countId: count.id,
      productId: yerba.id,
      counted: 7_000,
    });
    expect(line).toEqual({
      productId: yerba.id,
      name: 'Yerba',
      barcode: '7790387000016',
      unit: 'u',
      expected: 10_000,
      counted: 7_000,
      variance: -3_000,
    });
    await s.call('stock.countSet', { countId: count.id, productId: azucar.id, counted: 6_000 });
    await s.call('stock.countSet', { countId: count.id, productId: cafe.id, counted: 3_000 });
    expect(s.rows('stock_movements')).toBe(3);

    const closed = await s.call('stock.countClose', { countId: count.id });
    expect(closed.status).toBe('cerrado');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.lines.map((l) => [l.name, l.variance])).toEqual([
      ['Azúcar', 1_000],
      ['Café', 0],
      ['Yerba', -3_000],
    ]);
    expect(stock(yerba.id, s.salon.id)).toBe(7_000);
    expect(stock(azucar.id, s.salon.id)).toBe(6_000);
    expect(stock(cafe.id, s.salon.id)).toBe(3_000);

    const adjustments = await s.call('stock.movements', { limit: 2 });
    expect(adjustments).toHaveLength(2);
    for (const m of adjustments) {
      expect(m).toMatchObject({ kind: 'ajuste', reason: 'Conteo 10/03/2025', reference: count.id });
    }
    expect(s.rows('stock_movements')).toBe(5);
    expect(checkStock(s.deps.db).ok).toBe(true);

    const actions = (
      await s.call('audit.list', { entity: 'stock_count', entityId: count.id })
    ).items.map((e) => e.action);
    expect(actions).toEqual([
      'stock.count_close',
      'stock.count_set',
      'stock.count_set',
      'stock.count_set',
      'stock.count_start',
    ]);
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
    expect(
      (await s.fail('stock.countSet', { countId: count.id, productId: yerba.id, counted: 1 })).code,
    ).toBe('CONFLICT');
    expect((await s.fail('stock.countClose', { countId: count.id })).code).toBe('CONFLICT');
  });

  it('keeps sales made while the count is open: the variance is against stock when the line was counted', async () => {
    const p = await stocked('Alfajor', 20_000);
    const count = await s.call('stock.countStart', { locationId: s.salon.id });
    await s.call('stock.countSet', { countId: count.id, productId: p.id, counted: 18_000 });
    // Sold after the shelf was counted, before the count was closed.
    await s.call('stock.move', {
      productId: p.id,
      locationId: s.salon.id,
      kind: 'salida',
      qty: 5_000,
      reason: 'Venta',
    });
    const closed = await s.call('stock.countClose', { countId: count.id });
    expect(closed.lines[0]).toMatchObject({ expected: 20_000, counted: 18_000, variance: -2_000 });
    expect(stock(p.id, s.salon.id)).toBe(13_000);
  });

  it('allows only one open count per location', async () => {
    const first = await s.call('stock.countStart', { locationId: s.salon.id });
    const err = await s.fail('stock.countStart', { locationId: s.salon.id });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/Ya hay un conteo abierto en «Salón»/);
    await s.call('stock.countStart', { locationId: s.deposito.id });

    const cancelled = await s.call('stock.countCancel', { countId: first.id });
    expect(cancelled.status).toBe('cancelado');
    const again = await s.call('stock.countStart', { locationId: s.salon.id });
    expect(again.id).not.toBe(first.id);
    expect((await s.fail('stock.countStart', { locationId: 'nowhere' })).code).toBe('NOT_FOUND');
  });

  it('finds the product by barcode, SKU or PLU and overwrites the line on a recount', async () => {
    const p = await stocked('Queso cremoso', 2_500, {
      barcodes: ['2000123000000'],
      sku: 'QC-1',
      plu: 123,
      unit: 'kg',
    });
    const count = await s.call('stock.countStart', { locationId: s.salon.id });
    const byBarcode = await s.call('stock.countSet', {
      countId: count.id,
      code: ' 2000123000000 ',
      counted: 1_000,
    });
    expect(byBarcode).toMatchObject({
      productId: p.id,
      unit: 'kg',
      counted: 1_000,
      expected: 2_500,
    });
    await s.call('stock.move', {
      productId: p.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 500,
      reason: 'Compra',
    });
    const bySku = await s.call('stock.countSet', {
      countId: count.id,
      code: 'QC-1',
      counted: 2_000,
    });
    expect(bySku).toMatchObject({
      productId: p.id,
      counted: 2_000,
      expected: 3_000,
      variance: -1_000,
    });
    const byPlu = await s.call('stock.countSet', {
      countId: count.id,
      code: '123',
      counted: 2_900,
    });
    expect(byPlu.variance).toBe(-100);

    const got = await s.call('stock.countGet', { countId: count.id });
    expect(got.lines).toHaveLength(1);
    const err = await s.fail('stock.countSet', {
      countId: count.id,
      code: '7799999999999',
      counted: 1,
    });
    expect(err).toMatchObject({ code: 'NOT_FOUND' });
    expect(err.message).toContain('7799999999999');
    expect((await s.fail('stock.countSet', { countId: count.id, counted: 1 })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (await s.fail('stock.countSet', { countId: count.id, productId: p.id, counted: -1 })).code,
    ).toBe('INVALID_INPUT');
    expect(
      (await s.fail('stock.countSet', { countId: 'nope', productId: p.id, counted: 1 })).code,
    ).toBe('NOT_FOUND');

    const recount = (await s.call('audit.list', { entity: 'stock_count', limit: 1 })).items[0];
    expect(recount).toMatchObject({
      action: 'stock.count_set',
      before: { productId: p.id, counted: 2_000, expected: 3_000 },
      after: { productId: p.id, counted: 2_900, expected: 3_000 },
    });
  });

  it('posts nothing when a count is cancelled, and refuses to close an empty one', async () => {
    const p = await stocked('Mate cocido', 4_000);
    const count = await s.call('stock.countStart', { locationId: s.salon.id });
    expect((await s.fail('stock.countClose', { countId: count.id })).message).toMatch(/cancelalo/);
    await s.call('stock.countSet', { countId: count.id, productId: p.id, counted: 0 });
    const movements = s.rows('stock_movements');
    const cancelled = await s.call('stock.countCancel', { countId: count.id });
    expect(cancelled).toMatchObject({
      status: 'cancelado',
      lines: [{ counted: 0, expected: 4_000 }],
    });
    expect(s.rows('stock_movements')).toBe(movements);
    expect(stock(p.id, s.salon.id)).toBe(4_000);
    expect((await s.fail('stock.countCancel', { countId: count.id })).code).toBe('CONFLICT');
    const last = (await s.call('audit.list', { limit: 1 })).items[0];
    expect(last).toMatchObject({
      action: 'stock.count_cancel',
      entity: 'stock_count',
      entityId: count.id,
    });
  });

  it('lists counts most recent first, with lines only for the open ones', async () => {
    const p = await stocked('Polenta', 1_000);
    const encargado = await s.login('Rosa', 'encargado');
    const old = await s.call('stock.countStart', { locationId: s.salon.id }, encargado);
    await s.call('stock.countSet', { countId: old.id, productId: p.id, counted: 1_000 }, encargado);
    await s.call('stock.countClose', { countId: old.id }, encargado);
    const open = await s.call('stock.countStart', { locationId: s.salon.id });
    await s.call('stock.countSet', { countId: open.id, productId: p.id, counted: 2_000 });

    const counts = await s.call('stock.counts', {});
    expect(counts.map((c) => [c.id, c.status, c.lines.length])).toEqual([
      [open.id, 'abierto', 1],
      [old.id, 'cerrado', 0],
    ]);
    expect(counts[1]?.startedBy).toBe('Rosa');
    expect(counts[0]?.lines[0]).toMatchObject({
      name: 'Polenta',
      barcode: null,
      unit: 'u',
      variance: 1_000,
    });
    const full = await s.call('stock.countGet', { countId: old.id });
    expect(full.lines).toHaveLength(1);
    expect(s.events.some((e) => e.type === 'stock.changed')).toBe(true);
  });
});
