import { encodeWindows1252 } from './csv.ts';
import { formatLabelDate, labelBarcode, unitPriceLine } from './labels.ts';
import type { LabelBarcode, LabelGeometry, LabelItem } from './labels.ts';
import { formatMoney } from './money.ts';

/**
 * One shelf label laid out in points from its top-left corner: the name (bold, up to two lines),
 * brand, price, price per kg / lt, barcode with its digits, shop and date. Text is measured with
 * the Helvetica metrics the PDF prints with, so the screen's preview and the PDF agree.
 *
 * Prices are printed in full, `$ 1.234,50` (centavos always shown, like formatMoney); the
 * price per kg / lt below as `$ 2.466,00 x kg`.
 */

export const PT_PER_MM = 72 / 25.4;

// Advance widths (1/1000 em) of the WinAnsi codes 32–255: the published Helvetica metrics.
function widthTable(list: string): number[] {
  return list.split(' ').map(Number);
}
const REGULAR_WIDTHS = widthTable(
  '278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 ' +
    '556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 ' +
    '556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 ' +
    '556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 ' +
    '500 500 500 334 260 334 584 350 556 350 222 556 333 1000 556 556 333 1000 667 333 1000 ' +
    '350 611 350 350 222 222 333 333 350 556 1000 333 1000 500 333 944 350 500 667 278 333 ' +
    '556 556 556 556 260 556 333 737 370 556 584 333 737 333 400 584 333 333 333 556 537 278 ' +
    '333 333 365 556 834 834 834 611 667 667 667 667 667 667 1000 722 667 667 667 667 278 278 ' +
    '278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 ' +
    '556 556 889 500 556 556 556 556 278 278 278 278 556 556 556 556 556 556 556 584 611 556 ' +
    '556 556 556 500 556 500',
);
const BOLD_WIDTHS = widthTable(
  '278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 ' +
    '556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 ' +
    '611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 ' +
    '611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 ' +
    '556 556 500 389 280 389 584 350 556 350 278 556 500 1000 556 556 333 1000 667 333 1000 ' +
    '350 611 350 350 278 278 500 500 350 556 1000 333 1000 556 333 944 350 500 667 278 333 ' +
    '556 556 556 556 280 556 333 737 370 556 584 333 737 333 400 584 333 333 333 611 556 278 ' +
    '333 333 365 556 834 834 834 611 722 722 722 722 722 722 1000 722 667 667 667 667 278 278 ' +
    '278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 556 556 ' +
    '556 556 889 556 556 556 556 556 278 278 278 278 611 611 611 611 611 611 611 584 611 611 ' +
    '611 611 611 556 611 556',
);
const ASCENT = 0.718; // cap height, to place text by its top
const DESCENT = 0.207;
const ELLIPSIS = '…';

/** A letter WinAnsi lacks, without its accents (ő → o), or '?'. */
function asciiFallback(ch: string): string {
  const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[ -~]+$/.test(base) ? base : '?';
}

/** Text that WinAnsi can carry: controls and line breaks become spaces. */
export function winAnsiText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 32;
    if (code < 0x20 || code === 0x7f || /\s/u.test(ch)) out += ' ';
    else if (ch === '?' || encodeWindows1252(ch)[0] !== 0x3f) out += ch;
    else out += asciiFallback(ch);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Width in points of already-WinAnsi text. */
export function textWidth(text: string, bold: boolean, size: number): number {
  const table = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  let sum = 0;
  for (const b of encodeWindows1252(text)) sum += table[b - 32] ?? 0;
  return (sum * size) / 1000;
}

/** `text` cut with "…" to fit `max` points. */
function fitLine(text: string, bold: boolean, size: number, max: number): string {
  if (textWidth(text, bold, size) <= max) return text;
  for (let n = text.length - 1; n > 0; n--) {
    const cut = text.slice(0, n).trimEnd() + ELLIPSIS;
    if (textWidth(cut, bold, size) <= max) return cut;
  }
  return '';
}

/** Greedy word wrap to `maxLines`; the last line takes the rest, cut with "…". */
function wrapLines(text: string, bold: boolean, size: number, max: number, maxLines: number) {
  const lines: string[] = [];
  let rest = text.trim();
  const fits = (s: string) => textWidth(s, bold, size) <= max;
  while (rest && lines.length < maxLines - 1 && !fits(rest)) {
    let cut = 0;
    for (let i = rest.indexOf(' '); i > 0 && fits(rest.slice(0, i)); i = rest.indexOf(' ', i + 1)) {
      cut = i;
    }
    if (cut === 0) {
      // One word wider than the line: break it.
      cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut++;
    }
    lines.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) lines.push(fitLine(rest, bold, size, max));
  return lines;
}

export type LabelText = { text: string; bold: boolean; size: number; x: number; y: number };
export type LabelBar = { x: number; y: number; w: number; h: number };
/** One label in points from its top-left corner, y down; text `y` is the baseline. */
export type LabelDrawing = { width: number; height: number; texts: LabelText[]; bars: LabelBar[] };

function drawBarcode(
  code: LabelBarcode,
  box: { x: number; y: number; w: number; h: number },
  digitSize: number,
): { texts: LabelText[]; bars: LabelBar[] } {
  const ean = code.kind !== 'code128';
  const quietLeft = code.kind === 'ean13' ? 9 : ean ? 0 : 4;
  const units = code.modules.length + quietLeft + (ean ? 0 : 4);
  const module = Math.min(1, box.w / units);
  const x0 = box.x + quietLeft * module;
  const barsH = box.h - digitSize * (ean ? 0.6 : 1.1);
  const baseline = box.y + box.h - DESCENT * digitSize;
  const guards =
    code.kind === 'ean13'
      ? [0, 1, 2, 45, 46, 47, 48, 49, 92, 93, 94]
      : [0, 1, 2, 31, 32, 33, 34, 35, 64, 65, 66];
  const bars: LabelBar[] = [];
  for (const run of code.modules.matchAll(/1+/g)) {
    const guard = ean && guards.includes(run.index);
    const h = guard || !ean ? barsH : barsH - digitSize * 0.6;
    bars.push({ x: x0 + run.index * module, y: box.y, w: run[0].length * module, h });
  }
  const texts: LabelText[] = [];
  const centered = (text: string, from: number, to: number) => {
    const w = textWidth(text, false, digitSize);
    texts.push({
      text,
      bold: false,
      size: digitSize,
      x: x0 + ((from + to) * module - w) / 2,
      y: baseline,
    });
  };
  if (code.kind === 'ean13') {
    const first = code.text.slice(0, 1);
    const w = textWidth(first, false, digitSize);
    texts.push({ text: first, bold: false, size: digitSize, x: x0 - module - w, y: baseline });
    centered(code.text.slice(1, 7), 3, 45);
    centered(code.text.slice(7), 50, 92);
  } else if (code.kind === 'ean8') {
    centered(code.text.slice(0, 4), 3, 31);
    centered(code.text.slice(4), 36, 64);
  } else {
    centered(code.text, 0, code.modules.length);
  }
  return { texts, bars };
}

/** Lays out one label: name, brand, price, price per kg / lt, barcode, shop and date. */
export function layoutLabel(
  item: LabelItem,
  geometry: LabelGeometry,
  shopName: string | null,
): LabelDrawing {
  const width = geometry.labelWidth * PT_PER_MM;
  const height = geometry.labelHeight * PT_PER_MM;
  const pad = geometry.padding * PT_PER_MM;
  const W = width - 2 * pad;
  const H = height - 2 * pad;
  const nameSize = Math.min(10.5, Math.max(6, H * 0.11));
  const small = Math.max(5, nameSize * 0.72);
  const texts: LabelText[] = [];
  const text = (t: string, bold: boolean, size: number, x: number, y: number) => {
    if (t) texts.push({ text: t, bold, size, x, y });
  };

  let y = pad;
  const lines = wrapLines(winAnsiText(item.name), true, nameSize, W, 2);
  lines.forEach((line, i) => text(line, true, nameSize, pad, pad + nameSize * (ASCENT + 1.12 * i)));
  y += nameSize * (ASCENT + 1.12 * Math.max(0, lines.length - 1) + DESCENT);
  const brand = winAnsiText(item.brand?.trim() ?? '');
  if (brand) {
    text(fitLine(brand, false, small, W), false, small, pad, y + small * 0.95);
    y += small * 1.2;
  }

  // Bottom band: barcode on the left, shop and date on the right.
  const bandH = H * 0.3;
  const bandTop = pad + H - bandH;
  const bottom = pad + H - DESCENT * small;
  const date = formatLabelDate(item.date);
  const shop = winAnsiText(shopName?.trim() ?? '');
  const colW = Math.max(
    textWidth(date, false, small),
    Math.min(textWidth(shop, false, small), W * 0.4),
  );
  text(date, false, small, width - pad - textWidth(date, false, small), bottom);
  const shopLine = fitLine(shop, false, small, colW);
  text(
    shopLine,
    false,
    small,
    width - pad - textWidth(shopLine, false, small),
    bottom - small * 1.15,
  );
  const code = labelBarcode(item);
  const bars: LabelBar[] = [];
  if (code) {
    const gap = small * 0.35;
    const box = { x: pad, y: bandTop + gap, w: W - colW - 4, h: bandH - gap };
    const drawn = drawBarcode(code, box, small * 0.95);
    bars.push(...drawn.bars);
    texts.push(...drawn.texts);
  }

  // Price per kg / lt just above the band, the price big in the space left.
  const unit = unitPriceLine(item.name, item.unit, item.price);
  let priceBottom = bandTop - 1;
  if (unit) {
    text(`${formatMoney(unit.price)} x ${unit.per}`, false, small, pad, bandTop - DESCENT * small);
    priceBottom = bandTop - small * 1.05;
  }
  const price = formatMoney(item.price);
  const room = priceBottom - y;
  const priceSize = Math.max(
    5,
    Math.min(H * 0.26, room / (ASCENT + 0.15), W / textWidth(price, true, 1)),
  );
  text(price, true, priceSize, pad, y + (room + ASCENT * priceSize) / 2);
  return { width, height, texts, bars };
}
