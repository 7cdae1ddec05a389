import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStock, stockAt } from './ledger.ts';
import { openStore } from './test-support.ts';

const qty = fc.integer({ min: -3_000, max: 9_000 });
const index = fc.nat({ max: 2 });

const op = fc.oneof(
  fc.record({
    type: fc.constant('move' as const),
    p: index,
    l: index,
    kind: fc.constantFrom('entrada' as const, 'salida' as const, 'ajuste' as const),
    qty,
  }),
  fc.record({ type: fc.constant('transfer' as const), p: index, from: index, to: index, qty }),
  fc.record({
    type: fc.constant('count' as const),
    p: index,
    l: index,
    counted: fc.nat({ max: 20_000 }),
  }),
);

describe('stock ledger, any sequence of operations', () => {
  it('keeps every level equal to the sum of its movements and matching a simple model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const s = await openStore();
        try {
          const heladera = await s.call('stock.createLocation', { name: 'Heladera' });
          const locations = [s.salon.id, s.deposito.id, heladera.id];
          const products = [
            (await s.product('Uno')).id,
            (await s.product('Dos')).id,
            (await s.product('Tres', { unit: 'kg' })).id,
          ];
          const model = new Map<string, number>();
          const key = (p: string, l: string) => `${p}|${l}`;
          const add = (p: string, l: string, q: number) =>
            model.set(key(p, l), (model.get(key(p, l)) ?? 0) + q);
          const at = <T>(list: T[], i: number): T => list[i] as T;

          for (const o of ops) {
            const p = at(products, o.p);
            if (o.type === 'move') {
              const l = at(locations, o.l);
              const input = {
                productId: p,
                locationId: l,
                kind: o.kind,
                qty: o.qty,
                reason: 'prop',
              };
              const valid = o.qty !== 0 && (o.kind === 'ajuste' || o.qty > 0);
              const r = await s.core.invoke('stock.move', input, { kind: 'system', label: 'prop' });
              expect(r.ok).toBe(valid);
              if (valid) add(p, l, o.kind === 'salida' ? -o.qty : o.qty);
            } else if (o.type === 'transfer') {
              const from = at(locations, o.from);
              const to = at(locations, o.to);
              const input = { productId: p, fromLocationId: from, toLocationId: to, qty: o.qty };
              const valid = o.qty > 0 && from !== to;
              const r = await s.core.invoke('stock.transfer', input, {
                kind: 'system',
                label: 'prop',
              });
              expect(r.ok).toBe(valid);
              if (valid) {
                add(p, from, -o.qty);
                add(p, to, o.qty);
              }
            } else {
              const l = at(locations, o.l);
              const count = await s.call('stock.countStart', { locationId: l });
              await s.call('stock.countSet', {
                countId: count.id,
                productId: p,
                counted: o.counted,
              });
              await s.call('stock.countClose', { countId: count.id });
              model.set(key(p, l), o.counted);
            }
          }

          const sum = s.deps.db.prepare(
            'SELECT ifnull(sum(qty), 0) AS q FROM stock_movements WHERE product_id = ? AND location_id = ?',
          );
          for (const p of products) {
            for (const l of locations) {
              const expected = model.get(key(p, l)) ?? 0;
              expect(stockAt(s.deps.db, p, l)).toBe(expected);
              expect((sum.get(p, l) as { q: number }).q).toBe(expected);
            }
          }
          expect(checkStock(s.deps.db)).toMatchObject({ ok: true, mismatches: [] });
          expect((await s.call('audit.verify', {})).ok).toBe(true);
        } finally {
          s.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
