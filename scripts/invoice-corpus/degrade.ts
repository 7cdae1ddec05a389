import sharp from 'sharp';
import { createRng, type Rng } from '../../electron/core/demo/random.ts';

/**
 * Turns a clean page image into what a shop owner actually uploads: a slightly crooked scan or a
 * phone photo of the sheet on a table (real projective warp, uneven light), blurred, noisy and
 * saved as a low-quality JPEG.
 */
export type Degradation = {
  /** Degrees, clockwise; a scan is never perfectly straight. */
  rotationDeg: number;
  /** Phone photo: perspective warp over a table instead of a flat scan. */
  photo: boolean;
  gray: boolean;
  /** Gaussian blur sigma in pixels (≥ 0.3). */
  blur: number;
  /** Noise standard deviation in 0..255 levels. */
  noise: number;
  /** JPEG quality 40–70. */
  quality: number;
  /** Table or scanner-lid colour around the sheet. */
  background: [number, number, number];
  /** Photo: the sheet's corners in the output, as fractions of its size (TL, TR, BR, BL). */
  corners: [number, number][];
  /** Photo: how much darker the far corner is (0..0.3). */
  shade: number;
  seed: number;
};

const TABLES: [number, number, number][] = [
  [122, 86, 58], // wood
  [64, 66, 72], // dark desk
  [150, 140, 125], // formica
  [40, 70, 60], // green cloth
  [175, 160, 140], // light wood
];

export function pickDegradation(
  rng: Rng,
  opts: { photo?: boolean; gray?: boolean } = {},
): Degradation {
  const photo = opts.photo ?? rng.chance(0.35);
  const sign = rng.chance(0.5) ? 1 : -1;
  const rotationDeg = sign * (0.5 + rng.next() * 2.5);
  const j = (a: number): number => (rng.next() * 2 - 1) * a;
  // The camera looks at the sheet from below its top edge: the far (top) edge comes out narrower.
  const squeeze = 0.02 + rng.next() * 0.05;
  const corners: [number, number][] = photo
    ? [
        [0.06 + squeeze + j(0.015), 0.05 + j(0.015)],
        [0.94 - squeeze + j(0.015), 0.05 + j(0.015)],
        [0.96 + j(0.015), 0.96 + j(0.012)],
        [0.04 + j(0.015), 0.96 + j(0.012)],
      ]
    : [];
  const lid = rng.int(200, 232);
  return {
    rotationDeg,
    photo,
    gray: opts.gray ?? (photo ? rng.chance(0.15) : rng.chance(0.6)),
    blur: 0.4 + rng.next() * (photo ? 0.9 : 0.6),
    noise: 4 + rng.next() * (photo ? 9 : 6),
    quality: rng.int(40, 70),
    background: photo ? rng.pick(TABLES) : [lid, lid, lid - rng.int(0, 6)],
    corners,
    shade: photo ? 0.08 + rng.next() * 0.2 : 0,
    seed: rng.int(1, 2 ** 31),
  };
}

type Point = [number, number];

/** Homography mapping each `from` point to its `to` point, as a 3×3 row-major array (h8 = 1). */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i] as Point;
    const [u, v] = to[i] as Point;
    a.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    a.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let best = col;
    for (let r = col + 1; r < 8; r++) {
      if (Math.abs(a[r]![col]!) > Math.abs(a[best]![col]!)) best = r;
    }
    [a[col], a[best]] = [a[best]!, a[col]!];
    const pivot = a[col]![col]!;
    if (Math.abs(pivot) < 1e-12) throw new Error('Esquinas degeneradas');
    for (let r = 0; r < 8; r++) {
      if (r === col) continue;
      const f = a[r]![col]! / pivot;
      if (f === 0) continue;
      for (let c = col; c < 9; c++) a[r]![c]! -= f * a[col]![c]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  return [...h, 1];
}

export function applyHomography(h: readonly number[], x: number, y: number): Point {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

type Raw = { data: Buffer; width: number; height: number };

/**
 * Inverse mapping: every output pixel asks where it comes from in the source (through the
 * homography output → source) and samples it bilinearly; outside the sheet it takes the background,
 * which also anti-aliases the sheet's edge.
 */
export function warp(
  src: Raw,
  out: { width: number; height: number },
  h: readonly number[],
  bg: readonly number[],
): Raw {
  const { data, width: sw, height: sh } = src;
  const dst = Buffer.alloc(out.width * out.height * 3);
  const px = (x: number, y: number, c: number): number =>
    x < 0 || y < 0 || x >= sw || y >= sh
      ? (bg[c] as number)
      : (data[(y * sw + x) * 3 + c] as number);
  let o = 0;
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const w = h[6]! * x + h[7]! * y + h[8]!;
      const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
      const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
      const x0 = Math.floor(u);
      const y0 = Math.floor(v);
      const fx = u - x0;
      const fy = v - y0;
      if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
        const i00 = (y0 * sw + x0) * 3;
        const i10 = i00 + 3;
        const i01 = i00 + sw * 3;
        const i11 = i01 + 3;
        for (let c = 0; c < 3; c++) {
          const top = data[i00 + c]! + (data[i10 + c]! - data[i00 + c]!) * fx;
          const bot = data[i01 + c]! + (data[i11 + c]! - data[i01 + c]!) * fx;
          dst[o++] = top + (bot - top) * fy + 0.5;
        }
      } else {
        for (let c = 0; c < 3; c++) {
          const top = px(x0, y0, c) + (px(x0 + 1, y0, c) - px(x0, y0, c)) * fx;
          const bot = px(x0, y0 + 1, c) + (px(x0 + 1, y0 + 1, c) - px(x0, y0 + 1, c)) * fx;
          dst[o++] = top + (bot - top) * fy + 0.5;
        }
      }
    }
  }
  return { data: dst, width: out.width, height: out.height };
}

/** Output size and the homography output → source for a degradation of a w×h page. */
function geometry(
  d: Degradation,
  w: number,
  h: number,
): { width: number; height: number; h: number[] } {
  const src: Point[] = [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ];
  if (d.photo) {
    const width = Math.round(w * 1.12);
    const height = Math.round(h * 1.1);
    const rad = (d.rotationDeg * Math.PI) / 180;
    const cx = width / 2;
    const cy = height / 2;
    const dst = d.corners.map(([fx, fy]): Point => {
      const x = fx * width - cx;
      const y = fy * height - cy;
      return [
        cx + x * Math.cos(rad) - y * Math.sin(rad),
        cy + x * Math.sin(rad) + y * Math.cos(rad),
      ];
    });
    return { width, height, h: homography(dst, src) };
  }
  // A flat scan: the same page size, turned about its centre and slightly reduced so less is lost.
  const rad = (d.rotationDeg * Math.PI) / 180;
  const s = 0.985;
  const dst = src.map(([x, y]): Point => {
    const dx = (x - w / 2) * s;
    const dy = (y - h / 2) * s;
    return [
      w / 2 + dx * Math.cos(rad) - dy * Math.sin(rad),
      h / 2 + dx * Math.sin(rad) + dy * Math.cos(rad),
    ];
  });
  return { width: w, height: h, h: homography(dst, src) };
}

/** Uneven light (photo) and sensor noise, in place. */
function lightAndNoise(img: Raw, d: Degradation): void {
  const rng = createRng(d.seed);
  const table = new Float32Array(65_536);
  for (let i = 0; i < table.length; i++) {
    table[i] = (rng.next() + rng.next() + rng.next() + rng.next() - 2) * 1.732 * d.noise;
  }
  const gx = rng.next();
  const gy = rng.next();
  const tint = d.photo ? [1, 0.985, 0.95] : [1, 1, 1];
  let state = d.seed >>> 0;
  const { data, width, height } = img;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x / width - gx;
      const dy = y / height - gy;
      const light = 1 - d.shade * (dx * dx + dy * dy);
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
        const v = data[i + c]! * light * tint[c]! + table[state >>> 16]!;
        data[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
}

/** The degraded page as a JPEG. */
export async function degrade(png: Buffer, d: Degradation): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const g = geometry(d, info.width, info.height);
  const warped = warp({ data, width: info.width, height: info.height }, g, g.h, d.background);
  const raw = { width: warped.width, height: warped.height, channels: 3 as const };
  const blurred = await sharp(warped.data, { raw }).blur(d.blur).raw().toBuffer();
  const img = { data: blurred, width: warped.width, height: warped.height };
  lightAndNoise(img, d);
  let out = sharp(img.data, { raw });
  if (d.gray) out = out.greyscale();
  return out.jpeg({ quality: d.quality, chromaSubsampling: '4:2:0' }).toBuffer();
}
