import { describe, expect, it } from 'vitest';
import { changeBp, formatMarginBp, formatSignedBp, parsePercentChange } from './percent-text.ts';

const read = (text: string) => {
  const r = parsePercentChange(text);
  return r.ok ? r.bp : r.message;
};

describe('parsePercentChange', () => {
  it('reads a rise or a cut typed the Argentine way', () => {
    expect(read('8,5')).toBe(850);
    expect(read('8.5')).toBe(850);
    expect(read('+10 %')).toBe(1_000);
    expect(read('-5')).toBe(-500);
    expect(read('12,25')).toBe(1_225);
  });

  it('refuses blanks, words, three decimals, zero and typos out of bounds in Spanish', () => {
    expect(read('')).toMatch(/porcentaje/);
    expect(read('ocho')).toMatch(/«ocho» no es un porcentaje/);
    expect(read('8,125')).toMatch(/dos decimales/);
    expect(read('0')).toMatch(/0 % no mueve/);
    expect(read('-95')).toMatch(/entre -90 % y 1\.000 %/);
    expect(read('1200')).toMatch(/entre -90 % y 1\.000 %/);
  });
});

describe('formatting', () => {
  it('signs changes, shows tenths of a point and leaves unknown margins blank', () => {
    expect(formatSignedBp(850)).toBe('+8,5 %');
    expect(formatSignedBp(-500)).toBe('-5 %');
    expect(formatSignedBp(0)).toBe('0 %');
    expect(formatSignedBp(4_957)).toBe('+49,6 %');
    expect(formatMarginBp(4_215)).toBe('42,2 %');
    expect(formatMarginBp(-496)).toBe('-5 %');
    expect(formatMarginBp(-4)).toBe('0 %');
    expect(formatMarginBp(null)).toBe('—');
  });

  it('measures a price change against the old price', () => {
    expect(changeBp(1_300_00, 1_720_00)).toBe(3_231);
    expect(changeBp(2_000_00, 1_900_00)).toBe(-500);
    expect(changeBp(0, 1_00)).toBe(0);
  });
});
