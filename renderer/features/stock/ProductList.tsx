import { useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import type { ProductListItem } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatInteger, formatMoney, quantityPlain } from '../../lib/format.ts';
import { PageCache } from '../../lib/page-cache.ts';
import { useVirtualPages } from '../../lib/useVirtualPages.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { isLow } from './stock-rules.ts';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 44;
const col = t.stock.col;

function openProduct(id: string) {
  navigate(routeHash('stock', 'producto', id));
}

export function ProductList() {
  const canWrite = useCan('catalog.write');
  const [text, setText] = useState('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [lowStockOnly, setLowStockOnly] = useState(false);
  const [selected, setSelected] = useState(0);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const query = useDebouncedValue(text.trim(), 120);
  const scroller = useRef<HTMLDivElement>(null);

  const cache = useMemo(
    () =>
      new PageCache<ProductListItem>(
        PAGE_SIZE,
        (offset, limit) =>
          call('catalog.search', { text: query, limit, offset, includeInactive, lowStockOnly }),
        tick,
      ),
    [query, includeInactive, lowStockOnly],
  );
  useEffect(() => () => cache.dispose(), [cache]);

  // Another window or an import changed the catalog: reload what is on screen.
  const { virtualizer, rows, total } = useVirtualPages(cache, scroller, {
    rowHeight: ROW_HEIGHT,
    overscan: 12,
    ahead: 30,
    events: ['catalog.changed', 'stock.changed'],
  });

  const current = Math.min(selected, Math.max(total - 1, 0));

  function move(to: number) {
    const next = Math.max(0, Math.min(to, total - 1));
    setSelected(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onKeyDown(e: KeyboardEvent) {
    const pageRows = Math.max(
      1,
      Math.floor((scroller.current?.clientHeight ?? 440) / ROW_HEIGHT) - 1,
    );
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
    };
    const to = moves[e.key];
    if (to !== undefined && total > 0) {
      e.preventDefault();
      move(to);
    } else if (e.key === 'Enter') {
      const item = cache.get(current);
      if (item) {
        e.preventDefault();
        openProduct(item.id);
      }
    }
  }

  return (
    <section className="stack" aria-label={t.stock.tabs.productos}>
      <div className="toolbar">
        <label className="field grow">
          <span>{t.productSearch}</span>
          <input
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setSelected(0);
              virtualizer.scrollToOffset(0);
            }}
            onKeyDown={onKeyDown}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            data-testid="product-search"
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={includeInactive}
            onChange={(e) => setIncludeInactive(e.target.checked)}
          />
          {t.stock.includeInactive}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={lowStockOnly}
            onChange={(e) => setLowStockOnly(e.target.checked)}
            data-testid="product-low-only"
          />
          {t.stock.lowOnly}
        </label>
        {canWrite && (
          <a
            className="btn primary"
            href={routeHash('stock', 'producto', 'nuevo')}
            data-testid="product-new"
          >
            {t.stock.newProduct}
          </a>
        )}
      </div>
      <p className="muted small" aria-live="polite">
        <span data-testid="product-total">
          {cache.total === null ? t.loading : t.stock.count(formatInteger(cache.total))}
        </span>
        {' · '}
        {t.stock.openHint}
      </p>
      {cache.error && (
        <p className="error-box" role="alert">
          {cache.error}
        </p>
      )}
      <div
        className="vtable"
        role="table"
        aria-rowcount={total + 1}
        aria-label={t.stock.tabs.productos}
      >
        <div className="vrow vhead products-cols" role="row">
          <span role="columnheader">{col.code}</span>
          <span role="columnheader">{col.name}</span>
          <span role="columnheader">{col.brand}</span>
          <span role="columnheader">{col.category}</span>
          <span role="columnheader" className="num">
            {col.price}
          </span>
          <span role="columnheader" className="num">
            {col.stock}
          </span>
          <span role="columnheader">{col.unit}</span>
        </div>
        <div className="vbody" ref={scroller} tabIndex={0} onKeyDown={onKeyDown} role="rowgroup">
          {cache.total === 0 && <p className="muted pad">{t.stock.empty}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const item = cache.get(row.index);
              const classes = ['vrow', 'products-cols'];
              if (row.index === current) classes.push('selected');
              if (item && isLow(item)) classes.push('low');
              if (item && !item.active) classes.push('inactive');
              return (
                <div
                  key={row.key}
                  className={classes.join(' ')}
                  role="row"
                  aria-rowindex={row.index + 2}
                  aria-selected={row.index === current}
                  style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => setSelected(row.index)}
                  onDoubleClick={() => item && openProduct(item.id)}
                  data-testid={item ? 'product-row' : 'product-row-loading'}
                >
                  {item ? (
                    <>
                      <span role="cell" className="mono">
                        {item.barcode ?? item.sku ?? ''}
                      </span>
                      <span role="cell" className="strong">
                        {item.name}
                      </span>
                      <span role="cell">{item.brand ?? ''}</span>
                      <span role="cell" className="muted">
                        {item.categoryPath ?? ''}
                      </span>
                      <span role="cell" className="num">
                        {formatMoney(item.price)}
                      </span>
                      <span
                        role="cell"
                        className="num"
                        title={isLow(item) ? t.stock.lowStock : undefined}
                      >
                        {quantityPlain(item.stock, item.unit)}
                      </span>
                      <span role="cell">{item.unit}</span>
                    </>
                  ) : (
                    <span role="cell" className="placeholder" />
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
