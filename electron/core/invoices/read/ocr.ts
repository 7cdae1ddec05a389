import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { INK, uncoveredRegions, type Rect } from './coverage.ts';
import { turnedOver } from './dark-band.ts';
import { centreIn, type Word } from './geometry.ts';

/**
 * Spanish LSTM data shipped in resources/ (nothing is downloaded). The packaged app sets
 * CAJA_TESSDATA to its resources folder.
 */
export function tessdataDir(): string {
  if (process.env.CAJA_TESSDATA) return process.env.CAJA_TESSDATA;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../../resources/tessdata');
}

/**
 * A grayscale page: one byte per pixel, row by row; with a photo's dark bands, left as they
 * are, to be read again inverted.
 */
export type OcrPage = { gray: Uint8Array; width: number; height: number; bands?: Rect[] };

/**
 * A rectangle of a page as a binary PGM: the engine decodes it by copying, where a PNG of an
 * enlarged page costs a compression here and a decompression there.
 */
export function pgmRect(page: OcrPage, r: Rect): Buffer {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  // Whole rows are one run of the page's pixels: no copy of them is needed.
  if (w === page.width) return pgm(w, h, page.gray.subarray(r.y0 * w, r.y1 * w));
  const body = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const from = (r.y0 + y) * page.width + r.x0;
    body.set(page.gray.subarray(from, from + w), y * w);
  }
  return pgm(w, h, body);
}

/** Gray pixels, row by row, as a binary PGM. */
function pgm(width: number, height: number, pixels: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), pixels]);
}

/** Rows [top, top + height) of a page, full width, as a binary PGM. */
export function pgmBand(page: OcrPage, top: number, height: number): Buffer {
  return pgmRect(page, { x0: 0, y0: top, x1: page.width, y1: top + height });
}

export type Ocr = { recognize(page: OcrPage): Promise<Word[]>; close(): Promise<void> };

/** Engines per reader: one per core, at most two (each holds ~100 MB). */
export function ocrThreads(): number {
  const fromEnv = Number(process.env.CAJA_OCR_THREADS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return Math.min(4, fromEnv);
  return Math.max(1, Math.min(2, os.availableParallelism()));
}

async function engine(): Promise<Worker> {
  const worker = await createWorker('spa', OEM.LSTM_ONLY, {
    langPath: tessdataDir(),
    gzip: true,
    cacheMethod: 'none',
  });
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.AUTO,
    preserve_interword_spaces: '1',
  });
  return worker;
}

/**
 * Rows where a page can be cut into `parts` bands without cutting a line of text: the middle
 * of the blank run nearest to each even split of the work.
 */
export function bandCuts(gray: Uint8Array, width: number, height: number, parts: number): number[] {
  const { work, blank: blankRows } = rowWork(gray, width, height);
  // Even work, not even height: the cut goes where half the letters are above (the lines of a
  // table are denser than the blank space under them).
  const cumulative = new Float64Array(height);
  let total = 0;
  for (let y = 0; y < height; y++) {
    total += work[y] ?? 0;
    cumulative[y] = total;
  }
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    let target = 0;
    while (target < height - 1 && (cumulative[target] ?? 0) < (total * k) / parts) target++;
    // The middle of the blank run nearest to the even split: on a page not quite straight,
    // the rows at a run's ends may graze the tips of a line's letters.
    const reach = Math.round(height * 0.08);
    let best = -1;
    for (const [top, bottom] of blankRuns(blankRows, target - reach, target + reach)) {
      const middle = (top + bottom) >> 1;
      if (best < 0 || Math.abs(middle - target) < Math.abs(best - target)) best = middle;
    }
    if (best > 0 && !cuts.includes(best)) cuts.push(best);
  }
  return cuts;
}

/** Runs of at least three blank rows, [first, last], within rows [from, to). */
function blankRuns(blank: Uint8Array, from: number, to: number): [number, number][] {
  const end = Math.min(blank.length - 1, to);
  const runs: [number, number][] = [];
  let top = -1;
  for (let y = Math.max(1, from); y <= end; y++) {
    if (y < end && blank[y] === 1) {
      if (top < 0) top = y;
      continue;
    }
    if (top >= 0 && y - top >= 3) runs.push([top, y - 1]);
    top = -1;
  }
  return runs;
}

/**
 * What each row costs the engine: a line of text costs about as much as it has letters, at any
 * size, so a line's cost is the most runs of ink that start on one of its rows, booked on its
 * middle row. A row with at most two (a rule, a solid band, a table's side borders) is blank,
 * and the strip of desk a photo may keep at the sheet's edges is left out. A ruled table's
 * column rules are not ink: the rows between its lines of text are blank, so a page can be cut
 * inside a table that fills half of it. Every row costs a little besides: the engine looks at
 * every pixel.
 */
function rowWork(
  gray: Uint8Array,
  width: number,
  height: number,
): { work: Float64Array; blank: Uint8Array } {
  const work = new Float64Array(height).fill(width * PIXEL_WORK);
  const blank = new Uint8Array(height);
  const step = Math.max(1, Math.floor(width / 600));
  const margin = Math.round(width * 0.03);
  const columns: number[] = [];
  for (let x = margin; x < width - margin; x += step) columns.push(x);
  const letters = letterInk(gray, width, height, columns, Math.round(width / 20));
  let top = -1;
  let most = 0;
  for (let y = 0; y <= height; y++) {
    let starts = 0;
    let inked = false;
    for (let c = 0; y < height && c < columns.length; c++) {
      const ink = letters[y * columns.length + c] === 1;
      if (ink && !inked) starts++;
      inked = ink;
    }
    if (y < height) blank[y] = starts > 2 ? 0 : 1;
    if (starts > 2) {
      if (top < 0) top = y;
      most = Math.max(most, starts);
    } else if (top >= 0) {
      const middle = (top + y) >> 1;
      work[middle] = (work[middle] ?? 0) + most;
      [top, most] = [-1, 0];
    }
  }
  return { work, blank };
}

/**
 * The ink of letters at the given columns, row by row, a byte per row and column: 1 where the
 * pixel is ink and not part of a run down longer than `maxRun` rows (a rule: no letter is that
 * tall).
 */
function letterInk(
  gray: Uint8Array,
  width: number,
  height: number,
  columns: readonly number[],
  maxRun: number,
): Uint8Array {
  const n = columns.length;
  const ink = new Uint8Array(height * n);
  const top = new Int32Array(n).fill(-1);
  for (let y = 0; y <= height; y++) {
    for (let c = 0; c < n; c++) {
      const on = y < height && (gray[y * width + (columns[c] ?? 0)] ?? 255) < INK;
      const from = top[c] ?? -1;
      if (on) {
        ink[y * n + c] = 1;
        if (from < 0) top[c] = y;
      } else if (from >= 0) {
        if (y - from > maxRun) for (let k = from; k < y; k++) ink[k * n + c] = 0;
        top[c] = -1;
      }
    }
  }
  return ink;
}

/** A pixel's share of the engine's time, against one run of ink in a line. */
const PIXEL_WORK = 1 / 25_000;

/**
 * The words of the engine's TSV (level 5 rows: a word's box, its confidence and its text),
 * moved by the offset of the rectangle that was read. The TSV is written by the engine itself,
 * where its JSON tree of blocks, lines, letters and their alternatives costs a page's
 * recognition several per cent more. Confidence is taken in whole percents, as the tree gives it.
 */
export function wordsOfTsv(tsv: string | null, offsetY: number, offsetX = 0): Word[] {
  const words: Word[] = [];
  for (const row of (tsv ?? '').split('\n')) {
    if (!row.startsWith('5\t')) continue;
    const cells = row.split('\t');
    const text = (cells[11] ?? '').trim();
    if (!text) continue;
    const [left, top, w, h, conf] = cells.slice(6, 11).map(Number);
    if (left === undefined || top === undefined || w === undefined || h === undefined) continue;
    words.push({
      text,
      x0: left + offsetX,
      y0: top + offsetY,
      x1: left + w + offsetX,
      y1: top + h + offsetY,
      conf: Math.max(0, Math.min(1, Math.floor(conf ?? 0) / 100)),
    });
  }
  return words;
}

/** What the engine is asked to give back: its TSV alone. */
const TSV = { tsv: true, text: false } as const;

/** A photo's bands read again inverted: at most this many per page. */
const MAX_BANDS = 2;

/**
 * Light letters on a photo's dark band (a coloured letterhead) read again with the band's grays
 * turned over. The page's own pass reads them only through the engine's retry of an unsure line:
 * often garbled, or not at all. Each word read again is added where the page's pass read nothing,
 * and replaces what it read there when the engine is surer of it.
 */
async function rereadBands(engines: Worker[], page: OcrPage, words: Word[]): Promise<Word[]> {
  const bands = (page.bands ?? []).slice(0, MAX_BANDS);
  if (bands.length === 0) return words;
  const again = await Promise.all(
    bands.map(async (r, i) => {
      const worker = engines[i % engines.length];
      if (!worker) return [];
      const image = pgm(r.x1 - r.x0, r.y1 - r.y0, turnedOver(page, r));
      const result = await worker.recognize(image, {}, TSV);
      return wordsOfTsv(result.data.tsv, r.y0, r.x0);
    }),
  );
  let out = words;
  for (const word of again.flat()) {
    if (word.conf < REREAD_CONF) continue;
    const under = out.filter((w) => centreIn(w, word) || centreIn(word, w));
    if (under.every((w) => w.conf < word.conf))
      out = [...out.filter((w) => !under.includes(w)), word];
  }
  return out;
}

/** At most this many blocks of a page are read again. */
const MAX_REREADS = 12;
/** A word read again is kept only when the engine is this sure of it. */
const REREAD_CONF = 0.5;

/**
 * Jobs shared out among `n` engines so that they finish together: the largest first, each to
 * the engine with the least work so far.
 */
export function shareOut<T>(jobs: T[], n: number, cost: (job: T) => number): T[][] {
  const shares: T[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const job of [...jobs].sort((a, b) => cost(b) - cost(a))) {
    const e = load.indexOf(Math.min(...load));
    shares[e]?.push(job);
    load[e] = (load[e] ?? 0) + cost(job);
  }
  return shares;
}

/**
 * Second look at what the page's layout analysis dropped: each block of letters no word covers
 * is read on its own as one block of text, the blocks shared out among the engines by area. New words
 * only: one whose centre falls in a word already read is not added twice.
 */
async function readUncovered(engines: Worker[], page: OcrPage, words: Word[]): Promise<Word[]> {
  const area = (r: Rect): number => (r.x1 - r.x0) * (r.y1 - r.y0);
  const regions = uncoveredRegions(page, words)
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_REREADS);
  if (regions.length === 0) return [];
  const shares = shareOut(regions, engines.length, area);
  const found = await Promise.all(
    engines.map(async (worker, e) => {
      const mine = shares[e] ?? [];
      const out: Word[] = [];
      if (mine.length > 0) await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_BLOCK });
      for (const r of mine) {
        const result = await worker.recognize(pgmRect(page, r), {}, TSV);
        out.push(...wordsOfTsv(result.data.tsv, r.y0, r.x0));
      }
      return out;
    }),
  );
  return found.flat().filter((w) => w.conf >= REREAD_CONF && !words.some((o) => centreIn(w, o)));
}

/**
 * Tesseract engines for one reader. A page is cut across at blank rows into one band per
 * engine and the bands are read at the same time, each engine on its own thread.
 */
export async function createOcr(threads = ocrThreads()): Promise<Ocr> {
  const engines = await Promise.all(Array.from({ length: threads }, () => engine()));
  return {
    async recognize(page) {
      const cuts =
        engines.length > 1 ? bandCuts(page.gray, page.width, page.height, engines.length) : [];
      const edges = [0, ...cuts, page.height];
      const bands = edges
        .slice(0, -1)
        .map((top, i) => ({ top, height: (edges[i + 1] ?? page.height) - top }));
      // Pages are A4 or letter wide: tell Tesseract the resolution rather than let it guess.
      const dpi = String(Math.max(70, Math.min(600, Math.round(page.width / 8.27))));
      const results = await Promise.all(
        bands.map(async (band, i) => {
          const worker = engines[i % engines.length];
          if (!worker) return [];
          await worker.setParameters({ user_defined_dpi: dpi, tessedit_pageseg_mode: PSM.AUTO });
          const image = pgmBand(page, band.top, band.height);
          const result = await worker.recognize(image, {}, TSV);
          return wordsOfTsv(result.data.tsv, band.top);
        }),
      );
      const words = await rereadBands(engines, page, results.flat());
      return [...words, ...(await readUncovered(engines, page, words))];
    },
    close: async () => {
      await Promise.all(engines.map((w) => w.terminate()));
    },
  };
}
