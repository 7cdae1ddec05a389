import type { Database } from 'better-sqlite3';
import type {
  IvaBreakdown,
  IvaRateBp,
  Sale,
  SaleLine,
  SalePayment,
  Tender,
  Unit,
} from '../../../shared/contract/index.ts';
import { prep } from '../db/statements.ts';

/** Rows of the sale tables as SQLite returns them, and their mapping to the contract's Sale. */

export type SaleRow = {
  id: string;
  number: number;
  idempotency_key: string;
  at: number;
  session_id: string;
  user_id: string | null;
  customer_id: string | null;
  location_id: string;
  subtotal: number;
  discount_total: number;
  rounding: number;
  total: number;
  change: number;
  iva: string;
  flags: string;
};

export type LineRow = {
  id: string;
  sale_id: string;
  line_no: number;
  product_id: string;
  code: string | null;
  description: string;
  unit: Unit;
  qty: number;
  list_price: number;
  unit_price: number;
  discount_bp: number;
  total: number;
  unit_cost: number;
  iva_rate_bp: IvaRateBp;
  below_cost: number;
  without_stock: number;
  approval_id: string | null;
  returned_qty: number;
};

/** A stored line with what its returns gave back so far (summed from return_lines). */
export type SavedLineRow = LineRow & { refunded: number };

export type PaymentRow = {
  id: string;
  sale_id: string;
  tender: Tender;
  amount: number;
  tendered: number | null;
  change: number;
  reference: string | null;
};

export const INSERT_SALE = `INSERT INTO sales (id, number, idempotency_key, at, session_id, user_id, customer_id,
  location_id, subtotal, discount_total, rounding, total, change, iva, flags)
  VALUES (@id, @number, @idempotency_key, @at, @session_id, @user_id, @customer_id, @location_id,
  @subtotal, @discount_total, @rounding, @total, @change, @iva, @flags)`;

export const INSERT_LINE = `INSERT INTO sale_lines (id, sale_id, line_no, product_id, code, description, unit, qty,
  list_price, unit_price, discount_bp, total, unit_cost, iva_rate_bp, below_cost, without_stock, approval_id, returned_qty)
  VALUES (@id, @sale_id, @line_no, @product_id, @code, @description, @unit, @qty, @list_price, @unit_price,
  @discount_bp, @total, @unit_cost, @iva_rate_bp, @below_cost, @without_stock, @approval_id, @returned_qty)`;

export const INSERT_PAYMENT = `INSERT INTO sale_payments (id, sale_id, tender, amount, tendered, change, reference)
  VALUES (@id, @sale_id, @tender, @amount, @tendered, @change, @reference)`;

/** A line without `refunded` is one just sold: nothing of it came back yet. */
export function toLine(r: LineRow & { refunded?: number }): SaleLine {
  return {
    id: r.id,
    lineNo: r.line_no,
    productId: r.product_id,
    code: r.code,
    description: r.description,
    unit: r.unit,
    qty: r.qty,
    listPrice: r.list_price,
    unitPrice: r.unit_price,
    discountBp: r.discount_bp,
    total: r.total,
    unitCost: r.unit_cost,
    ivaRateBp: r.iva_rate_bp,
    belowCost: r.below_cost === 1,
    withoutStock: r.without_stock === 1,
    returnedQty: r.returned_qty,
    refunded: r.refunded ?? 0,
  };
}

export function toPayment(r: PaymentRow): SalePayment {
  return {
    tender: r.tender,
    amount: r.amount,
    tendered: r.tendered,
    change: r.change,
    reference: r.reference,
  };
}

export type SaleNames = { userName: string | null; customerName: string | null };

export function toSale(
  row: SaleRow,
  lines: readonly (LineRow & { refunded?: number })[],
  payments: readonly PaymentRow[],
  names: SaleNames,
): Sale {
  return {
    id: row.id,
    number: row.number,
    at: row.at,
    sessionId: row.session_id,
    userId: row.user_id,
    userName: names.userName,
    customerId: row.customer_id,
    customerName: names.customerName,
    lines: [...lines].sort((a, b) => a.line_no - b.line_no).map(toLine),
    payments: payments.map(toPayment),
    subtotal: row.subtotal,
    discountTotal: row.discount_total,
    rounding: row.rounding,
    total: row.total,
    change: row.change,
    iva: JSON.parse(row.iva) as IvaBreakdown,
    flags: JSON.parse(row.flags) as string[],
  };
}

export function saleRow(db: Database, id: string): SaleRow | undefined {
  return prep<[string], SaleRow>(db, 'SELECT * FROM sales WHERE id = ?').get(id);
}

/** The ticket's lines, each with the sum of what its returns refunded (one query). */
export function saleLines(db: Database, saleId: string): SavedLineRow[] {
  return prep<[string], SavedLineRow>(
    db,
    `SELECT l.*,
       ifnull((SELECT sum(rl.amount) FROM return_lines rl WHERE rl.sale_line_id = l.id), 0) AS refunded
     FROM sale_lines l WHERE l.sale_id = ? ORDER BY l.line_no`,
  ).all(saleId);
}

/** Payments in the order they were taken (ids are time-ordered UUIDv7s). */
export function salePayments(db: Database, saleId: string): PaymentRow[] {
  return prep<[string], PaymentRow>(
    db,
    'SELECT * FROM sale_payments WHERE sale_id = ? ORDER BY id',
  ).all(saleId);
}

export function userName(db: Database, id: string | null): string | null {
  if (id === null) return null;
  return (
    prep<[string], { name: string }>(db, 'SELECT name FROM users WHERE id = ?').get(id)?.name ??
    null
  );
}

export function customerName(db: Database, id: string | null): string | null {
  if (id === null) return null;
  return (
    prep<[string], { name: string }>(db, 'SELECT name FROM customers WHERE id = ?').get(id)?.name ??
    null
  );
}

export function readSale(db: Database, id: string): Sale | null {
  const row = saleRow(db, id);
  if (!row) return null;
  return toSale(row, saleLines(db, id), salePayments(db, id), {
    userName: userName(db, row.user_id),
    customerName: customerName(db, row.customer_id),
  });
}

export function saleIdByNumber(db: Database, n: number): string | null {
  return (
    prep<[number], { id: string }>(db, 'SELECT id FROM sales WHERE number = ?').get(n)?.id ?? null
  );
}

export function saleIdByKey(db: Database, key: string): string | null {
  return (
    prep<[string], { id: string }>(db, 'SELECT id FROM sales WHERE idempotency_key = ?').get(key)
      ?.id ?? null
  );
}
