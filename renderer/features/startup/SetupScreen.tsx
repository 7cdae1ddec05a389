import { useState, type FormEvent } from 'react';
import { useSession } from '../../stores/session.ts';
import { errorMessage } from '../../lib/api.ts';
import { t } from '../../lib/strings.ts';

const PIN = /^\d{4,8}$/;

export function SetupScreen() {
  const setupOwner = useSession((s) => s.setupOwner);
  const [storeName, setStoreName] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!PIN.test(pin)) return setError(t.setup.pinInvalid);
    if (pin !== pin2) return setError(t.setup.pinMismatch);
    setBusy(true);
    setError(null);
    try {
      await setupOwner({ storeName, ownerName, pin });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main className="center-screen">
      <form className="card narrow" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
        <div className="brand-mark" aria-hidden="true">
          $
        </div>
        <h1 id="setup-title">{t.setup.title}</h1>
        <p className="muted">{t.setup.intro}</p>
        <label className="field">
          <span>{t.setup.store}</span>
          <input
            value={storeName}
            onChange={(e) => setStoreName(e.target.value)}
            required
            maxLength={120}
            autoFocus
            data-testid="setup-store"
          />
        </label>
        <label className="field">
          <span>{t.setup.owner}</span>
          <input
            value={ownerName}
            onChange={(e) => setOwnerName(e.target.value)}
            required
            maxLength={120}
            autoComplete="name"
            data-testid="setup-owner"
          />
        </label>
        <div className="row2">
          <label className="field">
            <span>{t.setup.pin}</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              maxLength={8}
              required
              data-testid="setup-pin"
            />
          </label>
          <label className="field">
            <span>{t.setup.pin2}</span>
            <input
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              value={pin2}
              onChange={(e) => setPin2(e.target.value.replace(/\D/g, ''))}
              maxLength={8}
              required
              data-testid="setup-pin2"
            />
          </label>
        </div>
        {error && (
          <p className="error-box" role="alert" data-testid="setup-error">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="btn primary big"
          disabled={busy}
          data-testid="setup-submit"
        >
          {busy ? t.saving : t.setup.submit}
        </button>
      </form>
    </main>
  );
}
