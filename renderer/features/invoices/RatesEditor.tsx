import type { Box, FieldInfo } from '../../../shared/contract/index.ts';
import { IVA_RATES_BP } from '../../../shared/domain/money.ts';
import { formatIvaRate } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';
import type { Errors } from './parse.ts';
import { inputId, type RateRow } from './review-form.ts';

const r = t.invoices.review;

/** Neto gravado and IVA per rate: one row per rate on the invoice, rates can be added. */
export function RatesEditor({
  rows,
  fields,
  errors,
  readOnly,
  onChange,
  onFocusBoxes,
}: {
  rows: RateRow[];
  fields: Record<string, FieldInfo>;
  errors: Errors;
  readOnly: boolean;
  onChange(rows: RateRow[]): void;
  onFocusBoxes(boxes: Box[]): void;
}) {
  const missing = IVA_RATES_BP.filter((rate) => !rows.some((row) => row.rate === rate));

  function set(rate: number, change: Partial<RateRow>) {
    onChange(rows.map((row) => (row.rate === rate ? { ...row, ...change } : row)));
  }

  function cell(row: RateRow, part: 'net' | 'iva') {
    const key = `rate.${row.rate}.${part}`;
    const path = `${part}ByRate.${row.rate}`;
    const error = errors[key];
    const label = `${part === 'net' ? r.net : r.iva} ${formatIvaRate(row.rate)}`;
    return (
      <td>
        <input
          id={inputId(key)}
          inputMode="decimal"
          className="inv-num-input"
          value={row[part]}
          aria-label={label}
          aria-invalid={error ? true : undefined}
          readOnly={readOnly}
          onChange={(e) => set(row.rate, { [part]: e.target.value })}
          onFocus={() => onFocusBoxes(fields[path]?.boxes ?? [])}
          data-testid={`inv-rate-${part}-${row.rate}`}
        />
        <ConfidenceMark info={fields[path]} testId={`inv-conf-${part}-${row.rate}`} />
        {error && <small className="field-error">{error}</small>}
      </td>
    );
  }

  return (
    <div className="span2 stack inv-rates" data-testid="inv-rates">
      <table className="table compact">
        <thead>
          <tr>
            <th scope="col">{r.rate}</th>
            <th scope="col">{r.net}</th>
            <th scope="col">{r.iva}</th>
            {!readOnly && <th scope="col" aria-label={t.remove} />}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rate} data-testid="inv-rate" data-rate={row.rate}>
              <th scope="row">{formatIvaRate(row.rate)}</th>
              {cell(row, 'net')}
              {cell(row, 'iva')}
              {!readOnly && (
                <td>
                  <button
                    type="button"
                    className="btn link small"
                    aria-label={r.removeRate(formatIvaRate(row.rate))}
                    onClick={() => onChange(rows.filter((x) => x.rate !== row.rate))}
                    data-testid={`inv-rate-remove-${row.rate}`}
                  >
                    ✕
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && missing.length > 0 && (
        <label className="field inline-field">
          <span className="sr-only">{r.addRate}</span>
          <select
            value=""
            onChange={(e) => {
              const rate = Number(e.target.value);
              if (e.target.value === '') return;
              onChange([...rows, { rate, net: '', iva: '' }].sort((a, b) => b.rate - a.rate));
            }}
            data-testid="inv-rate-add"
          >
            <option value="">{r.addRate}</option>
            {missing.map((rate) => (
              <option key={rate} value={rate}>
                {formatIvaRate(rate)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
