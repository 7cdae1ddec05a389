import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InvoiceDetail, Product } from '../../../shared/contract/index.ts';
import {
  addYerba,
  invoiceData,
  item,
  openInvoiceStore,
  SOL,
  type InvoiceStore,
} from './test-support.ts';

let s: InvoiceStore;
let yerba: Product;
let galletitas: Product;
let coca: Product;

beforeEach(async () => {
  s = await openInvoiceStore();
  yerba = await addYerba(s);
  galletitas = await s.product('Galletitas Surtidas Bagley', { barcodes: ['7790040000018'] });
  coca = await s.product('Coca-Cola 1,5 L', {
    brand: 'Coca-Cola',
    cost: 1_400_00,
    price: 2_000_00,
  });
});
afterEach(() => s.close());

/** El Sol's Factura A 0003-00012345: yerba, galletitas by the dozen, Coca by six, a stray line. */
function elSol(): Promise<InvoiceDetail> {
  return s.extract(
    invoiceData({
      items: [
        item('YERBA PLAYADITO 1KG', {
          code: '7790387000016',
          quantity: 10_000,
          unitPrice: 1_600_00,
        }),
        item('GALLETITAS SURTIDAS x12', { code: 'G-77', quantity: 2_000, unitPrice: 12_000_00 }),
        item('GASEOSA COCA COLA 6x1,5L', { code: 'CC15', quantity: 3_000, unitPrice: 9_000_00 }),
        item('Fernet Branca 750 ml', { quantity: 1_000, unitPrice: 9_000_00 }),
      ],
    }),
  );
}

const count = (sql: string, ...params: unknown[]): number =>
  (s.deps.db.prepare(sql).get(...params) as { n: number }).n;

describe('invoices.apply', () => {
  it('stocks the goods, moves the costs, remembers codes and reports the rises', async () => {
    const draft = await elSol();
    // The galletitas are found by their words; the owner confirms them and skips the Fernet.
    expect(draft.lines[1]).toMatchObject({ productId: galletitas.id, packUnits: 12 });
    expect(draft.lines[3]?.productId).toBeNull();
    s.events.length = 0;
    // Confirmed without a pack size: the dozen read from the description stays.
    const result = await s.call('invoices.apply', {
      id: draft.id,
      locationId: s.salon.id,
      lines: [
        { index: 1, productId: galletitas.id },
        { index: 3, productId: null },
      ],
    });

    expect(result).toEqual({
      invoiceId: draft.id,
      movements: 3,
      costRises: [
        {
          productId: yerba.id,
          name: 'Yerba Playadito 1 kg',
          oldCost: 1_500_00,
          newCost: 1_600_00,
          price: 2_500_00,
          marginBp: 2913,
        },
        {
          productId: coca.id,
          name: 'Coca-Cola 1,5 L',
          oldCost: 1_400_00,
          newCost: 1_500_00,
          price: 2_000_00,
          marginBp: 1019,
        },
      ],
    });
    expect(s.stock(yerba.id)).toBe(10_000);
    expect(s.stock(galletitas.id)).toBe(24_000);
    expect(s.stock(coca.id)).toBe(18_000);

    const moves = await s.call('stock.movements', { productId: galletitas.id });
    expect(moves[0]).toMatchObject({
      kind: 'entrada',
      qty: 24_000,
      reference: draft.id,
      reason: 'Factura A 0003-00012345 · Distribuidora El Sol S.A.',
    });

    const g = await s.call('catalog.get', { id: galletitas.id });
    expect(g).toMatchObject({ cost: 1_000_00, supplierCuit: SOL.cuit });
    expect(g.costDate).toBe(Date.parse('2025-03-08T12:00:00-03:00'));
    const history = s.deps.db
      .prepare(
        'SELECT product_id, cost, previous_cost, source, invoice_id FROM cost_history ORDER BY product_id',
      )
      .all();
    expect(history).toEqual(
      [
        { product_id: yerba.id, cost: 1_600_00, previous_cost: 1_500_00 },
        { product_id: galletitas.id, cost: 1_000_00, previous_cost: 0 },
        { product_id: coca.id, cost: 1_500_00, previous_cost: 1_400_00 },
      ]
        .map((h) => ({ ...h, source: 'factura', invoice_id: draft.id }))
        .sort((a, b) => a.product_id.localeCompare(b.product_id)),
    );

    const applied = await s.call('invoices.get', { id: draft.id });
    expect(applied).toMatchObject({ status: 'aplicada', locationId: s.salon.id });
    expect(applied.appliedAt).not.toBeNull();
    expect(applied.supplier).toEqual({
      cuit: SOL.cuit,
      name: SOL.name,
      pricesIncludeIva: false,
      pricesPerPack: true,
    });
    expect(s.events).toEqual([
      { type: 'stock.changed', payload: { productIds: [yerba.id, galletitas.id, coca.id] } },
      { type: 'catalog.changed', payload: { productIds: [yerba.id, galletitas.id, coca.id] } },
    ]);
    expect(await s.call('stock.check', {})).toMatchObject({ ok: true });
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true, stateMismatches: [] });

    // The next invoice prints only El Sol's code: the product and its dozen are remembered.
    const next = await s.extract(
      invoiceData({
        number: 12_346,
        items: [item('GALLET SURT', { code: 'G-77', quantity: 1_000 })],
      }),
    );
    expect(next.lines[0]).toMatchObject({ productId: galletitas.id, packUnits: 12 });
    expect(next.lines[0]?.candidates[0]).toMatchObject({ by: 'alias', score: 1 });
  });

  it('cannot apply the same draft twice, even from two calls at once', async () => {
    const draft = await elSol();
    const apply = () =>
      s.attempt('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] });
    const [a, b] = await Promise.all([apply(), apply()]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Esta factura ya fue aplicada' },
    });
    expect(s.stock(yerba.id)).toBe(10_000);
    expect(
      (await s.fail('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] })).message,
    ).toBe('Esta factura ya fue aplicada');
    expect((await s.fail('invoices.discard', { id: draft.id })).code).toBe('CONFLICT');
  });

  it('flags the same invoice read again and refuses to apply it, writing nothing', async () => {
    const first = await elSol();
    await s.call('invoices.apply', { id: first.id, locationId: s.salon.id, lines: [] });
    const again = await elSol();
    expect(again.checks.find((c) => c.code === 'duplicate')).toEqual({
      code: 'duplicate',
      ok: false,
      message: 'Esta factura ya fue cargada el 10/03/2025',
      field: 'number',
      invoiceId: first.id,
    });
    const before = ['stock_movements', 'cost_history', 'audit_log', 'supplier_codes'].map(s.rows);
    const err = await s.fail('invoices.apply', { id: again.id, locationId: s.salon.id, lines: [] });
    expect(err).toEqual({
      code: 'CONFLICT',
      message: 'Esta factura ya fue cargada el 10/03/2025',
      details: { invoiceId: first.id },
    });
    expect(['stock_movements', 'cost_history', 'audit_log', 'supplier_codes'].map(s.rows)).toEqual(
      before,
    );
    expect((await s.call('invoices.get', { id: again.id })).status).toBe('borrador');
    expect(s.stock(yerba.id)).toBe(10_000);
  });

  it('has the database refuse a second applied copy, whatever the code above it does', async () => {
    const first = await elSol();
    const second = await elSol();
    await s.call('invoices.apply', { id: first.id, locationId: s.salon.id, lines: [] });
    expect(() =>
      s.deps.db.prepare("UPDATE invoices SET status = 'aplicada' WHERE id = ?").run(second.id),
    ).toThrow(/UNIQUE constraint failed/);
    expect(count("SELECT count(*) AS n FROM invoices WHERE status = 'aplicada'")).toBe(1);
  });

  it('refuses an invoice it cannot identify or with nothing to stock, in Spanish', async () => {
    const noNumber = await s.extract(invoiceData({ number: undefined, total: undefined }));
    expect(
      (await s.fail('invoices.apply', { id: noNumber.id, locationId: s.salon.id, lines: [] }))
        .message,
    ).toBe('Faltan datos para aplicar la factura: el número, el total');
    const badCuit = await s.extract(invoiceData({ issuer: { name: 'X', cuit: '30712345670' } }));
    expect(
      (await s.fail('invoices.apply', { id: badCuit.id, locationId: s.salon.id, lines: [] }))
        .message,
    ).toBe('El CUIT del proveedor 30712345670 no es válido: corregilo antes de aplicar');
    const dollars = await s.extract(invoiceData({ currency: 'USD' }));
    expect(
      (await s.fail('invoices.apply', { id: dollars.id, locationId: s.salon.id, lines: [] }))
        .message,
    ).toBe(
      'La factura está en USD: solo se aplican facturas en pesos (pasá los importes a pesos antes de aplicar)',
    );
    const nothing = await s.extract(invoiceData({ items: [item('Fernet Branca 750 ml')] }));
    expect(
      (await s.fail('invoices.apply', { id: nothing.id, locationId: s.salon.id, lines: [] }))
        .message,
    ).toBe('Elegí el producto de al menos una línea antes de aplicar la factura');
    expect(
      (await s.fail('invoices.apply', { id: nothing.id, locationId: 'nope', lines: [] })).message,
    ).toBe('La ubicación no existe');
    expect(s.rows('stock_movements')).toBe(0);
    expect(s.rows('suppliers')).toBe(0);
  });

  it('lets only the owner and the encargado apply, not a cajero', async () => {
    const draft = await elSol();
    const cajero = await s.login('Caro', 'cajero');
    const refused = await s.fail(
      'invoices.apply',
      { id: draft.id, locationId: s.salon.id, lines: [] },
      cajero,
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect((await s.fail('invoices.get', { id: draft.id }, cajero)).code).toBe('FORBIDDEN');
    expect(s.rows('stock_movements')).toBe(0);

    const encargado = await s.login('Enzo', 'encargado');
    await s.call('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] }, encargado);
    const moves = await s.call('stock.movements', { productId: yerba.id });
    expect(moves[0]?.userName).toBe('Enzo');
  });

  it('notices an applied invoice edited outside the app', async () => {
    const draft = await elSol();
    await s.call('invoices.apply', { id: draft.id, locationId: s.salon.id, lines: [] });
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    s.deps.db.prepare('UPDATE invoices SET total = total - 100000 WHERE id = ?').run(draft.id);
    const verify = await s.call('audit.verify', {});
    expect(verify.ok).toBe(false);
    expect(verify.stateMismatches.map((m) => m.message)).toEqual([
      expect.stringMatching(
        new RegExp(`^La factura ${draft.id} fue modificado fuera de la aplicación`),
      ),
    ]);
  });

  it('notices a remembered code or a cost history row edited outside the app', async () => {
    const draft = await elSol();
    await s.call('invoices.apply', {
      id: draft.id,
      locationId: s.salon.id,
      lines: [{ index: 1, productId: galletitas.id, packUnits: 12 }],
    });
    // Barcodes are not remembered as codes: the catalog knows them.
    expect(
      s.deps.db.prepare('SELECT code, pack_units FROM supplier_codes ORDER BY code').all(),
    ).toEqual([
      { code: 'CC15', pack_units: 6 },
      { code: 'G-77', pack_units: 12 },
    ]);
    s.deps.db.prepare('UPDATE supplier_codes SET pack_units = 6').run();
    s.deps.db.prepare('UPDATE cost_history SET cost = cost - 1').run();
    const labels = (await s.call('audit.verify', {})).stateMismatches.map((m) =>
      m.message.split(' ').slice(0, 3).join(' '),
    );
    expect(labels.filter((l) => l.startsWith('El código de'))).toHaveLength(1);
    expect(labels.filter((l) => l.startsWith('El cambio de'))).toHaveLength(3);
  });
});
