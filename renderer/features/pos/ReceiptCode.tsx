import type { CSSProperties } from 'react';
import { receiptBarcode, type ReceiptBarcode } from '../../../shared/domain/receipt-barcode.ts';

const BOX: CSSProperties = { display: 'block', textAlign: 'center', marginTop: '2mm' };

function encodable(code: string, paper: 58 | 80): ReceiptBarcode | null {
  try {
    return receiptBarcode(code, paper);
  } catch {
    // Not encodable (an empty or odd code from an older core): the text alone still works.
    return null;
  }
}

/**
 * The ticket's Code 128 barcode under the receipt text, the same geometry the Electron printer
 * gets (shared/domain/receipt-barcode.ts), so a printed preview scans at the returns screen.
 */
export function ReceiptCode({ code, paper }: { code: string; paper: 58 | 80 }) {
  const b = encodable(code, paper);
  if (!b) return null;
  return (
    <span style={BOX} data-testid="receipt-barcode">
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={`${b.widthMm}mm`}
        height={`${b.heightMm}mm`}
        viewBox={`0 0 ${b.widthMm} ${b.heightMm}`}
        shapeRendering="crispEdges"
        role="img"
        aria-label={b.text}
      >
        <g fill="#000">
          {b.bars.map((bar) => (
            <rect key={bar.x} x={bar.x} y={0} width={bar.w} height={b.barHeightMm} />
          ))}
        </g>
        <text
          x={b.widthMm / 2}
          y={b.textY}
          fontSize={b.fontMm}
          fontFamily="'DejaVu Sans Mono',Consolas,monospace"
          textAnchor="middle"
        >
          {b.text}
        </text>
      </svg>
    </span>
  );
}
