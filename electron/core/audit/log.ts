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

const quotedKeys = new Map<string, string>();

/**
 * JSON with keys sorted at every level, so the same value always hashes the same. Written as a
 * loop rather than map/filter/join: it runs for every audit entry, 200,000 times in a big import.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    let qk = quotedKeys.get(k);
    if (qk === undefined) {
      qk = JSON.stringify(k);
      quotedKeys.set(k, qk);
    }
    out += (first ? '' : ',') + qk + ':' + canonicalJson(v);
    first = false;
  }
  return out + '}';
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

/**
 * The hash covers every column but the hash itself, including seq, so order is sealed. The
 * columns go in a fixed order in one JSON array (before/after are already canonical JSON text).
 */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const body = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.user_id,
    row.actor,
    row.action,
    row.entity,
    row.entity_id,
    row.before,
    row.after,
  ]);
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
  // The highest seq ever written (AUTOINCREMENT keeps it even when rows are deleted): the next
  // entry follows it, so entries deleted from the end leave a gap that `audit verify` names
  // instead of being silently replaced.
  const highest = db.prepare<[], { seq: number }>(
    "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'",
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
        seq: Math.max(last?.seq ?? 0, highest.get()?.seq ?? 0) + 1,
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
