import { useState } from 'react';
import { DENOMINATIONS, type CashReport } from '../../../shared/contract/index.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { ErrorBox, MoneyField } from '../../lib/fields.tsx';
import { formatMoney } from '../../lib/format.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { denominationCounts, isBill, parseCount, runningTotal } from './cash-report.ts';

const c = t.cash;
const DECLARED = ['debito', 'credito', 'transferencia'] as const;

function DenominationRow({
  value,
  text,
  onChange,
}: {
  value: number;
  text: string;
  onChange(text: string): void;
}) {
  const qty = parseCount(text);
  return (
    <label className="denom-row">
      <span className="denom-value">{formatMoney(value).replace(/,00$/, '')}</span>
      <span aria-hidden="true">×</span>
      <input
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onFocus={(e) => e.target.select()}
        inputMode="numeric"
        aria-invalid={qty === null}
        aria-label={formatMoney(value)}
        data-testid={`cash-denom-${value}`}
      />
      <span className="num denom-subtotal">{qty === null ? '' : formatMoney(value * qty)}</span>
    </label>
  );
}

/** The close: count by denomination with a running total, the terminals' totals, then the Z. */
export function CloseForm({
  onClosed,
  onCancel,
}: {
  onClosed(z: CashReport): void;
  onCancel(): void;
}) {
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [declared, setDeclared] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const total = runningTotal(counts);

  async function close() {
    setError(null);
    const denominations = denominationCounts(counts);
    if (denominations === null) return setError(c.badCount);
    const decl: { debito?: number; credito?: number; transferencia?: number } = {};
    try {
      for (const tender of DECLARED) {
        const text = declared[tender]?.trim() ?? '';
        if (text !== '') decl[tender] = parseMoney(text);
      }
    } catch (e) {
      return setError(errorMessage(e));
    }
    setBusy(true);
    try {
      onClosed(await call('cash.close', { denominations, declared: decl }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const row = (value: number) => (
    <DenominationRow
      key={value}
      value={value}
      text={counts[value] ?? ''}
      onChange={(text) => setCounts((s) => ({ ...s, [value]: text }))}
    />
  );

  return (
    <section className="card stack" aria-labelledby="close-title" data-testid="cash-close-form">
      <h2 id="close-title">{c.closeTitle}</h2>
      <p className="muted">{c.closeIntro}</p>
      <div className="denoms">
        <fieldset className="denom-group">
          <legend>{c.bills}</legend>
          {DENOMINATIONS.filter(isBill).map(row)}
        </fieldset>
        <fieldset className="denom-group">
          <legend>{c.coins}</legend>
          {DENOMINATIONS.filter((d) => !isBill(d)).map(row)}
        </fieldset>
        <div className="denom-total">
          <span>{c.counted}</span>
          <strong data-testid="cash-count-total">{formatMoney(total)}</strong>
        </div>
      </div>
      <fieldset className="field">
        <legend>{c.declared}</legend>
        <div className="row3">
          {DECLARED.map((tender) => (
            <MoneyField
              key={tender}
              label={c.declaredTender(TENDER_LABEL[tender])}
              value={declared[tender] ?? ''}
              onChange={(v) => setDeclared((s) => ({ ...s, [tender]: v }))}
              testId={`cash-declared-${tender}`}
            />
          ))}
        </div>
      </fieldset>
      <p className="muted small">{c.closeConfirm}</p>
      <ErrorBox error={error} testId="cash-close-error" />
      <div className="actions">
        <button
          type="button"
          className="btn primary big"
          disabled={busy}
          onClick={() => void close()}
          data-testid="cash-close-submit"
        >
          {c.closeSubmit}
        </button>
        <button type="button" className="btn link" onClick={onCancel}>
          {c.cancel}
        </button>
      </div>
    </section>
  );
}
