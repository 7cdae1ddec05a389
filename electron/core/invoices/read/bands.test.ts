import { describe, expect, it } from 'vitest';
import { pgmBand, pgmRect } from './ocr.ts';

describe('bands of a page for the OCR engine', () => {
  it('are binary PGMs of exactly the rows asked for', () => {
    const width = 3;
    const gray = Uint8Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32]);
    const band = pgmBand({ gray, width, height: 4 }, 1, 2);
    const header = 'P5\n3 2\n255\n';
    expect(band.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...band.subarray(header.length)]).toEqual([10, 11, 12, 20, 21, 22]);
  });

  it('cut a block out of the page, row by row', () => {
    const width = 3;
    const gray = Uint8Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32]);
    const block = pgmRect({ gray, width, height: 4 }, { x0: 1, y0: 1, x1: 3, y1: 3 });
    const header = 'P5\n2 2\n255\n';
    expect(block.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...block.subarray(header.length)]).toEqual([11, 12, 21, 22]);
  });
});
