import { describe, expect, it } from 'vitest';
import { darkBand } from './dark-band.ts';

/** A 100 × 60 neighbourhood map: white paper, a dark band in rows 10–49 from column 10 to 89. */
function page(): Uint8Array {
  const w = 100;
  const mean = new Uint8Array(w * 60).fill(250);
  for (let y = 10; y < 50; y++) for (let x = 10; x < 90; x++) mean[y * w + x] = 60;
  return mean;
}

const at = (band: Uint8Array, x: number, y: number) => band[y * 100 + x];

describe('dark bands to invert', () => {
  it('takes in the light middle of a big letter but leaves a white box and the paper', () => {
    const mean = page();
    // The middle of a bold capital: a light island of 3 × 4.
    for (let y = 20; y < 24; y++) for (let x = 20; x < 23; x++) mean[y * 100 + x] = 200;
    // The white box holding the invoice letter: 30 × 20, far above a thousandth of the page.
    for (let y = 15; y < 35; y++) for (let x = 50; x < 80; x++) mean[y * 100 + x] = 245;
    const band = darkBand(mean, 100, 60);
    expect(at(band, 15, 30)).toBe(1);
    expect(at(band, 21, 21)).toBe(1);
    expect(at(band, 60, 25)).toBe(0);
    expect(at(band, 5, 5)).toBe(0);
    expect(at(band, 95, 55)).toBe(0);
  });

  it('never takes in light that reaches the edge of the page', () => {
    const mean = page();
    // A light notch from the band out to the top edge.
    for (let y = 0; y < 20; y++) mean[y * 100 + 40] = 240;
    const band = darkBand(mean, 100, 60);
    expect(at(band, 40, 15)).toBe(0);
  });

  it('takes in a line of big light letters, wide and mixed, but not a white box of the same size', () => {
    const mean = page();
    // Big letters across the band: light and dark mixed (about 150), 60 × 8.
    for (let y = 14; y < 22; y++) for (let x = 15; x < 75; x++) mean[y * 100 + x] = 150;
    // A white box as large, but square-ish and light all over.
    for (let y = 26; y < 46; y++) for (let x = 20; x < 44; x++) mean[y * 100 + x] = 250;
    const band = darkBand(mean, 100, 60);
    expect(at(band, 40, 18)).toBe(1);
    expect(at(band, 30, 35)).toBe(0);
  });
});

describe('a page with a mid-dark header band', () => {
  it('comes out with the band white and its light letters dark', async () => {
    const sharp = (await import('sharp')).default;
    const { preparePage } = await import('./image.ts');
    // 1400 × 1000 white page; rows 100–299 a green-gray band (89) with white «letters»
    // (8 × 20 blocks, 6 px apart) on three lines; three lines of black text below, on paper.
    const w = 1400;
    const h = 1000;
    const px = new Uint8Array(w * h).fill(255);
    for (let y = 100; y < 300; y++) px.fill(89, y * w, (y + 1) * w);
    for (const top of [140, 190, 240]) {
      for (let x = 100; x < 900; x += 14) {
        for (let y = top; y < top + 20; y++) px.fill(255, y * w + x, y * w + x + 8);
      }
    }
    for (let top = 400; top < 560; top += 60) {
      for (let x = 100; x < 1300; x += 14) {
        for (let y = top; y < top + 14; y++) px.fill(0, y * w + x, y * w + x + 8);
      }
    }
    const png = await sharp(px, { raw: { width: w, height: h, channels: 1 } })
      .png()
      .toBuffer();
    const page = await preparePage(sharp(png), 'banda.png');
    const k = page.width / w;
    const at = (x: number, y: number) =>
      page.gray[Math.round(y * k) * page.width + Math.round(x * k)] ?? -1;
    // The band's background (between the letters' lines) is now paper-white…
    expect(at(600, 120)).toBeGreaterThan(230);
    // …and a letter that was white is now dark.
    expect(at(104, 150)).toBeLessThan(60);
    // The paper and its black text are left as they were.
    expect(at(600, 950)).toBeGreaterThan(230);
    expect(at(104, 405)).toBeLessThan(60);
  });
});

describe('a photo’s letterhead band, to read again inverted', () => {
  it('is the run of rows dark nearly across the page; a table’s heading row is too thin', async () => {
    const { darkBandRects } = await import('./dark-band.ts');
    // 1200 × 1600 white page: a letterhead band (rows 0–159), a heading row (rows 500–523),
    // and some black «text» below.
    const w = 1200;
    const h = 1600;
    const gray = new Uint8Array(w * h).fill(250);
    for (let y = 0; y < 160; y++) gray.fill(50, y * w, (y + 1) * w);
    for (let y = 500; y < 524; y++) gray.fill(50, y * w + 40, y * w + 1160);
    for (let y = 600; y < 1200; y += 30) gray.fill(0, y * w + 100, y * w + 700);
    const rects = await darkBandRects(gray, w, h);
    expect(rects).toHaveLength(1);
    const [band] = rects;
    expect(band?.x0).toBe(0);
    expect(band?.x1).toBe(w);
    expect(band?.y0).toBe(0);
    expect(band?.y1).toBeGreaterThanOrEqual(150);
    expect(band?.y1).toBeLessThan(200);
  });
});
