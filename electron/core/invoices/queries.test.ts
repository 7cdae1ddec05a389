import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceData, InvoiceDetail, Product } from '../../../shared/contract/index.ts';
import {
  invoiceData,
  item,
  NORTE,
  openInvoiceStore,
  SOL,
  type InvoiceStore,
} from './test-support.ts';

let s: InvoiceStore;
let yerba: Product;
let aceite: Product;
const inv: Record<string, InvoiceDetail> = {};

async function load(key: string, data: InvoiceData, apply = true): Promise<void> {
  const draft = await s.extract(data, undefined, `${key}.pdf`);
  if (apply) await s.call('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] });
  inv[key] = draft;
}

beforeEach(async () => {
  s = await openInvoiceStore();
  yerba = await s.product('Yerba Playadito 1 kg', { barcodes: ['7790387000016'] });
  aceite = await s.product('Aceite Cocinero 1,5 L', { barcodes: ['7791234000012'] });
  const y = item('Yerba', { code: '7790387000016' });
  const a = item('Aceite', { code: '7791234000012' });
  await load(
    'enero',
    invoiceData({ number: 12_345, date: '2025-01-15', total: 10_000_00, items: [y] }),
  );
  await load(
    'febrero',
    invoiceData({ number: 12_400, date: '2025-02-03', total: 20_000_00, items: [a] }),
  );
  await load(
    'norte',
    invoiceData({
      letter: 'B',
      issuer: { ...NORTE },
      pointOfSale: 1,
      number: 77,
      date: '2025-02-10',
      total: 5_000_00,
      items: [a],
    }),
  );
  await load(
    'credito',
    invoiceData({
      kind: 'nota_credito',
      number: 12,
      date: '2025-02-20',
      total: 3_000_00,
      items: [y],
    }),
  );
  await load(
    'borrador',
    invoiceData({
      issuer: { ...NORTE },
      number: 80,
      date: '2025-03-01',
      total: 1_000_00,
      items: [a],
    }),
    false,
  );
  await load('descartada', invoiceData({ number: 99, date: '2025-03-02', total: 7_000_00 }), false);
  await s.call('invoices.discard', { id: inv.descartada?.id ?? '' });
});
afterEach(() => s.close());

const ids = (list: { id: string }[]): (string | undefined)[] =>
  list.map((i) => Object.keys(inv).find((k) => inv[k]?.id === i.id));

describe('invoices.list', () => {
  it('lists every invoice, newest first, with its line count', async () => {
    const all = await s.call('invoices.list', {});
    expect(ids(all)).toEqual(['descartada', 'borrador', 'credito', 'norte', 'febrero', 'enero']);
    expect(all[5]).toMatchObject({
      status: 'aplicada',
      kind: 'factura',
      letter: 'A',
      pointOfSale: 3,
      number: 12_345,
      issuerCuit: SOL.cuit,
      total: 10_000_00,
      lineCount: 1,
      fileName: 'enero.pdf',
    });
    expect(ids(await s.call('invoices.list', { limit: 2 }))).toEqual(['descartada', 'borrador']);
  });

  it('finds by printed number, bare number, CUIT and words of the name', async () => {
    const q = async (query: string) => ids(await s.call('invoices.list', { query }));
    expect(await q('0003-00012345')).toEqual(['enero']);
    expect(await q('3-12345')).toEqual(['enero']);
    expect(await q('12400')).toEqual(['febrero']);
    expect(await q('30-50001234-6')).toEqual(['borrador', 'norte']);
    expect(await q('mayorista')).toEqual(['borrador', 'norte']);
    expect(await q('DISTRIBUIDORA sol')).toEqual(['descartada', 'credito', 'febrero', 'enero']);
    expect(await q('nadie')).toEqual([]);
    expect(await q('100%')).toEqual([]);
  });

  it('filters by status, dates, totals and product', async () => {
    const f = async (filter: object) => ids(await s.call('invoices.list', filter));
    expect(await f({ status: 'borrador' })).toEqual(['borrador']);
    expect(await f({ status: 'descartada' })).toEqual(['descartada']);
    expect(await f({ from: '2025-02-01', to: '2025-02-15' })).toEqual(['norte', 'febrero']);
    expect(await f({ minTotal: 5_000_00, maxTotal: 10_000_00 })).toEqual([
      'descartada',
      'norte',
      'enero',
    ]);
    expect(await f({ productId: yerba.id })).toEqual(['descartada', 'credito', 'enero']);
    expect(await f({ productId: aceite.id, status: 'aplicada' })).toEqual(['norte', 'febrero']);
  });
});

describe('invoices.supplierTotals', () => {
  it('adds applied invoices per supplier and month, notas de crédito subtracting', async () => {
    expect(await s.call('invoices.supplierTotals', {})).toEqual([
      { cuit: SOL.cuit, name: SOL.name, month: '2025-01', count: 1, total: 10_000_00 },
      { cuit: SOL.cuit, name: SOL.name, month: '2025-02', count: 2, total: 17_000_00 },
      { cuit: NORTE.cuit, name: NORTE.name, month: '2025-02', count: 1, total: 5_000_00 },
    ]);
    expect(
      await s.call('invoices.supplierTotals', { from: '2025-02-05', to: '2025-02-28' }),
    ).toEqual([
      { cuit: SOL.cuit, name: SOL.name, month: '2025-02', count: 1, total: -3_000_00 },
      { cuit: NORTE.cuit, name: NORTE.name, month: '2025-02', count: 1, total: 5_000_00 },
    ]);
  });

  it('names a supplier as the owner renamed it', async () => {
    await s.call('suppliers.save', {
      cuit: NORTE.cuit,
      name: 'Alfa Norte',
      pricesIncludeIva: true,
      pricesPerPack: false,
    });
    const feb = await s.call('invoices.supplierTotals', { from: '2025-02-01' });
    expect(feb.map((m) => m.name)).toEqual(['Alfa Norte', SOL.name]);
  });
});

describe('suppliers', () => {
  it('lists the suppliers created by applied invoices and saves their settings', async () => {
    expect(await s.call('suppliers.list', {})).toEqual([
      { cuit: SOL.cuit, name: SOL.name, pricesIncludeIva: false, pricesPerPack: true },
      { cuit: NORTE.cuit, name: NORTE.name, pricesIncludeIva: false, pricesPerPack: true },
    ]);
    const saved = await s.call('suppliers.save', {
      cuit: SOL.cuit,
      name: 'El Sol',
      pricesIncludeIva: true,
      pricesPerPack: false,
    });
    expect(saved).toEqual({
      cuit: SOL.cuit,
      name: 'El Sol',
      pricesIncludeIva: true,
      pricesPerPack: false,
    });
    expect((await s.call('invoices.get', { id: inv.enero?.id ?? '' })).supplier).toEqual(saved);
    const audit = await s.call('audit.list', { entity: 'supplier', limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'supplier.update', entityId: SOL.cuit });
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('refuses a CUIT with a wrong check digit and writes nothing', async () => {
    const before = s.rows('audit_log');
    const err = await s.fail('suppliers.save', {
      cuit: '30712345670',
      name: 'Trucho',
      pricesIncludeIva: false,
      pricesPerPack: false,
    });
    expect(err).toEqual({
      code: 'INVALID_INPUT',
      message: '«30712345670» no es un CUIT válido: el dígito verificador no coincide',
    });
    expect(s.rows('suppliers')).toBe(2);
    expect(s.rows('audit_log')).toBe(before);
  });
});
