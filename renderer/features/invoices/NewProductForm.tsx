import { useState, type FormEvent } from 'react';
import type { Product, Unit } from '../../../shared/contract/index.ts';
import { isValidGtin } from '../../../shared/domain/barcode.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call } from '../../lib/api.ts';
import { MoneyField, SelectField, TextField, FormResult } from '../../lib/fields.tsx';
import { formatIvaRate } from '../../lib/format.ts';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t, UNIT_LABEL } from '../../lib/strings.ts';
import { CategoryField } from '../stock/CategoryField.tsx';
import { IVA_OPTIONS, type IvaOption } from '../stock/product-form.ts';

const n = t.invoices.review.newProduct;

function ivaOption(bp: number): IvaOption {
  return (IVA_OPTIONS as readonly number[]).includes(bp) ? (bp as IvaOption) : 2100;
}

/**
 * "Crear producto" from an invoice line: name and barcode come from the line (the code only
 * when it is a valid EAN/UPC), the rest is what a sale needs. The new product is then chosen.
 */
export function NewProductForm({
  description,
  code,
  unit: lineUnit,
  ivaRateBp,
  supplierCuit,
  costHint,
  onCreated,
  onCancel,
}: {
  description: string;
  code: string;
  unit: Unit;
  ivaRateBp: number;
  supplierCuit: string | null;
  costHint: string | null;
  onCreated(product: Product): void;
  onCancel(): void;
}) {
  const [name, setName] = useState(description);
  const [barcode, setBarcode] = useState(isValidGtin(code.trim()) ? code.trim() : '');
  const [categoryId, setCategoryId] = useState('');
  const [unit, setUnit] = useState<Unit>(lineUnit);
  const [iva, setIva] = useState<IvaOption>(ivaOption(ivaRateBp));
  const [price, setPrice] = useState('');
  const form = useFormSubmit();

  function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation();
    void form.run(async () => {
      if (price.trim() === '') return form.fail(n.priceRequired);
      const product = await call('catalog.create', {
        name: name.trim(),
        barcodes: barcode.trim() ? [barcode.trim()] : [],
        categoryId: categoryId || null,
        unit,
        ivaRateBp: iva,
        price: parseMoney(price),
        ...(supplierCuit ? { supplierCuit } : {}),
      });
      onCreated(product);
    });
  }

  return (
    <form
      className="subform inv-new-product"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      aria-label={n.title}
      data-testid="inv-new-product"
    >
      <TextField
        label={n.name}
        value={name}
        onChange={setName}
        required
        maxLength={120}
        autoFocus
        testId="inv-new-name"
      />
      <TextField
        label={n.barcode}
        value={barcode}
        onChange={setBarcode}
        className="field mono"
        testId="inv-new-barcode"
      />
      <CategoryField value={categoryId} onChange={setCategoryId} disabled={false} />
      <SelectField
        label={n.unit}
        value={unit}
        onChange={setUnit}
        options={(Object.keys(UNIT_LABEL) as Unit[]).map((u) => ({
          value: u,
          label: UNIT_LABEL[u],
        }))}
        testId="inv-new-unit"
      />
      <SelectField
        label={n.iva}
        value={String(iva)}
        onChange={(v) => setIva(ivaOption(Number(v)))}
        options={IVA_OPTIONS.map((bp) => ({ value: String(bp), label: formatIvaRate(bp) }))}
        testId="inv-new-iva"
      />
      <MoneyField label={n.price} value={price} onChange={setPrice} testId="inv-new-price">
        {costHint && <small className="muted">{n.priceHint(costHint)}</small>}
      </MoneyField>
      <FormResult message={form.message} testId="inv-new-error" />
      <div className="actions">
        <button
          type="submit"
          className="btn primary"
          disabled={form.busy}
          data-testid="inv-new-save"
        >
          {n.save}
        </button>
        <button type="button" className="btn link" onClick={onCancel} data-testid="inv-new-cancel">
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
