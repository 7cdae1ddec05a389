import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mateAndQuesoSales, newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
beforeEach(async () => {
  s = await openSalesStore();
});
afterEach(() => s.close());

async function threeSales() {
  const { mate, queso, a, b } = await mateAndQuesoSales(s);
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
