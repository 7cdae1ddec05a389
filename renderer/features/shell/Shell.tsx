import { lazy, Suspense, useEffect } from 'react';
import {
  AREAS,
  areaForShortcut,
  navigate,
  routeHash,
  useRoute,
  type Route,
} from '../../lib/route.ts';
import { NAV, t } from '../../lib/strings.ts';
import { CajaArea } from '../pos/CajaArea.tsx';
import { ComingSoon } from './ComingSoon.tsx';
import { PricingArea } from '../pricing/PricingArea.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TopBar } from './TopBar.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';

// Back-office screens load on first visit so the counter starts fast.
const StockArea = lazy(() =>
  import('../stock/StockArea.tsx').then((m) => ({ default: m.StockArea })),
);
const InvoicesArea = lazy(() =>
  import('../invoices/InvoicesArea.tsx').then((m) => ({ default: m.InvoicesArea })),
);
const ControlArea = lazy(() =>
  import('../forensic/ControlArea.tsx').then((m) => ({ default: m.ControlArea })),
);
const SettingsArea = lazy(() =>
  import('../settings/SettingsArea.tsx').then((m) => ({ default: m.SettingsArea })),
);

function Page({ route }: { route: Route }) {
  switch (route.area) {
    case 'caja':
      return <CajaArea path={route.path} />;
    case 'stock':
      return <StockArea path={route.path} />;
    case 'facturas':
      return <InvoicesArea path={route.path} />;
    case 'control':
      return <ControlArea />;
    case 'ajustes':
      return <SettingsArea path={route.path} />;
    case 'precios':
      return <PricingArea path={route.path} />;
    case 'analisis':
      return <ComingSoon area={route.area} />;
  }
}

export function Shell() {
  const route = useRoute();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const area = areaForShortcut(e);
      if (area) {
        e.preventDefault();
        navigate(routeHash(area));
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    document.title = `${NAV[route.area]} · ${t.appName}`;
  }, [route.area]);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t.shell.mainNav}>
        <div className="sidebar-brand">
          <span className="brand-mark small" aria-hidden="true">
            $
          </span>
          <span>{t.appName}</span>
        </div>
        <ul>
          {AREAS.map((area, i) => (
            <li key={area}>
              <a
                href={routeHash(area)}
                className={route.area === area ? 'nav-link active' : 'nav-link'}
                aria-current={route.area === area ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${i + 1}`}
                data-testid={`nav-${area}`}
              >
                <span>{NAV[area]}</span>
                <kbd>{`Alt+${i + 1}`}</kbd>
              </a>
            </li>
          ))}
        </ul>
        <p className="sidebar-hint">{t.shell.shortcutHint}</p>
      </nav>
      <TopBar area={route.area} />
      <main className="content" id="content">
        <ErrorBoundary key={route.area}>
          <Suspense fallback={<p className="muted pad">{t.loading}</p>}>
            <Page route={route} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
    </div>
  );
}
