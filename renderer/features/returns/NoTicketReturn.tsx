import { useState, type FormEvent } from 'react';
import type { Product } from '../../../shared/contract/index.ts';
import { parseMoney, parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney, formatQuantity, moneyInput } from '../../lib/format.ts';
import { ErrorBox, MoneyField } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { isWordQuery } from '../pos/scan.ts';
import { RefundFields, ReturnSubmit, type RefundChoice } from './RefundFields.tsx';
import type { SubmitReturn } from './ReturnsPage.tsx';

const r = t.returns;

type Line = { product: Product; qty: number; unitPrice: number };

/** Goods back without the ticket: product and price picked from the catalog; a supervisor signs. */
export function NoTicketReturn({ submit }: { submit: SubmitReturn }) {
  const [text, setText] = useState('');
  const [product, setProduct] = useState<Product | null>(null);
  const [qty, setQty] = useState('1');
  const [price, setPrice] = useState('');
  const [lines, setLines] = useState<Line[]>([]);
  const [choice, setChoice] = useState<RefundChoice>({
    destination: 'stock',
    tender: 'efectivo',
    reason: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const query = useDebouncedValue(text.trim(), 150);
  const words = isWordQuery(query);
  const results = useQuery('catalog.search', { text: query, limit: 8 }, { enabled: words });

  function choose(p: Product) {
    setProduct(p);
    setText('');
    setQty(p.unit === 'u' ? '1' : '');
    setPrice(moneyInput(p.price));
  }

  async function pick(id: string) {
    try {
      choose(await call('catalog.get', { id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function lookup(e: FormEvent) {
    e.preventDefault();
    const code = text.trim();
    if (code === '' || isWordQuery(code)) return;
    setError(null);
    try {
      const p = await call('catalog.lookup', { code });
      if (p) choose(p);
      else setError(t.pos.notFound(code));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  function addLine() {
    if (!product) return;
    setError(null);
    try {
      const q = parseQuantity(qty, product.unit);
      if (q <= 0) return setError(t.move.positive);
      setLines((ls) => [...ls, { product, qty: q, unitPrice: parseMoney(price) }]);
      setProduct(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  // The core refunds qty × price, rounded to the centavo.
  const amountOf = (l: Line) => Math.round((l.qty * l.unitPrice) / 1000);
  const total = lines.reduce((s, l) => s + amountOf(l), 0);

  async function go() {
    setError(null);
    if (lines.length === 0) return setError(r.noLines);
    if (choice.reason.trim() === '') return setError(r.reasonRequired);
    setBusy(true);
    const failure = await submit({
      action: 'return.no_ticket',
      saleId: null,
      summary: `${lines.map((l) => l.product.name).join(', ')} · ${formatMoney(total)}`,
      lines: lines.map((l) => ({ productId: l.product.id, unitPrice: l.unitPrice, qty: l.qty })),
      total,
      choice,
    });
    setBusy(false);
    if (failure) setError(failure);
  }

  return (
    <div className="stack">
      <form className="inline" onSubmit={(e) => void lookup(e)}>
        <label className="field grow">
          <span>{r.productSearch}</span>
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
            autoComplete="off"
            data-testid="return-product-search"
          />
        </label>
      </form>
      {words && (results.data?.items.length ?? 0) > 0 && (
        <ul className="result-list card list-card">
          {results.data?.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="result"
                onClick={() => void pick(item.id)}
                data-testid="return-product-option"
              >
                <span className="result-name">{item.name}</span>
                <span className="result-price">{formatMoney(item.price)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {product && (
        <div className="subform" data-testid="return-product">
          <p className="span-all strong">{product.name}</p>
          <MoneyField
            label={r.qty(product.unit)}
            value={qty}
            onChange={setQty}
            testId="return-product-qty"
          />
          <MoneyField
            label={r.unitPrice}
            value={price}
            onChange={setPrice}
            testId="return-product-price"
          />
          <div className="actions">
            <button
              type="button"
              className="btn primary"
              onClick={addLine}
              data-testid="return-product-add"
            >
              {r.addLine}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={error} testId="return-error" />
      <section className="card stack">
        {lines.length === 0 ? (
          <p className="muted">{r.noLines}</p>
        ) : (
          <table className="table compact">
            <tbody>
              {lines.map((l, i) => (
                <tr key={i} data-testid="return-line">
                  <td>{l.product.name}</td>
                  <td className="num">{formatQuantity(l.qty, l.product.unit)}</td>
                  <td className="num">{formatMoney(l.unitPrice)}</td>
                  <td className="num strong">{formatMoney(amountOf(l))}</td>
                  <td>
                    <button
                      type="button"
                      className="btn small link"
                      onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <RefundFields value={choice} onChange={setChoice} allowAccount={false} />
        <p className="return-total">
          {r.total}: <strong data-testid="return-total">{formatMoney(total)}</strong>
        </p>
        <ReturnSubmit busy={busy} onSubmit={() => void go()} />
      </section>
    </div>
  );
}
