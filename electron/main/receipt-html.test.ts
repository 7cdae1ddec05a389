import { afterEach, describe, expect, it } from 'vitest';
import { code128Modules } from '../../shared/domain/labels.ts';
import { PRINTABLE_MM } from '../../shared/domain/receipt-barcode.ts';
import { openSalesStore, type SalesStore } from '../core/sales/test-support.ts';
import { receiptHtml } from './receipt-html.ts';

let s: SalesStore | null = null;
afterEach(() => s?.close());

/** A store whose printer is the page Electron's printing.ts sends: the real HTML, kept. */
async function storePrintingHtml(width: 58 | 80): Promise<{ store: SalesStore; pages: string[] }> {
  const pages: string[] = [];
  const store = await openSalesStore({
    devices: {
      printReceipt: (lines, opts) => {
        pages.push(receiptHtml(lines, opts.width, opts.barcode));
        return Promise.resolve({ printed: true, message: null });
      },
      openDrawer: () => Promise.resolve(true),
    },
  });
  await store.call('sales.updateSettings', { receiptWidth: width }, store.owner);
  return { store, pages };
}

/** The bars of the page's SVG read back into modules, and its size and digits. */
function readSvg(html: string) {
  const svg = /<svg [^>]*width="([\d.]+)mm"[^>]*>(.*?)<\/svg>/s.exec(html);
  const rects = [...(svg?.[2] ?? '').matchAll(/<rect x="([\d.]+)" y="0" width="([\d.]+)"/g)];
  const bars = rects.map((m) => ({ x: Number(m[1]), w: Number(m[2]) }));
  const moduleMm = Math.min(...bars.map((b) => b.w));
  let modules = '';
  for (const bar of bars) {
    const start = Math.round((bar.x - (bars[0]?.x ?? 0)) / moduleMm);
    modules += '0'.repeat(start - modules.length) + '1'.repeat(Math.round(bar.w / moduleMm));
  }
  const digits = /<text [^>]*>([^<]*)<\/text>/.exec(svg?.[2] ?? '')?.[1];
  return { widthMm: Number(svg?.[1]), modules, digits };
}

describe('the receipt page the Electron printer gets', () => {
  for (const width of [58, 80] as const) {
    it(`prints the ticket's Code 128 barcode and its digits under the text on ${width} mm paper`, async () => {
      const { store, pages } = await storePrintingHtml(width);
      s = store;
      const p = await store.product('Fideos <Don Vicente> & Cía', { price: 1_500_00 });
      const sold = await store.sell({
        lines: [{ productId: p.id, qty: 1_000 }],
        payments: [{ tender: 'efectivo', amount: 1_500_00 }],
      });
      const r = await store.call('sales.print', { saleId: sold.id }, store.cajero);
      expect(r.printed).toBe(true);
      const html = pages[0] ?? '';
      expect(pages).toHaveLength(1);
      expect(html).toContain(`@page{size:${width}mm auto;margin:0}`);
      expect(html).toContain('Fideos &lt;Don Vicente&gt; &amp; Cía');
      expect(html.indexOf('Comprobante no válido como factura')).toBeLessThan(html.indexOf('<svg'));
      const code = readSvg(html);
      expect(code.digits).toBe('T00000001');
      expect(code.modules).toBe(code128Modules(r.receipt.barcode));
      expect(code.widthMm).toBeGreaterThan(0);
      expect(code.widthMm).toBeLessThanOrEqual(PRINTABLE_MM[width]);
      // What the scanner sends for those bars finds the ticket at the returns screen.
      const found = await store.call('sales.findByCode', { code: code.digits ?? '' }, store.cajero);
      expect(found?.id).toBe(sold.id);
    });
  }

  it('kicks the drawer with an empty page and no barcode', () => {
    const html = receiptHtml([''], 58, null);
    expect(html).not.toContain('<svg');
    expect(html).toContain('@page{size:58mm auto;margin:0}');
  });
});
