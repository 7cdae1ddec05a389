import type {
  CashMovementKind,
  CashSession,
  CashSessionStatus,
  Customer,
  CustomerLedgerEntry,
} from '../../../shared/contract/index.ts';
import { snapshotRows, type EntitySnapshots } from '../audit/verify.ts';

/**
 * Rows of the drawer and customer tables, and what the audit log records of them. Each
 * snapshot is exactly the `after` its writer appends, so `audit.verify` notices a row edited
 * behind the app's back (a balance lowered with a SQLite browser, a Z report touched up).
 */

export type CashSessionRow = {
  id: string;
  register: string;
  status: CashSessionStatus;
  opened_at: number;
  opened_by: string | null;
  opening_float: number;
  closed_at: number | null;
  closed_by: string | null;
  counted_cash: number | null;
  denominations: string | null;
  declared: string | null;
  z_report: string | null;
};

export type CashMovementRow = {
  id: string;
  session_id: string;
  at: number;
  kind: CashMovementKind;
  amount: number;
  reason: string;
  user_id: string | null;
  approval_id: string | null;
};

export type CustomerRow = {
  id: string;
  name: string;
  document: string | null;
  phone: string | null;
  credit_limit: number;
  balance: number;
  active: number;
  created_at: number;
};

export type LedgerRow = {
  id: string;
  customer_id: string;
  at: number;
  kind: CustomerLedgerEntry['kind'];
  amount: number;
  balance_after: number;
  sale_id: string | null;
  return_id: string | null;
  session_id: string | null;
  tender: string | null;
  note: string | null;
  user_id: string | null;
  approval_id: string | null;
};

/** Stored JSON read back as a value; text that no longer parses is kept as is so verify flags it. */
function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toCashSession(r: CashSessionRow): CashSession {
  return {
    id: r.id,
    register: r.register,
    status: r.status,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    openingFloat: r.opening_float,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
  };
}

/** The whole row, the Z report included: the figures at close are sealed in the chain. */
export function cashSessionSnapshot(r: CashSessionRow): Record<string, unknown> {
  return {
    register: r.register,
    status: r.status,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    openingFloat: r.opening_float,
    closedAt: r.closed_at,
    closedBy: r.closed_by,
    countedCash: r.counted_cash,
    denominations: parsed(r.denominations),
    declared: parsed(r.declared),
    zReport: parsed(r.z_report),
  };
}

export function cashMovementSnapshot(r: CashMovementRow): Record<string, unknown> {
  return {
    sessionId: r.session_id,
    at: r.at,
    kind: r.kind,
    amount: r.amount,
    reason: r.reason,
    userId: r.user_id,
    approvalId: r.approval_id,
  };
}

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    name: r.name,
    document: r.document,
    phone: r.phone,
    creditLimit: r.credit_limit,
    balance: r.balance,
    active: r.active === 1,
  };
}

/**
 * The customer as shown, less the id. The balance is in it on purpose: it is the figure someone
 * would be tempted to lower.
 */
export function customerSnapshot(r: CustomerRow): Record<string, unknown> {
  const { id: _id, ...rest } = toCustomer(r);
  return rest;
}

export function ledgerSnapshot(r: LedgerRow): Record<string, unknown> {
  return {
    customerId: r.customer_id,
    at: r.at,
    kind: r.kind,
    amount: r.amount,
    balanceAfter: r.balance_after,
    saleId: r.sale_id,
    returnId: r.return_id,
    sessionId: r.session_id,
    tender: r.tender,
    note: r.note,
    userId: r.user_id,
    approvalId: r.approval_id,
  };
}

export const customerEntity: EntitySnapshots = {
  entity: 'customer',
  label: 'El cliente',
  snapshotAll: (db) => snapshotRows<CustomerRow>(db, 'customers', customerSnapshot),
};

export const cashSessionEntity: EntitySnapshots = {
  entity: 'cash_session',
  label: 'La sesión de caja',
  snapshotAll: (db) => snapshotRows<CashSessionRow>(db, 'cash_sessions', cashSessionSnapshot),
};

/** Append-only rows; register them with verify to also catch a withdrawal edited afterwards. */
export const cashMovementEntity: EntitySnapshots = {
  entity: 'cash_movement',
  label: 'El movimiento de caja',
  snapshotAll: (db) => snapshotRows<CashMovementRow>(db, 'cash_movements', cashMovementSnapshot),
};

export const customerLedgerEntity: EntitySnapshots = {
  entity: 'customer_ledger',
  label: 'El movimiento de cuenta corriente',
  snapshotAll: (db) => snapshotRows<LedgerRow>(db, 'customer_ledger', ledgerSnapshot),
};
