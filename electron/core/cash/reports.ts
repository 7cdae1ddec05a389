import type { Database } from 'better-sqlite3';
import {
  TENDERS,
  type CashReport,
  type DenominationCount,
  type IvaBreakdown,
  type IvaRateBp,
  type Tender,
  type TenderTotals,
} from '../../../shared/contract/index.ts';
import { prep } from '../db/statements.ts';
import { notFound } from '../errors.ts';
import { toCashSession, type CashSessionRow } from './snapshots.ts';

/**
 * X and Z reports. Everything comes from the per-tender running totals plus one aggregate
 * query per concern (sales, items, IVA, returns, movements, removed lines), never a loop over
 * sales in JS, so a 2,000-sale shift reports in a few milliseconds.
 */

type TotalsRow = {
  tender: Tender;
  sales: number;
  refunds: number;
  customer_payments: number;
  count: number;
};

const ZERO = { sales: 0, refunds: 0, customer_payments: 0, count: 0 };

export type CashFlows = {
  openingFloat: number;
  sales: number;
  refunds: number;
  withdrawals: number;
  deposits: number;
  customerPayments: number;
};

/** What should be in the drawer: the one formula both the report and the retiro check use. */
export const expectedFrom = (f: CashFlows): number =>
  f.openingFloat + f.sales - f.refunds - f.withdrawals + f.deposits + f.customerPayments;

function movementSums(db: Database, sessionId: string) {
  return (
    prep<[string], { withdrawals: number; deposits: number; openings: number }>(
      db,
      `SELECT ifnull(sum(CASE WHEN kind = 'retiro' THEN amount END), 0) AS withdrawals,
            ifnull(sum(CASE WHEN kind = 'deposito' THEN amount END), 0) AS deposits,
            count(CASE WHEN kind = 'apertura_cajon' THEN 1 END) AS openings
     FROM cash_movements WHERE session_id = ?`,
    ).get(sessionId) ?? { withdrawals: 0, deposits: 0, openings: 0 }
  );
}

function tenderTotals(db: Database, sessionId: string): Map<Tender, TotalsRow> {
  const rows = prep<[string], TotalsRow>(
    db,
    `SELECT tender, sales, refunds, customer_payments, count
     FROM cash_session_totals WHERE session_id = ?`,
  ).all(sessionId);
  return new Map(rows.map((r) => [r.tender, r]));
}

function cashFlows(
  row: CashSessionRow,
  totals: Map<Tender, TotalsRow>,
  moves: { withdrawals: number; deposits: number },
): CashFlows {
  const cash = totals.get('efectivo') ?? ZERO;
  return {
    openingFloat: row.opening_float,
    sales: cash.sales,
    refunds: cash.refunds,
    withdrawals: moves.withdrawals,
    deposits: moves.deposits,
    customerPayments: cash.customer_payments,
  };
}

/** Cash expected in the drawer of a session right now. */
export function expectedCash(db: Database, sessionId: string): number {
  const row = prep<[string], CashSessionRow>(db, 'SELECT * FROM cash_sessions WHERE id = ?').get(
    sessionId,
  );
  if (!row) throw notFound('La sesión de caja');
  return expectedFrom(cashFlows(row, tenderTotals(db, sessionId), movementSums(db, sessionId)));
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Expected per tender. Cash: the drawer. Cards and transfers: the terminal's batch, which also
 * holds account payments made by card. Cuenta corriente: what went onto customers' accounts;
 * nobody counts it.
 */
function byTender(
  totals: Map<Tender, TotalsRow>,
  cash: { expected: number; counted: number | null },
  declared: Partial<Record<Tender, number>>,
): TenderTotals[] {
  return TENDERS.map((tender) => {
    const t = totals.get(tender) ?? ZERO;
    let expected: number;
    let counted: number | null;
    if (tender === 'efectivo') {
      expected = cash.expected;
      counted = cash.counted;
    } else if (tender === 'cuenta_corriente') {
      expected = t.sales - t.refunds;
      counted = null;
    } else {
      expected = t.sales - t.refunds + t.customer_payments;
      counted = declared[tender] ?? null;
    }
    return {
      tender,
      sales: t.sales,
      refunds: t.refunds,
      expected,
      counted,
      variance: counted === null ? null : counted - expected,
      count: t.count,
    };
  });
}

/**
 * Builds the X (open session, so far) or Z (closed) report from the database. For a closed
 * session the count and declared totals come from its row.
 *
 * - itemsSold: units for products sold by the unit (qty ÷ 1000, at least 1 per line) plus one
 *   per weighed line, as the cashier sees a ticket: 0,350 kg of cheese is one item.
 * - iva: summed per rate from each sale's stored breakdown (gross of returns, which appear in
 *   refundsTotal).
 * - removedLines: `line.remove` approvals granted between the opening and the close. Approvals
 *   carry no register, so a store with two registers sees both registers' removals in each.
 */
export function buildCashReport(
  db: Database,
  sessionId: string,
  kind: 'X' | 'Z',
  generatedAt: number,
): CashReport {
  const row = prep<[string], CashSessionRow>(db, 'SELECT * FROM cash_sessions WHERE id = ?').get(
    sessionId,
  );
  if (!row) throw notFound('La sesión de caja');
  const totals = tenderTotals(db, sessionId);
  const moves = movementSums(db, sessionId);

  const sales = prep<
    [string],
    {
      n: number;
      first: number | null;
      last: number | null;
      gross: number;
      discounts: number;
      rounding: number;
    }
  >(
    db,
    `SELECT count(*) AS n, min(number) AS first, max(number) AS last,
            ifnull(sum(total), 0) AS gross, ifnull(sum(discount_total), 0) AS discounts,
            ifnull(sum(rounding), 0) AS rounding
     FROM sales WHERE session_id = ?`,
  ).get(sessionId) ?? { n: 0, first: null, last: null, gross: 0, discounts: 0, rounding: 0 };

  const items =
    prep<[string], { items: number }>(
      db,
      `SELECT ifnull(sum(CASE WHEN l.unit = 'u' THEN max(1, (l.qty + 500) / 1000) ELSE 1 END), 0)
              AS items
       FROM sales s JOIN sale_lines l ON l.sale_id = s.id WHERE s.session_id = ?`,
    ).get(sessionId)?.items ?? 0;

  const iva: IvaBreakdown = prep<
    [string],
    { rateBp: IvaRateBp; net: number; iva: number; total: number }
  >(
    db,
    `SELECT json_extract(j.value, '$.rateBp') AS rateBp,
            sum(json_extract(j.value, '$.net')) AS net,
            sum(json_extract(j.value, '$.iva')) AS iva,
            sum(json_extract(j.value, '$.total')) AS total
     FROM sales s, json_each(s.iva) j WHERE s.session_id = ?
     GROUP BY 1 ORDER BY 1 DESC`,
  ).all(sessionId);

  const returns = prep<[string], { n: number; total: number }>(
    db,
    'SELECT count(*) AS n, ifnull(sum(total), 0) AS total FROM returns WHERE session_id = ?',
  ).get(sessionId) ?? { n: 0, total: 0 };

  const removedLines =
    prep<[number, number], { n: number }>(
      db,
      "SELECT count(*) AS n FROM approvals WHERE action = 'line.remove' AND at >= ? AND at <= ?",
    ).get(row.opened_at, row.closed_at ?? generatedAt)?.n ?? 0;

  const flows = cashFlows(row, totals, moves);
  const expected = expectedFrom(flows);
  const counted = row.counted_cash;
  const denominations = parseJson<DenominationCount[]>(row.denominations, []);
  const declared = parseJson<Partial<Record<Tender, number>>>(row.declared, {});

  return {
    kind,
    session: toCashSession(row),
    generatedAt,
    salesCount: sales.n,
    itemsSold: items,
    firstTicket: sales.first,
    lastTicket: sales.last,
    grossSales: sales.gross,
    refundsTotal: returns.total,
    discountsTotal: sales.discounts,
    roundingTotal: sales.rounding,
    iva,
    byTender: byTender(totals, { expected, counted }, declared),
    cash: {
      ...flows,
      expected,
      counted,
      variance: counted === null ? null : counted - expected,
      denominations,
    },
    noSaleOpenings: moves.openings,
    removedLines,
    returnsCount: returns.n,
  };
}

/** The stored Z of a closed session, or a live X of an open one. */
export function sessionReport(db: Database, sessionId: string, now: number): CashReport {
  const row = prep<[string], { status: string; z_report: string | null }>(
    db,
    'SELECT status, z_report FROM cash_sessions WHERE id = ?',
  ).get(sessionId);
  if (!row) throw notFound('La sesión de caja');
  if (row.status === 'cerrada' && row.z_report !== null) {
    return JSON.parse(row.z_report) as CashReport;
  }
  return buildCashReport(db, sessionId, row.status === 'cerrada' ? 'Z' : 'X', now);
}

export type TenderRecount = {
  tender: Tender;
  sales: number;
  refunds: number;
  customerPayments: number;
  count: number;
};

/**
 * The running totals recomputed from the rows they summarise (payments, refunds, account
 * payments). Slow on purpose and never on the sale path: a check that the totals table, which
 * the reports trust, still says what the sales say.
 */
export function recountTenderTotals(db: Database, sessionId: string): TenderRecount[] {
  const out = new Map<Tender, TenderRecount>(
    TENDERS.map((t) => [t, { tender: t, sales: 0, refunds: 0, customerPayments: 0, count: 0 }]),
  );
  const get = (t: string): TenderRecount | undefined => out.get(t as Tender);
  for (const r of prep<[string], { tender: string; amount: number; n: number }>(
    db,
    `SELECT p.tender, sum(p.amount) AS amount, count(DISTINCT p.sale_id) AS n
     FROM sales s JOIN sale_payments p ON p.sale_id = s.id WHERE s.session_id = ? GROUP BY 1`,
  ).iterate(sessionId)) {
    const t = get(r.tender);
    if (t) Object.assign(t, { sales: r.amount, count: r.n });
  }
  for (const r of prep<[string], { tender: string; amount: number }>(
    db,
    `SELECT f.tender, sum(f.amount) AS amount
     FROM returns r JOIN return_refunds f ON f.return_id = r.id WHERE r.session_id = ? GROUP BY 1`,
  ).iterate(sessionId)) {
    const t = get(r.tender);
    if (t) t.refunds = r.amount;
  }
  for (const r of prep<[string], { tender: string; amount: number }>(
    db,
    `SELECT tender, -sum(amount) AS amount FROM customer_ledger
     WHERE session_id = ? AND kind = 'pago' AND tender IS NOT NULL GROUP BY 1`,
  ).iterate(sessionId)) {
    const t = get(r.tender);
    if (t) t.customerPayments = r.amount;
  }
  return [...out.values()];
}
