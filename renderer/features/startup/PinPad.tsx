import { useRef, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/contract/index.ts';
import { useSession } from '../../stores/session.ts';
import { errorMessage } from '../../lib/api.ts';
import { ROLE_LABEL, t } from '../../lib/strings.ts';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinPad({ user, onBack }: { user: UserSummary; onBack(): void }) {
  const login = useSession((s) => s.login);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  function press(digit: string) {
    setPin((p) => (p.length < 8 ? p + digit : p));
    input.current?.focus();
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (pin === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      await login(user.id, pin);
    } catch (err) {
      setError(errorMessage(err));
      setPin('');
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <form className="card pin-card" onSubmit={(e) => void submit(e)} aria-labelledby="pin-title">
      <h1 id="pin-title">{t.login.pinTitle(user.name)}</h1>
      <p className="muted">{ROLE_LABEL[user.role]}</p>
      <label className="field">
        <span className="sr-only">{t.login.pin}</span>
        <input
          ref={input}
          className="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onBack();
          }}
          autoFocus
          aria-describedby="pin-hint"
          data-testid="pin-input"
        />
      </label>
      {error && (
        <p className="error-box" role="alert" data-testid="login-error">
          {error}
        </p>
      )}
      <div className="pin-grid">
        {KEYS.map((k) => (
          <button key={k} type="button" className="pin-key" onClick={() => press(k)} tabIndex={-1}>
            {k}
          </button>
        ))}
        <button
          type="button"
          className="pin-key secondary"
          onClick={() => setPin((p) => p.slice(0, -1))}
          tabIndex={-1}
        >
          {t.login.erase}
        </button>
        <button type="button" className="pin-key" onClick={() => press('0')} tabIndex={-1}>
          0
        </button>
        <button
          type="submit"
          className="pin-key primary"
          disabled={busy || pin === ''}
          data-testid="login-submit"
        >
          {t.login.submit}
        </button>
      </div>
      <p id="pin-hint" className="muted small">
        {t.login.keyboardHint}
      </p>
      <button type="button" className="btn link" onClick={onBack} data-testid="login-back">
        {t.login.other}
      </button>
    </form>
  );
}
