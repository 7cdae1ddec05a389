import { formatMoney, formatInteger, formatTime } from '../../lib/format.ts';
import { routeHash } from '../../lib/route.ts';
import { TENDER_KEY, TENDER_LABEL, t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { itemCount, ticketTotals } from '../../stores/ticket.ts';
import { TENDERS } from '../../../shared/contract/index.ts';

const p = t.pos;

/** The right side of the sale screen: the big total, or the last sale's change, and the keys. */
export function SidePanel({
  onPay,
  onReprint,
  printError,
}: {
  onPay(): void;
  onReprint(saleId: string): void;
  printError: string | null;
}) {
  const ticket = useCart((s) => s.ticket);
  const lastSale = useCart((s) => s.lastSale);
  const drawer = useCart((s) => s.drawer);
  const totals = ticketTotals(ticket);
  const empty = ticket.lines.length === 0;

  return (
    <aside className="pos-side" aria-label={p.total}>
      {drawer === null && (
        <div className="notice" role="status" data-testid="pos-no-drawer">
          <p>{p.noDrawer}</p>
          <a className="btn" href={routeHash('caja', 'turno')} data-testid="pos-open-drawer">
            {p.openDrawer}
          </a>
        </div>
      )}
      {drawer && (
        <p className="muted small" data-testid="pos-drawer">
          {p.drawerOpen(formatTime(drawer.openedAt), drawer.register)}
        </p>
      )}

      {empty && lastSale ? (
        <section className="sale-done" data-testid="sale-done" aria-live="polite">
          <p className="sale-done-title">{p.lastSale(lastSale.sale.number)}</p>
          <p className="muted">{p.saleTotal}</p>
          <p className="sale-done-total" data-testid="sale-done-total">
            {formatMoney(lastSale.sale.total)}
          </p>
          <p className="muted">{p.change}</p>
          <p
            className={lastSale.sale.change > 0 ? 'sale-done-change' : 'sale-done-change none'}
            data-testid="sale-done-change"
          >
            {formatMoney(lastSale.sale.change)}
          </p>
          <p className="small muted">
            {lastSale.sale.payments.map((x) => TENDER_LABEL[x.tender]).join(' + ')}
          </p>
          {lastSale.sale.total !== lastSale.expectedTotal && (
            <p className="notice small">{p.mismatch(lastSale.sale.number)}</p>
          )}
          {printError && <p className="error-box small">{p.printFailed(printError)}</p>}
          <button
            type="button"
            className="btn"
            onClick={() => onReprint(lastSale.sale.id)}
            data-testid="sale-done-reprint"
          >
            {p.reprint}
          </button>
        </section>
      ) : (
        <section className="pos-totals">
          <p className="muted">{p.total}</p>
          <p className="pos-total" data-testid="pos-total">
            {formatMoney(totals.total)}
          </p>
          <dl className="pos-figures">
            <div>
              <dt>{p.subtotal}</dt>
              <dd>{formatMoney(totals.subtotal)}</dd>
            </div>
            {totals.discountTotal > 0 && (
              <div>
                <dt>{p.discounts}</dt>
                <dd>{formatMoney(-totals.discountTotal)}</dd>
              </div>
            )}
            <div>
              <dt>{p.lines(ticket.lines.length)}</dt>
              <dd data-testid="pos-items">
                {p.items(formatInteger(Math.round(itemCount(ticket) * 1000) / 1000))}
              </dd>
            </div>
            {ticket.customer && (
              <div>
                <dt>{p.customer}</dt>
                <dd data-testid="pos-customer">{ticket.customer.name}</dd>
              </div>
            )}
          </dl>
          <button
            type="button"
            className="btn primary big pos-pay"
            onClick={onPay}
            disabled={empty}
            aria-keyshortcuts="F8"
            data-testid="pos-pay"
          >
            {p.pay} <kbd>F8</kbd>
          </button>
        </section>
      )}

      <section className="pos-keys" aria-label={p.keys}>
        <ul className="tender-keys">
          {TENDERS.map((x) => (
            <li key={x}>
              <kbd>{TENDER_KEY[x]}</kbd> {TENDER_LABEL[x]}
            </li>
          ))}
        </ul>
        <dl className="key-map">
          {p.keyMap.map(([key, what]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </section>
    </aside>
  );
}
