import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/domain/csv.ts';
import { exportSalesCsv, parseShopDay, shopDayStart } from './export.ts';
import { newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
beforeEach(async () => {
  s = await openSalesStore();
});
afterEach(() => s.close());

async function threeSales() {
  const mate = await s.product('Mate de calabaza', {
    price: 5_000_00,
    barcodes: ['7790001000011'],
  });
  const queso = await s.product('Queso', {
    price: 9_000_00,
    unit: 'kg',
    ivaRateBp: 1050,
    cost: 4_000_00,
  });
  const c = await s.call(
    'customers.create',
    { name: 'Doña Rosa', creditLimit: 100_000_00 },
    s.owner,
  );
  const a = await s.sell({
    lines: [{ productId: mate.id, qty: 1_000 }],
    payments: [{ tender: 'efectivo', amount: 5_000_00 }],
  });
  s.clock.advance(3_600_000);
  const b = await s.sell({
    lines: [
      { productId: queso.id, qty: 250, discountBp: 500 },
      { productId: mate.id, qty: 2_000 },
    ],
    payments: [
      { tender: 'debito', amount: 10_000_00 },
      { tender: 'cuenta_corriente', amount: 2_137_50 },
    ],
    customerId: c.id,
  });
  s.clock.advance(86_400_000);
  const byOwner = await s.call(
    'sales.commit',
    {
      idempotencyKey: newKey(),
      lines: [{ productId: queso.id, qty: 1_000 }],
      payments: [{ tender: 'transferencia', amount: 9_000_00 }],
    },
    s.owner,
  );
  return { mate, queso, a, b, byOwner };
}

describe('sales history', () => {
  it('lists newest first and filters by day, ticket, product, cashier and tender', async () => {
    const { mate, a, b, byOwner } = await threeSales();
    const all = await s.call('sales.list', {}, s.cajero);
    expect(all.total).toBe(3);
    expect(all.items.map((i) => i.number)).toEqual([3, 2, 1]);
    expect(all.items[1]).toMatchObject({
      id: b.id,
      userName: 'Juan',
      customerName: 'Doña Rosa',
      total: 12_137_50,
      tenders: expect.arrayContaining(['debito', 'cuenta_corriente']),
      items: 2,
      returned: false,
    });
    const ids = async (input: Parameters<typeof s.call<'sales.list'>>[1]) =>
      (await s.call('sales.list', input, s.cajero)).items.map((i) => i.id);
    expect(await ids({ to: a.at + 1 })).toEqual([a.id]);
    expect(await ids({ from: byOwner.at })).toEqual([byOwner.id]);
    expect(await ids({ number: 2 })).toEqual([b.id]);
    expect(await ids({ productId: mate.id })).toEqual([b.id, a.id]);
    expect(await ids({ userId: s.ownerId })).toEqual([byOwner.id]);
    expect(await ids({ tender: 'debito' })).toEqual([b.id]);
    expect(await ids({ sessionId: a.sessionId, limit: 1, offset: 1 })).toEqual([b.id]);
  });

  it('finds a ticket by its receipt barcode, its printed number or the number typed', async () => {
    const { b } = await threeSales();
    for (const code of ['T00000002', 't00000002', '0001-00000002', '2']) {
      expect((await s.call('sales.findByCode', { code }, s.cajero))?.id).toBe(b.id);
    }
    expect(await s.call('sales.findByCode', { code: 'T00000099' }, s.cajero)).toBeNull();
    expect(await s.call('sales.findByCode', { code: 'hola' }, s.cajero)).toBeNull();
    expect((await s.call('sales.get', { number: 2 }, s.cajero)).id).toBe(b.id);
    expect((await s.fail('sales.get', { number: 99 })).message).toBe('El ticket 99 no existe');
  });

  it('exports one CSV row per line for the accountant, by Buenos Aires day', async () => {
    await threeSales();
    // The clock starts 10/03/2026 13:00 UTC = 10:00 in Buenos Aires; the third sale is the 11th.
    const day = parseShopDay('2026-03-10', '--from');
    expect(shopDayStart(day)).toBe(Date.UTC(2026, 2, 10, 3, 0, 0));
    const r = exportSalesCsv(s.deps.db, day, day);
    expect(r).toMatchObject({ lines: 3, sales: 2 });
    expect(r.content.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(r.content.slice(1), ';');
    expect(rows[0]?.slice(0, 6)).toEqual([
      'fecha',
      'hora',
      'ticket',
      'cajero',
      'cliente',
      'codigo_barras',
    ]);
    expect(rows[1]).toEqual([
      '10/03/2026',
      '10:00:00',
      '1',
      'Juan',
      '',
      '7790001000011',
      'Mate de calabaza',
      '1',
      'u',
      '5000,00',
      '0,00',
      '5000,00',
      '21',
      '867,77',
      '0,00',
      'Efectivo 5000,00',
      '0',
    ]);
    expect(rows[2]).toEqual([
      '10/03/2026',
      '11:00:00',
      '2',
      'Juan',
      'Doña Rosa',
      '',
      'Queso',
      '0,25',
      'kg',
      '9000,00',
      '112,50',
      '2137,50',
      '10,5',
      '203,11',
      '4000,00',
      'Débito 10000,00 + Cuenta corriente 2137,50',
      '0',
    ]);
    const both = exportSalesCsv(s.deps.db, day, parseShopDay('2026-03-11', '--to'));
    expect(both.lines).toBe(4);
    expect(() => parseShopDay('2026-02-30', '--from')).toThrow(
      '--from: «2026-02-30» no es una fecha válida, usá AAAA-MM-DD (por ejemplo 2026-03-01)',
    );
    expect(() => exportSalesCsv(s.deps.db, parseShopDay('2026-03-12', '--from'), day)).toThrow(
      'La fecha --from es posterior a --to',
    );
  });
});

describe('counter settings', () => {
  it('starts from the defaults and the Salón, and refuses a location that does not exist', async () => {
    const d = await s.call('sales.settings', {}, s.cajero);
    expect(d).toMatchObject({
      register: 'Caja 1',
      saleLocationId: s.salon.id,
      damagedLocationId: null,
      cashierDiscountLimitBp: 500,
      cashRoundingStep: 0,
      receiptWidth: 80,
      receiptFooter: '¡Gracias por su compra!',
      printerName: null,
    });
    expect(d.scaleLayouts).toHaveLength(2);
    const err = await s.fail('sales.updateSettings', { saleLocationId: 'nada' }, s.owner);
    expect(err.message).toBe('La ubicación elegida no existe');
    const forbidden = await s.fail('sales.updateSettings', { receiptWidth: 58 }, s.cajero);
    expect(forbidden.code).toBe('FORBIDDEN');
    const next = await s.call(
      'sales.updateSettings',
      { saleLocationId: s.deposito.id, receiptWidth: 58, cashierDiscountLimitBp: 1000 },
      s.owner,
    );
    expect(next).toMatchObject({
      saleLocationId: s.deposito.id,
      receiptWidth: 58,
      register: 'Caja 1',
    });
    expect(s.rows('audit_log', "action = 'settings.update' AND entity_id = 'pos'")).toBe(1);
  });
});
