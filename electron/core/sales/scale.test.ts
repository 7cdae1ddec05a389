import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeScaleBarcode } from '../../../shared/domain/barcode.ts';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
beforeEach(async () => {
  s = await openSalesStore();
});
afterEach(() => s.close());

const WEIGHT = { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 } as const;
const PESOS = { prefix: '21', pluLength: 5, valueKind: 'price', valueDecimals: 0 } as const;

describe('scale labels', () => {
  it('takes the weight from a weight label, whatever quantity the screen sent', async () => {
    const queso = await s.product(
      'Queso cremoso',
      { unit: 'kg', price: 8_900_00, plu: 123 },
      5_000,
    );
    const code = makeScaleBarcode(WEIGHT, 123, 347);
    const sale = await s.sell({
      lines: [{ productId: queso.id, qty: 1_000, code }],
      payments: [{ tender: 'efectivo', amount: 3_088_30 }],
    });
    expect(sale.lines[0]).toMatchObject({ code, qty: 347, unitPrice: 8_900_00, total: 3_088_30 });
    expect(s.stockAt(queso.id)).toBe(5_000 - 347);
  });

  it('charges exactly the whole-peso price printed on a price label, deriving the grams', async () => {
    const jamon = await s.product(
      'Jamón cocido',
      { unit: 'kg', price: 15_990_00, plu: 456 },
      3_000,
    );
    // $ 4.321 on the label: 270,2 g at $ 15.990/kg, charged $ 4.321,00 exactly.
    const code = makeScaleBarcode(PESOS, 456, 4_321_00);
    const sale = await s.sell({
      lines: [{ productId: jamon.id, qty: 1_000, code }],
      payments: [{ tender: 'efectivo', amount: 4_321_00 }],
    });
    expect(sale.lines[0]).toMatchObject({ qty: 270, total: 4_321_00 });
    expect(sale.total).toBe(4_321_00);
    expect(s.stockAt(jamon.id)).toBe(3_000 - 270);
  });

  it('refuses a label whose PLU belongs to another product, and a label on a unit product', async () => {
    const queso = await s.product('Queso', { unit: 'kg', plu: 123 });
    const gaseosa = await s.product('Gaseosa', { plu: 9 });
    const wrong = await s.fail('sales.commit', {
      idempotencyKey: newKey(),
      lines: [{ productId: queso.id, qty: 1_000, code: makeScaleBarcode(WEIGHT, 124, 500) }],
      payments: [{ tender: 'efectivo', amount: 500_00 }],
    });
    expect(wrong.message).toMatch(/es del PLU 124, no de «Queso»/);
    const unit = await s.fail('sales.commit', {
      idempotencyKey: newKey(),
      lines: [{ productId: gaseosa.id, qty: 1_000, code: makeScaleBarcode(WEIGHT, 9, 500) }],
      payments: [{ tender: 'efectivo', amount: 500_00 }],
    });
    expect(unit.message).toBe('«Gaseosa» se vende por unidad: no lleva etiqueta de balanza');
    expect(s.rows('sales')).toBe(0);
  });

  it('treats a 2x code the product owns as a plain barcode', async () => {
    const own = makeScaleBarcode(WEIGHT, 1, 1_000);
    const p = await s.product('Bizcochuelo casero', { price: 2_000_00, barcodes: [own] });
    const sale = await s.sell({
      lines: [{ productId: p.id, qty: 2_000, code: own }],
      payments: [{ tender: 'efectivo', amount: 4_000_00 }],
    });
    expect(sale.lines[0]?.qty).toBe(2_000);
  });

  it('reads layouts from the settings: price in centavos on prefix 22', async () => {
    await s.call(
      'sales.updateSettings',
      {
        scaleLayouts: [{ prefix: '22', pluLength: 4, valueKind: 'price', valueDecimals: 2 }],
      },
      s.owner,
    );
    const p = await s.product('Aceitunas', { unit: 'kg', price: 6_000_00, plu: 77 });
    const code = makeScaleBarcode(
      { prefix: '22', pluLength: 4, valueKind: 'price', valueDecimals: 2 },
      77,
      750_50,
    );
    const sale = await s.sell({
      lines: [{ productId: p.id, qty: 1_000, code }],
      payments: [{ tender: 'efectivo', amount: 750_50 }],
    });
    expect(sale.lines[0]).toMatchObject({ qty: 125, total: 750_50 });
  });
});
