import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import {
  eanCheckDigit,
  isValidGtin,
  lookalikeGtins,
  makeScaleBarcode,
  normalizeBarcode,
  parseScaleBarcode,
} from './barcode.ts';
import type { ScaleLayout } from './barcode.ts';

const weight: ScaleLayout = { prefix: '20', pluLength: 5, valueKind: 'weight', valueDecimals: 3 };
const price: ScaleLayout = { prefix: '21', pluLength: 5, valueKind: 'price', valueDecimals: 0 };

describe('GTIN check digits', () => {
  it.each([
    ['779123456789', 8], // EAN-13 prefix 779 (Argentina)
    ['400638133393', 1], // EAN-13 4006381333931
    ['9638507', 4], // EAN-8 96385074
    ['03600029145', 2], // UPC-A 036000291452
    ['1001234567890', 2], // GTIN-14 10012345678902
  ])('eanCheckDigit(%s) = %d', (digits, expected) => {
    expect(eanCheckDigit(digits)).toBe(expected);
  });

  it.each(['7791234567898', '4006381333931', '96385074', '036000291452', '10012345678902'])(
    '%s is a valid GTIN',
    (code) => {
      expect(isValidGtin(code)).toBe(true);
    },
  );

  it.each(['4006381333932', '1234', '123456789', 'ABC12345', '40063813339311', ''])(
    '%j is not a valid GTIN',
    (code) => {
      expect(isValidGtin(code)).toBe(false);
    },
  );

  it('rejects non-digits', () => {
    expect(() => eanCheckDigit('12a')).toThrow(DomainError);
  });

  it('detects every single-digit error in an EAN-13', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{12}$/),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (body, pos, delta) => {
          const code = `${body}${eanCheckDigit(body)}`;
          expect(isValidGtin(code)).toBe(true);
          const d = (Number(code[pos]) + delta) % 10;
          expect(isValidGtin(`${code.slice(0, pos)}${d}${code.slice(pos + 1)}`)).toBe(false);
        },
      ),
    );
  });
});

describe('lookalikeGtins', () => {
  it('lists the valid codes one look-alike digit away, the printed one among them', () => {
    const near = lookalikeGtins('7797620106642');
    expect(near).toContain('7797629106642');
    expect(near.every((c) => isValidGtin(c))).toBe(true);
    expect(near.length).toBeGreaterThan(1);
  });

  it('has nothing to offer for a valid code or a code that is not a GTIN', () => {
    expect(lookalikeGtins('7797629106642')).toEqual([]);
    expect(lookalikeGtins('INT-001')).toEqual([]);
  });

  it('always finds a code whose 9 was read as 0', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^779\d{9}$/), (body) => {
        const code = `${body}${eanCheckDigit(body)}`;
        const at = code.indexOf('9', 3);
        if (at < 0 || at === 12) return;
        expect(lookalikeGtins(`${code.slice(0, at)}0${code.slice(at + 1)}`)).toContain(code);
      }),
    );
  });
});

describe('normalizeBarcode', () => {
  it.each([
    [' 7791234567890 ', '7791234567890'],
    ['779 1234 567890', '7791234567890'],
    ['0012345', '0012345'],
    ['INT-001.a', 'INT-001.a'],
    ['7791234567890', '7791234567890'], // wrong check digit is still accepted
    ['1', '1'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeBarcode(input)).toBe(expected);
  });

  it.each(['', '   ', 'abc/def', 'ñandú', 'x'.repeat(33), 'a_b'])('rejects %j', (input) => {
    expect(() => normalizeBarcode(input)).toThrow(DomainError);
    try {
      normalizeBarcode(input);
    } catch (e) {
      expect((e as DomainError).code).toBe('INVALID_BARCODE');
    }
  });
});

describe('scale barcodes', () => {
  it('parses a weight label (prefix 20, PLU 5, grams)', () => {
    const code = makeScaleBarcode(weight, '00123', 1250);
    expect(code).toBe(`200012301250${eanCheckDigit('200012301250')}`);
    expect(parseScaleBarcode(code, [weight, price])).toEqual({
      layout: weight,
      plu: '00123',
      weightMilli: 1250,
    });
  });

  it('parses a whole-peso price label up to $ 99.999', () => {
    const code = makeScaleBarcode(price, 42, 12345_00);
    expect(code.slice(0, 12)).toBe('210004212345');
    expect(parseScaleBarcode(code, [weight, price])).toEqual({
      layout: price,
      plu: '00042',
      priceCentavos: 12345_00,
    });
  });

  it('ignores the digits between PLU and value on shorter layouts', () => {
    const short: ScaleLayout = { prefix: '2', pluLength: 4, valueKind: 'price', valueDecimals: 2 };
    // 2 | 1234 | 97 (ignored) | 01999 | check
    const body = '212349701999';
    const code = `${body}${eanCheckDigit(body)}`;
    expect(parseScaleBarcode(code, [short])).toMatchObject({ plu: '1234', priceCentavos: 1999 });
    expect(makeScaleBarcode(short, '1234', 1999)).toBe(
      `212340001999${eanCheckDigit('212340001999')}`,
    );
  });

  it('returns null for non-scale or invalid codes', () => {
    expect(parseScaleBarcode('7791234567898', [weight, price])).toBeNull();
    const code = makeScaleBarcode(weight, 1, 500);
    const broken = `${code.slice(0, 12)}${(Number(code[12]) + 1) % 10}`;
    expect(parseScaleBarcode(broken, [weight])).toBeNull();
    expect(parseScaleBarcode('20001', [weight])).toBeNull();
    expect(parseScaleBarcode(code, [])).toBeNull();
  });

  it('uses the first matching layout', () => {
    const generic: ScaleLayout = {
      prefix: '2',
      pluLength: 6,
      valueKind: 'price',
      valueDecimals: 2,
    };
    const code = makeScaleBarcode(weight, 7, 300);
    expect(parseScaleBarcode(code, [weight, generic])?.layout).toBe(weight);
    expect(parseScaleBarcode(code, [generic, weight])?.layout).toBe(generic);
  });

  it('round-trips any representable value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 99_999 }),
        (plu, v) => {
          expect(parseScaleBarcode(makeScaleBarcode(weight, plu, v), [weight])?.weightMilli).toBe(
            v,
          );
          const c = v * 100;
          expect(parseScaleBarcode(makeScaleBarcode(price, plu, c), [price])?.priceCentavos).toBe(
            c,
          );
        },
      ),
    );
  });

  it('rejects values or PLUs that do not fit', () => {
    expect(() => makeScaleBarcode(weight, 1, 100_000)).toThrow(DomainError);
    expect(() => makeScaleBarcode(price, 1, 150)).toThrow(DomainError); // $ 1,50 in a whole-peso field
    expect(() => makeScaleBarcode(weight, '123456', 1)).toThrow(DomainError);
  });

  it('rejects impossible layouts', () => {
    const tooLong: ScaleLayout = {
      prefix: '200',
      pluLength: 6,
      valueKind: 'weight',
      valueDecimals: 3,
    };
    expect(() => parseScaleBarcode(makeScaleBarcode(weight, 1, 1), [tooLong])).toThrow(DomainError);
    const badDecimals: ScaleLayout = { ...price, valueDecimals: 3 };
    expect(() => makeScaleBarcode(badDecimals, 1, 1)).toThrow(DomainError);
  });
});
