import { useRef, useState } from 'react';
import type { Customer } from '../../../shared/contract/index.ts';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { printElement } from '../pos/print.ts';
import { CustomerAdjust, CustomerPayment, EditCustomer } from './CustomerForms.tsx';

const cu = t.customers;

/** One customer: balance, account ledger (printable statement), payment and adjustment. */
export function CustomerDetail({ id }: { id: string }) {
  const canWrite = useCan('customers.write');
  const canOperate = useCan('cash.operate');
  const loaded = useQuery('customers.get', { id });
  const ledger = useQuery('customers.ledger', { id, limit: 500 });
  const [saved, setSaved] = useState<Customer | null>(null);
  const statement = useRef<HTMLElement>(null);
  const customer = saved ?? loaded.data;

  function changed() {
    setSaved(null);
    loaded.reload();
    ledger.reload();
  }

  return (
    <div className="stack" data-testid="customer-detail">
      <div className="page-subhead">
        <a className="btn link" href={routeHash('caja', 'clientes')}>
          ← {cu.back}
        </a>
        <h2 data-testid="customer-name">{customer?.name ?? t.loading}</h2>
        {customer && !customer.active && <span className="badge">{cu.inactive}</span>}
      </div>
      {loaded.error && <p className="error-box">{loaded.error}</p>}
      {customer && (
        <div className="product-layout">
          <article className="card stack statement" ref={statement} aria-label={cu.ledger}>
            <header className="report-head">
              <div>
                <h3 className="print-only">{cu.statementTitle(customer.name)}</h3>
                <p className="print-only">{cu.statementDate(formatDate(Date.now()))}</p>
                <p>
                  {cu.balance}:{' '}
                  <strong
                    className={customer.balance > 0 ? 'big-text negative' : 'big-text'}
                    data-testid="customer-detail-balance"
                  >
                    {formatMoney(customer.balance)}
                  </strong>{' '}
                  <span className="muted small">
                    {customer.balance > 0 ? cu.owes : customer.balance < 0 ? cu.inFavour : ''} ·{' '}
                    {cu.col.limit} {formatMoney(customer.creditLimit)}
                  </span>
                </p>
              </div>
              <button
                type="button"
                className="btn no-print"
                onClick={() => printElement(statement.current)}
                data-testid="customer-print"
              >
                {cu.statement}
              </button>
            </header>
            <h3>{cu.ledger}</h3>
            {ledger.error && <p className="error-box">{ledger.error}</p>}
            {ledger.data?.length === 0 && <p className="muted">{cu.noLedger}</p>}
            {ledger.data && ledger.data.length > 0 && (
              <div className="table-wrap">
                <table className="table compact">
                  <thead>
                    <tr>
                      <th scope="col">{cu.ledgerCol.date}</th>
                      <th scope="col">{cu.ledgerCol.kind}</th>
                      <th scope="col">{cu.ledgerCol.detail}</th>
                      <th scope="col" className="num">
                        {cu.ledgerCol.amount}
                      </th>
                      <th scope="col" className="num">
                        {cu.ledgerCol.balance}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ledger.data.map((e) => (
                      <tr key={e.id} data-testid="customer-ledger-row">
                        <td className="nowrap">{formatDateTime(e.at)}</td>
                        <td>{cu.kind[e.kind]}</td>
                        <td>
                          {[
                            e.saleNumber !== null ? cu.ticket(e.saleNumber) : null,
                            e.note,
                            e.userName,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </td>
                        <td className={e.amount > 0 ? 'num negative' : 'num positive'}>
                          {formatMoney(e.amount)}
                        </td>
                        <td className="num strong">{formatMoney(e.balanceAfter)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </article>
          <div className="stack">
            {canOperate && <CustomerPayment customer={customer} onDone={changed} />}
            {canWrite && (
              <EditCustomer
                key={customer.id + String(customer.creditLimit)}
                customer={customer}
                onSaved={setSaved}
              />
            )}
            <CustomerAdjust customer={customer} onDone={changed} />
          </div>
        </div>
      )}
    </div>
  );
}
