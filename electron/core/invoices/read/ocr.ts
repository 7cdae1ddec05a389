import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { Word } from './geometry.ts';

/**
 * Spanish LSTM data shipped in resources/ (nothing is downloaded). The packaged app sets
 * CAJA_TESSDATA to its resources folder.
 */
export function tessdataDir(): string {
  if (process.env.CAJA_TESSDATA) return process.env.CAJA_TESSDATA;
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '../../../../resources/tessdata');
}

/** A grayscale page: one byte per pixel, row by row. */
export type OcrPage = { gray: Uint8Array; width: number; height: number };

/**
 * Rows [top, top + height) of a page as a binary PGM: the engine decodes it by copying, where a
 * PNG of an enlarged page costs a compression here and a decompression there.
 */
export function pgmBand(page: OcrPage, top: number, height: number): Buffer {
  const header = Buffer.from(`P5\n${page.width} ${height}\n255\n`, 'ascii');
  const rows = page.gray.subarray(top * page.width, (top + height) * page.width);
  return Buffer.concat([header, rows]);
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
 * of the blank run nearest to each even split.
 */
export function bandCuts(gray: Uint8Array, width: number, height: number, parts: number): number[] {
  const ink = new Uint32Array(height);
  const step = Math.max(1, Math.floor(width / 600));
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x += step) if ((gray[y * width + x] ?? 255) < 140) n++;
    ink[y] = n;
  }
  // Even work, not even height: the cut goes where half the ink is above (the lines of a
  // table are denser than the blank space under them).
  const cumulative = new Float64Array(height);
  let total = 0;
  for (let y = 0; y < height; y++) {
    total += ink[y] ?? 0;
    cumulative[y] = total;
  }
  const cuts: number[] = [];
  for (let k = 1; k < parts; k++) {
    let target = 0;
    while (target < height - 1 && (cumulative[target] ?? 0) < (total * k) / parts) target++;
    const reach = Math.round(height * 0.08);
    let best = -1;
    let bestScore = Infinity;
    for (let y = Math.max(1, target - reach); y < Math.min(height - 1, target + reach); y++) {
      // Blank rows win; among them, the one closest to the even split.
      const score = (ink[y] ?? 0) * 1000 + Math.abs(y - target);
      if (score < bestScore) [best, bestScore] = [y, score];
    }
    if (best > 0 && (ink[best] ?? 1) === 0 && !cuts.includes(best)) cuts.push(best);
  }
  return cuts;
}

function wordsOf(blocks: Tesseract.Block[] | null, offsetY: number): Word[] {
  const words: Word[] = [];
  for (const block of blocks ?? []) {
    for (const para of block.paragraphs) {
      for (const line of para.lines) {
        for (const w of line.words) {
          const text = w.text.trim();
          if (!text) continue;
          const { x0, y0, x1, y1 } = w.bbox;
          words.push({
            text,
            x0,
            y0: y0 + offsetY,
            x1,
            y1: y1 + offsetY,
            conf: Math.max(0, Math.min(1, w.confidence / 100)),
          });
        }
      }
    }
  }
  return words;
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
          await worker.setParameters({ user_defined_dpi: dpi });
          const image = pgmBand(page, band.top, band.height);
          const result = await worker.recognize(image, {}, { blocks: true, text: false });
          return wordsOf(result.data.blocks, band.top);
        }),
      );
      return results.flat();
    },
    close: async () => {
      await Promise.all(engines.map((w) => w.terminate()));
    },
  };
}
