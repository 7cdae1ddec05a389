import { useEffect, useState } from 'react';
import { LABEL_FORMAT_IDS } from '../../../shared/contract/index.ts';
import { LABEL_FORMATS } from '../../../shared/domain/labels.ts';
import { call } from '../../lib/api.ts';
import { base64ToBytes } from '../../lib/base64.ts';
import { ErrorBox, SelectField } from '../../lib/fields.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useAction, useQuery } from '../../lib/hooks.ts';
import { LabelSheet } from './LabelSheet.tsx';
import type { LabelFormat, LabelItem } from '../../../shared/domain/labels.ts';
import type { PickedProduct } from '../../lib/ProductSearch.tsx';
import { ProductSearch } from '../../lib/ProductSearch.tsx';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { dayOf, initialBatch, labelsInput, type LabelSource } from './labels-input.ts';
import { usePricingHandoff } from './pricing-store.ts';

const l = pricingStrings.labels;
const FORMAT_OPTIONS = LABEL_FORMAT_IDS.map((id) => ({ value: id, label: LABEL_FORMATS[id].name }));
const SOURCES: { id: LabelSource; label: string }[] = [
  { id: 'lote', label: l.batch },
  { id: 'fecha', label: l.since },
  { id: 'productos', label: l.products },
];

type Pdf = {
  url: string;
  fileName: string;
  count: number;
  sample: LabelItem[];
  shopName: string | null;
  format: LabelFormat;
};

/** The products picked by hand, as removable chips. */
function PickedList({
  products,
  onRemove,
}: {
  products: readonly PickedProduct[];
  onRemove(id: string): void;
}) {
  if (products.length === 0) return <p className="muted small">{l.noneChosen}</p>;
  return (
    <ul className="chips" data-testid="labels-picked">
      {products.map((p) => (
        <li key={p.id} className="chip">
          {p.name}
          <button
            type="button"
            className="chip-x"
            aria-label={l.remove(p.name)}
            onClick={() => onRemove(p.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Etiquetas: shelf labels as a PDF for a batch, a date or hand-picked products. */
export function LabelsPage() {
  const batches = useQuery('pricing.batches', { limit: 50 });
  const handedOver = usePricingHandoff((s) => s.labelsBatchId);
  const format = usePricingHandoff((s) => s.labelFormat);
  const setFormat = usePricingHandoff((s) => s.setLabelFormat);
  const action = useAction();
  const [source, setSource] = useState<LabelSource>('lote');
  const [picked, setPicked] = useState<string | null>(null);
  const [since, setSince] = useState(() => dayOf(Date.now()));
  const [products, setProducts] = useState<PickedProduct[]>([]);
  const [pdf, setPdf] = useState<Pdf | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The blob lives as long as it is shown.
  useEffect(
    () => () => {
      if (pdf) URL.revokeObjectURL(pdf.url);
    },
    [pdf],
  );

  const list = batches.data ?? [];
  const batchId = picked ?? initialBatch(list, handedOver);

  async function generate() {
    const read = labelsInput({
      source,
      batchId,
      since,
      productIds: products.map((p) => p.id),
      format,
    });
    setProblem(read.ok ? null : read.message);
    if (!read.ok) return;
    const out = await action.run(() => call('pricing.labels', read.input));
    if (!out) return;
    const blob = new Blob([base64ToBytes(out.contentBase64)], { type: 'application/pdf' });
    setPdf({
      url: URL.createObjectURL(blob),
      fileName: out.fileName,
      count: out.count,
      sample: out.sample,
      shopName: out.shopName,
      format: read.input.format,
    });
  }

  return (
    <div className="stack" data-testid="labels-page">
      <section className="card stack" aria-labelledby="labels-title">
        <h2 id="labels-title">{l.title}</h2>
        <fieldset className="field">
          <legend>{l.what}</legend>
          <div className="actions">
            {SOURCES.map((s) => (
              <label key={s.id} className="check price-choice">
                <input
                  type="radio"
                  name="labels-source"
                  checked={source === s.id}
                  onChange={() => setSource(s.id)}
                  data-testid={`labels-source-${s.id}`}
                />
                {s.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="actions-row">
          {source === 'lote' &&
            (list.length === 0 && batches.data ? (
              <p className="muted">{l.noBatches}</p>
            ) : (
              <SelectField
                label={l.batchField}
                value={batchId}
                onChange={setPicked}
                options={list.map((b) => ({
                  value: b.id,
                  label: l.batchOption(
                    formatDateTime(b.createdAt),
                    b.description,
                    formatInteger(b.count),
                  ),
                }))}
                testId="labels-batch"
              />
            ))}
          {source === 'fecha' && (
            <label className="field">
              <span>{l.sinceField}</span>
              <input
                type="date"
                value={since}
                max={dayOf(Date.now())}
                onChange={(e) => setSince(e.target.value)}
                data-testid="labels-since"
              />
            </label>
          )}
          {source === 'productos' && (
            <ProductSearch
              label={l.pickField}
              testId="labels-product"
              optionTestId="labels-product-option"
              onPick={(item) =>
                setProducts((ps) =>
                  ps.some((p) => p.id === item.id) ? ps : [...ps, { id: item.id, name: item.name }],
                )
              }
            />
          )}
          <SelectField
            label={l.format}
            value={format}
            onChange={setFormat}
            options={FORMAT_OPTIONS}
            testId="labels-format"
          />
          <button
            type="button"
            className="btn primary"
            disabled={action.busy}
            onClick={() => void generate()}
            data-testid="labels-generate"
          >
            {action.busy ? l.generating : l.generate}
          </button>
        </div>
        {source === 'productos' && (
          <PickedList
            products={products}
            onRemove={(id) => setProducts((ps) => ps.filter((p) => p.id !== id))}
          />
        )}
        <ErrorBox error={problem ?? action.error ?? batches.error} testId="labels-error" />
      </section>
      {pdf && (
        <section className="stack" aria-label={l.preview}>
          <div className="actions">
            <span className="strong" data-testid="labels-count">
              {l.count(pdf.count, formatInteger(pdf.count))}
            </span>
            <a className="btn" href={pdf.url} download={pdf.fileName} data-testid="labels-download">
              {l.download}
            </a>
          </div>
          <LabelSheet
            items={pdf.sample}
            format={pdf.format}
            shopName={pdf.shopName}
            label={l.preview}
          />
        </section>
      )}
    </div>
  );
}
