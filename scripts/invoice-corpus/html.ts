import { RATE_ORDER, lineAmount, money, quantity } from './format.ts';
import type { Invoice, Line, RateKey, Tax } from './types.ts';

/** Building blocks shared by the layouts: the A4 page, the items table, the letter box. */

export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * The page is exactly one A4 sheet. `--k` scales the type: the renderer lowers it when a long
 * invoice would not fit. Cells marked `.nw` never wrap, so every printed value is one line.
 */
const BASE_CSS = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: #fff; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { --k: 1; width: 210mm; height: 297mm; overflow: hidden; position: relative;
  display: flex; flex-direction: column; color: #111; }
.grow { flex: 1 1 auto; min-height: 0; }
.nw { white-space: nowrap; overflow: hidden; }
.r { text-align: right; } .c { text-align: center; } .l { text-align: left; }
.b { font-weight: bold; }
table { border-collapse: collapse; }
table.items { width: 100%; table-layout: fixed; }
img.qr { width: 30mm; height: 30mm; flex: none; display: block; }
`;

export function pageHtml(title: string, css: string, body: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${BASE_CSS}${css}</style></head><body><div class="page">${body}</div></body></html>`;
}

/** Font size that follows the page's type scale. */
export const fs = (px: number): string => `calc(${px}px * var(--k))`;

export type Column = {
  head: string;
  /** CSS width (mm or %); one column should be 'auto' to take the rest. */
  width: string;
  align?: 'l' | 'r' | 'c';
  cell: (l: Line) => string;
};

export function itemsTable(lines: readonly Line[], columns: readonly Column[], cls = ''): string {
  const cols = columns
    .map((c) => (c.width === 'auto' ? '<col>' : `<col style="width:${c.width}">`))
    .join('');
  const head = columns.map((c) => `<th class="nw ${c.align ?? 'l'}">${esc(c.head)}</th>`).join('');
  const rows = lines
    .map(
      (l) =>
        `<tr>${columns.map((c) => `<td class="nw ${c.align ?? 'l'}">${esc(c.cell(l))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table class="items ${cls}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function letterBox(letter: string, codeText: string, cls = 'letter'): string {
  return `<div class="${cls}"><div class="big">${letter}</div><div class="code nw">${esc(codeText)}</div></div>`;
}

export function qrImg(dataUrl: string | undefined): string {
  return dataUrl ? `<img class="qr" src="${dataUrl}" alt="QR">` : '';
}

/** Rates present on the invoice, in AFIP order. */
export function presentRates(map: Partial<Record<RateKey, number>>): RateKey[] {
  return RATE_ORDER.filter((r) => map[r] !== undefined);
}

export const sumLines = (inv: Invoice): number => inv.lines.reduce((a, l) => a + l.amountC, 0);
export const sumTaxes = (inv: Invoice): number => inv.taxes.reduce((a, t) => a + t.amountC, 0);

/** Quantity × price before the bonificación; the difference is the "Imp. Bonif." column. */
export const grossOf = (l: Line): number => lineAmount(l.qtyMilli, l.priceC, 0);

export const UNIT_WORD: Record<Line['unit'], string> = {
  u: 'unidades',
  kg: 'kilogramos',
  lt: 'litros',
};

/** "12" or "2,500 kg": the quantity with its unit when it is not units. */
export function qtyWithUnit(l: Line): string {
  return l.unit === 'u' ? quantity(l.qtyMilli, 'u') : `${quantity(l.qtyMilli, l.unit)} ${l.unit}`;
}

export function taxLabel(t: Tax, short = false): string {
  const pct = `${(t.rateBp / 100).toFixed(2).replace('.', ',')}%`;
  return `${short ? t.short : t.label} ${pct}`;
}

/** "$ 12.345,67". */
export const $ = (c: number): string => `$ ${money(c)}`;

/** A two-column row list: [label, value] pairs as table rows. */
export function rows(pairs: readonly (readonly [string, string])[], cls = ''): string {
  return pairs
    .map(
      ([k, v]) =>
        `<tr class="${cls}"><td class="nw">${esc(k)}</td><td class="nw r">${esc(v)}</td></tr>`,
    )
    .join('');
}

export function initials(name: string): string {
  return name
    .replace(/S\.R\.L\.|S\.A\.|Hnos\./g, '')
    .split(/\s+/)
    .filter((w) => /^[A-ZÁÉÍÓÚÑ]/.test(w) && !['Y', 'De', 'Del', 'La', 'El'].includes(w))
    .slice(0, 2)
    .map((w) => w[0])
    .join('');
}
