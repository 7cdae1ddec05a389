import { describe, expect, it } from 'vitest';
import { flattenLight, stretchContrast } from './contrast.ts';

describe('stretching the contrast', () => {
  it('maps the darkest and lightest percent to black and white, in a straight line', () => {
    // Faint print: ink at 120, paper at 200, a few pixels at every level between.
    const gray = new Uint8Array(10_000).fill(200);
    for (let i = 0; i < 2_000; i++) gray[i] = 120;
    for (let v = 121; v < 200; v++) gray[2_000 + v] = v;
    stretchContrast(gray);
    expect(gray[0]).toBe(0);
    expect(gray[9_999]).toBe(255);
    // Halfway between ink and paper lands halfway between black and white.
    expect(gray[2_000 + 160]).toBe(128);
  });

  it('leaves a blank page alone instead of magnifying its grain', () => {
    const gray = new Uint8Array(1_000);
    for (let i = 0; i < gray.length; i++) gray[i] = 240 + (i % 5);
    const before = Uint8Array.from(gray);
    stretchContrast(gray);
    expect(gray).toEqual(before);
  });
});

describe('evening out the light of a photo', () => {
  // 600 × 800: paper falling from 240 at the left to 120 at the right (a shadow), a dark band
  // (60) in rows 100–159, and «letters» (ink 40% of the paper) every 20 rows below it.
  const width = 600;
  const height = 800;
  const paperAt = (x: number): number => Math.round(240 - (120 * x) / (width - 1));
  function photo(): Uint8Array {
    const gray = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const band = y >= 100 && y < 160;
        const ink = y >= 200 && y % 20 < 6 && x % 12 < 7;
        gray[y * width + x] = band ? 60 : ink ? Math.round(paperAt(x) * 0.4) : paperAt(x);
      }
    }
    return gray;
  }

  it('brings the shaded paper up to white and keeps the letters dark on both sides', async () => {
    const gray = photo();
    await flattenLight(gray, width, height);
    const at = (x: number, y: number): number => gray[y * width + x] ?? 0;
    // Paper (row 210 is between letters) in the light and in the shadow.
    for (const x of [20, 300, 580]) expect(at(x, 210)).toBeGreaterThan(235);
    // A letter in the light and one in the shadow: as dark as each other, and dark.
    expect(at(24, 202)).toBeLessThan(120);
    expect(at(576, 202)).toBeLessThan(120);
    expect(Math.abs(at(24, 202) - at(576, 202))).toBeLessThan(25);
  });

  it('leaves a dark band dark: it is print, not shadow', async () => {
    const gray = photo();
    await flattenLight(gray, width, height);
    expect(gray[130 * width + 300]).toBeLessThan(90);
  });
});
