import sharp from 'sharp';
import { commonest, grayAtRank, histogram, levelAt, levelsTable } from './contrast.ts';
import type { Rect } from './coverage.ts';

/** Below this neighbourhood gray a band is dark enough to hold light letters. */
const DARK = 110;

/** The page's dark bands as a map of quarter-size cells (1: band), or null when it has none. */
type BandMap = { band: Uint8Array; lw: number; lh: number };

/**
 * Where the neighbourhood (a blurred quarter-size copy) is dark, on white paper. Null on a page
 * whose paper is not white (a photo's shading would pass for bands) or that has no dark patch.
 */
async function bandMap(gray: Uint8Array, width: number, height: number): Promise<BandMap | null> {
  const local = await sharp(gray, { raw: { width, height, channels: 1 } })
    .resize({ width: Math.max(1, Math.round(width / 4)), kernel: 'linear' })
    .blur(3)
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const lw = local.info.width;
  const lh = local.info.height;
  if (grayAtRank(histogram(local.data), Math.floor(local.data.length / 2)) < 235) return null;
  // Where most pixels are dark, not where the average is: light letters on a mid-dark band (a
  // green header) lift its average above any fixed level, though most of it is still dark.
  const share = await sharp(gray, { raw: { width, height, channels: 1 } })
    .threshold(128)
    .resize({ width: lw, height: lh, fit: 'fill', kernel: 'linear' })
    .blur(3)
    .extractChannel(0)
    .raw()
    .toBuffer();
  // Either test marks a band: the average catches a thin dark heading row, the share a wide
  // mid-dark band full of light letters.
  const dark = new Uint8Array(share.length);
  for (let i = 0; i < dark.length; i++) dark[i] = Math.min(share[i] ?? 255, local.data[i] ?? 255);
  const darkest =
    dark.length > 0 ? grayAtRank(histogram(dark), Math.floor(dark.length * 0.01)) : 255;
  if (darkest >= DARK) return null;
  return { band: darkBand(dark, lw, lh), lw, lh };
}

/**
 * Light letters on a dark band (a coloured header, a table heading) turned dark on light, in
 * place: Tesseract reads dark text on a light page and skips inverted text. Where the
 * neighbourhood (a blurred quarter-size copy) is dark, the pixel is inverted. Only on white
 * paper (a scan, a PDF): on a photo's gray, shaded paper the dark patches are shadows.
 */
export async function invertDarkBands(gray: Buffer, width: number, height: number): Promise<void> {
  const map = await bandMap(gray, width, height);
  if (!map) return;
  const { band, lw, lh } = map;
  // Each pixel's cell of the band map, worked out once per row and per column.
  const colOf = Int32Array.from({ length: width }, (_, x) =>
    Math.min(lw - 1, Math.floor((x * lw) / width)),
  );
  const rowOf = Int32Array.from(
    { length: height },
    (_, y) => Math.min(lh - 1, Math.floor((y * lh) / height)) * lw,
  );
  // Inverted, a green band is a gray one, and the engine skips a big gray area as a picture:
  // its background (the most common level, mostly not letters) is brought up to white.
  const hist = new Uint32Array(256);
  for (let y = 0; y < height; y++) {
    const row = rowOf[y] ?? 0;
    for (let x = 0; x < width; x++) {
      if (band[row + (colOf[x] ?? 0)] === 1) {
        const v = 255 - (gray[y * width + x] ?? 0);
        hist[v] = (hist[v] ?? 0) + 1;
      }
    }
  }
  const background = commonest(hist);
  const lift = 255 / Math.max(64, background);
  const lifted = Uint8Array.from({ length: 256 }, (_, v) =>
    Math.min(255, Math.round((255 - v) * lift)),
  );
  for (let y = 0; y < height; y++) {
    const row = rowOf[y] ?? 0;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (band[row + (colOf[x] ?? 0)] === 1) gray[i] = lifted[gray[i] ?? 0] ?? 255;
    }
  }
}

/**
 * Where the neighbourhood is dark, plus the small light islands inside it: the middle of a big
 * bold letter is light for a whole neighbourhood, and inverting only around it left hollow
 * outlines Tesseract misread. Large islands (a white box with the invoice letter, a logo's
 * circle) are paper and stay as they are.
 */
export function darkBand(mean: Uint8Array | Buffer, w: number, h: number): Uint8Array {
  const band = new Uint8Array(w * h);
  for (let i = 0; i < band.length; i++) band[i] = (mean[i] ?? 255) < DARK ? 1 : 0;
  const maxHole = Math.max(16, Math.round(w * h * 0.001));
  const seen = new Uint8Array(w * h);
  // Each cell is pushed once at most: stacks as long as the map never overflow.
  const stack = new Int32Array(w * h);
  const island = new Int32Array(w * h);
  let top = 0;
  const visit = (n: number): void => {
    if (seen[n] === 1 || band[n] === 1) return;
    seen[n] = 1;
    stack[top++] = n;
  };
  for (let start = 0; start < band.length; start++) {
    if (band[start] === 1 || seen[start] === 1) continue;
    let touchesEdge = false;
    let size = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top] ?? 0;
      island[size++] = i;
      const x = i % w;
      const y = (i - x) / w;
      if (x === 0 || y === 0 || x === w - 1 || y === h - 1) touchesEdge = true;
      if (x > 0) visit(i - 1);
      if (x < w - 1) visit(i + 1);
      if (y > 0) visit(i - w);
      if (y < h - 1) visit(i + w);
    }
    // Paper round the page's edge stays paper.
    if (touchesEdge) continue;
    // A big island is paper (a white box, a logo's circle) unless it is a line of big letters:
    // light and dark mixed, and much wider than tall.
    let light = 0;
    let [x0, x1, y0, y1] = [w, 0, h, 0];
    for (let k = 0; k < size; k++) {
      const i = island[k] ?? 0;
      light += mean[i] ?? 255;
      const x = i % w;
      const y = (i - x) / w;
      [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
    }
    const mixed = light / size < 200 && x1 - x0 + 1 >= 2.5 * (y1 - y0 + 1);
    if (size <= maxHole || mixed) for (let k = 0; k < size; k++) band[island[k] ?? 0] = 1;
  }
  return band;
}

/** A band this much of the page tall and wide or more is a letterhead, not a table's heading. */
const TALL = 0.03;
const WIDE = 0.6;

/**
 * The page's tall dark bands (a coloured letterhead with the issuer's name, CUIT and IVA
 * condition in light letters) as rectangles of the page, biggest first: runs of rows mostly
 * dark across. For a photo, whose bands are read again inverted rather than inverted in place.
 */
export async function darkBandRects(
  gray: Uint8Array,
  width: number,
  height: number,
): Promise<Rect[]> {
  const map = await bandMap(gray, width, height);
  if (!map) return [];
  const { band, lw, lh } = map;
  const rects: Rect[] = [];
  let top = -1;
  for (let y = 0; y <= lh; y++) {
    let dark = 0;
    for (let x = 0; y < lh && x < lw; x++) dark += band[y * lw + x] === 1 ? 1 : 0;
    if (y < lh && dark >= lw * WIDE) {
      if (top < 0) top = y;
      continue;
    }
    if (top >= 0 && y - top >= lh * TALL) {
      rects.push({
        x0: 0,
        y0: Math.floor((top * height) / lh),
        x1: width,
        y1: Math.min(height, Math.ceil((y * height) / lh)),
      });
    }
    top = -1;
  }
  return rects.sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0));
}

/**
 * A band of the page with its grays turned over, light letters on a dark band made dark on
 * light, and stretched: the band's own colour (the commonest gray once turned over) becomes
 * white and its darkest percent black. Else light letters on a mid-dark band come out mid-gray,
 * and the engine skips them.
 */
export function turnedOver(page: { gray: Uint8Array; width: number }, r: Rect): Uint8Array {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  const out = new Uint8Array(w * h);
  const hist = new Uint32Array(256);
  for (let y = 0; y < h; y++) {
    const from = (r.y0 + y) * page.width + r.x0;
    for (let x = 0; x < w; x++) {
      const v = 255 - (page.gray[from + x] ?? 255);
      out[y * w + x] = v;
      hist[v] = (hist[v] ?? 0) + 1;
    }
  }
  const paper = commonest(hist);
  // (Not below half the range under the paper: a logo's disc or the letter's box, solid once
  // turned over, would hold the letters' gray where it is.)
  const ink = Math.max(Math.min(levelAt(hist, out.length, 0.01), paper), paper - 128);
  const lut = levelsTable(ink, ink + Math.max(16, paper - ink));
  for (let i = 0; i < out.length; i++) out[i] = lut[out[i] ?? 0] ?? 0;
  return out;
}
