import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** Who did it: a logged-in user, or the command-line tool / system with a label. */
export type Actor = { userId: string | null; label: string };

export type AuditInput = {
  action: string;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with keys sorted at every level, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export type AuditRow = {
  seq: number;
  id: string;
  at: number;
  user_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
};

/** The hash covers every column but the hash itself, including seq, so order is sealed. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    id: row.id,
    at: row.at,
    user_id: row.user_id,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entity_id: row.entity_id,
    before: row.before,
    after: row.after,
  });
  return createHash('sha256').update(row.prev_hash).update(body).digest('hex');
}

export type AuditWriter = {
  append(actor: Actor, input: AuditInput): void;
};

/**
 * Appends to the chain. Callers run it inside the same transaction as the change
 * it describes, so a change and its entry are written together or not at all.
 */
export function createAuditWriter(
  db: Database,
  now: () => number,
  newId: () => string,
): AuditWriter {
  const head = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (seq, id, at, user_id, actor, action, entity, entity_id, before, after, prev_hash, hash)
     VALUES (@seq, @id, @at, @user_id, @actor, @action, @entity, @entity_id, @before, @after, @prev_hash, @hash)`,
  );
  return {
    append(actor, input) {
      if (!db.inTransaction) throw new Error('audit.append fuera de una transacción');
      const last = head.get();
      const row: Omit<AuditRow, 'hash'> = {
        seq: (last?.seq ?? 0) + 1,
        id: newId(),
        at: now(),
        user_id: actor.userId,
        actor: actor.label,
        action: input.action,
        entity: input.entity,
        entity_id: input.entityId,
        before: input.before === undefined ? null : canonicalJson(input.before),
        after: input.after === undefined ? null : canonicalJson(input.after),
        prev_hash: last?.hash ?? GENESIS_HASH,
      };
      insert.run({ ...row, hash: entryHash(row) });
    },
  };
}
