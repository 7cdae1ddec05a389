import type { Word } from './geometry.ts';
import type { OcrPage } from './ocr.ts';

/** A rectangle of page pixels, [x0, x1) × [y0, y1). */
export type Rect = { x0: number; y0: number; x1: number; y1: number };

/** Ink is darker than this (pages arrive contrast-stretched: paper near 255, letters near 0). */
export const INK = 140;
/** A cell counts as inked when this share of it is uncovered ink. */
const CELL_INK = 0.06;
/**
 * Smaller than this many squares of a word's height is a fragment (a box's rounded corner, the
 * tail of a word read short): not worth another pass of the engine.
 */
const MIN_AREA = 2.5;
/** Denser than this is a picture (a QR, a logo, a stamp), not letters. */
const PICTURE_INK = 0.42;

/** The typical height of a word on the page, from the words already read. */
export function wordHeight(words: readonly Word[], pageWidth: number): number {
  const heights = words
    .filter((w) => w.text.length > 1)
    .map((w) => w.y1 - w.y0)
    .sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)];
  return median && median >= 6 ? median : Math.max(8, Math.round(pageWidth / 85));
}

/**
 * Marks ink (1) and erases ruled lines (0): a dark run longer than `maxRun` across or down is a
 * table's rule, not a letter. One pass, row by row: each row's ink is marked, the runs down each
 * column followed on (a column ending a long run is erased back up to where it started), and
 * the row's long runs across erased as they end.
 */
function inkWithoutRules(page: OcrPage, maxRun: number): Uint8Array {
  const { gray, width, height } = page;
  const ink = new Uint8Array(width * height);
  // Where each column's current run down started, or -1.
  const top = new Int32Array(width).fill(-1);
  const endDown = (x: number, y: number): void => {
    const from = top[x] ?? -1;
    if (y - from > maxRun) for (let k = from; k < y; k++) ink[k * width + x] = 0;
    top[x] = -1;
  };
  for (let y = 0; y < height; y++) {
    const row = y * width;
    // Where the row's current run across started, or -1.
    let from = -1;
    for (let x = 0; x < width; x++) {
      if ((gray[row + x] ?? 255) < INK) {
        ink[row + x] = 1;
        if ((top[x] ?? -1) < 0) top[x] = y;
        if (from < 0) from = x;
      } else {
        if ((top[x] ?? -1) >= 0) endDown(x, y);
        if (from >= 0) {
          if (x - from > maxRun) ink.fill(0, row + from, row + x);
          from = -1;
        }
      }
    }
    if (from >= 0 && width - from > maxRun) ink.fill(0, row + from, row + width);
  }
  for (let x = 0; x < width; x++) if ((top[x] ?? -1) >= 0) endDown(x, height);
  return ink;
}

/**
 * Regions of the page with letters in them that no word covers: blocks the engine's layout
 * analysis dropped (a column of codes on a noisy photo, the amounts of a ruled table). Ruled
 * lines, specks and pictures are left out, so a page read in full gives none.
 */
export function uncoveredRegions(page: OcrPage, words: readonly Word[]): Rect[] {
  const { width, height } = page;
  const lh = wordHeight(words, width);
  const ink = inkWithoutRules(page, lh * 4);
  const pad = Math.round(lh * 0.3);
  for (const w of words) {
    const x0 = Math.max(0, w.x0 - pad);
    const x1 = Math.min(width, w.x1 + pad);
    for (let y = Math.max(0, w.y0 - pad); y < Math.min(height, w.y1 + pad); y++) {
      ink.fill(0, y * width + x0, y * width + x1);
    }
  }
  const size = Math.max(4, Math.round(lh / 2));
  const gw = Math.ceil(width / size);
  const gh = Math.ceil(height / size);
  const count = new Uint32Array(gw * gh);
  for (let y = 0; y < height; y++) {
    const row = Math.floor(y / size) * gw;
    const at = y * width;
    for (let cx = 0; cx < gw; cx++) {
      let inked = 0;
      for (let x = at + cx * size, end = at + Math.min(width, (cx + 1) * size); x < end; x++)
        inked += ink[x] ?? 0;
      count[row + cx] = (count[row + cx] ?? 0) + inked;
    }
  }
  const area = size * size;
  const on = (i: number): boolean => (count[i] ?? 0) >= area * CELL_INK;
  // Cells join across a gap of about two letters' width and one line's height, so a column of
  // lines becomes one block to read.
  const reachX = Math.max(2, Math.round((lh * 1.5) / size));
  const reachY = Math.max(2, Math.round((lh * 1.5) / size));
  const label = new Int32Array(gw * gh).fill(-1);
  const regions: Rect[] = [];
  for (let start = 0; start < gw * gh; start++) {
    if (!on(start) || (label[start] ?? 0) >= 0) continue;
    let [cx0, cy0, cx1, cy1] = [gw, gh, -1, -1];
    let cells = 0;
    let inked = 0;
    const stack = [start];
    label[start] = regions.length;
    while (stack.length) {
      const i = stack.pop() as number;
      const cx = i % gw;
      const cy = (i - cx) / gw;
      cells++;
      inked += count[i] ?? 0;
      cx0 = Math.min(cx0, cx);
      cx1 = Math.max(cx1, cx);
      cy0 = Math.min(cy0, cy);
      cy1 = Math.max(cy1, cy);
      for (let ny = Math.max(0, cy - reachY); ny <= Math.min(gh - 1, cy + reachY); ny++) {
        for (let nx = Math.max(0, cx - reachX); nx <= Math.min(gw - 1, cx + reachX); nx++) {
          const k = ny * gw + nx;
          if (on(k) && (label[k] ?? 0) < 0) {
            label[k] = regions.length;
            stack.push(k);
          }
        }
      }
    }
    const w = (cx1 - cx0 + 1) * size;
    const h = (cy1 - cy0 + 1) * size;
    const letters = cells >= 6 && w >= lh * 1.5 && h >= lh * 0.6 && w * h >= lh * lh * MIN_AREA;
    const picture = inked / (cells * area) > PICTURE_INK;
    const box = {
      x0: Math.max(0, cx0 * size - pad),
      y0: Math.max(0, cy0 * size - pad),
      x1: Math.min(width, (cx1 + 1) * size + pad),
      y1: Math.min(height, (cy1 + 1) * size + pad),
    };
    // Label every component (even ones left out) so its cells are not visited again.
    regions.push(letters && !picture ? box : { x0: 0, y0: 0, x1: 0, y1: 0 });
  }
  return regions.filter((r) => r.x1 > r.x0);
}
