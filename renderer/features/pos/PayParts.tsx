import type { CommitFailure } from './checkout.ts';
import type { PaymentEntry } from './payment.ts';
import { formatMoney } from '../../lib/format.ts';
import { routeHash } from '../../lib/route.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';

const p = t.pay;

export function PaymentList({
  payments,
  onRemove,
}: {
  payments: readonly PaymentEntry[];
  onRemove(index: number): void;
}) {
  if (payments.length === 0) return null;
  return (
    <ul className="pay-list" aria-label={p.paid}>
      {payments.map((x, i) => (
        <li key={i} data-testid="pay-payment">
          <span>{TENDER_LABEL[x.tender]}</span>
          {x.reference && <span className="muted small">{x.reference}</span>}
          <span className="num strong">{formatMoney(x.amount)}</span>
          {x.tendered !== null && (
            <span className="muted small">
              {p.tendered}: {formatMoney(x.tendered)}
            </span>
          )}
          <button
            type="button"
            className="btn small link"
            onClick={() => onRemove(i)}
            data-testid={`pay-remove-${i}`}
          >
            {p.remove}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Why the sale did not go through, and what the cashier can do about it. */
export function FailureBox({
  failure,
  onSellAnyway,
  busy,
}: {
  failure: CommitFailure | null;
  onSellAnyway(): void;
  busy: boolean;
}) {
  if (!failure) return null;
  switch (failure.kind) {
    case 'below_cost':
      return (
        <div className="notice" role="alert" data-testid="below-cost">
          <strong>{failure.message || p.belowCostTitle}</strong>
          <ul>
            {failure.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <button
            type="button"
            className="btn danger"
            onClick={onSellAnyway}
            disabled={busy}
            data-testid="below-cost-confirm"
          >
            {failure.needsSupervisor ? p.sellWithApproval : p.sellAnyway}
          </button>
        </div>
      );
    case 'no_session':
      return (
        <div className="error-box" role="alert" data-testid="pay-no-session">
          <p>{p.noSession}</p>
          <a className="btn" href={routeHash('caja', 'turno')} data-testid="pay-open-drawer">
            {t.pos.openDrawer}
          </a>
        </div>
      );
    case 'network':
      return (
        <p className="error-box" role="alert" data-testid="pay-network-error">
          {failure.message} {p.networkError}
        </p>
      );
    case 'approval':
      return (
        <p className="error-box" role="alert" data-testid="pay-error">
          {failure.message} {p.approvalsAgain}
        </p>
      );
    case 'other':
      return (
        <p className="error-box" role="alert" data-testid="pay-error">
          {failure.message}
        </p>
      );
  }
}
