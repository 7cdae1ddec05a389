import { describe, expect, it } from 'vitest';
import { changeBp, historyChartPoints } from './history-chart.ts';

const point = (at: number) => ({ at, price: 100, cost: 50, replacement: 60, priceByCpi: 110 });

describe('historyChartPoints', () => {
  it('names month ends by their Argentine month and the last point «hoy»', () => {
    // 31 Jan 23:59:59.999 and 28 Feb 23:59:59.999 in Buenos Aires: already the next day in UTC.
    const jan = Date.parse('2026-02-01T02:59:59.999Z');
    const feb = Date.parse('2026-03-01T02:59:59.999Z');
    const today = Date.parse('2026-03-15T15:00:00Z');
    expect(historyChartPoints([point(jan), point(feb), point(today)]).map((p) => p.label)).toEqual([
      'ene 2026',
      'feb 2026',
      'hoy',
    ]);
    expect(historyChartPoints([point(today)])[0]).toMatchObject({ label: 'hoy', price: 100 });
    expect(historyChartPoints([])).toEqual([]);
  });
});

describe('changeBp', () => {
  it('is the change over the previous value, none from zero', () => {
    expect(changeBp(1000, 1100)).toBe(1000);
    expect(changeBp(1000, 950)).toBe(-500);
    expect(changeBp(0, 500)).toBeNull();
  });
});
