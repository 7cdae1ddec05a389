/**
 * A phone photo of an invoice: the sheet is a four-sided shape on a darker table. Finding its
 * corners and mapping them back to a rectangle straightens every line at once, which a single
 * rotation cannot do when the camera was not square to the paper.
 */

import { grayAtRank, histogram } from './contrast.ts';

export type Point = { x: number; y: number };
export type Quad = [Point, Point, Point, Point];

/** Otsu's threshold of a gray histogram: the level that best splits paper from background. */
function otsu(gray: Uint8Array): number {
  const hist = histogram(gray);
  const total = gray.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 128;
  let bestVar = -1;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > bestVar) [bestVar, best] = [between, t];
  }
  return best;
}

/**
 * The median of each channel over the photo's outermost `ring` rows and columns: the table,
 * where it shows. `data` holds `channels` bytes a pixel.
 */
function edgeMedians(
  data: Uint8Array,
  width: number,
  height: number,
  channels: number,
  ring: number,
): number[] {
  const hists = Array.from({ length: channels }, () => new Uint32Array(256));
  let n = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (x >= ring && x < width - ring && y >= ring && y < height - ring) continue;
      n++;
      for (let c = 0; c < channels; c++) {
        const hist = hists[c];
        const v = data[(y * width + x) * channels + c] ?? 0;
        if (hist) hist[v] = (hist[v] ?? 0) + 1;
      }
    }
  }
  return hists.map((hist) => (n > 0 ? grayAtRank(hist, Math.floor(n / 2)) : 0));
}

/**
 * The sheet's corners in a small gray copy of the photo, or null when there is no table around
 * it to see (a scan, a screenshot, a photo cropped to the paper).
 */
export function findSheet(gray: Uint8Array, width: number, height: number): Quad | null {
  // A third of the way from Otsu's split down to the table (the photo's edge): a sheet lit
  // unevenly has a dim side that Otsu's level, pulled up by the bright paper, would leave out,
  // and a table lit unevenly has a bright patch that a lower level would take in.
  const split = otsu(gray);
  const [table = 0] = edgeMedians(gray, width, height, 1, 1);
  const t = Math.round(split - Math.max(0, split - table) / 3);
  const paper = new Uint8Array(width * height);
  for (let i = 0; i < paper.length; i++) paper[i] = (gray[i] ?? 0) > t ? 1 : 0;
  // The biggest bright region that covers the centre of the photo is the sheet.
  const start = Math.floor(height / 2) * width + Math.floor(width / 2);
  let seed = -1;
  for (let r = 0; r < Math.min(width, height) / 4 && seed < 0; r++) {
    for (const i of [start + r, start - r, start + r * width, start - r * width]) {
      if (paper[i]) {
        seed = i;
        break;
      }
    }
  }
  if (seed < 0) return null;
  const region = new Uint8Array(width * height);
  // Each pixel is pushed once at most: a stack as long as the photo never overflows.
  const stack = new Int32Array(width * height);
  let top = 0;
  stack[top++] = seed;
  region[seed] = 1;
  let count = 0;
  const reach = (j: number): void => {
    if (paper[j] === 1 && region[j] === 0) {
      region[j] = 1;
      stack[top++] = j;
    }
  };
  while (top > 0) {
    const i = stack[--top] ?? 0;
    count++;
    const x = i % width;
    if (x > 0) reach(i - 1);
    if (x < width - 1) reach(i + 1);
    if (i >= width) reach(i - width);
    if (i + width < region.length) reach(i + width);
  }
  if (count < width * height * 0.3 || count > width * height * 0.97) return null;
  let tl = { x: 0, y: 0, s: Infinity };
  let br = { x: 0, y: 0, s: -Infinity };
  let tr = { x: 0, y: 0, s: -Infinity };
  let bl = { x: 0, y: 0, s: Infinity };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!region[y * width + x]) continue;
      if (x + y < tl.s) tl = { x, y, s: x + y };
      if (x + y > br.s) br = { x, y, s: x + y };
      if (x - y > tr.s) tr = { x, y, s: x - y };
      if (x - y < bl.s) bl = { x, y, s: x - y };
    }
  }
  const quad: Quad = [
    { x: tl.x, y: tl.y },
    { x: tr.x, y: tr.y },
    { x: br.x, y: br.y },
    { x: bl.x, y: bl.y },
  ];
  // Only worth it when background shows: some corner sits clearly inside the photo.
  const margin = Math.min(width, height) * 0.025;
  const inside = quad.some(
    (p) => p.x > margin && p.x < width - margin && p.y > margin && p.y < height - margin,
  );
  return inside ? quad : null;
}

/** The 3×3 homography taking the unit square's corners to `quad` (for inverse mapping). */
function squareToQuad(q: Quad): number[] {
  const [p0, p1, p2, p3] = q;
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = den === 0 ? 0 : (sx * dy2 - dx2 * sy) / den;
  const h = den === 0 ? 0 : (dx1 * sy - sx * dy1) / den;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
  ];
}

/**
 * Maps the sheet (corners in full-size pixels) onto an upright rectangle, sampling the photo
 * bilinearly. Returns the new gray pixels and their size.
 */
export function unwarp(
  gray: Uint8Array,
  width: number,
  height: number,
  quad: Quad,
): { gray: Uint8Array; width: number; height: number } {
  const [p0, p1, p2, p3] = quad;
  const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);
  const w = Math.round((dist(p0, p1) + dist(p3, p2)) / 2);
  const h = Math.round((dist(p0, p3) + dist(p1, p2)) / 2);
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, hh = 0] = squareToQuad(quad);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const v = y / (h - 1);
    for (let x = 0; x < w; x++) {
      const u = x / (w - 1);
      const z = g * u + hh * v + 1;
      const sx = (a * u + b * v + c) / z;
      const sy = (d * u + e * v + f) / z;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1) {
        out[y * w + x] = 255;
        continue;
      }
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const top = (gray[i] ?? 255) * (1 - fx) + (gray[i + 1] ?? 255) * fx;
      const bottom = (gray[i + width] ?? 255) * (1 - fx) + (gray[i + width + 1] ?? 255) * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { gray: out, width: w, height: h };
}

/** A small colour copy of the photo (3 bytes a pixel), the same size as the gray one. */
export type Rgb = { data: Uint8Array; width: number; height: number };

/** The table's colour: the median of each channel around the photo's edge. */
function tableColour(rgb: Rgb): [number, number, number] {
  const { data, width, height } = rgb;
  const ring = Math.max(1, Math.round(Math.min(width, height) * 0.015));
  const [r = 0, g = 0, b = 0] = edgeMedians(data, width, height, 3, ring);
  return [r, g, b];
}

/**
 * The sheet found as the bright region stops at a dark band along its edge (a coloured
 * letterhead printed to the top of the page). Each edge is pushed outward while the strip just
 * beyond it is clearly not the table's colour, so the band comes back with the sheet.
 */
export function extendOverBands(quad: Quad, rgb: Rgb): Quad {
  const table = tableColour(rgb);
  const far = (x: number, y: number): boolean => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= rgb.width || yi >= rgb.height) return false;
    const i = (yi * rgb.width + xi) * 3;
    const d = Math.hypot(
      (rgb.data[i] ?? 0) - table[0],
      (rgb.data[i + 1] ?? 0) - table[1],
      (rgb.data[i + 2] ?? 0) - table[2],
    );
    return d > 45;
  };
  const cx = quad.reduce((s, p) => s + p.x, 0) / 4;
  const cy = quad.reduce((s, p) => s + p.y, 0) / 4;
  const out = quad.map((p) => ({ ...p })) as Quad;
  for (let e = 0; e < 4; e++) {
    const a = out[e] as Point;
    const b = out[(e + 1) % 4] as Point;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len < 8) continue;
    // The unit normal pointing away from the sheet's middle.
    let nx = -(b.y - a.y) / len;
    let ny = (b.x - a.x) / len;
    if (nx * ((a.x + b.x) / 2 - cx) + ny * ((a.y + b.y) / 2 - cy) < 0) [nx, ny] = [-nx, -ny];
    const reach = Math.round(Math.min(rgb.width, rgb.height) * 0.15);
    let moved = 0;
    for (let k = 1; k <= reach; k++) {
      let hits = 0;
      const samples = 40;
      // The middle 80 % of the edge: its corners may show the table on both sides.
      for (let s = 0; s < samples; s++) {
        const t = 0.1 + (0.8 * s) / (samples - 1);
        if (far(a.x + (b.x - a.x) * t + nx * k, a.y + (b.y - a.y) * t + ny * k)) hits++;
      }
      if (hits < samples * 0.8) break;
      moved = k;
    }
    if (moved < 2) continue;
    out[e] = { x: a.x + nx * moved, y: a.y + ny * moved };
    out[(e + 1) % 4] = { x: b.x + nx * moved, y: b.y + ny * moved };
  }
  return out;
}
