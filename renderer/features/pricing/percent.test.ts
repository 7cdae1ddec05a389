import { describe, expect, it } from 'vitest';
import {
  MARKUP_RANGE,
  THRESHOLD_RANGE,
  formatPercentBp,
  parseOptionalPercentBp,
  parsePercentBp,
  percentInput,
} from './percent.ts';

const bp = (text: string, range = undefined as Parameters<typeof parsePercentBp>[1]) => {
  const r = parsePercentBp(text, range);
  return r.ok ? r.bp : r.message;
};

describe('parsePercentBp', () => {
  it('takes a comma or a point as the decimal mark, exactly', () => {
    expect(bp('2,7')).toBe(270);
    expect(bp('2.7')).toBe(270);
    expect(bp('0,1')).toBe(10);
    expect(bp('12,75')).toBe(1275);
    expect(bp('4,10')).toBe(410);
    expect(bp('2,700')).toBe(270);
    expect(bp(',5')).toBe(50);
    expect(bp('3')).toBe(300);
  });

  it('accepts spaces, a trailing %, signs and the typographic minus', () => {
    expect(bp('  2,7 % ')).toBe(270);
    expect(bp('-1,5')).toBe(-150);
    expect(bp('−1,5')).toBe(-150);
    expect(bp('+3')).toBe(300);
    expect(bp('-0')).toBe(0);
  });

  it('refuses empty text, words and more than two decimals, in Spanish', () => {
    expect(bp('')).toBe('Ingresá un porcentaje.');
    expect(bp('   ')).toBe('Ingresá un porcentaje.');
    expect(bp('abc')).toBe('«abc» no es un porcentaje: escribí por ejemplo 2,7');
    expect(bp('2,7,1')).toMatch(/no es un porcentaje/);
    expect(bp('1e3')).toMatch(/no es un porcentaje/);
    expect(bp('-')).toMatch(/no es un porcentaje/);
    expect(bp('%')).toBe('Ingresá un porcentaje.');
    expect(bp('2,755')).toBe('Usá como mucho dos decimales (por ejemplo 2,75).');
  });

  it('keeps a monthly change between −50 % and 100 % by default', () => {
    expect(bp('-50')).toBe(-5_000);
    expect(bp('100')).toBe(10_000);
    expect(bp('100,01')).toBe('El porcentaje debe estar entre -50 % y 100 %.');
    expect(bp('-50,5')).toMatch(/entre -50 % y 100 %/);
    expect(bp('270')).toMatch(/entre/);
  });

  it('takes other ranges: threshold 0…100 %, markup 0…1000 %', () => {
    expect(bp('-1', THRESHOLD_RANGE)).toBe('El porcentaje debe estar entre 0 % y 100 %.');
    expect(bp('40', MARKUP_RANGE)).toBe(4_000);
    expect(bp('1000', MARKUP_RANGE)).toBe(100_000);
    expect(bp('1000,5', MARKUP_RANGE)).toBe('El porcentaje debe estar entre 0 % y 1.000 %.');
  });
});

describe('parseOptionalPercentBp', () => {
  it('reads a blank field as "hereda" (null)', () => {
    expect(parseOptionalPercentBp('  ', MARKUP_RANGE)).toEqual({ ok: true, bp: null });
    expect(parseOptionalPercentBp('35', MARKUP_RANGE)).toEqual({ ok: true, bp: 3_500 });
    expect(parseOptionalPercentBp('x', MARKUP_RANGE).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('shows basis points as an es-AR percentage', () => {
    expect(formatPercentBp(270)).toBe('2,7 %');
    expect(formatPercentBp(-150)).toBe('-1,5 %');
    expect(formatPercentBp(1275)).toBe('12,75 %');
    expect(formatPercentBp(4_000)).toBe('40 %');
    expect(formatPercentBp(100_000)).toBe('1.000 %');
  });

  it('gives an input text that parses back to the same value', () => {
    const wide = { minBp: -100_000, maxBp: 100_000 };
    for (const v of [0, 5, 270, -150, 1275, 100_000]) {
      expect(percentInput(v)).not.toMatch(/\./);
      expect(bp(percentInput(v), wide)).toBe(v);
    }
  });
});
