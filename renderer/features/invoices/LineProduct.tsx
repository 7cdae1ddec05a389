import { useState } from 'react';
import { matchLabel, t } from '../../lib/strings.ts';
import { percent } from './invoice-format.ts';
import { candidateChoice, type LineChoice, type LineForm } from './line-form.ts';
import { NewProductForm } from './NewProductForm.tsx';
import { ProductSearch } from '../../lib/ProductSearch.tsx';

const r = t.invoices.review;

/** The chosen product (its name looked up when picked before this screen opened), or why none. */
function Chosen({ choice, name }: { choice: LineChoice; name: string }) {
  if (choice.kind === 'product') {
    return (
      <p className="inv-chosen" data-testid="inv-line-product" data-product-id={choice.productId}>
        <span className="strong">{name || t.loading}</span>{' '}
        <span className="muted small" data-testid="inv-line-match">
          {matchLabel(choice.by, percent(choice.score))}
        </span>
      </p>
    );
  }
  return (
    <p className="inv-chosen notice small" data-testid="inv-line-product" data-product-id="">
      {choice.kind === 'skip' ? r.skipped : r.noProduct}
    </p>
  );
}

/**
 * The product an invoice line goes to: the reader's match, its other candidates, a search over
 * the catalog, "Omitir", or a new product created right here.
 */
export function LineProduct({
  line,
  chosenName,
  readOnly,
  ivaRateBp,
  supplierCuit,
  costHint,
  onChoice,
}: {
  line: LineForm;
  chosenName: string;
  readOnly: boolean;
  ivaRateBp: number;
  supplierCuit: string | null;
  costHint: string | null;
  onChoice(choice: LineChoice): void;
}) {
  const [creating, setCreating] = useState(false);
  const chosenId = line.choice.kind === 'product' ? line.choice.productId : null;
  const others = line.candidates.filter((c) => c.productId !== chosenId);

  if (readOnly) return <Chosen choice={line.choice} name={chosenName} />;

  return (
    <div className="stack inv-line-product">
      <Chosen choice={line.choice} name={chosenName} />
      {others.length > 0 && (
        <div className="inv-candidates" role="group" aria-label={r.candidates}>
          <span className="muted small">{r.candidates}:</span>
          {others.map((c) => (
            <button
              key={c.productId}
              type="button"
              className="btn small"
              onClick={() => onChoice(candidateChoice(c))}
              data-testid="inv-line-candidate"
              data-product-id={c.productId}
            >
              {c.name}
              <span className="muted small">{matchLabel(c.by, percent(c.score))}</span>
            </button>
          ))}
        </div>
      )}
      <div className="inline">
        <div className="grow">
          <ProductSearch
            label={r.search}
            testId="inv-line-search"
            optionTestId="inv-line-search-option"
            onPick={(item) =>
              onChoice({
                kind: 'product',
                productId: item.id,
                name: item.name,
                by: 'manual',
                score: 1,
                facts: null,
              })
            }
          />
        </div>
        {line.choice.kind !== 'skip' && (
          <button
            type="button"
            className="btn"
            onClick={() => onChoice({ kind: 'skip' })}
            data-testid="inv-line-skip"
          >
            {r.skip}
          </button>
        )}
        {!creating && (
          <button
            type="button"
            className="btn"
            onClick={() => setCreating(true)}
            data-testid="inv-line-create"
          >
            {r.createProduct}
          </button>
        )}
      </div>
      {creating && (
        <NewProductForm
          description={line.description}
          code={line.code}
          unit={line.unit}
          ivaRateBp={ivaRateBp}
          supplierCuit={supplierCuit}
          costHint={costHint}
          onCancel={() => setCreating(false)}
          onCreated={(product) => {
            setCreating(false);
            onChoice({
              kind: 'product',
              productId: product.id,
              name: product.name,
              by: 'created',
              score: 1,
              facts: { ivaRate: product.ivaRateBp, unit: product.unit, cost: product.cost },
            });
          }}
        />
      )}
    </div>
  );
}
