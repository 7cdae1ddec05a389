import type { Database } from 'better-sqlite3';
import type { CashMovement, CashMovementKind } from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { prep } from '../db/statements.ts';
import type { Ctx } from '../context.ts';
import { AppError, invalid } from '../errors.ts';
import { useApproval } from '../sales/approvals.ts';
import { expectedCash } from './reports.ts';
import { openSessionOf, readPosDevice } from './sessions.ts';
import { cashMovementSnapshot, type CashMovementRow } from './snapshots.ts';

/**
 * Cash that moves without a sale: retiros (to the safe, to pay a supplier), depósitos (change
 * brought in) and drawer openings with no sale, which need a supervisor on the spot because an
 * open drawer with nobody buying is how cash walks out.
 */

type ListedRow = CashMovementRow & { user_name: string | null; authorized_by_name: string | null };

const LIST_SQL = `SELECT m.*, u.name AS user_name, au.name AS authorized_by_name
  FROM cash_movements m
  LEFT JOIN users u ON u.id = m.user_id
  LEFT JOIN approvals a ON a.id = m.approval_id
  LEFT JOIN users au ON au.id = a.authorized_by`;

function toMovement(r: ListedRow): CashMovement {
  return {
    id: r.id,
    at: r.at,
    kind: r.kind,
    amount: r.amount,
    reason: r.reason,
    userName: r.user_name,
    authorizedByName: r.authorized_by_name,
  };
}

function readMovement(db: Database, id: string): CashMovement {
  const row = prep<[string], ListedRow>(db, `${LIST_SQL} WHERE m.id = ?`).get(id);
  if (!row) throw new Error('el movimiento de caja desapareció al escribirlo');
  return toMovement(row);
}

/** A session's movements in the order they happened, as the report reads them. */
export function listMovements(db: Database, sessionId: string): CashMovement[] {
  return prep<[string], ListedRow>(db, `${LIST_SQL} WHERE m.session_id = ? ORDER BY m.at, m.id`)
    .all(sessionId)
    .map(toMovement);
}

/** The movements of the given session, or of this register's open one (none when closed). */
export function sessionMovements(ctx: Ctx, sessionId: string | undefined): CashMovement[] {
  if (sessionId !== undefined) {
    if (!prep(ctx.db, 'SELECT 1 FROM cash_sessions WHERE id = ?').get(sessionId)) {
      throw new AppError('NOT_FOUND', 'La sesión de caja no existe');
    }
    return listMovements(ctx.db, sessionId);
  }
  const open = openSessionOf(ctx);
  return open ? listMovements(ctx.db, open.id) : [];
}

function insertMovement(
  ctx: Ctx,
  m: {
    id: string;
    sessionId: string;
    kind: CashMovementKind;
    amount: number;
    reason: string;
    approvalId: string | null;
  },
): void {
  const row: CashMovementRow = {
    id: m.id,
    session_id: m.sessionId,
    at: ctx.now(),
    kind: m.kind,
    amount: m.amount,
    reason: m.reason,
    user_id: ctx.user?.id ?? null,
    approval_id: m.approvalId,
  };
  prep(
    ctx.db,
    `INSERT INTO cash_movements (id, session_id, at, kind, amount, reason, user_id, approval_id)
     VALUES (@id, @session_id, @at, @kind, @amount, @reason, @user_id, @approval_id)`,
  ).run(row);
  ctx.audit.append(ctx.actor, {
    action: `cash.${m.kind}`,
    entity: 'cash_movement',
    entityId: row.id,
    after: cashMovementSnapshot(row),
  });
}

/**
 * A retiro or a depósito in the open session. A retiro larger than the cash the drawer should
 * hold is refused: nobody can take out what is not there, and such a record would only hide a
 * sale that was never rung up or a count to be made first.
 */
export function recordMovement(
  ctx: Ctx,
  input: { kind: 'retiro' | 'deposito'; amount: number; reason: string },
): CashMovement {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('Indicá el motivo');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw invalid('El importe debe ser mayor que cero');
  }
  const id = ctx.tx(() => {
    const open = openSessionOf(ctx);
    if (!open) throw new AppError('NO_CASH_SESSION', 'Abrí la caja para registrar movimientos');
    if (input.kind === 'retiro') {
      const expected = expectedCash(ctx.db, open.id);
      if (input.amount > expected) {
        throw new AppError(
          'NOT_ENOUGH_CASH',
          `No se puede retirar ${formatMoney(input.amount)}: en la caja debería haber ${formatMoney(expected)} en efectivo`,
          { expected },
        );
      }
    }
    const movementId = ctx.newId();
    insertMovement(ctx, {
      id: movementId,
      sessionId: open.id,
      kind: input.kind,
      amount: input.amount,
      reason,
      approvalId: null,
    });
    return movementId;
  });
  return readMovement(ctx.db, id);
}

/**
 * Opens the drawer with no sale: spends a `drawer.open` approval, records it (amount 0) and
 * only then kicks the drawer, so an opening that happened is always on record. A printer that
 * fails to kick it is logged; the record stands, as the cashier may open it with the key.
 */
export async function openDrawerNoSale(
  ctx: Ctx,
  input: { approvalId: string; reason: string },
): Promise<CashMovement> {
  const reason = input.reason.trim();
  if (reason === '') throw invalid('Indicá el motivo');
  const id = ctx.tx(() => {
    const open = openSessionOf(ctx);
    if (!open) throw new AppError('NO_CASH_SESSION', 'Abrí la caja primero');
    const movementId = ctx.newId();
    useApproval(ctx, input.approvalId, ['drawer.open'], movementId);
    insertMovement(ctx, {
      id: movementId,
      sessionId: open.id,
      kind: 'apertura_cajon',
      amount: 0,
      reason,
      approvalId: input.approvalId,
    });
    return movementId;
  });
  try {
    const kicked = await ctx.devices.openDrawer(readPosDevice(ctx.db).printerName);
    if (!kicked) ctx.log.info('cash drawer not opened by the device', { movementId: id });
  } catch (err) {
    ctx.log.warn('cash drawer kick failed', { movementId: id, error: String(err) });
  }
  return readMovement(ctx.db, id);
}
