import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { PriceSuggestion } from '../../../shared/contract/index.ts';
import { call } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { ErrorBox, TextField } from '../../lib/fields.tsx';
import { formatInteger } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { PageCache } from '../../lib/page-cache.ts';
import { useVirtualPages } from '../../lib/useVirtualPages.ts';
import { navigate } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { useCan } from '../../stores/session.ts';
import { pricingHash } from './pricing-routes.ts';
import { usePricingHandoff } from './pricing-store.ts';
import { PRICING_TAB_NAMES } from './pricing-tabs.ts';
import {
  ALL_CHECKED,
  checkedCount,
  isChecked,
  NOTHING_CHECKED,
  pendingSelection,
  toggleChecked,
  type Checked,
  type SuggestFilters,
} from './selection.ts';
import { ScopeSelects, useScopeLists } from './SelectionFilters.tsx';
import { SuggestionHead, SuggestionRow } from './SuggestionRow.tsx';
import { cpiLag, monthLabel } from './cpi-series.ts';
import { DEFAULT_SORT, nextSort, type SortState } from './suggestion-view.ts';

const s = pricingStrings.suggestions;
const f = pricingStrings.filters;
// The first page must come fast; the rest load as they scroll into view.
const PAGE_SIZE = 100;
const ROW_HEIGHT = 58;
/** The most `pricing.suggest` returns at once, and a selection holds. */

/** A month missing from the CPI series makes every replacement cost a guess: say so. */
function CpiHint() {
  const cpi = useQuery('pricing.cpi', {});
  const lag = cpi.data ? cpiLag(cpi.data.months, Date.now()) : null;
  if (!lag) return null;
  return (
    <p className="notice" data-testid="sugg-cpi-stale">
      {s.cpiStale(monthLabel(lag.last))}
      <a href={pricingHash('inflacion')}>{s.cpiLink}</a>.
    </p>
  );
}

type Page = { cache: PageCache<PriceSuggestion>; meta: { below: number | null } };

/** Sugerencias: products under their target price, the ones under replacement cost first. */
export function SuggestionsPage() {
  const canWrite = useCan('pricing.write');
  const choose = usePricingHandoff((st) => st.choose);
  const lists = useScopeLists();
  const [text, setText] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [supplierCuit, setSupplierCuit] = useState('');
  const [onlySuggested, setOnlySuggested] = useState(true);
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const [ticks, setTicks] = useState<{ key: string; checked: Checked }>({
    key: '',
    checked: NOTHING_CHECKED,
  });
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const query = useDebouncedValue(text.trim(), 250);
  const scroller = useRef<HTMLDivElement>(null);

  const filters = useMemo<SuggestFilters>(
    () => ({
      ...(categoryId ? { categoryId } : {}),
      ...(supplierCuit ? { supplierCuit } : {}),
      ...(query ? { query } : {}),
      onlySuggested,
    }),
    [categoryId, supplierCuit, query, onlySuggested],
  );
  const filtersKey = JSON.stringify(filters);
  // Ticks belong to one list: other filters start with nothing ticked.
  const checked = ticks.key === filtersKey ? ticks.checked : NOTHING_CHECKED;
  const setChecked = (c: Checked) => setTicks({ key: filtersKey, checked: c });

  const { cache, meta } = useMemo<Page>(() => {
    const meta: Page['meta'] = { below: null };
    const cache = new PageCache<PriceSuggestion>(
      PAGE_SIZE,
      async (offset, limit) => {
        const page = await call('pricing.suggest', { ...filters, ...sort, offset, limit });
        meta.below = page.belowReplacement;
        return { items: page.rows, total: page.total };
      },
      tick,
    );
    return { cache, meta };
  }, [filters, sort]);
  useEffect(() => () => cache.dispose(), [cache]);

  // Prices, costs and policies move under the list: reload what is on screen.
  const { virtualizer, rows, total } = useVirtualPages(cache, scroller, {
    rowHeight: ROW_HEIGHT,
    overscan: 10,
    ahead: 20,
    events: ['catalog.changed'],
  });

  const count = checkedCount(checked, total);
  const allChecked = checked.all && checked.ids.size === 0 && total > 0;

  function changeSort(column: SortState['sort']) {
    setSort((current) => nextSort(current, column));
    virtualizer.scrollToOffset(0);
  }

  function update() {
    const pending = pendingSelection(checked, filters, total);
    if (!pending) return;
    choose(pending);
    navigate(pricingHash('masiva'));
  }

  const filtered = Boolean(filters.categoryId || filters.supplierCuit || filters.query);
  return (
    <section className="stack" aria-label={PRICING_TAB_NAMES.sugerencias}>
      <CpiHint />
      <div className="toolbar">
        <TextField
          label={f.query}
          value={text}
          onChange={setText}
          placeholder={t.productSearch}
          type="search"
          autoComplete="off"
          spellCheck={false}
          className="field grow"
          testId="sugg-query"
        />
        <ScopeSelects
          lists={lists}
          categoryId={categoryId}
          supplierCuit={supplierCuit}
          onCategory={setCategoryId}
          onSupplier={setSupplierCuit}
          testIdPrefix="sugg"
        />
        <label className="check">
          <input
            type="checkbox"
            checked={onlySuggested}
            onChange={(e) => setOnlySuggested(e.target.checked)}
            data-testid="sugg-only"
          />
          {s.onlySuggested}
        </label>
      </div>
      {meta.below !== null && meta.below > 0 && (
        <p className="error-box" role="status" data-testid="sugg-below-banner">
          {s.belowBanner(meta.below, formatInteger(meta.below))}
        </p>
      )}
      <div className="actions">
        <span className="muted" aria-live="polite" data-testid="sugg-total">
          {cache.total === null ? t.loading : s.count(total, formatInteger(total))}
        </span>
        {canWrite &&
          total > 0 &&
          (checked.all ? (
            <button type="button" className="btn small" onClick={() => setChecked(NOTHING_CHECKED)}>
              {s.selectNone}
            </button>
          ) : (
            <button
              type="button"
              className="btn small"
              onClick={() => setChecked(ALL_CHECKED)}
              data-testid="sugg-select-all"
            >
              {s.selectAll(formatInteger(total))}
            </button>
          ))}
        {count > 0 && (
          <span className="strong" data-testid="sugg-selected">
            {s.selected(count, formatInteger(count))}
          </span>
        )}
        {canWrite && (
          <button
            type="button"
            className="btn primary"
            disabled={count === 0}
            onClick={update}
            data-testid="sugg-update"
          >
            {s.update}
          </button>
        )}
      </div>
      <ErrorBox error={cache.error ?? lists.error} testId="sugg-error" />
      <div className="vtable sugg-table" role="table" aria-rowcount={total + 1}>
        <SuggestionHead
          sort={sort}
          onSort={changeSort}
          allChecked={allChecked}
          canPick={canWrite}
          onCheckAll={() => setChecked(allChecked ? NOTHING_CHECKED : ALL_CHECKED)}
          checkAllLabel={s.selectAll(formatInteger(total))}
        />
        <div className="vbody" ref={scroller} role="rowgroup">
          {cache.total === 0 && (
            <p className="muted pad" data-testid="sugg-empty">
              {onlySuggested && !filtered ? s.emptySuggested : s.emptyFiltered}
            </p>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {rows.map((row) => {
              const item = cache.get(row.index);
              const style = { transform: `translateY(${row.start}px)`, height: ROW_HEIGHT };
              return item ? (
                <SuggestionRow
                  key={row.key}
                  item={item}
                  index={row.index}
                  checked={isChecked(checked, item.productId)}
                  canPick={canWrite}
                  onToggle={(id) => setChecked(toggleChecked(checked, id))}
                  style={style}
                />
              ) : (
                <div key={row.key} className="vrow sugg-cols" role="row" style={style}>
                  <span role="cell" className="placeholder" />
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
