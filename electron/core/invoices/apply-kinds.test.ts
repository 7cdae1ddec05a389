import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import {
  addYerba,
  invoiceData,
  item,
  KIOSCO,
  NORTE,
  openInvoiceStore,
  SOL,
  type InvoiceStore,
} from './test-support.ts';

let s: InvoiceStore;
let yerba: Product;
let aceite: Product;
let arroz: Product;

beforeEach(async () => {
  s = await openInvoiceStore();
  yerba = await addYerba(s);
  aceite = await s.product('Aceite Cocinero 1,5 L', { barcodes: ['7791234000012'] });
  arroz = await s.product('Arroz Gallo Oro 1 kg', { barcodes: ['7791234000029'], ivaRateBp: 1050 });
});
afterEach(() => s.close());

async function applied(data: Parameters<InvoiceStore['extract']>[0]) {
  const draft = await s.extract(data);
  const result = await s.call('invoices.apply', {
    id: draft.id,
    locationId: s.salon.id,
    lines: [],
  });
  return { draft, result };
}

const cost = async (p: Product): Promise<number> =>
  (await s.call('catalog.get', { id: p.id })).cost;

describe('applying by kind of invoice', () => {
  it('takes IVA out of a B invoice at each product’s own rate', async () => {
    const { draft, result } = await applied(
      invoiceData({
        letter: 'B',
        issuer: { ...NORTE },
        items: [
          item('ACEITE COCINERO 1,5L', {
            code: '7791234000012',
            quantity: 12_000,
            unitPrice: 1_815_00,
          }),
          item('ARROZ GALLO ORO 1KG', {
            code: '7791234000029',
            quantity: 10_000,
            unitPrice: 1_105_00,
          }),
        ],
      }),
    );
    expect(draft.data.afipCode).toBe(6);
    expect(draft.lines.map((l) => l.unitCost)).toEqual([1_500_00, 1_000_00]);
    expect(result.movements).toBe(2);
    expect(await cost(aceite)).toBe(1_500_00);
    expect(await cost(arroz)).toBe(1_000_00);
  });

  it('takes IVA out of a C invoice too, and out of an A invoice when the supplier prices with it', async () => {
    await applied(
      invoiceData({
        letter: 'C',
        issuer: { ...KIOSCO },
        items: [
          item('Aceite Cocinero', { code: '7791234000012', quantity: 1_000, unitPrice: 1_210_00 }),
        ],
      }),
    );
    expect(await cost(aceite)).toBe(1_000_00);

    await s.call('suppliers.save', {
      cuit: SOL.cuit,
      name: 'El Sol',
      pricesIncludeIva: true,
      pricesPerPack: true,
    });
    await applied(
      invoiceData({
        items: [item('Aceite', { code: '7791234000012', quantity: 1_000, unitPrice: 2_420_00 })],
      }),
    );
    expect(await cost(aceite)).toBe(2_000_00);
  });

  it('takes a nota de crédito out of stock without touching costs', async () => {
    await applied(
      invoiceData({
        items: [item('Yerba', { code: '7790387000016', quantity: 10_000, unitPrice: 1_600_00 })],
      }),
    );
    const history = s.rows('cost_history');
    const { draft, result } = await applied(
      invoiceData({
        kind: 'nota_credito',
        number: 77,
        items: [
          item('Yerba devuelta', { code: '7790387000016', quantity: 2_000, unitPrice: 900_00 }),
        ],
      }),
    );
    expect(draft.data.afipCode).toBe(3);
    expect(result).toEqual({ invoiceId: draft.id, movements: 1, costRises: [] });
    expect(s.stock(yerba.id)).toBe(8_000);
    expect(await cost(yerba)).toBe(1_600_00);
    expect(s.rows('cost_history')).toBe(history);
    const [last] = await s.call('stock.movements', { productId: yerba.id });
    expect(last).toMatchObject({ kind: 'salida', qty: -2_000, reference: draft.id });
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('applies a nota de débito without moving goods or costs', async () => {
    const { result } = await applied(
      invoiceData({ kind: 'nota_debito', number: 5, items: [item('Diferencia de precio')] }),
    );
    expect(result.movements).toBe(0);
    expect(s.rows('stock_movements')).toBe(0);
    expect(s.rows('cost_history')).toBe(0);
  });

  it('ignores pack sizes in descriptions for a supplier that prices by the unit', async () => {
    await s.call('suppliers.save', {
      cuit: SOL.cuit,
      name: 'El Sol',
      pricesIncludeIva: false,
      pricesPerPack: false,
    });
    const { draft } = await applied(
      invoiceData({
        items: [
          item('Yerba Playadito x 12', {
            code: '7790387000016',
            quantity: 12_000,
            unitPrice: 1_550_00,
          }),
        ],
      }),
    );
    expect(draft.lines[0]).toMatchObject({ packUnits: 1, unitCost: 1_550_00 });
    expect(s.stock(yerba.id)).toBe(12_000);
  });

  it('averages a bonus line at no charge into the cost', async () => {
    const { result } = await applied(
      invoiceData({
        items: [
          item('Yerba', { code: '7790387000016', quantity: 10_000, unitPrice: 1_600_00 }),
          item('Yerba bonificada', {
            code: '7790387000016',
            quantity: 2_000,
            unitPrice: 1_600_00,
            discountBp: 10_000,
            amount: 0,
          }),
        ],
      }),
    );
    expect(s.stock(yerba.id)).toBe(12_000);
    expect(await cost(yerba)).toBe(1_333_33);
    expect(result.costRises).toEqual([]);
  });

  it('keeps an older invoice loaded late as history without moving the cost back', async () => {
    await applied(
      invoiceData({
        date: '2025-03-08',
        items: [item('Yerba', { code: '7790387000016', quantity: 1_000, unitPrice: 1_700_00 })],
      }),
    );
    await applied(
      invoiceData({
        date: '2025-02-20',
        number: 11_000,
        items: [item('Yerba', { code: '7790387000016', quantity: 1_000, unitPrice: 1_400_00 })],
      }),
    );
    expect(await cost(yerba)).toBe(1_700_00);
    expect(
      s.deps.db
        .prepare('SELECT cost, previous_cost, updated_product FROM cost_history ORDER BY at')
        .all(),
    ).toEqual([
      { cost: 1_700_00, previous_cost: 1_500_00, updated_product: 1 },
      { cost: 1_400_00, previous_cost: 1_700_00, updated_product: 0 },
    ]);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('converts packs into units of stock with the pack size the owner sets', async () => {
    const draft = await s.extract(
      invoiceData({
        items: [
          item('Yerba bulto', { code: '7790387000016', quantity: 3_000, unitPrice: 16_000_00 }),
        ],
      }),
    );
    expect(draft.lines[0]?.packUnits).toBe(1);
    await s.call('invoices.apply', {
      id: draft.id,
      locationId: s.deposito.id,
      lines: [{ index: 0, productId: yerba.id, packUnits: 10 }],
    });
    expect(s.stock(yerba.id, s.deposito.id)).toBe(30_000);
    expect(await cost(yerba)).toBe(1_600_00);
    const stored = await s.call('invoices.get', { id: draft.id });
    expect(stored.lines[0]).toMatchObject({ packUnits: 10, unitCost: 1_600_00 });
  });
});
