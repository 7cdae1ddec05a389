import { describe, expect, it } from 'vitest';
import { countTotal, denominationCounts, isBill, parseCount, runningTotal } from './cash-report.ts';

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
