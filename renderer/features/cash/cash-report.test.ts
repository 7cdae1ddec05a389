import { describe, expect, it } from 'vitest';
import type { CashReport } from '../../../shared/contract/index.ts';
import { parseCsv } from '../../../shared/domain/csv.ts';
import {
  countTotal,
  denominationCounts,
  isBill,
  parseCount,
  reportCsv,
  runningTotal,
} from './cash-report.ts';

describe('counting the drawer by denomination', () => {
  it('adds bills and coins into centavos', () => {
    const inputs = { 2_000_000: '3', 1_000_000: '2', 100_000: '7', 1_000: '4', 100: '5' };
    // 3 × $20.000 + 2 × $10.000 + 7 × $1.000 + 4 × $10 + 5 × $1
    expect(runningTotal(inputs)).toBe(87_045_00);
    const counts = denominationCounts(inputs);
    expect(counts).toEqual([
      { denomination: 2_000_000, qty: 3 },
      { denomination: 1_000_000, qty: 2 },
      { denomination: 100_000, qty: 7 },
      { denomination: 1_000, qty: 4 },
      { denomination: 100, qty: 5 },
    ]);
    expect(countTotal(counts ?? [])).toBe(87_045_00);
  });

  it('reads an empty box as zero and refuses anything but whole numbers', () => {
    expect(parseCount('')).toBe(0);
    expect(parseCount(' 12 ')).toBe(12);
    expect(parseCount('1,5')).toBeNull();
    expect(parseCount('-2')).toBeNull();
    expect(denominationCounts({ 50_000: 'x' })).toBeNull();
    expect(runningTotal({ 50_000: 'x', 20_000: '1' })).toBe(200_00);
  });

  it('tells bills from coins', () => {
    expect(isBill(2_000_000)).toBe(true);
    expect(isBill(2_000)).toBe(true);
    expect(isBill(1_000)).toBe(false);
    expect(isBill(100)).toBe(false);
  });
});

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

describe('the report as CSV', () => {
  const csv = reportCsv(report);
  const rows = parseCsv(csv, ';');
  const row = (first: string) => rows.find((r) => r[0] === first);

  it('uses ; between fields, a decimal comma and no thousands grouping', () => {
    expect(csv).toContain('\r\n');
    expect(row('Ventas')).toEqual(['Ventas', '512345,67']);
    expect(row('Redondeo')).toEqual(['Redondeo', '-0,45']);
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

  it('carries the drawer count and the controls', () => {
    expect(row('Esperado')).toEqual(['Esperado', '221500,00']);
    expect(row('Diferencia')).toEqual(['Diferencia', '-500,00']);
    expect(row('20000,00')).toEqual(['20000,00', '11', '220000,00']);
    expect(row('Aperturas sin venta')).toEqual(['Aperturas sin venta', '1']);
    expect(row('21 %')).toEqual(['21 %', '423426,17', '88919,50', '512345,67']);
    expect(row('Reporte')).toEqual(['Reporte', 'Z']);
  });
});
