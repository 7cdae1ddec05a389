import { describe, expect, it } from 'vitest';
import { ariaSort, costAge, DEFAULT_SORT, nextSort } from './suggestion-view.ts';

describe('sorting by the headers', () => {
  it('flips the order on the same column and starts another with its default', () => {
    expect(nextSort(DEFAULT_SORT, 'urgencia')).toEqual({ sort: 'urgencia', desc: false });
    expect(nextSort(DEFAULT_SORT, 'brecha')).toEqual({ sort: 'brecha', desc: true });
  });

  it('tells assistive technology the order on screen (the name reads A → Z by default)', () => {
    expect(ariaSort({ sort: 'brecha', desc: true }, 'brecha')).toBe('descending');
    expect(ariaSort({ sort: 'brecha', desc: true }, 'margen')).toBe('none');
    expect(ariaSort({ sort: 'nombre', desc: true }, 'nombre')).toBe('ascending');
    expect(ariaSort({ sort: 'nombre', desc: false }, 'nombre')).toBe('descending');
  });
});

describe('the age of a cost', () => {
  it('reads as days ago', () => {
    expect(costAge(0)).toBe('hoy');
    expect(costAge(1)).toBe('ayer');
    expect(costAge(45)).toBe('hace 45 días');
    expect(costAge(1200)).toBe('hace 1.200 días');
  });
});
