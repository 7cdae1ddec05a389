import { describe, expect, it } from 'vitest';
import type { SupplierMonth } from '../../../shared/contract/index.ts';
import {
  lastMonths,
  monthGroups,
  monthLabel,
  monthlySeries,
  monthsWindow,
  suppliersOf,
} from './supplier-totals.ts';

const rows: SupplierMonth[] = [
  { cuit: '30712345678', name: 'Distribuidora Sur', month: '2025-10', count: 2, total: 300_000_00 },
  { cuit: '30712345678', name: 'Distribuidora Sur', month: '2025-11', count: 1, total: 100_000_00 },
  { cuit: '20123456786', name: 'Lácteos Pampa', month: '2025-11', count: 3, total: 150_000_00 },
  // A credit note month that nets negative, and a month outside the window.
  { cuit: '20123456786', name: 'Lácteos Pampa', month: '2025-09', count: 1, total: -20_000_00 },
  { cuit: '20123456786', name: 'Lácteos Pampa', month: '2023-01', count: 1, total: 5_00 },
];

describe('purchases per month', () => {
  const today = new Date(2025, 10, 20); // 20 Nov 2025

  it('covers the last 12 months through today, crossing the year', () => {
    const months = lastMonths(today);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2024-12');
    expect(months[11]).toBe('2025-11');
    expect(monthsWindow(months, today)).toEqual({ from: '2024-12-01', to: '2025-11-20' });
  });

  it('sums every supplier per month, with zero for the quiet months', () => {
    const series = monthlySeries(rows, lastMonths(today), '');
    expect(series.find((p) => p.month === '2025-11')).toEqual({
      month: '2025-11',
      total: 250_000_00,
      count: 4,
    });
    expect(series.find((p) => p.month === '2025-09')?.total).toBe(-20_000_00);
    expect(series.find((p) => p.month === '2025-01')?.total).toBe(0);
    expect(series.reduce((s, p) => s + p.total, 0)).toBe(530_000_00);
  });

  it('narrows to one supplier', () => {
    const series = monthlySeries(rows, lastMonths(today), '30712345678');
    expect(series.filter((p) => p.total !== 0).map((p) => p.month)).toEqual(['2025-10', '2025-11']);
  });

  it('groups the table by month, newest first, biggest supplier first', () => {
    const groups = monthGroups(rows, '');
    expect(groups.map((g) => g.month)).toEqual(['2025-11', '2025-10', '2025-09', '2023-01']);
    expect(groups[0]?.rows.map((r) => r.name)).toEqual(['Lácteos Pampa', 'Distribuidora Sur']);
    expect(groups[0]?.total).toBe(250_000_00);
  });

  it('lists the suppliers by what was bought from them', () => {
    expect(suppliersOf(rows)).toEqual([
      { cuit: '30712345678', name: 'Distribuidora Sur' },
      { cuit: '20123456786', name: 'Lácteos Pampa' },
    ]);
  });

  it('names a month in Spanish', () => {
    expect(monthLabel('2025-03')).toMatch(/^mar\S* 2025$/);
    expect(monthLabel('raro')).toBe('raro');
  });
});
