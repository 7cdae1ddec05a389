import { useState } from 'react';
import type { CashReport } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { ReportView } from './ReportView.tsx';

const c = t.cash;

/** Previous shifts and their Z reports (supervisors and the owner). */
export function SessionsList() {
  const sessions = useQuery('cash.sessions', { limit: 30 });
  const [shown, setShown] = useState<CashReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(sessionId: string) {
    setError(null);
    try {
      setShown(await call('cash.report', { sessionId }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="stack" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{c.sessions}</h2>
      {sessions.error && <p className="error-box">{sessions.error}</p>}
      {error && <p className="error-box">{error}</p>}
      {sessions.data?.length === 0 && <p className="muted">{c.noSessions}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <div className="card table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">{c.col.register}</th>
                <th scope="col">{c.col.opened}</th>
                <th scope="col">{c.col.closed}</th>
                <th scope="col">{c.col.status}</th>
                <th scope="col">
                  <span className="sr-only">{c.view}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id} data-testid="cash-session-row">
                  <td>{s.register}</td>
                  <td>{formatDateTime(s.openedAt)}</td>
                  <td>{s.closedAt === null ? t.none : formatDateTime(s.closedAt)}</td>
                  <td>
                    <span className={s.status === 'abierta' ? 'badge warn' : 'badge ok'}>
                      {s.status === 'abierta' ? c.sessionOpen : c.sessionClosed}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn small"
                      onClick={() => void open(s.id)}
                      data-testid="cash-session-open"
                    >
                      {c.view}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown && <ReportView report={shown} />}
    </section>
  );
}
