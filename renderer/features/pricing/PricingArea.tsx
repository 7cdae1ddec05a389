import { lazy, Suspense } from 'react';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { TabbedArea } from '../shell/TabbedArea.tsx';
import { PRICING_TABS, historyProduct, pricingHash, pricingTab } from './pricing-routes.ts';
import { PRICING_TAB_NAMES } from './pricing-tabs.ts';
import { SuggestionsPage } from './SuggestionsPage.tsx';
import { MassUpdatePage } from './MassUpdatePage.tsx';
import { LabelsPage } from './LabelsPage.tsx';
import { PoliciesPage } from './PoliciesPage.tsx';

// recharts is heavy: only the CPI series and a product's history draw charts.
const InflationPage = lazy(() =>
  import('./InflationPage.tsx').then((m) => ({ default: m.InflationPage })),
);
const PriceHistoryPage = lazy(() =>
  import('./PriceHistoryPage.tsx').then((m) => ({ default: m.PriceHistoryPage })),
);

function Body({ path }: { path: string[] }) {
  const product = historyProduct(path);
  if (product) return <PriceHistoryPage key={product} productId={product} />;
  switch (pricingTab(path)) {
    case 'sugerencias':
      return <SuggestionsPage />;
    case 'masiva':
      return <MassUpdatePage />;
    case 'etiquetas':
      return <LabelsPage />;
    case 'inflacion':
      return <InflationPage />;
    case 'politicas':
      return <PoliciesPage />;
  }
}

export function PricingArea({ path }: { path: string[] }) {
  const canRead = useCan('pricing.read');
  return (
    <TabbedArea
      id="precios"
      title={NAV.precios}
      tabs={PRICING_TABS}
      current={historyProduct(path) ? null : pricingTab(path)}
      names={PRICING_TAB_NAMES}
      hrefOf={pricingHash}
      tabPrefix="price"
      allowed={canRead}
    >
      <Suspense fallback={<p className="muted pad">{t.loading}</p>}>
        <Body path={path} />
      </Suspense>
    </TabbedArea>
  );
}
