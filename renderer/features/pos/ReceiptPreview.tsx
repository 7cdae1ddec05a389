import { useRef, type CSSProperties } from 'react';
import type { Receipt } from '../../../shared/contract/index.ts';
import { t } from '../../lib/strings.ts';
import { Modal } from './Modal.tsx';
import { ReceiptCode } from './ReceiptCode.tsx';
import { printElement } from './print.ts';

/**
 * Receipt text at the paper's width and the ticket's barcode under it; "Imprimir" prints only
 * the paper (print stylesheet).
 */
export function ReceiptPaper({ receipt }: { receipt: Receipt }) {
  const chars = Math.max(24, ...receipt.lines.map((l) => l.length));
  // A monospace character is ~0.6 em wide: size the type so the widest line fills the paper.
  const style = {
    '--paper-width': `${receipt.width}mm`,
    '--paper-font': `${(receipt.width - 4) / (chars * 0.6)}mm`,
  } as CSSProperties;
  return (
    <pre className="receipt-paper" style={style} data-testid="receipt-text">
      {receipt.lines.join('\n')}
      <ReceiptCode code={receipt.barcode} paper={receipt.width} />
    </pre>
  );
}

export function ReceiptPreview({ receipt, onClose }: { receipt: Receipt; onClose(): void }) {
  const paper = useRef<HTMLDivElement>(null);
  return (
    <Modal title={t.receipt.title} onClose={onClose} testId="receipt-preview">
      <p className="muted small">{t.receipt.hint}</p>
      <div className="receipt-scroll" ref={paper}>
        <ReceiptPaper receipt={receipt} />
      </div>
      <div className="actions">
        <button
          type="button"
          className="btn primary big"
          onClick={() => printElement(paper.current)}
          autoFocus
          data-testid="receipt-print"
        >
          {t.receipt.print}
        </button>
        <button type="button" className="btn" onClick={onClose} data-testid="receipt-close">
          {t.receipt.close}
        </button>
      </div>
    </Modal>
  );
}
