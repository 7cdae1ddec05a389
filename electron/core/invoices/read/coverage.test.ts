import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { uncoveredRegions, wordHeight } from './coverage.ts';
import type { Word } from './geometry.ts';

const W = 1000;
const H = 700;

/** A white page with a column of codes, a column of descriptions, a ruled line and a QR-like square. */
async function pageWithColumns() {
  const rows = Array.from({ length: 8 }, (_, i) => 120 + i * 40);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">
    <rect width="100%" height="100%" fill="white"/>
    ${rows.map((y, i) => `<text x="60" y="${y}" font-family="sans-serif" font-size="22">4${i}5${i}1</text>`).join('')}
    ${rows.map((y) => `<text x="260" y="${y}" font-family="sans-serif" font-size="22">Galletitas Bagley Vainilla</text>`).join('')}
    <rect x="40" y="450" width="900" height="3" fill="black"/>
    <rect x="700" y="500" width="150" height="150" fill="black"/>
    ${[0, 1, 2, 3, 4].map((k) => `<rect x="${710 + k * 28}" y="${510 + k * 28}" width="14" height="14" fill="white"/>`).join('')}
  </svg>`;
  const { data } = await sharp(Buffer.from(svg))
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const gray = new Uint8Array(data.buffer, data.byteOffset, W * H);
  // The engine "read" the descriptions only: one word box per row.
  const words: Word[] = rows.map((y) => ({
    text: 'Galletitas',
    x0: 258,
    y0: y - 18,
    x1: 560,
    y1: y + 5,
    conf: 0.9,
  }));
  return { page: { gray, width: W, height: H }, words, rows };
}

describe('ink no word covers', () => {
  it('finds the column of codes the engine dropped, as one block', async () => {
    const { page, words, rows } = await pageWithColumns();
    const regions = uncoveredRegions(page, words);
    expect(regions).toHaveLength(1);
    const [r] = regions;
    expect(r?.x0).toBeLessThanOrEqual(60);
    expect(r?.x1).toBeGreaterThan(120);
    expect(r?.x1).toBeLessThan(258);
    expect(r?.y0).toBeLessThanOrEqual((rows[0] ?? 0) - 16);
    expect(r?.y1).toBeGreaterThanOrEqual(rows[rows.length - 1] ?? 0);
  });

  it('finds nothing once every line is covered: rules and pictures are not letters', async () => {
    const { page, words, rows } = await pageWithColumns();
    const codes: Word[] = rows.map((y) => ({
      text: '40501',
      x0: 58,
      y0: y - 18,
      x1: 140,
      y1: y + 5,
      conf: 0.9,
    }));
    expect(uncoveredRegions(page, [...words, ...codes])).toEqual([]);
  });

  it('takes the type size from the words read, or from the page width when there are none', () => {
    const word = (h: number): Word => ({ text: 'ab', x0: 0, y0: 0, x1: 10, y1: h, conf: 1 });
    expect(wordHeight([word(20), word(22), word(40)], 1700)).toBe(22);
    expect(wordHeight([], 1700)).toBe(20);
  });
});
