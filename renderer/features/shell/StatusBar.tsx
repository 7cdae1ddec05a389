import { useSession } from '../../stores/session.ts';
import { ROLE_LABEL, SYNC_LABEL, t } from '../../lib/strings.ts';

export function StatusBar() {
  const user = useSession((s) => s.session?.user ?? null);
  const status = useSession((s) => s.status);
  const sync = useSession((s) => s.sync);
  const switchUser = useSession((s) => s.switchUser);
  const logout = useSession((s) => s.logout);

  return (
    <footer className="statusbar">
      <span className="status-user" data-testid="status-user">
        <strong>{user?.name}</strong>
        {user && <span className="badge">{ROLE_LABEL[user.role]}</span>}
      </span>
      <span data-testid="status-store">
        <span className="muted">{t.shell.store}: </span>
        {status?.storeName}
      </span>
      <span className={`sync sync-${sync.state}`} data-testid="status-sync">
        <span className="dot" aria-hidden="true" />
        {SYNC_LABEL[sync.state]}
        {sync.pending > 0 && ` · ${t.shell.pending(sync.pending)}`}
      </span>
      <span className="status-folder" title={status?.dataDir}>
        <span className="muted">{t.shell.dataFolder}: </span>
        <code>{status?.dataDir}</code>
      </span>
      <span className="status-actions">
        <button
          type="button"
          className="btn small"
          onClick={() => void switchUser()}
          data-testid="switch-user"
        >
          {t.shell.switchUser}
        </button>
        <button
          type="button"
          className="btn small"
          onClick={() => void logout()}
          data-testid="logout"
        >
          {t.shell.logout}
        </button>
      </span>
    </footer>
  );
}
