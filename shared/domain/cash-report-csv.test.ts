import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CashReport } from '../contract/index.ts';
import { reportCsv, reportFileName } from './cash-report-csv.ts';
import { parseCsv } from './csv.ts';

const report: CashReport = {
  kind: 'Z',
  session: {
    id: 's1',
    register: 'Caja 1',
    status: 'cerrada',
    openedAt: Date.UTC(2026, 10, 23, 11, 0),
    openedBy: 'u1',
    openingFloat: 20_000_00,
    closedAt: Date.UTC(2026, 10, 23, 21, 0),
    closedBy: 'u1',
  },
  generatedAt: Date.UTC(2026, 10, 23, 21, 0),
  salesCount: 42,
  itemsSold: 130,
  firstTicket: 101,
  lastTicket: 142,
  grossSales: 512_345_67,
  refundsTotal: 3_500_00,
  discountsTotal: 1_234_50,
  roundingTotal: -45,
  iva: [{ rateBp: 2100, net: 423_426_17, iva: 88_919_50, total: 512_345_67 }],
  byTender: [
    {
      tender: 'efectivo',
      sales: 300_000_00,
      refunds: 3_500_00,
      expected: 296_500_00,
      counted: 296_000_00,
      variance: -500_00,
      count: 30,
    },
    {
      tender: 'debito',
      sales: 212_345_67,
      refunds: 0,
      expected: 212_345_67,
      counted: 212_345_67,
      variance: 0,
      count: 12,
    },
  ],
  cash: {
    openingFloat: 20_000_00,
    sales: 300_000_00,
    refunds: 3_500_00,
    withdrawals: 100_000_00,
    deposits: 0,
    customerPayments: 5_000_00,
    expected: 221_500_00,
    counted: 221_000_00,
    variance: -500_00,
    denominations: [
      { denomination: 2_000_000, qty: 11 },
      { denomination: 100_000, qty: 1 },
    ],
  },
  noSaleOpenings: 1,
  removedLines: 2,
  returnsCount: 1,
};

// The PC (or the browser) may be set to any zone; the shop's report reads Buenos Aires time.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Tokyo';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('the X/Z report as CSV', () => {
  const csv = reportCsv(report);
  const rows = parseCsv(csv, ';');
  const row = (first: string) => rows.find((r) => r[0] === first);

  it('uses ; between fields, a decimal comma and no thousands grouping', () => {
    expect(csv).toContain('\r\n');
    expect(row('Reporte')).toEqual(['Reporte', 'Z (cierre de caja)']);
    expect(row('Ventas brutas')).toEqual(['Ventas brutas', '512345,67']);
    expect(row('Redondeo')).toEqual(['Redondeo', '-0,45']);
  });

  it('writes the times on the Buenos Aires clock whatever the zone of the PC', () => {
    expect(new Date(report.session.openedAt).getHours()).toBe(20); // Tokyo's wall clock
    expect(row('Apertura')).toEqual(['Apertura', '23/11/2026 08:00']);
    expect(row('Cierre')).toEqual(['Cierre', '23/11/2026 18:00']);
  });

  it('has one row per tender with expected, counted and variance', () => {
    expect(row('Efectivo')).toEqual([
      'Efectivo',
      '300000,00',
      '3500,00',
      '296500,00',
      '296000,00',
      '-500,00',
      '30',
    ]);
    expect(row('Débito')?.[5]).toBe('0,00');
  });

  it('carries the drawer count, the IVA and the controls', () => {
    expect(row('Esperado')).toEqual(['Esperado', '221500,00']);
    expect(row('Diferencia')).toEqual(['Diferencia', '-500,00']);
    expect(row('20000,00')).toEqual(['20000,00', '11', '220000,00']);
    expect(row('Aperturas sin venta')).toEqual(['Aperturas sin venta', '1']);
    expect(row('21 %')).toEqual(['21 %', '423426,17', '88919,50', '512345,67']);
  });

  it('names the file after the register and the Argentine day it closed', () => {
    expect(reportFileName(report)).toBe('caja-1-z-2026-11-23.csv');
    // 23:30 in Buenos Aires is already the 24th in UTC (and in Tokyo).
    const late = {
      ...report,
      session: { ...report.session, closedAt: Date.UTC(2026, 10, 24, 2, 30) },
    };
    expect(reportFileName(late)).toBe('caja-1-z-2026-11-23.csv');
    expect(parseCsv(reportCsv(late), ';').find((r) => r[0] === 'Cierre')?.[1]).toBe(
      '23/11/2026 23:30',
    );
    const x = {
      ...report,
      kind: 'X' as const,
      session: { ...report.session, register: 'Caja Ñandú', closedAt: null },
    };
    expect(reportFileName(x)).toBe('caja-nandu-x-2026-11-23.csv');
  });
});
