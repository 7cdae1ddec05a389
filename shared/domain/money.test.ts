import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import {
  IVA_RATES_BP,
  MAX_MONEY,
  MAX_QUANTITY,
  addIva,
  centavosToPesos,
  formatIvaRate,
  formatMoney,
  formatMoneyPlain,
  formatQuantity,
  ivaContained,
  parseIvaRate,
  parseMoney,
  parseQuantity,
  pesosToCentavos,
} from './money.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return undefined;
}

describe('parseMoney', () => {
  it.each([
    ['12345,67', 1234567],
    ['12.345,67', 1234567],
    ['12345.67', 1234567],
    ['12,345.67', 1234567],
    ['$ 12.345,67', 1234567],
    ['$12.345,67', 1234567],
    ['  $\u00a012.345,67 ', 1234567],
    ['1.234', 123400],
    ['1.234.567', 123456700],
    ['1,234,567', 123456700],
    ['1.234.567,8', 123456780],
    ['12.5', 1250],
    ['12.50', 1250],
    ['12,5', 1250],
    ['0,05', 5],
    [',5', 50],
    ['.99', 99],
    ['0', 0],
    ['007', 700],
    ['-12,50', -1250],
    ['-$ 12,50', -1250],
    ['$ -12,50', -1250],
    ['-0', 0],
    ['10.000.000.000,00', MAX_MONEY],
  ])('%s → %d', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it('never returns -0', () => {
    expect(Object.is(parseMoney('-0,00'), 0)).toBe(true);
  });

  it.each([
    'abc',
    '',
    '   ',
    '$',
    '-',
    '12,',
    '12.',
    '1,2,3',
    '1.234,56,7',
    '12.34.5',
    '1.23.456',
    '0.250',
    '.500',
    '12 34a',
    '--5',
    '1e5',
    '+5',
  ])('rejects %j with INVALID_MONEY', (text) => {
    expect(codeOf(() => parseMoney(text))).toBe('INVALID_MONEY');
  });

  it.each(['1,234', '12,345', '0,001', '1.234,567', '12345.678'])(
    'rejects %j (more than 2 decimals or bad grouping)',
    (text) => {
      expect(codeOf(() => parseMoney(text))).toBe('INVALID_MONEY');
    },
  );

  it('has a Spanish message quoting the input', () => {
    expect(() => parseMoney('abc')).toThrow('«abc» no es un importe válido');
    expect(() => parseMoney('1,234')).toThrow(/más de 2 decimales/);
  });

  it.each(['10.000.000.000,01', '99999999999999999999999', '-10000000001'])(
    'rejects absurd %s',
    (text) => {
      expect(codeOf(() => parseMoney(text))).toBe('ABSURD_VALUE');
    },
  );

  it('round-trips formatMoney and formatMoneyPlain', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MONEY, max: MAX_MONEY }), (c) => {
        expect(parseMoney(formatMoney(c))).toBe(c);
        expect(parseMoney(formatMoneyPlain(c))).toBe(c);
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [1234567, '$ 12.345,67'],
    [0, '$ 0,00'],
    [-0, '$ 0,00'],
    [5, '$ 0,05'],
    [-1250, '-$ 12,50'],
    [MAX_MONEY, '$ 10.000.000.000,00'],
  ])('%d → %s', (c, expected) => {
    expect(formatMoney(c)).toBe(expected);
  });

  it('rejects non-integer centavos', () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });
});

describe('formatMoneyPlain', () => {
  it.each([
    [1234567, '12345,67'],
    [0, '0,00'],
    [5, '0,05'],
    [-1250, '-12,50'],
    [-5, '-0,05'],
  ])('%d → %s', (c, expected) => {
    expect(formatMoneyPlain(c)).toBe(expected);
  });
});

describe('pesos ↔ centavos', () => {
  it.each([
    [0.1 + 0.2, 30],
    [0.29, 29],
    [1.005, 101],
    [-1.005, -101],
    [2.675, 268],
    [1.115, 112],
    [12345.67, 1234567],
    [0.005, 1],
    [0.0049, 0],
    [-0.001, 0],
    [1e-7, 0],
    [1e10, MAX_MONEY],
  ])('pesosToCentavos(%d) = %d', (n, expected) => {
    expect(pesosToCentavos(n)).toBe(expected);
  });

  it('is exact for every 2-decimal amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_MONEY, max: MAX_MONEY }), (c) => {
        expect(pesosToCentavos(centavosToPesos(c))).toBe(c);
        expect(pesosToCentavos(Number(formatMoneyPlain(c).replace(',', '.')))).toBe(c);
      }),
    );
  });

  it('rejects NaN, Infinity and absurd values', () => {
    expect(codeOf(() => pesosToCentavos(NaN))).toBe('INVALID_MONEY');
    expect(codeOf(() => pesosToCentavos(Infinity))).toBe('INVALID_MONEY');
    expect(codeOf(() => pesosToCentavos(1e21))).toBe('ABSURD_VALUE');
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 'u', 3000],
    ['3 u', 'u', 3000],
    ['1,5', 'kg', 1500],
    ['1.5', 'kg', 1500],
    ['0.250', 'kg', 250],
    ['0,001', 'kg', 1],
    [',5', 'lt', 500],
    ['2', 'lt', 2000],
    ['1,5 KG', 'kg', 1500],
    ['-2', 'u', -2000],
    ['1000000', 'u', MAX_QUANTITY],
  ] as const)('%s %s → %d', (text, unit, expected) => {
    expect(parseQuantity(text, unit)).toBe(expected);
  });

  it.each([
    ['1,5', 'u'],
    ['1.000', 'u'],
    ['abc', 'kg'],
    ['', 'kg'],
    ['1,2345', 'kg'],
    ['1.000,5', 'kg'],
    ['1,', 'kg'],
    ['3 kg', 'u'],
  ] as const)('rejects %j for %s', (text, unit) => {
    expect(codeOf(() => parseQuantity(text, unit))).toBe('INVALID_QUANTITY');
  });

  it('explains why whole units are required', () => {
    expect(() => parseQuantity('1,5', 'u')).toThrow(/enteros/);
  });

  it('rejects absurd quantities', () => {
    expect(codeOf(() => parseQuantity('1000001', 'u'))).toBe('ABSURD_VALUE');
    expect(codeOf(() => parseQuantity('1000000,001', 'kg'))).toBe('ABSURD_VALUE');
  });
});

describe('formatQuantity', () => {
  it.each([
    [1500, 'kg', '1,5 kg'],
    [3000, 'u', '3 u'],
    [250, 'kg', '0,25 kg'],
    [1, 'lt', '0,001 lt'],
    [1500000, 'u', '1500 u'],
    [-2500, 'kg', '-2,5 kg'],
  ] as const)('%d %s → %s', (m, unit, expected) => {
    expect(formatQuantity(m, unit)).toBe(expected);
  });

  it('round-trips with parseQuantity', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_QUANTITY, max: MAX_QUANTITY }), (m) => {
        expect(parseQuantity(formatQuantity(m, 'kg'), 'kg')).toBe(m);
      }),
    );
  });
});

describe('IVA', () => {
  it.each([
    [12100, 2100, 2100],
    [100, 2100, 17], // 17,355… → 17
    [11050, 1050, 1050],
    [1000, 2100, 174], // 173,55… → 174
    [0, 2100, 0],
    [1000, 0, 0],
    [-12100, 2100, -2100],
    [12700, 2700, 2700],
  ])('ivaContained(%d, %d) = %d', (total, rate, expected) => {
    expect(ivaContained(total, rate)).toBe(expected);
  });

  it('rounds exact halves up', () => {
    // 50 × 21 % = 10,5 → 11. (ivaContained never hits an exact half with the legal rates.)
    expect(addIva(50, 2100)).toBe(61);
    expect(addIva(-50, 2100)).toBe(-61);
  });

  it.each([
    [10000, 2100, 12100],
    [10000, 1050, 11050],
    [999, 2100, 1209], // 209,79 → 210
    [0, 2700, 0],
  ])('addIva(%d, %d) = %d', (net, rate, expected) => {
    expect(addIva(net, rate)).toBe(expected);
  });

  it('splitting and re-adding is off by at most one centavo', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MONEY }),
        fc.constantFrom(...IVA_RATES_BP),
        (total, rate) => {
          const iva = ivaContained(total, rate);
          expect(iva).toBeGreaterThanOrEqual(0);
          expect(iva).toBeLessThanOrEqual(total);
          expect(Math.abs(addIva(total - iva, rate) - total)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('rejects invalid rates', () => {
    expect(codeOf(() => ivaContained(100, -1))).toBe('INVALID_IVA');
    expect(codeOf(() => addIva(100, 21.5))).toBe('INVALID_IVA');
  });

  it.each([
    ['21', 2100],
    ['21%', 2100],
    [' 21 % ', 2100],
    ['10,5', 1050],
    ['10.5', 1050],
    ['10,50', 1050],
    ['2,5', 250],
    ['5', 500],
    ['0', 0],
    ['27', 2700],
  ])('parseIvaRate(%j) = %d', (text, expected) => {
    expect(parseIvaRate(text)).toBe(expected);
  });

  it.each(['0,105', '0,21', '22', '10,', 'veintiuno', '', '%', '-21', '21,0%%'])(
    'parseIvaRate rejects %j',
    (text) => {
      expect(codeOf(() => parseIvaRate(text))).toBe('INVALID_IVA');
    },
  );

  it('formats rates', () => {
    expect(IVA_RATES_BP.map(formatIvaRate)).toEqual([
      '0 %',
      '2,5 %',
      '5 %',
      '10,5 %',
      '21 %',
      '27 %',
    ]);
  });
});
