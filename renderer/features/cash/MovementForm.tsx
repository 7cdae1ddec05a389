import { useState, type FormEvent } from 'react';
import { call } from '../../lib/api.ts';
import {
  FormResult,
  MoneyField,
  SelectField,
  SubmitActions,
  TextField,
} from '../../lib/fields.tsx';
import { formatMoney, readAmountAndReason } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/hooks.ts';
import { MOVEMENT_KIND_LABEL, t } from '../../lib/strings.ts';

const c = t.cash;
const KINDS = ['retiro', 'deposito'] as const;
type Kind = (typeof KINDS)[number];

/** A withdrawal (retiro) or deposit of cash, with its reason. */
export function MovementForm({ onDone }: { onDone(): void }) {
  const [kind, setKind] = useState<Kind>('retiro');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { message, busy, run, fail, succeed, clear } = useFormSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const read = readAmountAndReason(amount, reason, t.move.reasonRequired);
    if (!read.ok) return fail(read.message);
    await run(async () => {
      const m = await call('cash.movement', { kind, amount: read.cents, reason: read.reason });
      succeed(c.movementDone(MOVEMENT_KIND_LABEL[m.kind], formatMoney(m.amount)));
      setAmount('');
      setReason('');
      onDone();
    });
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={c.movementsTitle}>
      <SelectField
        label={c.kind}
        value={kind}
        onChange={setKind}
        options={KINDS.map((k) => ({ value: k, label: MOVEMENT_KIND_LABEL[k] }))}
        testId="cash-movement-kind"
      />
      <MoneyField
        label={c.amount}
        value={amount}
        onChange={setAmount}
        testId="cash-movement-amount"
      />
      <TextField
        label={c.reason}
        value={reason}
        onChange={setReason}
        suggestions={c.reasons[kind]}
        listId={`cash-reasons-${kind}`}
        maxLength={200}
        testId="cash-movement-reason"
      />
      <FormResult message={message} testId="cash-movement-result" />
      <SubmitActions label={c.register} disabled={busy} testId="cash-movement-submit" />
    </form>
  );
}
