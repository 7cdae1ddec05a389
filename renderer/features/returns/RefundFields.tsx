import type { Tender } from '../../../shared/contract/index.ts';
import { SelectField, TextField } from '../../lib/fields.tsx';
import { TENDER_LABEL, t } from '../../lib/strings.ts';

const r = t.returns;

export type RefundChoice = {
  destination: 'stock' | 'averiado';
  tender: Tender;
  reason: string;
};

const REFUND_TENDERS: readonly Tender[] = ['efectivo', 'debito', 'credito', 'transferencia'];

/** Where the goods go, how the money goes back, and why. */
export function RefundFields({
  value,
  onChange,
  allowAccount,
}: {
  value: RefundChoice;
  onChange(v: RefundChoice): void;
  allowAccount: boolean;
}) {
  const tenders = allowAccount ? [...REFUND_TENDERS, 'cuenta_corriente' as const] : REFUND_TENDERS;
  return (
    <div className="form-grid">
      <SelectField
        label={r.destination}
        value={value.destination}
        onChange={(destination) => onChange({ ...value, destination })}
        options={[
          { value: 'stock', label: r.toStock },
          { value: 'averiado', label: r.toDamaged },
        ]}
        testId="return-destination"
      />
      <SelectField
        label={r.refundTender}
        value={value.tender}
        onChange={(tender) => onChange({ ...value, tender })}
        options={tenders.map((x) => ({ value: x, label: TENDER_LABEL[x] }))}
        testId="return-refund-tender"
      />
      <TextField
        className="field span2"
        label={r.reason}
        value={value.reason}
        onChange={(reason) => onChange({ ...value, reason })}
        suggestions={r.reasons}
        listId="return-reasons"
        maxLength={200}
        testId="return-reason"
      />
    </div>
  );
}

/** The confirm button under both kinds of return. */
export function ReturnSubmit({ busy, onSubmit }: { busy: boolean; onSubmit(): void }) {
  return (
    <div className="actions">
      <button
        type="button"
        className="btn primary big"
        disabled={busy}
        onClick={onSubmit}
        data-testid="return-submit"
      >
        {r.submit}
      </button>
    </div>
  );
}
