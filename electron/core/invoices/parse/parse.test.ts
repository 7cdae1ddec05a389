import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

describe('invoice parser', () => {
  it('reads an A invoice: header, lines with a bonificación and nets per rate', () => {
    const p = page([
      [
        [40, 'Distribuidora Mayorista Sur S.A.'],
        [380, 'A'],
        [480, 'FACTURA'],
      ],
      [
        [380, 'COD. 01'],
        [480, 'Punto de Venta: 00003 Comp. Nro: 00012345'],
      ],
      [
        [40, 'Razón Social: Distribuidora Mayorista Sur S.A.'],
        [480, 'Fecha de Emisión: 12/03/2025'],
      ],
      [
        [40, 'Condición frente al IVA: IVA Responsable Inscripto'],
        [480, 'CUIT: 30-71234567-1'],
      ],
      [
        [40, 'CUIT: 20-24837235-5'],
        [380, 'Apellido y Nombre / Razón Social: Almacén Don Pepe'],
      ],
      [[40, 'Condición frente al IVA: IVA Responsable Inscripto']],
      [
        [40, 'Código'],
        [150, 'Descripción'],
        [420, 'Cant.'],
        [480, 'Precio Unit.'],
        [580, 'Bonif.'],
        [640, 'IVA'],
        [700, 'Subtotal'],
      ],
      [
        [40, '7790150006008'],
        [150, 'Yerba Mate Playadito 1 kg'],
        [420, '12,00'],
        [480, '3.100,00'],
        [580, '0,00'],
        [640, '21%'],
        [700, '37.200,00'],
      ],
      [
        [40, 'A-1043'],
        [150, 'Azúcar Ledesma 1 kg x10'],
        [420, '2,00'],
        [480, '7.805,00'],
        [580, '10,00'],
        [640, '10,5%'],
        [700, '14.049,00'],
      ],
      [
        [560, 'Neto Gravado 21%: $'],
        [700, '37.200,00'],
      ],
      [
        [560, 'Neto Gravado 10,5%: $'],
        [700, '14.049,00'],
      ],
      [
        [560, 'IVA 21%: $'],
        [700, '7.812,00'],
      ],
      [
        [560, 'IVA 10,5%: $'],
        [700, '1.475,15'],
      ],
      [
        [560, 'Percepción IIBB 3%: $'],
        [700, '1.537,47'],
      ],
      [
        [560, 'Importe Total: $'],
        [700, '62.073,62'],
      ],
      [
        [40, 'CAE N°: 75467498174835'],
        [480, 'Fecha de Vto. de CAE: 22/03/2025'],
      ],
    ]);
    const { data, fields } = parseInvoice([p], null);
    expect(data).toMatchObject({
      kind: 'factura',
      letter: 'A',
      afipCode: 1,
      pointOfSale: 3,
      number: 12345,
      date: '2025-03-12',
      cae: '75467498174835',
      caeDue: '2025-03-22',
      netByRate: { '2100': 3_720_000, '1050': 1_404_900 },
      ivaByRate: { '2100': 781_200, '1050': 147_515 },
      perceptions: 153_747,
      total: 6_207_362,
    });
    expect(data.issuer.name).toBe('Distribuidora Mayorista Sur S.A.');
    expect(data.issuer.ivaCondition).toBe('IVA Responsable Inscripto');
    expect(data.recipient).toMatchObject({ name: 'Almacén Don Pepe', cuit: '20248372355' });
    expect(data.items).toHaveLength(2);
    expect(data.items[1]).toMatchObject({
      code: 'A-1043',
      description: 'Azúcar Ledesma 1 kg x10',
      quantity: 2000,
      unit: 'u',
      unitPrice: 780_500,
      discountBp: 1000,
      amount: 1_404_900,
      ivaRate: 1050,
    });
    expect(fields.total?.boxes[0]?.y).toBeGreaterThan(0.5);
  });

  it('reads a C credit note by arithmetic when the table has no header, weighed lines in kg', () => {
    const p = page([
      [
        [40, 'Panificados La Abuela'],
        [380, 'C'],
        [480, 'NOTA DE CRÉDITO'],
      ],
      [
        [40, 'de Sosa María Laura'],
        [480, 'N° 0002-00079402'],
      ],
      [
        [40, 'Responsable Monotributo'],
        [480, 'Fecha: 31/01/2026'],
      ],
      [[480, 'CUIT: 27-39140519-6']],
      [[40, 'Cliente: Almacén Mi Barrio']],
      [
        [40, '2,500 kg'],
        [120, 'Palmeritas del Día'],
        [480, '9.782,51'],
        [600, '24.456,28'],
      ],
      [
        [40, '3'],
        [120, 'Alfajores de Maicena x12'],
        [480, '6.304,95'],
        [600, '18.914,85'],
      ],
      [
        [480, 'TOTAL'],
        [600, '$ 43.371,13'],
      ],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data).toMatchObject({
      kind: 'nota_credito',
      letter: 'C',
      afipCode: 13,
      pointOfSale: 2,
      number: 79402,
      total: 4_337_113,
    });
    expect(data.issuer).toMatchObject({
      name: 'Sosa María Laura',
      cuit: '27391405196',
      ivaCondition: 'Responsable Monotributo',
    });
    expect(data.items.map((i) => [i.description, i.quantity, i.unit, i.amount])).toEqual([
      ['Palmeritas del Día', 2500, 'kg', 2_445_628],
      ['Alfajores de Maicena x12', 3000, 'u', 1_891_485],
    ]);
  });

  it('reads the rows without a heading when the only heading found is the «Otros tributos» box below them', () => {
    const p = page([
      [
        [40, 'Panificados La Abuela'],
        [380, 'C'],
        [480, 'FACTURA'],
      ],
      [[480, 'N° 0002-00079402']],
      [[480, 'CUIT: 27-39140519-6']],
      // The items' heading, garbled past reading.
      [[40, 'Camided| UMedida']],
      [
        [40, '3'],
        [120, 'Alfajores de Maicena x12'],
        [480, '6.304,95'],
        [600, '18.914,85'],
      ],
      [
        [40, '2'],
        [120, 'Palmeritas del Día'],
        [480, '9.782,50'],
        [600, '19.565,00'],
      ],
      [
        [40, 'Otros tributos'],
        [160, 'Descripción'],
        [300, 'Alíc. %'],
        [400, 'Importe'],
        [480, 'Importe Neto Gravado:'],
        [600, '$ 38.479,85'],
      ],
      [
        [480, 'TOTAL'],
        [600, '$ 38.479,85'],
      ],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.description, i.quantity, i.amount])).toEqual([
      ['Alfajores de Maicena x12', 3000, 1_891_485],
      ['Palmeritas del Día', 2000, 1_956_500],
    ]);
  });

  it('lets the AFIP QR win for the header', () => {
    const p = page([
      [
        [40, 'Kiosco SRL'],
        [480, 'FACTURA B'],
      ],
      [
        [480, 'N° 0001-00000099'],
        [40, 'CUIT: 30-71234567-1'],
      ],
      [[480, 'TOTAL $ 1.000,00']],
    ]);
    const { data, fields } = parseInvoice([p], {
      ver: 1,
      fecha: '2025-05-02',
      cuit: 30712345671,
      ptoVta: 1,
      tipoCmp: 6,
      nroCmp: 100,
      importe: 1000,
      moneda: 'PES',
      ctz: 1,
      tipoCodAut: 'E',
      codAut: 70123456789012,
    });
    expect(data).toMatchObject({
      letter: 'B',
      afipCode: 6,
      number: 100,
      date: '2025-05-02',
      cae: '70123456789012',
      total: 100_000,
    });
    expect(fields.number?.source).toBe('qr');
  });

  it('reads a number whose leading zeros were lost, never a CUIT, and infers the letter from the taxes', () => {
    const p = page([
      [
        [40, 'Congelados Patagonia S.R.L.'],
        [480, 'FACTURA'],
      ],
      [
        [40, 'CUIT 33-78280535-0 - IIBB 33782805350'],
        [480, 'N° o 011-00187508'],
      ],
      [[480, 'Fecha: 27/10/2025']],
      [[40, 'Razón social: Almacén Mi Barrio S.A.']],
      [
        [40, 'Artículo'],
        [150, 'Descripción'],
        [420, 'Cant.'],
        [480, 'Precio unit.'],
        [640, 'IVA'],
        [700, 'Importe'],
      ],
      [
        [40, '7790150006008'],
        [150, 'Yerba Mate Playadito 1 kg'],
        [420, '12'],
        [480, '3.100,00'],
        [640, '21%'],
        [700, '37.200,00'],
      ],
      [
        [560, 'Neto gravado 21%'],
        [700, '$ 37.200,00'],
      ],
      [
        [560, 'IVA 21%'],
        [700, '$ 7.812,00'],
      ],
      [
        [560, 'TOTAL'],
        [700, '$ 45.012,00'],
      ],
    ]);
    const { data, fields } = parseInvoice([p], null);
    expect(data).toMatchObject({
      pointOfSale: 11,
      number: 187508,
      letter: 'A',
      afipCode: 1,
      kind: 'factura',
    });
    expect(data.issuer.cuit).toBe('33782805350');
    expect(fields.letter?.source).toBe('computed');
  });

  it('joins a description that wraps onto the next line', () => {
    const p = page([
      [
        [40, 'Código'],
        [150, 'Descripción'],
        [420, 'Cant.'],
        [480, 'Precio Unit.'],
        [700, 'Importe'],
      ],
      [
        [40, 'A-1043'],
        [150, 'Aceite de Girasol Natura'],
        [420, '6'],
        [480, '2.500,00'],
        [700, '15.000,00'],
      ],
      [[150, 'botella 1,5 L x 12']],
      [
        [40, 'A-1044'],
        [150, 'Yerba Mate Playadito 1 kg'],
        [420, '2'],
        [480, '3.100,00'],
        [700, '6.200,00'],
      ],
      [
        [560, 'TOTAL'],
        [700, '$ 21.200,00'],
      ],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => i.description)).toEqual([
      'Aceite de Girasol Natura botella 1,5 L x 12',
      'Yerba Mate Playadito 1 kg',
    ]);
  });

  it('gives a figure read under a row of total labels to its own box only', () => {
    // OCR kept the net of a three-box totals row and lost the IVA and the perception: the one
    // figure is the net (its box starts left of it), not all three.
    const p = page(
      [
        [
          [40, 'Neto 21%'],
          [300, 'IVA 21%'],
          [560, 'Perc. IIBB'],
        ],
        [[190, '6.200,53']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.netByRate[2100]).toBe(620053);
    expect(data.ivaByRate[2100]).toBeUndefined();
    expect(data.perceptions).toBe(0);
  });

  it('checks the figures again once the QR gives the letter: the missing IVA of an A is computed', () => {
    // OCR lost the letter and the IVA box; the QR says Factura A for $ 12.100.
    const p = page(
      [
        [[40, 'Kiosco SRL']],
        [
          [40, 'Neto Gravado 21%'],
          [300, 'IVA 21%'],
        ],
        [[190, '10.000,00']],
      ],
      'ocr',
    );
    const { data, fields } = parseInvoice([p], {
      ver: 1,
      fecha: '2025-05-02',
      cuit: 30712345671,
      ptoVta: 1,
      tipoCmp: 1,
      nroCmp: 100,
      importe: 12100,
      moneda: 'PES',
      ctz: 1,
      tipoCodAut: 'E',
      codAut: 70123456789012,
    });
    expect(data.letter).toBe('A');
    expect(data.netByRate[2100]).toBe(1_000_000);
    expect(data.ivaByRate[2100]).toBe(210_000);
    expect(fields['ivaByRate.2100']?.source).toBe('computed');
    expect(data.total).toBe(1_210_000);
  });
});
