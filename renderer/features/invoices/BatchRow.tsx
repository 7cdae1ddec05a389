import { formatMoney } from '../../lib/format.ts';
import { INVOICE_STATUS_LABEL, t } from '../../lib/strings.ts';
import { fileFraction, type BatchItem } from './batch.ts';
import { reviewHash } from './invoice-routes.ts';

const w = t.invoices.intake;

const STATE_CLASS: Readonly<Record<BatchItem['state'], string>> = {
  waiting: 'badge',
  reading: 'badge warn',
  done: 'badge ok',
  error: 'badge inv-badge-error',
  cancelled: 'badge status-cancelado',
};

/** One file of the batch: its state, its pages read, and once read what the invoice says. */
export function BatchRow({ item }: { item: BatchItem }) {
  const r = item.result;
  const pct = Math.round(fileFraction(item) * 100);
  return (
    <li
      className="inv-batch-row"
      data-testid="inv-file"
      data-state={item.state}
      data-file-name={item.fileName}
    >
      <div className="inv-batch-head">
        <span className="strong ellipsis" data-testid="inv-file-name" title={item.fileName}>
          {item.fileName}
        </span>
        <span className={STATE_CLASS[item.state]} data-testid="inv-file-state">
          {w.state[item.state]}
        </span>
        {item.state === 'reading' && item.total > 0 && (
          <span
            className="muted small"
            title={item.label ?? undefined}
            data-testid="inv-file-pages"
          >
            {w.pages(item.done, item.total)}
          </span>
        )}
      </div>
      {(item.state === 'reading' || item.state === 'waiting') && (
        // No pages known yet: an indeterminate bar says "working" without a fake figure.
        <progress
          value={item.state === 'reading' && item.total === 0 ? undefined : pct}
          max={100}
          aria-label={`${item.fileName}: ${w.state[item.state]}`}
          data-testid="inv-file-progress"
        />
      )}
      {item.error && (
        <p className="error-box small" role="alert" data-testid="inv-file-error">
          {item.error}
        </p>
      )}
      {r && (
        <div className="inv-batch-result">
          <span className="strong" data-testid="inv-file-supplier">
            {r.supplier ?? w.noSupplier}
          </span>
          <span className="mono" data-testid="inv-file-number">
            {r.code || t.none}
          </span>
          <span className="num strong" data-testid="inv-file-total">
            {r.total === null ? t.none : formatMoney(r.total)}
          </span>
          <span
            className={r.failedChecks > 0 ? 'badge warn' : 'badge ok'}
            data-testid="inv-file-failed"
            data-failed={r.failedChecks}
          >
            {w.failed(r.failedChecks)}
          </span>
          {r.status !== 'borrador' && (
            <span className="badge" data-testid="inv-file-status">
              {INVOICE_STATUS_LABEL[r.status]}
            </span>
          )}
          <a className="btn small" href={reviewHash(r.invoiceId)} data-testid="inv-file-review">
            {t.invoices.intake.review}
          </a>
        </div>
      )}
    </li>
  );
}
