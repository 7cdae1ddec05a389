import { lazy, Suspense } from 'react';
import { NAV, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
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
  const tab = invoicesTab(path);
  return (
    <section className="page" aria-labelledby="invoices-title" data-testid="page-facturas">
      <header className="page-head">
        <h1 id="invoices-title">{NAV.facturas}</h1>
        <nav className="tabs" aria-label={NAV.facturas}>
          {INVOICE_TABS.map((name) => (
            <a
              key={name}
              href={tabHash(name)}
              className={tab === name ? 'tab active' : 'tab'}
              aria-current={tab === name ? 'page' : undefined}
              data-testid={`inv-tab-${name}`}
            >
              {t.invoices.tabs[name]}
            </a>
          ))}
        </nav>
      </header>
      {canRead ? (
        <Suspense fallback={<p className="muted pad">{t.loading}</p>}>
          <Body path={path} />
        </Suspense>
      ) : (
        <p className="notice">{t.noPermission}</p>
      )}
    </section>
  );
}
