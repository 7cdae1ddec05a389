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
});
