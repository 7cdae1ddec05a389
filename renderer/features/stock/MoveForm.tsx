import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { ErrorBox, MoneyField, SubmitActions, TextField } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { LocationSelect } from './LocationSelect.tsx';

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
      <LocationSelect
        label={t.stock.col.location}
        value={chosen}
        onChange={setLocationId}
        locations={active}
        testId="move-location"
      />
      <MoneyField
        label={kind === 'ajuste' ? t.move.adjustQty(product.unit) : t.move.qty(product.unit)}
        value={qty}
        onChange={setQty}
        autoFocus
        testId="move-qty"
      />
      <TextField
        label={t.stock.col.reason}
        value={reason}
        onChange={setReason}
        suggestions={t.move.reasons[kind]}
        listId={`reasons-${kind}`}
        maxLength={200}
        testId="move-reason"
      />
      <TextField
        label={t.move.reference}
        value={reference}
        onChange={setReference}
        maxLength={80}
        testId="move-reference"
      />
      <ErrorBox error={error} testId="move-error" />
      <SubmitActions
        label={t.move.submit[kind]}
        disabled={busy || chosen === ''}
        testId="move-submit"
        onCancel={onDone}
      />
    </form>
  );
}
