import { useState } from 'react';
import type { ProductListItem } from '../../shared/contract/index.ts';
import { useDebouncedValue } from './debounce.ts';
import { formatMoney } from './format.ts';
import { useQuery } from './hooks.ts';
import { t } from './strings.ts';

/**
 * A product search box with its results under it (name, code or barcode). Arrows move through
 * the results, Enter picks, Escape clears.
 */
export function ProductSearch({
  label,
  testId,
  optionTestId,
  onPick,
  autoFocus = false,
}: {
  label: string;
  testId: string;
  optionTestId: string;
  onPick(item: ProductListItem): void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const query = useDebouncedValue(text.trim(), 150);
  const enabled = query.length >= 2;
  const results = useQuery('catalog.search', { text: query, limit: 8 }, { enabled });
  const items = enabled && text.trim() !== '' ? (results.data?.items ?? []) : [];

  function pick(item: ProductListItem) {
    onPick(item);
    setText('');
    setActive(0);
  }

  return (
    <div className="field picker">
      <label className="field">
        <span>{label}</span>
        <input
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(items.length - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(0, i - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              const item = items[active];
              if (item) pick(item);
            } else if (e.key === 'Escape' && text !== '') {
              e.stopPropagation();
              setText('');
            }
          }}
          placeholder={t.productSearch}
          autoComplete="off"
          autoFocus={autoFocus}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-autocomplete="list"
          data-testid={testId}
        />
      </label>
      {enabled && text.trim() !== '' && results.data && items.length === 0 && (
        <p className="muted small">{t.productNone}</p>
      )}
      {items.length > 0 && (
        <ul className="result-list card picker-pop" role="listbox" aria-label={label}>
          {items.map((item, i) => (
            <li key={item.id} role="option" aria-selected={i === active}>
              <button
                type="button"
                className={i === active ? 'result active' : 'result'}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(item)}
                data-testid={optionTestId}
              >
                <span className="result-name">
                  {item.name}
                  {item.barcode && <span className="muted small mono"> · {item.barcode}</span>}
                </span>
                <span className="result-price">{formatMoney(item.price)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export type PickedProduct = { id: string; name: string };

/**
 * A filter on one product: the search box, and once a product is picked, its name in a chip
 * that clears the filter.
 */
export function ProductFilter({
  label,
  clearLabel,
  value,
  onChange,
  testId,
  optionTestId,
  chosenTestId,
}: {
  label: string;
  clearLabel: string;
  value: PickedProduct | null;
  onChange(value: PickedProduct | null): void;
  testId: string;
  optionTestId: string;
  chosenTestId: string;
}) {
  if (!value) {
    return (
      <ProductSearch
        label={label}
        testId={testId}
        optionTestId={optionTestId}
        onPick={(item) => onChange({ id: item.id, name: item.name })}
      />
    );
  }
  return (
    <div className="field">
      <span>{label}</span>
      <span className="chip" data-testid={chosenTestId}>
        {value.name}
        <button
          type="button"
          className="chip-x"
          aria-label={clearLabel}
          onClick={() => onChange(null)}
        >
          ×
        </button>
      </span>
    </div>
  );
}
