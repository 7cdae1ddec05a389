import { ROLE_PERMISSIONS, type Session } from '../../../shared/contract/index.ts';
import type { Ctx, Handlers } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import { createDefaultLocations } from '../stock/locations.ts';
import { writeSetting } from '../system/settings.ts';
import { checkPin, hashPin } from './pin.ts';
import {
  countUsers,
  getUser,
  listUsers,
  LOCK_MS,
  MAX_PIN_ATTEMPTS,
  toSummary,
  userSnapshot,
  type UserRow,
} from './users.ts';

function sessionOf(ctx: Ctx): Session {
  const row = ctx.session?.userId ? getUser(ctx.db, ctx.session.userId) : undefined;
  if (!row || row.active !== 1) return { user: null, permissions: ['public'] };
  return { user: toSummary(row, ctx.now()), permissions: [...ROLE_PERMISSIONS[row.role]] };
}

function insertUser(ctx: Ctx, name: string, role: UserRow['role'], pin: string): UserRow {
  const dup = ctx.db.prepare('SELECT 1 FROM users WHERE name = ? COLLATE NOCASE').get(name);
  if (dup) throw conflict(`Ya existe un usuario llamado «${name}»`);
  const row: UserRow = {
    id: ctx.newId(),
    name,
    role,
    pin_hash: hashPin(pin),
    failed_attempts: 0,
    locked_until: null,
    active: 1,
    created_at: ctx.now(),
  };
  ctx.db
    .prepare(
      `INSERT INTO users (id, name, role, pin_hash, failed_attempts, locked_until, active, created_at)
       VALUES (@id, @name, @role, @pin_hash, @failed_attempts, @locked_until, @active, @created_at)`,
    )
    .run(row);
  ctx.audit.append(ctx.actor, {
    action: 'user.create',
    entity: 'user',
    entityId: row.id,
    after: userSnapshot(row),
  });
  return row;
}

function updateUserRow(
  ctx: Ctx,
  before: UserRow,
  changes: Partial<UserRow>,
  action: string,
): UserRow {
  const after: UserRow = { ...before, ...changes };
  ctx.db
    .prepare(
      `UPDATE users SET name = @name, role = @role, pin_hash = @pin_hash, failed_attempts = @failed_attempts,
       locked_until = @locked_until, active = @active WHERE id = @id`,
    )
    .run(after);
  ctx.audit.append(ctx.actor, {
    action,
    entity: 'user',
    entityId: before.id,
    before: userSnapshot(before),
    after: userSnapshot(after),
  });
  return after;
}

/** The last active dueño can be neither demoted nor deactivated: the shop would be locked out. */
function assertOwnerRemains(ctx: Ctx, before: UserRow, after: UserRow): void {
  if (before.role !== 'dueno' || (after.role === 'dueno' && after.active === 1)) return;
  const others = ctx.db
    .prepare("SELECT count(*) AS n FROM users WHERE role = 'dueno' AND active = 1 AND id <> ?")
    .get(before.id) as { n: number };
  if (others.n === 0) throw conflict('Tiene que quedar al menos un dueño activo');
}

export const authHandlers = {
  'auth.setupOwner': (input, ctx) => {
    if (!ctx.session && ctx.caller.kind !== 'system')
      throw new AppError('NOT_LOGGED_IN', 'Sesión inválida');
    const row = ctx.tx(() => {
      if (countUsers(ctx.db) > 0) {
        throw conflict('La tienda ya tiene dueño: ingresá con tu usuario y PIN');
      }
      writeSetting(ctx, 'storeName', input.storeName);
      createDefaultLocations(ctx);
      return insertUser(ctx, input.ownerName, 'dueno', input.pin);
    });
    if (!ctx.session) {
      // The CLI's `init`: no window to log in, report who was created.
      return { user: toSummary(row, ctx.now()), permissions: [...ROLE_PERMISSIONS.dueno] };
    }
    ctx.session.userId = row.id;
    ctx.emit({ type: 'session.changed', payload: { userId: row.id } });
    return sessionOf(ctx);
  },

  'auth.users': (_input, ctx) =>
    listUsers(ctx.db)
      .filter((u) => u.active === 1)
      .map((u) => toSummary(u, ctx.now())),

  'auth.login': (input, ctx) => {
    const session = ctx.session;
    if (!session) throw new AppError('NOT_LOGGED_IN', 'Sesión inválida');
    const now = ctx.now();
    const outcome = ctx.tx(() => {
      const row = getUser(ctx.db, input.userId);
      if (!row || row.active !== 1) return { kind: 'unknown' as const };
      if (row.locked_until !== null && row.locked_until > now) {
        return { kind: 'locked' as const, until: row.locked_until };
      }
      if (checkPin(input.pin, row.pin_hash)) {
        if (row.failed_attempts > 0 || row.locked_until !== null) {
          updateUserRow(ctx, row, { failed_attempts: 0, locked_until: null }, 'auth.unlock');
        }
        ctx.audit.append(
          { userId: row.id, label: row.name },
          { action: 'auth.login', entity: 'session', entityId: null },
        );
        return { kind: 'ok' as const, row };
      }
      const failed = row.failed_attempts + 1;
      const locks = failed >= MAX_PIN_ATTEMPTS;
      updateUserRow(
        ctx,
        row,
        {
          failed_attempts: locks ? 0 : failed,
          locked_until: locks ? now + LOCK_MS : row.locked_until,
        },
        locks ? 'auth.lock' : 'auth.login_failed',
      );
      return locks
        ? { kind: 'locked' as const, until: now + LOCK_MS }
        : { kind: 'wrong' as const, left: MAX_PIN_ATTEMPTS - failed };
    });
    switch (outcome.kind) {
      case 'unknown':
        throw notFound('El usuario');
      case 'locked': {
        const minutes = Math.max(1, Math.ceil((outcome.until - now) / 60_000));
        throw new AppError(
          'LOCKED',
          `Usuario bloqueado por demasiados intentos. Probá de nuevo en ${minutes} minuto${minutes === 1 ? '' : 's'} o pedí al dueño que lo desbloquee.`,
          { lockedUntil: outcome.until },
        );
      }
      case 'wrong':
        throw new AppError(
          'WRONG_PIN',
          `PIN incorrecto. ${outcome.left === 1 ? 'Te queda 1 intento' : `Te quedan ${outcome.left} intentos`}.`,
          { attemptsLeft: outcome.left },
        );
      case 'ok':
        session.userId = outcome.row.id;
        ctx.emit({ type: 'session.changed', payload: { userId: outcome.row.id } });
        return sessionOf(ctx);
    }
  },

  'auth.logout': (_input, ctx) => {
    if (ctx.session?.userId) {
      ctx.tx(() =>
        ctx.audit.append(ctx.actor, { action: 'auth.logout', entity: 'session', entityId: null }),
      );
      ctx.session.userId = null;
      ctx.emit({ type: 'session.changed', payload: { userId: null } });
    }
    return sessionOf(ctx);
  },

  'auth.session': (_input, ctx) => sessionOf(ctx),

  'users.list': (_input, ctx) => listUsers(ctx.db).map((u) => toSummary(u, ctx.now())),

  'users.create': (input, ctx) =>
    toSummary(
      ctx.tx(() => insertUser(ctx, input.name, input.role, input.pin)),
      ctx.now(),
    ),

  'users.update': (input, ctx) => {
    const row = ctx.tx(() => {
      const before = getUser(ctx.db, input.id);
      if (!before) throw notFound('El usuario');
      if (input.name !== undefined && input.name.toLowerCase() !== before.name.toLowerCase()) {
        const dup = ctx.db
          .prepare('SELECT 1 FROM users WHERE name = ? COLLATE NOCASE AND id <> ?')
          .get(input.name, input.id);
        if (dup) throw conflict(`Ya existe un usuario llamado «${input.name}»`);
      }
      const changes: Partial<UserRow> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.role !== undefined) changes.role = input.role;
      if (input.active !== undefined) changes.active = input.active ? 1 : 0;
      const after = { ...before, ...changes };
      assertOwnerRemains(ctx, before, after);
      return updateUserRow(ctx, before, changes, 'user.update');
    });
    // A deactivated user's open sessions end on their next call: the registry re-reads the user.
    return toSummary(row, ctx.now());
  },

  'users.setPin': (input, ctx) =>
    toSummary(
      ctx.tx(() => {
        const before = getUser(ctx.db, input.id);
        if (!before) throw notFound('El usuario');
        return updateUserRow(
          ctx,
          before,
          { pin_hash: hashPin(input.pin), failed_attempts: 0, locked_until: null },
          'user.set_pin',
        );
      }),
      ctx.now(),
    ),
} satisfies Handlers;
