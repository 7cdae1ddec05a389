import type { AfipQr, PageInfo } from '../../../../shared/contract/index.ts';
import { sha256 } from '../files.ts';
import { detectKind } from './detect.ts';
import type { PageWords } from './geometry.ts';
import { imagePages, pagePng, preparePage, type PreparedPage } from './image.ts';
import type { Ocr } from './ocr.ts';
import { openPdf, pdfWords, renderPdfPage } from './pdf.ts';
import { findAfipQr } from './qr.ts';
import sharp from 'sharp';

/** PDF pages are shown at 2× (144 dpi) and recognised, when scanned, at 200 dpi. */
const SHOW_SCALE = 2;
const SCAN_SCALE = 200 / 72;

export type ReadPages = {
  pages: PageWords[];
  infos: PageInfo[];
  images: { sha: string; png: Buffer }[];
  qr: AfipQr | null;
};

export type PageHooks = {
  ocr(): Promise<Ocr>;
  /** Called when a page starts (done = pages finished so far). */
  onPage(done: number, total: number): void;
};

async function grayOf(png: Buffer): Promise<PreparedPage & { png: Buffer }> {
  const { data, info } = await sharp(png)
    .toColourspace('b-w')
    .extractChannel(0)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const gray = new Uint8Array(data.buffer, data.byteOffset, data.length);
  return {
    png,
    gray,
    width: info.width,
    height: info.height,
    deskew: 0,
    original: { gray, width: info.width, height: info.height },
  };
}

/** Reads every page of a supplier's file into words, keeping one image per page for review. */
export async function readPages(
  bytes: Uint8Array,
  fileName: string,
  hooks: PageHooks,
): Promise<ReadPages> {
  const kind = detectKind(bytes, fileName);
  const out: ReadPages = { pages: [], infos: [], images: [], qr: null };
  const keep = (png: Buffer, info: Omit<PageInfo, 'imageSha'>): void => {
    const sha = sha256(png);
    out.images.push({ sha, png });
    out.infos.push({ ...info, imageSha: sha });
  };
  const recognise = async (page: number, prepared: PreparedPage): Promise<void> => {
    // The QR is looked for, and the review's PNG written, while Tesseract (its own threads)
    // reads the page.
    const engine = await hooks.ocr();
    const reading = engine.recognize(prepared);
    const png = pagePng(prepared);
    // Both are awaited below; a failure while the QR is searched must not go unhandled.
    for (const pending of [reading, png]) pending.catch(() => undefined);
    const o = prepared.original;
    const qr = out.qr ? null : await findAfipQr(o.gray, o.width, o.height);
    out.qr ??= qr;
    const [words, shown] = await Promise.all([reading, png]);
    out.pages.push({ page, width: prepared.width, height: prepared.height, source: 'ocr', words });
    keep(shown, { source: 'ocr', width: prepared.width, height: prepared.height });
  };

  if (kind === 'pdf') {
    const pdf = await openPdf(bytes, fileName);
    try {
      const total = pdf.doc.numPages;
      for (let i = 1; i <= total; i++) {
        hooks.onPage(i - 1, total);
        const text = await pdfWords(pdf.doc, i);
        if (text) {
          const shown = await grayOf(await renderPdfPage(pdf.doc, i, SHOW_SCALE));
          out.qr ??= await findAfipQr(shown.gray, shown.width, shown.height);
          out.pages.push({
            page: i - 1,
            width: text.width,
            height: text.height,
            source: 'pdf',
            words: text.words,
          });
          keep(shown.png, { source: 'pdf', width: shown.width, height: shown.height });
        } else {
          const scan = await renderPdfPage(pdf.doc, i, SCAN_SCALE);
          await recognise(i - 1, await preparePage(sharp(scan), fileName, { lossy: true }));
        }
      }
    } finally {
      await pdf.close();
    }
    return out;
  }

  const images = await imagePages(bytes, kind, fileName);
  for (const [i, image] of images.entries()) {
    hooks.onPage(i, images.length);
    await recognise(
      i,
      await preparePage(image, fileName, { lossy: kind === 'jpeg' || kind === 'webp' }),
    );
  }
  return out;
}
