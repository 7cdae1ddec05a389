import { describe, expect, it } from 'vitest';
import {
  addProduct,
  newTicket,
  overridePrice,
  removeLine,
  setCustomer,
  setDiscount,
  type CartProduct,
} from '../../stores/ticket.ts';
import { costWarningText, nextCostWarning, productBelowCost } from './below-cost.ts';

// $ 1.000 with 21 % IVA is $ 826,45 net: under a cost of $ 900, over one of $ 800.
const detergente: CartProduct = {
  id: 'p-det',
  name: 'Detergente',
  brand: null,
  unit: 'u',
  price: 1_000_00,
  ivaRateBp: 2100,
  cost: 900_00,
};
const yerba: CartProduct = { ...detergente, id: 'p-yer', name: 'Yerba', cost: 800_00 };

describe('a product priced below its cost', () => {
  it('compares the price net of IVA with the cost, and ignores a product without cost', () => {
    expect(productBelowCost(detergente)).toBe(true);
    expect(productBelowCost(yerba)).toBe(false);
    expect(productBelowCost({ ...detergente, cost: 0 })).toBe(false);
    // Exactly at cost is not below it: $ 1.210 with 21 % IVA is $ 1.000 net.
    expect(productBelowCost({ price: 1_210_00, cost: 1_000_00, ivaRateBp: 2100 })).toBe(false);
    expect(productBelowCost({ price: 1_209_99, cost: 1_000_00, ivaRateBp: 2100 })).toBe(true);
  });

  it('tells a cashier the encargado will authorise it, and a supervisor to confirm it', () => {
    expect(costWarningText('Detergente', 'cajero')).toBe(
      'Atención: Detergente se vende por debajo del costo; el encargado deberá autorizar la venta',
    );
    expect(costWarningText('Detergente', 'encargado')).toMatch(/vas a tener que confirmarlo$/);
    expect(costWarningText('Detergente', 'dueno')).toMatch(/vas a tener que confirmarlo$/);
  });
});

describe('the warning under the scan box', () => {
  const start = newTicket('key-0001');

  it('is raised when a below-cost line is scanned, and again on the next such scan', () => {
    const one = addProduct(start, detergente);
    const first = nextCostWarning(start, one, null);
    expect(first).toMatchObject({ name: 'Detergente', n: 1, key: one.lines[0]?.key });
    const two = addProduct(one, detergente);
    expect(nextCostWarning(one, two, first)).toMatchObject({ name: 'Detergente', n: 2 });
  });

  it('is cleared by a scan that is not below cost, and by a new ticket', () => {
    const one = addProduct(start, detergente);
    const warned = nextCostWarning(start, one, null);
    const two = addProduct(one, yerba);
    expect(nextCostWarning(one, two, warned)).toBeNull();
    expect(nextCostWarning(one, newTicket('key-0002'), warned)).toBeNull();
  });

  it('stays as it is while its line is unchanged, and goes with the line', () => {
    const one = addProduct(start, detergente);
    const warned = nextCostWarning(start, one, null);
    const withCustomer = setCustomer(one, { id: 'c', name: 'Rosa', balance: 0, creditLimit: 0 });
    expect(nextCostWarning(one, withCustomer, warned)).toBe(warned);
    const key = one.lines[0]?.key ?? '';
    expect(nextCostWarning(one, removeLine(one, key), warned)).toBeNull();
  });

  it('is raised when a price or a discount takes a line under its cost', () => {
    const one = addProduct(start, yerba);
    expect(nextCostWarning(start, one, null)).toBeNull();
    const key = one.lines[0]?.key ?? '';
    const cheaper = overridePrice(one, key, 900_00, 'ap-1');
    expect(nextCostWarning(one, cheaper, null)).toMatchObject({ name: 'Yerba', n: 1 });
    const discounted = setDiscount(one, key, 1_500);
    expect(nextCostWarning(one, discounted, null)).toMatchObject({ name: 'Yerba' });
  });
});
