import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  ROUNDING_RULES,
  accumulatedInflation,
  marginPct,
  parseCpiCsv,
  projectedCost,
  replacementCost,
  roundUp,
  targetPrice,
  validatePolicy,
} from './pricing.ts';
import type { MonthlyRates } from './pricing.ts';

// A slice of handbook/data/ipc-indec-mensual.csv, inlined: shared tests may not read files.
const IPC_2024 = `month,monthly_change_pct,source
2024-01,20.6,INDEC IPC nacional (as reported)
2024-02,13.2,INDEC IPC nacional (as reported)
2024-03,11.0,INDEC IPC nacional (as reported)
2024-04,8.8,INDEC IPC nacional (as reported)
2024-05,4.2,INDEC IPC nacional (as reported)
2024-06,4.6,INDEC IPC nacional (as reported)
`;

/** Midnight of an Argentine calendar day (UTC−3) in epoch ms. */
function art(y: number, m: number, d: number, h = 0): number {
  return Date.UTC(y, m - 1, d, h + 3);
}

function cpi(): MonthlyRates {
  const { rates, errors } = parseCpiCsv(IPC_2024);
  expect(errors).toEqual([]);
  return rates;
}

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('accumulated inflation with the INDEC series', () => {
  it('compounds whole months', () => {
    expect(accumulatedInflation(art(2024, 3, 1), art(2024, 5, 1), cpi(), 0)).toBeCloseTo(
      1.11 * 1.088,
      12,
    );
    expect(replacementCost(100_000, art(2024, 3, 1), art(2024, 5, 1), cpi(), 2.7)).toBe(120_768);
  });

  it('prorates partial months by their share of milliseconds', () => {
    // Mar 10 → Apr 20: 22 of March's 31 days and 19 of April's 30.
    expect(accumulatedInflation(art(2024, 3, 10), art(2024, 4, 20), cpi(), 0)).toBeCloseTo(
      1.11 ** (22 / 31) * 1.088 ** (19 / 30),
      12,
    );
    // Half of April: $ 1.000 × √1,088 = $ 1.043,07.
    expect(replacementCost(100_000, art(2024, 4, 16), art(2024, 5, 1), cpi(), 0)).toBe(104_307);
  });

  it('uses the Argentine calendar: 22:00 on Mar 31 is still March', () => {
    const start = art(2024, 3, 31, 22);
    const f = accumulatedInflation(start, start + 3_600_000, cpi(), 0);
    expect(f).toBeCloseTo(1.11 ** (1 / (31 * 24)), 12);
  });

  it('falls back to the expected rate for months not published yet', () => {
    const f = accumulatedInflation(art(2024, 6, 1), art(2024, 8, 1), cpi(), 3);
    expect(f).toBeCloseTo(1.046 * 1.03, 12);
  });

  it('is 1 for an empty or backwards span', () => {
    expect(accumulatedInflation(art(2024, 5, 1), art(2024, 5, 1), cpi(), 5)).toBe(1);
    expect(accumulatedInflation(art(2024, 5, 2), art(2024, 5, 1), cpi(), 5)).toBe(1);
  });

  it('refuses results beyond MAX_MONEY instead of returning Infinity', () => {
    const e = domainError(() => replacementCost(1_000_000_00, 0, art(2020, 1, 1), new Map(), 100));
    expect(e.code).toBe('ABSURD_VALUE');
  });

  it('rejects absurd expected rates and non-finite instants', () => {
    expect(domainError(() => accumulatedInflation(0, 1, cpi(), 150)).code).toBe('INVALID_RATE');
    expect(() => accumulatedInflation(NaN, 1, cpi(), 2)).toThrow(RangeError);
  });
});

describe('target price', () => {
  const base = {
    cost: 100_000,
    costDate: art(2024, 3, 1),
    now: art(2024, 5, 1),
    expectedPct: 2.7,
    horizonDays: 30,
    markupPct: 35,
    minMarginPct: 20,
    ivaRateBp: 2100,
    rule: 'up100' as const,
  };

  it('projects, marks up, adds IVA and rounds up', () => {
    // 120.768 × 1,027 = 124.029; × 1,35 × 1,21 = 202.601,37 → $ 2.100.
    expect(targetPrice({ ...base, rates: cpi() })).toEqual({
      replacement: 120_768,
      projected: 124_029,
      target: 210_000,
      floor: 145_200,
    });
  });

  it('never goes below the minimum margin, even with deflation', () => {
    const rates = new Map([['2024-03', -40]]);
    const r = targetPrice({
      ...base,
      rates,
      now: art(2024, 4, 1),
      horizonDays: 0,
      markupPct: 20,
    });
    expect(r.replacement).toBe(60_000);
    expect(r.floor).toBe(145_200);
    expect(r.target).toBe(150_000);
  });

  it('is not fooled by float noise: 100 × 1,1 stays 110', () => {
    expect(projectedCost(100, 0, 0)).toBe(100);
    const r = targetPrice({ ...base, cost: 100, rates: new Map(), expectedPct: 0 });
    expect(r.target).toBe(10_000);
    const none = targetPrice({
      ...base,
      cost: 100,
      rates: new Map(),
      expectedPct: 0,
      horizonDays: 0,
      markupPct: 10,
      minMarginPct: 10,
      ivaRateBp: 0,
      rule: 'none',
    });
    expect(none.target).toBe(110);
  });

  it('rejects invalid IVA rates and horizons', () => {
    expect(domainError(() => targetPrice({ ...base, rates: cpi(), ivaRateBp: 1900 })).code).toBe(
      'INVALID_IVA',
    );
    expect(domainError(() => projectedCost(100, 2, -1)).code).toBe('INVALID_HORIZON');
  });

  it('refuses a markup under the minimum margin, in Spanish', () => {
    const e = domainError(() => validatePolicy({ markupPct: 10, minMarginPct: 25 }));
    expect(e.code).toBe('INVALID_POLICY');
    expect(e.message).toBe('El recargo (10 %) no puede ser menor que el margen mínimo (25 %)');
    expect(() => validatePolicy({ markupPct: 25, minMarginPct: 25 })).not.toThrow();
    expect(() => validatePolicy({ markupPct: NaN, minMarginPct: 0 })).toThrow(DomainError);
  });
});

describe('rounding rules', () => {
  it('rounds up to price points', () => {
    expect(roundUp(123_401, 'none')).toBe(123_401);
    expect(roundUp(123_401, 'up10')).toBe(124_000);
    expect(roundUp(123_401, 'up50')).toBe(125_000);
    expect(roundUp(123_401, 'up100')).toBe(130_000);
    expect(roundUp(123_401, 'ends9')).toBe(123_900);
    expect(roundUp(123_150, 'ends9')).toBe(123_900);
    expect(roundUp(123_901, 'ends9')).toBe(124_900);
    expect(roundUp(123_401, 'ends99')).toBe(129_900);
    expect(roundUp(129_901, 'ends99')).toBe(139_900);
    expect(roundUp(130_000, 'up100')).toBe(130_000);
  });

  it('is ≥ the input, idempotent, and ends as promised', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(...ROUNDING_RULES),
        (x, rule) => {
          const y = roundUp(x, rule);
          expect(y).toBeGreaterThanOrEqual(x);
          expect(roundUp(y, rule)).toBe(y);
          if (rule === 'ends9') expect(y % 1000).toBe(900);
          if (rule === 'ends99') expect(y % 10_000).toBe(9900);
          if (rule === 'up50') expect(y % 5000).toBe(0);
        },
      ),
    );
  });
});

describe('margin', () => {
  it('is measured over the cost, net of IVA', () => {
    expect(marginPct(145_200, 100_000, 2100)).toBeCloseTo(20, 10);
    expect(marginPct(100_000, 100_000, 0)).toBe(0);
    expect(marginPct(100_000, 0, 2100)).toBeNull();
  });
});

describe('CPI CSV import', () => {
  it('reads the handbook format, Excel-AR ";" and decimal commas', () => {
    expect(cpi().get('2024-04')).toBe(8.8);
    const { rates, errors } = parseCpiCsv('mes;variacion\r\n2025-01;2,2\r\n2025-02;2,4 %\r\n');
    expect(errors).toEqual([]);
    expect([...rates]).toEqual([
      ['2025-01', 2.2],
      ['2025-02', 2.4],
    ]);
  });

  it('reports gaps, text in numbers, absurd rates and bad months with their line', () => {
    const csv = [
      'month,monthly_change_pct',
      '2024-04,8.8',
      '2024-06,4.6',
      '2024-07,cuatro',
      '2024-08,420',
      '2024-13,1',
      '2024-08,4.2',
      '2024-12,-60',
    ].join('\n');
    const { rates, errors } = parseCpiCsv(csv);
    expect(errors).toEqual([
      { line: 3, message: 'Falta el mes 2024-05 entre 2024-04 y 2024-06' },
      { line: 4, message: 'Línea 4: «cuatro» no es un porcentaje válido para 2024-07' },
      {
        line: 5,
        message:
          'Línea 5: 420 % no es una variación mensual creíble para 2024-08 (debe estar entre −50 % y 100 %)',
      },
      { line: 6, message: 'Línea 6: «2024-13» no es un mes válido (AAAA-MM)' },
      { line: 7, message: 'Línea 7: el mes 2024-08 ya aparece en la línea 5' },
      {
        line: 8,
        message:
          'Línea 8: -60 % no es una variación mensual creíble para 2024-12 (debe estar entre −50 % y 100 %)',
      },
      { line: 8, message: 'Faltan los meses 2024-09 a 2024-11 entre 2024-08 y 2024-12' },
    ]);
    expect([...rates.keys()]).toEqual(['2024-04', '2024-06']);
  });

  it('refuses an empty file and unclosed quotes', () => {
    expect(parseCpiCsv('month,monthly_change_pct\n').errors).toEqual([
      { line: 1, message: 'El archivo no tiene ningún mes' },
    ]);
    expect(parseCpiCsv('2024-01,"3').errors).toHaveLength(1);
  });
});

describe('properties', () => {
  const YEAR_START = art(2023, 1, 1);
  const YEAR_END = art(2027, 1, 1);
  const instant = fc.integer({ min: YEAR_START, max: YEAR_END });
  const monthKeys = [2023, 2024, 2025, 2026].flatMap((y) =>
    Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`),
  );
  const ratesOf = (min: number, max = 100) =>
    fc
      .array(fc.tuple(fc.constantFrom(...monthKeys), fc.double({ min, max, noNaN: true })))
      .map((pairs) => new Map(pairs));

  it('replacement ≥ cost when every rate is ≥ 0', () => {
    fc.assert(
      fc.property(
        // Bounded so the result stays under MAX_MONEY (beyond it the guard rightly throws).
        fc.integer({ min: 0, max: 10_000_000 }),
        instant,
        fc.integer({ min: -86_400_000, max: 730 * 86_400_000 }),
        ratesOf(0, 30),
        fc.double({ min: 0, max: 30, noNaN: true }),
        (cost, a, age, rates, expected) => {
          const r = replacementCost(cost, a, a + age, rates, expected);
          expect(r).toBeGreaterThanOrEqual(cost);
        },
      ),
    );
  });

  it('the factor over [a, c] is the product of those over [a, b] and [b, c]', () => {
    fc.assert(
      fc.property(
        fc.array(instant, { minLength: 3, maxLength: 3 }),
        ratesOf(-50),
        fc.double({ min: -50, max: 100, noNaN: true }),
        (points, rates, expected) => {
          const [a, b, c] = points.sort((x, y) => x - y) as [number, number, number];
          const whole = accumulatedInflation(a, c, rates, expected);
          const parts =
            accumulatedInflation(a, b, rates, expected) *
            accumulatedInflation(b, c, rates, expected);
          // Relative: over four years at 100 % a month the factor is ~1e14.
          expect(Math.abs(whole - parts)).toBeLessThanOrEqual(1e-9 * whole);
        },
      ),
    );
  });

  it('target ≥ floor, whatever the rates, horizon and rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        instant,
        fc.integer({ min: 0, max: 90 * 86_400_000 }),
        ratesOf(-50),
        fc.double({ min: -50, max: 10, noNaN: true }),
        fc.integer({ min: 0, max: 90 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.constantFrom(0, 1050, 2100, 2700),
        fc.constantFrom(...ROUNDING_RULES),
        (cost, costDate, age, rates, expectedPct, horizonDays, min, extra, ivaRateBp, rule) => {
          const minMarginPct = min;
          const markupPct = Math.min(1000, min + extra);
          const r = targetPrice({
            cost,
            costDate,
            now: costDate + age,
            rates,
            expectedPct,
            horizonDays,
            markupPct,
            minMarginPct,
            ivaRateBp,
            rule,
          });
          expect(r.target).toBeGreaterThanOrEqual(r.floor);
          expect(Number.isSafeInteger(r.target)).toBe(true);
          if (cost > 0) {
            expect(marginPct(r.target, cost, ivaRateBp)).toBeGreaterThanOrEqual(min - 1e-9);
          }
        },
      ),
    );
  });

  it('with no inflation and no horizon, target = roundUp(cost × (1 + markup) × (1 + IVA))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        instant,
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(0, 250, 500, 1050, 2100, 2700),
        fc.constantFrom(...ROUNDING_RULES),
        (cost, costDate, age, markupPct, ivaRateBp, rule) => {
          const zero = new Map(monthKeys.map((k) => [k, 0]));
          // Exact integer maths for the expectation: ceil(cost × (100 + m) × (10000 + iva) / 1e6).
          const num = BigInt(cost) * BigInt(100 + markupPct) * BigInt(10_000 + ivaRateBp);
          const exact = Number((num + 999_999n) / 1_000_000n);
          const r = targetPrice({
            cost,
            costDate,
            now: costDate + age,
            rates: zero,
            expectedPct: 0,
            horizonDays: 0,
            markupPct,
            minMarginPct: 0,
            ivaRateBp,
            rule,
          });
          expect(r.replacement).toBe(cost);
          expect(r.target).toBe(roundUp(exact, rule));
        },
      ),
    );
  });
});
