import { useState } from 'react';
import { TENDERS, type Tender } from '../../../shared/contract/index.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { SelectField } from '../../lib/fields.tsx';
import { formatInteger, formatMoney, formatTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { ProductFilter, type PickedProduct } from '../../lib/ProductSearch.tsx';
import { navigate, routeHash } from '../../lib/route.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { SaleDetail } from './SaleDetail.tsx';

const h = t.history;

export function HistoryArea({ saleId }: { saleId: string | null }) {
  const canRead = useCan('sales.history');
  if (!canRead) return <p className="notice">{t.noPermission}</p>;
  return saleId ? <SaleDetail key={saleId} id={saleId} /> : <HistoryList />;
}

/** yyyy-mm-dd of a local day, as an <input type="date"> holds it. */
function dayInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function dayRange(day: string): { from: number; to: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const from = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  const to = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime() - 1;
  return { from, to };
}

function useCashiers() {
  const canManage = useCan('users.manage');
  const managed = useQuery('users.list', {}, { enabled: canManage });
  const listed = useQuery('auth.users', {}, { enabled: !canManage });
  return (canManage ? managed.data : listed.data) ?? [];
}

function HistoryList() {
  const [day, setDay] = useState(() => dayInput(Date.now()));
  const [number, setNumber] = useState('');
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [userId, setUserId] = useState('');
  const [tender, setTender] = useState<Tender | ''>('');
  const cashiers = useCashiers();
  const typedNumber = useDebouncedValue(number.trim(), 200);
  const ticket = /^\d{1,9}$/.test(typedNumber) ? Number(typedNumber) : null;
  // A ticket number finds the sale whatever its day.
  const range = ticket === null ? dayRange(day) : null;
  const list = useQuery('sales.list', {
    ...(range ?? {}),
    ...(ticket !== null ? { number: ticket } : {}),
    ...(product ? { productId: product.id } : {}),
    ...(userId ? { userId } : {}),
    ...(tender ? { tender } : {}),
    limit: 300,
  });

  function clear() {
    setDay(dayInput(Date.now()));
    setNumber('');
    setProduct(null);
    setUserId('');
    setTender('');
  }

  return (
    <div className="stack" data-testid="history-page">
      <div className="toolbar history-filters">
        <label className="field">
          <span>{h.date}</span>
          <input
            type="date"
            value={day}
            onChange={(e) => setDay(e.target.value)}
            data-testid="history-search-date"
          />
        </label>
        <label className="field">
          <span>{h.number}</span>
          <input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            inputMode="numeric"
            data-testid="history-search-number"
          />
        </label>
        <ProductFilter
          label={h.product}
          clearLabel={h.clear}
          value={product}
          onChange={setProduct}
          testId="history-search-product"
          optionTestId="history-product-option"
          chosenTestId="history-search-product-chosen"
        />
        <SelectField
          label={h.user}
          value={userId}
          onChange={setUserId}
          options={[
            { value: '', label: h.anyUser },
            ...cashiers.map((u) => ({ value: u.id, label: u.name })),
          ]}
          testId="history-search-user"
        />
        <SelectField<Tender | ''>
          label={h.tender}
          value={tender}
          onChange={setTender}
          options={[
            { value: '', label: h.anyTender },
            ...TENDERS.map((x) => ({ value: x, label: TENDER_LABEL[x] })),
          ]}
          testId="history-search-tender"
        />
        <button
          type="button"
          className="btn link"
          onClick={clear}
          data-testid="history-search-clear"
        >
          {h.clear}
        </button>
      </div>
      {list.error && <p className="error-box">{list.error}</p>}
      {list.data && (
        <p className="muted small" data-testid="history-count">
          {h.count(formatInteger(list.data.total))}
        </p>
      )}
      <div className="card table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{h.col.number}</th>
              <th scope="col">{h.col.time}</th>
              <th scope="col">{h.col.user}</th>
              <th scope="col">{h.col.customer}</th>
              <th scope="col" className="num">
                {h.col.items}
              </th>
              <th scope="col">{h.col.tenders}</th>
              <th scope="col" className="num">
                {h.col.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((s) => (
              <tr
                key={s.id}
                className="clickable"
                tabIndex={0}
                onClick={() => navigate(routeHash('caja', 'historial', s.id))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(routeHash('caja', 'historial', s.id));
                }}
                data-testid="history-row"
              >
                <td className="strong">
                  <a href={routeHash('caja', 'historial', s.id)} tabIndex={-1}>
                    {s.number}
                  </a>
                  {s.returned && <span className="badge warn">{h.returned}</span>}
                </td>
                <td>{formatTime(s.at)}</td>
                <td>{s.userName ?? t.none}</td>
                <td>{s.customerName ?? t.none}</td>
                <td className="num">{formatInteger(s.items)}</td>
                <td>{s.tenders.map((x) => TENDER_LABEL[x]).join(', ')}</td>
                <td className="num strong">{formatMoney(s.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data?.items.length === 0 && <p className="muted pad">{h.none}</p>}
      </div>
    </div>
  );
}
