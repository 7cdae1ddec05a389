import type { Tender } from '../../../shared/contract/index.ts';
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
      <label className="field">
        <span>{r.destination}</span>
        <select
          value={value.destination}
          onChange={(e) =>
            onChange({
              ...value,
              destination: e.target.value === 'averiado' ? 'averiado' : 'stock',
            })
          }
          data-testid="return-destination"
        >
          <option value="stock">{r.toStock}</option>
          <option value="averiado">{r.toDamaged}</option>
        </select>
      </label>
      <label className="field">
        <span>{r.refundTender}</span>
        <select
          value={value.tender}
          onChange={(e) => onChange({ ...value, tender: e.target.value as Tender })}
          data-testid="return-refund-tender"
        >
          {tenders.map((x) => (
            <option key={x} value={x}>
              {TENDER_LABEL[x]}
            </option>
          ))}
        </select>
      </label>
      <label className="field span2">
        <span>{r.reason}</span>
        <input
          value={value.reason}
          onChange={(e) => onChange({ ...value, reason: e.target.value })}
          list="return-reasons"
          maxLength={200}
          data-testid="return-reason"
        />
        <datalist id="return-reasons">
          {r.reasons.map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </label>
    </div>
  );
}
