import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';

export type MoveKind = 'entrada' | 'salida' | 'ajuste';

export function MoveForm({
  kind,
  product,
  onDone,
}: {
  kind: MoveKind;
  product: Product;
  onDone(): void;
}) {
  const locations = useQuery('stock.locations', {});
  const active = locations.data?.filter((l) => l.active) ?? [];
  const [locationId, setLocationId] = useState('');
  const [qty, setQty] = useState('');
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = locationId || active[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let milli: number;
    try {
      milli = parseQuantity(qty, product.unit);
    } catch (err) {
      return setError(errorMessage(err));
    }
    if (kind !== 'ajuste' && milli <= 0) return setError(t.move.positive);
    if (reason.trim() === '') return setError(t.move.reasonRequired);
    setBusy(true);
    try {
      await call('stock.move', {
        productId: product.id,
        locationId: chosen,
        kind,
        qty: milli,
        reason: reason.trim(),
        ...(reference.trim() ? { reference: reference.trim() } : {}),
      });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form
      className="subform"
      onSubmit={(e) => void submit(e)}
      aria-label={t.product.action[kind]}
      data-testid={`move-form-${kind}`}
    >
      <label className="field">
        <span>{t.stock.col.location}</span>
        <select
          value={chosen}
          onChange={(e) => setLocationId(e.target.value)}
          data-testid="move-location"
        >
          {active.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{kind === 'ajuste' ? t.move.adjustQty(product.unit) : t.move.qty(product.unit)}</span>
        <input
          value={qty}
          onChange={(e) => setQty(e.target.value)}
          inputMode="decimal"
          autoFocus
          data-testid="move-qty"
        />
      </label>
      <label className="field">
        <span>{t.stock.col.reason}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          list={`reasons-${kind}`}
          maxLength={200}
          data-testid="move-reason"
        />
        <datalist id={`reasons-${kind}`}>
          {t.move.reasons[kind].map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>{t.move.reference}</span>
        <input
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          maxLength={80}
          data-testid="move-reference"
        />
      </label>
      {error && (
        <p className="error-box" role="alert" data-testid="move-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="btn primary"
          disabled={busy || chosen === ''}
          data-testid="move-submit"
        >
          {t.move.submit[kind]}
        </button>
        <button type="button" className="btn link" onClick={onDone}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
