import sharp, { type Sharp, type OutputInfo } from 'sharp';
import { MAX_PIXELS, MAX_PAGES, readError, type FileKind } from './detect.ts';
import { extendOverBands, findSheet, unwarp, type Quad, type Rgb } from './perspective.ts';
import { flattenLight, stretchContrast } from './contrast.ts';
import { darkBandRects, invertDarkBands } from './dark-band.ts';
import type { Rect } from './coverage.ts';

/** A page ready for reading: gray pixels, one byte each, for OCR, the QR and the review's PNG. */
export type PreparedPage = {
  gray: Uint8Array;
  width: number;
  height: number;
  /** Degrees the page was turned to straighten its lines. */
  deskew: number;
  /** The page as decoded, before any clean-up: the QR decodes best from it. */
  original: { gray: Uint8Array; width: number; height: number };
  /** A photo's tall dark bands, left as they are, to be read again inverted. */
  bands?: Rect[];
};

/** Below this width a scan is enlarged (Tesseract wants letters ~20 px high). */
const MIN_WIDTH = 1200;
const TARGET_SMALL = 1600;
const MAX_WIDTH = Number(process.env.CAJA_OCR_MAX_WIDTH) || 2200;

function decodeError(fileName: string, err: unknown): Error {
  const text = String((err as Error).message ?? err);
  if (/pixel limit/i.test(text)) {
    return readError(
      `La imagen «${fileName}» tiene demasiados píxeles (más de ${MAX_PIXELS / 1_000_000} millones): ` +
        'sacá la foto con menos resolución.',
    );
  }
  return readError(`La imagen «${fileName}» está dañada o no se puede leer.`);
}

/** The pages of an image file (TIFFs can hold several), each as its own decoder. */
export async function imagePages(
  bytes: Uint8Array,
  kind: FileKind,
  fileName: string,
): Promise<Sharp[]> {
  const options = { limitInputPixels: MAX_PIXELS, failOn: 'error' as const };
  let pages = 1;
  try {
    const meta = await sharp(bytes, options).metadata();
    if (!meta.width || !meta.height) throw new Error('sin tamaño');
    if (meta.width * meta.height > MAX_PIXELS) throw new Error('pixel limit');
    if (kind === 'tiff') pages = meta.pages ?? 1;
  } catch (err) {
    throw decodeError(fileName, err);
  }
  if (pages > MAX_PAGES) {
    throw readError(
      `El archivo «${fileName}» tiene ${pages} páginas y una factura tiene como máximo ${MAX_PAGES}.`,
    );
  }
  return Array.from({ length: pages }, (_, page) => sharp(bytes, { ...options, page }));
}

/**
 * Straightens, enlarges or reduces, grays and stretches the contrast of a page. Width lands in
 * [MIN_WIDTH, MAX_WIDTH] so letters are big enough for OCR without wasting time on pixels.
 */
export async function preparePage(
  image: Sharp,
  fileName: string,
  opts: { lossy?: boolean } = {},
): Promise<PreparedPage> {
  // Taken before the gray pipeline is set on `image`: a clone carries its operations.
  const colour = image.clone();
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await image
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('b-w')
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw decodeError(fileName, err);
  }
  let { width, height } = base.info;
  let pixels = new Uint8Array(base.data.buffer, base.data.byteOffset, base.data.length);
  const original = { gray: pixels, width, height };
  // A photo of the sheet on a table: map the sheet's corners back to a rectangle first.
  const small = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize({ width: 400 })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const found = findSheet(small.data, small.info.width, small.info.height);
  const sheet = found ? extendOverBands(found, await colourCopy(colour, small.info)) : null;
  if (sheet) {
    const k = width / small.info.width;
    const quad = sheet.map((p) => ({ x: p.x * k, y: p.y * k })) as Quad;
    const flat = unwarp(pixels, width, height, quad);
    [pixels, width, height] = [flat.gray, flat.width, flat.height];
  }
  const angle = skewAngle(pixels, width, height);
  if (Math.abs(angle) >= 0.3) {
    const turned = await sharp(pixels, { raw: { width, height, channels: 1 } })
      .rotate(-angle, { background: '#ffffff' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    [pixels, width, height] = [
      new Uint8Array(turned.data.buffer, turned.data.byteOffset, turned.data.length),
      turned.info.width,
      turned.info.height,
    ];
  }
  // A photo's shadows and falloff, evened out before anything measures the page.
  if (sheet) await flattenLight(pixels, width, height);
  // Small type on a lossy or photographed page (JPEG blocks and blur eat thin strokes) is
  // enlarged until its lines are about as tall as Tesseract reads best; a lossless page only
  // when its type is tiny. Big pages are reduced.
  // (Faint type on a photo, read before the contrast is stretched, may show no line at all.)
  const lineHeight =
    textLineHeight(pixels, width, height) || textLineHeight(stretched(pixels), width, height);
  const smallLine = opts.lossy || sheet ? SMALL_LINE : TINY_LINE;
  const grow =
    lineHeight > 0 && lineHeight < smallLine ? Math.min(MAX_GROW, GOOD_LINE / lineHeight) : 1;
  const targetWidth =
    grow > 1.15
      ? Math.round(width * grow)
      : width < MIN_WIDTH
        ? TARGET_SMALL
        : width > MAX_WIDTH
          ? MAX_WIDTH
          : width;
  const out = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .resize({ width: targetWidth, kernel: 'lanczos3' })
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  stretchContrast(out.data);
  // Not on a photo, even one whose light was evened out: blur leaves a dark rim round an
  // inverted band that the engine reads as rules, merging a table heading's cells.
  if (!sheet) await invertDarkBands(out.data, out.info.width, out.info.height);
  const bands = sheet ? await darkBandRects(out.data, out.info.width, out.info.height) : [];
  return {
    ...(bands.length > 0 ? { bands } : {}),
    gray: new Uint8Array(out.data.buffer, out.data.byteOffset, out.data.length),
    width: out.info.width,
    height: out.info.height,
    deskew: Math.abs(angle) >= 0.3 ? angle : 0,
    original,
  };
}

/** The photo in colour at the size of its small gray copy, to tell a coloured band from the table. */
async function colourCopy(image: Sharp, size: { width: number; height: number }): Promise<Rgb> {
  const { data } = await image
    .clone()
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: size.width, height: size.height, fit: 'fill' })
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), ...size };
}

/** A copy of some grays with their contrast stretched. */
function stretched(gray: Uint8Array): Uint8Array {
  const copy = Uint8Array.from(gray);
  stretchContrast(copy);
  return copy;
}

/** The page as the PNG kept for the review screen. */
export function pagePng(page: {
  gray: Uint8Array;
  width: number;
  height: number;
}): Promise<Buffer> {
  return sharp(page.gray, { raw: { width: page.width, height: page.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Text lines shorter than this (in pixels, ascenders to descenders) are read enlarged. */
const SMALL_LINE = 13;
const TINY_LINE = 10;
/**
 * The line height small type is enlarged to. The engine scales each line to its own height
 * anyway: past this a bigger page only costs time (16 and 20 read as well, 16 in a tenth less).
 */
const GOOD_LINE = 16;
const MAX_GROW = 2;

/**
 * The typical height of a line of text: the median run of inked rows between blank ones.
 * 0 when the page has too few lines to tell.
 */
export function textLineHeight(gray: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.floor(width / 500));
  const runs: number[] = [];
  let run = 0;
  for (let y = 0; y < height; y++) {
    let ink = 0;
    for (let x = 0; x < width; x += step) if ((gray[y * width + x] ?? 255) < 128) ink++;
    const inked = ink >= 2 && ink < (width / step) * 0.6;
    if (inked) run++;
    else {
      if (run >= 4) runs.push(run);
      run = 0;
    }
  }
  if (runs.length < 8) return 0;
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)] ?? 0;
}

/**
 * The tilt of the text lines in degrees (positive: lines fall to the right), by projection
 * profiles: rows of a straight page alternate between ink and paper, so the angle whose
 * projected row histogram is the most uneven is the one that lines the text up.
 */
export function skewAngle(gray: Uint8Array, width: number, height: number): number {
  const step = Math.max(1, Math.round(width / 700));
  const xs: number[] = [];
  const ys: number[] = [];
  let sum = 0;
  let count = 0;
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const v = gray[y * width + x] ?? 255;
      sum += v;
      count++;
    }
  }
  const threshold = Math.min(160, (sum / Math.max(1, count)) * 0.7);
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if ((gray[y * width + x] ?? 255) < threshold) {
        xs.push(x / step);
        ys.push(y / step);
      }
    }
  }
  if (xs.length < 200) return 0;
  // Enough ink to find the angle; more only costs time (a dark band can be most of a page).
  const keep = Math.ceil(xs.length / 25_000);
  if (keep > 1) {
    let j = 0;
    for (let i = 0; i < xs.length; i += keep, j++) {
      xs[j] = xs[i] ?? 0;
      ys[j] = ys[i] ?? 0;
    }
    xs.length = j;
    ys.length = j;
  }
  const rows = Math.ceil(height / step) + Math.ceil(width / step) + 2;
  const score = (deg: number): number => {
    const a = (deg * Math.PI) / 180;
    const sin = Math.sin(a);
    const cos = Math.cos(a);
    const bins = new Float64Array(rows * 2);
    for (let i = 0; i < xs.length; i++) {
      const r = Math.round((ys[i] ?? 0) * cos - (xs[i] ?? 0) * sin) + rows;
      bins[r] = (bins[r] ?? 0) + 1;
    }
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -6; d <= 6.001; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const center = best;
  for (let d = center - 0.2; d <= center + 0.2001; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}
