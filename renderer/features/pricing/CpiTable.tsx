import { useState, type FormEvent } from 'react';
import type { CpiMonth, CpiSeries } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { FormResult, MoneyField } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { CPI_SOURCE_LABEL, pricingSetupStrings } from '../../lib/strings-pricing-setup.ts';
import { canAddMonth, monthLabel } from './cpi-series.ts';
import { formatPercentBp, parsePercentBp, percentInput } from './percent.ts';

const s = pricingSetupStrings.inflation;

type Saved = (series: CpiSeries) => void;

function MonthRow({
  month,
  canWrite,
  onSaved,
}: {
  month: CpiMonth;
  canWrite: boolean;
  onSaved: Saved;
}) {
  const [text, setText] = useState<string | null>(null);
  const form = useFormSubmit();
  const label = monthLabel(month.month);

  function save() {
    if (text === null) return;
    const parsed = parsePercentBp(text);
    if (!parsed.ok) return form.fail(parsed.message);
    void form.run(async () => {
      onSaved(await call('pricing.cpiSave', { month: month.month, rateBp: parsed.bp }));
      setText(null);
      form.succeed(s.saved(label));
    });
  }

  return (
    <tr data-testid="cpi-row" data-month={month.month}>
      <td className="nowrap">{label}</td>
      <td className="num">
        {text === null ? (
          <span data-testid="cpi-row-rate">{formatPercentBp(month.rateBp)}</span>
        ) : (
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              else if (e.key === 'Escape') {
                setText(null);
                form.clear();
              }
            }}
            inputMode="decimal"
            autoFocus
            aria-label={s.editLabel(label)}
            aria-invalid={form.message?.ok === false ? true : undefined}
            className="inv-num-input"
            style={{ width: '6.5rem' }}
            disabled={form.busy}
            data-testid="cpi-row-input"
          />
        )}
      </td>
      <td>{CPI_SOURCE_LABEL[month.source]}</td>
      {canWrite && (
        <td>
          <div className="actions">
            {text === null ? (
              <button
                type="button"
                className="btn small"
                onClick={() => {
                  setText(percentInput(month.rateBp));
                  form.clear();
                }}
                aria-label={`${s.edit} ${label}`}
                data-testid="cpi-row-edit"
              >
                {s.edit}
              </button>
            ) : (
              <>
                <button
                  type="button"
                  className="btn small primary"
                  onClick={save}
                  disabled={form.busy}
                  data-testid="cpi-row-save"
                >
                  {t.save}
                </button>
                <button
                  type="button"
                  className="btn small link"
                  onClick={() => {
                    setText(null);
                    form.clear();
                  }}
                >
                  {t.cancel}
                </button>
              </>
            )}
          </div>
          {form.message && (
            <small
              className={form.message.ok ? 'positive' : 'field-error'}
              role={form.message.ok ? 'status' : 'alert'}
              data-testid="cpi-row-status"
            >
              {form.message.text}
            </small>
          )}
        </td>
      )}
    </tr>
  );
}

/** The next month after the last one loaded; hidden while that month is not over yet. */
function AddMonth({ nextMonth, onSaved }: { nextMonth: string; onSaved: Saved }) {
  const [now] = useState(() => Date.now());
  const [text, setText] = useState('');
  const form = useFormSubmit();
  const label = monthLabel(nextMonth);

  if (!canAddMonth(nextMonth, now)) {
    return (
      <p className="muted small" data-testid="cpi-up-to-date">
        {s.upToDate(label)}
      </p>
    );
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = parsePercentBp(text);
    if (!parsed.ok) return form.fail(parsed.message);
    void form.run(async () => {
      onSaved(await call('pricing.cpiSave', { month: nextMonth, rateBp: parsed.bp }));
      setText('');
      form.succeed(s.saved(label));
    });
  }

  return (
    <form className="stack" onSubmit={submit} aria-label={s.addTitle(label)} noValidate>
      <div className="inline">
        <MoneyField
          label={`${s.addTitle(label)} (%)`}
          value={text}
          onChange={setText}
          testId="cpi-add-input"
        />
        <button type="submit" className="btn primary" disabled={form.busy} data-testid="cpi-add">
          {t.add}
        </button>
      </div>
      <p className="muted small">{s.addHint}</p>
      <FormResult message={form.message} testId="cpi-add-result" />
    </form>
  );
}

/** The months loaded, newest first; the owner edits a rate in place and adds the next month. */
export function CpiTable({
  series,
  canWrite,
  onSaved,
}: {
  series: CpiSeries;
  canWrite: boolean;
  onSaved: Saved;
}) {
  const months = [...series.months].sort((a, b) => b.month.localeCompare(a.month));
  return (
    <section className="card stack" aria-labelledby="cpi-table-title" data-testid="cpi-table">
      <h2 id="cpi-table-title">{s.tableTitle}</h2>
      {canWrite && <AddMonth nextMonth={series.nextMonth} onSaved={onSaved} />}
      {months.length === 0 ? (
        <p className="muted">{s.noMonths}</p>
      ) : (
        <div className="table-wrap scroll-y">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{s.month}</th>
                <th scope="col" className="num">
                  {s.rate}
                </th>
                <th scope="col">{s.source}</th>
                {canWrite && (
                  <th scope="col">
                    <span className="sr-only">{s.edit}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {months.map((m) => (
                <MonthRow key={m.month} month={m} canWrite={canWrite} onSaved={onSaved} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
