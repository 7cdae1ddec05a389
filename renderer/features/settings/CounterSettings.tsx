import { Fragment, useState, type FormEvent } from 'react';
import type { Location, PosSettings } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney, formatQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { useCan } from '../../stores/session.ts';
import {
  exampleLabel,
  formToUpdate,
  layoutRowProblem,
  layoutRowsValid,
  MAX_LAYOUTS,
  newLayoutRow,
  percentToBp,
  PLU_LENGTHS,
  ROUNDING_STEPS,
  settingsToForm,
  testLabel,
  type CounterForm,
  type LayoutRow,
  type LabelTest,
} from './counter-settings.ts';

const s = t.counterSettings;

/** Ajustes → Caja: register, locations, discount limit, rounding, receipt, printer, scale labels. */
export function CounterSettings() {
  const canStock = useCan('stock.read');
  const settings = useQuery('sales.settings', {});
  const locations = useQuery('stock.locations', {}, { enabled: canStock });
  if (settings.error) return <p className="error-box">{settings.error}</p>;
  if (!settings.data) return <p className="muted">{t.loading}</p>;
  return <CounterSettingsForm initial={settings.data} locations={locations.data ?? []} />;
}

function CounterSettingsForm({
  initial,
  locations,
}: {
  initial: PosSettings;
  locations: readonly Location[];
}) {
  const canWrite = useCan('settings.write');
  const [form, setForm] = useState<CounterForm>(() => settingsToForm(initial));
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  function set<K extends keyof CounterForm>(key: K, value: CounterForm[K]) {
    setForm((f) => ({ ...f, [key]: value }));
  }
  function setRow(i: number, patch: Partial<LayoutRow>) {
    setForm((f) => ({
      ...f,
      layouts: f.layouts.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    }));
  }

  const discountBad = percentToBp(form.discountPercent) === null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const update = formToUpdate(form);
    if (!update) {
      setMessage({ ok: false, text: discountBad ? s.discountInvalid : s.layoutsInvalid });
      return;
    }
    setBusy(true);
    try {
      const saved = await call('sales.updateSettings', update);
      setForm(settingsToForm(saved));
      setMessage({ ok: true, text: t.saved });
      // The counter reads rounding and scale layouts from here: refresh it now.
      void useCart.getState().loadSettings();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  const ro = !canWrite;
  return (
    <form
      className="card form-grid narrow-page"
      onSubmit={(e) => void submit(e)}
      aria-label={s.tab}
      noValidate
    >
      {ro && <p className="notice span2">{s.readOnly}</p>}
      <label className="field">
        <span>{s.register}</span>
        <input
          value={form.register}
          onChange={(e) => set('register', e.target.value)}
          disabled={ro}
          required
          maxLength={40}
          data-testid="counter-register"
        />
      </label>
      <label className="field">
        <span>{s.discountLimit}</span>
        <input
          value={form.discountPercent}
          onChange={(e) => set('discountPercent', e.target.value)}
          disabled={ro}
          inputMode="decimal"
          aria-invalid={discountBad || undefined}
          aria-describedby="counter-discount-hint"
          data-testid="counter-discount-limit"
        />
        <small id="counter-discount-hint" className={discountBad ? 'field-error' : 'muted small'}>
          {discountBad ? s.discountInvalid : s.discountHint}
        </small>
      </label>
      <LocationField
        label={s.saleLocation}
        value={form.saleLocationId}
        onChange={(v) => set('saleLocationId', v)}
        locations={locations}
        disabled={ro}
        testId="counter-sale-location"
      />
      <LocationField
        label={s.damagedLocation}
        value={form.damagedLocationId}
        onChange={(v) => set('damagedLocationId', v)}
        locations={locations}
        disabled={ro}
        testId="counter-damaged-location"
      />
      <label className="field">
        <span>{s.rounding}</span>
        <select
          value={form.roundingStep}
          onChange={(e) =>
            set('roundingStep', ROUNDING_STEPS.find((x) => x === Number(e.target.value)) ?? 0)
          }
          disabled={ro}
          data-testid="counter-rounding"
        >
          {ROUNDING_STEPS.map((step) => (
            <option key={step} value={step}>
              {step === 0 ? s.roundingNone : formatMoney(step).replace(/,00$/, '')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{s.receiptWidth}</span>
        <select
          value={form.receiptWidth}
          onChange={(e) => set('receiptWidth', e.target.value === '58' ? 58 : 80)}
          disabled={ro}
          data-testid="counter-receipt-width"
        >
          <option value={58}>{s.receiptWidthOption(58)}</option>
          <option value={80}>{s.receiptWidthOption(80)}</option>
        </select>
      </label>
      <label className="field">
        <span>{s.receiptHeader}</span>
        <textarea
          value={form.receiptHeader}
          onChange={(e) => set('receiptHeader', e.target.value)}
          disabled={ro}
          rows={3}
          maxLength={400}
          data-testid="counter-receipt-header"
        />
      </label>
      <label className="field">
        <span>{s.receiptFooter}</span>
        <textarea
          value={form.receiptFooter}
          onChange={(e) => set('receiptFooter', e.target.value)}
          disabled={ro}
          rows={3}
          maxLength={400}
          data-testid="counter-receipt-footer"
        />
      </label>
      <label className="field span2">
        <span>{s.printer}</span>
        <input
          value={form.printerName}
          onChange={(e) => set('printerName', e.target.value)}
          disabled={ro}
          maxLength={200}
          placeholder={s.printerPlaceholder}
          aria-describedby="counter-printer-hint"
          data-testid="counter-printer"
        />
        <small id="counter-printer-hint" className="muted small">
          {s.printerHint}
        </small>
      </label>

      <LayoutsEditor
        rows={form.layouts}
        readOnly={ro}
        onChange={setRow}
        onAdd={() => set('layouts', [...form.layouts, newLayoutRow(form.layouts)])}
        onRemove={(i) =>
          set(
            'layouts',
            form.layouts.filter((_, j) => j !== i),
          )
        }
      />

      <label className="field span2">
        <span>{s.labelTest}</span>
        <input
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          inputMode="numeric"
          maxLength={20}
          placeholder={exampleLabel(form.layouts)}
          aria-describedby="counter-label-result"
          data-testid="counter-label-test"
        />
        <small className="muted small">{s.labelTestHint}</small>
      </label>
      <LabelResult result={testLabel(label, form.layouts)} />

      {message && (
        <p
          className={message.ok ? 'ok-box span2' : 'error-box span2'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="counter-message"
        >
          {message.text}
        </p>
      )}
      {canWrite && (
        <div className="actions span2">
          <button
            type="submit"
            className="btn primary"
            disabled={busy || discountBad || !layoutRowsValid(form.layouts)}
            data-testid="counter-save"
          >
            {busy ? t.saving : t.save}
          </button>
        </div>
      )}
    </form>
  );
}

function LocationField({
  label,
  value,
  onChange,
  locations,
  disabled,
  testId,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  locations: readonly Location[];
  disabled: boolean;
  testId: string;
}) {
  const shown = locations.filter((l) => l.active || l.id === value);
  const missing = value !== '' && !shown.some((l) => l.id === value);
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        data-testid={testId}
      >
        <option value="">{s.noLocation}</option>
        {missing && <option value={value}>{s.unknownLocation}</option>}
        {shown.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function LayoutsEditor({
  rows,
  readOnly,
  onChange,
  onAdd,
  onRemove,
}: {
  rows: readonly LayoutRow[];
  readOnly: boolean;
  onChange(i: number, patch: Partial<LayoutRow>): void;
  onAdd(): void;
  onRemove(i: number): void;
}) {
  return (
    <fieldset className="field span2">
      <legend>{s.layoutsTitle}</legend>
      <p className="muted small">{s.layoutsIntro}</p>
      {rows.length === 0 ? (
        <p className="notice">{s.layoutsEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" data-testid="counter-layouts">
            <thead>
              <tr>
                <th>#</th>
                <th>{s.prefix}</th>
                <th>{s.pluLength}</th>
                <th>{s.valueKind}</th>
                <th>{s.decimals}</th>
                {!readOnly && <th aria-label={s.remove} />}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => {
                const problem = layoutRowProblem(rows, i);
                const errId = `counter-layout-error-${i}`;
                return (
                  <Fragment key={i}>
                    <tr data-testid="counter-layout-row">
                      <td>{i + 1}</td>
                      <td>
                        <input
                          value={row.prefix}
                          onChange={(e) => onChange(i, { prefix: e.target.value })}
                          disabled={readOnly}
                          inputMode="numeric"
                          maxLength={2}
                          size={3}
                          style={{ width: '4.5rem' }}
                          aria-label={`${s.prefix} ${i + 1}`}
                          aria-invalid={
                            problem === 'prefix' || problem === 'duplicate' || undefined
                          }
                          aria-describedby={problem ? errId : undefined}
                          data-testid={`counter-layout-prefix-${i}`}
                        />
                      </td>
                      <td>
                        <select
                          value={row.pluLength}
                          onChange={(e) =>
                            onChange(i, {
                              pluLength: PLU_LENGTHS.find((n) => n === Number(e.target.value)) ?? 5,
                            })
                          }
                          disabled={readOnly}
                          style={{ width: '5rem' }}
                          aria-label={`${s.pluLength} ${i + 1}`}
                          aria-invalid={problem === 'length' || undefined}
                          data-testid={`counter-layout-plu-${i}`}
                        >
                          {PLU_LENGTHS.map((n) => (
                            <option key={n} value={n}>
                              {n}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <select
                          value={row.valueKind}
                          onChange={(e) =>
                            onChange(i, {
                              valueKind: e.target.value === 'price' ? 'price' : 'weight',
                            })
                          }
                          disabled={readOnly}
                          style={{ width: '8rem' }}
                          aria-label={`${s.valueKind} ${i + 1}`}
                          data-testid={`counter-layout-kind-${i}`}
                        >
                          <option value="weight">{s.kindWeight}</option>
                          <option value="price">{s.kindPrice}</option>
                        </select>
                      </td>
                      <td>
                        <input
                          value={row.decimals}
                          onChange={(e) => onChange(i, { decimals: e.target.value })}
                          disabled={readOnly}
                          inputMode="numeric"
                          maxLength={1}
                          size={2}
                          style={{ width: '4rem' }}
                          aria-label={`${s.decimals} ${i + 1}`}
                          aria-invalid={problem === 'decimals' || undefined}
                          data-testid={`counter-layout-decimals-${i}`}
                        />
                      </td>
                      {!readOnly && (
                        <td>
                          <button
                            type="button"
                            className="btn small"
                            onClick={() => onRemove(i)}
                            aria-label={s.removeLayout(i + 1)}
                            data-testid={`counter-layout-remove-${i}`}
                          >
                            {s.remove}
                          </button>
                        </td>
                      )}
                    </tr>
                    {problem && (
                      <tr>
                        <td />
                        <td colSpan={readOnly ? 4 : 5}>
                          <small id={errId} className="field-error">
                            {s.layoutProblem[problem]}
                          </small>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && (
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={onAdd}
            disabled={rows.length >= MAX_LAYOUTS}
            title={rows.length >= MAX_LAYOUTS ? s.layoutsMax(MAX_LAYOUTS) : undefined}
            data-testid="counter-layout-add"
          >
            {s.addLayout}
          </button>
        </div>
      )}
    </fieldset>
  );
}

function LabelResult({ result }: { result: LabelTest }) {
  const text = (() => {
    switch (result.kind) {
      case 'empty':
        return s.labelEmpty;
      case 'invalid':
        return s.labelInvalid;
      case 'no-match':
        return s.labelNoMatch;
      case 'weight':
        return s.labelWeight(result.row + 1, result.plu, formatQuantity(result.milli, 'kg'));
      case 'price':
        return s.labelPrice(result.row + 1, result.plu, formatMoney(result.centavos));
    }
  })();
  const bad = result.kind === 'invalid' || result.kind === 'no-match';
  return (
    <output
      id="counter-label-result"
      className={bad ? 'error-box span2' : result.kind === 'empty' ? 'muted span2' : 'ok-box span2'}
      aria-live="polite"
      data-testid="counter-label-result"
    >
      {text}
    </output>
  );
}
