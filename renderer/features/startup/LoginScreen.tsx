import { useEffect, useState } from 'react';
import type { UserSummary } from '../../../shared/contract/index.ts';
import { useSession } from '../../stores/session.ts';
import { ROLE_LABEL, t } from '../../lib/strings.ts';
import { formatTime } from '../../lib/format.ts';
import { PinPad } from './PinPad.tsx';

function lockLabel(user: UserSummary, now: number): string | null {
  return user.lockedUntil !== null && user.lockedUntil > now
    ? t.login.lockedUntil(formatTime(user.lockedUntil))
    : null;
}

export function LoginScreen() {
  const users = useSession((s) => s.users);
  const storeName = useSession((s) => s.status?.storeName ?? '');
  const loadUsers = useSession((s) => s.loadUsers);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const selected = users.find((u) => u.id === selectedId) ?? null;

  useEffect(() => {
    void loadUsers().catch(() => undefined);
  }, [loadUsers]);

  // Locks expire on their own; keep the labels honest.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);

  return (
    <main className="center-screen login">
      <div className="login-head">
        <div className="brand-mark" aria-hidden="true">
          $
        </div>
        <p className="store-name">{storeName}</p>
      </div>
      {selected ? (
        <PinPad user={selected} onBack={() => setSelectedId(null)} />
      ) : (
        <section className="card wide" aria-labelledby="login-title">
          <h1 id="login-title">{t.login.title}</h1>
          {users.length === 0 && <p className="muted">{t.login.noUsers}</p>}
          <div className="user-grid">
            {users.map((u) => {
              const locked = lockLabel(u, now);
              return (
                <button
                  key={u.id}
                  type="button"
                  className="user-button"
                  onClick={() => setSelectedId(u.id)}
                  data-testid={`login-user-${u.name}`}
                >
                  <span className="avatar" aria-hidden="true">
                    {u.name.trim().charAt(0).toUpperCase()}
                  </span>
                  <span className="user-name">{u.name}</span>
                  <span className="user-role">{ROLE_LABEL[u.role]}</span>
                  {locked && <span className="user-locked">{locked}</span>}
                </button>
              );
            })}
          </div>
        </section>
      )}
    </main>
  );
}
