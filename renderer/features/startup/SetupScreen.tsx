import { useState, type FormEvent } from 'react';
import { useSession } from '../../stores/session.ts';
import { errorMessage } from '../../lib/api.ts';
import { ErrorBox, PinField, TextField } from '../../lib/fields.tsx';
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
        <TextField
          label={t.setup.store}
          value={storeName}
          onChange={setStoreName}
          required
          maxLength={120}
          autoFocus
          testId="setup-store"
        />
        <TextField
          label={t.setup.owner}
          value={ownerName}
          onChange={setOwnerName}
          required
          maxLength={120}
          autoComplete="name"
          testId="setup-owner"
        />
        <div className="row2">
          <PinField label={t.setup.pin} value={pin} onChange={setPin} testId="setup-pin" />
          <PinField label={t.setup.pin2} value={pin2} onChange={setPin2} testId="setup-pin2" />
        </div>
        <ErrorBox error={error} testId="setup-error" />
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
