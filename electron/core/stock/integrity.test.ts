import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildStockLevels, stockTotal } from './ledger.ts';
import { openStore, type Store } from './test-support.ts';

let s: Store;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => s.close());

describe('stock integrity checks', () => {
  it('stock.check reports a cache edited with raw SQL, and rebuildStockLevels puts it back', async () => {
    const a = await s.product('Fideos');
    const b = await s.product('Harina');
    await s.call('stock.move', {
      productId: a.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 8_000,
      reason: 'Compra',
    });
    await s.call('stock.move', {
      productId: b.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 4_000,
      reason: 'Compra',
    });
    expect((await s.call('stock.check', {})).ok).toBe(true);

    const db = s.deps.db;
    db.prepare('UPDATE stock_levels SET qty = 99000 WHERE product_id = ?').run(a.id);
    db.prepare('DELETE FROM stock_levels WHERE product_id = ?').run(b.id);
    db.prepare('INSERT INTO stock_levels (product_id, location_id, qty) VALUES (?, ?, 5000)').run(
      a.id,
      s.deposito.id,
    );

    const check = await s.call('stock.check', {});
    expect(check.ok).toBe(false);
    expect(check.mismatches).toEqual(
      expect.arrayContaining([
        { productId: a.id, locationId: s.salon.id, cached: 99_000, ledger: 8_000 },
        { productId: b.id, locationId: s.salon.id, cached: 0, ledger: 4_000 },
        { productId: a.id, locationId: s.deposito.id, cached: 5_000, ledger: 0 },
      ]),
    );
    expect(check.mismatches).toHaveLength(3);

    const fixed = rebuildStockLevels(s.core.systemCtx('cli'));
    expect(fixed.changed).toBe(3);
    expect(await s.call('stock.check', {})).toMatchObject({ ok: true, mismatches: [] });
    expect(stockTotal(db, a.id)).toBe(8_000);
    expect(stockTotal(db, b.id)).toBe(4_000);
    const last = await s.call('audit.list', { limit: 1 });
    expect(last.items[0]).toMatchObject({
      action: 'stock.rebuild',
      actor: 'cli',
      after: { changed: 3 },
    });
    expect(rebuildStockLevels(s.core.systemCtx('cli')).changed).toBe(0);

    // The CLI wraps it in its own transaction: it nests as a savepoint.
    db.prepare('UPDATE stock_levels SET qty = 1 WHERE product_id = ?').run(b.id);
    const ctx = s.core.systemCtx('cli');
    expect(ctx.tx(() => rebuildStockLevels(ctx)).changed).toBe(1);
    expect(stockTotal(db, b.id)).toBe(4_000);
  });

  it('audit.verify names a movement whose quantity was changed behind the app', async () => {
    const p = await s.product('Vino tinto');
    const m = await s.call('stock.move', {
      productId: p.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 6_000,
      reason: 'Compra',
    });
    await s.call('stock.transfer', {
      productId: p.id,
      fromLocationId: s.salon.id,
      toLocationId: s.deposito.id,
      qty: 2_000,
    });
    expect(await s.call('audit.verify', {})).toMatchObject({
      ok: true,
      firstBroken: null,
      stateMismatches: [],
    });

    s.deps.db.prepare('UPDATE stock_movements SET qty = 60000 WHERE id = ?').run(m.id);
    const v = await s.call('audit.verify', {});
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toBeNull();
    expect(v.stateMismatches).toHaveLength(1);
    expect(v.stateMismatches[0]?.message).toContain(m.id);
    expect(v.stateMismatches[0]?.message).toMatch(/El movimiento de stock .* modificado/);
  });

  it('audit.verify notices a movement deleted or inserted behind the app', async () => {
    const p = await s.product('Cerveza');
    const m = await s.call('stock.move', {
      productId: p.id,
      locationId: s.salon.id,
      kind: 'entrada',
      qty: 6_000,
      reason: 'Compra',
    });
    const db = s.deps.db;
    db.prepare('DELETE FROM stock_movements WHERE id = ?').run(m.id);
    db.prepare(
      `INSERT INTO stock_movements (id, at, product_id, location_id, qty, kind) VALUES ('fake', 1, ?, ?, 1000, 'entrada')`,
    ).run(p.id, s.salon.id);
    const messages = (await s.call('audit.verify', {})).stateMismatches.map((x) => x.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/borrado/),
        expect.stringMatching(/fake apareció/),
      ]),
    );
  });
});
