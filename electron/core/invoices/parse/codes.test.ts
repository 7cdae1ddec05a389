import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

describe('codes and cell borders as OCR misreads them', () => {
  const heading: [number, string][] = [
    [40, 'Código'],
    [120, 'Descripción'],
    [380, 'Cant.'],
    [480, 'Precio'],
    [600, 'Importe'],
  ];
  const row = (code: string, desc: string, qty: string, price: string, amount: string) =>
    [
      [40, code],
      [120, desc],
      [380, qty],
      [480, price],
      [600, amount],
    ] as [number, string][];

  /** The codes of the items on a page of `rows` under the heading, as OCR read them. */
  const codesOf = (rows: [number, string][][]) =>
    parseInvoice([page([heading, ...rows], 'ocr')], null).data.items.map((i) => i.code);

  it('gives a code whose prefix letter was read as a digit, or lost, the style of the others', () => {
    expect(
      codesOf([
        row('T-4797', 'Encendedor Cricket x 1', '4', '529,34', '2.117,36'),
        row('1-4397', 'Yerba Mate Playadito Suave 250 g', '11', '1.118,95', '12.308,45'),
        row('T-4402', 'Mermelada BC Durazno 454 g x12', '1', '17.361,00', '17.361,00'),
        row('18672', 'Mate Cocido Taragüí con Limón x 25', '8', '720,00', '5.760,00'),
        row('7237', 'Mousse en Polvo Royal Chocolate 60 g x12', '8', '5.497,00', '43.976,00'),
        row('T-7803', 'Ketchup Hellmann’s Light 250 g x12', '2', '14.769,36', '29.538,72'),
        row('T-8966', 'Nueces Pehuamar 120 g x12', '6', '12.774,95', '76.649,70'),
        row('T-9804', 'Mostaza Hellmann’s Light 500 g x12', '10', '20.622,00', '206.220,00'),
        row('Tl-6120', 'Arroz Gallo Oro 1 kg x10', '2', '9.995,00', '19.990,00'),
        row('X-5512', 'Pilas Duracell AAA x 2', '3', '2.216,00', '6.648,00'),
      ]),
    ).toEqual([
      'T-4797',
      'T-4397',
      'T-4402',
      'T-8672',
      'T-7237',
      'T-7803',
      'T-8966',
      'T-9804',
      // One letter too many after the prefix.
      'T-6120',
      // A letter that does not look like a T stays as read.
      'X-5512',
    ]);
  });

  it('leaves numeric codes alone when no prefixed style holds most of them', () => {
    expect(
      codesOf([
        row('T-4797', 'Encendedor Cricket x 1', '4', '529,34', '2.117,36'),
        row('14397', 'Yerba Mate Playadito Suave 250 g', '11', '1.118,95', '12.308,45'),
        row('T-4402', 'Mermelada BC Durazno 454 g x12', '1', '17.361,00', '17.361,00'),
        row('18672', 'Mate Cocido Taragüí con Limón x 25', '8', '720,00', '5.760,00'),
        row('17237', 'Mousse en Polvo Royal Chocolate 60 g x12', '8', '5.497,00', '43.976,00'),
      ]),
    ).toEqual(['T-4797', '14397', 'T-4402', '18672', '17237']);
  });

  it('drops a cell border read as «|» before some rows, which would shift their code into the description', () => {
    const bordered: [number, string][] = [
      [40, 'Cód.'],
      [120, 'Descripción'],
      [330, '='],
      [380, 'Cant.'],
      [418, '|'],
      [430, 'U.M.'],
      [480, 'Precio'],
      [528, '|'],
      [540, 'Bonif.'],
      [620, 'Importe'],
    ];
    const line = (
      code: string,
      desc: string,
      qty: string,
      price: string,
      amount: string,
      border = true,
    ) =>
      [
        ...(border ? [[0, '|']] : []),
        [40, code],
        [120, desc],
        [380, qty],
        [430, 'UN'],
        [480, price],
        [540, '0,00'],
        [620, amount],
      ] as [number, string][];
    const p = page(
      [
        bordered,
        line('02461', 'FILM ADHERENTE ROLOPACK X 5 M X12', '1', '14.182,26', '14.182,26'),
        line('68321', 'GALLETITAS BAGLEY VAINILLA 12X300G', '5', '15.600,00', '78.000,00'),
        line('16684', 'DULCE DE MEMBRILLO NOEL 12X500G', '1', '13.722,60', '13.722,60', false),
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.items.map((i) => [i.code, i.description, i.quantity])).toEqual([
      ['02461', 'FILM ADHERENTE ROLOPACK X 5 M X12', 1000],
      ['68321', 'GALLETITAS BAGLEY VAINILLA 12X300G', 5000],
      ['16684', 'DULCE DE MEMBRILLO NOEL 12X500G', 1000],
    ]);
  });

  it('keeps the dash most codes lost when a few still show it', () => {
    // Eight of «T-dddd» read with the dash lost, a «1» or a «7» in place of the T.
    expect(
      codesOf([
        row('T-6632', 'Café Molido Cabrales Suave 250 g x10', '5', '49.323,00', '246.615,00'),
        row('T5944', 'Salsa Golf Hellmann’s 60 g x12', '4', '4.537,00', '18.148,00'),
        row('T8593', 'Alfajor Havanna Blanco x 6', '11', '3.169,00', '34.859,00'),
        row('13754', 'Canela Molida Dos Anclas 25 g x12', '2', '7.352,00', '14.704,00'),
        row('T3575', 'Galletas de Arroz Gallo 250 g x12', '3', '21.902,06', '65.706,18'),
        row('T-4798', 'Bocadito de Maní Arcor 25 g x12', '1', '4.723,36', '4.723,36'),
        row('T4181', 'Bombones Cofler x 1', '20', '277,02', '5.540,40'),
        row('78077', 'Ketchup Hellmann’s 500 g x12', '4', '29.666,00', '118.664,00'),
        row('T-5900', 'Chocolate Cofler Blanco 100 g x12', '10', '18.485,00', '184.850,00'),
        row('T1601', 'Gelatina Royal Vainilla 40 g', '16', '300,00', '4.800,00'),
      ]),
    ).toEqual([
      'T-6632',
      'T-5944',
      'T-8593',
      'T-3754',
      'T-3575',
      'T-4798',
      'T-4181',
      'T-8077',
      'T-5900',
      'T-1601',
    ]);
  });

  it('writes a prefix read in the wrong case, or with a letter inside it, as most read it', () => {
    expect(
      codesOf([
        row('CP-2999', 'Huevos Avícola El Ceibo Blancos x 6', '17', '835,00', '14.195,00'),
        row('cP-5114', 'Sorrentinos Mendía de Ricota 10x500g', '3', '25.602,00', '76.806,00'),
        row('CP-0220', 'Queso Crema Casancrem 290 g', '13', '2.507,71', '32.600,23'),
        row('Cp-4702', 'Formitas de Pollo Swift 6x1kg', '5', '36.122,00', '180.610,00'),
        row('CcP-0804', 'Canelones Don Antonio de Ricota 1 kg', '20', '5.629,00', '112.580,00'),
      ]),
    ).toEqual(['CP-2999', 'CP-5114', 'CP-0220', 'CP-4702', 'CP-0804']);
  });

  it('does not take one speck read as a dash for the supplier’s style', () => {
    expect(
      codesOf([
        row('T-6632', 'Café Molido Cabrales Suave 250 g x10', '5', '49.323,00', '246.615,00'),
        row('T5944', 'Salsa Golf Hellmann’s 60 g x12', '4', '4.537,00', '18.148,00'),
        row('T8593', 'Alfajor Havanna Blanco x 6', '11', '3.169,00', '34.859,00'),
        row('T3575', 'Galletas de Arroz Gallo 250 g x12', '3', '21.902,06', '65.706,18'),
      ]),
    ).toEqual(['T6632', 'T5944', 'T8593', 'T3575']);
  });

  it('reads «Su.» and «Bu.» in the quantity column as 5 and 8 units, so the code stays a code', () => {
    const p = page(
      [
        [
          [40, 'Ítem'],
          [300, 'Cód.'],
          [380, 'Cant.'],
          [440, 'Precio'],
          [560, 'Subtotal'],
        ],
        [
          [40, 'Jugo Ades Naranja 12x1L'],
          [300, '91159'],
          [380, 'Su.'],
          [440, '$11.613,00'],
          [560, '$58.065,00'],
        ],
        [
          [40, 'Velas Clipper x 2'],
          [300, '67318'],
          [380, '4u.'],
          [440, '$975,00'],
          [560, '$3.900,00'],
        ],
        [
          [40, 'Papas Fritas Lay’s Cheddar 12x30g'],
          [300, '56855'],
          [380, 'Bu.'],
          [440, '$11.948,00'],
          [560, '$95.584,00'],
        ],
      ],
      'ocr',
    );
    const items = parseInvoice([p], null).data.items;
    expect(items.map((i) => [i.code, i.description, i.quantity])).toEqual([
      ['91159', 'Jugo Ades Naranja 12x1L', 5000],
      ['67318', 'Velas Clipper x 2', 4000],
      ['56855', 'Papas Fritas Lay’s Cheddar 12x30g', 8000],
    ]);
  });

  it('reads a bonificación with its comma lost, not as the price with the price as the quantity', () => {
    const heading: [number, string][] = [
      [40, 'Código'],
      [120, 'Descripción'],
      [400, 'Cant.'],
      [440, 'UM'],
      [480, 'P.Unit.'],
      [560, 'Dto.%'],
      [620, 'Alic.'],
      [680, 'Total'],
    ];
    const p = page(
      [
        heading,
        [
          [40, '49731'],
          [120, 'FLAN EN POLVO EXQUISITA VAINILLA 12X25G'],
          [400, '8'],
          [440, 'UN'],
          [480, '282511'],
          [560, '1250'],
          [620, '21%'],
          [680, '19.775,77'],
        ],
        [
          [40, '49732'],
          [120, 'MOSTAZA NATURA 12X500G'],
          [400, '12|'],
          [440, 'UN'],
          [480, '2.306,40'],
          [560, '0,00'],
          [620, '21%'],
          [680, '27.676,80'],
        ],
      ],
      'ocr',
    );
    const items = parseInvoice([p], null).data.items;
    expect(items.map((i) => [i.description, i.quantity, i.unitPrice, i.discountBp])).toEqual([
      ['FLAN EN POLVO EXQUISITA VAINILLA 12X25G', 8000, 282511, 1250],
      ['MOSTAZA NATURA 12X500G', 12000, 230640, 0],
    ]);
  });

  it('reads a figure whose thousands point was read as a space as one figure, not two cells', () => {
    const p = page(
      [
        heading,
        // («1 988,00» and «34 913,07»: a letter apart; the quantity «2» sits a cell apart.)
        row('7798647413460', 'MANI JAPONES PEHUAMAR 250 G', '19', '1 988,00', '37 772,00'),
        row('7799718511915', 'CABLE USB PHILIPS X 1', '17', '2.053,71', '34 913,07'),
        row('7792774927258', 'ALFAJOR JORGITO GLASEADO 12x50G', '2', '988,00', '1.976,00'),
      ],
      'ocr',
    );
    const items = parseInvoice([p], null).data.items;
    expect(items.map((i) => [i.quantity, i.unitPrice, i.amount])).toEqual([
      [19000, 198800, 3777200],
      [17000, 205371, 3491307],
      [2000, 98800, 197600],
    ]);
  });

  it('joins a figure split at its thousands point, the point read on both sides or as a dash', () => {
    const p = page(
      [
        heading,
        row('47898', 'SALSA KNORR BOLOGNESA 12X340G', '10', '14. .445,00', '144.450,00'),
        row('73537', 'EDULCORANTE SUCARYL 10X200ML', '1', '16. -316,00', '16.316,00'),
        row('99505', 'COMINO ALICANTE DULCE 12X25G', '2', '9.304,00', '18.608,00'),
      ],
      'ocr',
    );
    const items = parseInvoice([p], null).data.items;
    expect(items.map((i) => [i.quantity, i.unitPrice, i.amount])).toEqual([
      [10000, 1444500, 14445000],
      [1000, 1631600, 1631600],
      [2000, 930400, 1860800],
    ]);
  });

  it('takes a code with a point for its dash at the start of a row whose heading names no code', () => {
    const heading: [number, string][] = [
      [40, '[artículo'],
      [120, 'Descripción'],
      [380, 'Cant.'],
      [480, 'Precio unit.'],
      [600, 'importe]'],
    ];
    const p = page(
      [
        heading,
        row('CP-6077', 'Crema de Leche SanCor Doble 6x200ml', '1', '13.115,00', '13.115,00'),
        row('CP.3779', 'Postre SanCor Chocolate x 1', '7', '902,58', '6.318,06'),
        row('CP-7208', 'Leche SanCor Entera 500 ml', '13', '606,98', '7.890,74'),
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.items.map((i) => [i.code, i.description])).toEqual([
      ['CP-6077', 'Crema de Leche SanCor Doble 6x200ml'],
      ['CP-3779', 'Postre SanCor Chocolate x 1'],
      ['CP-7208', 'Leche SanCor Entera 500 ml'],
    ]);
  });
});
