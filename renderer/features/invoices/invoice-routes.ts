import { routeHash } from '../../lib/route.ts';

/** Sub-routes of Facturas: `#/facturas/<tab>` and `#/facturas/revisar/<id>`. */

export const INVOICE_TABS = ['cargar', 'historial', 'proveedores'] as const;
export type InvoiceTab = (typeof INVOICE_TABS)[number];

/** The tab a path belongs to; a review sits under Cargar. */
export function invoicesTab(path: readonly string[]): InvoiceTab {
  const [first] = path;
  if (first === 'revisar') return 'cargar';
  return (INVOICE_TABS as readonly string[]).includes(first ?? '')
    ? (first as InvoiceTab)
    : 'cargar';
}

/** The invoice a path reviews, or null. */
export function reviewedInvoice(path: readonly string[]): string | null {
  const [first, second] = path;
  return first === 'revisar' && second ? second : null;
}

export function reviewHash(invoiceId: string): string {
  return routeHash('facturas', 'revisar', invoiceId);
}

export function tabHash(tab: InvoiceTab): string {
  return routeHash('facturas', tab);
}
