import type { Database } from 'better-sqlite3';
import type { ReturnRecord, Tender, Unit } from '../../../shared/contract/index.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import { prep } from '../db/statements.ts';

/** Rows of returns and their lines and refunds, the ReturnRecord the screen gets, and the audit shape. */

export type ReturnRow = {
  id: string;
  idempotency_key: string;
  sale_id: string | null;
  session_id: string;
  at: number;
  user_id: string | null;
  approval_id: string;
  location_id: string;
  reason: string;
  total: number;
};

export type ReturnLineRow = {
  id: string;
  return_id: string;
  sale_line_id: string | null;
  product_id: string;
  qty: number;
  amount: number;
};

export type RefundRow = { return_id: string; tender: Tender; amount: number };

export const INSERT_RETURN = `INSERT INTO returns (id, idempotency_key, sale_id, session_id, at, user_id,
  approval_id, location_id, reason, total)
  VALUES (@id, @idempotency_key, @sale_id, @session_id, @at, @user_id, @approval_id, @location_id, @reason, @total)`;
export const INSERT_RETURN_LINE = `INSERT INTO return_lines (id, return_id, sale_line_id, product_id, qty, amount)
  VALUES (@id, @return_id, @sale_line_id, @product_id, @qty, @amount)`;
export const INSERT_REFUND = `INSERT INTO return_refunds (return_id, tender, amount)
  VALUES (@return_id, @tender, @amount)`;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The `after` of `sale.return` and what verify rebuilds from the tables. */
export function returnSnapshot(
  r: ReturnRow,
  lines: readonly ReturnLineRow[],
  refunds: readonly RefundRow[],
): Record<string, unknown> {
  return {
    idempotencyKey: r.idempotency_key,
    saleId: r.sale_id,
    sessionId: r.session_id,
    at: r.at,
    userId: r.user_id,
    approvalId: r.approval_id,
    locationId: r.location_id,
    reason: r.reason,
    total: r.total,
    lines: [...lines]
      .sort((a, b) => byText(a.id, b.id))
      .map((l) => ({
        id: l.id,
        saleLineId: l.sale_line_id,
        productId: l.product_id,
        qty: l.qty,
        amount: l.amount,
      })),
    refunds: [...refunds]
      .sort((a, b) => byText(a.tender, b.tender))
      .map((f) => ({ tender: f.tender, amount: f.amount })),
  };
}

function groupByReturn<R extends { return_id: string }>(rows: Iterable<R>): Map<string, R[]> {
  const map = new Map<string, R[]>();
  for (const r of rows) {
    const list = map.get(r.return_id);
    if (list) list.push(r);
    else map.set(r.return_id, [r]);
  }
  return map;
}

/** For the composition root's list of audited entities, beside saleEntity. */
export const returnEntity: EntitySnapshots = {
  entity: 'return',
  label: 'La devolución',
  snapshotAll(db) {
    const lines = groupByReturn(
      db.prepare<[], ReturnLineRow>('SELECT * FROM return_lines').iterate(),
    );
    const refunds = groupByReturn(
      db.prepare<[], RefundRow>('SELECT * FROM return_refunds').iterate(),
    );
    const map = new Map<string, unknown>();
    for (const r of db.prepare<[], ReturnRow>('SELECT * FROM returns').iterate()) {
      map.set(r.id, returnSnapshot(r, lines.get(r.id) ?? [], refunds.get(r.id) ?? []));
    }
    return map;
  },
};

type HeaderRow = ReturnRow & {
  sale_number: number | null;
  user_name: string | null;
  authorized_by_name: string | null;
  location_name: string;
};

type LineView = {
  product_id: string;
  description: string;
  qty: number;
  unit: Unit;
  amount: number;
};

const HEADER_SQL = `SELECT r.*, s.number AS sale_number, u.name AS user_name,
    au.name AS authorized_by_name, l.name AS location_name
  FROM returns r
  LEFT JOIN sales s ON s.id = r.sale_id
  LEFT JOIN users u ON u.id = r.user_id
  LEFT JOIN approvals a ON a.id = r.approval_id
  LEFT JOIN users au ON au.id = a.authorized_by
  JOIN locations l ON l.id = r.location_id`;

function toRecord(db: Database, h: HeaderRow): ReturnRecord {
  const lines = prep<[string], LineView>(
    db,
    `SELECT rl.product_id, coalesce(sl.description, p.name) AS description, rl.qty,
       coalesce(sl.unit, p.unit) AS unit, rl.amount
     FROM return_lines rl
     JOIN products p ON p.id = rl.product_id
     LEFT JOIN sale_lines sl ON sl.id = rl.sale_line_id
     WHERE rl.return_id = ? ORDER BY rl.id`,
  ).all(h.id);
  const refunds = prep<[string], RefundRow>(
    db,
    'SELECT * FROM return_refunds WHERE return_id = ? ORDER BY tender',
  ).all(h.id);
  return {
    id: h.id,
    saleId: h.sale_id,
    saleNumber: h.sale_number,
    at: h.at,
    userName: h.user_name,
    authorizedByName: h.authorized_by_name,
    reason: h.reason,
    locationName: h.location_name,
    lines: lines.map((l) => ({
      productId: l.product_id,
      description: l.description,
      qty: l.qty,
      unit: l.unit,
      amount: l.amount,
    })),
    refunds: refunds.map((f) => ({ tender: f.tender, amount: f.amount })),
    total: h.total,
  };
}

export function readReturn(db: Database, id: string): ReturnRecord | null {
  const h = prep<[string], HeaderRow>(db, `${HEADER_SQL} WHERE r.id = ?`).get(id);
  return h ? toRecord(db, h) : null;
}

export function returnIdByKey(db: Database, key: string): string | null {
  return (
    prep<[string], { id: string }>(db, 'SELECT id FROM returns WHERE idempotency_key = ?').get(key)
      ?.id ?? null
  );
}

/** Newest first, of one sale or of the whole store. */
export function listReturns(
  db: Database,
  q: { saleId?: string | undefined; limit: number },
): ReturnRecord[] {
  const rows =
    q.saleId === undefined
      ? prep<[number], HeaderRow>(db, `${HEADER_SQL} ORDER BY r.at DESC, r.id DESC LIMIT ?`).all(
          q.limit,
        )
      : prep<[string, number], HeaderRow>(
          db,
          `${HEADER_SQL} WHERE r.sale_id = ? ORDER BY r.at DESC, r.id DESC LIMIT ?`,
        ).all(q.saleId, q.limit);
  return rows.map((h) => toRecord(db, h));
}

/** What earlier returns already refunded of one sale line, so the last one takes the remainder. */
export function refundedOfLine(db: Database, saleLineId: string): number {
  return (
    prep<[string], { n: number }>(
      db,
      'SELECT ifnull(sum(amount), 0) AS n FROM return_lines WHERE sale_line_id = ?',
    ).get(saleLineId)?.n ?? 0
  );
}

/** What earlier returns of a sale already put back on the customer's account. */
export function refundedOnAccount(db: Database, saleId: string): number {
  return (
    prep<[string], { n: number }>(
      db,
      `SELECT ifnull(sum(f.amount), 0) AS n FROM return_refunds f JOIN returns r ON r.id = f.return_id
       WHERE r.sale_id = ? AND f.tender = 'cuenta_corriente'`,
    ).get(saleId)?.n ?? 0
  );
}
