import { ivaRateOf } from './cells.ts';
import { describe, expect, it } from 'vitest';
import {
  allDates,
  digitsFix,
  fold,
  isMoneyToken,
  parseAmount,
  parseDate,
  parseDiscount,
  parsePercent,
  parseQuantity,
} from './numbers.ts';

describe('invoice numbers', () => {
  it('reads amounts the way Argentine invoices and OCR print them', () => {
    expect(parseAmount('12.345,67')).toBe(1_234_567);
    expect(parseAmount('$ 1.190,00'.replace('$ ', '$'))).toBe(119_000);
    expect(parseAmount('1190,5')).toBe(119_050);
    expect(parseAmount('12.345.67')).toBe(1_234_567);
    expect(parseAmount('1,190.00')).toBe(119_000);
    expect(parseAmount('l.19O,00')).toBe(119_000);
    expect(parseAmount('1.234')).toBe(123_400);
    expect(parseAmount('-350,00')).toBe(-35_000);
    expect(parseAmount('12,34,56')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });

  it('tells money from quantities and codes', () => {
    expect(isMoneyToken('3.100,00')).toBe(true);
    expect(isMoneyToken('$4.390,00')).toBe(true);
    expect(isMoneyToken('12')).toBe(false);
    expect(isMoneyToken('7790150006008')).toBe(false);
    expect(isMoneyToken('2,500')).toBe(false);
  });

  it('reads quantities in thousandths, weighed goods included', () => {
    expect(parseQuantity('12')).toBe(12_000);
    expect(parseQuantity('12,00')).toBe(12_000);
    expect(parseQuantity('2,500')).toBe(2_500);
    expect(parseQuantity('0,350')).toBe(350);
    expect(parseQuantity('1.5')).toBe(1_500);
    expect(parseQuantity('x12')).toBeNull();
  });

  it('reads percentages in basis points', () => {
    expect(parsePercent('21')).toBe(2100);
    expect(parsePercent('10,5')).toBe(1050);
    // A bonificación's digits with the comma lost.
    expect([parseDiscount('1250'), parseDiscount('200'), parseDiscount('000')]).toEqual([
      1250, 200, 0,
    ]);
    expect([parseDiscount('12,5'), parseDiscount('12500'), parseDiscount('1.250,00')]).toEqual([
      1250,
      null,
      null,
    ]);
    expect(parsePercent('10.5%')).toBe(1050);
    expect(parsePercent('12,50')).toBe(1250);
    expect(parsePercent('250')).toBeNull();
  });

  it('reads real dates only', () => {
    expect(parseDate('12/03/2025')).toBe('2025-03-12');
    expect(parseDate('Fecha: 1-4-25')).toBe('2025-04-01');
    expect(parseDate('31/02/2025')).toBeNull();
    expect(parseDate('12/13/2025')).toBeNull();
    expect(allDates('Desde 01/03/2025 Hasta 31/03/2025')).toEqual(['2025-03-01', '2025-03-31']);
  });

  it('folds labels and fixes OCR letters in numbers only', () => {
    expect(fold('  Razón   SOCIAL ')).toBe('razon social');
    expect(digitsFix('3O-7l234567-8')).toBe('30-71234567-8');
    expect(digitsFix('Total')).toBe('Total');
  });
});

describe('codes read off a scan', () => {
  it('mends the 779 prefix of an Argentine EAN only when that makes it valid', async () => {
    const { mendEan } = await import('./cells.ts');
    expect(mendEan('7700150006009')).toBe('7790150006009');
    expect(mendEan('7790150006009')).toBe('7790150006009');
    expect(mendEan('7709142425659')).toBe('7709142425659');
    expect(mendEan('4006381333931')).toBe('4006381333931');
  });
});

describe('an IVA rate cell', () => {
  it('forgives a comma lost and a «%» read as a «4»', () => {
    expect(['21%', '105%', '214', '274', '1054'].map(ivaRateOf)).toEqual([
      2100, 1050, 2100, 2700, 1050,
    ]);
    // Not a rate with or without its last digit.
    expect(['104', '24', '2147'].map(ivaRateOf)).toEqual([null, null, null]);
  });
});
