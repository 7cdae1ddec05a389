import type { Approval, ApprovalAction, Role } from '../../../shared/contract/index.ts';
import { checkPin } from '../auth/pin.ts';
import { getUser, LOCK_MS, MAX_PIN_ATTEMPTS, userSnapshot } from '../auth/users.ts';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import { prep } from '../db/statements.ts';

/** An approval is good for one use, within a few minutes of the PIN being typed. */
export const APPROVAL_TTL_MS = 5 * 60_000;

/** Who may authorise what: fiado over the limit and balance corrections are the owner's. */
const REQUIRED_ROLE: Record<ApprovalAction, readonly Role[]> = {
  'line.remove': ['encargado', 'dueno'],
  'sale.clear': ['encargado', 'dueno'],
  'price.override': ['encargado', 'dueno'],
  discount: ['encargado', 'dueno'],
  return: ['encargado', 'dueno'],
  'return.no_ticket': ['encargado', 'dueno'],
  'drawer.open': ['encargado', 'dueno'],
  'fiado.over_limit': ['dueno'],
  'customer.adjust': ['dueno'],
  'sale.below_cost': ['encargado', 'dueno'],
};

const ACTION_LABEL: Record<ApprovalAction, string> = {
  'line.remove': 'quitar un producto del ticket',
  'sale.clear': 'anular el ticket en curso',
  'price.override': 'cambiar un precio',
  discount: 'un descuento mayor al permitido',
  return: 'una devolución',
  'return.no_ticket': 'una devolución sin ticket',
  'drawer.open': 'abrir el cajón sin venta',
  'fiado.over_limit': 'fiar por encima del límite',
  'customer.adjust': 'ajustar una cuenta corriente',
  'sale.below_cost': 'vender por debajo del costo',
};

type ApprovalRow = {
  id: string;
  at: number;
  action: ApprovalAction;
  requested_by: string | null;
  authorized_by: string;
  reason: string | null;
  details: string | null;
  expires_at: number;
  used_at: number | null;
  used_by: string | null;
};

export type GrantInput = {
  supervisorId: string;
  pin: string;
  action: ApprovalAction;
  reason?: string | undefined;
  details?: Record<string, unknown> | undefined;
};

/**
 * Checks the supervisor's PIN on the spot and records the approval: who asked (the session's
 * user), who authorised, what and why. A wrong PIN counts towards that supervisor's lock-out,
 * like a login. Every outcome is in the audit log.
 */
export function grantApproval(ctx: Ctx, input: GrantInput): Approval {
  const now = ctx.now();
  const outcome = ctx.tx(() => {
    const sup = getUser(ctx.db, input.supervisorId);
    if (!sup || sup.active !== 1) return { kind: 'unknown' as const };
    if (!REQUIRED_ROLE[input.action].includes(sup.role))
      return { kind: 'role' as const, name: sup.name };
    if (sup.locked_until !== null && sup.locked_until > now) return { kind: 'locked' as const };
    if (!checkPin(input.pin, sup.pin_hash)) {
      const failed = sup.failed_attempts + 1;
      const locks = failed >= MAX_PIN_ATTEMPTS;
      const after = {
        ...sup,
        failed_attempts: locks ? 0 : failed,
        locked_until: locks ? now + LOCK_MS : sup.locked_until,
      };
      ctx.db
        .prepare('UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?')
        .run(after.failed_attempts, after.locked_until, sup.id);
      ctx.audit.append(ctx.actor, {
        // The user row's snapshot must stay exactly the row: the refused action goes in the name.
        action: locks ? 'auth.lock' : `approval.denied.${input.action}`,
        entity: 'user',
        entityId: sup.id,
        before: userSnapshot(sup),
        after: userSnapshot(after),
      });
      return { kind: 'wrong' as const, left: MAX_PIN_ATTEMPTS - failed, locks };
    }
    if (sup.failed_attempts > 0) {
      const after = { ...sup, failed_attempts: 0, locked_until: null };
      ctx.db
        .prepare('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?')
        .run(sup.id);
      ctx.audit.append(ctx.actor, {
        action: 'auth.unlock',
        entity: 'user',
        entityId: sup.id,
        before: userSnapshot(sup),
        after: userSnapshot(after),
      });
    }
    const row: ApprovalRow = {
      id: ctx.newId(),
      at: now,
      action: input.action,
      requested_by: ctx.user?.id ?? null,
      authorized_by: sup.id,
      reason: input.reason ?? null,
      details: input.details === undefined ? null : JSON.stringify(input.details),
      expires_at: now + APPROVAL_TTL_MS,
      used_at: null,
      used_by: null,
    };
    ctx.db
      .prepare(
        `INSERT INTO approvals (id, at, action, requested_by, authorized_by, reason, details, expires_at, used_at, used_by)
         VALUES (@id, @at, @action, @requested_by, @authorized_by, @reason, @details, @expires_at, @used_at, @used_by)`,
      )
      .run(row);
    ctx.audit.append(ctx.actor, {
      action: `approval.${input.action}`,
      entity: 'approval',
      entityId: row.id,
      after: {
        action: row.action,
        requestedBy: row.requested_by,
        authorizedBy: row.authorized_by,
        reason: row.reason,
        details: input.details ?? null,
      },
    });
    return { kind: 'ok' as const, row, name: sup.name, role: sup.role };
  });
  switch (outcome.kind) {
    case 'unknown':
      throw new AppError('NOT_FOUND', 'El supervisor no existe o está inactivo');
    case 'role':
      throw new AppError(
        'FORBIDDEN',
        `${outcome.name} no puede autorizar ${ACTION_LABEL[input.action]}: ${
          REQUIRED_ROLE[input.action].includes('encargado')
            ? 'hace falta un encargado o el dueño'
            : 'hace falta el dueño'
        }`,
      );
    case 'locked':
      throw new AppError(
        'LOCKED',
        'Ese supervisor está bloqueado por PIN equivocados: esperá 5 minutos',
      );
    case 'wrong':
      throw new AppError(
        outcome.locks ? 'LOCKED' : 'WRONG_PIN',
        outcome.locks
          ? 'PIN del supervisor incorrecto: quedó bloqueado 5 minutos'
          : `PIN del supervisor incorrecto. ${outcome.left === 1 ? 'Le queda 1 intento' : `Le quedan ${outcome.left} intentos`}.`,
      );
    case 'ok':
      return {
        id: outcome.row.id,
        action: outcome.row.action,
        requestedBy: outcome.row.requested_by,
        authorizedBy: outcome.row.authorized_by,
        authorizedByName: outcome.name,
        authorizedRole: outcome.role,
        at: outcome.row.at,
        expiresAt: outcome.row.expires_at,
      };
  }
}

export type UsedApproval = {
  id: string;
  authorizedBy: string;
  details: Record<string, unknown> | null;
};

/**
 * Spends an approval inside the caller's transaction: it must exist, be for one of the given
 * actions, be unused and not expired. `usedBy` names what consumed it (a sale id, a movement id).
 * An approval asked for by one cashier cannot be spent from another cashier's session.
 */
export function useApproval(
  ctx: Ctx,
  approvalId: string,
  actions: readonly ApprovalAction[],
  usedBy: string,
): UsedApproval {
  if (!ctx.db.inTransaction) throw new Error('useApproval fuera de una transacción');
  const row = prep<[string], ApprovalRow>(ctx.db, 'SELECT * FROM approvals WHERE id = ?').get(
    approvalId,
  );
  if (!row || !actions.includes(row.action)) {
    throw new AppError(
      'APPROVAL_REQUIRED',
      `Hace falta la autorización de un supervisor para ${ACTION_LABEL[actions[0] ?? 'discount']}`,
      { action: actions[0] ?? null },
    );
  }
  if (row.used_at !== null)
    throw new AppError('APPROVAL_USED', 'Esa autorización ya se usó: pedí otra');
  if (row.expires_at < ctx.now())
    throw new AppError('APPROVAL_EXPIRED', 'La autorización venció: pedí otra');
  if (row.requested_by !== null && ctx.user !== null && row.requested_by !== ctx.user.id) {
    throw new AppError(
      'APPROVAL_REQUIRED',
      'Esa autorización la pidió otro usuario: el supervisor tiene que autorizar de nuevo',
    );
  }
  prep(ctx.db, 'UPDATE approvals SET used_at = ?, used_by = ? WHERE id = ?').run(
    ctx.now(),
    usedBy,
    row.id,
  );
  return {
    id: row.id,
    authorizedBy: row.authorized_by,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}

export type ApprovalCandidate = {
  id: string;
  action: ApprovalAction;
  details: Record<string, unknown> | null;
  /** Unused and not expired: spending it would succeed. */
  usable: boolean;
};

/** The approvals a call brought, with what they say, in the order given. Unknown ids are left out. */
export function loadApprovals(ctx: Ctx, ids: readonly string[]): ApprovalCandidate[] {
  const stmt = prep<[string], ApprovalRow>(ctx.db, 'SELECT * FROM approvals WHERE id = ?');
  const now = ctx.now();
  const out: ApprovalCandidate[] = [];
  for (const id of new Set(ids)) {
    const row = stmt.get(id);
    if (!row) continue;
    out.push({
      id: row.id,
      action: row.action,
      details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
      usable: row.used_at === null && row.expires_at >= now,
    });
  }
  return out;
}

/**
 * Picks, among the approvals a call brought, one for `action` whose details fit (`fits` sees
 * null details as "anything") and that no earlier pick took. A fitting approval that was already
 * used or expired is still picked when nothing better exists, so spending it gives the precise
 * error ("ya se usó", "venció"). Null when none fits: the caller raises APPROVAL_REQUIRED.
 */
export function pickApproval(
  candidates: readonly ApprovalCandidate[],
  taken: Set<string>,
  action: ApprovalAction,
  fits: (details: Record<string, unknown> | null) => boolean,
): string | null {
  let fallback: string | null = null;
  for (const c of candidates) {
    if (c.action !== action || taken.has(c.id) || !fits(c.details)) continue;
    if (c.usable) {
      taken.add(c.id);
      return c.id;
    }
    fallback ??= c.id;
  }
  if (fallback !== null) taken.add(fallback);
  return fallback;
}

export function approvalActionLabel(action: ApprovalAction): string {
  return ACTION_LABEL[action];
}
