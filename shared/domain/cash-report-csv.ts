import type { CashReport } from '../contract/index.ts';
import { toCsv } from './csv.ts';
import { artDate, formatArtDateTime } from './months.ts';
import { formatIvaRate, formatMoneyPlain } from './money.ts';
import { TENDER_LABEL } from './tenders.ts';
import { foldText } from './text.ts';

/**
 * The X/Z report as a CSV Excel-AR opens as is: `;` between fields, decimal comma, no currency
 * sign, so the accountant can add the columns up. Sections are separated by a blank line. One
 * writer for the screen's "Exportar CSV" and the core's `cash.reportCsv`, with times on the
 * shop's clock (Buenos Aires) whatever zone the PC or the browser is set to.
 */

const money = (c: number | null): string => (c === null ? '' : formatMoneyPlain(c));
const int = (n: number | null): string => (n === null ? '' : String(n));

export function reportCsv(r: CashReport): string {
  const rows: string[][] = [
    ['Reporte', r.kind === 'Z' ? 'Z (cierre de caja)' : 'X (parcial)'],
    ['Caja', r.session.register],
    ['Apertura', formatArtDateTime(r.session.openedAt)],
    ['Cierre', r.session.closedAt === null ? '' : formatArtDateTime(r.session.closedAt)],
    ['Emitido', formatArtDateTime(r.generatedAt)],
    [],
    ['Ventas', 'Valor'],
    ['Tickets', int(r.salesCount)],
    ['Primer ticket', int(r.firstTicket)],
    ['Último ticket', int(r.lastTicket)],
    ['Artículos vendidos', int(r.itemsSold)],
    ['Ventas brutas', money(r.grossSales)],
    ['Descuentos', money(r.discountsTotal)],
    ['Redondeo', money(r.roundingTotal)],
    ['Devoluciones', money(r.refundsTotal)],
    ['Cantidad de devoluciones', int(r.returnsCount)],
    ['Líneas quitadas', int(r.removedLines)],
    ['Aperturas sin venta', int(r.noSaleOpenings)],
    [],
    ['Medio de pago', 'Ventas', 'Devoluciones', 'Esperado', 'Contado', 'Diferencia', 'Operaciones'],
    ...r.byTender.map((t) => [
      TENDER_LABEL[t.tender],
      money(t.sales),
      money(t.refunds),
      money(t.expected),
      money(t.counted),
      money(t.variance),
      int(t.count),
    ]),
    [],
    ['Efectivo', 'Importe'],
    ['Fondo inicial', money(r.cash.openingFloat)],
    ['Ventas en efectivo', money(r.cash.sales)],
    ['Devoluciones en efectivo', money(r.cash.refunds)],
    ['Retiros', money(r.cash.withdrawals)],
    ['Depósitos', money(r.cash.deposits)],
    ['Cobros de cuenta corriente', money(r.cash.customerPayments)],
    ['Esperado', money(r.cash.expected)],
    ['Contado', money(r.cash.counted)],
    ['Diferencia', money(r.cash.variance)],
  ];
  if (r.cash.denominations.length > 0) {
    rows.push([], ['Denominación', 'Cantidad', 'Subtotal']);
    for (const d of r.cash.denominations) {
      rows.push([money(d.denomination), String(d.qty), money(d.denomination * d.qty)]);
    }
  }
  if (r.iva.length > 0) {
    rows.push([], ['Alícuota IVA', 'Neto', 'IVA', 'Total']);
    for (const l of r.iva) {
      rows.push([formatIvaRate(l.rateBp), money(l.net), money(l.iva), money(l.total)]);
    }
  }
  return toCsv(rows, ';');
}

/** caja-1-z-2026-03-10.csv: the register and the Argentine day the report closed (or was made). */
export function reportFileName(r: CashReport): string {
  const day = artDate(r.session.closedAt ?? r.generatedAt);
  const register = foldText(r.session.register)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${register || 'caja'}-${r.kind.toLowerCase()}-${day}.csv`;
}
