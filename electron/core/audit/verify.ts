import type { Database } from 'better-sqlite3';
import type { AuditProblem, AuditVerifyResult } from '../../../shared/contract/index.ts';
import { formatQuantity, type QuantityUnit } from '../../../shared/domain/money.ts';
import { canonicalJson, entryHash, GENESIS_HASH, type AuditRow } from './log.ts';

/**
 * What each audited kind of row looks like now, keyed by id, in the same shape
 * the writers put in `after`. Lets verify notice a row edited behind the app's back
 * even when the chain itself is intact.
 */
export type EntitySnapshots = {
  entity: string;
  label: string;
  snapshotAll(db: Database): Map<string, unknown>;
  /**
   * Entries of another kind that change fields of many of these at once (a mass price update
   * writes one entry for thousands of products): each patch applies to the entity's own last
   * entry when it came later.
   */
  amendedBy?: Amendment;
};

export type Amendment = {
  entity: string;
  patches(after: unknown): [string, Record<string, unknown>][];
};

type Patch = { seq: number; patch: Record<string, unknown> };

function loadPatches(db: Database, amendment: Amendment): Map<string, Patch[]> {
  const map = new Map<string, Patch[]>();
  const rows = db
    .prepare<[string], { seq: number; after: string | null }>(
      'SELECT seq, after FROM audit_log WHERE entity = ? ORDER BY seq',
    )
    .iterate(amendment.entity);
  for (const r of rows) {
    if (r.after === null) continue;
    for (const [id, patch] of amendment.patches(JSON.parse(r.after) as unknown)) {
      const list = map.get(id);
      if (list) list.push({ seq: r.seq, patch });
      else map.set(id, [{ seq: r.seq, patch }]);
    }
  }
  return map;
}

/** The entity's logged state with the later amendments applied, as canonical JSON. */
function amended(logged: string | null, seq: number, patches: Patch[] | undefined): string | null {
  const later = patches?.filter((p) => p.seq > seq) ?? [];
  if (logged === null || later.length === 0) return logged;
  let state = JSON.parse(logged) as Record<string, unknown>;
  for (const p of later) state = { ...state, ...p.patch };
  return canonicalJson(state);
}

/** Every row of a table with a text `id`, snapshotted: the usual `snapshotAll`. */
export function snapshotRows<R extends { id: string }>(
  db: Database,
  table: string,
  snap: (r: R) => unknown,
): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const r of db.prepare<[], R>(`SELECT * FROM ${table}`).iterate()) map.set(r.id, snap(r));
  return map;
}

/**
 * SQLite's AUTOINCREMENT remembers the highest seq ever written in `sqlite_sequence`: a DELETE
 * of the last entries leaves it above the chain's end, where walking the chain sees nothing.
 */
function missingTail(db: Database, lastSeq: number): AuditProblem | null {
  const high =
    db
      .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
      .get()?.seq ?? 0;
  const n = high - lastSeq;
  if (n <= 0) return null;
  return {
    seq: lastSeq + 1,
    id: null,
    kind: 'deleted',
    message:
      n === 1
        ? `Falta la última entrada (la ${high}): fue borrada después de escrita`
        : `Faltan las últimas ${n} entradas (${lastSeq + 1}–${high}): fueron borradas después de escritas`,
  };
}

function walkChain(db: Database): { checked: number; firstBroken: AuditProblem | null } {
  const rows = db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate();
  let prev: AuditRow | null = null;
  let checked = 0;
  for (const row of rows) {
    checked++;
    const expectedPrev = prev?.hash ?? GENESIS_HASH;
    const expectedSeq = (prev?.seq ?? 0) + 1;
    if (row.seq !== expectedSeq) {
      return {
        checked,
        firstBroken: {
          seq: row.seq,
          id: row.id,
          kind: 'deleted',
          message:
            row.seq > expectedSeq
              ? `Faltan las entradas ${expectedSeq}–${row.seq - 1}: fueron borradas antes de la entrada ${row.seq}`
              : `La entrada ${row.seq} está fuera de orden`,
        },
      };
    }
    if (row.prev_hash !== expectedPrev) {
      return {
        checked,
        firstBroken: {
          seq: row.seq,
          id: row.id,
          kind: 'inserted',
          message: `La entrada ${row.seq} (${row.action}) no sigue a la anterior: fue insertada o reordenada fuera de la aplicación`,
        },
      };
    }
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) {
      return {
        checked,
        firstBroken: {
          seq: row.seq,
          id: row.id,
          kind: 'edited',
          message:
            `La entrada ${row.seq} (${row.action} ${row.entity} ${row.entity_id ?? ''}) fue modificada después de escrita`.trim(),
        },
      };
    }
    prev = row;
  }
  return { checked, firstBroken: missingTail(db, prev?.seq ?? 0) };
}

const codeText = (code: string | null): string => (code ? `código ${code}` : 'sin código');

type ProductRef = { name: string; unit: QuantityUnit; code: string | null };
type Named = { subject: string; detail: string };

/**
 * How a message names a row: a product by name and code («Azúcar Ledesma 1 kg» (código 779…;
 * id …)), a stock movement by what it moved, the rest by id. `state` is the row as the log has
 * it, or as it is now when the log has nothing.
 */
function namer(db: Database): (kind: EntitySnapshots, id: string, state: unknown) => Named {
  const product = db.prepare<[string], ProductRef>(
    `SELECT name, unit, coalesce((SELECT min(barcode) FROM product_barcodes b WHERE b.product_id = p.id), sku) AS code
     FROM products p WHERE id = ?`,
  );
  return (kind, id, state) => {
    const s = (typeof state === 'object' && state !== null ? state : {}) as Record<string, unknown>;
    const plain = { subject: `${kind.label} ${id}`, detail: '' };
    if (kind.entity === 'product' && typeof s.name === 'string') {
      const codes = Array.isArray(s.barcodes) ? (s.barcodes as unknown[]) : [];
      const code =
        typeof codes[0] === 'string' ? codes[0] : typeof s.sku === 'string' ? s.sku : null;
      return { subject: `${kind.label} «${s.name}» (${codeText(code)}; id ${id})`, detail: '' };
    }
    if (kind.entity === 'stock_movement' && typeof s.productId === 'string') {
      const p = product.get(s.productId);
      if (!p) return { ...plain, detail: ` (producto ${s.productId})` };
      const qty = typeof s.qty === 'number' && Number.isInteger(s.qty) ? Math.abs(s.qty) : null;
      const what = qty === null ? '' : ` de ${formatQuantity(qty, p.unit)}`;
      const movement = typeof s.kind === 'string' ? s.kind : 'movimiento';
      return { ...plain, detail: ` (${movement}${what} de «${p.name}», ${codeText(p.code)})` };
    }
    return plain;
  };
}

const parsed = (json: string | null): unknown =>
  json === null ? null : (JSON.parse(json) as unknown);

function compareState(db: Database, kinds: readonly EntitySnapshots[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const name = namer(db);
  const latest = db.prepare<
    [string],
    { seq: number; id: string; entity_id: string; after: string | null }
  >(
    `SELECT a.seq, a.id, a.entity_id, a.after FROM audit_log a
     JOIN (SELECT entity_id, max(seq) AS seq FROM audit_log
           WHERE entity = ? AND entity_id IS NOT NULL GROUP BY entity_id) l ON l.seq = a.seq`,
  );
  for (const kind of kinds) {
    const current = kind.snapshotAll(db);
    const patches = kind.amendedBy ? loadPatches(db, kind.amendedBy) : null;
    const seen = new Set<string>();
    for (const entry of latest.iterate(kind.entity)) {
      seen.add(entry.entity_id);
      const now = current.get(entry.entity_id);
      const logged = patches
        ? amended(entry.after, entry.seq, patches.get(entry.entity_id))
        : entry.after;
      if (now === undefined) {
        if (logged !== null) {
          const n = name(kind, entry.entity_id, parsed(logged));
          problems.push({
            seq: entry.seq,
            id: entry.id,
            kind: 'state',
            message: `${n.subject} fue borrado fuera de la aplicación (última entrada ${entry.seq})${n.detail}`,
          });
        }
      } else if (logged === null || canonicalJson(now) !== logged) {
        const n = name(kind, entry.entity_id, logged === null ? now : parsed(logged));
        problems.push({
          seq: entry.seq,
          id: entry.id,
          kind: 'state',
          message: `${n.subject} fue modificado fuera de la aplicación: no coincide con la entrada ${entry.seq}${n.detail}`,
        });
      }
      if (problems.length >= 200) return problems;
    }
    for (const id of current.keys()) {
      if (!seen.has(id)) {
        const n = name(kind, id, current.get(id));
        problems.push({
          seq: null,
          id: null,
          kind: 'state',
          message: `${n.subject} apareció sin entrada de auditoría: fue insertado fuera de la aplicación${n.detail}`,
        });
        if (problems.length >= 200) return problems;
      }
    }
  }
  return problems;
}

export function verifyAudit(db: Database, kinds: readonly EntitySnapshots[]): AuditVerifyResult {
  return db.transaction(() => {
    const chain = walkChain(db);
    const stateMismatches = compareState(db, kinds);
    return {
      ok: chain.firstBroken === null && stateMismatches.length === 0,
      checked: chain.checked,
      firstBroken: chain.firstBroken,
      stateMismatches,
    };
  })();
}
