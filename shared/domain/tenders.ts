import type { Tender } from '../contract/index.ts';

/** How each tender is named to people: on screen, on the ticket, in reports and exports. */
export const TENDER_LABEL: Readonly<Record<Tender, string>> = {
  efectivo: 'Efectivo',
  debito: 'Débito',
  credito: 'Crédito',
  transferencia: 'Transferencia / QR',
  cuenta_corriente: 'Cuenta corriente',
};
