import { receiptBarcode, receiptBarcodeSvg } from '../../shared/domain/receipt-barcode.ts';

/**
 * The printed receipt as a tiny HTML page: monospace lines at the paper's width, no margins,
 * then the ticket's Code 128 barcode with its digits, centred, for the returns screen's
 * scanner. Pure (no `electron` import) so the page the printer gets is tested as is.
 */

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function receiptHtml(lines: string[], width: 58 | 80, barcode: string | null): string {
  const fontPx = width === 58 ? 11 : 12;
  const code =
    barcode === null || barcode === ''
      ? ''
      : `\n<div class="code">${receiptBarcodeSvg(receiptBarcode(barcode, width))}</div>`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>@page{size:${width}mm auto;margin:0}body{margin:0;padding:2mm;font:${fontPx}px/1.25 'DejaVu Sans Mono',Consolas,monospace;white-space:pre}.code{white-space:normal;text-align:center;padding-top:2mm}.code svg{display:inline-block}</style>
</head><body>${lines.map(escapeHtml).join('\n')}${code}</body></html>`;
}
