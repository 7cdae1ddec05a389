import type { Database } from 'better-sqlite3';
import type { ParsedInputOf, Sale, SaleSummary, Tender } from '../../../shared/contract/index.ts';
import { prep } from '../db/statements.ts';
import { invalid, notFound } from '../errors.ts';
import { readSale, saleIdByNumber } from './rows.ts';

/** What the receipt's barcode encodes: T and the ticket number in 8 digits. */
export function ticketCode(number: number): string {
  return `T${String(number).padStart(8, '0')}`;
}

/**
 * Reads a ticket reference the way a cashier brings it: the receipt's barcode (`T00001234`),
 * the printed number (`0001-00001234`) or the number typed (`1234`).
 */
export function ticketNumberOf(code: string): number | null {
  const c = code.trim().toUpperCase();
  const m = /^T(\d{1,12})$/.exec(c) ?? /^\d{1,5}-(\d{1,12})$/.exec(c) ?? /^(\d{1,12})$/.exec(c);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export function getSale(
  db: Database,
  ref: { id?: string | undefined; number?: number | undefined },
): Sale {
  const what = ref.number === undefined ? 'El ticket' : `El ticket ${ref.number}`;
  const id = ref.id ?? (ref.number === undefined ? null : saleIdByNumber(db, ref.number));
  if (ref.id === undefined && ref.number === undefined) throw invalid('Indicá el ticket');
  const sale = id === null ? null : readSale(db, id);
  if (!sale) throw notFound(what);
  return sale;
}

export function findSaleByCode(db: Database, code: string): Sale | null {
  const n = ticketNumberOf(code);
  if (n === null) return null;
  const id = saleIdByNumber(db, n);
  return id === null ? null : readSale(db, id);
}

export type ListInput = ParsedInputOf<'sales.list'>;

type SummaryRow = {
  id: string;
  number: number;
  at: number;
  user_name: string | null;
  customer_name: string | null;
  total: number;
  tenders: string | null;
  items: number;
  returned: number;
};

/**
 * Sales newest first with the screen's filters. Built from a fixed set of optional clauses so
 * each filter combination is one cached statement.
 */
export function listSales(db: Database, input: ListInput): { items: SaleSummary[]; total: number } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (clause: string, key: string, value: string | number | undefined): void => {
    if (value === undefined) return;
    where.push(clause);
    params[key] = value;
  };
  add('s.at >= @from', 'from', input.from);
  add('s.at <= @to', 'to', input.to);
  add('s.number = @number', 'number', input.number);
  add('s.user_id = @userId', 'userId', input.userId);
  add('s.session_id = @sessionId', 'sessionId', input.sessionId);
  add(
    'EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id AND l.product_id = @productId)',
    'productId',
    input.productId,
  );
  add(
    'EXISTS (SELECT 1 FROM sale_payments p WHERE p.sale_id = s.id AND p.tender = @tender)',
    'tender',
    input.tender,
  );
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total =
    prep<Record<string, string | number>, { n: number }>(
      db,
      `SELECT count(*) AS n FROM sales s ${filter}`,
    ).get(params)?.n ?? 0;
  const rows = prep<Record<string, string | number>, SummaryRow>(
    db,
    `SELECT s.id, s.number, s.at, s.total, u.name AS user_name, c.name AS customer_name,
       (SELECT group_concat(DISTINCT p.tender) FROM sale_payments p WHERE p.sale_id = s.id) AS tenders,
       (SELECT count(*) FROM sale_lines l WHERE l.sale_id = s.id) AS items,
       EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id AND l.returned_qty > 0) AS returned
     FROM sales s
     LEFT JOIN users u ON u.id = s.user_id
     LEFT JOIN customers c ON c.id = s.customer_id
     ${filter}
     ORDER BY s.number DESC
     LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.limit, offset: input.offset });
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      at: r.at,
      userName: r.user_name,
      customerName: r.customer_name,
      total: r.total,
      tenders: (r.tenders ?? '').split(',').filter((t) => t !== '') as Tender[],
      items: r.items,
      returned: r.returned === 1,
    })),
  };
}
