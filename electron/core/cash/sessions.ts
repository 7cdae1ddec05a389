import type { Database, Statement } from 'better-sqlite3';
import {
  DENOMINATIONS,
  TENDERS,
  type CashReport,
  type CashSession,
  type DenominationCount,
  type Tender,
} from '../../../shared/contract/index.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { prep } from '../db/statements.ts';
import { readPosSettings } from '../sales/settings.ts';
import type { Ctx } from '../context.ts';
import { AppError, conflict, invalid } from '../errors.ts';
import { buildCashReport } from './reports.ts';
import { cashSessionSnapshot, toCashSession, type CashSessionRow } from './snapshots.ts';

/**
 * Turnos de caja: one open session per register (the partial unique index on cash_sessions
 * enforces it even against a second window racing this one). A sale, a cash refund and a cash
 * payment of an account all land in the open session's running totals.
 */

export type PosDevice = { register: string; printerName: string | null };

/** This PC's register name and printer, from the counter's settings (default «Caja 1»). */
export function readPosDevice(db: Database): PosDevice {
  const { register, printerName } = readPosSettings(db);
  return { register, printerName };
}

export function sessionRow(db: Database, id: string): CashSessionRow | undefined {
  return prep<[string], CashSessionRow>(db, 'SELECT * FROM cash_sessions WHERE id = ?').get(id);
}

function openRow(db: Database, register: string): CashSessionRow | undefined {
  return prep<[string], CashSessionRow>(
    db,
    "SELECT * FROM cash_sessions WHERE register = ? AND status = 'abierta'",
  ).get(register);
}

export function currentSession(db: Database, register: string): CashSession | null {
  const row = openRow(db, register);
  return row ? toCashSession(row) : null;
}

/** The open session of this register, or null; for callers that work with or without one. */
export function openSessionOf(ctx: Ctx): { id: string; register: string } | null {
  const row = openRow(ctx.db, readPosDevice(ctx.db).register);
  return row ? { id: row.id, register: row.register } : null;
}

/** A drawer must be open to sell: the sale path calls this inside its transaction. */
export function requireOpenSession(ctx: Ctx): { id: string; register: string } {
  const open = openSessionOf(ctx);
  if (!open) throw new AppError('NO_CASH_SESSION', 'Abrí la caja para empezar a vender');
  return open;
}

type TotalsDelta = { sales?: number; refunds?: number; customerPayments?: number; count?: number };

const totalsCache = new WeakMap<
  Database,
  {
    status: Statement<[string], { status: string }>;
    upsert: Statement<[string, string, number, number, number, number]>;
  }
>();

// Runs on every sale: both statements are prepared once per connection.
function totalsStatements(db: Database) {
  let s = totalsCache.get(db);
  if (!s) {
    s = {
      status: db.prepare('SELECT status FROM cash_sessions WHERE id = ?'),
      upsert: db.prepare(
        `INSERT INTO cash_session_totals (session_id, tender, sales, refunds, customer_payments, count)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (session_id, tender) DO UPDATE SET
           sales = sales + excluded.sales,
           refunds = refunds + excluded.refunds,
           customer_payments = customer_payments + excluded.customer_payments,
           count = count + excluded.count`,
      ),
    };
    totalsCache.set(db, s);
  }
  return s;
}

/**
 * Adds to the session's running totals for one tender, inside the caller's transaction, so
 * the X/Z reports read a handful of rows instead of every sale. A closed session is refused:
 * its Z report is final.
 */
export function addSessionTotals(
  ctx: Ctx,
  sessionId: string,
  tender: Tender,
  d: TotalsDelta,
): void {
  if (!ctx.db.inTransaction) throw new Error('addSessionTotals fuera de una transacción');
  if (!TENDERS.includes(tender)) throw invalid(`Medio de pago desconocido: ${String(tender)}`);
  const values = [d.sales ?? 0, d.refunds ?? 0, d.customerPayments ?? 0, d.count ?? 0] as const;
  if (!values.every((v) => Number.isSafeInteger(v))) {
    throw new Error('addSessionTotals: los importes deben ser centavos enteros');
  }
  const s = totalsStatements(ctx.db);
  const status = s.status.get(sessionId)?.status;
  if (status === undefined) throw new AppError('NOT_FOUND', 'La sesión de caja no existe');
  if (status !== 'abierta') {
    throw new AppError('CASH_SESSION_CLOSED', 'Esa caja ya está cerrada: abrí una nueva');
  }
  s.upsert.run(sessionId, tender, ...values);
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Error && (err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function alreadyOpen(db: Database, register: string): AppError {
  const row = prep<[string], { name: string | null }>(
    db,
    `SELECT u.name FROM cash_sessions s LEFT JOIN users u ON u.id = s.opened_by
     WHERE s.register = ? AND s.status = 'abierta'`,
  ).get(register);
  const who = row?.name ? ` por ${row.name}` : '';
  return conflict(`La caja «${register}» ya está abierta${who}: cerrala antes de abrir otra`);
}

/** Opens the drawer of this register with its opening float (fondo inicial). */
export function openSession(ctx: Ctx, openingFloat: number): CashSession {
  if (!Number.isSafeInteger(openingFloat) || openingFloat < 0) {
    throw invalid('El fondo inicial debe ser un importe en centavos, cero o más');
  }
  const { register } = readPosDevice(ctx.db);
  try {
    return ctx.tx(() => {
      if (openRow(ctx.db, register)) throw alreadyOpen(ctx.db, register);
      const row: CashSessionRow = {
        id: ctx.newId(),
        register,
        status: 'abierta',
        opened_at: ctx.now(),
        opened_by: ctx.user?.id ?? null,
        opening_float: openingFloat,
        closed_at: null,
        closed_by: null,
        counted_cash: null,
        denominations: null,
        declared: null,
        z_report: null,
      };
      prep(
        ctx.db,
        `INSERT INTO cash_sessions (id, register, status, opened_at, opened_by, opening_float,
           closed_at, closed_by, counted_cash, denominations, declared, z_report)
         VALUES (@id, @register, @status, @opened_at, @opened_by, @opening_float,
           @closed_at, @closed_by, @counted_cash, @denominations, @declared, @z_report)`,
      ).run(row);
      ctx.audit.append(ctx.actor, {
        action: 'cash.open',
        entity: 'cash_session',
        entityId: row.id,
        after: cashSessionSnapshot(row),
      });
      return toCashSession(row);
    });
  } catch (err) {
    // Another window opened it between our check and our insert.
    if (isUniqueViolation(err)) throw alreadyOpen(ctx.db, register);
    throw err;
  }
}

export type Declared = { debito?: number; credito?: number; transferencia?: number };

const KNOWN_DENOMINATIONS: ReadonlySet<number> = new Set(DENOMINATIONS);

/**
 * One entry per denomination, largest first, zero counts dropped. Only bills and coins in
 * circulation are accepted: an unknown value is a typo (a quantity keyed into the value).
 */
export function normalizeCount(denominations: readonly DenominationCount[]): DenominationCount[] {
  const byValue = new Map<number, number>();
  for (const d of denominations) {
    if (!KNOWN_DENOMINATIONS.has(d.denomination)) {
      throw invalid(`${formatMoney(d.denomination)} no es un billete ni una moneda en circulación`);
    }
    if (!Number.isSafeInteger(d.qty) || d.qty < 0) {
      throw invalid('La cantidad de billetes o monedas no puede ser negativa');
    }
    byValue.set(d.denomination, (byValue.get(d.denomination) ?? 0) + d.qty);
  }
  return [...byValue.entries()]
    .filter(([, qty]) => qty > 0)
    .sort((a, b) => b[0] - a[0])
    .map(([denomination, qty]) => ({ denomination, qty }));
}

export const countedCash = (count: readonly DenominationCount[]): number =>
  count.reduce((sum, d) => sum + d.denomination * d.qty, 0);

/**
 * Closes this register's session with the count by denomination and the totals the card
 * terminal and the transfers show. The row is marked closed first, then the Z is built from it
 * and stored beside it, all in one transaction: the Z is what the row says, to the centavo.
 */
export function closeSession(
  ctx: Ctx,
  denominations: readonly DenominationCount[],
  declared: Declared,
): CashReport {
  const count = normalizeCount(denominations);
  const counted = countedCash(count);
  const cleanDeclared: Declared = {};
  for (const key of ['debito', 'credito', 'transferencia'] as const) {
    const v = declared[key];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < 0)
      throw invalid('Los totales declarados no pueden ser negativos');
    cleanDeclared[key] = v;
  }
  const { register } = readPosDevice(ctx.db);
  return ctx.tx(() => {
    const before = openRow(ctx.db, register);
    if (!before) throw new AppError('NO_CASH_SESSION', 'No hay una caja abierta para cerrar');
    const now = ctx.now();
    prep(
      ctx.db,
      `UPDATE cash_sessions SET status = 'cerrada', closed_at = ?, closed_by = ?, counted_cash = ?,
         denominations = ?, declared = ?
       WHERE id = ? AND status = 'abierta'`,
    ).run(
      now,
      ctx.user?.id ?? null,
      counted,
      JSON.stringify(count),
      JSON.stringify(cleanDeclared),
      before.id,
    );
    const report = buildCashReport(ctx.db, before.id, 'Z', now);
    prep(ctx.db, 'UPDATE cash_sessions SET z_report = ? WHERE id = ?').run(
      JSON.stringify(report),
      before.id,
    );
    const after = sessionRow(ctx.db, before.id);
    if (!after) throw new Error('la sesión desapareció al cerrarla');
    ctx.audit.append(ctx.actor, {
      action: 'cash.close',
      entity: 'cash_session',
      entityId: before.id,
      before: cashSessionSnapshot(before),
      after: cashSessionSnapshot(after),
    });
    return report;
  });
}

/** Sessions of every register, newest first. */
export function listSessions(db: Database, limit: number): CashSession[] {
  return prep<[number], CashSessionRow>(
    db,
    'SELECT * FROM cash_sessions ORDER BY opened_at DESC, id DESC LIMIT ?',
  )
    .all(limit)
    .map(toCashSession);
}
