import { useState, type FormEvent } from 'react';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney } from '../../lib/format.ts';
import { useFormSubmit, useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { t } from '../../lib/strings.ts';
import { FormResult, SubmitActions, TextField } from '../../lib/fields.tsx';
import { useCan } from '../../stores/session.ts';
import { CustomerDetail } from './CustomerDetail.tsx';
import { CustomerFields } from './CustomerForms.tsx';

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
  const { message, busy, run, fail, succeed, clear } = useFormSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    let creditLimit = 0;
    try {
      creditLimit = limit.trim() === '' ? 0 : parseMoney(limit);
    } catch (err) {
      return fail(errorMessage(err));
    }
    await run(async () => {
      const c = await call('customers.create', {
        name: name.trim(),
        document: document.trim() || null,
        phone: phone.trim() || null,
        creditLimit,
      });
      succeed(cu.created(c.name));
      setName('');
      setDocument('');
      setPhone('');
      setLimit('');
      onCreated();
    });
  }

  return (
    <form className="subform" onSubmit={(e) => void submit(e)} aria-label={cu.newTitle}>
      <h3 className="span-all">{cu.newTitle}</h3>
      <CustomerFields
        testPrefix="customer-new"
        name={[name, setName]}
        document={[document, setDocument]}
        phone={[phone, setPhone]}
        limit={[limit, setLimit]}
        limitPlaceholder="0"
        limitHint={cu.limitHint}
      />
      <FormResult message={message} testId="customer-new-result" />
      <SubmitActions
        label={cu.create}
        disabled={busy || name.trim() === ''}
        testId="customer-new-submit"
      />
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
        <TextField
          className="field grow"
          label={cu.search}
          value={text}
          onChange={setText}
          testId="customer-search"
        />
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
