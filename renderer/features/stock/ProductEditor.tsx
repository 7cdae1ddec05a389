import { useState, type FormEvent } from 'react';
import type { Product, Unit } from '../../../shared/contract/index.ts';
import { ApiError, call, errorMessage } from '../../lib/api.ts';
import { formatIvaRate } from '../../lib/format.ts';
import { t, UNIT_LABEL } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { BarcodeField } from './BarcodeField.tsx';
import { CategoryField } from './CategoryField.tsx';
import {
  EMPTY_FORM,
  fieldErrorsFromDetails,
  formToInput,
  IVA_OPTIONS,
  productToForm,
  type FormErrors,
  type IvaOption,
  type ProductForm,
} from './product-form.ts';

const f = t.product.field;

export function ProductEditor({
  product,
  onSaved,
}: {
  product: Product | null;
  onSaved(p: Product): void;
}) {
  const canWrite = useCan('catalog.write');
  const [form, setForm] = useState<ProductForm>(() =>
    product ? productToForm(product) : EMPTY_FORM,
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  function set<K extends keyof ProductForm>(key: K, value: ProductForm[K]) {
    setForm((prev) => ({ ...prev, [key]: value }));
    setSaved(false);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = formToInput(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setError(t.product.fixErrors);
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const result = product
        ? await call('catalog.update', { id: product.id, changes: parsed.input })
        : await call('catalog.create', parsed.input);
      // Show what the server stored (it trims and normalises), not just what was typed.
      setForm(productToForm(result));
      setSaved(true);
      onSaved(result);
    } catch (err) {
      setError(errorMessage(err));
      if (err instanceof ApiError) setErrors(fieldErrorsFromDetails(err.details));
    } finally {
      setBusy(false);
    }
  }

  function text(
    key:
      | 'name'
      | 'brand'
      | 'sku'
      | 'plu'
      | 'cost'
      | 'price'
      | 'minStock'
      | 'maxStock'
      | 'supplierCuit',
    extra: { inputMode?: 'numeric' | 'decimal'; className?: string; autoFocus?: boolean } = {},
  ) {
    const err = errors[key];
    return (
      <label className={`field ${extra.className ?? ''}`}>
        <span>{f[key]}</span>
        <input
          value={form[key]}
          onChange={(e) => set(key, e.target.value)}
          inputMode={extra.inputMode}
          autoFocus={extra.autoFocus}
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? `err-${key}` : undefined}
          disabled={!canWrite}
          data-testid={`product-${key}`}
        />
        {err && (
          <small id={`err-${key}`} className="field-error">
            {err}
          </small>
        )}
      </label>
    );
  }

  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      aria-label={t.product.formLabel}
      noValidate
    >
      {text('name', { className: 'span2', autoFocus: product === null })}
      {text('brand')}
      <CategoryField
        value={form.categoryId}
        onChange={(v) => set('categoryId', v)}
        disabled={!canWrite}
      />
      {text('sku')}
      {text('plu', { inputMode: 'numeric' })}
      <BarcodeField
        values={form.barcodes}
        onChange={(v) => set('barcodes', v)}
        disabled={!canWrite}
        error={errors.barcodes}
      />
      <label className="field">
        <span>{f.unit}</span>
        <select
          value={form.unit}
          onChange={(e) => set('unit', e.target.value as Unit)}
          disabled={!canWrite}
          data-testid="product-unit"
        >
          {(Object.keys(UNIT_LABEL) as Unit[]).map((u) => (
            <option key={u} value={u}>
              {UNIT_LABEL[u]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{f.ivaRateBp}</span>
        <select
          value={form.ivaRateBp}
          onChange={(e) => set('ivaRateBp', Number(e.target.value) as IvaOption)}
          disabled={!canWrite}
          data-testid="product-iva"
        >
          {IVA_OPTIONS.map((bp) => (
            <option key={bp} value={bp}>
              {formatIvaRate(bp)}
            </option>
          ))}
        </select>
      </label>
      {text('cost', { inputMode: 'decimal' })}
      {text('price', { inputMode: 'decimal', className: 'price-field' })}
      {text('minStock', { inputMode: 'decimal' })}
      {text('maxStock', { inputMode: 'decimal' })}
      {text('supplierCuit', { inputMode: 'numeric' })}
      <label className="check">
        <input
          type="checkbox"
          checked={form.active}
          onChange={(e) => set('active', e.target.checked)}
          disabled={!canWrite}
          data-testid="product-active"
        />
        {f.active}
      </label>
      <p className="muted small span2">{t.product.moneyHint}</p>
      {error && (
        <p className="error-box span2" role="alert" data-testid="product-error">
          {error}
        </p>
      )}
      {saved && !error && (
        <p className="ok-box span2" role="status" data-testid="product-saved">
          {t.saved}
        </p>
      )}
      {canWrite && (
        <div className="actions span2">
          <button type="submit" className="btn primary" disabled={busy} data-testid="product-save">
            {busy ? t.saving : product ? t.save : t.product.create}
          </button>
        </div>
      )}
    </form>
  );
}
