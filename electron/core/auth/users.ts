import type { Database } from 'better-sqlite3';
import type { Role, UserSummary } from '../../../shared/contract/index.ts';
import { snapshotRows, type EntitySnapshots } from '../audit/verify.ts';
import { prep } from '../db/statements.ts';

export type UserRow = {
  id: string;
  name: string;
  role: Role;
  pin_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  created_at: number;
};

export const MAX_PIN_ATTEMPTS = 5;
export const LOCK_MS = 5 * 60_000;

export function toSummary(row: UserRow, now: number): UserSummary {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    active: row.active === 1,
    lockedUntil: row.locked_until !== null && row.locked_until > now ? row.locked_until : null,
  };
}

/** What the audit log records of a user: never the PIN hash itself, only that it changed. */
export function userSnapshot(row: UserRow): Record<string, unknown> {
  return {
    name: row.name,
    role: row.role,
    active: row.active === 1,
    pinSet: row.pin_hash.slice(-12),
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
  };
}

export function getUser(db: Database, id: string): UserRow | undefined {
  // Every call through a session reads its user: keep the statement prepared.
  return prep<[string], UserRow>(db, 'SELECT * FROM users WHERE id = ?').get(id);
}

export function listUsers(db: Database): UserRow[] {
  return db.prepare<[], UserRow>("SELECT * FROM users ORDER BY role = 'cajero', name").all();
}

export function countUsers(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

export const userEntity: EntitySnapshots = {
  entity: 'user',
  label: 'El usuario',
  snapshotAll: (db) => snapshotRows<UserRow>(db, 'users', userSnapshot),
};
