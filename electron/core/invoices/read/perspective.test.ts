import { describe, expect, it } from 'vitest';
import { extendOverBands, findSheet, type Quad, type Rgb } from './perspective.ts';

/** A 400 × 600 photo: a dark desk, a white sheet (x 50–349, y 40–559) whose top 40 rows are a coloured band. */
function photo(
  band: [number, number, number] = [180, 30, 40],
  desk: [number, number, number] = [64, 66, 72],
): Rgb {
  const width = 400;
  const height = 600;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const sheet = x >= 50 && x < 350 && y >= 40 && y < 560;
      const [r, g, b] = sheet && y < 80 ? band : sheet ? [235, 235, 230] : desk;
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

  it('comes back whole out of the page clean-up, which sees the photo in colour', async () => {
    const sharp = (await import('sharp')).default;
    const { preparePage } = await import('./image.ts');
    // A green band as dark as the desk: in gray the two are one.
    const { data, width, height } = photo([30, 95, 50], [70, 70, 70]);
    const png = await sharp(data, { raw: { width, height, channels: 3 } })
      .resize({ width: width * 3 })
      .png()
      .toBuffer();
    const page = await preparePage(sharp(png), 'foto.png', { lossy: true });
    // The sheet is 300 × 520 with its band (1.73), 300 × 480 without it (1.6); more is the desk.
    expect(page.height / page.width).toBeGreaterThan(1.7);
    expect(page.height / page.width).toBeLessThan(1.77);
    // The band is left dark on a photo, and handed on to be read again inverted.
    const bandEnd = Math.round((page.height * 40) / 520);
    expect(
      page.gray[Math.round(bandEnd / 2) * page.width + Math.round(page.width / 2)],
    ).toBeLessThan(100);
    expect(page.bands).toHaveLength(1);
    expect(page.bands?.[0]?.y0).toBeLessThan(bandEnd * 0.2);
    expect(Math.abs((page.bands?.[0]?.y1 ?? 0) - bandEnd)).toBeLessThan(bandEnd * 0.25);
  });
});

describe('the sheet in a photo lit from one side', () => {
  /** A 400 × 560 gray photo: a desk of `desk`, a sheet (x 40–359, y 30–529) dimming to the right. */
  function dimmed(desk: number): Uint8Array {
    const [width, height] = [400, 560];
    const gray = new Uint8Array(width * height).fill(desk);
    for (let y = 30; y < 530; y++) {
      for (let x = 40; x < 360; x++) gray[y * width + x] = x < 300 ? 225 : 155;
    }
    return gray;
  }

  it('takes in the dim side of the sheet, up to its real edge', () => {
    const quad = findSheet(dimmed(95), 400, 560);
    expect(quad?.map((p) => [p.x, p.y])).toEqual([
      [40, 30],
      [359, 30],
      [359, 529],
      [40, 529],
    ]);
  });

  it('takes in the dim side but leaves out a desk lit nearly as bright', () => {
    // A desk lit to 150, a sheet dimming to 155 only: the level stays above the desk.
    const quad = findSheet(dimmed(150), 400, 560);
    expect(quad?.[0]).toEqual({ x: 40, y: 30 });
    expect(quad?.[2]).toEqual({ x: 359, y: 529 });
  });
});
