import { useEffect, useState, type FormEvent } from 'react';
import type { ReturnRecord, Sale } from '../../../shared/contract/index.ts';
import { parseQuantity } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatMoney, formatQuantity } from '../../lib/format.ts';
import { ErrorBox } from '../../lib/fields.tsx';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { RefundFields, ReturnSubmit, type RefundChoice } from './RefundFields.tsx';
import { readPicks, refundFor, returnable } from './return-math.ts';
import type { SubmitReturn } from './ReturnsPage.tsx';

const r = t.returns;

function PreviousReturns({ returns }: { returns: readonly ReturnRecord[] }) {
  if (returns.length === 0) return null;
  return (
    <div className="muted small">
      <strong>{r.previous}:</strong>{' '}
      {returns
        .map((x) => `${formatDateTime(x.at)} · ${formatMoney(x.total)} (${x.reason})`)
        .join(' — ')}
    </div>
  );
}

/** A return against a ticket: find it by its barcode or number, pick lines and quantities. */
export function TicketReturn({
  initialSaleId,
  submit,
}: {
  initialSaleId: string | null;
  submit: SubmitReturn;
}) {
  const [code, setCode] = useState('');
  const [sale, setSale] = useState<Sale | null>(null);
  const [qtys, setQtys] = useState<Record<string, string>>({});
  const [choice, setChoice] = useState<RefundChoice>({
    destination: 'stock',
    tender: 'efectivo',
    reason: '',
  });
  const [error, setError] = useState<string | null>(null);
  const [badLine, setBadLine] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function loaded(s: Sale) {
    setSale(s);
    setQtys({});
    const first = s.payments[0]?.tender ?? 'efectivo';
    setChoice((c) => ({
      ...c,
      tender: first === 'cuenta_corriente' && !s.customerId ? 'efectivo' : first,
    }));
  }

  useEffect(() => {
    if (!initialSaleId) return undefined;
    let live = true;
    call('sales.get', { id: initialSaleId }).then(
      (s) => live && loaded(s),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [initialSaleId]);

  async function find(e: FormEvent) {
    e.preventDefault();
    const text = code.trim();
    if (text === '') return;
    setError(null);
    try {
      const found = await call('sales.findByCode', { code: text });
      if (found) {
        loaded(found);
        setCode('');
      } else {
        setSale(null);
        setError(r.notFound(text));
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const earlier = useQuery('sales.returns', { saleId: sale?.id ?? '' }, { enabled: sale !== null });
  const returns = sale && earlier.data ? earlier.data : [];
  const picks = sale ? readPicks(sale, qtys) : null;

  async function go() {
    if (!sale || !picks) return;
    setError(null);
    setBadLine(null);
    if (!picks.ok) {
      setBadLine(picks.lineId);
      return setError(picks.error);
    }
    if (picks.picks.length === 0) return setError(r.nothing);
    if (choice.reason.trim() === '') return setError(r.reasonRequired);
    setBusy(true);
    const failure = await submit({
      action: 'return',
      saleId: sale.id,
      summary: `${r.ticket(sale.number, formatDateTime(sale.at))} · ${formatMoney(picks.total)}`,
      lines: picks.picks,
      total: picks.total,
      choice,
    });
    setBusy(false);
    if (failure) setError(failure);
  }

  return (
    <div className="stack">
      <form className="inline" onSubmit={(e) => void find(e)}>
        <label className="field grow">
          <span>{r.code}</span>
          <input
            className="scan-input"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoFocus
            autoComplete="off"
            data-testid="return-code"
          />
        </label>
        <button type="submit" className="btn primary big" data-testid="return-find">
          {r.find}
        </button>
      </form>
      <ErrorBox error={error} testId="return-error" />
      {sale && (
        <section className="card stack" data-testid="return-sale">
          <h2>{r.ticket(sale.number, formatDateTime(sale.at))}</h2>
          {sale.userName && <p className="muted">{r.soldBy(sale.userName)}</p>}
          <PreviousReturns returns={returns} />
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{r.col.product}</th>
                <th scope="col" className="num">
                  {r.col.sold}
                </th>
                <th scope="col" className="num">
                  {r.col.returned}
                </th>
                <th scope="col">{r.col.qty}</th>
                <th scope="col" className="num">
                  {r.col.amount}
                </th>
              </tr>
            </thead>
            <tbody>
              {sale.lines.map((line, i) => {
                const left = returnable(line);
                const typed = qtys[line.id] ?? '';
                let amount = 0;
                try {
                  amount =
                    typed.trim() === '' ? 0 : refundFor(line, parseQuantity(typed, line.unit));
                } catch {
                  amount = 0;
                }
                return (
                  <tr key={line.id} data-testid="return-line">
                    <td>{line.description}</td>
                    <td className="num">{formatQuantity(line.qty, line.unit)}</td>
                    <td className="num">{formatQuantity(line.returnedQty, line.unit)}</td>
                    <td>
                      <input
                        className="qty-input"
                        value={typed}
                        onChange={(e) => setQtys((s) => ({ ...s, [line.id]: e.target.value }))}
                        disabled={left === 0}
                        placeholder={left === 0 ? '' : `≤ ${formatQuantity(left, line.unit)}`}
                        inputMode="decimal"
                        aria-invalid={badLine === line.id}
                        aria-label={`${r.col.qty}: ${line.description}`}
                        data-testid={`return-line-${i}-qty`}
                      />
                    </td>
                    <td className="num">{amount > 0 ? formatMoney(amount) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {sale.lines.every((l) => returnable(l) === 0) && (
            <p className="notice">{r.nothingLeft}</p>
          )}
          <RefundFields
            value={choice}
            onChange={setChoice}
            allowAccount={sale.customerId !== null}
          />
          <p className="return-total">
            {r.total}:{' '}
            <strong data-testid="return-total">{formatMoney(picks?.ok ? picks.total : 0)}</strong>
          </p>
          <ReturnSubmit busy={busy} onSubmit={() => void go()} />
        </section>
      )}
    </div>
  );
}
