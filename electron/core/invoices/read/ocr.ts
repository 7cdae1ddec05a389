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

export type Ocr = { recognize(png: Buffer): Promise<Word[]>; close(): Promise<void> };

export async function createOcr(): Promise<Ocr> {
  const worker: Worker = await createWorker('spa', OEM.LSTM_ONLY, {
    langPath: tessdataDir(),
    gzip: true,
    cacheMethod: 'none',
  });
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.AUTO,
    preserve_interword_spaces: '1',
    user_defined_dpi: '200',
  });
  return {
    async recognize(png) {
      const result = await worker.recognize(png, {}, { blocks: true, text: false });
      const words: Word[] = [];
      for (const block of result.data.blocks ?? []) {
        for (const para of block.paragraphs) {
          for (const line of para.lines) {
            for (const w of line.words) {
              const text = w.text.trim();
              if (!text) continue;
              const { x0, y0, x1, y1 } = w.bbox;
              words.push({
                text,
                x0,
                y0,
                x1,
                y1,
                conf: Math.max(0, Math.min(1, w.confidence / 100)),
              });
            }
          }
        }
      }
      return words;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
