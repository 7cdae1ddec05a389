import type { Database, Statement } from 'better-sqlite3';
import type {
  MovementKind,
  StockCheck,
  StockLevel,
  StockMovement,
  Unit,
} from '../../../shared/contract/index.ts';
import { MAX_QUANTITY } from '../../../shared/domain/money.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import type { Ctx } from '../context.ts';
import { invalid, notFound } from '../errors.ts';

/**
 * The stock ledger. `stock_movements` is the truth and is only ever appended to;
 * `stock_levels` is a per-location cache kept in step inside the same transaction,
 * which checkStock compares against a replay and rebuildStockLevels rewrites.
 */

export type MovementInput = {
  productId: string;
  locationId: string;
  /** Signed thousandths. */
  qty: number;
  kind: MovementKind;
  reason: string | null;
  reference?: string | null;
  transferId?: string | null;
};

export type MovementRow = {
  id: string;
  at: number;
  product_id: string;
  location_id: string;
  qty: number;
  kind: MovementKind;
  reason: string | null;
  user_id: string | null;
  reference: string | null;
  transfer_id: string | null;
};

/** What the audit log records of a movement, and what verify re-reads from the table. */
export type MovementSnapshot = {
  productId: string;
  locationId: string;
  qty: number;
  kind: MovementKind;
  reason: string | null;
  userId: string | null;
  reference: string | null;
  transferId: string | null;
  at: number;
};

export function movementSnapshot(r: MovementRow): MovementSnapshot {
  return {
    productId: r.product_id,
    locationId: r.location_id,
    qty: r.qty,
    kind: r.kind,
    reason: r.reason,
    userId: r.user_id,
    reference: r.reference,
    transferId: r.transfer_id,
    at: r.at,
  };
}

type Statements = {
  product: Statement<[string], { name: string; unit: Unit }>;
  location: Statement<[string], { name: string; active: number }>;
  insert: Statement<[MovementRow]>;
  bump: Statement<[string, string, number]>;
  at: Statement<[string, string], { qty: number }>;
  total: Statement<[string], { qty: number }>;
};

// The catalog import posts up to 100 000 movements in one transaction and every sale line
// posts one: preparing once per database keeps each call to a few row lookups.
const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      product: db.prepare('SELECT name, unit FROM products WHERE id = ?'),
      location: db.prepare('SELECT name, active FROM locations WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO stock_movements (id, at, product_id, location_id, qty, kind, reason, user_id, reference, transfer_id)
         VALUES (@id, @at, @product_id, @location_id, @qty, @kind, @reason, @user_id, @reference, @transfer_id)`,
      ),
      bump: db.prepare(
        `INSERT INTO stock_levels (product_id, location_id, qty) VALUES (?, ?, ?)
         ON CONFLICT (product_id, location_id) DO UPDATE SET qty = qty + excluded.qty`,
      ),
      at: db.prepare('SELECT qty FROM stock_levels WHERE product_id = ? AND location_id = ?'),
      total: db.prepare('SELECT ifnull(sum(qty), 0) AS qty FROM stock_levels WHERE product_id = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

const SIGN: Record<MovementKind, 'positive' | 'negative' | 'any'> = {
  entrada: 'positive',
  devolucion: 'positive',
  salida: 'negative',
  venta: 'negative',
  ajuste: 'any',
  transferencia: 'any',
};

function checkQty(kind: MovementKind, qty: number): void {
  if (!Number.isInteger(qty)) throw invalid('La cantidad debe estar en milésimas enteras');
  if (qty === 0) throw invalid('La cantidad no puede ser cero');
  if (Math.abs(qty) > MAX_QUANTITY) throw invalid('La cantidad es absurda: revisá la cifra');
  const sign = SIGN[kind];
  if (sign === 'positive' && qty < 0) {
    throw invalid(`Un movimiento de ${kind} tiene que sumar stock, no restarlo`);
  }
  if (sign === 'negative' && qty > 0) {
    throw invalid(`Un movimiento de ${kind} tiene que restar stock, no sumarlo`);
  }
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.trim() ?? '';
  return t === '' ? null : t;
};

/**
 * Appends one movement, bumps the cache and writes its audit entry. Runs inside the
 * caller's transaction so a sale or an import is all-or-nothing; the caller emits
 * `stock.changed` once after its commit.
 */
export function postMovement(ctx: Ctx, m: MovementInput): StockMovement {
  if (!ctx.db.inTransaction) throw new Error('postMovement fuera de una transacción');
  if (!(m.kind in SIGN)) throw invalid(`Tipo de movimiento desconocido: ${String(m.kind)}`);
  checkQty(m.kind, m.qty);
  const s = statements(ctx.db);
  const product = s.product.get(m.productId);
  if (!product) throw notFound('El producto');
  const location = s.location.get(m.locationId);
  if (!location) throw notFound('La ubicación');
  if (location.active !== 1) throw invalid(`La ubicación «${location.name}» está desactivada`);

  const row: MovementRow = {
    id: ctx.newId(),
    at: ctx.now(),
    product_id: m.productId,
    location_id: m.locationId,
    qty: m.qty,
    kind: m.kind,
    reason: clean(m.reason),
    user_id: ctx.actor.userId,
    reference: clean(m.reference),
    transfer_id: m.transferId ?? null,
  };
  s.insert.run(row);
  s.bump.run(row.product_id, row.location_id, row.qty);
  ctx.audit.append(ctx.actor, {
    action: `stock.${row.kind}`,
    entity: 'stock_movement',
    entityId: row.id,
    after: movementSnapshot(row),
  });
  return {
    id: row.id,
    at: row.at,
    productId: row.product_id,
    productName: product.name,
    unit: product.unit,
    locationId: row.location_id,
    locationName: location.name,
    qty: row.qty,
    kind: row.kind,
    reason: row.reason,
    // A session actor's label is the user's name, the same the movement list joins from users.
    userName: ctx.actor.userId ? ctx.actor.label : null,
    reference: row.reference,
    transferId: row.transfer_id,
  };
}

export const movementEntity: EntitySnapshots = {
  entity: 'stock_movement',
  label: 'El movimiento de stock',
  snapshotAll(db) {
    const map = new Map<string, unknown>();
    const rows = db.prepare<[], MovementRow>('SELECT * FROM stock_movements').iterate();
    for (const r of rows) map.set(r.id, movementSnapshot(r));
    return map;
  },
};

/** Stock of one product at one location (thousandths), from the cache kept in step with the ledger. */
export function stockAt(db: Database, productId: string, locationId: string): number {
  return statements(db).at.get(productId, locationId)?.qty ?? 0;
}

/** Stock of one product over every location. */
export function stockTotal(db: Database, productId: string): number {
  return statements(db).total.get(productId)?.qty ?? 0;
}

/**
 * Every active location with its stock (0 where nothing was ever moved). A deactivated
 * location still listed when it holds stock: hiding it would make the levels not add up
 * to the product's total.
 */
export function levels(db: Database, productId: string): StockLevel[] {
  return db
    .prepare<[string], StockLevel>(
      `SELECT l.id AS locationId, l.name AS locationName, ifnull(s.qty, 0) AS qty
       FROM locations l
       LEFT JOIN stock_levels s ON s.location_id = l.id AND s.product_id = ?
       WHERE l.active = 1 OR ifnull(s.qty, 0) <> 0
       ORDER BY l.sort, l.name`,
    )
    .all(productId);
}

type Mismatch = StockCheck['mismatches'][number];

// One pass over both tables: a pair missing on either side counts as 0 there.
const REPLAY = `
  SELECT product_id AS productId, location_id AS locationId,
         sum(cached) AS cached, sum(ledger) AS ledger
  FROM (
    SELECT product_id, location_id, qty AS ledger, 0 AS cached FROM stock_movements
    UNION ALL
    SELECT product_id, location_id, 0 AS ledger, qty AS cached FROM stock_levels
  )
  GROUP BY product_id, location_id`;

/** Replays the ledger and compares it with the cache, both ways. Read-only. */
export function checkStock(db: Database): StockCheck {
  let checked = 0;
  const mismatches: Mismatch[] = [];
  for (const r of db.prepare<[], Mismatch>(REPLAY).iterate()) {
    checked++;
    if (r.cached !== r.ledger) mismatches.push(r);
  }
  return { ok: mismatches.length === 0, checked, mismatches };
}

export type RebuildResult = { before: StockCheck; changed: number };

/**
 * Rewrites the cache rows that disagree with the ledger (the ledger wins), with one
 * audit entry. For `stock check --fix`, after the cache was edited or lost outside the app.
 */
export function rebuildStockLevels(ctx: Ctx): RebuildResult {
  const result = ctx.tx(() => {
    const before = checkStock(ctx.db);
    if (before.ok) return { before, changed: 0 };
    const set = ctx.db.prepare(
      `INSERT INTO stock_levels (product_id, location_id, qty) VALUES (?, ?, ?)
       ON CONFLICT (product_id, location_id) DO UPDATE SET qty = excluded.qty`,
    );
    for (const m of before.mismatches) set.run(m.productId, m.locationId, m.ledger);
    ctx.audit.append(ctx.actor, {
      action: 'stock.rebuild',
      entity: 'stock_levels',
      entityId: null,
      after: {
        changed: before.mismatches.length,
        // Enough to see what was wrong without bloating the log after a lost cache.
        rows: before.mismatches.slice(0, 100),
      },
    });
    return { before, changed: before.mismatches.length };
  });
  if (result.changed > 0) {
    const productIds = [...new Set(result.before.mismatches.map((m) => m.productId))];
    ctx.emit({ type: 'stock.changed', payload: { productIds } });
  }
  return result;
}
