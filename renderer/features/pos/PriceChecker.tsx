import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Product, ProductListItem, StockLevel } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney, formatQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useSession } from '../../stores/session.ts';
import { costWarningText, productBelowCost } from './below-cost.ts';
import { isWordQuery } from './scan.ts';

type Shown = { product: Product; levels: StockLevel[] | null };

export function PriceChecker() {
  const [text, setText] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  // `n` re-keys the alert so two unknown codes in a row flash twice.
  const [notFound, setNotFound] = useState<{ code: string; n: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [highlight, setHighlight] = useState(-1);
  const role = useSession((s) => s.session?.user?.role ?? null);
  const input = useRef<HTMLInputElement>(null);
  const query = useDebouncedValue(text.trim(), 120);
  const wordSearch = isWordQuery(query);
  const results = useQuery('catalog.search', { text: query, limit: 12 }, { enabled: wordSearch });
  const items: ProductListItem[] = wordSearch ? (results.data?.items ?? []) : [];

  // The scanner is a keyboard: any printable key pressed outside a field belongs to the checker.
  useEffect(() => {
    function onKey(e: globalThis.KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      if (e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey) input.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function show(productId: string, product?: Product) {
    try {
      const p = product ?? (await call('catalog.get', { id: productId }));
      setShown({ product: p, levels: null });
      const levels = await call('stock.levels', { productId: p.id }).catch(() => null);
      setShown((s) => (s?.product.id === p.id ? { product: p, levels } : s));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function lookup(code: string) {
    setError(null);
    setNotFound(null);
    try {
      const product = await call('catalog.lookup', { code });
      if (product) {
        setText('');
        await show(product.id, product);
      } else {
        setShown(null);
        setNotFound((prev) => ({ code, n: (prev?.n ?? 0) + 1 }));
        // Selected, so the next scan replaces the unknown code instead of appending to it.
        input.current?.select();
      }
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && items.length > 0) {
      e.preventDefault();
      setHighlight((h) => Math.min(h + 1, items.length - 1));
    } else if (e.key === 'ArrowUp' && items.length > 0) {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (e.key === 'Escape') {
      setText('');
      setHighlight(-1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = highlight >= 0 ? items[highlight] : undefined;
      const code = text.trim();
      setHighlight(-1);
      if (picked) {
        setText('');
        void show(picked.id);
      } else if (code !== '') {
        void lookup(code);
      }
    }
  }

  const total = shown?.levels?.reduce((sum, l) => sum + l.qty, 0) ?? null;

  return (
    <section className="stack checker" aria-labelledby="checker-title">
      <header className="page-head">
        <h1 id="checker-title">{t.checker.title}</h1>
      </header>
      <label className="field">
        <span>{t.checker.input}</span>
        <input
          ref={input}
          className={notFound ? 'scan-input input-error' : 'scan-input'}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(-1);
            setNotFound(null);
          }}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-describedby="checker-hint"
          data-testid="checker-input"
        />
      </label>
      <p id="checker-hint" className="muted small">
        {t.checker.hint}
      </p>
      {notFound && (
        <p
          key={notFound.n}
          className="error-box big-text flash"
          role="alert"
          data-testid="checker-not-found"
        >
          {t.checker.notFound(notFound.code)}
        </p>
      )}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <article className="card price-card" data-testid="checker-result" aria-live="polite">
          <div>
            <h2 className="price-name" data-testid="checker-name">
              {shown.product.name}
            </h2>
            <p className="muted">
              {[shown.product.brand, shown.product.barcodes[0], shown.product.categoryPath]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {!shown.product.active && <p className="badge warn">{t.checker.inactive}</p>}
            {productBelowCost(shown.product) && (
              <p className="notice" role="status" data-testid="checker-below-cost">
                {costWarningText(shown.product.name, role)}
              </p>
            )}
          </div>
          <p className="price-big" data-testid="checker-price">
            {formatMoney(shown.product.price)}
            {shown.product.unit !== 'u' && (
              <span className="per-unit"> / {shown.product.unit}</span>
            )}
          </p>
          <div className="price-stock">
            <span className="muted">{t.checker.stock}: </span>
            <strong data-testid="checker-stock">
              {total === null ? t.none : formatQuantity(total, shown.product.unit)}
            </strong>
            {shown.levels && shown.levels.length > 1 && (
              <span className="muted small">
                {' '}
                (
                {shown.levels
                  .map((l) => `${l.locationName}: ${formatQuantity(l.qty, shown.product.unit)}`)
                  .join(' · ')}
                )
              </span>
            )}
          </div>
        </article>
      )}
      {wordSearch && (
        <section aria-label={t.checker.results} className="card list-card">
          {results.loading && items.length === 0 && <p className="muted">{t.loading}</p>}
          {!results.loading && items.length === 0 && <p className="muted">{t.checker.noResults}</p>}
          <ul className="result-list" role="listbox" aria-label={t.checker.results}>
            {items.map((item, i) => (
              <li key={item.id} role="option" aria-selected={i === highlight}>
                <button
                  type="button"
                  className={i === highlight ? 'result active' : 'result'}
                  onClick={() => {
                    setText('');
                    void show(item.id);
                    input.current?.focus();
                  }}
                  data-testid="checker-option"
                >
                  <span className="result-name">
                    {item.name}
                    {item.brand && <span className="muted"> · {item.brand}</span>}
                  </span>
                  <span className="result-stock muted">
                    {t.checker.stock}: {formatQuantity(item.stock, item.unit)}
                  </span>
                  <span className="result-price">{formatMoney(item.price)}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
