import { code128Modules } from './labels.ts';

/**
 * The ticket's own barcode (`T00001234`, what the returns screen reads back) as Code 128 bars
 * sized for the roll. Thermal heads are 203 dpi (8 dots a millimetre) and print 48 mm of a
 * 58 mm roll and 72 mm of an 80 mm one: a module of 2 dots (0.25 mm) or 3 dots (0.375 mm)
 * keeps every bar a whole number of dots and the code, with its quiet zones, inside that.
 * One geometry for the printed HTML (Electron) and the browser's preview (React).
 */

export type ReceiptBarcode = {
  /** What the bars encode and the digits printed under them. */
  text: string;
  widthMm: number;
  heightMm: number;
  barHeightMm: number;
  moduleMm: number;
  /** Each bar's left edge and width, in millimetres from the left (quiet zone included). */
  bars: { x: number; w: number }[];
  /** Baseline of the digits under the bars and their size, in millimetres. */
  textY: number;
  fontMm: number;
};

/** Printable width of each roll, millimetres. */
export const PRINTABLE_MM: Readonly<Record<58 | 80, number>> = { 58: 48, 80: 72 };

const QUIET_MODULES = 10;
const SIZES: Readonly<Record<58 | 80, { moduleMm: number; barHeightMm: number; fontMm: number }>> =
  {
    58: { moduleMm: 0.25, barHeightMm: 10, fontMm: 2.8 },
    80: { moduleMm: 0.375, barHeightMm: 12, fontMm: 3.2 },
  };

const mm = (n: number): number => Math.round(n * 1000) / 1000;

export function receiptBarcode(code: string, paper: 58 | 80): ReceiptBarcode {
  const modules = code128Modules(code);
  const size = SIZES[paper];
  const bars: { x: number; w: number }[] = [];
  let run = 0;
  for (let i = 0; i <= modules.length; i++) {
    if (modules[i] === '1') {
      run++;
      continue;
    }
    if (run > 0) {
      bars.push({ x: mm((QUIET_MODULES + i - run) * size.moduleMm), w: mm(run * size.moduleMm) });
    }
    run = 0;
  }
  const gapMm = 1;
  return {
    text: code,
    widthMm: mm((modules.length + 2 * QUIET_MODULES) * size.moduleMm),
    heightMm: mm(size.barHeightMm + gapMm + size.fontMm),
    barHeightMm: size.barHeightMm,
    moduleMm: size.moduleMm,
    bars,
    textY: mm(size.barHeightMm + gapMm + size.fontMm * 0.8),
    fontMm: size.fontMm,
  };
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The barcode as inline SVG markup, millimetre units, black bars and the digits under them. */
export function receiptBarcodeSvg(b: ReceiptBarcode): string {
  const rects = b.bars
    .map((bar) => `<rect x="${bar.x}" y="0" width="${bar.w}" height="${b.barHeightMm}"/>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${b.widthMm}mm" height="${b.heightMm}mm" ` +
    `viewBox="0 0 ${b.widthMm} ${b.heightMm}" shape-rendering="crispEdges" role="img" ` +
    `aria-label="${escapeXml(b.text)}"><g fill="#000">${rects}</g>` +
    `<text x="${mm(b.widthMm / 2)}" y="${b.textY}" font-size="${b.fontMm}" ` +
    `font-family="'DejaVu Sans Mono',Consolas,monospace" text-anchor="middle">` +
    `${escapeXml(b.text)}</text></svg>`
  );
}
