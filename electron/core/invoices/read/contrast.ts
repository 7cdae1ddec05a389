import sharp from 'sharp';

/**
 * Stretches the grays, in place, so the darkest `lower` share of the page turns black and the
 * lightest `1 - upper` white, in a straight line between: faint print on gray paper gets the
 * contrast Tesseract's own threshold expects, and the ink keeps its shape (no curve thickens
 * bold or blurred strokes).
 */
export function stretchContrast(gray: Uint8Array, lower = 0.01, upper = 0.99): void {
  const hist = histogram(gray);
  const black = levelAt(hist, gray.length, lower);
  const white = levelAt(hist, gray.length, upper);
  if (white - black < 16) return;
  const lut = levelsTable(black, white);
  for (let i = 0, n = gray.length; i < n; i++) gray[i] = lut[gray[i] ?? 0] ?? 0;
}

/** How many pixels have each gray. */
export function histogram(gray: Uint8Array): Uint32Array {
  const hist = new Uint32Array(256);
  for (let i = 0, n = gray.length; i < n; i++) {
    const v = gray[i] ?? 0;
    hist[v] = (hist[v] ?? 0) + 1;
  }
  return hist;
}

/** The gray of the pixel at `rank` (from 0) were the pixels sorted darkest first. */
export function grayAtRank(hist: ArrayLike<number>, rank: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen > rank) return v;
  }
  return 255;
}

/** The gray at which `share` of a histogram's `total` pixels are as dark or darker. */
export function levelAt(hist: ArrayLike<number>, total: number, share: number): number {
  const target = total * share;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += hist[v] ?? 0;
    if (seen >= target) return v;
  }
  return 255;
}

/** The commonest gray of a histogram: the darkest of a tie, white when it is empty. */
export function commonest(hist: ArrayLike<number>): number {
  let gray = 255;
  for (let v = 0, most = 0; v < 256; v++) {
    if ((hist[v] ?? 0) > most) [gray, most] = [v, hist[v] ?? 0];
  }
  return gray;
}

/** A lookup table: `black` and darker to 0, `white` and lighter to 255, a straight line between. */
export function levelsTable(black: number, white: number): Uint8Array {
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - black) * 255) / (white - black))));
  }
  return lut;
}

/** Side of the square cells the paper's brightness is measured in. */
const LIGHT_CELL = 32;
/** Cells around each one whose brightest decides its paper level: a coloured band is narrower. */
const LIGHT_REACH = 4;

/**
 * Evens out the light on a photographed page, in place: each pixel is divided by the paper's
 * brightness around it, so a shadow or a lamp's falloff does not turn a corner of the sheet
 * into a dark patch that the engine takes for a picture. The paper's brightness is the light
 * end of each cell's grays, or the brightest cell nearby where a cell is far darker (a dark
 * band or a box of solid print is not paper), then smoothed.
 */
export async function flattenLight(gray: Uint8Array, width: number, height: number): Promise<void> {
  const cw = Math.ceil(width / LIGHT_CELL);
  const ch = Math.ceil(height / LIGHT_CELL);
  const level = new Uint8Array(cw * ch);
  const hist = new Uint32Array(256);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      hist.fill(0);
      let n = 0;
      for (let y = cy * LIGHT_CELL; y < Math.min(height, (cy + 1) * LIGHT_CELL); y += 2) {
        const row = y * width;
        for (let x = cx * LIGHT_CELL; x < Math.min(width, (cx + 1) * LIGHT_CELL); x += 2) {
          const v = gray[row + x] ?? 255;
          hist[v] = (hist[v] ?? 0) + 1;
          n++;
        }
      }
      // The 90th percentile: paper, above the ink and the JPEG speckle's dark half.
      level[cy * cw + cx] = levelAt(hist, n, 0.9);
    }
  }
  const paper = new Uint8Array(cw * ch);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      let best = 0;
      for (let y = Math.max(0, cy - LIGHT_REACH); y <= Math.min(ch - 1, cy + LIGHT_REACH); y++) {
        for (let x = Math.max(0, cx - LIGHT_REACH); x <= Math.min(cw - 1, cx + LIGHT_REACH); x++) {
          best = Math.max(best, level[y * cw + x] ?? 0);
        }
      }
      // Its own level unless far below the brightest near it (a band, a box of solid print):
      // raising every cell to its neighbours' best would whiten the near side of a shadow.
      const own = level[cy * cw + cx] ?? 0;
      paper[cy * cw + cx] = Math.max(32, own >= best * 0.75 ? own : best);
    }
  }
  const smooth = await sharp(paper, { raw: { width: cw, height: ch, channels: 1 } })
    .blur(LIGHT_REACH / 2)
    .resize({ width, height, fit: 'fill', kernel: 'linear' })
    .extractChannel(0)
    .raw()
    .toBuffer();
  for (let i = 0; i < gray.length; i++) {
    gray[i] = Math.min(255, Math.round(((gray[i] ?? 0) * 255) / Math.max(32, smooth[i] ?? 255)));
  }
}
