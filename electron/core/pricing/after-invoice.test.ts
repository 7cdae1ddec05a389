import { afterEach, expect, it } from 'vitest';
import {
  invoiceData,
  item,
  openInvoiceStore,
  type InvoiceStore,
} from '../invoices/test-support.ts';

let s: InvoiceStore;
afterEach(() => s.close());

it('a cost raised by an applied invoice puts the product in the suggestions at once', async () => {
  s = await openInvoiceStore();
  const coca = await s.product('Coca-Cola 1,5 L', {
    barcodes: ['7790895000997'],
    cost: 1_400_00,
    price: 2_450_00,
  });
  // At $ 1.400 the target is $ 2.410: the price covers it.
  expect((await s.call('pricing.suggest', { query: 'coca' })).total).toBe(0);
  const draft = await s.extract(
    invoiceData({
      items: [
        item('COCA COLA 1,5L', { code: '7790895000997', quantity: 6_000, unitPrice: 1_500_00 }),
      ],
    }),
  );
  const applied = await s.call('invoices.apply', {
    id: draft.id,
    locationId: s.salon.id,
    lines: [],
  });
  expect(applied.costRises.map((r) => r.productId)).toEqual([coca.id]);
  const page = await s.call('pricing.suggest', { query: 'coca' });
  expect(page.rows[0]).toMatchObject({ productId: coca.id, cost: 1_500_00, price: 2_450_00 });
  expect(page.rows[0]?.target).toBeGreaterThan(2_450_00 * 1.03);
  expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
});
