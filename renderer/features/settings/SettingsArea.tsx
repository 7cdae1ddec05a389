import { routeHash } from '../../lib/route.ts';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { CounterSettings } from './CounterSettings.tsx';
import { StoreSettings } from './StoreSettings.tsx';
import { UsersAdmin } from './UsersAdmin.tsx';

export function SettingsArea({ path }: { path: string[] }) {
  const canUsers = useCan('users.manage');
  const tab =
    path[0] === 'usuarios' && canUsers ? 'usuarios' : path[0] === 'caja' ? 'caja' : 'negocio';
  return (
    <section className="page" aria-labelledby="settings-title" data-testid="page-ajustes">
      <header className="page-head">
        <h1 id="settings-title">{NAV.ajustes}</h1>
        <nav className="tabs" aria-label={NAV.ajustes}>
          <a
            href={routeHash('ajustes', 'negocio')}
            className={tab === 'negocio' ? 'tab active' : 'tab'}
            aria-current={tab === 'negocio' ? 'page' : undefined}
            data-testid="settings-tab-negocio"
          >
            {t.settings.storeTab}
          </a>
          <a
            href={routeHash('ajustes', 'caja')}
            className={tab === 'caja' ? 'tab active' : 'tab'}
            aria-current={tab === 'caja' ? 'page' : undefined}
            data-testid="settings-tab-caja"
          >
            {t.counterSettings.tab}
          </a>
          {canUsers && (
            <a
              href={routeHash('ajustes', 'usuarios')}
              className={tab === 'usuarios' ? 'tab active' : 'tab'}
              aria-current={tab === 'usuarios' ? 'page' : undefined}
              data-testid="settings-tab-usuarios"
            >
              {t.settings.usersTab}
            </a>
          )}
        </nav>
      </header>
      {tab === 'usuarios' ? (
        <UsersAdmin />
      ) : tab === 'caja' ? (
        <CounterSettings />
      ) : (
        <StoreSettings />
      )}
    </section>
  );
}
