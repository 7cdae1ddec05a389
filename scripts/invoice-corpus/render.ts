import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../bench/cold-start.ts';

/** A4 in CSS pixels (96 per inch): 210 × 297 mm. */
export const A4_PX = { width: 793.7, height: 1122.5 };

export type Renderer = {
  /** Text PDF of the invoice, one A4 page. */
  pdf(html: string): Promise<Buffer>;
  /** The A4 page as a PNG at `dpi` (a scanner's 150–200). */
  png(html: string, dpi: number): Promise<Buffer>;
  /** A PDF whose only content is the image, filling the page: a scan without text layer. */
  imagePdf(image: Buffer, mime: 'image/jpeg' | 'image/png'): Promise<Buffer>;
  /** Any document as a PDF, as many pages as it takes (for the bad-input fixtures). */
  anyPdf(html: string): Promise<Buffer>;
  close(): Promise<void>;
};

const MIN_SCALE = 0.55;

/**
 * Loads the invoice and lowers the type scale until the page neither overflows nor clips a
 * one-line cell: the truth says every value is printed whole, so a cut value is a bug.
 */
async function load(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  for (let k = 1; ; k = Math.round((k - 0.05) * 100) / 100) {
    const bad = await page.evaluate((scale) => {
      const p = document.querySelector('.page');
      if (!(p instanceof HTMLElement)) return 'sin .page';
      p.style.setProperty('--k', String(scale));
      if (p.scrollHeight > p.clientHeight + 1) return 'alto';
      if (p.scrollWidth > p.clientWidth + 1) return 'ancho de página';
      for (const e of document.querySelectorAll('.nw')) {
        if (e.scrollWidth > e.clientWidth + 1) return `ancho: ${e.textContent ?? ''}`;
      }
      return '';
    }, k);
    if (!bad) return;
    if (k <= MIN_SCALE) throw new Error(`El comprobante no entra en una página A4 (${bad})`);
  }
}

/**
 * Chromium stamps the print time into the PDF. A fixed stamp of the same length keeps every xref
 * offset valid and makes the same seed give the same bytes.
 */
export function pinPdfDates(pdf: Buffer): Buffer {
  const text = pdf
    .toString('latin1')
    .replace(
      /\/(CreationDate|ModDate) \(D:\d{14}/g,
      (_m, key: string) => `/${key} (D:20250101000000`,
    );
  return Buffer.from(text, 'latin1');
}

export function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

export async function openRenderer(): Promise<Renderer> {
  const browser: Browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const pages = new Map<number, Page>();
  const pageAt = async (scale: number): Promise<Page> => {
    let page = pages.get(scale);
    if (!page) {
      const ctx = await browser.newContext({
        viewport: { width: Math.ceil(A4_PX.width), height: Math.ceil(A4_PX.height) },
        deviceScaleFactor: scale,
      });
      page = await ctx.newPage();
      pages.set(scale, page);
    }
    return page;
  };
  const print = async (page: Page): Promise<Buffer> =>
    pinPdfDates(
      await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' },
      }),
    );
  const printPdf = async (page: Page): Promise<Buffer> => {
    const pdf = await print(page);
    const n = countPdfPages(pdf);
    if (n !== 1) throw new Error(`El PDF salió con ${n} páginas`);
    return pdf;
  };
  return {
    async pdf(html) {
      const page = await pageAt(1);
      await load(page, html);
      return printPdf(page);
    },
    async png(html, dpi) {
      const page = await pageAt(dpi / 96);
      await load(page, html);
      return page.screenshot({
        type: 'png',
        clip: { x: 0, y: 0, width: A4_PX.width, height: A4_PX.height },
      });
    },
    async imagePdf(image, mime) {
      const page = await pageAt(1);
      const src = `data:${mime};base64,${image.toString('base64')}`;
      await page.setContent(
        `<!doctype html><html><head><style>@page{size:A4;margin:0}html,body{margin:0;padding:0;background:#fff}
img{display:block;width:210mm;height:297mm;object-fit:contain}</style></head><body><img src="${src}"></body></html>`,
        { waitUntil: 'load' },
      );
      return printPdf(page);
    },
    async anyPdf(html) {
      const page = await pageAt(1);
      await page.setContent(html, { waitUntil: 'load' });
      return print(page);
    },
    async close() {
      await browser.close();
    },
  };
}
