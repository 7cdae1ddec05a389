import { routeHash } from '../../lib/route.ts';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { TabbedArea } from '../shell/TabbedArea.tsx';
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
  return (
    <TabbedArea
      id="stock"
      title={NAV.stock}
      tabs={TABS}
      current={tabOf(path)}
      names={t.stock.tabs}
      hrefOf={(name) => routeHash('stock', name)}
      tabPrefix="stock"
      allowed={canRead}
    >
      <Body path={path} />
    </TabbedArea>
  );
}
