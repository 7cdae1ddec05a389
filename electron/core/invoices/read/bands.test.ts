import { describe, expect, it } from 'vitest';
import { bandCuts, pgmBand, pgmRect, shareOut, wordsOfTsv } from './ocr.ts';

describe('bands of a page for the OCR engine', () => {
  it('are binary PGMs of exactly the rows asked for', () => {
    const width = 3;
    const gray = Uint8Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32]);
    const band = pgmBand({ gray, width, height: 4 }, 1, 2);
    const header = 'P5\n3 2\n255\n';
    expect(band.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...band.subarray(header.length)]).toEqual([10, 11, 12, 20, 21, 22]);
  });

  it('share blocks out so that the engines finish together, not in turns', () => {
    // In turns the first engine gets 90 + 50 + 10 and the second 60 + 40.
    const shares = shareOut([90, 60, 50, 40, 10], 2, (n) => n);
    expect(shares).toEqual([
      [90, 40],
      [60, 50, 10],
    ]);
    expect(shareOut([5], 3, (n) => n)).toEqual([[5], [], []]);
  });

  it("read the engine's TSV: words only, moved by the block's offset, confidence in whole percents", () => {
    const tsv = [
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
      '1\t1\t0\t0\t0\t0\t0\t0\t800\t300\t-1\t',
      '4\t1\t1\t1\t1\t0\t10\t20\t300\t30\t-1\t',
      '5\t1\t1\t1\t1\t1\t10\t20\t120\t30\t96.781\tFACTURA',
      '5\t1\t1\t1\t1\t2\t140\t22\t60\t28\t49.9\tN°',
      '5\t1\t1\t1\t1\t3\t210\t22\t10\t28\t95\t ',
      '',
    ].join('\n');
    expect(wordsOfTsv(tsv, 100, 5)).toEqual([
      { text: 'FACTURA', x0: 15, y0: 120, x1: 135, y1: 150, conf: 0.96 },
      { text: 'N°', x0: 145, y0: 122, x1: 205, y1: 150, conf: 0.49 },
    ]);
    expect(wordsOfTsv(null, 0)).toEqual([]);
  });

  it('cut a block out of the page, row by row', () => {
    const width = 3;
    const gray = Uint8Array.from([0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32]);
    const block = pgmRect({ gray, width, height: 4 }, { x0: 1, y0: 1, x1: 3, y1: 3 });
    const header = 'P5\n2 2\n255\n';
    expect(block.subarray(0, header.length).toString('ascii')).toBe(header);
    expect([...block.subarray(header.length)]).toEqual([11, 12, 21, 22]);
  });

  describe('where a page is cut for two engines', () => {
    const width = 1200;
    const height = 1600;
    const blankPage = (): Uint8Array => new Uint8Array(width * height).fill(255);
    /** A line of `letters` letter-like strokes, `size` px high, from row `top`. */
    function line(gray: Uint8Array, top: number, size: number, letters: number): void {
      const pitch = Math.round(size * 0.7);
      for (let k = 0; k < letters; k++) {
        const x0 = 100 + k * pitch;
        for (let y = top; y < top + size; y++)
          for (let x = x0; x < x0 + Math.round(pitch / 3) && x < width - 100; x++)
            gray[y * width + x] = 0;
      }
    }
    /** Rows crossed by ink anywhere but the outer 3 % of the width. */
    function inkedRow(gray: Uint8Array, y: number): boolean {
      for (let x = 40; x < width - 40; x++) if ((gray[y * width + x] ?? 255) < 140) return true;
      return false;
    }

    it('cuts where half the lines are above, not half the ink: a big title weighs one line', () => {
      const gray = blankPage();
      // A title in 120-px type: a third of the page's ink, but one line for the engine.
      line(gray, 40, 120, 14);
      for (let k = 0; k < 20; k++) line(gray, 260 + k * 60, 20, 40);
      const [cut, ...more] = bandCuts(gray, width, height, 2);
      expect(more).toEqual([]);
      expect(cut).toBeDefined();
      expect(inkedRow(gray, cut ?? 0)).toBe(false);
      // Ten of the twenty small lines lie on each side (the title counts like one of them).
      const below = Array.from({ length: 20 }, (_, k) => 260 + k * 60).filter(
        (t) => t > (cut ?? 0),
      );
      expect(below.length).toBeGreaterThanOrEqual(9);
      expect(below.length).toBeLessThanOrEqual(11);
    });

    it('still cuts a photo whose sheet kept a strip of dark desk down one side', () => {
      const gray = blankPage();
      for (let k = 0; k < 20; k++) line(gray, 100 + k * 70, 24, 40);
      for (let y = 0; y < height; y++) for (let x = 0; x < 20; x++) gray[y * width + x] = 30;
      const cuts = bandCuts(gray, width, height, 2);
      expect(cuts).toHaveLength(1);
      expect(Math.abs((cuts[0] ?? 0) - 800)).toBeLessThan(100);
    });

    it('never cuts through a line of text', () => {
      const gray = blankPage();
      // One tall block of 20-px lines with no blank row between them: no cut at all. Each
      // line's strokes sit a little right of the line above's, as letters do.
      for (let y = 200; y < 1400; y++) {
        const shift = Math.floor(y / 20) % 2 === 0 ? 0 : 4;
        for (let x = 100 + shift; x < 1100; x += 9) gray[y * width + x] = 0;
      }
      expect(bandCuts(gray, width, height, 2)).toEqual([]);
    });

    it('cuts between the rows of a ruled table that fills most of the page', () => {
      const gray = blankPage();
      // A heading line, then a table from row 200 to 1500: column rules down its whole height
      // and twenty rows of text. Its rules leave no row of the table blank.
      line(gray, 60, 24, 40);
      for (const x of [60, 300, 700, 900, 1140])
        for (let y = 200; y < 1500; y++) gray[y * width + x] = gray[y * width + x + 1] = 0;
      const rows = Array.from({ length: 20 }, (_, k) => 220 + k * 64);
      for (const top of rows) line(gray, top, 24, 40);
      const [cut, ...more] = bandCuts(gray, width, height, 2);
      expect(more).toEqual([]);
      expect(cut).toBeDefined();
      // Between two of its rows, near the middle of the work (not above or below the table).
      expect(rows.some((top) => (cut ?? 0) >= top && (cut ?? 0) < top + 24)).toBe(false);
      const above = rows.filter((top) => top < (cut ?? 0)).length;
      expect(above).toBeGreaterThanOrEqual(8);
      expect(above).toBeLessThanOrEqual(11);
    });
  });
});
