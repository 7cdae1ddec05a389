import { useEffect, useState } from 'react';
import type { StockMovement } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useAppEvent, useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { MovementTable } from './MovementTable.tsx';

const PAGE = 200;

export function MovementsPage() {
  const locations = useQuery('stock.locations', {});
  const [locationId, setLocationId] = useState('');
  const [items, setItems] = useState<StockMovement[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call('stock.movements', { limit: PAGE, ...(locationId ? { locationId } : {}) }).then(
      (page) => {
        if (!live) return;
        setItems(page);
        setMore(page.length === PAGE);
        setError(null);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [locationId, version]);

  useAppEvent('stock.changed', () => setVersion((v) => v + 1));

  async function loadMore() {
    const last = items[items.length - 1];
    if (!last) return;
    try {
      const page = await call('stock.movements', {
        limit: PAGE,
        beforeAt: last.at,
        ...(locationId ? { locationId } : {}),
      });
      // `beforeAt` is a timestamp: drop what we already have in case of equal times.
      const seen = new Set(items.map((m) => m.id));
      setItems([...items, ...page.filter((m) => !seen.has(m.id))]);
      setMore(page.length === PAGE);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="stack" aria-label={t.stock.tabs.movimientos}>
      <div className="toolbar">
        <label className="field">
          <span>{t.stock.col.location}</span>
          <select
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
            data-testid="movements-location"
          >
            <option value="">{t.movements.allLocations}</option>
            {locations.data?.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <div className="card">
        <MovementTable movements={items} showProduct />
        {more && (
          <button
            type="button"
            className="btn"
            onClick={() => void loadMore()}
            data-testid="movements-more"
          >
            {t.loadMore}
          </button>
        )}
      </div>
    </section>
  );
}
