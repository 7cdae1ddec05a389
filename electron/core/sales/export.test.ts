import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/domain/csv.ts';
import { exportSalesCsv, parseShopDay, SALES_EXPORT_HEADER, shopDayStart } from './export.ts';
import { mateAndQuesoSales, newKey, openSalesStore, type SalesStore } from './test-support.ts';

let s: SalesStore;
beforeEach(async () => {
  s = await openSalesStore();
});
afterEach(() => s.close());

const day10 = parseShopDay('2026-03-10', '--from');
const day11 = parseShopDay('2026-03-11', '--to');

/** The export as rows of named cells, header checked. */
function exported(from = day10, to = day10) {
  const r = exportSalesCsv(s.deps.db, from, to);
  expect(r.content.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(r.content.slice(1), ';');
  expect(header).toEqual([...SALES_EXPORT_HEADER]);
  const named = rows.map((row) =>
    Object.fromEntries(SALES_EXPORT_HEADER.map((h, i) => [h, row[i]])),
  );
  return { ...r, rows, named };
}

const num = (cell: string | undefined): number =>
  cell === undefined || cell === '' ? 0 : Math.round(Number(cell.replace(',', '.')) * 100);
const sum = (rows: Record<string, string | undefined>[], column: string): number =>
  rows.reduce((t, r) => t + num(r[column]), 0);
const PAYMENTS = SALES_EXPORT_HEADER.filter((h) => h.startsWith('pago_'));

const twoSalesOnThe10th = () => mateAndQuesoSales(s);

describe('sales export for the accountant', () => {
  it('writes one row per line by Buenos Aires day, with the payments once per ticket', async () => {
    await twoSalesOnThe10th();
    s.clock.advance(86_400_000);
    const other = await s.product('Fernet', { price: 9_000_00 });
    await s.sell({
      lines: [{ productId: other.id, qty: 1_000 }],
      payments: [{ tender: 'transferencia', amount: 9_000_00 }],
    });
    // The clock starts 10/03/2026 13:00 UTC = 10:00 in Buenos Aires; the Fernet is the 11th.
    expect(shopDayStart(day10)).toBe(Date.UTC(2026, 2, 10, 3, 0, 0));
    const e = exported();
    expect(e).toMatchObject({ lines: 3, sales: 2, returns: 0 });
    // prettier-ignore
    expect(e.rows[0]).toEqual([
      '10/03/2026', '10:00:00', 'venta', '1', 'Juan', '', '7790001000011', 'Mate de calabaza',
      '1', 'u', '5000,00', '0,00', '5000,00', '21', '867,77', '0,00',
      '0,00', '5000,00', '', '', '', '',
    ]);
    // prettier-ignore
    expect(e.rows[1]).toEqual([
      '10/03/2026', '11:00:00', 'venta', '2', 'Juan', 'Doña Rosa', '', 'Queso',
      '0,25', 'kg', '9000,00', '112,50', '2137,50', '10,5', '203,11', '4000,00',
      '0,00', '', '10000,00', '', '', '2137,50',
    ]);
    // The ticket's second line states no payment: summing the column counts each peso once.
    expect(e.rows[2]?.slice(12)).toEqual([
      '10000,00',
      '21',
      '1735,54',
      '0,00',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
    expect(sum(e.named, 'pago_debito')).toBe(10_000_00);
    expect(sum(e.named, 'total_linea')).toBe(17_137_50);
    expect(PAYMENTS.reduce((t, c) => t + sum(e.named, c), 0)).toBe(17_137_50);
    expect(exported(day10, day11).lines).toBe(4);
    expect(() => parseShopDay('2026-02-30', '--from')).toThrow(
      '--from: «2026-02-30» no es una fecha válida, usá AAAA-MM-DD (por ejemplo 2026-03-01)',
    );
    expect(() => exportSalesCsv(s.deps.db, parseShopDay('2026-03-12', '--from'), day10)).toThrow(
      'La fecha --from es posterior a --to',
    );
  });

  it('states the cash rounding of a ticket in its own column', async () => {
    await s.call('sales.updateSettings', { cashRoundingStep: 1000 }, s.owner);
    const p = await s.product('Galletitas', { price: 1_234_56 });
    await s.sell({
      lines: [{ productId: p.id, qty: 1_000 }],
      payments: [{ tender: 'efectivo', amount: 1_230_00, tendered: 1_300_00 }],
      roundToCash: true,
    });
    const [row] = exported().named;
    expect(row).toMatchObject({
      total_linea: '1234,56',
      redondeo: '-4,56',
      pago_efectivo: '1230,00',
    });
  });

  it('lists returns as their own dated rows, negative, and never changes a past day', async () => {
    const { mate, queso, b } = await twoSalesOnThe10th();
    await s.call('sales.updateSettings', { cashRoundingStep: 1000 }, s.owner);
    const caramelos = await s.product('Caramelos', { price: 1_234_56 });
    const rounded = await s.sell({
      lines: [{ productId: caramelos.id, qty: 1_000 }],
      payments: [{ tender: 'efectivo', amount: 1_230_00 }],
      roundToCash: true,
    });
    const before = exported().content;

    s.clock.advance(86_400_000); // the 11th, 11:00 in Buenos Aires
    const give = async (input: Record<string, unknown>, noTicket = false) =>
      s.call(
        'sales.return',
        {
          reason: 'Vencido',
          destination: 'stock',
          approvalId: await s.authorize(noTicket ? 'return.no_ticket' : 'return'),
          idempotencyKey: newKey(),
          ...input,
        } as never,
        s.cajero,
      );
    const quesoLine = b.lines.find((l) => l.productId === queso.id);
    await give({
      saleId: b.id,
      lines: [{ saleLineId: quesoLine?.id ?? '', qty: 125 }],
      refunds: [{ tender: 'debito', amount: 1_068_75 }],
    });
    s.clock.advance(60_000);
    await give({
      saleId: rounded.id,
      lines: [{ saleLineId: rounded.lines[0]?.id ?? '', qty: 1_000 }],
      refunds: [{ tender: 'efectivo', amount: 1_230_00 }],
    });
    s.clock.advance(60_000);
    await give(
      {
        lines: [{ productId: mate.id, unitPrice: 5_000_00, qty: 1_000 }],
        refunds: [{ tender: 'efectivo', amount: 5_000_00 }],
      },
      true,
    );

    // The 10th reads the same as before the returns: what was sold that day, as sold.
    expect(exported().content).toBe(before);
    const e = exported(day11, day11);
    expect(e).toMatchObject({ lines: 3, sales: 0, returns: 3 });
    // prettier-ignore
    expect(e.rows[0]).toEqual([
      '11/03/2026', '11:00:00', 'devolucion', '2', 'Juan', 'Doña Rosa', '', 'Queso',
      '-0,125', 'kg', '9000,00', '-56,25', '-1068,75', '10,5', '-101,56', '4000,00',
      '0,00', '', '-1068,75', '', '', '',
    ]);
    // Voiding the rounded ticket gives its rounding back: the row states it with the other sign.
    expect(e.named[1]).toMatchObject({
      hora: '11:01:00',
      ticket: '3',
      producto: 'Caramelos',
      cantidad: '-1',
      total_linea: '-1234,56',
      redondeo: '4,56',
      pago_efectivo: '-1230,00',
    });
    expect(e.named[2]).toMatchObject({
      ticket: '',
      cliente: '',
      codigo_barras: '7790001000011',
      cantidad: '-1',
      precio_unitario: '5000,00',
      total_linea: '-5000,00',
      costo_unitario: '',
      pago_efectivo: '-5000,00',
    });

    // Over both days every column adds up: lines + rounding = money by tender, and the
    // cash column is the drawer's sales minus its refunds.
    const all = exported(day10, day11).named;
    const paid = PAYMENTS.reduce((t, c) => t + sum(all, c), 0);
    expect(sum(all, 'total_linea') + sum(all, 'redondeo')).toBe(paid);
    expect(sum(all, 'pago_efectivo')).toBe(5_000_00 + 1_230_00 - 1_230_00 - 5_000_00);
    expect(sum(all, 'pago_debito')).toBe(10_000_00 - 1_068_75);
    const z = await s.call('cash.xReport', {}, s.cajero);
    const cash = z.byTender.find((t) => t.tender === 'efectivo');
    expect(sum(all, 'pago_efectivo')).toBe((cash?.sales ?? 0) - (cash?.refunds ?? 0));
  });
});
