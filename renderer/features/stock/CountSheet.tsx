import { useRef, useState, type FormEvent } from 'react';
import type { Product, StockCount } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatQuantity, signedQuantity } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { routeHash } from '../../lib/route.ts';
import { COUNT_STATUS_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';

const col = t.stock.col;

export function CountSheet({ countId }: { countId: string }) {
  const canCount = useCan('stock.count');
  const loaded = useQuery('stock.countGet', { countId }, { enabled: canCount });
  const [override, setOverride] = useState<StockCount | null>(null);
  const count = override?.id === countId ? override : loaded.data;
  const [code, setCode] = useState('');
  const [product, setProduct] = useState<Product | null>(null);
  const [qty, setQty] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState<'close' | 'cancel' | null>(null);

  if (!canCount) return <p className="notice">{t.noPermission}</p>;

  async function findProduct(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const text = code.trim();
    if (text === '') return;
    try {
      const found = await call('catalog.lookup', { code: text });
      if (!found) {
        setProduct(null);
        setError(t.checker.notFound(text));
        codeInput.current?.select();
        return;
      }
      setProduct(found);
      setQty('');
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function setCounted(e: FormEvent) {
    e.preventDefault();
    if (!product) return;
    setError(null);
    let counted: number;
    try {
      counted = parseQuantity(qty, product.unit);
    } catch (err) {
      return setError(errorMessage(err));
    }
    try {
      await call('stock.countSet', { countId, productId: product.id, counted });
      setOverride(await call('stock.countGet', { countId }));
      setProduct(null);
      setCode('');
      setQty('');
      codeInput.current?.focus();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  // Confirmed inline, not with window.confirm: native dialogs block and are awkward in e2e.
  async function finish(action: 'close' | 'cancel') {
    setConfirming(null);
    setBusy(true);
    setError(null);
    try {
      const channel = action === 'close' ? 'stock.countClose' : 'stock.countCancel';
      setOverride(await call(channel, { countId }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const open = count?.status === 'abierto';
  const lines = [...(count?.lines ?? [])].reverse();

  return (
    <section className="stack" aria-labelledby="count-title">
      <div className="page-subhead">
        <a className="btn link" href={routeHash('stock', 'conteos')}>
          ← {t.counts.back}
        </a>
        <h2 id="count-title">
          {count
            ? t.counts.sheetTitle(count.locationName, formatDateTime(count.startedAt))
            : t.loading}
        </h2>
        {count && (
          <span className={`badge status-${count.status}`} data-testid="count-status">
            {COUNT_STATUS_LABEL[count.status]}
          </span>
        )}
      </div>
      {loaded.error && <p className="error-box">{loaded.error}</p>}
      {open && (
        <div className="card count-entry">
          <form onSubmit={(e) => void findProduct(e)} className="inline">
            <label className="field grow">
              <span>{t.counts.code}</span>
              <input
                ref={codeInput}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoFocus
                autoComplete="off"
                data-testid="count-code"
              />
            </label>
            <button type="submit" className="btn">
              {t.counts.find}
            </button>
          </form>
          {product && (
            <form onSubmit={(e) => void setCounted(e)} className="inline">
              <p className="grow strong" data-testid="count-product">
                {product.name}
              </p>
              <label className="field">
                <span>{t.counts.counted(product.unit)}</span>
                <input
                  key={product.id}
                  value={qty}
                  autoFocus
                  onChange={(e) => setQty(e.target.value)}
                  inputMode="decimal"
                  data-testid="count-qty"
                />
              </label>
              <button type="submit" className="btn primary" data-testid="count-set">
                {t.counts.set}
              </button>
            </form>
          )}
        </div>
      )}
      {error && (
        <p className="error-box" role="alert" data-testid="count-error">
          {error}
        </p>
      )}
      <div className="card table-wrap">
        {lines.length === 0 && <p className="muted">{t.counts.noLines}</p>}
        {lines.length > 0 && (
          <table className="table" data-testid="count-lines">
            <thead>
              <tr>
                <th scope="col">{col.code}</th>
                <th scope="col">{col.product}</th>
                <th scope="col" className="num">
                  {col.expected}
                </th>
                <th scope="col" className="num">
                  {col.counted}
                </th>
                <th scope="col" className="num">
                  {col.variance}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.productId} data-testid="count-line">
                  <td className="mono">{line.barcode ?? ''}</td>
                  <td>{line.name}</td>
                  <td className="num">{formatQuantity(line.expected, line.unit)}</td>
                  <td className="num">{formatQuantity(line.counted, line.unit)}</td>
                  <td
                    className={
                      line.variance < 0
                        ? 'num negative strong'
                        : line.variance > 0
                          ? 'num positive strong'
                          : 'num'
                    }
                  >
                    {signedQuantity(line.variance, line.unit)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {open && confirming === null && (
        <div className="actions">
          <button
            type="button"
            className="btn primary"
            onClick={() => setConfirming('close')}
            disabled={busy}
            data-testid="count-close"
          >
            {t.counts.close}
          </button>
          <button
            type="button"
            className="btn danger"
            onClick={() => setConfirming('cancel')}
            disabled={busy}
            data-testid="count-cancel"
          >
            {t.counts.cancel}
          </button>
        </div>
      )}
      {open && confirming !== null && (
        <div className="card notice" role="alertdialog" aria-labelledby="count-confirm-text">
          <p id="count-confirm-text">
            {confirming === 'close'
              ? t.counts.confirmClose(lines.filter((l) => l.variance !== 0).length)
              : t.counts.confirmCancel}
          </p>
          <div className="actions">
            <button
              type="button"
              className={confirming === 'close' ? 'btn primary' : 'btn danger'}
              onClick={() => void finish(confirming)}
              autoFocus
              data-testid="count-confirm"
            >
              {confirming === 'close' ? t.counts.close : t.counts.cancel}
            </button>
            <button type="button" className="btn link" onClick={() => setConfirming(null)}>
              {t.back}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
