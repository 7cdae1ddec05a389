import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

/** An invoice whose totals row lost its labels to OCR: only «TOTAL» above it was read. */
function withTotalsRow(figures: string[]): ReturnType<typeof page> {
  return page(
    [
      [
        [40, 'Distribuidora El Trébol S.A.'],
        [520, 'FACTURA'],
      ],
      [[40, 'CUIT: 30-71234567-1']],
      [
        [40, 'Código'],
        [120, 'Descripción'],
        [400, 'Cant.'],
        [480, 'Precio'],
        [600, 'Importe'],
      ],
      [
        [40, '7790001'],
        [120, 'Yerba Mate Suave 1 kg'],
        [400, '10'],
        [480, '3.000,00'],
        [600, '30.000,00'],
      ],
      [
        [40, '7790002'],
        [120, 'Azúcar Común 1 kg'],
        [400, '5'],
        [480, '1.000,00'],
        [600, '5.000,00'],
      ],
      [[600, 'TOTAL']],
      figures.map((text, k): [number, string] => [40 + k * 180, text]),
    ],
    'ocr',
  );
}

describe('a totals row whose labels OCR lost', () => {
  it('is the net, its IVA and the total when the second is the first’s IVA and the third their sum', () => {
    const { data, fields } = parseInvoice(
      [withTotalsRow(['e', '35.000,00', '7.350,00', '$42.350,00'])],
      null,
    );
    expect(data.netByRate).toEqual({ '2100': 3_500_000 });
    expect(data.ivaByRate).toEqual({ '2100': 735_000 });
    expect(data.total).toBe(4_235_000);
    expect(fields.total?.confidence ?? 1).toBeLessThan(0.9);
  });

  it('is nothing when the figures do not add up', () => {
    const { data } = parseInvoice([withTotalsRow(['35.000,00', '7.350,00', '$42.530,00'])], null);
    expect(data.netByRate).toEqual({});
    expect(data.ivaByRate).toEqual({});
  });
});

describe('a row of labels over its figures with a speck read between them', () => {
  it('still gives each label the figure under it', () => {
    const p = page(
      [
        [
          [40, 'Distribuidora El Trébol S.A.'],
          [520, 'FACTURA'],
        ],
        [[40, 'CUIT: 30-71234567-1']],
        [
          [40, 'Neto 21%'],
          [200, 'IVA 21%'],
          [360, 'Perc. IIBB'],
          [520, 'TOTAL'],
        ],
        [[300, 'a']],
        [
          [40, '622.119,11'],
          [200, '130.645,01'],
          [360, '18.663,57'],
          [520, '$ 771.427,69'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.netByRate).toEqual({ '2100': 62_211_911 });
    expect(data.ivaByRate).toEqual({ '2100': 13_064_501 });
    expect(data.perceptions).toBe(1_866_357);
    expect(data.total).toBe(77_142_769);
  });
});

describe('a row of labels whose «%» OCR read as a 4', () => {
  it('takes «IVA 10.54» for the 10,5 % IVA label, not a figure, and gives each box its figure', () => {
    // Boxes: a label at each box's left, its figure at the box's right. OCR lost the 21 % IVA.
    const p = page(
      [
        [
          [40, 'Fiambres y Quesos Don Aldo S.R.L.'],
          [520, 'NOTA DE CRÉDITO'],
        ],
        [[40, 'CUIT 30-70254717-9']],
        [
          [40, 'Neto 21%'],
          [200, 'IVA 21%'],
          [360, 'Neto 10.5%'],
          [520, 'IVA 10.54'],
          [680, 'TOTAL'],
        ],
        [
          [100, '30.725,31'],
          [420, '48.742,78'],
          [580, '5.117,99'],
          [740, '$ 91.038,40'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.netByRate['1050']).toBe(4_874_278);
    expect(data.ivaByRate['1050']).toBe(511_799);
    expect(data.netByRate['2100']).toBe(3_072_531);
    expect(data.total).toBe(9_103_840);
  });
});
