import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

/** An issuer's block whose «Fecha:» label OCR lost, and its CAE at the foot. */
function withDateLine(dateLine: [number, string][]): ReturnType<typeof page> {
  return page(
    [
      [
        [40, 'Bebidas del Litoral S.A.'],
        [520, 'FACTURA'],
      ],
      [
        [40, 'Moreno 374 - Avellaneda, Buenos Aires'],
        [520, 'N° 0003-00012345'],
      ],
      dateLine,
      [[40, 'Inicio de Actividades: 07/02/2017']],
      [[40, 'CUIT: 30-71234567-1']],
      [[40, 'CAE: 74468744912664']],
      [[40, 'Fecha Vto. C.A.E.: 18/06/2026']],
    ],
    'ocr',
  );
}

describe('an invoice date whose label OCR lost', () => {
  it('is the unlabelled date the CAE falls due after, less surely than a labelled one', () => {
    for (const line of [[[520, 'A. 08/06/2026']], [[520, '08/06/2026']]] as [number, string][][]) {
      const { data, fields } = parseInvoice([withDateLine(line)], null);
      expect(data.date).toBe('2026-06-08');
      expect(fields.date?.confidence ?? 1).toBeLessThan(0.9);
    }
  });

  it('is never the start of activities, the period’s end or the payment’s due day', () => {
    const { data } = parseInvoice(
      [
        withDateLine([
          [40, 'Hasta: 10/06/2026'],
          [400, 'Fecha de Vto. para el pago: 12/06/2026'],
        ]),
      ],
      null,
    );
    expect(data.date).toBeUndefined();
  });
});
