import type { Database } from 'better-sqlite3';
import type { Tally } from './counter.ts';
import type { DemoUser } from './staff.ts';

/** What a demo load left in the store, counted from the store itself. */
export type DemoSummary = {
  products: number;
  categories: number;
  /** Suppliers on file (each created by its first applied invoice). */
  suppliers: number;
  days: number;
  movements: number;
  /** Tickets and their total, centavos. */
  sales: number;
  salesTotal: number;
  returns: number;
  /** Cash shifts; `openSessions` are still running now, as the counter left them. */
  sessions: number;
  openSessions: number;
  invoices: number;
  /** Invoice lines that moved a product's cost, and shelf price changes. */
  costChanges: number;
  priceChanges: number;
  customers: number;
  /** Centavos the customers owe on account. */
  owed: number;
  users: DemoUser[];
  tally: Tally;
};

function count(db: Database, sql: string): number {
  return (db.prepare(sql).get() as { n: number | null }).n ?? 0;
}

export function readSummary(
  db: Database,
  known: { days: number; categories: number; users: DemoUser[]; tally: Tally },
): DemoSummary {
  return {
    products: count(db, 'SELECT count(*) AS n FROM products'),
    categories: known.categories,
    suppliers: count(db, 'SELECT count(*) AS n FROM suppliers'),
    days: known.days,
    movements: count(db, 'SELECT count(*) AS n FROM stock_movements'),
    sales: count(db, 'SELECT count(*) AS n FROM sales'),
    salesTotal: count(db, 'SELECT ifnull(sum(total), 0) AS n FROM sales'),
    returns: count(db, 'SELECT count(*) AS n FROM returns'),
    sessions: count(db, 'SELECT count(*) AS n FROM cash_sessions'),
    openSessions: count(db, "SELECT count(*) AS n FROM cash_sessions WHERE status = 'abierta'"),
    invoices: count(db, "SELECT count(*) AS n FROM invoices WHERE status = 'aplicada'"),
    costChanges: count(
      db,
      'SELECT count(*) AS n FROM cost_history WHERE updated_product = 1 AND cost <> previous_cost',
    ),
    priceChanges: count(db, 'SELECT count(*) AS n FROM price_history'),
    customers: count(db, 'SELECT count(*) AS n FROM customers'),
    owed: count(db, 'SELECT ifnull(sum(balance), 0) AS n FROM customers WHERE balance > 0'),
    users: known.users,
    tally: known.tally,
  };
}
