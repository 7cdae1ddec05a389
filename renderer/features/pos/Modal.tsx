import { useId, type ReactNode } from 'react';
import { t } from '../../lib/strings.ts';

/**
 * A dialog over the screen. While one is open (`aria-modal`), the sale screen's scanner and
 * F-keys stand still. Never closes on a stray click outside: at a counter that loses work.
 */
export function Modal({
  title,
  onClose,
  children,
  testId,
  wide = false,
  className = '',
}: {
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
  className?: string;
}) {
  const titleId = useId();
  return (
    <div className="modal-backdrop">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`modal card ${wide ? 'modal-wide' : ''} ${className}`}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn link" onClick={onClose} aria-label={t.close}>
            ✕
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

/** True while any dialog is open. */
export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** True when `el` sits in the topmost open dialog (the one the keyboard talks to). */
export function inTopModal(el: Element | null): boolean {
  const all = document.querySelectorAll('[aria-modal="true"]');
  const top = all[all.length - 1];
  return top !== undefined && el !== null && top.contains(el);
}

/**
 * A question with one action and Cancelar, which has the focus so an Enter pressed out of habit
 * never does the action. Buttons are `<prefix>-confirm-ok` / `<prefix>-confirm-cancel` for tests.
 */
export function ConfirmModal({
  title,
  testId,
  testPrefix,
  ok,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  testPrefix: string;
  ok: { label: string; danger?: boolean; busy?: boolean; onClick(): void };
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Modal title={title} onClose={onClose} testId={testId}>
      {children}
      <div className="actions">
        <button
          type="button"
          className={ok.danger ? 'btn danger big' : 'btn primary big'}
          disabled={ok.busy}
          onClick={ok.onClick}
          data-testid={`${testPrefix}-confirm-ok`}
        >
          {ok.label}
        </button>
        <button
          type="button"
          className="btn"
          autoFocus
          onClick={onClose}
          data-testid={`${testPrefix}-confirm-cancel`}
        >
          {t.cancel}
        </button>
      </div>
    </Modal>
  );
}
