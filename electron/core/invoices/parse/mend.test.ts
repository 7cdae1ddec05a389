import { describe, expect, it } from 'vitest';
import { consistent, looseCentavos, mendFigures } from './mend.ts';

describe('mendFigures', () => {
  it('reads again a quantity that lost its comma (kilos and units)', () => {
    // "1380 KG × 17.229,10 = 23.776,16": 1,380 kg.
    expect(
      mendFigures(
        { quantity: 1_380_000, unitPrice: 1_722_910, discountBp: 0, amount: 2_377_616 },
        { qty: '1380', price: '1722910', amount: '23.776,16' },
      ),
    ).toEqual({
      figures: { quantity: 1380, unitPrice: 1_722_910, discountBp: 0, amount: 2_377_616 },
      how: 'separators',
    });
    // "500 unidades × 8.971,00 = 44.855,00": 5,00 units.
    expect(
      mendFigures(
        { quantity: 500_000, unitPrice: 897_100, discountBp: 0, amount: 4_485_500 },
        { qty: '500' },
      )?.figures.quantity,
    ).toBe(5000);
  });

  it('takes a bonificación «9,00» for the «0,00» it was when that is what adds up', () => {
    const m = mendFigures(
      { quantity: 12_000, unitPrice: 3_405_100, discountBp: 900, amount: 40_861_208 },
      {},
    );
    // Both the bonificación and one digit of the amount were misread.
    expect(m).toEqual({
      figures: { quantity: 12_000, unitPrice: 3_405_100, discountBp: 0, amount: 40_861_200 },
      how: 'digit',
    });
  });

  it('changes one digit of the price, the amount or a whole quantity, never two', () => {
    // 16 × 2.105,82 = 33.693,12, amount read 33.603,12.
    expect(
      mendFigures({ quantity: 16_000, unitPrice: 210_582, discountBp: 0, amount: 3_360_312 }, {})
        ?.figures.amount,
    ).toBe(3_369_312);
    // Price with a bonificación: 1 × 33.707,00 less 12,5 % = 29.493,63, price read 33.707,08.
    expect(
      mendFigures({ quantity: 1000, unitPrice: 3_370_708, discountBp: 1250, amount: 2_949_363 }, {})
        ?.figures.unitPrice,
    ).toBe(3_370_700);
    // "19" units for 10.
    expect(
      mendFigures({ quantity: 19_000, unitPrice: 123_400, discountBp: 0, amount: 1_234_000 }, {})
        ?.figures.quantity,
    ).toBe(10_000);
    // Two digits off: nothing is invented.
    expect(
      mendFigures({ quantity: 16_000, unitPrice: 210_582, discountBp: 0, amount: 3_360_399 }, {}),
    ).toBeNull();
  });

  it('reads figures that lost their separators as centavos', () => {
    expect(looseCentavos('5.70000')).toBe(570_000);
    expect(looseCentavos('1722910')).toBe(1_722_910);
    expect(looseCentavos('12')).toBeNull();
    expect(looseCentavos('abc')).toBeNull();
    expect(consistent(1380, 1_722_910, 0, 2_377_616)).toBe(true);
    expect(consistent(1380, 1_722_910, 0, 2_387_616)).toBe(false);
  });
});
