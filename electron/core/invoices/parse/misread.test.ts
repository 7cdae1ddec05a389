import { describe, expect, it } from 'vitest';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

describe('labels as OCR misreads them', () => {
  it('finds the client and the CAE due date when OCR clipped the first letters of their labels', () => {
    const p = page(
      [
        [
          [40, 'Verdulería El Puente'],
          [480, 'FACTURA C'],
        ],
        [[480, 'N° 0001-00000099']],
        [[40, 'CUIT: 20-42215696-9']],
        [[40, 'nte: Gutiérrez Marcelo Fabián']],
        [[40, 'CUIT: 20-15372512-9']],
        [[40, 'n IVA: IVA Responsable Inscripto']],
        [[40, 'Sarmiento 662 - Quilmes, Buenos Aires']],
        [[40, 'nto CAE: 03/02/2026']],
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.caeDue).toBe('2026-02-03');
    expect(data.recipient).toMatchObject({
      name: 'Gutiérrez Marcelo Fabián',
      cuit: '20153725129',
      ivaCondition: 'IVA Responsable Inscripto',
    });
  });

  it('reads the CAE labels as OCR misreads them, and a figure split at its decimal mark', () => {
    const p = page(
      [
        [
          [40, 'Verdulería El Puente'],
          [480, 'FACTURA C'],
        ],
        [[480, 'N° 0001-00000099']],
        [[40, 'CUIT: 20-42215696-9']],
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
      ],
      'ocr',
    );
    const { data } = parseInvoice([p], null);
    expect(data.cae).toBe('73107628039223');
    expect(data.caeDue).toBe('2025-01-14');
    expect(data.total).toBe(13_496_400);
    expect(data.items).toEqual([
      expect.objectContaining({ quantity: 6000, unitPrice: 2_249_400, amount: 13_496_400 }),
    ]);
  });
});
