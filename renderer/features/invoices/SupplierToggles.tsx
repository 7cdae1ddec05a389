import { useState } from 'react';
import type { InvoiceLetter, SupplierSettings } from '../../../shared/contract/index.ts';
import { isValidCuit } from '../../../shared/domain/cuit.ts';
import { call } from '../../lib/api.ts';
import { FormResult } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { digitsOnly, formatCuit } from './invoice-format.ts';

const r = t.invoices.review;

export type SupplierHabits = Pick<SupplierSettings, 'pricesIncludeIva' | 'pricesPerPack'>;

/** The supplier's habits (IVA in prices, prices per pack), saved for its next invoices too. */
export function SupplierToggles({
  letter,
  issuerName,
  issuerCuit,
  value,
  readOnly,
  onSaved,
}: {
  letter: InvoiceLetter | '';
  issuerName: string;
  issuerCuit: string;
  value: SupplierHabits;
  readOnly: boolean;
  onSaved(settings: SupplierSettings): void;
}) {
  const form = useFormSubmit();
  // The box follows the click at once; it goes back if the save fails.
  const [pending, setPending] = useState<Partial<SupplierHabits> | null>(null);
  const shown = { ...value, ...pending };
  const cuit = digitsOnly(issuerCuit);
  const canSave = !readOnly && isValidCuit(cuit);
  const ivaAlways = letter === 'B' || letter === 'C';

  function save(change: Partial<SupplierHabits>) {
    setPending(change);
    void form.run(async () => {
      try {
        const saved = await call('suppliers.save', {
          cuit,
          name: issuerName.trim() || formatCuit(cuit),
          ...value,
          ...change,
        });
        onSaved(saved);
        form.succeed(r.supplierSaved);
      } finally {
        setPending(null);
      }
    });
  }

  return (
    <section className="card stack" aria-labelledby="inv-supplier-title" data-testid="inv-supplier">
      <h3 id="inv-supplier-title">
        {r.supplier}: {issuerName || t.none}{' '}
        {cuit && <span className="muted mono small nowrap">{formatCuit(cuit)}</span>}
      </h3>
      <div className="inline">
        <label className="check">
          <input
            type="checkbox"
            checked={ivaAlways || shown.pricesIncludeIva}
            disabled={!canSave || ivaAlways || form.busy}
            onChange={(e) => save({ pricesIncludeIva: e.target.checked })}
            data-testid="inv-supplier-iva"
          />
          {r.supplierIva}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={shown.pricesPerPack}
            disabled={!canSave || form.busy}
            onChange={(e) => save({ pricesPerPack: e.target.checked })}
            data-testid="inv-supplier-pack"
          />
          {r.supplierPack}
        </label>
      </div>
      {ivaAlways && <p className="muted small">{r.supplierIvaAlways}</p>}
      {!readOnly && !isValidCuit(cuit) && <p className="muted small">{r.supplierNeedsCuit}</p>}
      <FormResult message={form.message} testId="inv-supplier-message" />
    </section>
  );
}
