import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product, Tender } from '../../../shared/contract/index.ts';
import { saleTotals } from '../../../shared/domain/sale-math.ts';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
let products: Product[];
beforeAll(async () => {
  s = await openSalesStore();
  await s.call('sales.updateSettings', { cashRoundingStep: 1000 }, s.owner);
  products = [
    await s.product('Arroz', { price: 1_299_99, ivaRateBp: 1050 }),
    await s.product('Lavandina', { price: 850_00 }),
    await s.product('Queso', { price: 8_900_00, unit: 'kg', ivaRateBp: 1050 }),
    await s.product('Vino', { price: 7_777_77, ivaRateBp: 2100 }),
    await s.product('Leche suelta', { price: 1_100_00, unit: 'lt', ivaRateBp: 0 }),
  ];
});
afterAll(() => s.close());

const line = fc.record({
  index: fc.nat({ max: 4 }),
  units: fc.integer({ min: 1, max: 12 }),
  grams: fc.integer({ min: 1, max: 5_000 }),
  discountBp: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 })),
});
const cart = fc.record({
  lines: fc.array(line, { minLength: 1, maxLength: 8 }),
  /** Where to cut the total between tenders, as fractions. */
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
  tenders: fc.array(fc.constantFrom<Tender>('efectivo', 'debito', 'credito', 'transferencia'), {
    minLength: 4,
    maxLength: 4,
  }),
  roundToCash: fc.boolean(),
});

describe('sales.commit over random carts', () => {
  it('charges exactly what the screen computes, payments add up to it, and stock drops by what was sold', async () => {
    await fc.assert(
      fc.asyncProperty(cart, async (c) => {
        const lines = c.lines.map((l) => {
          const p = products[l.index] as Product;
          return {
            productId: p.id,
            qty: p.unit === 'u' ? l.units * 1000 : l.grams,
            discountBp: l.discountBp,
          };
        });
        const priced = lines.map((l) => {
          const p = products.find((x) => x.id === l.productId) as Product;
          return {
            qty: l.qty,
            unitPrice: p.price,
            discountBp: l.discountBp,
            ivaRateBp: p.ivaRateBp,
          };
        });
        const cuts = [...new Set(c.cuts.map((f) => Math.floor(f * 1e6)))].sort((a, b) => a - b);
        const split = cuts.length > 0 && !c.roundToCash;
        const total = saleTotals(priced, {
          roundToCash: c.roundToCash && !split,
          roundingStep: 1000,
        }).total;
        fc.pre(total > 0);
        const bounds = [0, ...cuts.map((x) => Math.floor((total * x) / 1e6)), total];
        const payments = split
          ? bounds
              .slice(1)
              .map((b, i) => ({ tender: c.tenders[i] ?? 'efectivo', amount: b - (bounds[i] ?? 0) }))
              .filter((p) => p.amount > 0)
          : [{ tender: 'efectivo' as const, amount: total }];
        const stockBefore = new Map(products.map((p) => [p.id, s.stockAt(p.id)]));
        const sale = await s.sell({
          key: newKey(),
          lines,
          payments,
          roundToCash: c.roundToCash && !split,
        });
        expect(sale.total).toBe(total);
        expect(sale.payments.reduce((sum, p) => sum + p.amount, 0)).toBe(sale.total);
        expect(sale.lines.reduce((sum, l) => sum + l.total, 0) + sale.rounding).toBe(sale.total);
        for (const p of products) {
          const sold = lines.filter((l) => l.productId === p.id).reduce((q, l) => q + l.qty, 0);
          expect(s.stockAt(p.id)).toBe((stockBefore.get(p.id) ?? 0) - sold);
        }
      }),
      { numRuns: 60, seed: 20260310 },
    );
    expect(await s.call('stock.check', {})).toMatchObject({ ok: true });
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
