import { describe, expect, it } from 'vitest';
import type { CpiMonth } from '../../../shared/contract/index.ts';
import { canAddMonth, cpiLag, cpiPoints, monthLabel, monthOfInstant } from './cpi-series.ts';

const month = (m: string, rateBp: number): CpiMonth => ({
  month: m,
  rateBp,
  source: 'indec',
  updatedAt: 0,
});

/** An instant as an Argentine wall clock (UTC−3). */
const art = (iso: string) => Date.parse(`${iso}-03:00`);

describe('monthLabel', () => {
  it('writes every month short and lowercase, September as «sep»', () => {
    expect(monthLabel('2025-09')).toBe('sep 2025');
    expect(monthLabel('2026-01')).toBe('ene 2026');
    expect(monthLabel('2026-12')).toBe('dic 2026');
  });

  it('leaves anything that is not a month alone', () => {
    expect(monthLabel('2026-13')).toBe('2026-13');
    expect(monthLabel('')).toBe('');
  });
});

describe('monthOfInstant', () => {
  it('uses the Argentine calendar, not UTC', () => {
    expect(monthOfInstant(art('2026-03-31T22:00:00'))).toBe('2026-03');
    expect(monthOfInstant(Date.parse('2026-04-01T02:00:00Z'))).toBe('2026-03');
    expect(monthOfInstant(art('2026-04-01T00:00:00'))).toBe('2026-04');
  });
});

describe('cpiPoints', () => {
  it('accumulates the index from 100 at the first month, oldest first', () => {
    const points = cpiPoints([
      month('2025-03', 1000),
      month('2025-01', 500),
      month('2025-02', 1000),
    ]);
    expect(points.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(points[0]).toMatchObject({ label: 'ene 2025', ratePct: 5, index: 100 });
    expect(points[1]?.index).toBeCloseTo(110, 10);
    expect(points[2]?.index).toBeCloseTo(121, 10);
  });

  it('goes down with a negative month and is empty without months', () => {
    const points = cpiPoints([month('2025-01', 0), month('2025-02', -1000)]);
    expect(points[1]?.index).toBeCloseTo(90, 10);
    expect(points[1]?.ratePct).toBe(-10);
    expect(cpiPoints([])).toEqual([]);
  });
});

describe('cpiLag', () => {
  const series = [month('2025-08', 190), month('2025-09', 210)];

  it('is quiet while the last month is at most two behind', () => {
    expect(cpiLag(series, art('2025-10-20T12:00:00'))).toBeNull();
    expect(cpiLag(series, art('2025-11-05T12:00:00'))).toBeNull();
    expect(cpiLag([], art('2026-11-24T12:00:00'))).toBeNull();
  });

  it('lists the past months running on the expected rate', () => {
    expect(cpiLag(series, art('2025-12-01T00:00:00'))).toEqual({
      last: '2025-09',
      from: '2025-10',
      to: '2025-11',
      count: 2,
    });
    expect(cpiLag(series, art('2026-11-24T12:00:00'))).toEqual({
      last: '2025-09',
      from: '2025-10',
      to: '2026-10',
      count: 13,
    });
  });
});

describe('canAddMonth', () => {
  it('only offers months already over', () => {
    const now = art('2026-11-24T12:00:00');
    expect(canAddMonth('2025-10', now)).toBe(true);
    expect(canAddMonth('2026-10', now)).toBe(true);
    expect(canAddMonth('2026-11', now)).toBe(false);
  });
});
