import { useState, type FormEvent } from 'react';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { MOVEMENT_KIND_LABEL, t } from '../../lib/strings.ts';

const c = t.cash;
type Kind = 'retiro' | 'deposito';

/** A withdrawal (retiro) or deposit of cash, with its reason. */
export function MovementForm({ onDone }: { onDone(): void }) {
  const [kind, setKind] = useState<Kind>('retiro');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    let cents: number;
    try {
      cents = parseMoney(amount);
    } catch (err) {
      return setMessage({ ok: false, text: errorMessage(err) });
    }
    if (reason.trim() === '') return setMessage({ ok: false, text: t.move.reasonRequired });
    setBusy(true);
    try {
      const m = await call('cash.movement', { kind, amount: cents, reason: reason.trim() });
      setMessage({
        ok: true,
        text: c.movementDone(MOVEMENT_KIND_LABEL[m.kind], formatMoney(m.amount)),
      });
      setAmount('');
      setReason('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={c.movementsTitle}>
      <label className="field">
        <span>{c.kind}</span>
        <select
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          data-testid="cash-movement-kind"
        >
          <option value="retiro">{MOVEMENT_KIND_LABEL.retiro}</option>
          <option value="deposito">{MOVEMENT_KIND_LABEL.deposito}</option>
        </select>
      </label>
      <label className="field">
        <span>{c.amount}</span>
        <input
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          inputMode="decimal"
          data-testid="cash-movement-amount"
        />
      </label>
      <label className="field">
        <span>{c.reason}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          list={`cash-reasons-${kind}`}
          maxLength={200}
          data-testid="cash-movement-reason"
        />
        <datalist id={`cash-reasons-${kind}`}>
          {c.reasons[kind].map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      {message && (
        <p
          className={message.ok ? 'ok-box' : 'error-box'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="cash-movement-result"
        >
          {message.text}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="btn primary"
          disabled={busy}
          data-testid="cash-movement-submit"
        >
          {c.register}
        </button>
      </div>
    </form>
  );
}
