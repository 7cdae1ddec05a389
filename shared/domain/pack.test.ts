import { describe, expect, it } from 'vitest';
import {
  descriptionWords,
  netUnitCost,
  parseMeasure,
  parsePackUnits,
  stockQuantity,
} from './pack.ts';

describe('parsePackUnits', () => {
  it.each([
    ['Galletitas Surtidas x12', 12],
    ['GALLETITAS SURTIDAS X 12', 12],
    ['Agua mineral 12x500g', 12],
    ['Gaseosa Cola 6x1,5L', 6],
    ['Gaseosa Cola 6 x 1,5 L', 6],
    ['Cerveza lata 24 X 473 ml', 24],
    ['Alfajor triple x 6 u', 6],
    ['Alfajor triple x6u', 6],
    ['Pack x24 Agua', 24],
    ['Jabón caja x 12', 12],
    ['Fideos caja 20', 20],
    ['Papel higiénico bulto de 12', 12],
    ['Huevos 30 u', 30],
    ['Chicles 20 unidades', 20],
    ['Galletitas x12, sabor vainilla', 12],
  ])('%s → %i', (description, units) => {
    expect(parsePackUnits(description)).toBe(units);
  });

  it.each([
    'Aceite 1,5 L',
    'Yerba Playadito x 1 kg',
    'Yerba x 500 g',
    'Queso x 10 kg',
    'Gaseosa 2.25 lt',
    'Arroz largo fino',
    'Lavandina 1 L x 1,5',
    '',
    'Tornillo x 0',
  ])('«%s» is a single unit', (description) => {
    expect(parsePackUnits(description)).toBe(1);
  });

  it('does not read a pack inside a word or a code', () => {
    expect(parsePackUnits('Max12 energizante')).toBe(1);
    expect(parsePackUnits('Cod 7790x12')).toBe(1);
  });

  it('refuses absurd pack sizes', () => {
    expect(parsePackUnits('Clavos x 50000')).toBe(1);
  });
});

describe('parseMeasure', () => {
  it.each([
    ['Aceite 1,5 L', { dimension: 'volume', milli: 1_500_000 }],
    ['Gaseosa 2.25 lt', { dimension: 'volume', milli: 2_250_000 }],
    ['Agua 500cc', { dimension: 'volume', milli: 500_000 }],
    ['Leche 1 litro', { dimension: 'volume', milli: 1_000_000 }],
    ['Yerba 1 kg', { dimension: 'mass', milli: 1_000_000 }],
    ['Galletitas 12x500g', { dimension: 'mass', milli: 500_000 }],
    ['Café 250 grs', { dimension: 'mass', milli: 250_000 }],
  ] as const)('%s', (text, measure) => {
    expect(parseMeasure(text)).toEqual(measure);
  });

  it('is null without a size', () => {
    expect(parseMeasure('Galletitas surtidas x12')).toBeNull();
    expect(parseMeasure('Jabón 3 u')).toBeNull();
  });
});

describe('descriptionWords', () => {
  it('keeps the words and drops packs, sizes, numbers and packaging', () => {
    expect(descriptionWords('GASEOSA COLA 6x1,5L PACK')).toEqual(['gaseosa', 'cola']);
    expect(descriptionWords('Yerba Mate Playadito x 1 kg')).toEqual(['yerba', 'mate', 'playadito']);
    expect(descriptionWords('Galletitas Dulces x12 u. 7790040000013')).toEqual([
      'galletitas',
      'dulces',
    ]);
    expect(descriptionWords('Dulce de leche caja x 12 400 g')).toEqual(['dulce', 'leche']);
    expect(descriptionWords('Azúcar  Ledesma')).toEqual(['azucar', 'ledesma']);
  });
});

describe('netUnitCost', () => {
  it('divides an A invoice line (net) by the units', () => {
    // 2 packs of 12 for $ 2.400,00 net → $ 100,00 each.
    expect(
      netUnitCost({
        amount: 240_000,
        units: stockQuantity(2_000, 12),
        includesIva: false,
        ivaRateBp: 2100,
      }),
    ).toBe(10_000);
  });

  it('takes IVA out of a B invoice line at the product rate', () => {
    // 10 units for $ 1.210,00 IVA included at 21 % → $ 100,00 net each.
    expect(
      netUnitCost({ amount: 121_000, units: 10_000, includesIva: true, ivaRateBp: 2100 }),
    ).toBe(10_000);
    // At 10,5 %: 1.105,00 → 100,00.
    expect(
      netUnitCost({ amount: 110_500, units: 10_000, includesIva: true, ivaRateBp: 1050 }),
    ).toBe(10_000);
  });

  it('rounds once, half up, to the centavo', () => {
    // $ 100,00 for 3 → 33,333… → 33,33; $ 200,00 for 3 → 66,666… → 66,67.
    expect(netUnitCost({ amount: 10_000, units: 3_000, includesIva: false, ivaRateBp: 0 })).toBe(
      3_333,
    );
    expect(netUnitCost({ amount: 20_000, units: 3_000, includesIva: false, ivaRateBp: 0 })).toBe(
      6_667,
    );
  });

  it('costs weighed goods per kg', () => {
    // 2,5 kg of cheese for $ 10.000,00 → $ 4.000,00 per kg.
    expect(netUnitCost({ amount: 1_000_000, units: 2_500, includesIva: false, ivaRateBp: 0 })).toBe(
      400_000,
    );
  });

  it('is exact for big amounts', () => {
    expect(
      netUnitCost({ amount: 999_999_999_999, units: 1_000, includesIva: true, ivaRateBp: 2700 }),
    ).toBe(787_401_574_802);
  });

  it('is null when nothing was bought', () => {
    expect(netUnitCost({ amount: 100, units: 0, includesIva: false, ivaRateBp: 0 })).toBeNull();
    expect(netUnitCost({ amount: -1, units: 1000, includesIva: false, ivaRateBp: 0 })).toBeNull();
  });
});
