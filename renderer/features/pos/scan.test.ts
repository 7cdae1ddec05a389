import { describe, expect, it } from 'vitest';
import { isWordQuery } from './scan.ts';

describe('isWordQuery', () => {
  it('treats what a scanner types as a code, not a search', () => {
    expect(isWordQuery('7790070012345')).toBe(false);
    expect(isWordQuery('2001234')).toBe(false);
    expect(isWordQuery('a')).toBe(false);
  });

  it('treats words as a name search, accents and ñ included', () => {
    expect(isWordQuery('yerba')).toBe(true);
    expect(isWordQuery('año')).toBe(true);
    expect(isWordQuery('coca 1,5')).toBe(true);
  });
});
