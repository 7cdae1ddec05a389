import { useState, type FormEvent } from 'react';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { CustomerDetail } from './CustomerDetail.tsx';

const cu = t.customers;

export function CustomersArea({ customerId }: { customerId: string | null }) {
  const canRead = useCan('customers.read');
  if (!canRead) return <p className="notice">{t.noPermission}</p>;
  return customerId ? <CustomerDetail key={customerId} id={customerId} /> : <CustomersList />;
}

function NewCustomer({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [document, setDocument] = useState('');
  const [phone, setPhone] = useState('');
  const [limit, setLimit] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    let creditLimit = 0;
    try {
      creditLimit = limit.trim() === '' ? 0 : parseMoney(limit);
    } catch (err) {
      return setMessage({ ok: false, text: errorMessage(err) });
    }
    setBusy(true);
    try {
      const c = await call('customers.create', {
        name: name.trim(),
        document: document.trim() || null,
        phone: phone.trim() || null,
        creditLimit,
      });
      setMessage({ ok: true, text: cu.created(c.name) });
      setName('');
      setDocument('');
      setPhone('');
      setLimit('');
      onCreated();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.newTitle}>
      <h3 className="span-all">{cu.newTitle}</h3>
      <label className="field">
        <span>{cu.name}</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
          data-testid="customer-new-name"
        />
      </label>
      <label className="field">
        <span>{cu.document}</span>
        <input
          value={document}
          onChange={(e) => setDocument(e.target.value)}
          maxLength={20}
          data-testid="customer-new-document"
        />
      </label>
      <label className="field">
        <span>{cu.phone}</span>
        <input
          value={phone}
          onChange={(e) => setPhone(e.target.value)}
          maxLength={40}
          data-testid="customer-new-phone"
        />
      </label>
      <label className="field">
        <span>{cu.limit}</span>
        <input
          value={limit}
          onChange={(e) => setLimit(e.target.value)}
          inputMode="decimal"
          placeholder="0"
          data-testid="customer-new-limit"
        />
        <small className="muted">{cu.limitHint}</small>
      </label>
      {message && (
        <p
          className={message.ok ? 'ok-box' : 'error-box'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="customer-new-result"
        >
          {message.text}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="btn primary"
          disabled={busy || name.trim() === ''}
          data-testid="customer-new-submit"
        >
          {cu.create}
        </button>
      </div>
    </form>
  );
}

function CustomersList() {
  const canWrite = useCan('customers.write');
  const [text, setText] = useState('');
  const [withBalance, setWithBalance] = useState(false);
  const query = useDebouncedValue(text.trim(), 150);
  const list = useQuery('customers.list', {
    text: query,
    withBalanceOnly: withBalance,
    limit: 200,
  });
  const owed = useQuery('customers.totalOwed', {});

  function changed() {
    list.reload();
    owed.reload();
  }

  return (
    <div className="stack" data-testid="customers-page">
      {owed.data && (
        <p className="card strong" data-testid="customers-total-owed">
          {cu.totalOwed(formatMoney(owed.data.total), owed.data.customers)}
        </p>
      )}
      <div className="toolbar">
        <label className="field grow">
          <span>{cu.search}</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="customer-search"
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={withBalance}
            onChange={(e) => setWithBalance(e.target.checked)}
            data-testid="customer-with-balance"
          />
          {cu.withBalance}
        </label>
      </div>
      {list.error && <p className="error-box">{list.error}</p>}
      {owed.error && !list.error && <p className="error-box">{owed.error}</p>}
      <div className="card table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{cu.col.name}</th>
              <th scope="col">{cu.col.document}</th>
              <th scope="col">{cu.col.phone}</th>
              <th scope="col" className="num">
                {cu.col.limit}
              </th>
              <th scope="col" className="num">
                {cu.col.balance}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data?.map((c) => (
              <tr
                key={c.id}
                className="clickable"
                tabIndex={0}
                onClick={() => navigate(routeHash('caja', 'clientes', c.id))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(routeHash('caja', 'clientes', c.id));
                }}
                data-testid="customer-row"
              >
                <td>
                  <a href={routeHash('caja', 'clientes', c.id)} tabIndex={-1}>
                    {c.name}
                  </a>
                  {!c.active && <span className="badge">{cu.inactive}</span>}
                </td>
                <td>{c.document ?? t.none}</td>
                <td>{c.phone ?? t.none}</td>
                <td className="num">{formatMoney(c.creditLimit)}</td>
                <td
                  className={c.balance > 0 ? 'num strong negative' : 'num'}
                  data-testid="customer-balance"
                >
                  {formatMoney(c.balance)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data?.length === 0 && <p className="muted pad">{cu.none}</p>}
      </div>
      {canWrite ? (
        <NewCustomer onCreated={changed} />
      ) : (
        <p className="muted small">{cu.readOnly}</p>
      )}
    </div>
  );
}
