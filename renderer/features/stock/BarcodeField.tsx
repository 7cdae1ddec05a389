import { useState } from 'react';
import { t } from '../../lib/strings.ts';

type Props = {
  values: string[];
  onChange(values: string[]): void;
  disabled: boolean;
  error?: string | undefined;
};

export function BarcodeField({ values, onChange, disabled, error }: Props) {
  const [draft, setDraft] = useState('');

  function add() {
    const code = draft.trim();
    if (code === '' || values.includes(code)) return setDraft('');
    onChange([...values, code]);
    setDraft('');
  }

  return (
    <fieldset className="field span2 barcodes">
      <legend>{t.product.field.barcodes}</legend>
      <ul className="chips">
        {values.map((code) => (
          <li key={code} className="chip">
            <span className="mono">{code}</span>
            {!disabled && (
              <button
                type="button"
                className="chip-x"
                onClick={() => onChange(values.filter((v) => v !== code))}
                aria-label={`${t.remove} ${code}`}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {values.length === 0 && <li className="muted small">{t.product.noBarcodes}</li>}
      </ul>
      {!disabled && (
        <div className="inline">
          <label className="grow">
            <span className="sr-only">{t.product.newBarcode}</span>
            <input
              value={draft}
              placeholder={t.product.newBarcode}
              onChange={(e) => setDraft(e.target.value)}
              // A scanner ends with Enter: add the code instead of submitting the form.
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              data-testid="product-barcode-input"
            />
          </label>
          <button type="button" className="btn" onClick={add} data-testid="product-barcode-add">
            {t.add}
          </button>
        </div>
      )}
      {error && <small className="field-error">{error}</small>}
    </fieldset>
  );
}
