import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeDue, ivaBreakdown, lineAmounts, roundToStep, saleTotals } from './sale-math.ts';

describe('ticket arithmetic', () => {
  it('prices weighed goods by the gram, rounding the line once', () => {
    // 0,347 kg of cheese at $ 8.900,00 the kg = $ 3.088,30
    expect(lineAmounts({ qty: 347, unitPrice: 890_000, discountBp: 0, ivaRateBp: 2100 })).toEqual({
      gross: 308_830,
      discount: 0,
      total: 308_830,
    });
  });

  it('applies a line discount in basis points', () => {
    expect(
      lineAmounts({ qty: 3000, unitPrice: 119_000, discountBp: 1000, ivaRateBp: 1050 }),
    ).toEqual({
      gross: 357_000,
      discount: 35_700,
      total: 321_300,
    });
  });

  it('shows the IVA contained per rate and the parts add up to the total', () => {
    const iva = ivaBreakdown([
      { total: 121_000, ivaRateBp: 2100 },
      { total: 110_500, ivaRateBp: 1050 },
    ]);
    expect(iva).toEqual([
      { rateBp: 2100, net: 100_000, iva: 21_000, total: 121_000 },
      { rateBp: 1050, net: 100_000, iva: 10_500, total: 110_500 },
    ]);
  });

  it('rounds cash totals to the step only when asked', () => {
    const lines = [{ qty: 1000, unitPrice: 123_456, discountBp: 0, ivaRateBp: 2100 }];
    expect(saleTotals(lines).total).toBe(123_456);
    const cash = saleTotals(lines, { roundToCash: true, roundingStep: 1000 });
    expect(cash).toMatchObject({ total: 123_000, rounding: -456 });
    expect(roundToStep(123_500, 1000)).toBe(124_000);
  });

  it('computes the change of cash payments only', () => {
    expect(
      changeDue([
        { tender: 'efectivo', amount: 5_000_00, tendered: 10_000_00 },
        { tender: 'debito', amount: 2_000_00 },
      ]),
    ).toBe(5_000_00);
  });

  it('total = subtotal − discounts + rounding, and the IVA lines sum to the pre-rounding total', () => {
    const line = fc.record({
      qty: fc.integer({ min: 1, max: 50_000 }),
      unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
      discountBp: fc.integer({ min: 0, max: 10_000 }),
      ivaRateBp: fc.constantFrom(0, 1050, 2100, 2700),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 30 }), fc.boolean(), (lines, round) => {
        const t = saleTotals(lines, { roundToCash: round, roundingStep: 1000 });
        expect(t.total).toBe(t.subtotal - t.discountTotal + t.rounding);
        expect(Math.abs(t.rounding)).toBeLessThanOrEqual(500);
        const ivaSum = t.iva.reduce((s, l) => s + l.total, 0);
        expect(ivaSum).toBe(t.subtotal - t.discountTotal);
        for (const l of t.iva) expect(l.net + l.iva).toBe(l.total);
      }),
    );
  });
});
