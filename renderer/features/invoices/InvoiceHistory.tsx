import { useState } from 'react';
import type { InvoiceStatus } from '../../../shared/contract/index.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { MoneyField, SelectField } from '../../lib/fields.tsx';
import { formatInteger, formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate } from '../../lib/route.ts';
import { INVOICE_STATUS_LABEL, t } from '../../lib/strings.ts';
import { formatCuit, formatInvoiceDate, summaryCode } from './invoice-format.ts';
import { reviewHash } from './invoice-routes.ts';
import { readMoney } from './parse.ts';
import { ProductFilter, type PickedProduct } from '../../lib/ProductSearch.tsx';

const h = t.invoices.history;
const STATUSES: InvoiceStatus[] = ['borrador', 'aplicada', 'descartada'];

/** A typed amount for a filter: centavos, undefined when empty, or the error to show. */
function amountFilter(text: string): { value?: number; error?: string } {
  const errors: Record<string, string> = {};
  const value = readMoney(text, 'x', errors);
  return errors.x ? { error: errors.x } : value === undefined ? {} : { value };
}

/** Historial: every invoice on file, searched by supplier, CUIT, number, dates, total, product. */
export function InvoiceHistory() {
  const [query, setQuery] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [status, setStatus] = useState<InvoiceStatus | ''>('');
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const typedQuery = useDebouncedValue(query.trim(), 250);
  const minTotal = amountFilter(useDebouncedValue(min, 250));
  const maxTotal = amountFilter(useDebouncedValue(max, 250));
  const list = useQuery('invoices.list', {
    ...(typedQuery ? { query: typedQuery } : {}),
    ...(status ? { status } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(minTotal.value !== undefined ? { minTotal: minTotal.value } : {}),
    ...(maxTotal.value !== undefined ? { maxTotal: maxTotal.value } : {}),
    ...(product ? { productId: product.id } : {}),
    limit: 300,
  });

  function clear() {
    setQuery('');
    setFrom('');
    setTo('');
    setMin('');
    setMax('');
    setStatus('');
    setProduct(null);
  }

  return (
    <div className="stack" data-testid="inv-history">
      <div className="toolbar history-filters inv-filters">
        <label className="field grow">
          <span>{h.query}</span>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            autoFocus
            data-testid="inv-history-query"
          />
        </label>
        <label className="field">
          <span>{h.from}</span>
          <input
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="inv-history-from"
          />
        </label>
        <label className="field">
          <span>{h.to}</span>
          <input
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="inv-history-to"
          />
        </label>
        <MoneyField
          label={h.minTotal}
          value={min}
          onChange={setMin}
          aria-invalid={minTotal.error ? true : undefined}
          testId="inv-history-min"
        >
          {minTotal.error && <small className="field-error">{minTotal.error}</small>}
        </MoneyField>
        <MoneyField
          label={h.maxTotal}
          value={max}
          onChange={setMax}
          aria-invalid={maxTotal.error ? true : undefined}
          testId="inv-history-max"
        >
          {maxTotal.error && <small className="field-error">{maxTotal.error}</small>}
        </MoneyField>
        <SelectField<InvoiceStatus | ''>
          label={h.status}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: h.anyStatus },
            ...STATUSES.map((s) => ({ value: s, label: INVOICE_STATUS_LABEL[s] })),
          ]}
          testId="inv-history-status"
        />
        <ProductFilter
          label={h.product}
          clearLabel={h.clear}
          value={product}
          onChange={setProduct}
          testId="inv-history-product"
          optionTestId="inv-history-product-option"
          chosenTestId="inv-history-product-chosen"
        />
        <button type="button" className="btn link" onClick={clear} data-testid="inv-history-clear">
          {h.clear}
        </button>
      </div>
      {list.error && <p className="error-box">{list.error}</p>}
      {list.data && (
        <p className="muted small" data-testid="inv-history-count">
          {h.count(list.data.length, formatInteger(list.data.length))}
        </p>
      )}
      <div className="card table-wrap">
        <table className="table" data-testid="inv-history-table">
          <thead>
            <tr>
              <th scope="col">{h.col.date}</th>
              <th scope="col">{h.col.supplier}</th>
              <th scope="col">{h.col.cuit}</th>
              <th scope="col">{h.col.number}</th>
              <th scope="col" className="num">
                {h.col.total}
              </th>
              <th scope="col">{h.col.status}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.map((inv) => (
              <tr
                key={inv.id}
                className="clickable"
                tabIndex={0}
                onClick={() => navigate(reviewHash(inv.id))}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') navigate(reviewHash(inv.id));
                }}
                data-testid="inv-history-row"
                data-invoice-id={inv.id}
              >
                <td className="nowrap">{formatInvoiceDate(inv.date) || t.none}</td>
                <td className="strong">
                  <a href={reviewHash(inv.id)} tabIndex={-1}>
                    {inv.issuerName ?? inv.fileName}
                  </a>
                </td>
                <td className="mono nowrap" data-testid="inv-history-cuit">
                  {inv.issuerCuit ? formatCuit(inv.issuerCuit) : t.none}
                </td>
                <td className="mono nowrap" data-testid="inv-history-number">
                  {summaryCode(inv) || t.none}
                </td>
                <td className="num strong">
                  {inv.total === null ? t.none : formatMoney(inv.total)}
                </td>
                <td>
                  <span
                    className={`badge inv-status-${inv.status}`}
                    data-testid="inv-history-status-cell"
                  >
                    {INVOICE_STATUS_LABEL[inv.status]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {list.data?.length === 0 && (
          <p className="muted pad" data-testid="inv-history-empty">
            {h.none}
          </p>
        )}
      </div>
    </div>
  );
}
