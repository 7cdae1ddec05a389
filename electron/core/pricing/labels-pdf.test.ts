import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/domain/errors.ts';
import {
  code128Modules,
  ean13Modules,
  LABEL_FORMATS,
  labelPosition,
} from '../../../shared/domain/labels.ts';
import type { LabelFormat, LabelItem } from '../../../shared/domain/labels.ts';
import { layoutLabel } from '../../../shared/domain/label-layout.ts';
import { labelsPdf } from './labels-pdf.ts';

const PT = 72 / 25.4;

function item(over: Partial<LabelItem> = {}): LabelItem {
  return {
    name: 'Azúcar Ledesma 1 kg',
    brand: 'Ledesma',
    price: 123_450,
    unit: 'u',
    barcode: '7790070318992',
    sku: null,
    date: '2025-03-07',
    ...over,
  };
}

const opened: { destroy(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(opened.map((t) => t.destroy()));
});

async function open(pdf: Buffer): Promise<PDFDocumentProxy> {
  const task = getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  opened.push(task);
  return task.promise;
}

type Text = { str: string; x: number; top: number; width: number };

/** Text runs of a page, x and baseline from the page's top-left, in points. */
async function pageTexts(doc: PDFDocumentProxy, n: number): Promise<Text[]> {
  const page = await doc.getPage(n);
  const { height } = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const out: Text[] = [];
  for (const raw of content.items) {
    const t = raw as { str?: string; transform?: number[]; width?: number };
    if (!t.str?.trim() || !t.transform) continue;
    out.push({ str: t.str, x: t.transform[4]!, top: height - t.transform[5]!, width: t.width! });
  }
  return out;
}

/** The page's text, runs joined by single spaces (a wrapped name reads as one line). */
const joined = (texts: Text[]) => texts.map((t) => t.str.trim()).join(' ');

function runs(modules: string): number {
  return modules.match(/1+/g)?.length ?? 0;
}

describe('labelsPdf', () => {
  it('writes a deterministic PDF 1.4 with a correct xref table', () => {
    const pdf = labelsPdf([item()], 'a4-3x8', { shopName: 'Almacén Don José' });
    expect(labelsPdf([item()], 'a4-3x8', { shopName: 'Almacén Don José' }).equals(pdf)).toBe(true);
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text).toContain('/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding');
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)];
    expect(entries.length).toBeGreaterThan(5);
    entries.forEach((e, i) => {
      const at = Number(e[1]);
      expect(text.slice(at, at + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });

  it('refuses an empty list in Spanish', () => {
    expect(() => labelsPdf([], 'a4-3x8', {})).toThrow(DomainError);
    expect(() => labelsPdf([], 'a4-3x8', {})).toThrow('No hay etiquetas para imprimir');
    expect(() => labelsPdf([item({ price: -1 })], 'a4-3x8', {})).toThrow(DomainError);
  });

  it('fills A4 sheets and goes on to new pages', async () => {
    const items = Array.from({ length: 30 }, (_, i) => item({ name: `Producto ${i + 1}` }));
    const doc = await open(labelsPdf(items, 'a4-3x8', {}));
    expect(doc.numPages).toBe(2);
    const page = await doc.getPage(1);
    const { width, height } = page.getViewport({ scale: 1 });
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(joined(await pageTexts(doc, 1))).toContain('Producto 24');
    const second = joined(await pageTexts(doc, 2));
    expect(second).toContain('Producto 25');
    expect(second).toContain('Producto 30');
    expect(second).not.toContain('Producto 24');
  });

  it('prints one label per page on rolls, the page being the label', async () => {
    const doc = await open(labelsPdf([item(), item(), item()], 'rollo-62x29', {}));
    expect(doc.numPages).toBe(3);
    for (let n = 1; n <= 3; n++) {
      const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
      expect(width).toBeCloseTo(62 * PT, 1);
      expect(height).toBeCloseTo(29 * PT, 1);
    }
  });

  it('prints name, brand, price, price per kg / lt, barcode digits, shop and date', async () => {
    const items = [
      item(),
      item({ name: 'Aceite Natura 1,5 L', brand: 'Natura', price: 300_000, barcode: null }),
      item({ name: 'Ñoquis (caseros) ¿frescos? ¡sí! \\ pingüino', brand: null, unit: 'kg' }),
    ];
    const doc = await open(labelsPdf(items, 'a4-3x8', { shopName: 'Almacén Don José' }));
    const text = joined(await pageTexts(doc, 1));
    expect(text).toContain('Azúcar Ledesma 1 kg');
    expect(text).toContain('Ledesma');
    expect(text).toContain('$ 1.234,50');
    expect(text).toContain('$ 1.234,50 x kg');
    expect(text).toContain('$ 3.000,00');
    expect(text).toContain('$ 2.000,00 x lt');
    expect(text).toContain('07/03/2025');
    expect(text).toContain('Almacén Don José');
    expect(text).toContain('Ñoquis (caseros) ¿frescos? ¡sí! \\ pingüino');
    expect(text).toContain('7 790070 318992');
  });

  it('wraps long names to two lines, cuts them with "…" and never overflows', async () => {
    const forty = 'Galletitas Surtidas Bagley Familiar 400g';
    const long =
      'Detergente Magistral Ultra Concentrado Limón Doble Poder Antibacterial con Extracto ' +
      'Natural de Aloe Vera y Glicerina Botella Económica 750 ml Repuesto';
    expect(forty).toHaveLength(40);
    for (const format of ['a4-3x8', 'a4-2x7', 'rollo-62x29', 'rollo-50x30'] as LabelFormat[]) {
      const g = LABEL_FORMATS[format];
      const items = [item({ name: forty, barcode: null, sku: 'GAL-400' }), item({ name: long })];
      const doc = await open(
        labelsPdf(items, format, { shopName: 'Autoservicio La Esquina Feliz' }),
      );
      const texts = [
        ...(await pageTexts(doc, 1)),
        ...(format.startsWith('rollo') ? await pageTexts(doc, 2) : []),
      ];
      const cells = items.map((_, i) => labelPosition(format, i));
      for (const t of texts) {
        const cell = format.startsWith('rollo')
          ? { x: 0, y: 0 }
          : cells.find(
              (c) =>
                t.x >= c.x * PT &&
                t.x < (c.x + g.labelWidth) * PT &&
                t.top > c.y * PT &&
                t.top < (c.y + g.labelHeight) * PT,
            );
        expect(cell, `${format}: «${t.str}» is in no label`).toBeDefined();
        expect(t.x).toBeGreaterThanOrEqual(cell!.x * PT);
        expect(t.top).toBeLessThan((cell!.y + g.labelHeight) * PT);
        expect(t.x + t.width, `${format}: «${t.str}»`).toBeLessThanOrEqual(
          (cell!.x + g.labelWidth - g.padding) * PT + 0.01,
        );
      }
      const all = joined(texts);
      const nameLines = texts.filter(
        (t) => long.includes(t.str.replace('…', '').trim()) && t.str.length > 3,
      );
      expect(nameLines.length, format).toBeLessThanOrEqual(2);
      expect(nameLines.at(-1)?.str.endsWith('…'), format).toBe(true);
      expect(all, format).toContain(forty);
    }
  });

  it('draws the EAN-13 bars where they belong (rendered)', async () => {
    const modules = ean13Modules('7790070318992');
    await expectBars(item(), modules);
  });

  it('draws Code 128 for a SKU when there is no barcode, nothing when neither', async () => {
    await expectBars(item({ barcode: null, sku: 'YER-500' }), code128Modules('YER-500'));
    const none = layoutLabel(
      item({ barcode: null, sku: null }),
      LABEL_FORMATS['rollo-62x29'],
      null,
    );
    expect(none.bars).toHaveLength(0);
  });
});

/** Renders a roll label and counts the dark runs on a scanline through the bars. */
async function expectBars(it: LabelItem, modules: string): Promise<void> {
  const drawing = layoutLabel(it, LABEL_FORMATS['rollo-62x29'], null);
  expect(drawing.bars).toHaveLength(runs(modules));
  const doc = await open(labelsPdf([it], 'rollo-62x29', {}));
  const page = await doc.getPage(1);
  const scale = 4;
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: ctx as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  const first = drawing.bars[0]!;
  const last = drawing.bars[drawing.bars.length - 1]!;
  const shortest = Math.min(...drawing.bars.map((b) => b.h));
  const y = Math.round((first.y + shortest / 2) * scale);
  const x0 = Math.floor((first.x - 2) * scale);
  const x1 = Math.ceil((last.x + last.w + 2) * scale);
  const row = ctx.getImageData(x0, y, x1 - x0, 1).data;
  let dark = 0;
  let inBar = false;
  for (let i = 0; i < x1 - x0; i++) {
    const lum = (row[i * 4]! + row[i * 4 + 1]! + row[i * 4 + 2]!) / 3;
    if (lum < 128 && !inBar) dark++;
    inBar = lum < 128;
  }
  expect(dark).toBe(runs(modules));
  // Above the bars the band is blank.
  const above = ctx.getImageData(x0, Math.floor((first.y - 1) * scale), x1 - x0, 1).data;
  expect([...above].filter((v, i) => i % 4 === 0 && v < 128)).toHaveLength(0);
}
