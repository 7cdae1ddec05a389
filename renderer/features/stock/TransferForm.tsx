import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';

export function TransferForm({ product, onDone }: { product: Product; onDone(): void }) {
  const locations = useQuery('stock.locations', {});
  const active = locations.data?.filter((l) => l.active) ?? [];
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState<string>(t.transfer.defaultReason);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = fromId || active[0]?.id || '';
  const to = toId || active.find((l) => l.id !== from)?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (from === to) return setError(t.transfer.same);
    let milli: number;
    try {
      milli = parseQuantity(qty, product.unit);
    } catch (err) {
      return setError(errorMessage(err));
    }
    if (milli <= 0) return setError(t.move.positive);
    setBusy(true);
    try {
      await call('stock.transfer', {
        productId: product.id,
        fromLocationId: from,
        toLocationId: to,
        qty: milli,
        reason: reason.trim() || t.transfer.defaultReason,
      });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  if (locations.data && active.length < 2) return <p className="notice">{t.transfer.needTwo}</p>;

  return (
    <form
      className="subform"
      onSubmit={(e) => void submit(e)}
      aria-label={t.product.action.transferir}
      data-testid="transfer-form"
    >
      <label className="field">
        <span>{t.transfer.from}</span>
        <select
          value={from}
          onChange={(e) => setFromId(e.target.value)}
          data-testid="transfer-from"
        >
          {active.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.transfer.to}</span>
        <select value={to} onChange={(e) => setToId(e.target.value)} data-testid="transfer-to">
          {active.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.move.qty(product.unit)}</span>
        <input
          value={qty}
          onChange={(e) => setQty(e.target.value)}
          inputMode="decimal"
          autoFocus
          data-testid="transfer-qty"
        />
      </label>
      <label className="field">
        <span>{t.stock.col.reason}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={200}
          data-testid="transfer-reason"
        />
      </label>
      {error && (
        <p className="error-box" role="alert" data-testid="transfer-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn primary" disabled={busy} data-testid="transfer-submit">
          {t.transfer.submit}
        </button>
        <button type="button" className="btn link" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
