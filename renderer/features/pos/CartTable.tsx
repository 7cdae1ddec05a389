import { memo, useLayoutEffect, useRef } from 'react';
import { formatMoney } from '../../lib/format.ts';
import { t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { belowCost, lineQtyText, lineTotals, type CartLine } from '../../stores/ticket.ts';

const c = t.pos.col;

function discountText(bp: number): string {
  return bp === 0 ? '' : `-${String(bp / 100).replace('.', ',')} %`;
}

type Props = {
  lines: CartLine[];
  lastKey: string | null;
  selectedKey: string | null;
  onSelect(key: string): void;
  onEdit(key: string): void;
  onRemove(key: string): void;
};

/** The ticket's lines; memoised so typing in the search box does not redraw them. */
export const CartTable = memo(function CartTable({
  lines,
  lastKey,
  selectedKey,
  onSelect,
  onEdit,
  onRemove,
}: Props) {
  const seq = useCart((s) => s.ticket.seq);
  const lastRow = useRef<HTMLDivElement>(null);

  // The scan's line is in the DOM now: bring it into view and, when the benchmark asks, record
  // how long it took to be on screen. A requestAnimationFrame callback runs just before that
  // frame is painted; a message posted from it is handled once the frame is out, so the time
  // includes the paint. The cashier's own scans skip the measuring.
  useLayoutEffect(() => {
    const mark = useCart.getState().scanMark;
    if (window.__cajaMeasureScans && mark && mark.seq === seq) {
      requestAnimationFrame(() => {
        const painted = new MessageChannel();
        painted.port1.onmessage = () => {
          window.__cajaLastScanMs = performance.now() - mark.startedAt;
          painted.port1.close();
        };
        painted.port2.postMessage(null);
      });
    }
    lastRow.current?.scrollIntoView({ block: 'nearest' });
  }, [seq]);

  if (lines.length === 0) {
    return (
      <div className="cart-empty" data-testid="pos-empty">
        <p>{t.pos.empty}</p>
      </div>
    );
  }

  return (
    <div className="cart" role="table" aria-label={t.pos.linesLabel}>
      <div className="cart-row cart-head" role="row">
        <span role="columnheader">{c.n}</span>
        <span role="columnheader">{c.product}</span>
        <span role="columnheader" className="num">
          {c.qty}
        </span>
        <span role="columnheader" className="num">
          {c.price}
        </span>
        <span role="columnheader" className="num">
          {c.total}
        </span>
        <span role="columnheader" className="sr-only">
          {t.pos.edit}
        </span>
      </div>
      <div className="cart-body">
        {lines.map((line, i) => {
          const last = line.key === lastKey;
          const selected = line.key === selectedKey;
          const amounts = lineTotals(line);
          const overridden = line.unitPrice !== line.listPrice;
          return (
            <div
              key={line.key}
              ref={last ? lastRow : undefined}
              role="row"
              aria-selected={selected}
              className={`cart-row${last ? ' last' : ''}${selected ? ' selected' : ''}`}
              onClick={() => onSelect(line.key)}
              onDoubleClick={() => onEdit(line.key)}
              data-testid="pos-line"
            >
              <div
                className="contents"
                role="none"
                data-testid={last ? 'pos-line-last' : undefined}
              >
                <span role="cell" className="muted">
                  {i + 1}
                </span>
                <span role="cell" className="cart-name">
                  <span className="line-name" data-testid="pos-line-name">
                    {line.product.name}
                  </span>
                  {line.fromLabel && <span className="badge">{t.pos.fromLabel}</span>}
                  {belowCost(line) && <span className="badge warn">{t.pos.belowCost}</span>}
                  {overridden && (
                    <span className="muted small">
                      {' '}
                      {t.pos.listPrice(formatMoney(line.listPrice))}
                    </span>
                  )}
                </span>
                <span role="cell" className="num strong" data-testid="pos-line-qty">
                  {lineQtyText(line)}
                </span>
                <span role="cell" className={`num cart-price${overridden ? ' overridden' : ''}`}>
                  {formatMoney(line.unitPrice)}
                  {line.discountBp > 0 && (
                    <span className="discount" data-testid="pos-line-discount">
                      {discountText(line.discountBp)}
                    </span>
                  )}
                </span>
                <span role="cell" className="num strong" data-testid="pos-line-total">
                  {formatMoney(amounts.total)}
                </span>
                <span role="cell" className="cart-actions">
                  <button
                    type="button"
                    className="btn small"
                    tabIndex={-1}
                    title={t.pos.edit}
                    aria-label={`${t.pos.edit}: ${line.product.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onEdit(line.key);
                    }}
                    data-testid={`line-edit-${i}`}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="btn small danger"
                    tabIndex={-1}
                    title={t.pos.removeLine}
                    aria-label={`${t.pos.removeLine}: ${line.product.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      onRemove(line.key);
                    }}
                    data-testid={`line-remove-${i}`}
                  >
                    ✕
                  </button>
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
});
