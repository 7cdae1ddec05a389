import { useState } from 'react';
import type { InvoiceCheck } from '../../../shared/contract/index.ts';
import { FormResult, type FormMessage } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { ConfirmModal } from '../pos/Modal.tsx';
import { LocationSelect } from '../stock/LocationSelect.tsx';
import type { Confirm } from './useReview.ts';

const r = t.invoices.review;

/** Guardar, Aplicar a stock (with the location) and Descartar, under the review form. */
export function ReviewActions({
  defaultLocationId,
  checks,
  busy,
  dirty,
  message,
  onSave,
  onApply,
  onDiscard,
}: {
  defaultLocationId: string | null;
  checks: InvoiceCheck[];
  busy: boolean;
  dirty: boolean;
  message: FormMessage;
  onSave(): void;
  onApply(locationId: string): void;
  onDiscard(): void;
}) {
  const canStock = useCan('stock.read');
  const locations = useQuery('stock.locations', {}, { enabled: canStock });
  const active = (locations.data ?? []).filter((l) => l.active);
  const [picked, setPicked] = useState('');
  const locationId =
    picked || active.find((l) => l.id === defaultLocationId)?.id || active[0]?.id || '';
  const duplicate = checks.some((c) => !c.ok && c.code === 'duplicate');

  return (
    <section className="card stack inv-actions" data-testid="inv-actions">
      {duplicate && (
        <p className="notice" data-testid="inv-duplicate-notice">
          {r.duplicateBlocks}
        </p>
      )}
      <div className="actions-row">
        <button
          type="button"
          className={dirty ? 'btn primary' : 'btn'}
          disabled={busy}
          onClick={onSave}
          aria-keyshortcuts="Control+S"
          data-testid="inv-save"
        >
          {busy ? t.saving : r.save}
        </button>
        <LocationSelect
          label={r.location}
          value={locationId}
          onChange={setPicked}
          locations={active}
          testId="inv-location"
        />
        <button
          type="button"
          className="btn primary big"
          disabled={busy || duplicate || locationId === ''}
          onClick={() => onApply(locationId)}
          data-testid="inv-apply"
        >
          {busy ? r.applying : r.apply}
        </button>
        <button
          type="button"
          className="btn danger"
          disabled={busy}
          onClick={onDiscard}
          data-testid="inv-discard"
        >
          {r.discard}
        </button>
      </div>
      {locations.error && <p className="error-box">{locations.error}</p>}
      <FormResult message={message} testId="inv-save-result" />
    </section>
  );
}

/** Asks before applying an invoice whose checks failed, or before discarding a draft. */
export function ReviewConfirm({
  confirm,
  onClose,
  onApply,
  onDiscard,
}: {
  confirm: Confirm;
  onClose(): void;
  onApply(): void;
  onDiscard(): void;
}) {
  if (confirm === null) return null;
  if (confirm.kind === 'discard') {
    return (
      <ConfirmModal
        title={r.discardTitle}
        testId="inv-confirm-discard"
        testPrefix="inv"
        ok={{ label: r.discardOk, danger: true, onClick: onDiscard }}
        onClose={onClose}
      >
        <p>{r.discardText}</p>
      </ConfirmModal>
    );
  }
  return (
    <ConfirmModal
      title={r.confirmTitle}
      testId="inv-confirm-apply"
      testPrefix="inv"
      ok={{ label: r.confirmApply, onClick: onApply }}
      onClose={onClose}
    >
      {confirm.failed.length > 0 && (
        <>
          <p>{r.confirmText(confirm.failed.length)}</p>
          <ul className="inv-confirm-list">
            {confirm.failed.map((c, i) => (
              <li key={`${c.code}-${i}`}>✗ {c.message}</li>
            ))}
          </ul>
        </>
      )}
      {confirm.unmatched > 0 && <p className="notice">{r.unmatched(confirm.unmatched)}</p>}
    </ConfirmModal>
  );
}
