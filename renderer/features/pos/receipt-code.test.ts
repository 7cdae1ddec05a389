import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Receipt } from '../../../shared/contract/index.ts';
import { receiptBarcode } from '../../../shared/domain/receipt-barcode.ts';
import { ReceiptPaper } from './ReceiptPreview.tsx';

const receipt = (width: 58 | 80, barcode = 'T00000007'): Receipt => ({
  saleId: 's1',
  width,
  lines: ['Almacén Don Pepe', 'TOTAL            $ 1.500,00'],
  barcode,
});

describe('the receipt preview in the browser', () => {
  for (const width of [58, 80] as const) {
    it(`draws the ticket's barcode under the text, sized for ${width} mm paper`, () => {
      const html = renderToStaticMarkup(createElement(ReceiptPaper, { receipt: receipt(width) }));
      const b = receiptBarcode('T00000007', width);
      expect(html.indexOf('TOTAL')).toBeLessThan(html.indexOf('<svg'));
      expect(html).toContain(`width="${b.widthMm}mm"`);
      const rects = [...html.matchAll(/<rect x="([\d.]+)" y="0" width="([\d.]+)"/g)].map((m) => ({
        x: Number(m[1]),
        w: Number(m[2]),
      }));
      expect(rects).toEqual(b.bars);
      expect(html).toMatch(/<text [^>]*>T00000007<\/text>/);
    });
  }

  it('still shows the text when the code cannot be drawn', () => {
    const html = renderToStaticMarkup(createElement(ReceiptPaper, { receipt: receipt(80, '') }));
    expect(html).toContain('Almacén Don Pepe');
    expect(html).not.toContain('<svg');
  });
});
