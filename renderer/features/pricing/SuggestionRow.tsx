import type { CSSProperties } from 'react';
import type { PriceSuggestion, SuggestionSort } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../lib/format.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { formatMarginBp, formatSignedBp } from './percent-text.ts';
import { priceHistoryHash } from './pricing-routes.ts';
import { ariaSort, costAge, type SortState } from './suggestion-view.ts';

const s = pricingStrings.suggestions;

/** One suggestion: two lines per cell (the figure, and what it comes from). */
export function SuggestionRow({
  item,
  checked,
  canPick,
  onToggle,
  style,
  index,
}: {
  item: PriceSuggestion;
  checked: boolean;
  /** Only who may change prices picks rows for a mass update. */
  canPick: boolean;
  onToggle(id: string): void;
  style: CSSProperties;
  index: number;
}) {
  const classes = ['vrow', 'sugg-cols', 'two-line'];
  if (item.belowReplacement) classes.push('below-replacement');
  if (checked) classes.push('checked');
  const detail = [item.barcode, item.categoryPath].filter(Boolean).join(' · ');
  return (
    <div
      className={classes.join(' ')}
      role="row"
      aria-rowindex={index + 2}
      style={style}
      data-testid="sugg-row"
      data-product-id={item.productId}
      data-below={item.belowReplacement ? 'true' : 'false'}
    >
      <span role="cell">
        <input
          type="checkbox"
          checked={checked}
          disabled={!canPick}
          onChange={() => onToggle(item.productId)}
          aria-label={s.pick(item.name)}
          data-testid="sugg-check"
        />
      </span>
      <span role="cell">
        <a
          href={priceHistoryHash(item.productId)}
          className="strong"
          title={s.history}
          data-testid="sugg-history"
        >
          {item.name}
        </a>
        <small className="muted">
          {item.belowReplacement && <span className="badge danger">{s.belowReplacement}</span>}
          {!item.belowReplacement && item.belowCost && (
            <span className="badge danger">{s.belowCost}</span>
          )}
          {detail}
        </small>
      </span>
      <span role="cell" className="num" data-testid="sugg-price">
        {formatMoney(item.price)}
      </span>
      <span role="cell" className="num">
        {formatMoney(item.cost)}
        <small className="muted">{costAge(item.costAgeDays)}</small>
      </span>
      <span role="cell" className="num">
        {formatMoney(item.replacement)}
        <small className="muted">{s.inflation(formatSignedBp(item.inflationBp))}</small>
      </span>
      <span role="cell" className="num strong" data-testid="sugg-target">
        {formatMoney(item.target)}
      </span>
      <span role="cell" className="num">
        {formatMarginBp(item.marginNowBp)} → {formatMarginBp(item.marginAfterBp)}
      </span>
      <span role="cell" className="num strong" data-testid="sugg-gap">
        {formatSignedBp(item.gapBp)}
      </span>
    </div>
  );
}

const COLUMNS: { label: string; sort?: SuggestionSort; title?: string; num?: boolean }[] = [
  { label: s.col.product, sort: 'nombre' },
  { label: s.col.price, num: true },
  { label: s.col.cost, sort: 'antiguedad', num: true },
  { label: s.col.replacement, num: true },
  { label: s.col.target, sort: 'urgencia', title: s.sortBy(s.sortUrgency), num: true },
  { label: s.col.margin, sort: 'margen', num: true },
  { label: s.col.gap, sort: 'brecha', num: true },
];

/** The header row: the sortable columns are buttons; the first cell ticks every row. */
export function SuggestionHead({
  sort,
  onSort,
  allChecked,
  canPick,
  onCheckAll,
  checkAllLabel,
}: {
  sort: SortState;
  onSort(column: SuggestionSort): void;
  allChecked: boolean;
  canPick: boolean;
  onCheckAll(): void;
  checkAllLabel: string;
}) {
  return (
    <div className="vrow vhead sugg-cols" role="row">
      <span role="columnheader">
        <input
          type="checkbox"
          checked={allChecked}
          disabled={!canPick}
          onChange={onCheckAll}
          aria-label={checkAllLabel}
          data-testid="sugg-check-all"
        />
      </span>
      {COLUMNS.map((c) => {
        const order = c.sort ? ariaSort(sort, c.sort) : 'none';
        const arrow = order === 'ascending' ? ' ▲' : order === 'descending' ? ' ▼' : '';
        return (
          <span
            key={c.label}
            role="columnheader"
            className={c.num ? 'num' : undefined}
            aria-sort={c.sort ? order : undefined}
          >
            {c.sort ? (
              <button
                type="button"
                className="sort-button"
                title={c.title ?? s.sortBy(c.label.toLowerCase())}
                onClick={() => c.sort && onSort(c.sort)}
                data-testid={`sugg-sort-${c.sort}`}
              >
                {c.label}
                {arrow}
              </button>
            ) : (
              c.label
            )}
          </span>
        );
      })}
    </div>
  );
}
