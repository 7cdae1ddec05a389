import { useState } from 'react';
import type { Receipt } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatIvaRate, formatMoney, formatQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { ReceiptPreview } from '../pos/ReceiptPreview.tsx';

const h = t.history;

/** One sale: its lines and payments, reprint, and a return started from it. */
export function SaleDetail({ id }: { id: string }) {
  const canReturn = useCan('sales.return');
  const sale = useQuery('sales.get', { id });
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const s = sale.data;

  async function reprint() {
    setMessage(null);
    try {
      const r = await call('sales.print', { saleId: id, reprint: true });
      if (!r.printed) setReceipt(r.receipt);
      else if (r.message) setMessage(r.message);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  }

  return (
    <div className="stack" data-testid="sale-detail">
      <div className="page-subhead">
        <a className="btn link" href={routeHash('caja', 'historial')}>
          ← {h.back}
        </a>
        <h2 data-testid="sale-detail-title">{s ? h.saleTitle(s.number) : t.loading}</h2>
        {s && <span className="muted">{formatDateTime(s.at)}</span>}
        {s && (
          <span className="actions">
            <button
              type="button"
              className="btn"
              onClick={() => void reprint()}
              data-testid="sale-reprint"
            >
              {h.reprint}
            </button>
            {canReturn && (
              <button
                type="button"
                className="btn"
                onClick={() => navigate(routeHash('caja', 'devoluciones', s.id))}
                data-testid="sale-start-return"
              >
                {h.startReturn}
              </button>
            )}
          </span>
        )}
      </div>
      {sale.error && <p className="error-box">{sale.error}</p>}
      {message && <p className="error-box">{message}</p>}
      {s && (
        <div className="product-layout">
          <section className="card">
            <h3>{h.lines}</h3>
            <table className="table compact">
              <tbody>
                {s.lines.map((l) => (
                  <tr key={l.id} data-testid="sale-detail-line">
                    <td>
                      {l.description}
                      {l.returnedQty > 0 && (
                        <span className="badge warn">
                          {h.returned}: {formatQuantity(l.returnedQty, l.unit)}
                        </span>
                      )}
                    </td>
                    <td className="num">{formatQuantity(l.qty, l.unit)}</td>
                    <td className="num">{formatMoney(l.unitPrice)}</td>
                    <td className="num">
                      {l.discountBp > 0 ? `-${formatIvaRate(l.discountBp)}` : ''}
                    </td>
                    <td className="num strong">{formatMoney(l.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card stack">
            <p className="big-text" data-testid="sale-detail-total">
              {t.pos.total}: {formatMoney(s.total)}
            </p>
            {s.rounding !== 0 && (
              <p className="muted small">
                {t.pay.rounding}: {formatMoney(s.rounding)}
              </p>
            )}
            {s.userName && <p>{h.soldBy(s.userName)}</p>}
            {s.customerName && <p>{h.customer(s.customerName)}</p>}
            <h3>{h.payments}</h3>
            <ul className="plain-list">
              {s.payments.map((p, i) => (
                <li key={i} data-testid="sale-detail-payment">
                  {TENDER_LABEL[p.tender]}: <strong>{formatMoney(p.amount)}</strong>
                  {p.change > 0 && (
                    <span className="muted small">
                      {' '}
                      ({h.changeShort} {formatMoney(p.change)})
                    </span>
                  )}
                  {p.reference && <span className="muted small"> · {p.reference}</span>}
                </li>
              ))}
            </ul>
            <h3>{h.iva}</h3>
            <ul className="plain-list small">
              {s.iva.map((i) => (
                <li key={i.rateBp}>
                  {formatIvaRate(i.rateBp)}: {formatMoney(i.iva)}
                </li>
              ))}
            </ul>
            {s.flags.length > 0 && (
              <p className="muted small">
                {h.flags}: {s.flags.join(', ')}
              </p>
            )}
          </section>
        </div>
      )}
      {receipt && <ReceiptPreview receipt={receipt} onClose={() => setReceipt(null)} />}
    </div>
  );
}
