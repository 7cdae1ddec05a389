import { lazy, Suspense, useEffect } from 'react';
import { routeHash } from '../../lib/route.ts';
import { CAJA_TABS, NAV, t } from '../../lib/strings.ts';
import { connectCart, useCart } from '../../stores/cart.ts';
import { useCan } from '../../stores/session.ts';
import { ApprovalModal } from './ApprovalModal.tsx';
import { SaleScreen } from './SaleScreen.tsx';

// The sale screen loads with the app; the other counter screens on first visit.
const ShiftPage = lazy(() =>
  import('../cash/ShiftPage.tsx').then((m) => ({ default: m.ShiftPage })),
);
const ReturnsPage = lazy(() =>
  import('../returns/ReturnsPage.tsx').then((m) => ({ default: m.ReturnsPage })),
);
const CustomersArea = lazy(() =>
  import('../customers/CustomersArea.tsx').then((m) => ({ default: m.CustomersArea })),
);
const HistoryArea = lazy(() =>
  import('../history/HistoryArea.tsx').then((m) => ({ default: m.HistoryArea })),
);
const PriceChecker = lazy(() =>
  import('./PriceChecker.tsx').then((m) => ({ default: m.PriceChecker })),
);

const TABS = Object.keys(CAJA_TABS) as (keyof typeof CAJA_TABS)[];
type Tab = (typeof TABS)[number];

export function cajaTab(path: string[]): Tab {
  const [first] = path;
  return (TABS as readonly string[]).includes(first ?? '') ? (first as Tab) : 'vender';
}

function Body({ tab, path }: { tab: Tab; path: string[] }) {
  const canSell = useCan('sales.sell');
  switch (tab) {
    case 'vender':
      return canSell ? <SaleScreen /> : <p className="notice">{t.noPermission}</p>;
    case 'turno':
      return <ShiftPage />;
    case 'devoluciones':
      return <ReturnsPage saleId={path[1] ?? null} />;
    case 'clientes':
      return <CustomersArea customerId={path[1] ?? null} />;
    case 'historial':
      return <HistoryArea saleId={path[1] ?? null} />;
    case 'precio':
      return <PriceChecker />;
  }
}

export function CajaArea({ path }: { path: string[] }) {
  const tab = cajaTab(path);
  const loadSettings = useCart((s) => s.loadSettings);
  const refreshDrawer = useCart((s) => s.refreshDrawer);

  useEffect(() => {
    void loadSettings();
    void refreshDrawer();
    return connectCart();
  }, [loadSettings, refreshDrawer]);

  return (
    <section
      className={tab === 'vender' ? 'page caja-page selling' : 'page caja-page'}
      aria-label={NAV.caja}
      data-testid="page-caja"
    >
      <nav className="tabs caja-tabs" aria-label={NAV.caja}>
        {TABS.map((name) => (
          <a
            key={name}
            href={name === 'vender' ? routeHash('caja') : routeHash('caja', name)}
            className={tab === name ? 'tab active' : 'tab'}
            aria-current={tab === name ? 'page' : undefined}
            data-testid={`nav-caja-${name}`}
          >
            {CAJA_TABS[name]}
          </a>
        ))}
      </nav>
      <Suspense fallback={<p className="muted pad">{t.loading}</p>}>
        <Body tab={tab} path={path} />
      </Suspense>
      <ApprovalModal />
    </section>
  );
}
