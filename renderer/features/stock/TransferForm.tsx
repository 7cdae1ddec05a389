import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { ErrorBox, MoneyField, SubmitActions, TextField } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { LocationSelect } from './LocationSelect.tsx';

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
      <LocationSelect
        label={t.transfer.from}
        value={from}
        onChange={setFromId}
        locations={active}
        testId="transfer-from"
      />
      <LocationSelect
        label={t.transfer.to}
        value={to}
        onChange={setToId}
        locations={active}
        testId="transfer-to"
      />
      <MoneyField
        label={t.move.qty(product.unit)}
        value={qty}
        onChange={setQty}
        autoFocus
        testId="transfer-qty"
      />
      <TextField
        label={t.stock.col.reason}
        value={reason}
        onChange={setReason}
        maxLength={200}
        testId="transfer-reason"
      />
      <ErrorBox error={error} testId="transfer-error" />
      <SubmitActions
        label={t.transfer.submit}
        disabled={busy}
        testId="transfer-submit"
        onCancel={onDone}
      />
    </form>
  );
}
