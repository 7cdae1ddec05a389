import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../shared/contract/index.ts';
import { openStore, type Store } from './test-support.ts';

let s: Store;
let other: Store | null = null;
beforeEach(async () => {
  s = await openStore();
});
afterEach(() => {
  s.close();
  other?.close();
  other = null;
});

async function seed(): Promise<void> {
  const almacen = await s.call('catalog.createCategory', { name: 'Almacén' });
  const inf = await s.call('catalog.createCategory', { name: 'Infusiones', parentId: almacen.id });
  const yerba = await s.product('Yerba Cruz de Malta; 1 kg', {
    brand: 'Cruz de Malta',
    sku: 'YCM',
    categoryId: inf.id,
    ivaRateBp: 2100,
    cost: 1800_50,
    price: 3200_00,
    minStock: 5_000,
    supplierCuit: '30500008454',
    barcodes: ['7790387000015', '7790387000022'],
  });
  const queso = await s.product('Queso "Tybo" ñandú', {
    unit: 'kg',
    ivaRateBp: 1050,
    cost: 0,
    price: 8999_99,
    minStock: 1_500,
  });
  await s.product('Vino discontinuado', { active: false });
  await s.call('stock.move', {
    productId: yerba.id,
    locationId: s.salon.id,
    kind: 'entrada',
    qty: 12_000,
    reason: 'Compra',
  });
  await s.call('stock.move', {
    productId: yerba.id,
    locationId: s.deposito.id,
    kind: 'entrada',
    qty: 30_000,
    reason: 'Compra',
  });
  await s.call('stock.move', {
    productId: queso.id,
    locationId: s.salon.id,
    kind: 'entrada',
    qty: 2_750,
    reason: 'Compra',
  });
}

const comparable = (p: Product) => {
  const { id: _i, categoryId: _c, costDate: _d, createdAt: _a, updatedAt: _u, ...rest } = p;
  return rest;
};

describe('catalog export', () => {
  it('writes an Excel-AR CSV: Spanish headers, ";" and decimal commas, in Windows-1252', async () => {
    await seed();
    const out = await s.call('catalog.export', { encoding: 'windows-1252' });
    expect(out.fileName).toBe('catalogo-2025-03-10.csv');
    expect(out.rows).toBe(2);
    const bytes = Buffer.from(out.contentBase64, 'base64');
    expect(bytes.includes(Buffer.from([0xf1]))).toBe(true); // ñ as one byte
    const text = new TextDecoder('windows-1252').decode(bytes);
    expect(text.split('\r\n')).toEqual([
      'codigo_barras;codigo;nombre;marca;categoria;unidad;iva;costo;precio;stock;stock_minimo;cuit_proveedor',
      ';;"Queso ""Tybo"" ñandú";;;kg;10,5;0,00;8999,99;2,75;1,5;',
      '7790387000015|7790387000022;YCM;"Yerba Cruz de Malta; 1 kg";Cruz de Malta;Almacén › Infusiones;u;21;1800,50;3200,00;12;5;30-50000845-4',
      '',
    ]);
  });

  it('starts the UTF-8 file with a BOM so Excel reads the accents', async () => {
    await seed();
    const out = await s.call('catalog.export', {});
    expect([...Buffer.from(out.contentBase64, 'base64').subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
  });

  for (const encoding of ['utf-8', 'windows-1252'] as const) {
    it(`round-trips through import into an empty store (${encoding})`, async () => {
      await seed();
      const out = await s.call('catalog.export', { encoding });
      other = await openStore();
      const p = await other.call('catalog.importPreview', {
        fileName: out.fileName,
        contentBase64: out.contentBase64,
      });
      expect(p).toMatchObject({ validRows: 2, errors: [] });
      expect(await other.call('catalog.importCommit', { importId: p.importId })).toMatchObject({
        created: 2,
        stockMovements: 2,
      });
      for (const code of ['7790387000015', 'Queso']) {
        const a = (await s.call('catalog.search', { text: code })).items[0];
        const b = (await other.call('catalog.search', { text: code })).items[0];
        if (!a || !b) throw new Error(`falta ${code}`);
        const pa = await s.call('catalog.get', { id: a.id });
        const pb = await other.call('catalog.get', { id: b.id });
        expect(comparable(pb)).toEqual(comparable(pa));
        expect(b.stock).toBe(a.stock - (code === 'Queso' ? 0 : 30_000));
      }
    });
  }

  it('changes nothing when its own export is imported back', async () => {
    await seed();
    const out = await s.call('catalog.export', {});
    const audit = s.count('audit_log');
    const p = await s.call('catalog.importPreview', {
      fileName: out.fileName,
      contentBase64: out.contentBase64,
    });
    expect(p).toMatchObject({ updates: 2, creates: 0, errors: [] });
    expect(await s.call('catalog.importCommit', { importId: p.importId })).toEqual({
      created: 0,
      updated: 0,
      skipped: 2,
      stockMovements: 0,
    });
    expect(s.count('audit_log')).toBe(audit + 1);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });
});
