import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preparePage, textLineHeight } from './image.ts';

/** A gray page of `lines` lines of letter-like strokes, `size` px tall, in ink of gray `ink`. */
function page(
  ink: number,
  size: number,
  lines = 24,
): { gray: Uint8Array; width: number; height: number } {
  const width = 1300;
  const height = 1800;
  const gray = new Uint8Array(width * height).fill(235);
  for (let k = 0; k < lines; k++) {
    const top = 100 + k * 3 * size;
    for (let y = top; y < top + size; y++)
      for (let x = 100; x < 1100; x++) if (x % 7 < 2) gray[y * width + x] = ink;
  }
  return { gray, width, height };
}

describe('a page prepared for reading', () => {
  it('enlarges small type that is too faint to measure before its contrast is stretched', async () => {
    const faint = page(150, 9);
    // Nothing darker than the usual ink level: no line to measure as the page comes.
    expect(textLineHeight(faint.gray, faint.width, faint.height)).toBe(0);
    const image = sharp(faint.gray, {
      raw: { width: faint.width, height: faint.height, channels: 1 },
    });
    const prepared = await preparePage(image, 'foto.jpg', { lossy: true });
    // 9-px lines grow towards 16 px.
    expect(prepared.width).toBeGreaterThan(faint.width * 1.5);
    expect(textLineHeight(prepared.gray, prepared.width, prepared.height)).toBeGreaterThanOrEqual(
      14,
    );
  });

  it('leaves type alone that is big enough, faint or not', async () => {
    const big = page(150, 18, 16);
    const image = sharp(big.gray, { raw: { width: big.width, height: big.height, channels: 1 } });
    const prepared = await preparePage(image, 'foto.jpg', { lossy: true });
    expect(prepared.width).toBe(big.width);
  });
});
