import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

describe('an old pre-printed form', () => {
  // Quantity first, the article's code after its description, «I.V.A.» with dots.
  const form = page([
    [
      [40, 'Ferretería y Bazar El Tornillo S.R.L.'],
      [380, 'A'],
      [520, 'FACTURA'],
    ],
    [
      [40, 'Av. Mitre 2145 - Morón'],
      [370, 'Código Nº 01'],
      [520, 'Nº 0004-00012345'],
    ],
    [
      [40, 'Responsable Inscripto'],
      [520, 'Fecha: 12/03/2025'],
    ],
    [[520, 'C.U.I.T.: 30-71234567-1']],
    [
      [40, 'Señor(es): Almacén Don Pepe'],
      [420, 'C.U.I.T.: 20-24837235-5'],
    ],
    [
      [40, 'Cantidad'],
      [110, 'Unidad'],
      [170, 'Artículo'],
      [400, 'Cód. Art.'],
      [480, 'P. Unitario'],
      [570, 'Desc. %'],
      [630, 'I.V.A.'],
      [700, 'Importe'],
    ],
    [
      [40, '8'],
      [110, 'Unid.'],
      [170, 'Pickles Nucete 500 g x12'],
      [400, 'FT-6207'],
      [480, '35.861,00'],
      [570, '5,00'],
      [630, '21%'],
      [700, '272.543,60'],
    ],
    [
      [40, '2'],
      [110, 'Unid.'],
      [170, 'Lavandina Ayudín 1 L x12'],
      [400, '40127'],
      [480, '10.175,00'],
      [570, '0,00'],
      [630, '21%'],
      [700, '20.350,00'],
    ],
    [
      [40, '1'],
      [110, 'Unid.'],
      [170, 'Esponja Doble Uso x12'],
      [480, '6.625,00'],
      [570, '0,00'],
      [630, '21%'],
      [700, '6.625,00'],
    ],
  ]);

  it('takes the code from after the description, and never a pack size for one', () => {
    const { data } = parseInvoice([form], null);
    expect(data.items.map((i) => [i.code, i.description, i.quantity, i.discountBp])).toEqual([
      ['FT-6207', 'Pickles Nucete 500 g x12', 8000, 500],
      ['40127', 'Lavandina Ayudín 1 L x12', 2000, 0],
      [undefined, 'Esponja Doble Uso x12', 1000, 0],
    ]);
    expect(data.items.map((i) => i.ivaRate)).toEqual([2100, 2100, 2100]);
    expect(data.issuer.cuit).toBe('30712345671');
    expect(data.recipient).toMatchObject({ name: 'Almacén Don Pepe', cuit: '20248372355' });
  });

  it('reads «I.V.A. Inscripto 21%» as the IVA of that rate, and the letter from it when the box was lost', () => {
    const rows = (iva: string) =>
      [
        [
          [40, 'Ferretería y Bazar El Tornillo S.R.L.'],
          [520, 'FACTURA'],
        ],
        [[520, 'Nº 0004-00012345']],
        [[520, 'C.U.I.T.: 30-71234567-1']],
        [
          [40, 'Descripción'],
          [400, 'Cantidad'],
          [700, 'Importe'],
        ],
        [
          [40, 'Esponja Doble Uso x12'],
          [400, '1'],
          [700, '6.625,00'],
        ],
        [
          [400, 'Neto Gravado 21%'],
          [700, '$ 6.625,00'],
        ],
        [
          [400, iva],
          [700, '$ 1.391,25'],
        ],
        [
          [400, 'TOTAL'],
          [700, '$ 8.016,25'],
        ],
      ] as [number, string][][];
    for (const iva of ['I.V.A. Inscripto 21%', 'LV.A, Inscripto 21%', 'IA 21%']) {
      const { data } = parseInvoice([page(rows(iva), 'ocr')], null);
      expect(data.ivaByRate).toEqual({ '2100': 139_125 });
      expect(data.letter).toBe('A');
    }
  });
});

describe('an IVA condition read off a blurred scan', () => {
  it('is «IVA Responsable Inscripto» when its I was misread or lost', () => {
    for (const printed of ['¡VA Responsable Inscripto', 'VA Responsable Inscripto']) {
      const p = page(
        [
          [[40, 'Lácteos La Pradera S.A.']],
          [[40, `Condición frente al IVA: ${printed}`]],
          [[40, 'CUIT: 30-71234567-1']],
        ],
        'ocr',
      );
      expect(parseInvoice([p], null).data.issuer.ivaCondition).toBe('IVA Responsable Inscripto');
    }
  });

  it('is «IVA Responsable Inscripto» on a line of its own under the letterhead, «I» read as «t»', () => {
    const p = page(
      [
        [[40, 'Congelados Patagonia S.R.L.']],
        [[40, 'CUIT 33-78280535-0 - IIBB 33782805350']],
        [[40, 'tVA Responsable Inscripto']],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.issuer.ivaCondition).toBe('IVA Responsable Inscripto');
  });

  it('gives «Resp.» back its dot', () => {
    const p = page(
      [
        [[40, 'Lácteos La Pradera S.A.']],
        [[40, 'Condición frente al IVA: Resp Inscripto']],
        [[40, 'CUIT: 30-71234567-1']],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.issuer.ivaCondition).toBe('Resp. Inscripto');
  });
});

describe('a letterhead beside a logo', () => {
  it('is the written name, not the logo’s initials in bigger type nor a bracket read round them', () => {
    for (const logo of ['DT', 'FUN', '[CP]']) {
      const p = page(
        [
          [
            [40, logo],
            [120, 'Distribuidora El Trébol'],
            [520, 'FACTURA'],
          ],
          [[120, 'CUIT: 30-71234567-1']],
        ],
        'ocr',
      );
      // The logo's letters stand three times as tall as the name.
      for (const w of p.words) if (w.text === logo) [w.y0, w.y1] = [0, 36];
      expect(parseInvoice([p], null).data.issuer.name).toBe('Distribuidora El Trébol');
    }
  });

  it('is the name even when OCR ran it into the letter’s box and «FACTURA», or read a speck before it', () => {
    for (const [printed, kind] of [
      ['Autoservicio Mayorista Díaz Hnos. S.A. Le. FACTURA', ''],
      ['f Autoservicio Mayorista Díaz Hnos. S.A.', 'FACTURA'],
      ['Autoservicio Mayorista Díaz Hnos. S.A. A NOTA DE CRÉDITO', ''],
    ] as const) {
      const p = page(
        [
          [
            [40, printed],
            [520, kind],
          ],
          [
            [40, 'Mayorista de almacén, bebidas, limpieza y perfumería'],
            [520, 'N° 0014-00031317'],
          ],
          [[40, 'CUIT: 33-71005856-9']],
        ],
        'ocr',
      );
      // The slogan under the name stands in type a little bigger than the name's.
      for (const w of p.words) if (w.y0 === 20) [w.y0, w.y1] = [19, 33];
      expect(parseInvoice([p], null).data.issuer.name).toBe(
        'Autoservicio Mayorista Díaz Hnos. S.A.',
      );
    }
  });
});

describe('an issuer’s CUIT misread beside its IIBB number', () => {
  it('is the valid one further along the line, and the recipient keeps its own', () => {
    const p = page(
      [
        [
          [40, 'Congelados Patagonia S.R.L.'],
          [520, 'NOTA DE CRÉDITO A'],
        ],
        [[40, 'CUIT 33-70515066-6 - IIBB 33705150686 - Inicio de actividades 16/10/2001']],
        [[40, 'Cliente: Almacén Don Pepe']],
        [[40, 'CUIT: 27-39458607-8']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.issuer.cuit).toBe('33705150686');
    expect(data.recipient.cuit).toBe('27394586078');
  });
});

describe('a letterhead over its start-of-activities line', () => {
  it('keeps the company’s name: «de actividades 25/09/2001» is not its owner', () => {
    const p = page(
      [
        [
          [40, 'Bebidas del Litoral S.A.'],
          [520, 'FACTURA'],
        ],
        [
          [40, 'Inicio'],
          [200, 'de actividades 25/09/2001'],
        ],
        [[40, 'CUIT: 30-71234567-1']],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.issuer.name).toBe('Bebidas del Litoral S.A.');
  });
});

describe('a letterhead lost to the scan', () => {
  it('leaves the issuer unnamed rather than naming it after a heading or a CUIT line', () => {
    const p = page(
      [
        [
          [40, 'CLIENTE'],
          [420, 'COMPROBANTE'],
        ],
        [[40, 'CULT 30-70254717-9 - Ing. Brutos: 30702547179']],
        [
          [40, 'Razón social: Gutiérrez Marcelo Fabián'],
          [420, 'Condición de venta: Cuenta Corriente'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.issuer.name).toBeUndefined();
  });
});

describe('codes after the description, their heading lost', () => {
  const row = (qty: string, desc: string, code: string, price: string, amount: string) =>
    [
      [40, qty],
      [110, 'Unid.'],
      [170, desc],
      [400, code],
      [480, price],
      [570, '0,00'],
      [700, amount],
    ] as [number, string][];

  it('takes the last word of most rows as their code, in the style most of them have', () => {
    const p = page(
      [
        [
          [40, 'Cantidad'],
          [110, 'Unidad'],
          [170, 'Artículo'],
          [480, 'P Unitario'],
          [570, 'Desc. %'],
          [700, 'Importe'],
        ],
        row('1', 'Lavandina Ayudín 4 L', 'FT-8573', '3.031,40', '3.031,40'),
        row('9', 'Papel Higiénico Higienol x 4', 'FT:8574', '2.147,30', '19.325,70'),
        row('6', 'Detergente Magistral 500 ml', 'FT8575', '1.285,61', '7.713,66'),
        row('2', 'Esponja Virulana x 12', 'FT-8576', '721,97', '1.443,94'),
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.code, i.description])).toEqual([
      ['FT-8573', 'Lavandina Ayudín 4 L'],
      ['FT-8574', 'Papel Higiénico Higienol x 4'],
      ['FT-8575', 'Detergente Magistral 500 ml'],
      ['FT-8576', 'Esponja Virulana x 12'],
    ]);
  });
});

describe('codes before the description, their heading lost', () => {
  it('takes a five-digit first word of most rows as their code, and a quantity never', () => {
    const row = (code: string, desc: string, qty: string, price: string, amount: string) =>
      [
        [40, code],
        [120, desc],
        [380, qty],
        [440, 'UN'],
        [500, price],
        [600, '0,00'],
        [700, amount],
      ] as [number, string][];
    const p = page(
      [
        [
          [120, 'Descripción'],
          [380, 'Cant.'],
          [440, 'UM'],
          [500, 'P.Unit.'],
          [600, 'Dto.%'],
          [700, 'Total'],
        ],
        row('07094', 'ENCENDEDOR BIC MINI X 2', '22', '1.114,43', '24.517,46'),
        row('68477', 'AJI MOLIDO ALICANTE DULCE 12X50G', '4', '16.493,00', '65.972,00'),
        row('82356', 'LAUREL MAROLIO 12X25G', '2', '5.823,00', '11.646,00'),
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.code, i.description, i.quantity])).toEqual([
      ['07094', 'ENCENDEDOR BIC MINI X 2', 22000],
      ['68477', 'AJI MOLIDO ALICANTE DULCE 12X50G', 4000],
      ['82356', 'LAUREL MAROLIO 12X25G', 2000],
    ]);
  });
});

describe('a cloud billing service’s invoice', () => {
  it('reads «Ítem» as the description, «22 u.» as a quantity, dates with dashes and the CAE’s due date on its line', () => {
    const p = page([
      [
        [40, 'Dietética Raíces'],
        [560, 'Factura A'],
      ],
      [
        [40, 'Titular: Acosta Valeria Noemí'],
        [560, 'Código 01'],
      ],
      [
        [40, 'CUIT 27123456786 · IVA Responsable Inscripto'],
        [560, 'Nº 00005-00001234'],
      ],
      [[560, 'Emisión 26-10-2025']],
      [
        [40, 'Ítem'],
        [300, 'Cód.'],
        [380, 'Cant.'],
        [450, 'Precio'],
        [540, 'Desc.'],
        [600, '% IVA'],
        [690, 'Subtotal'],
      ],
      [
        [40, 'Laurel Dos Anclas 25 g'],
        [300, '75612'],
        [380, '22 u.'],
        [450, '$585,00'],
        [540, '0,00'],
        [600, '21%'],
        [690, '$12.870,00'],
      ],
      [
        [500, 'Base imponible 21%'],
        [690, '$12.870,00'],
      ],
      [
        [500, 'IVA 21%'],
        [690, '$2.702,70'],
      ],
      [
        [500, 'Total a pagar'],
        [690, '$15.572,70'],
      ],
      [[40, 'CAE 73431785161024 · Vto. 05-11-2025']],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data.issuer.name).toBe('Acosta Valeria Noemí');
    expect(data).toMatchObject({
      letter: 'A',
      date: '2025-10-26',
      cae: '73431785161024',
      caeDue: '2025-11-05',
      netByRate: { '2100': 1_287_000 },
      total: 1_557_270,
    });
    expect(data.items).toEqual([
      expect.objectContaining({
        code: '75612',
        description: 'Laurel Dos Anclas 25 g',
        quantity: 22_000,
        unit: 'u',
        unitPrice: 58_500,
        amount: 1_287_000,
        confidence: expect.any(Number),
      }),
    ]);
  });
});

describe('a quantity glued to its unit, under a heading OCR garbled', () => {
  it('reads «2u.» and «lu.» as 2 and 1 units and still finds the codes at the end', () => {
    const p = page(
      [
        [
          [40, '[em'],
          [300, 'Cód.'],
          [380, 'Cant.'],
          [450, 'Precio'],
          [540, 'Desc.'],
          [690, 'Subtotal'],
        ],
        [
          [40, 'Jugo Baggio Manzana 12x200ml'],
          [300, '59234'],
          [380, '2u.'],
          [450, '$3.752,00'],
          [540, '0,00'],
          [690, '$7.504,00'],
        ],
        [
          [40, 'Dulce de Batata Arcor 12x5kg'],
          [300, '41188'],
          [380, 'lu.'],
          [450, '$116.546,69'],
          [540, '0,00'],
          [690, '$116.546,69'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.code, i.description, i.quantity, i.unit])).toEqual([
      ['59234', 'Jugo Baggio Manzana 12x200ml', 2000, 'u'],
      ['41188', 'Dulce de Batata Arcor 12x5kg', 1000, 'u'],
    ]);
  });
});

describe('a recipient whose label OCR lost', () => {
  it('never names the issuer after a column heading of the items table', () => {
    const p = page(
      [
        [[40, 'Golosinas Mitre S.R.L.']],
        [[40, 'C.U.I.T. 30-71234567-1']],
        [[40, 'Minimercado Don Bosco S.R.L.']],
        [
          [40, 'Código'],
          [140, 'Descripción'],
          [380, 'Cant.'],
          [450, 'P.Unit.'],
          [540, 'Dto.%'],
          [620, 'Alic.'],
          [700, 'Total'],
        ],
        [
          [40, '61244'],
          [140, 'Carbón Vegetal 4 kg'],
          [380, '2'],
          [450, '1.960,73'],
          [540, '0,00'],
          [620, '21%'],
          [700, '3.921,46'],
        ],
      ],
      'ocr',
    );
    // The table's heading in far bigger type than the letterhead, as a bad scan can make it.
    for (const w of p.words) if (w.y0 === 60) w.y1 = w.y0 + 30;
    const { data } = parseInvoice([p], null);
    expect(data.issuer.name).toBe('Golosinas Mitre S.R.L.');
  });
});
