import { describe, expect, it } from 'vitest';
import {
  amountDiffers,
  expectedAmount,
  lineIvaRate,
  lineUnitCost,
  parsePackUnits,
  pricesIncludeIva,
} from './unit-cost.ts';

const base = {
  amount: 12_000_00,
  quantity: 1000,
  packUnits: 1,
  includesIva: false,
  ivaRateBp: 2100,
};

describe('unit cost of one product unit', () => {
  it('divides the line amount by the units that came in', () => {
    // 1 bulto of 12 for $ 12.000 → $ 1.000 each; 3 bultos for $ 36.000 → the same.
    expect(lineUnitCost({ ...base, packUnits: 12 })).toBe(1_000_00);
    expect(lineUnitCost({ ...base, amount: 36_000_00, quantity: 3000, packUnits: 12 })).toBe(
      1_000_00,
    );
  });

  it('takes IVA out of an amount that includes it', () => {
    expect(lineUnitCost({ ...base, amount: 1_210_00, includesIva: true })).toBe(1_000_00);
    expect(lineUnitCost({ ...base, amount: 1_105_00, includesIva: true, ivaRateBp: 1050 })).toBe(
      1_000_00,
    );
  });

  it('works per kilo for weighed goods', () => {
    // 2,5 kg for $ 20.000 → $ 8.000 the kilo.
    expect(lineUnitCost({ ...base, amount: 20_000_00, quantity: 2500 })).toBe(8_000_00);
  });

  it('rounds once, half up, to the centavo', () => {
    expect(lineUnitCost({ ...base, amount: 10_00, packUnits: 3 })).toBe(333);
  });

  it('gives null for a pack the form must reject or nothing bought', () => {
    expect(lineUnitCost({ ...base, packUnits: 0 })).toBeNull();
    expect(lineUnitCost({ ...base, packUnits: 1.5 })).toBeNull();
    expect(lineUnitCost({ ...base, quantity: 0 })).toBeNull();
  });
});

describe('which prices include IVA', () => {
  it('B and C always do, A only when the supplier says so', () => {
    expect(pricesIncludeIva('B', false)).toBe(true);
    expect(pricesIncludeIva('C', false)).toBe(true);
    expect(pricesIncludeIva('A', false)).toBe(false);
    expect(pricesIncludeIva('A', true)).toBe(true);
    expect(pricesIncludeIva('', false)).toBe(false);
  });

  it('uses the line rate, else the invoice single rate, else 21 %', () => {
    expect(lineIvaRate(1050, { '2100': 5 })).toBe(1050);
    expect(lineIvaRate(undefined, { '1050': 100_00, '2100': 0 })).toBe(1050);
    expect(lineIvaRate(undefined, { '1050': 100_00, '2100': 100_00 })).toBe(2100);
    expect(lineIvaRate(undefined, {})).toBe(2100);
  });
});

describe('line amount', () => {
  it('is quantity × price less the bonificación', () => {
    // 3 bultos × $ 1.000 − 10 % = $ 2.700.
    expect(expectedAmount(3000, 1_000_00, 1000)).toBe(2_700_00);
    // 0,250 kg × $ 8.000 = $ 2.000.
    expect(expectedAmount(250, 8_000_00, 0)).toBe(2_000_00);
  });

  it('tolerates a peso of rounding', () => {
    expect(amountDiffers(2_700_00, 2_702_00)).toBe(true);
    expect(amountDiffers(2_700_00, 2_700_99)).toBe(false);
    expect(amountDiffers(2_700_00, 2_701_00)).toBe(false);
    expect(amountDiffers(2_700_00, 2_699_50)).toBe(false);
  });
});

describe('pack units in the description', () => {
  it('reads the pack the core reads', () => {
    expect(parsePackUnits('Gaseosa cola 6x1,5L')).toBe(6);
    expect(parsePackUnits('Galletitas dulces x12')).toBe(12);
    expect(parsePackUnits('Arroz largo fino x 1kg')).toBe(1);
  });
});
