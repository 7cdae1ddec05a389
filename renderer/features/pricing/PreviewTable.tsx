import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PriceChangeRow } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../lib/format.ts';
import { pricingStrings } from '../../lib/strings-pricing.ts';
import { changeBp, formatMarginBp, formatSignedBp } from './percent-text.ts';

const m = pricingStrings.mass;
const ROW_HEIGHT = 44;
/** Rows shown before the table scrolls: a 20 000-row preview stays a small window. */
const VISIBLE_ROWS = 12;

/** Every product a mass update moves; unticked rows stay out of the batch. */
export function PreviewTable({
  rows,
  excluded,
  onToggle,
  onToggleAll,
}: {
  rows: readonly PriceChangeRow[];
  excluded: ReadonlySet<string>;
  onToggle(productId: string): void;
  onToggleAll(): void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const height = Math.min(rows.length, VISIBLE_ROWS) * ROW_HEIGHT;
  return (
    <div
      className="vtable preview-table"
      role="table"
      aria-rowcount={rows.length + 1}
      data-testid="mass-preview-table"
    >
      <div className="vrow vhead preview-cols" role="row">
        <span role="columnheader">
          <input
            type="checkbox"
            checked={excluded.size === 0}
            onChange={onToggleAll}
            aria-label={m.tickAll}
            data-testid="mass-tick-all"
          />
        </span>
        <span role="columnheader">{m.col.product}</span>
        <span role="columnheader" className="num">
          {m.col.oldPrice}
        </span>
        <span role="columnheader" className="num">
          {m.col.newPrice}
        </span>
        <span role="columnheader" className="num">
          {m.col.change}
        </span>
        <span role="columnheader" className="num">
          {m.col.margin}
        </span>
        <span role="columnheader" />
      </div>
      <div className="vbody" ref={scroller} role="rowgroup" style={{ height }}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const r = rows[v.index];
            if (!r) return null;
            const ticked = !excluded.has(r.productId);
            const classes = ['vrow', 'preview-cols'];
            if (r.underFloor) classes.push('under-floor');
            if (!ticked) classes.push('unticked');
            return (
              <div
                key={v.key}
                className={classes.join(' ')}
                role="row"
                aria-rowindex={v.index + 2}
                style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}
                data-testid="mass-preview-row"
                data-product-id={r.productId}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    checked={ticked}
                    onChange={() => onToggle(r.productId)}
                    aria-label={r.name}
                    data-testid="mass-tick"
                  />
                </span>
                <span role="cell" className="strong">
                  {r.name}
                </span>
                <span role="cell" className="num">
                  {formatMoney(r.oldPrice)}
                </span>
                <span role="cell" className="num strong" data-testid="mass-new-price">
                  {formatMoney(r.newPrice)}
                </span>
                <span role="cell" className="num">
                  {formatSignedBp(changeBp(r.oldPrice, r.newPrice))}
                </span>
                <span role="cell" className="num">
                  {formatMarginBp(r.marginOldBp)} → {formatMarginBp(r.marginNewBp)}
                </span>
                <span role="cell">
                  {r.underFloor && (
                    <span className="badge warn" data-testid="mass-under-floor">
                      {m.floorBadge}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
