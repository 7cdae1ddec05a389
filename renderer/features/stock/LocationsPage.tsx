import { useState, type FormEvent } from 'react';
import { call, errorMessage } from '../../lib/api.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';

export function LocationsPage() {
  const canWrite = useCan('stock.write');
  const locations = useQuery('stock.locations', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('stock.createLocation', { name });
      setName('');
      locations.reload();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="stack narrow-page" aria-label={t.stock.tabs.depositos}>
      {locations.error && <p className="error-box">{locations.error}</p>}
      <ul className="card list" data-testid="location-list">
        {locations.data?.map((l) => (
          <li key={l.id} className="list-item" data-testid="location-item">
            <span className="strong">{l.name}</span>
            {!l.active && <span className="badge">{t.locations.inactive}</span>}
          </li>
        ))}
      </ul>
      {canWrite && (
        <form className="card inline" onSubmit={(e) => void create(e)}>
          <label className="field grow">
            <span>{t.locations.newName}</span>
            <input
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={120}
              required
              data-testid="location-name"
            />
          </label>
          <button
            type="submit"
            className="btn primary"
            disabled={busy}
            data-testid="location-create"
          >
            {t.locations.create}
          </button>
        </form>
      )}
      {error && (
        <p className="error-box" role="alert" data-testid="location-error">
          {error}
        </p>
      )}
    </section>
  );
}
