import { describe, expect, it } from 'vitest';
import type { Sale, SaleLine } from '../../../shared/contract/index.ts';
import { readPicks, refundFor, returnable } from './return-math.ts';

const line = (over: Partial<SaleLine>): SaleLine => ({
  id: 'l1',
  lineNo: 1,
  productId: 'p1',
  code: null,
  description: 'Galletitas Oreo',
  unit: 'u',
  qty: 3000,
  listPrice: 1_500_00,
  unitPrice: 1_500_00,
  discountBp: 1000,
  total: 4_050_01,
  unitCost: 800_00,
  ivaRateBp: 2100,
  belowCost: false,
  withoutStock: false,
  returnedQty: 0,
  refunded: 0,
  ...over,
});

const queso = line({
  id: 'l2',
  lineNo: 2,
  productId: 'p2',
  description: 'Queso',
  unit: 'kg',
  qty: 455,
  unitPrice: 12_000_00,
  discountBp: 0,
  total: 5_460_00,
});

const sale = { id: 's1', number: 7, lines: [line({}), queso] } as Sale;

describe('returning part of a sale', () => {
  it('allows what was sold minus what came back already', () => {
    expect(returnable(line({ returnedQty: 1000 }))).toBe(2000);
  });

  it('refunds the line total in proportion, and all of it for a whole line', () => {
    expect(refundFor(line({}), 1000)).toBe(1_350_00);
    expect(refundFor(line({}), 3000)).toBe(4_050_01);
  });

  it('gives the last part whatever the earlier returns left, to the centavo', () => {
    const l = line({ returnedQty: 2000, refunded: 2_700_01 });
    expect(refundFor(l, 1000)).toBe(1_350_00);
  });

  it('reads typed quantities, kg with a comma', () => {
    expect(readPicks(sale, { l1: '2', l2: '0,200' })).toEqual({
      ok: true,
      picks: [
        { saleLineId: 'l1', qty: 2000 },
        { saleLineId: 'l2', qty: 200 },
      ],
      total: 2_700_01 + 2_400_00,
    });
  });

  it('refuses more than what is left to return', () => {
    const r = readPicks({ ...sale, lines: [line({ returnedQty: 1000 })] } as Sale, { l1: '3' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.lineId).toBe('l1');
  });

  it('empties each line of a product sold twice with what that line refunded', () => {
    // Same product on two lines at different prices: the first line went back 1 of 3 earlier
    // (1 350,00), the second 1 of 2 (333,34 of 666,67). Emptying each takes its own remainder.
    const first = line({ returnedQty: 1000, refunded: 1_350_00 });
    const second = line({
      id: 'l3',
      lineNo: 3,
      qty: 2000,
      unitPrice: 333_34,
      discountBp: 0,
      total: 666_67,
      returnedQty: 1000,
      refunded: 333_34,
    });
    const s = { ...sale, lines: [first, queso, second] } as Sale;
    expect(readPicks(s, { l1: '2', l3: '1' })).toEqual({
      ok: true,
      picks: [
        { saleLineId: 'l1', qty: 2000 },
        { saleLineId: 'l3', qty: 1000 },
      ],
      total: 4_050_01 - 1_350_00 + (666_67 - 333_34),
    });
    // Part of a line stays in proportion, whatever the other line refunded.
    expect(refundFor(first, 1000)).toBe(1_350_00);
  });
});
