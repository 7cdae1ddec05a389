import { afterEach, describe, expect, it } from 'vitest';
import { openStoreWithOwner, type TestStore } from '../testing/harness.ts';

let store: TestStore | null = null;
afterEach(() => store?.close());

describe('catalog.update', () => {
  it('changes only the fields it is sent', async () => {
    const s = (store = await openStoreWithOwner());
    const created = await s.call('catalog.create', {
      name: 'Yerba Mate Taragüí 500 g',
      brand: 'Taragüí',
      sku: 'YT-500',
      unit: 'u',
      ivaRateBp: 2100,
      cost: 150_000,
      price: 239_000,
      minStock: 6_000,
      barcodes: ['7790387000508'],
    });
    const updated = await s.call('catalog.update', { id: created.id, changes: { price: 259_000 } });
    expect(updated).toMatchObject({
      price: 259_000,
      brand: 'Taragüí',
      sku: 'YT-500',
      cost: 150_000,
      minStock: 6_000,
      barcodes: ['7790387000508'],
      active: true,
    });
  });

  it('rejects a negative price with a Spanish message and keeps the old one', async () => {
    const s = (store = await openStoreWithOwner());
    const p = await s.call('catalog.create', {
      name: 'Fideos Matarazzo Tirabuzón 500 g',
      price: 120_000,
    });
    const r = await s.attempt('catalog.update', { id: p.id, changes: { price: -1 } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toMatch(/negativo/);
    expect((await s.call('catalog.get', { id: p.id })).price).toBe(120_000);
  });
});
