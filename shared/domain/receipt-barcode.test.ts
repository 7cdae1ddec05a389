import { describe, expect, it } from 'vitest';
import { code128Modules } from './labels.ts';
import {
  PRINTABLE_MM,
  receiptBarcode,
  receiptBarcodeSvg,
  type ReceiptBarcode,
} from './receipt-barcode.ts';

/** Reads the bars back into modules ('1' bar, '0' space) between the quiet zones. */
function modulesOf(b: Pick<ReceiptBarcode, 'bars' | 'moduleMm'>): string {
  const first = b.bars[0]?.x ?? 0;
  let out = '';
  for (const bar of b.bars) {
    const start = Math.round((bar.x - first) / b.moduleMm);
    out += '0'.repeat(start - out.length) + '1'.repeat(Math.round(bar.w / b.moduleMm));
  }
  return out;
}

const DOT_MM = 25.4 / 203;

describe('the ticket barcode on the roll', () => {
  for (const paper of [58, 80] as const) {
    it(`draws T00000001 as Code 128 inside the printable ${PRINTABLE_MM[paper]} mm of ${paper} mm paper`, () => {
      const b = receiptBarcode('T00000001', paper);
      expect(modulesOf(b)).toBe(code128Modules('T00000001'));
      expect(b.text).toBe('T00000001');
      expect(b.widthMm).toBeLessThanOrEqual(PRINTABLE_MM[paper]);
      // Ten quiet modules each side, as scanners need.
      expect(b.bars[0]?.x).toBe(10 * b.moduleMm);
      const last = b.bars[b.bars.length - 1];
      expect((last?.x ?? 0) + (last?.w ?? 0)).toBeCloseTo(b.widthMm - 10 * b.moduleMm, 6);
      // Every module is a whole number of the 203 dpi head's dots (±5 %).
      const dots = b.moduleMm / DOT_MM;
      expect(Math.abs(dots - Math.round(dots))).toBeLessThan(0.05 * dots);
      expect(b.textY).toBeGreaterThan(b.barHeightMm);
      expect(b.textY).toBeLessThanOrEqual(b.heightMm);
    });
  }

  it('writes SVG with one rect per bar and the digits under them', () => {
    const b = receiptBarcode('T00000042', 58);
    const svg = receiptBarcodeSvg(b);
    expect(svg.match(/<rect /g)).toHaveLength(b.bars.length);
    expect(svg).toContain(`width="${b.widthMm}mm"`);
    expect(svg).toMatch(/<text [^>]*text-anchor="middle"[^>]*>T00000042<\/text><\/svg>$/);
  });

  it('refuses a code Code 128 cannot carry', () => {
    expect(() => receiptBarcode('', 80)).toThrow(/no se puede imprimir como código de barras/);
  });
});
