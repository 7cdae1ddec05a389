import { afterEach, describe, expect, it } from 'vitest';
import { openShopStore, openStoreWithOwner, type TestStore } from '../testing/harness.ts';
import { canonicalJson } from './log.ts';

let store: (TestStore & { ownerId: string }) | null = null;
afterEach(() => store?.close());

async function storeWithHistory() {
  store = await openStoreWithOwner();
  await store.call('users.create', { name: 'Lucía', role: 'cajero', pin: '5678' });
  await store.call('users.create', { name: 'Ramón', role: 'encargado', pin: '9012' });
  await store.call('settings.update', { storeAddress: 'Av. Corrientes 1234' });
  return store;
}

const db = () => {
  const d = store?.core.deps();
  if (!d) throw new Error('store closed');
  return d.db;
};

describe('audit log', () => {
  it('writes one chained entry per change and verifies intact', async () => {
    const s = await storeWithHistory();
    const list = await s.call('audit.list', { limit: 100 });
    expect(list.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.create', 'location.create', 'settings.update']),
    );
    expect(list.items[0]?.actor).toBe('test');
    const r = await s.call('audit.verify', {});
    expect(r).toMatchObject({ ok: true, firstBroken: null, stateMismatches: [] });
    expect(r.checked).toBe(list.total);
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }),
    );
  });

  it('names the entry that was edited after the fact', async () => {
    const s = await storeWithHistory();
    db()
      .prepare("UPDATE audit_log SET after = replace(after, 'Lucía', 'Lucio') WHERE seq = 5")
      .run();
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: 5, kind: 'edited' });
    expect(r.firstBroken?.message).toMatch(/entrada 5/);
  });

  it('names the gap where entries were deleted', async () => {
    const s = await storeWithHistory();
    db().prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const r = await s.call('audit.verify', {});
    expect(r.firstBroken).toMatchObject({ seq: 4, kind: 'deleted' });
    expect(r.firstBroken?.message).toMatch(/3/);
  });

  it('names the last entry when it was deleted', async () => {
    const s = await storeWithHistory();
    const d = db();
    const last = d.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number };
    d.prepare('DELETE FROM audit_log WHERE seq = ?').run(last.m);
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: last.m, kind: 'deleted' });
    expect(r.firstBroken?.message).toBe(
      `Falta la última entrada (la ${last.m}): fue borrada después de escrita`,
    );
  });

  it('counts the entries deleted from the end of the chain', async () => {
    const s = await storeWithHistory();
    const d = db();
    const last = d.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number };
    d.prepare('DELETE FROM audit_log WHERE seq > ?').run(last.m - 3);
    const r = await s.call('audit.verify', {});
    expect(r.firstBroken).toMatchObject({ seq: last.m - 2, kind: 'deleted' });
    expect(r.firstBroken?.message).toMatch(/^Faltan las últimas 3 entradas/);
  });

  it('still names entries deleted from the end after the app writes new ones', async () => {
    const s = await storeWithHistory();
    const d = db();
    const last = d.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number };
    d.prepare('DELETE FROM audit_log WHERE seq > ?').run(last.m - 2);
    // The next change does not take the deleted numbers: the gap stays where it was.
    await s.call('settings.update', { storeAddress: 'Av. Rivadavia 5000' });
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ seq: last.m + 1, kind: 'deleted' });
    expect(r.firstBroken?.message).toContain(`${last.m - 1}–${last.m}`);
  });

  it('names an entry inserted out of order', async () => {
    const s = await storeWithHistory();
    const d = db();
    const last = d.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number };
    d.prepare(
      `INSERT INTO audit_log (seq, id, at, user_id, actor, action, entity, entity_id, before, after, prev_hash, hash)
       VALUES (?, 'x', 0, NULL, 'intruso', 'user.create', 'user', 'u', NULL, NULL, 'abc', 'def')`,
    ).run(last.m + 1);
    const r = await s.call('audit.verify', {});
    expect(r.firstBroken).toMatchObject({ seq: last.m + 1, kind: 'inserted' });
  });

  it('notices a row changed behind the app even with the chain intact', async () => {
    const s = await storeWithHistory();
    db().prepare("UPDATE users SET role = 'dueno' WHERE name = 'Lucía'").run();
    const r = await s.call('audit.verify', {});
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toBeNull();
    expect(r.stateMismatches).toHaveLength(1);
    expect(r.stateMismatches[0]?.message).toMatch(/modificado fuera de la aplicación/);
  });

  it('notices rows inserted and deleted behind the app', async () => {
    const s = await storeWithHistory();
    const d = db();
    d.prepare(
      "INSERT INTO locations (id, name, active, sort, created_at) VALUES ('fantasma', 'Trastienda', 1, 9, 0)",
    ).run();
    d.pragma('foreign_keys = OFF');
    d.prepare("DELETE FROM settings WHERE key = 'storeAddress'").run();
    d.pragma('foreign_keys = ON');
    const r = await s.call('audit.verify', {});
    const messages = r.stateMismatches.map((m) => m.message).join('\n');
    expect(messages).toMatch(/La ubicación fantasma apareció sin entrada/);
    expect(messages).toMatch(/storeAddress fue borrado/);
  });

  it('names a product edited behind the app by its name and barcode, with its quantities for people', async () => {
    const shop = await openShopStore();
    store = shop;
    const p = await shop.call('catalog.create', {
      name: 'Azúcar Ledesma 1 kg',
      price: 1_200_00,
      barcodes: ['7792540250450'],
    });
    const move = await shop.call('stock.move', {
      productId: p.id,
      locationId: shop.deposito.id,
      kind: 'entrada',
      qty: 29_000,
      reason: 'Compra',
    });
    const lastSeq = (
      shop.deps.db.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }
    ).m;
    shop.deps.db.prepare('UPDATE products SET price = 1 WHERE id = ?').run(p.id);
    shop.deps.db.prepare('UPDATE stock_movements SET qty = 30000 WHERE id = ?').run(move.id);
    const messages = (await shop.call('audit.verify', {})).stateMismatches.map((m) => m.message);
    expect(messages).toContainEqual(
      expect.stringContaining(
        `El producto «Azúcar Ledesma 1 kg» (código 7792540250450; id ${p.id}) fue modificado fuera de la aplicación`,
      ),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        `El movimiento de stock ${move.id} fue modificado fuera de la aplicación: no coincide con la entrada ${lastSeq} (entrada de 29 u de «Azúcar Ledesma 1 kg», código 7792540250450)`,
      ),
    );
  });

  it('is append-only from the app: a failed change writes no entry', async () => {
    const s = await storeWithHistory();
    const before = (await s.call('audit.list', { limit: 1 })).total;
    const r = await s.attempt('users.create', { name: 'lucía', role: 'cajero', pin: '1111' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await s.call('audit.list', { limit: 1 })).total).toBe(before);
  });
});
