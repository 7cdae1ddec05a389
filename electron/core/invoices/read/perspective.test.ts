import { describe, expect, it } from 'vitest';
import { extendOverBands, type Quad, type Rgb } from './perspective.ts';

/** A 400 × 600 photo: a dark desk, a white sheet (x 50–349, y 40–559) whose top 40 rows are a red band. */
function photo(): Rgb {
  const width = 400;
  const height = 600;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const sheet = x >= 50 && x < 350 && y >= 40 && y < 560;
      const band = sheet && y < 80;
      const [r, g, b] = band ? [180, 30, 40] : sheet ? [235, 235, 230] : [64, 66, 72];
      [data[i], data[i + 1], data[i + 2]] = [r, g, b];
    }
  }
  return { data, width, height };
}

describe('a sheet whose letterhead band touches its top edge', () => {
  it('gets the band back: the top edge moves up to the sheet’s real edge, the others stay', () => {
    // What the bright-region search finds: the white part only, under the band.
    const found: Quad = [
      { x: 50, y: 80 },
      { x: 349, y: 80 },
      { x: 349, y: 559 },
      { x: 50, y: 559 },
    ];
    const [tl, tr, br, bl] = extendOverBands(found, photo());
    expect(tl.y).toBeGreaterThanOrEqual(38);
    expect(tl.y).toBeLessThanOrEqual(42);
    expect(tr.y).toBeCloseTo(tl.y, 0);
    expect([br.y, bl.y, tl.x, br.x]).toEqual([559, 559, 50, 349]);
  });

  it('leaves a sheet alone when the table is right outside every edge', () => {
    const rgb = photo();
    const sheet: Quad = [
      { x: 50, y: 40 },
      { x: 349, y: 40 },
      { x: 349, y: 559 },
      { x: 50, y: 559 },
    ];
    expect(extendOverBands(sheet, rgb)).toEqual(sheet);
  });
});
