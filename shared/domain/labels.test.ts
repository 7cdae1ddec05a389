import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  code128Modules,
  ean13Modules,
  ean8Modules,
  formatLabelDate,
  isLabelFormat,
  LABEL_FORMAT_IDS,
  LABEL_FORMATS,
  labelBarcode,
  labelFormatName,
  labelPosition,
  labelsPerPage,
  unitPriceLine,
} from './labels.ts';

// Independent reference: EAN digit encodings as element widths (space, bar, space, bar) for the
// L set. R is the same widths starting with a bar; G is R read backwards.
const L_WIDTHS = ['3211', '2221', '2122', '1411', '1132', '1231', '1114', '1312', '1213', '3112'];
const FIRST_DIGIT_SETS = [
  'AAAAAA',
  'AABABB',
  'AABBAB',
  'AABBBA',
  'ABAABB',
  'ABBAAB',
  'ABBBAB',
  'ABABBA',
  'ABABAB',
  'ABBABA',
];

function widths(w: string, firstBar: boolean): string {
  return [...w].map((n, i) => ((i % 2 === 0) === firstBar ? '1' : '0').repeat(Number(n))).join('');
}
const lCode = (d: number) => widths(L_WIDTHS[d]!, false);
const rCode = (d: number) => widths(L_WIDTHS[d]!, true);
const gCode = (d: number) => [...rCode(d)].reverse().join('');

function checkDigit(body: string): number {
  let sum = 0;
  [...body].reverse().forEach((c, i) => (sum += Number(c) * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10;
}

function expectedEan13(code: string): string {
  const d = [...code].map(Number);
  const sets = FIRST_DIGIT_SETS[d[0]!]!;
  const left = d.slice(1, 7).map((x, i) => (sets[i] === 'A' ? lCode(x) : gCode(x)));
  const right = d.slice(7).map(rCode);
  return `101${left.join('')}01010${right.join('')}101`;
}

function barCount(modules: string): number {
  return modules.match(/1+/g)?.length ?? 0;
}

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('ean13Modules', () => {
  it.each(['7790070318992', '4006381333931', '5901234123457', '0036000291452'])(
    'encodes %s with guards and L/G/R sets',
    (code) => {
      expect(checkDigit(code.slice(0, 12))).toBe(Number(code[12]));
      const m = ean13Modules(code);
      expect(m).toHaveLength(95);
      expect(m.slice(0, 3)).toBe('101');
      expect(m.slice(45, 50)).toBe('01010');
      expect(m.slice(92)).toBe('101');
      expect(m).toBe(expectedEan13(code));
      expect(barCount(m)).toBe(30);
    },
  );

  it('uses the parity of the first digit (4 → L G L L G G)', () => {
    const m = ean13Modules('4006381333931');
    // 0 (L), 0 (G), 6 (L), 3 (L), 8 (G), 1 (G), then R: 3 3 3 9 3 1.
    expect(m.slice(3, 45)).toBe(
      '0001101' + '0100111' + '0101111' + '0111101' + '0001001' + '0110011',
    );
    expect(m.slice(50, 92)).toBe(
      '1000010' + '1000010' + '1000010' + '1110100' + '1000010' + '1100110',
    );
  });

  it('accepts a 12-digit UPC-A as EAN-13 with a leading 0', () => {
    expect(ean13Modules('036000291452')).toBe(ean13Modules('0036000291452'));
  });

  it('rejects wrong check digits and malformed codes in Spanish', () => {
    const e = domainError(() => ean13Modules('7790070318993'));
    expect(e.code).toBe('INVALID_BARCODE');
    expect(e.message).toContain('dígito verificador');
    expect(domainError(() => ean13Modules('77900703189')).message).toContain('13 dígitos');
    expect(() => ean13Modules('77900703189AB')).toThrow(DomainError);
  });
});

describe('ean8Modules', () => {
  it('encodes 67 modules: guards, four L and four R digits', () => {
    const code = '96385074';
    expect(checkDigit(code.slice(0, 7))).toBe(4);
    const m = ean8Modules(code);
    expect(m).toHaveLength(67);
    const d = [...code].map(Number);
    const expected = `101${d.slice(0, 4).map(lCode).join('')}01010${d.slice(4).map(rCode).join('')}101`;
    expect(m).toBe(expected);
    expect(barCount(m)).toBe(22);
    expect(() => ean8Modules('96385075')).toThrow(DomainError);
  });
});

describe('code128Modules', () => {
  const START_B = '11010010000';
  const STOP = '1100011101011';

  function symbols(m: string): string[] {
    const body = m.slice(0, -STOP.length);
    return body.match(/.{11}/g) ?? [];
  }

  it('frames the data with start B, a mod-103 checksum and the stop', () => {
    const text = 'Ab0 ';
    const m = code128Modules(text);
    expect(m).toHaveLength(11 * (text.length + 2) + 13);
    expect(m.startsWith(START_B)).toBe(true);
    expect(m.endsWith(STOP)).toBe(true);
    const s = symbols(m);
    expect(s[1]).toBe('10100011000'); // 'A' (value 33)
    expect(s[3]).toBe('10011101100'); // '0' (value 16)
    expect(s[4]).toBe('11011001100'); // ' ' (value 0)
    // Checksum: (104 + 33·1 + 66·2 + 16·3 + 0·4) mod 103 = 317 mod 103 = 8: the same symbol
    // as the character with value 8, '('.
    expect(s[5]).toBe(symbols(code128Modules('('))[1]);
  });

  it('has 103 distinct, well-formed data symbols (each reachable as a checksum)', () => {
    const byValue = new Map<number, string>();
    const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    for (const a of printable) {
      for (const b of ['', ...printable]) {
        const text = a + b;
        const values = [...text].map((c) => c.charCodeAt(0) - 32);
        const check = (104 + values.reduce((s, v, i) => s + v * (i + 1), 0)) % 103;
        const s = symbols(code128Modules(text));
        byValue.set(check, s[s.length - 1]!);
        values.forEach((v, i) => byValue.set(v, s[i + 1]!));
      }
    }
    expect(byValue.size).toBe(103);
    const patterns = [...byValue.values()];
    expect(new Set([...patterns, START_B]).size).toBe(104);
    for (const p of patterns) {
      expect(p).toMatch(/^1+0+1+0+1+0+$/);
      // Code 128 parity: bar modules even.
      expect([...p].filter((c) => c === '1').length % 2).toBe(0);
      expect(Math.max(...(p.match(/1+|0+/g) ?? []).map((r) => r.length))).toBeLessThanOrEqual(4);
    }
  });

  it('rejects empty, too long or non-ASCII text', () => {
    expect(() => code128Modules('')).toThrow(DomainError);
    expect(() => code128Modules('x'.repeat(31))).toThrow(DomainError);
    expect(domainError(() => code128Modules('Ñandú')).message).toContain('sin acentos');
  });
});

describe('labelBarcode', () => {
  it('prefers a valid GTIN, else Code 128 of the barcode or the SKU', () => {
    expect(labelBarcode({ barcode: '7790070318992', sku: 'A1' })?.kind).toBe('ean13');
    expect(labelBarcode({ barcode: '036000291452', sku: null })).toMatchObject({
      kind: 'ean13',
      text: '0036000291452',
    });
    expect(labelBarcode({ barcode: '96385074', sku: null })?.kind).toBe('ean8');
    expect(labelBarcode({ barcode: '7790070318993', sku: null })).toMatchObject({
      kind: 'code128',
      text: '7790070318993',
    });
    expect(labelBarcode({ barcode: null, sku: 'GOL-123' })).toMatchObject({
      kind: 'code128',
      text: 'GOL-123',
      modules: code128Modules('GOL-123'),
    });
    expect(labelBarcode({ barcode: ' ', sku: 'Ñ1' })).toBeNull();
    expect(labelBarcode({ barcode: null, sku: null })).toBeNull();
  });
});

describe('unitPriceLine', () => {
  it('reads the content from the name of unit-sold products', () => {
    expect(unitPriceLine('Aceite Natura 1,5 L', 'u', 300_000)).toEqual({
      per: 'lt',
      price: 200_000,
    });
    expect(unitPriceLine('Yerba Playadito 500 g', 'u', 250_000)).toEqual({
      per: 'kg',
      price: 500_000,
    });
    expect(unitPriceLine('Coca-Cola 2,25 lt', 'u', 450_000)).toEqual({ per: 'lt', price: 200_000 });
    expect(unitPriceLine('Azúcar Ledesma 1 kg', 'u', 123_450)).toEqual({
      per: 'kg',
      price: 123_450,
    });
  });

  it('counts every unit of a multipack', () => {
    expect(unitPriceLine('Galletitas 3x120g', 'u', 129_600)).toEqual({ per: 'kg', price: 360_000 });
    expect(unitPriceLine('Gaseosa 6 x 1,5 L', 'u', 900_000)).toEqual({ per: 'lt', price: 100_000 });
  });

  it('rounds half up to centavos', () => {
    expect(unitPriceLine('Aceite 1,5 L', 'u', 100)?.price).toBe(67);
    expect(unitPriceLine('Caramelos 300 g', 'u', 100)?.price).toBe(333);
  });

  it('passes kg / lt prices through and gives null without a measure', () => {
    expect(unitPriceLine('Queso cremoso', 'kg', 980_000)).toEqual({ per: 'kg', price: 980_000 });
    expect(unitPriceLine('Vino suelto', 'lt', 150_000)).toEqual({ per: 'lt', price: 150_000 });
    expect(unitPriceLine('Alfajor Jorgito', 'u', 90_000)).toBeNull();
    expect(unitPriceLine('Pack x6', 'u', 90_000)).toBeNull();
  });
});

describe('formatLabelDate', () => {
  it('formats dd/mm/aaaa and rejects malformed dates', () => {
    expect(formatLabelDate('2025-03-07')).toBe('07/03/2025');
    expect(() => formatLabelDate('07/03/2025')).toThrow(DomainError);
    expect(() => formatLabelDate('2025-13-01')).toThrow(DomainError);
  });
});

describe('label formats', () => {
  it('fit every label inside the page', () => {
    for (const id of LABEL_FORMAT_IDS) {
      const g = LABEL_FORMATS[id];
      expect(isLabelFormat(id)).toBe(true);
      expect(labelFormatName(id)).toBe(g.name);
      const last = labelPosition(id, labelsPerPage(id) - 1);
      expect(last.page).toBe(0);
      expect(last.x + g.labelWidth).toBeLessThanOrEqual(g.pageWidth + 1e-9);
      expect(last.y + g.labelHeight).toBeLessThanOrEqual(g.pageHeight + 1e-9);
    }
    expect(isLabelFormat('a5')).toBe(false);
  });

  it('has the standard geometries', () => {
    expect(labelsPerPage('a4-3x8')).toBe(24);
    expect(labelsPerPage('a4-2x7')).toBe(14);
    expect(LABEL_FORMATS['a4-3x8']).toMatchObject({ labelWidth: 70, labelHeight: 37 });
    expect(LABEL_FORMATS['rollo-62x29']).toMatchObject({ pageWidth: 62, pageHeight: 29 });
    expect(LABEL_FORMATS['rollo-50x30']).toMatchObject({ pageWidth: 50, pageHeight: 30 });
  });

  it('places labels row by row and continues on the next page', () => {
    expect(labelPosition('a4-3x8', 0)).toEqual({ page: 0, x: 0, y: 0.5 });
    expect(labelPosition('a4-3x8', 4)).toEqual({ page: 0, x: 70, y: 37.5 });
    expect(labelPosition('a4-3x8', 25)).toEqual({ page: 1, x: 70, y: 0.5 });
    expect(labelPosition('a4-2x7', 1)).toMatchObject({ page: 0, y: 15.15 });
    expect(labelPosition('a4-2x7', 1).x).toBeCloseTo(4.65 + 99.1 + 2.5);
    expect(labelPosition('rollo-62x29', 2)).toEqual({ page: 2, x: 0, y: 0 });
  });
});
