import type { AuditEntry } from '../../../shared/contract/index.ts';
import type { Handlers } from '../context.ts';
import type { AuditRow } from './log.ts';
import { verifyAudit } from './verify.ts';

const parse = (s: string | null): unknown => (s === null ? null : (JSON.parse(s) as unknown));

export function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parse(r.before),
    after: parse(r.after),
    hash: r.hash,
  };
}

export const auditHandlers = {
  'audit.list': (input, ctx) => {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (input.beforeSeq !== undefined) {
      where.push('seq < ?');
      args.push(input.beforeSeq);
    }
    if (input.entity) {
      where.push('entity = ?');
      args.push(input.entity);
    }
    if (input.entityId) {
      where.push('entity_id = ?');
      args.push(input.entityId);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const items = ctx.db
      .prepare<(string | number)[], AuditRow>(
        `SELECT * FROM audit_log ${clause} ORDER BY seq DESC LIMIT ${input.limit}`,
      )
      .all(...args)
      .map(toEntry);
    const total = (ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    return { items, total };
  },
  'audit.verify': (_input, ctx) => verifyAudit(ctx.db, ctx.auditedEntities),
} satisfies Handlers;
