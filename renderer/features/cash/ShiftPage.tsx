import { useEffect, useState, type FormEvent } from 'react';
import type { CashReport } from '../../../shared/contract/index.ts';
import { parseMoney } from '../../../shared/domain/money.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime, formatMoney, formatTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { MOVEMENT_KIND_LABEL, t } from '../../lib/strings.ts';
import { useCart } from '../../stores/cart.ts';
import { useCan } from '../../stores/session.ts';
import { CloseForm } from './CloseForm.tsx';
import { DrawerOpen } from './DrawerOpen.tsx';
import { MovementForm } from './MovementForm.tsx';
import { ReportView } from './ReportView.tsx';
import { SessionsList } from './SessionsList.tsx';

const c = t.cash;

function OpenForm() {
  const setDrawer = useCart((s) => s.setDrawer);
  const [float, setFloat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    let openingFloat: number;
    try {
      openingFloat = float.trim() === '' ? 0 : parseMoney(float);
    } catch (err) {
      return setError(errorMessage(err));
    }
    setBusy(true);
    try {
      setDrawer(await call('cash.open', { openingFloat }));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="card narrow" onSubmit={(e) => void submit(e)} data-testid="cash-open-form">
      <h2>{c.closedTitle}</h2>
      <p className="muted">{c.openIntro}</p>
      <label className="field price-field">
        <span>{c.float}</span>
        <input
          value={float}
          onChange={(e) => setFloat(e.target.value)}
          inputMode="decimal"
          autoFocus
          data-testid="cash-open-float"
        />
      </label>
      {error && (
        <p className="error-box" role="alert" data-testid="cash-open-error">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="btn primary big"
        disabled={busy}
        data-testid="cash-open-submit"
      >
        {c.open}
      </button>
    </form>
  );
}

function Movements({ sessionId, version }: { sessionId: string; version: number }) {
  const list = useQuery('cash.movements', { sessionId }, {});
  const { reload } = list;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);
  if (list.error) return <p className="error-box">{list.error}</p>;
  if (!list.data) return null;
  if (list.data.length === 0) return <p className="muted">{c.noMovements}</p>;
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid="cash-movements">
        <thead>
          <tr>
            <th scope="col">{c.col.date}</th>
            <th scope="col">{c.col.kind}</th>
            <th scope="col" className="num">
              {c.col.amount}
            </th>
            <th scope="col">{c.col.reason}</th>
            <th scope="col">{c.col.user}</th>
            <th scope="col">{c.col.authorized}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.map((m) => (
            <tr key={m.id} data-testid="cash-movement-row">
              <td>{formatTime(m.at)}</td>
              <td>{MOVEMENT_KIND_LABEL[m.kind]}</td>
              <td className="num">
                {m.kind === 'apertura_cajon' ? t.none : formatMoney(m.amount)}
              </td>
              <td>{m.reason}</td>
              <td>{m.userName ?? t.none}</td>
              <td>{m.authorizedByName ?? t.none}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Caja › Turno: open with a float, move cash, X report, count and close with the Z. */
export function ShiftPage() {
  const drawer = useCart((s) => s.drawer);
  const refreshDrawer = useCart((s) => s.refreshDrawer);
  const setDrawer = useCart((s) => s.setDrawer);
  const canReports = useCan('cash.reports');
  const [report, setReport] = useState<CashReport | null>(null);
  const [closing, setClosing] = useState(false);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void refreshDrawer();
  }, [refreshDrawer]);

  async function xReport() {
    setError(null);
    try {
      setReport(await call('cash.xReport', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  function closed(z: CashReport) {
    setClosing(false);
    setReport(z);
    setDrawer(null);
    setVersion((v) => v + 1);
  }

  const changed = () => setVersion((v) => v + 1);

  return (
    <div className="stack" data-testid="cash-page">
      {drawer === undefined && <p className="muted">{t.loading}</p>}
      {drawer === null && report?.kind === 'Z' && <ReportView report={report} />}
      {drawer === null && <OpenForm />}
      {drawer && (
        <section className="card stack" data-testid="cash-status" aria-labelledby="shift-title">
          <div className="page-subhead">
            <h2 id="shift-title">{c.status(drawer.register)}</h2>
            <span className="badge warn">{c.sessionOpen}</span>
          </div>
          <ul className="stats">
            <li>
              {c.openedAt}: <strong>{formatDateTime(drawer.openedAt)}</strong>
            </li>
            <li>
              {c.floatShort}:{' '}
              <strong data-testid="cash-float">{formatMoney(drawer.openingFloat)}</strong>
            </li>
          </ul>
          <div className="actions">
            <button
              type="button"
              className="btn"
              onClick={() => void xReport()}
              data-testid="cash-x"
            >
              {c.x}
            </button>
            <button
              type="button"
              className="btn danger"
              onClick={() => {
                setReport(null);
                setClosing(true);
              }}
              data-testid="cash-close-start"
            >
              {c.closeStart}
            </button>
          </div>
          {error && <p className="error-box">{error}</p>}
          <h3>{c.movementsTitle}</h3>
          <MovementForm onDone={changed} />
          <DrawerOpen onDone={changed} />
          <Movements sessionId={drawer.id} version={version} />
        </section>
      )}
      {closing && drawer && <CloseForm onClosed={closed} onCancel={() => setClosing(false)} />}
      {drawer && report && <ReportView report={report} />}
      {canReports && <SessionsList key={version} />}
    </div>
  );
}
