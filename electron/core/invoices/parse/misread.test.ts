import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

/** A greengrocer's C invoice as OCR read it: letterhead, number, its date if given, CUIT, `rows`. */
function smallShop(rows: [number, string][][], dated?: string) {
  const date: [number, string][][] = dated ? [[[480, dated]]] : [];
  return page(
    [
      [
        [40, 'Verdulería El Puente'],
        [480, 'FACTURA C'],
      ],
      [[480, 'N° 0001-00000099']],
      ...date,
      [[40, 'CUIT: 20-42215696-9']],
      ...rows,
    ],
    'ocr',
  );
}

describe('labels as OCR misreads them', () => {
  it('finds the client and the CAE due date when OCR clipped the first letters of their labels', () => {
    const p = smallShop([
      [[40, 'nte: Gutiérrez Marcelo Fabián']],
      [[40, 'CUIT: 20-15372512-9']],
      [[40, 'n IVA: IVA Responsable Inscripto']],
      [[40, 'Sarmiento 662 - Quilmes, Buenos Aires']],
      [[40, 'nto CAE: 03/02/2026']],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data.caeDue).toBe('2026-02-03');
    expect(data.recipient).toMatchObject({
      name: 'Gutiérrez Marcelo Fabián',
      cuit: '20153725129',
      ivaCondition: 'IVA Responsable Inscripto',
    });
  });

  it('reads the CAE labels as OCR misreads them, and a figure split at its decimal mark', () => {
    const p = smallShop([
      [
        [40, 'Producto'],
        [300, 'Cant.'],
        [380, 'Precio'],
        [480, 'Importe'],
      ],
      [
        [40, 'Lentejones Marolio 10x1kg'],
        [300, '6'],
        [380, '22.494,00'],
        [480, '134.964,'],
        [545, '00'],
      ],
      [
        [380, 'TOTAL $'],
        [480, '134.964, 00'],
      ],
      [[40, 'CAE Ns: 73107628039223']],
      [[40, 'Fecha de Vio. de CAE: 14/01/2025']],
    ]);
    const { data } = parseInvoice([p], null);
    expect(data.cae).toBe('73107628039223');
    expect(data.caeDue).toBe('2025-01-14');
    expect(data.total).toBe(13_496_400);
    expect(data.items).toEqual([
      expect.objectContaining({ quantity: 6000, unitPrice: 2_249_400, amount: 13_496_400 }),
    ]);
  });

  it('joins a CAE whose N° swallowed its first digit, and a due-date label broken in two', () => {
    const p = smallShop(
      [
        [
          [40, 'CAEN!'],
          [140, '7: 4148278498395'],
        ],
        [[40, 'Vencimie ento CAE: 20/10/2026']],
      ],
      'Fecha: 10/10/2026',
    );
    const { data } = parseInvoice([p], null);
    expect(data.cae).toBe('74148278498395');
    expect(data.caeDue).toBe('2026-10-20');
  });

  it('reads «C.A.!» as C.A.E., a colon read inside a day, «Emisió n» and specks before a whole CAE', () => {
    const p = smallShop(
      [
        [[40, 'CAE Ne: 1: 7: 73942428683736']],
        [
          [40, 'Fecha Vto. C.A.!'],
          [200, '3: 1/05/2026'],
        ],
      ],
      'Emisió n 27-05-2026',
    );
    const { data } = parseInvoice([p], null);
    expect(data.date).toBe('2026-05-27');
    expect(data.cae).toBe('73942428683736');
    expect(data.caeDue).toBe('2026-05-31');
  });

  it('reads the point of sale under «Punto de vena», a letter of its label lost', () => {
    const p = page(
      [
        [
          [40, 'Dulces Artesanales Gaby'],
          [480, 'FACTURA C'],
        ],
        [
          [40, 'Punto de vena: 00001'],
          [240, 'Comp. Nro: 00046038'],
        ],
        [[40, 'CUIT: 20-42215696-9']],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data).toMatchObject({ pointOfSale: 1, number: 46038 });
  });

  it('reads «IVA 10,55%» as 10,5 %, a decimal doubled', () => {
    const p = page(
      [
        [
          [40, 'Lácteos La Pradera S.A.'],
          [480, 'FACTURA A'],
        ],
        [[480, 'N° 0001-00000099']],
        [[40, 'CUIT: 30-71234567-1']],
        [
          [40, 'Descripción'],
          [300, 'Cant.'],
          [380, 'Alíc. IVA'],
          [480, 'Importe'],
        ],
        [
          [40, 'Queso Cremoso'],
          [300, '1'],
          [380, '21%'],
          [480, '10.000,00'],
        ],
        [
          [40, 'Harina 000'],
          [300, '1'],
          [380, '10,5%'],
          [480, '2.000,00'],
        ],
        [[380, 'Importe Neto Gravado: $ 12.000,00']],
        [[380, 'IVA 21%: $ 2.100,00']],
        [[380, 'IVA 10,55%: $ + 210,00']],
        [[380, 'Importe Total: $ 14.310,00']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.ivaByRate).toEqual({ '2100': 210_000, '1050': 21_000 });
  });

  it('puts back a year misread in the date or the CAE due date, from the other one', () => {
    const fix = (date: string, due: string) =>
      parseInvoice([smallShop([[[40, `Fecha de Vto. de CAE: ${due}`]]], `Fecha: ${date}`)], null);
    expect(fix('26/12/2025', '05/01/2076').data.caeDue).toBe('2026-01-05');
    expect(fix('26/12/2025', '05/01/2076').fields.caeDue?.source).toBe('computed');
    expect(fix('26/12/2025', '30/12/2075').data.caeDue).toBe('2025-12-30');
    expect(fix('26/12/2075', '05/01/2026').data).toMatchObject({
      date: '2025-12-26',
      caeDue: '2026-01-05',
    });
    // Months away in the same year is not a misread year: left for the owner to see.
    expect(fix('26/12/2025', '30/06/2025').data.caeDue).toBe('2025-06-30');
  });
});

describe('a B invoice’s IVA contenido garbled', () => {
  it('is the share of the total its one rate holds, marked as computed', () => {
    const p = page(
      [
        [
          [40, 'Distribuidora El Trébol S.R.L.'],
          [480, 'FACTURA B'],
        ],
        [[480, 'N° 0001-00000099']],
        [[40, 'CUIT: 30-71234567-1']],
        [[40, 'Régimen de Transparencia Fiscal al Consumidor Ley 27.743']],
        [[40, 'IVA contenido 21%: $ 201.489.372']],
        [
          [400, 'TOTAL'],
          [600, '$ 1.160.962,27'],
        ],
      ],
      'ocr',
    );
    const { data, fields } = parseInvoice([p], null);
    expect(data.letter).toBe('B');
    expect(data.ivaByRate).toEqual({ '2100': 20_148_932 });
    expect(fields['ivaByRate.2100']?.source).toBe('computed');
    expect(data.netByRate).toEqual({});
  });
});

describe('the client’s label misread', () => {
  it('still starts the client’s block at «Chente» or «Clieme:», so the issuer keeps its own IVA condition', () => {
    for (const label of ['Chente', 'Clieme:']) {
      const p = page(
        [
          [
            [40, 'Almacén Natural Delta S.A.S.'],
            [480, 'Factura B'],
          ],
          [[40, 'CUIT 30788059074 - IVA Responsable Inscripto']],
          [
            [40, `${label} Luna Rodrigo Martín`],
            [480, 'CUIT 20-33608944-2'],
          ],
          [[40, 'Condición frente al IVA Monotributista']],
        ],
        'ocr',
      );
      const { data } = parseInvoice([p], null);
      expect(data.issuer.ivaCondition).toBe('IVA Responsable Inscripto');
      expect(data.recipient).toMatchObject({
        name: 'Luna Rodrigo Martín',
        cuit: '20336089442',
        ivaCondition: 'Monotributista',
      });
    }
  });
});

describe('a client label read twice, the second time clipped', () => {
  it('leaves «e:» and «íes):» out of the client’s name', () => {
    const cases: [string, string][] = [
      ['Cliente: e: Consumidor Final', 'Consumidor Final'],
      ['Señor(es): íes): Medina Silvia Beatriz', 'Medina Silvia Beatriz'],
    ];
    for (const [label, name] of cases) {
      const p = page(
        [
          [
            [40, 'Almacén Natural Delta S.A.S.'],
            [480, 'Factura B'],
          ],
          [[40, 'CUIT 30788059074 - IVA Responsable Inscripto']],
          [[40, label]],
        ],
        'ocr',
      );
      // (The label read twice, once whole and once clipped.)
      expect(parseInvoice([p], null).data.recipient.name).toBe(name);
    }
  });
});

describe('company names as OCR misreads them', () => {
  const rows = (issuer: string, client: string): [number, string][][] => [
    [
      [40, issuer],
      [480, 'FACTURA A'],
    ],
    [[480, 'N° 0001-00000099']],
    [[40, 'CUIT: 30-71234567-1']],
    [[40, `Cliente: ${client}`]],
    [[40, 'CUIT: 20-15372512-9']],
  ];

  it('writes a scanned legal form whose dots were lost the usual way', () => {
    const { data } = parseInvoice(
      [page(rows('Lácteos La Pradera SA', 'Autoservicio La Esquina S RL'), 'ocr')],
      null,
    );
    expect(data.issuer.name).toBe('Lácteos La Pradera S.A.');
    expect(data.recipient.name).toBe('Autoservicio La Esquina S.R.L.');
    const other = parseInvoice(
      [page(rows('Bebidas del Litoral S.A', 'Almacén Mi Barrio SRL.'), 'ocr')],
      null,
    );
    expect(other.data.issuer.name).toBe('Bebidas del Litoral S.A.');
    expect(other.data.recipient.name).toBe('Almacén Mi Barrio S.R.L.');
    const brothers = parseInvoice(
      [page(rows('Autoservicio Mayorista Díaz Hnos, S.A.', 'Almacén Mi Barrio SRL.'), 'ocr')],
      null,
    );
    expect(brothers.data.issuer.name).toBe('Autoservicio Mayorista Díaz Hnos. S.A.');
    // A speck after the form.
    const speck = parseInvoice(
      [page(rows('Distribuidora del Centro S.A. ,', 'Autoservicio La Esquina S.R.L. ÁS'), 'ocr')],
      null,
    );
    expect(speck.data.issuer.name).toBe('Distribuidora del Centro S.A.');
    expect(speck.data.recipient.name).toBe('Autoservicio La Esquina S.R.L.');
    const rule = parseInvoice(
      [page(rows('Lácteos La Pradera SA', 'Minimercado Don Bosco SRL. *—'), 'ocr')],
      null,
    );
    expect(rule.data.recipient.name).toBe('Minimercado Don Bosco S.R.L.');
  });

  it('keeps a PDF’s names as written, and a name that only ends in «sa»', () => {
    const { data } = parseInvoice(
      [page(rows('Lácteos La Pradera SA', 'Autoservicio SRL'), 'pdf')],
      null,
    );
    expect(data.issuer.name).toBe('Lácteos La Pradera SA');
    expect(data.recipient.name).toBe('Autoservicio SRL');
    const scanned = parseInvoice([page(rows('Distribuidora Mesa', 'Casa Rosa'), 'ocr')], null);
    expect(scanned.data.issuer.name).toBe('Distribuidora Mesa');
    expect(scanned.data.recipient.name).toBe('Casa Rosa');
  });
});

describe('quantities as OCR misreads them', () => {
  const heading: [number, string][] = [
    [40, 'Código'],
    [110, 'Producto'],
    [330, 'Cantidad'],
    [400, 'U. Medida'],
    [480, 'Precio Unit.'],
    [570, '% Bonif'],
    [640, 'Subtotal'],
  ];
  const row = (qty: string, price: string, amount: string): [number, string][] => [
    [40, '32927'],
    [110, 'Manteca SanCor Extra 100 g x6'],
    [330, qty],
    [400, 'unidades'],
    [480, price],
    [570, '0,00'],
    [640, amount],
  ];

  it('reads «200» as 2,00 when its comma was lost and only then the row adds up', () => {
    const p = page(
      [heading, row('200', '8.192,00', '16.384,00'), row('200', '81,92', '16.384,00')],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.quantity, i.unitPrice, i.amount])).toEqual([
      [2000, 819_200, 1_638_400],
      // Two hundred units at $81,92 add up as printed: the quantity stays 200.
      [200_000, 8_192, 1_638_400],
    ]);
  });

  it('reads a weight whose comma was lost («2895» 2,895 kg) and never a zero bonificación as the amount', () => {
    // The quantity's heading garbled («Camidad]»): the rows are read by their figures.
    const garbled: [number, string][] = [
      [40, 'Código'],
      [110, 'Producto'],
      [330, 'Camidad]'],
      [480, 'Precio Uni]'],
      [570, '%Boni]'],
      [610, 'Imp. Bonif.'],
      [680, 'Subtotal'],
    ];
    const weighed = (code: string, name: string, qty: string, price: string, amount: string) =>
      [
        [40, code],
        [110, name],
        [330, qty],
        [400, 'kilogramos'],
        [480, price],
        [570, '0.00'],
        [610, '0,00'],
        [680, amount],
      ] as [number, string][];
    const p = page(
      [
        garbled,
        weighed('42528', 'Naranja de Jugo Ecuador', '10.855', '2.229,48', '24.201,01'),
        weighed('50062', 'Uva Negra', '2895', '2.447,09', '7.084,33'),
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.code, i.description, i.quantity, i.unit, i.amount])).toEqual([
      ['42528', 'Naranja de Jugo Ecuador', 10_855, 'kg', 2_420_101],
      ['50062', 'Uva Negra', 2_895, 'kg', 708_433],
    ]);
  });

  it('finds a lost quantity from the price and the amount, the bonificación taken off', () => {
    const p = page(
      [
        heading,
        [
          [40, '32812'],
          [110, 'ESPONJA SCOTCH-BRITE MULTIUSO'],
          [400, 'un'],
          [480, '553,00'],
          [570, '5,00'],
          [640, '4.728,15'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items).toEqual([
      expect.objectContaining({
        quantity: 9000,
        unitPrice: 55_300,
        discountBp: 500,
        amount: 472_815,
      }),
    ]);
  });
});
