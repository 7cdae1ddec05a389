import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_PAGES, readError } from './detect.ts';
import type { Word } from './geometry.ts';

/** Words a page must have for its text layer to count as the invoice (else it is a scan). */
const MIN_TEXT_WORDS = 12;

export type OpenPdf = { doc: PDFDocumentProxy; close(): Promise<void> };

export async function openPdf(bytes: Uint8Array, fileName: string): Promise<OpenPdf> {
  const task = getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw readError(
        `El PDF «${fileName}» está protegido con contraseña: abrilo, guardalo sin clave (o imprimilo a PDF) y cargalo de nuevo.`,
      );
    }
    throw readError(`El PDF «${fileName}» está dañado o no se puede leer.`);
  }
  if (doc.numPages > MAX_PAGES) {
    const pages = doc.numPages;
    await task.destroy();
    throw readError(
      `El PDF «${fileName}» tiene ${pages} páginas y una factura tiene como máximo ${MAX_PAGES}: ` +
        'separá cada factura en su propio archivo.',
    );
  }
  return { doc, close: () => task.destroy() };
}

type TextItem = { str: string; transform: number[]; width: number; height: number };

/**
 * The page's text layer as words in points from the top-left, or null when the page has no
 * usable text (a scanned page: it must be rendered and recognised instead).
 */
export async function pdfWords(
  doc: PDFDocumentProxy,
  pageNumber: number,
): Promise<{ words: Word[]; width: number; height: number } | null> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const words: Word[] = [];
  for (const raw of content.items) {
    const item = raw as Partial<TextItem>;
    if (typeof item.str !== 'string' || !item.transform || !item.str.trim()) continue;
    const [a = 0, b = 0, , d = 0, e = 0, f = 0] = item.transform;
    const size = Math.hypot(b, d) || Math.abs(d) || item.height || 10;
    const width = item.width ?? Math.abs(a) * item.str.length * 0.5;
    const top = viewport.height - f - size * 0.85;
    const chars = item.str.length;
    // Split the run into words, each spanning its share of the run's width.
    const re = /\S+/g;
    for (let m = re.exec(item.str); m; m = re.exec(item.str)) {
      const x0 = e + (width * m.index) / chars;
      const x1 = e + (width * (m.index + m[0].length)) / chars;
      words.push({ text: m[0], x0, y0: top, x1, y1: top + size, conf: 0.99 });
    }
  }
  page.cleanup();
  if (words.length < MIN_TEXT_WORDS) return null;
  return { words, width: viewport.width, height: viewport.height };
}

/** Renders a page to PNG at `scale` (1 = 72 dpi). */
export async function renderPdfPage(
  doc: PDFDocumentProxy,
  pageNumber: number,
  scale: number,
): Promise<Buffer> {
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  page.cleanup();
  return canvas.toBuffer('image/png');
}
