import { describe, expect, it } from 'vitest';
import { areaForShortcut, parseRoute, routeHash } from './route.ts';

describe('parseRoute', () => {
  it('reads the area and the rest of the path', () => {
    expect(parseRoute('#/stock/producto/0192-abc')).toEqual({
      area: 'stock',
      path: ['producto', '0192-abc'],
    });
  });

  it('falls back to Caja for an empty or unknown hash', () => {
    expect(parseRoute('')).toEqual({ area: 'caja', path: [] });
    expect(parseRoute('#/')).toEqual({ area: 'caja', path: [] });
    expect(parseRoute('#/nada/que/ver')).toEqual({ area: 'caja', path: [] });
  });

  it('decodes segments and ignores a query string and extra slashes', () => {
    expect(parseRoute('#/stock//conteos/a%20b?x=1')).toEqual({
      area: 'stock',
      path: ['conteos', 'a b'],
    });
    expect(parseRoute('#/ajustes/%E0%A4%A')).toEqual({ area: 'ajustes', path: ['%E0%A4%A'] });
  });

  it('round-trips with routeHash', () => {
    const hash = routeHash('stock', 'producto', 'id con espacio');
    expect(hash).toBe('#/stock/producto/id%20con%20espacio');
    expect(parseRoute(hash)).toEqual({ area: 'stock', path: ['producto', 'id con espacio'] });
  });
});

describe('areaForShortcut', () => {
  const key = (
    code: string,
    extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; key: string }> = {},
  ) => ({
    altKey: true,
    ctrlKey: false,
    metaKey: false,
    key: '',
    code,
    ...extra,
  });

  it('maps Alt+1…Alt+7 to the sidebar order', () => {
    expect(areaForShortcut(key('Digit1'))).toBe('caja');
    expect(areaForShortcut(key('Digit2'))).toBe('stock');
    expect(areaForShortcut(key('Numpad5'))).toBe('control');
    expect(areaForShortcut(key('Digit7'))).toBe('ajustes');
  });

  it('ignores Alt+8, keys without Alt and AltGr (Ctrl+Alt) combinations', () => {
    expect(areaForShortcut(key('Digit8'))).toBeNull();
    expect(areaForShortcut(key('Digit1', { altKey: false }))).toBeNull();
    expect(areaForShortcut(key('Digit1', { ctrlKey: true }))).toBeNull();
  });
});
