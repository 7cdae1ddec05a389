import { useState, type FormEvent } from 'react';
import type { Settings } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { useCan, useSession } from '../../stores/session.ts';

export function StoreSettings() {
  const settings = useQuery('settings.get', {});
  if (settings.error) return <p className="error-box">{settings.error}</p>;
  if (!settings.data) return <p className="muted">{t.loading}</p>;
  return (
    <StoreForm
      key={JSON.stringify(settings.data)}
      initial={settings.data}
      onSaved={settings.reload}
    />
  );
}

function StoreForm({ initial, onSaved }: { initial: Settings; onSaved(): void }) {
  const canWrite = useCan('settings.write');
  const refreshStatus = useSession((s) => s.refreshStatus);
  const [storeName, setStoreName] = useState(initial.storeName);
  const [storeCuit, setStoreCuit] = useState(initial.storeCuit ?? '');
  const [storeAddress, setStoreAddress] = useState(initial.storeAddress ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      await call('settings.update', {
        storeName,
        storeCuit: storeCuit.trim() || null,
        storeAddress: storeAddress.trim() || null,
      });
      await refreshStatus().catch(() => undefined);
      setMessage({ ok: true, text: t.saved });
      onSaved();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card form-grid narrow-page"
      onSubmit={(e) => void submit(e)}
      aria-label={t.settings.storeTab}
    >
      {!canWrite && <p className="notice span2">{t.settings.readOnly}</p>}
      <label className="field span2">
        <span>{t.settings.storeName}</span>
        <input
          value={storeName}
          onChange={(e) => setStoreName(e.target.value)}
          disabled={!canWrite}
          required
          maxLength={120}
          data-testid="settings-store-name"
        />
      </label>
      <label className="field">
        <span>{t.settings.storeCuit}</span>
        <input
          value={storeCuit}
          onChange={(e) => setStoreCuit(e.target.value)}
          disabled={!canWrite}
          inputMode="numeric"
          placeholder="30-71234567-1"
          data-testid="settings-store-cuit"
        />
      </label>
      <label className="field">
        <span>{t.settings.storeAddress}</span>
        <input
          value={storeAddress}
          onChange={(e) => setStoreAddress(e.target.value)}
          disabled={!canWrite}
          maxLength={200}
          data-testid="settings-store-address"
        />
      </label>
      {message && (
        <p
          className={message.ok ? 'ok-box span2' : 'error-box span2'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="settings-message"
        >
          {message.text}
        </p>
      )}
      {canWrite && (
        <div className="actions span2">
          <button type="submit" className="btn primary" disabled={busy} data-testid="settings-save">
            {busy ? t.saving : t.save}
          </button>
        </div>
      )}
    </form>
  );
}
