import { describe, expect, it } from 'vitest';
import type { Word } from '../read/geometry.ts';
import { pageLines } from './lines.ts';

const word = (text: string, x0: number, y0: number): Word => ({
  text,
  x0,
  y0,
  x1: x0 + text.length * 10,
  y1: y0 + 20,
  conf: 0.9,
});

const texts = (words: Word[]) =>
  pageLines({ page: 0, width: 1000, height: 400, source: 'ocr', words }, 0).map((l) => l.text);

describe('lines of a scanned page', () => {
  it('puts a word back on the line of its neighbours when a word further right pulled it into the line above', () => {
    // «IVA» sits 3 px above «Responsable Inscripto»; «Fecha:», far right, 9 px above «IVA».
    const words = [
      word('CUIT', 40, 40),
      word('30-70535026-0', 90, 40),
      word('Fecha:', 700, 86),
      word('21/01/2026', 770, 86),
      word('IVA', 40, 95),
      word('Responsable', 80, 98),
      word('Inscripto', 200, 98),
    ];
    expect(texts(words)).toEqual([
      'CUIT 30-70535026-0',
      'Fecha: 21/01/2026',
      'IVA Responsable Inscripto',
    ]);
  });

  it('leaves specks and figures where they were grouped', () => {
    const words = [
      word('Fecha:', 700, 86),
      word('21/01/2026', 770, 86),
      word('7', 40, 95),
      word('Congelados', 60, 98),
      word('Patagonia', 170, 98),
    ];
    expect(texts(words)).toEqual(['7 Fecha: 21/01/2026', 'Congelados Patagonia']);
  });
});
