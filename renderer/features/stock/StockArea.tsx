import { routeHash } from '../../lib/route.ts';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { CountSheet } from './CountSheet.tsx';
import { CountsPage } from './CountsPage.tsx';
import { ImportWizard } from './ImportWizard.tsx';
import { LocationsPage } from './LocationsPage.tsx';
import { LowStockPage } from './LowStockPage.tsx';
import { MovementsPage } from './MovementsPage.tsx';
import { ProductList } from './ProductList.tsx';
import { ProductPage } from './ProductPage.tsx';

const TABS = ['productos', 'importar', 'movimientos', 'conteos', 'faltantes', 'depositos'] as const;
type Tab = (typeof TABS)[number];

function tabOf(path: string[]): Tab {
  const [first] = path;
  if (first === 'producto') return 'productos';
  return (TABS as readonly string[]).includes(first ?? '') ? (first as Tab) : 'productos';
}

function Body({ path }: { path: string[] }) {
  const [first, second] = path;
  if (first === 'producto' && second) return <ProductPage key={second} id={second} />;
  if (first === 'conteos' && second) return <CountSheet key={second} countId={second} />;
  switch (tabOf(path)) {
    case 'productos':
      return <ProductList />;
    case 'importar':
      return <ImportWizard />;
    case 'movimientos':
      return <MovementsPage />;
    case 'conteos':
      return <CountsPage />;
    case 'faltantes':
      return <LowStockPage />;
    case 'depositos':
      return <LocationsPage />;
  }
}

export function StockArea({ path }: { path: string[] }) {
  const canRead = useCan('stock.read');
  const tab = tabOf(path);
  return (
    <section className="page" aria-labelledby="stock-title" data-testid="page-stock">
      <header className="page-head">
        <h1 id="stock-title">{NAV.stock}</h1>
        <nav className="tabs" aria-label={NAV.stock}>
          {TABS.map((name) => (
            <a
              key={name}
              href={routeHash('stock', name)}
              className={tab === name ? 'tab active' : 'tab'}
              aria-current={tab === name ? 'page' : undefined}
              data-testid={`stock-tab-${name}`}
            >
              {t.stock.tabs[name]}
            </a>
          ))}
        </nav>
      </header>
      {canRead ? <Body path={path} /> : <p className="notice">{t.noPermission}</p>}
    </section>
  );
}
