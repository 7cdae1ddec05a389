import { describe, expect, it } from 'vitest';
import { artDate, artMonth, formatArtDateTime, monthIndex, monthKey } from './months.ts';

describe('the Argentine calendar', () => {
  it('puts 22:00 of the 31st in its own month, whatever the PC says', () => {
    const late = Date.parse('2026-03-31T22:00:00-03:00');
    expect(artMonth(late)).toEqual({
      key: '2026-03',
      start: Date.parse('2026-03-01T00:00:00-03:00'),
      end: Date.parse('2026-04-01T00:00:00-03:00'),
    });
    expect(artDate(late)).toBe('2026-03-31');
  });

  it('writes an instant as Buenos Aires reads it, 24-hour clock, whatever the PC says', () => {
    expect(formatArtDateTime(Date.parse('2026-03-31T22:05:00-03:00'))).toBe('31/03/2026 22:05');
    expect(formatArtDateTime(Date.parse('2026-04-01T00:30:00Z'))).toBe('31/03/2026 21:30');
    expect(formatArtDateTime(Date.parse('2026-01-02T09:07:59-03:00'))).toBe('02/01/2026 09:07');
  });

  it('counts months as integers across years', () => {
    expect(monthKey(monthIndex('2025-12') + 1)).toBe('2026-01');
    expect(monthIndex('2026-01') - monthIndex('2023-01')).toBe(36);
  });
});
