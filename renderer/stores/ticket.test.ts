import { describe, expect, it } from 'vitest';
import { saleTotals } from '../../shared/domain/sale-math.ts';
import {
  addProduct,
  commitLines,
  discountNeedsApproval,
  itemCount,
  newTicket,
  overridePrice,
  parsePercentBp,
  formatPercentBp,
  removeLine,
  setDiscount,
  setMultiplier,
  setQty,
  ticketApprovalIds,
  ticketTotals,
  type CartProduct,
} from './ticket.ts';

const coca: CartProduct = {
  id: 'p-coca',
  name: 'Coca-Cola 1,5 L',
  brand: null,
  unit: 'u',
  price: 2_850_00,
  ivaRateBp: 2100,
  cost: 1_600_00,
};
const queso: CartProduct = {
  id: 'p-queso',
  name: 'Queso cremoso',
  brand: null,
  unit: 'kg',
  price: 11_999_00,
  ivaRateBp: 1050,
  cost: 6_000_00,
};
const pan: CartProduct = {
  id: 'p-pan',
  name: 'Pan francés',
  brand: null,
  unit: 'kg',
  price: 3_333_33,
  ivaRateBp: 1050,
  cost: 0,
};

const empty = () => newTicket('0190a0b0-0000-7000-8000-000000000001');

describe('adding lines to the ticket', () => {
  it('adds one unit by default and marks it as the last line', () => {
    const t = addProduct(empty(), coca, { code: '7790895000997' });
    expect(t.lines).toHaveLength(1);
    expect(t.lines[0]).toMatchObject({ qty: 1000, unitPrice: 2_850_00, code: '7790895000997' });
    expect(t.lastKey).toBe(t.lines[0]?.key);
    expect(t.seq).toBe(1);
  });

  it('adds the same product scanned twice in a row to the same line', () => {
    let t = addProduct(empty(), coca);
    t = addProduct(t, coca);
    expect(t.lines).toHaveLength(1);
    expect(t.lines[0]?.qty).toBe(2000);
    expect(t.seq).toBe(2);
  });

  it('starts a new line when the same product comes back after another one', () => {
    let t = addProduct(empty(), coca);
    t = addProduct(t, queso, { qty: 250 });
    t = addProduct(t, coca);
    expect(t.lines.map((l) => l.product.id)).toEqual(['p-coca', 'p-queso', 'p-coca']);
  });

  it('never merges weighed goods or a line with a discount', () => {
    let t = addProduct(empty(), queso, { qty: 250 });
    t = addProduct(t, queso, { qty: 300 });
    expect(t.lines).toHaveLength(2);
    t = addProduct(empty(), coca);
    t = setDiscount(t, t.lines[0]!.key, 1000);
    t = addProduct(t, coca);
    expect(t.lines).toHaveLength(2);
  });

  it('uses a pending multiplier for the next line only', () => {
    let t = setMultiplier(empty(), 3000);
    t = addProduct(t, coca);
    expect(t.lines[0]?.qty).toBe(3000);
    expect(t.multiplier).toBeNull();
    t = addProduct(t, queso, { qty: 500 });
    expect(t.lines[1]?.qty).toBe(500);
  });

  it('keeps the multiplier waiting when a scale label brings its own weight', () => {
    let t = setMultiplier(empty(), 2000);
    t = addProduct(t, queso, { qty: 345, fromLabel: true, code: '2000123003457' });
    expect(t.lines[0]?.qty).toBe(345);
    expect(t.multiplier).toBe(2000);
  });

  it('refuses a fractional quantity of something sold by unit', () => {
    const t = setMultiplier(empty(), 1500);
    expect(() => addProduct(t, coca)).toThrow(/por unidad/);
  });
});

describe('changing lines', () => {
  it('changes quantity, discount and price of one line', () => {
    let t = addProduct(empty(), coca);
    const key = t.lines[0]!.key;
    t = setQty(t, key, 4000);
    t = setDiscount(t, key, 1500, 'ap-disc');
    t = overridePrice(t, key, 2_500_00, 'ap-price');
    expect(t.lines[0]).toMatchObject({ qty: 4000, discountBp: 1500, unitPrice: 2_500_00 });
    expect(ticketApprovalIds(t).sort()).toEqual(['ap-disc', 'ap-price']);
  });

  it('drops the override approval when the price goes back to the shelf price', () => {
    let t = addProduct(empty(), coca);
    const key = t.lines[0]!.key;
    t = overridePrice(t, key, 1_00, 'ap-price');
    t = overridePrice(t, key, coca.price);
    expect(ticketApprovalIds(t)).toEqual([]);
  });

  it('will not change the weight read from a scale label', () => {
    const t = addProduct(empty(), queso, { qty: 345, fromLabel: true });
    expect(() => setQty(t, t.lines[0]!.key, 500)).toThrow(/balanza/);
  });

  it('removes a line and highlights the one before it', () => {
    let t = addProduct(empty(), coca);
    t = addProduct(t, queso, { qty: 250 });
    t = removeLine(t, t.lines[1]!.key);
    expect(t.lines).toHaveLength(1);
    expect(t.lastKey).toBe(t.lines[0]?.key);
    expect(() => removeLine(t, 'nope')).toThrow();
  });
});

describe('totals', () => {
  it('equal what saleTotals charges, to the centavo', () => {
    let t = addProduct(empty(), coca);
    t = addProduct(t, coca);
    t = addProduct(t, queso, { qty: 333 });
    t = addProduct(t, pan, { qty: 1_255 });
    t = setDiscount(t, t.lines[1]!.key, 725);
    const expected = saleTotals(
      [
        { qty: 2000, unitPrice: 2_850_00, discountBp: 0, ivaRateBp: 2100 },
        { qty: 333, unitPrice: 11_999_00, discountBp: 725, ivaRateBp: 1050 },
        { qty: 1_255, unitPrice: 3_333_33, discountBp: 0, ivaRateBp: 1050 },
      ],
      { roundToCash: false, roundingStep: 0 },
    );
    expect(ticketTotals(t)).toEqual(expected);
    const rounded = ticketTotals(t, { roundToCash: true, roundingStep: 1000 });
    expect(rounded.total % 1000).toBe(0);
    expect(rounded.rounding).toBe(rounded.total - expected.total);
  });

  it('charges a priced scale label exactly its price, as the core does', () => {
    const t = addProduct(empty(), queso, {
      qty: Math.round((4_321_00 * 1000) / queso.price),
      labelPrice: 4_321_00,
      fromLabel: true,
    });
    expect(ticketTotals(t).total).toBe(4_321_00);
    expect(t.lines[0]?.qty).toBe(360);
  });

  it('counts units and weighed lines', () => {
    let t = addProduct(empty(), coca, { qty: 3000 });
    t = addProduct(t, queso, { qty: 250 });
    expect(itemCount(t)).toBe(4);
  });
});

describe('what is sent to sales.commit', () => {
  it('sends unitPrice only when overridden, and discount and code only when present', () => {
    let t = addProduct(empty(), coca, { code: '7790895000997' });
    t = addProduct(t, queso, { qty: 250 });
    t = overridePrice(t, t.lines[1]!.key, 10_000_00, 'ap');
    t = setDiscount(t, t.lines[0]!.key, 500);
    expect(commitLines(t)).toEqual([
      { productId: 'p-coca', qty: 1000, discountBp: 500, code: '7790895000997' },
      { productId: 'p-queso', qty: 250, unitPrice: 10_000_00 },
    ]);
  });
});

describe('who needs a supervisor for a discount', () => {
  it('asks for one when a cashier goes over the limit', () => {
    expect(discountNeedsApproval(1500, 1000, 'cajero')).toBe(true);
    expect(discountNeedsApproval(1000, 1000, 'cajero')).toBe(false);
  });

  it('lets an encargado or the owner at the counter give it', () => {
    expect(discountNeedsApproval(5000, 1000, 'encargado')).toBe(false);
    expect(discountNeedsApproval(5000, 1000, 'dueno')).toBe(false);
  });
});

describe('discount percentages', () => {
  it('reads what a cashier types', () => {
    expect(parsePercentBp('10')).toBe(1000);
    expect(parsePercentBp('10,5')).toBe(1050);
    expect(parsePercentBp('7.25 %')).toBe(725);
    expect(parsePercentBp('')).toBe(0);
    expect(parsePercentBp('101')).toBeNull();
    expect(parsePercentBp('diez')).toBeNull();
    expect(formatPercentBp(1050)).toBe('10,5 %');
    expect(formatPercentBp(1000)).toBe('10 %');
  });
});
