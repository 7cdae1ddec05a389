import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

describe('header words as OCR misreads them', () => {
  it('reads «nota pe DÉBITO» as a debit note, and the name beside it without it', () => {
    const p = page(
      [
        [
          [40, 'Mayorista Los Andes S.A.'],
          [420, '_B nota pe DÉBITO'],
        ],
        [[420, 'N° 0005-00190662']],
        [[420, 'Fecha: 07/02/2025']],
        [[40, 'C.U.I.T.: 30-70171320-2']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.kind).toBe('nota_debito');
    expect(data.issuer.name).toBe('Mayorista Los Andes S.A.');
  });

  it('reads a speck between «IVA» and «Responsable Inscripto» as nothing', () => {
    const p = page(
      [
        [[40, 'Distribuidora Mayorista Sur S.A.']],
        [[40, 'Punto de Venta: 00003 Comp. Nro: 00037080']],
        [[40, 'CUIT: 30704585434']],
        [[40, 'Condición frente al IVA: IVA Responsable Inscripto']],
        [
          [40, 'CUIT: 20285290016'],
          [300, 'Apellido y Nombre / Razón Social: Gutiérrez Marcelo Fabián'],
        ],
        [[40, 'Condición frente al IVA: IVA y Responsable Inscripto']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.recipient.ivaCondition).toBe('IVA Responsable Inscripto');
    expect(data.issuer.ivaCondition).toBe('IVA Responsable Inscripto');
  });

  it('looks for the letterhead above the first row of amounts when the table’s heading is garbled', () => {
    const p = page(
      [
        [
          [40, 'Almacén Natural Delta S.A.S.'],
          [420, 'Nota de crédito B'],
        ],
        [[40, 'CUIT 30788059074 - IVA Responsable inscripto']],
        [
          [40, 'item'],
          [380, 'Cód'],
          [460, 'Cant'],
          [520, 'Prec'],
          [600, '[e'],
          [680, 'Subtot.'],
        ],
        [
          [40, 'Aceitunas Negras Cumaná 12x500g'],
          [380, '122725'],
          [460, '3u.'],
          [520, '$53.597,00'],
          [600, '5,00'],
          [680, '$152.751,45'],
        ],
        // A row read in type bigger than the letterhead's: a smudge made its words taller.
        [
          [40, 'Papas Fritas Lay’s Ketchup 12x30g'],
          [380, '33860'],
          [460, 'lu'],
          [520, '$9.401,66'],
          [600, '0,00'],
          [680, '$9.401,66'],
        ],
      ],
      'ocr',
    );
    for (const w of p.words) if (w.y0 === 80) w.y1 = w.y0 + 30;
    expect(parseInvoice([p], null).data.issuer.name).toBe('Almacén Natural Delta S.A.S.');
  });

  it('reads the CAE’s due date after «Vo.», its «Vto.» with the «t» lost', () => {
    const p = page(
      [
        [
          [40, 'Lácteos La Pradera S.A.'],
          [420, 'FACTURA A'],
        ],
        [[420, 'Fecha de Emisión: 28/06/2025']],
        [[40, 'CUIT: 30-71234567-1']],
        [[40, 'CAE N°: 75432278883891']],
        [[40, 'Fecha de Vo. de CAE: 08/07/2025']],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.caeDue).toBe('2025-07-08');
  });

  it('reads a condition whose second word OCR misread, written as printed', () => {
    const conditions = (issuer: string, client: string) => {
      const p = page(
        [
          [
            [40, 'Congelados Patagonia S.R.L.'],
            [420, 'FACTURA A'],
          ],
          [[40, 'CUIT 33-70511427-6']],
          [[40, issuer]],
          [[40, 'Cliente: Minimercado Don Bosco S.R.L.']],
          [[40, client]],
        ],
        'ocr',
      );
      const { data } = parseInvoice([p], null);
      return [data.issuer.ivaCondition, data.recipient.ivaCondition];
    };
    expect(conditions('IVA Responsabie inscripto', 'I.V.A.: Responsable Monovibuto')).toEqual([
      'IVA Responsable Inscripto',
      'Responsable Monotributo',
    ]);
    expect(
      conditions('Inicio Act.: 22/03/2001 - LV.A. Resp. inscnpto', 'IVA: Responsable lascripto'),
    ).toEqual(['Resp. Inscripto', 'Responsable Inscripto']);
    // A word that is neither stays unread.
    expect(conditions('IVA: Responsable Ejemplar', 'IVA: Responsable Ejemplar')).toEqual([
      undefined,
      undefined,
    ]);
  });

  it('starts the client’s block at «scones):», a «Señor(es):» misread but for its «(es):»', () => {
    const p = page(
      [
        [
          [40, 'Autoservicio Mayorista Díaz Hnos. S.A.'],
          [420, 'FACTURA B'],
        ],
        [[40, 'CUIT: 33-71005856-9']],
        [[40, 'IVA: Responsable Inscripto']],
        [
          [40, 'scones): Medina Silvia Beatriz'],
          [420, 'C.U.I.T.: 27-15693457-2'],
        ],
        [
          [40, 'Domicilio: Belgrano 448 - Avellaneda'],
          [420, 'I.V.A.: Responsable Monotributo'],
        ],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.recipient).toMatchObject({
      name: 'Medina Silvia Beatriz',
      cuit: '27156934572',
      ivaCondition: 'Responsable Monotributo',
    });
    expect(data.issuer.ivaCondition).toBe('Responsable Inscripto');
  });

  it('measures a letterhead by its words’ usual height, and passes over words read with no confidence', () => {
    const p = page(
      [
        [[40, 'EEE —;—;TD—;—;—EU']],
        [],
        [],
        [],
        [
          [40, 'Distribuidora Tabacalera del Centro S.A.'],
          [420, 'FACTURA A'],
        ],
        [],
        [[380, 'E Cód 001']],
        [],
        [],
        [],
        [[40, 'C.U.I.T. 30-70488753-8']],
      ],
      'ocr',
    );
    for (const w of p.words) {
      // The rules along the top, read as letters: tall, and with no confidence.
      if (w.y0 === 0) Object.assign(w, { y1: 40, conf: 0 });
      // The letter's box read as an «E» as tall as three lines of the name.
      if (w.text === 'E') Object.assign(w, { y0: 110, y1: 160 });
    }
    expect(parseInvoice([p], null).data.issuer.name).toBe(
      'Distribuidora Tabacalera del Centro S.A.',
    );
  });

  it('takes the owner under a trade name even when two of the owner’s words were read taller', () => {
    const p = page(
      [
        [
          [40, 'Verdulería El Puente'],
          [420, 'FACTURA C'],
        ],
        [
          [40, 'de Benitez Julio César'],
          [420, 'N° 0001-00236643'],
        ],
        [[40, 'CUIT: 20-36008495-8']],
      ],
      'ocr',
    );
    for (const w of p.words) {
      if (w.y0 === 0 && w.x0 < 400) w.y1 = 16;
      if (w.text === 'Benitez' || w.text === 'Julio') Object.assign(w, { y0: 18, y1: 35 });
    }
    expect(parseInvoice([p], null).data.issuer.name).toBe('Benitez Julio César');
  });
});
