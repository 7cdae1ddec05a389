import type { ReactNode } from 'react';
import { t } from '../../lib/strings.ts';
import { Modal } from '../pos/Modal.tsx';

/**
 * Asks before a batch of prices is applied or undone. Cancelar has the focus, so an Enter
 * pressed out of habit never rewrites a thousand prices.
 */
export function PricingConfirm({
  title,
  okLabel,
  danger = false,
  busy,
  onOk,
  onClose,
  testId,
  children,
}: {
  title: string;
  okLabel: string;
  danger?: boolean;
  busy: boolean;
  onOk(): void;
  onClose(): void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      {children}
      <div className="actions">
        <button
          type="button"
          className={danger ? 'btn danger big' : 'btn primary big'}
          disabled={busy}
          onClick={onOk}
          data-testid="price-confirm-ok"
        >
          {okLabel}
        </button>
        <button type="button" className="btn" autoFocus onClick={onClose}>
          {t.cancel}
        </button>
      </div>
    </Modal>
  );
}
