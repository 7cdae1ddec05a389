import type { Database } from 'better-sqlite3';
import type { CustomerLedgerEntry, Tender } from '../../../shared/contract/index.ts';
import { prep } from '../db/statements.ts';
import type { Ctx } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { customerSnapshot, ledgerSnapshot, type CustomerRow, type LedgerRow } from './snapshots.ts';

/**
 * The cuenta corriente ledger. `customer_ledger` is the history; `customers.balance` is kept in
 * step in the same transaction and audited, so a balance lowered by hand shows up in
 * `audit.verify`. Positive balance = the customer owes the shop.
 */

export type CustomerBrief = {
  id: string;
  name: string;
  credit_limit: number;
  balance: number;
  active: number;
};

/** For the sale path: the fields a fiado check needs. */
export function getCustomerRow(db: Database, id: string): CustomerBrief | undefined {
  return prep<[string], CustomerBrief>(
    db,
    'SELECT id, name, credit_limit, balance, active FROM customers WHERE id = ?',
  ).get(id);
}

export function customerRow(db: Database, id: string): CustomerRow | undefined {
  return prep<[string], CustomerRow>(db, 'SELECT * FROM customers WHERE id = ?').get(id);
}

type LedgerPost = {
  customerId: string;
  kind: LedgerRow['kind'];
  /** Signed: + raises what the customer owes. */
  amount: number;
  saleId?: string | null;
  returnId?: string | null;
  sessionId?: string | null;
  tender?: Tender | null;
  note?: string | null;
  approvalId?: string | null;
  /** Audit action: customer.charge, customer.payment… */
  action: string;
  /** Pre-made id, when an approval must name what spent it before the row exists. */
  id?: string;
};

/**
 * Writes one ledger row, moves the balance and appends two audit entries: the ledger row
 * (entity customer_ledger) and the customer as it now stands (entity customer, the one verify
 * compares). Inside the caller's transaction.
 */
export function postLedger(ctx: Ctx, p: LedgerPost): LedgerRow {
  if (!ctx.db.inTransaction) throw new Error('postLedger fuera de una transacción');
  if (!Number.isSafeInteger(p.amount) || p.amount === 0) {
    throw new AppError(
      'INVALID_INPUT',
      'El importe del movimiento de cuenta debe ser distinto de cero',
    );
  }
  const before = customerRow(ctx.db, p.customerId);
  if (!before) throw notFound('El cliente');
  const balance = before.balance + p.amount;
  if (!Number.isSafeInteger(balance)) throw new AppError('INVALID_INPUT', 'El saldo es absurdo');
  const row: LedgerRow = {
    id: p.id ?? ctx.newId(),
    customer_id: p.customerId,
    at: ctx.now(),
    kind: p.kind,
    amount: p.amount,
    balance_after: balance,
    sale_id: p.saleId ?? null,
    return_id: p.returnId ?? null,
    session_id: p.sessionId ?? null,
    tender: p.tender ?? null,
    note: p.note ?? null,
    user_id: ctx.user?.id ?? null,
    approval_id: p.approvalId ?? null,
  };
  prep(
    ctx.db,
    `INSERT INTO customer_ledger (id, customer_id, at, kind, amount, balance_after, sale_id,
       return_id, session_id, tender, note, user_id, approval_id)
     VALUES (@id, @customer_id, @at, @kind, @amount, @balance_after, @sale_id,
       @return_id, @session_id, @tender, @note, @user_id, @approval_id)`,
  ).run(row);
  prep(ctx.db, 'UPDATE customers SET balance = ? WHERE id = ?').run(balance, p.customerId);
  ctx.audit.append(ctx.actor, {
    action: p.action,
    entity: 'customer_ledger',
    entityId: row.id,
    after: ledgerSnapshot(row),
  });
  ctx.audit.append(ctx.actor, {
    action: p.action,
    entity: 'customer',
    entityId: p.customerId,
    before: customerSnapshot(before),
    after: customerSnapshot({ ...before, balance }),
  });
  return row;
}

/**
 * A fiado sale: the sale's amount on cuenta corriente goes onto the account. The caller (the
 * sale) has inserted the sale row already and checked the credit limit and its approval.
 */
export function chargeCustomer(
  ctx: Ctx,
  c: { customerId: string; amount: number; saleId: string; sessionId: string },
): void {
  const customer = getCustomerRow(ctx.db, c.customerId);
  if (!customer) throw notFound('El cliente');
  if (customer.active !== 1) {
    throw new AppError(
      'CUSTOMER_INACTIVE',
      `«${customer.name}» está dado de baja: no se le puede fiar`,
    );
  }
  if (c.amount <= 0)
    throw new AppError('INVALID_INPUT', 'El importe fiado debe ser mayor que cero');
  postLedger(ctx, {
    customerId: c.customerId,
    kind: 'cargo',
    amount: c.amount,
    saleId: c.saleId,
    sessionId: c.sessionId,
    tender: 'cuenta_corriente',
    action: 'customer.charge',
  });
}

/** A return of a fiado sale credited back to the account (an ajuste tied to the return). */
export function creditCustomer(
  ctx: Ctx,
  c: {
    customerId: string;
    amount: number;
    returnId: string;
    sessionId: string;
    note: string | null;
  },
): void {
  if (c.amount <= 0)
    throw new AppError('INVALID_INPUT', 'El importe a acreditar debe ser mayor que cero');
  postLedger(ctx, {
    customerId: c.customerId,
    kind: 'ajuste',
    amount: -c.amount,
    returnId: c.returnId,
    sessionId: c.sessionId,
    tender: 'cuenta_corriente',
    note: c.note,
    action: 'customer.credit',
  });
}

type ListedLedgerRow = LedgerRow & { sale_number: number | null; user_name: string | null };

// A credit for a return shows the number of the ticket it came from.
const LEDGER_SQL = `SELECT l.*, coalesce(s.number, rs.number) AS sale_number, u.name AS user_name
  FROM customer_ledger l
  LEFT JOIN sales s ON s.id = l.sale_id
  LEFT JOIN returns r ON r.id = l.return_id
  LEFT JOIN sales rs ON rs.id = r.sale_id
  LEFT JOIN users u ON u.id = l.user_id`;

function toEntry(r: ListedLedgerRow): CustomerLedgerEntry {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    amount: r.amount,
    balanceAfter: r.balance_after,
    saleNumber: r.sale_number,
    note: r.note,
    userName: r.user_name,
  };
}

export function ledgerEntry(db: Database, id: string): CustomerLedgerEntry {
  const row = prep<[string], ListedLedgerRow>(db, `${LEDGER_SQL} WHERE l.id = ?`).get(id);
  if (!row) throw new Error('el movimiento de cuenta desapareció al escribirlo');
  return toEntry(row);
}

/** Newest first, each with the balance right after it. */
export function customerLedger(
  db: Database,
  customerId: string,
  limit: number,
): CustomerLedgerEntry[] {
  if (!customerRow(db, customerId)) throw notFound('El cliente');
  return prep<[string, number], ListedLedgerRow>(
    db,
    `${LEDGER_SQL} WHERE l.customer_id = ? ORDER BY l.at DESC, l.id DESC LIMIT ?`,
  )
    .all(customerId, limit)
    .map(toEntry);
}
