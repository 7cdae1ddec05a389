import { describe, expect, it } from 'vitest';
import { byArithmetic } from './arithmetic.ts';
import type { Token } from './cells.ts';
import { parseInvoice } from './index.ts';
import { page } from './test-page.ts';

const row = (text: string): Token[] => text.split(' ').map((t) => ({ text: t, words: [] }));

describe('a row read by its arithmetic alone', () => {
  it('keeps a size before a pack in the description, though its digits give the quantity', () => {
    // The quantity's cell read as «E»: 500 (5,00 with its comma lost) × 8.125 = 40.625.
    const p = byArithmetic(row('suavizante Vivere Clásico 500 ml x8 E 8.125,00 0,00 40.625,00'));
    expect(p?.description).toBe('suavizante Vivere Clásico 500 ml x8 E');
    expect([p?.quantity, p?.unitPrice, p?.amount, p?.unit]).toEqual([5000, 812500, 4062500, null]);
  });

  it('takes the quantity nearer the price when the description has one alike', () => {
    const p = byArithmetic(
      row('Manteca La Serenísima Light 200 g x6 200 unidades 12.691,73 25.383,46'),
    );
    expect(p?.description).toBe('Manteca La Serenísima Light 200 g x6');
    expect(p?.quantity).toBe(2000);
    const tomato = byArithmetic(
      row('Tomate Triturado La Campagnola 1 kg x12 1.00 unidades 877,84 0,00 877,84'),
    );
    expect(tomato?.description).toBe('Tomate Triturado La Campagnola 1 kg x12');
    expect([tomato?.quantity, tomato?.unit]).toEqual([1000, 'u']);
  });

  it('still reads a weight and its unit before the price as the quantity', () => {
    const p = byArithmetic(row('Queso Cremoso La Paulina 2,500 kg 5.000,00 12.500,00'));
    expect(p?.description).toBe('Queso Cremoso La Paulina');
    expect([p?.quantity, p?.unit]).toEqual([2500, 'kg']);
  });

  it('keeps a leading quantity when the description holds the same figure in a size or a pack', () => {
    const rice = byArithmetic(
      row('1 Unid. Arroz Gallo Largo Fino 1 kg x10 FT-7049 9.697,00 0,00 21% 9.697,00'),
    );
    expect([rice?.description, rice?.quantity]).toEqual([
      'Arroz Gallo Largo Fino 1 kg x10 FT-7049',
      1000,
    ]);
    const pads = byArithmetic(
      row('16 Unid. Tampones Lady Soft Ultrafinas x 16 FT-7503 2.092,00 5,00 21% 31.798,40'),
    );
    expect([pads?.description, pads?.quantity, pads?.discountBp]).toEqual([
      'Tampones Lady Soft Ultrafinas x 16 FT-7503',
      16000,
      500,
    ]);
  });
});

describe('rows under a heading OCR garbled', () => {
  it('are read down to the first total below them, not to the heading taken for a total', () => {
    const p = page(
      [
        [
          [40, 'Almacén Natural Delta S.A.S.'],
          [450, 'Factura A'],
        ],
        [[40, 'CUIT 30708624965 - IVA Responsable inscripto']],
        [[40, 'Condición frente al IVA IVA Responsable inscripto']],
        // «Item» and «Cant.» garbled; «Subtotal» over the amounts reads as a total's label.
        [
          [40, 'ttem'],
          [340, 'Cód.'],
          [400, 'LT'],
          [450, 'Precio'],
          [540, 'Desc'],
          [580, '% IVA'],
          [650, 'Subtotal'],
        ],
        [
          [40, 'Flan en Polvo Exquisita Vainilla 12x60g'],
          [340, '59642'],
          [400, '3u'],
          [450, '$4.595,50'],
          [540, '0,00'],
          [650, '$13.786,50'],
        ],
        [
          [40, 'Cable USB Noga 1 m x12'],
          [340, '66326'],
          [400, '2u'],
          [450, '$35.830,00'],
          [540, '0,00'],
          [650, '$71.660,00'],
        ],
        [
          [40, 'IVA 21%'],
          [650, '$17.943,83'],
        ],
      ],
      'ocr',
    );
    expect(parseInvoice([p], null).data.items.map((i) => i.amount)).toEqual([1_378_650, 7_166_000]);
  });
});
