import { describe, expect, it } from 'vitest';
import { isLow, toOrder } from './stock-rules.ts';

describe('stock rules', () => {
  it('flags a product as low when it reached its minimum, never when it has none', () => {
    expect(isLow({ stock: 5000, minStock: 5000 })).toBe(true);
    expect(isLow({ stock: 5001, minStock: 5000 })).toBe(false);
    expect(isLow({ stock: -1000, minStock: 0 })).toBe(false);
  });

  it('orders up to the maximum, or the minimum when there is no maximum', () => {
    expect(toOrder({ stock: 2000, minStock: 5000, maxStock: 24_000 })).toBe(22_000);
    expect(toOrder({ stock: 2000, minStock: 5000, maxStock: null })).toBe(3000);
    expect(toOrder({ stock: 9000, minStock: 5000, maxStock: null })).toBe(0);
  });
});
