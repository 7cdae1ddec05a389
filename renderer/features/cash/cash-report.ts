import {
  DENOMINATIONS,
  type CashReport,
  type DenominationCount,
} from '../../../shared/contract/index.ts';
import { toCsv } from '../../../shared/domain/csv.ts';
import { formatIvaRate, formatMoneyPlain } from '../../../shared/domain/money.ts';
import { formatDateTime } from '../../lib/format.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';

/** Counting the drawer and writing a report out: pure, so the figures are tested. */

/** Bills from $20 up; $10 and less are coins (the $10 coin is what circulates). */
export function isBill(denomination: number): boolean {
  return denomination >= 2_000;
}

/** A typed count: empty is zero; anything but a whole number ≥ 0 is null (invalid). */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (s === '') return 0;
  if (!/^\d{1,6}$/.test(s)) return null;
  return Number(s);
}

/** The counts as typed, keyed by denomination in centavos. */
export type CountInputs = Readonly<Record<number, string>>;

export function denominationCounts(inputs: CountInputs): DenominationCount[] | null {
  const counts: DenominationCount[] = [];
  for (const denomination of DENOMINATIONS) {
    const qty = parseCount(inputs[denomination] ?? '');
    if (qty === null) return null;
    if (qty > 0) counts.push({ denomination, qty });
  }
  return counts;
}

export function countTotal(counts: readonly DenominationCount[]): number {
  return counts.reduce((sum, c) => sum + c.denomination * c.qty, 0);
}

/** The running total while counting; invalid rows count as zero (they are flagged on screen). */
export function runningTotal(inputs: CountInputs): number {
  let total = 0;
  for (const denomination of DENOMINATIONS) {
    total += denomination * (parseCount(inputs[denomination] ?? '') ?? 0);
  }
  return total;
}

const money = (c: number | null): string => (c === null ? '' : formatMoneyPlain(c));

/**
 * The report as CSV for Excel-AR: `;` between fields, decimal comma, no thousands grouping,
 * one section after another with a blank line between them.
 */
export function reportCsv(report: CashReport): string {
  const c = t.cash.csv;
  const s = report.session;
  const rows: string[][] = [
    [c.report, report.kind],
    [c.register, s.register],
    [c.opened, formatDateTime(s.openedAt)],
    [c.closed, s.closedAt === null ? '' : formatDateTime(s.closedAt)],
    [c.generated, formatDateTime(report.generatedAt)],
    [c.tickets, String(report.salesCount)],
    [c.firstTicket, report.firstTicket === null ? '' : String(report.firstTicket)],
    [c.lastTicket, report.lastTicket === null ? '' : String(report.lastTicket)],
    [c.items, String(report.itemsSold)],
    [c.grossSales, money(report.grossSales)],
    [c.refunds, money(report.refundsTotal)],
    [c.discounts, money(report.discountsTotal)],
    [c.rounding, money(report.roundingTotal)],
    [''],
    [c.tender, c.sales, c.refunds, c.expected, c.counted, c.variance, c.operations],
    ...report.byTender.map((b) => [
      TENDER_LABEL[b.tender],
      money(b.sales),
      money(b.refunds),
      money(b.expected),
      money(b.counted),
      money(b.variance),
      String(b.count),
    ]),
    [''],
    [c.cashTitle],
    [c.openingFloat, money(report.cash.openingFloat)],
    [c.cashSales, money(report.cash.sales)],
    [c.cashRefunds, money(report.cash.refunds)],
    [c.withdrawals, money(report.cash.withdrawals)],
    [c.deposits, money(report.cash.deposits)],
    [c.customerPayments, money(report.cash.customerPayments)],
    [c.expected, money(report.cash.expected)],
    [c.counted, money(report.cash.counted)],
    [c.variance, money(report.cash.variance)],
  ];
  if (report.cash.denominations.length > 0) {
    rows.push(
      [''],
      [c.denomination, c.quantity, c.amount],
      ...report.cash.denominations.map((d) => [
        money(d.denomination),
        String(d.qty),
        money(d.denomination * d.qty),
      ]),
    );
  }
  rows.push(
    [''],
    [c.ivaRate, c.net, c.iva, c.total],
    ...report.iva.map((i) => [formatIvaRate(i.rateBp), money(i.net), money(i.iva), money(i.total)]),
    [''],
    [c.noSale, String(report.noSaleOpenings)],
    [c.removedLines, String(report.removedLines)],
    [c.returns, String(report.returnsCount)],
  );
  return toCsv(rows, ';');
}

export function reportFileName(report: CashReport): string {
  const d = new Date(report.session.openedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `reporte-${report.kind.toLowerCase()}-${report.session.register}-${day}.csv`.replace(
    /[^\w.-]+/g,
    '_',
  );
}

/** Saves text as a UTF-8 CSV with BOM (Excel-AR then reads the accents right). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
