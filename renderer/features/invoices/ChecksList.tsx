import type { InvoiceCheck } from '../../../shared/contract/index.ts';
import { t } from '../../lib/strings.ts';
import { reviewHash } from './invoice-routes.ts';

const r = t.invoices.review;

/** The core's checks, failed ones first; each can take the focus to the field it is about. */
export function ChecksList({
  checks,
  onGoTo,
}: {
  checks: InvoiceCheck[];
  onGoTo(field: string): void;
}) {
  if (checks.length === 0) return null;
  const ordered = [...checks.filter((c) => !c.ok), ...checks.filter((c) => c.ok)];
  return (
    <section
      className="card inv-checks"
      aria-labelledby="inv-checks-title"
      data-testid="inv-checks"
    >
      <h3 id="inv-checks-title">{r.checks}</h3>
      <ul className="plain-list">
        {ordered.map((c, i) => (
          <li
            key={`${c.code}-${i}`}
            className={c.ok ? 'inv-check ok' : 'inv-check failed'}
            data-testid="inv-check"
            data-code={c.code}
            data-ok={c.ok ? 'true' : 'false'}
          >
            <span className="inv-check-mark" aria-label={c.ok ? r.checkOk : r.checkFailed}>
              {c.ok ? '✓' : '✗'}
            </span>
            <span className="grow">{c.message}</span>
            {!c.ok && c.code === 'duplicate' && c.invoiceId && (
              <a
                className="btn small"
                href={reviewHash(c.invoiceId)}
                data-testid="inv-check-duplicate"
              >
                {r.seeDuplicate}
              </a>
            )}
            {!c.ok && c.field && (
              <button
                type="button"
                className="btn link small"
                onClick={() => onGoTo(c.field ?? '')}
                data-testid="inv-check-goto"
              >
                {r.goToField}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
