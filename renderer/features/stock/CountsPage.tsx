import { useState } from 'react';
import { call, errorMessage } from '../../lib/api.ts';
import { ErrorBox } from '../../lib/fields.tsx';
import { formatDateTime, formatInteger } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { navigate, routeHash } from '../../lib/route.ts';
import { COUNT_STATUS_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { LocationSelect } from './LocationSelect.tsx';

const col = t.stock.col;

export function CountsPage() {
  const canCount = useCan('stock.count');
  const counts = useQuery('stock.counts', {});
  const locations = useQuery('stock.locations', {});
  const active = locations.data?.filter((l) => l.active) ?? [];
  const [locationId, setLocationId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = locationId || active[0]?.id || '';
  const sorted = [...(counts.data ?? [])].sort((a, b) => b.startedAt - a.startedAt);

  async function start() {
    setError(null);
    try {
      const count = await call('stock.countStart', { locationId: chosen });
      navigate(routeHash('stock', 'conteos', count.id));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="stack" aria-label={t.stock.tabs.conteos}>
      {canCount && (
        <div className="card inline">
          <LocationSelect
            label={t.counts.location}
            value={chosen}
            onChange={setLocationId}
            locations={active}
            testId="count-location"
          />
          <button
            type="button"
            className="btn primary"
            onClick={() => void start()}
            disabled={chosen === ''}
            data-testid="count-start"
          >
            {t.counts.start}
          </button>
        </div>
      )}
      <ErrorBox error={error} testId="count-error" />
      {counts.error && <p className="error-box">{counts.error}</p>}
      <div className="card table-wrap">
        {sorted.length === 0 && !counts.loading && <p className="muted">{t.counts.none}</p>}
        {sorted.length > 0 && (
          <table className="table" data-testid="count-list">
            <thead>
              <tr>
                <th scope="col">{col.date}</th>
                <th scope="col">{col.location}</th>
                <th scope="col">{col.status}</th>
                <th scope="col" className="num">
                  {col.lines}
                </th>
                <th scope="col">{col.user}</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((c) => (
                <tr key={c.id} data-testid="count-row">
                  <td>
                    <a href={routeHash('stock', 'conteos', c.id)}>{formatDateTime(c.startedAt)}</a>
                  </td>
                  <td>{c.locationName}</td>
                  <td>
                    <span className={`badge status-${c.status}`}>
                      {COUNT_STATUS_LABEL[c.status]}
                    </span>
                  </td>
                  <td className="num">{formatInteger(c.lines.length)}</td>
                  <td>{c.startedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
