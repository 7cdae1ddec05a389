import { lazy, Suspense } from 'react';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { TabbedArea } from '../shell/TabbedArea.tsx';
import { IntakePage } from './IntakePage.tsx';
import { INVOICE_TABS, invoicesTab, reviewedInvoice, tabHash } from './invoice-routes.ts';
import { InvoiceHistory } from './InvoiceHistory.tsx';
import { ReviewPage } from './ReviewPage.tsx';

// recharts is heavy: only the suppliers page draws a chart.
const SuppliersPage = lazy(() =>
  import('./SuppliersPage.tsx').then((m) => ({ default: m.SuppliersPage })),
);

function Body({ path }: { path: string[] }) {
  const reviewed = reviewedInvoice(path);
  if (reviewed) return <ReviewPage key={reviewed} id={reviewed} />;
  switch (invoicesTab(path)) {
    case 'cargar':
      return <IntakePage />;
    case 'historial':
      return <InvoiceHistory />;
    case 'proveedores':
      return <SuppliersPage />;
  }
}

export function InvoicesArea({ path }: { path: string[] }) {
  const canRead = useCan('invoices.read');
  return (
    <TabbedArea
      id="facturas"
      title={NAV.facturas}
      tabs={INVOICE_TABS}
      current={invoicesTab(path)}
      names={t.invoices.tabs}
      hrefOf={tabHash}
      tabPrefix="inv"
      allowed={canRead}
    >
      <Suspense fallback={<p className="muted pad">{t.loading}</p>}>
        <Body path={path} />
      </Suspense>
    </TabbedArea>
  );
}
