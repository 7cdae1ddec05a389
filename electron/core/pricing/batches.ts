import type { Database } from 'better-sqlite3';
import type {
  ParsedInputOf,
  PriceApplyResult,
  PriceBatch,
  PriceUndoResult,
} from '../../../shared/contract/index.ts';
import { recordPriceChange } from '../catalog/price-history.ts';
import type { Ctx } from '../context.ts';
import { prep } from '../db/statements.ts';
import { conflict, invalid, notFound } from '../errors.ts';

/**
 * Mass price updates. A batch is written in one transaction: every product's new price, one
 * price-history row each, and ONE audit entry for the whole batch whose `after` lists every
 * product's old and new price (so `audit.verify` still vouches for each product's price, see
 * `priceBatchAmendment`). Undo writes a second batch that puts back the old prices of the
 * products nobody repriced since.
 */

type BatchRow = {
  id: string;
  created_at: number;
  user_id: string | null;
  mode: PriceBatch['mode'];
  description: string;
  count: number;
  undoes: string | null;
};

type ChangeInput = ParsedInputOf<'pricing.apply'>['changes'][number];

/** What the batch's audit entry records: `prices[productId] = [old, new]`. */
export type BatchSnapshot = {
  mode: PriceBatch['mode'];
  description: string;
  count: number;
  undoes: string | null;
  prices: Record<string, [number, number]>;
};

function snapshotOf(row: BatchRow, prices: Record<string, [number, number]>): BatchSnapshot {
  return {
    mode: row.mode,
    description: row.description,
    count: row.count,
    undoes: row.undoes,
    prices,
  };
}

function toBatch(db: Database, r: BatchRow, undoableId = undoable(db)?.id): PriceBatch {
  const user =
    r.user_id === null
      ? null
      : (prep<[string], { name: string }>(db, 'SELECT name FROM users WHERE id = ?').get(r.user_id)
          ?.name ?? null);
  const undoneBy =
    prep<[string], { id: string }>(db, 'SELECT id FROM price_batches WHERE undoes = ?').get(r.id)
      ?.id ?? null;
  return {
    id: r.id,
    createdAt: r.created_at,
    userName: user,
    mode: r.mode,
    description: r.description,
    count: r.count,
    undoes: r.undoes,
    undoneBy,
    undoable: r.id === undoableId,
  };
}

export function listBatches(db: Database, limit: number): PriceBatch[] {
  const undoableId = undoable(db)?.id;
  return prep<[number], BatchRow>(
    db,
    'SELECT * FROM price_batches ORDER BY created_at DESC, id DESC LIMIT ?',
  )
    .all(limit)
    .map((r) => toBatch(db, r, undoableId));
}

type ProductState = { id: string; name: string; price: number; active: number };

function productStates(db: Database, ids: readonly string[]): Map<string, ProductState> {
  const map = new Map<string, ProductState>();
  const stmt = prep<[string], ProductState>(
    db,
    'SELECT id, name, price, active FROM products WHERE id = ?',
  );
  for (const id of ids) {
    const row = stmt.get(id);
    if (row) map.set(id, row);
  }
  return map;
}

const listNames = (names: readonly string[]): string =>
  names.length <= 5
    ? names.join(', ')
    : `${names.slice(0, 5).join(', ')} y ${names.length - 5} más`;

/** Refuses the whole batch on the first kind of problem; nothing is written. */
function checkChanges(db: Database, changes: readonly ChangeInput[]): Map<string, ProductState> {
  const seen = new Set<string>();
  for (const c of changes) {
    if (seen.has(c.productId)) throw invalid('Un producto aparece dos veces en el lote');
    seen.add(c.productId);
  }
  const states = productStates(
    db,
    changes.map((c) => c.productId),
  );
  if (states.size < changes.length) throw notFound('Uno de los productos del lote');
  const inactive = changes.flatMap((c) => {
    const s = states.get(c.productId);
    return s && s.active !== 1 ? [s.name] : [];
  });
  if (inactive.length > 0) {
    throw invalid(
      `El lote incluye productos inactivos (${listNames(inactive)}): quitalos o activalos antes. No se cambió ningún precio`,
    );
  }
  const moved = changes.flatMap((c) => {
    const s = states.get(c.productId);
    return s && s.price !== c.oldPrice ? [s.name] : [];
  });
  if (moved.length > 0) {
    throw conflict(
      `El precio de ${listNames(moved)} cambió desde la vista previa: generala de nuevo. No se cambió ningún precio`,
    );
  }
  return states;
}

function writeBatch(
  ctx: Ctx,
  row: BatchRow,
  changes: readonly { productId: string; oldPrice: number; newPrice: number }[],
): void {
  prep(
    ctx.db,
    `INSERT INTO price_batches (id, created_at, user_id, mode, description, count, undoes)
     VALUES (@id, @created_at, @user_id, @mode, @description, @count, @undoes)`,
  ).run(row);
  const update = prep<[number, number, string]>(
    ctx.db,
    'UPDATE products SET price = ?, updated_at = ? WHERE id = ?',
  );
  const prices: Record<string, [number, number]> = {};
  for (const c of changes) {
    update.run(c.newPrice, row.created_at, c.productId);
    recordPriceChange(ctx, {
      productId: c.productId,
      previous: c.oldPrice,
      price: c.newPrice,
      at: row.created_at,
      source: row.mode === 'deshacer' ? 'pricing.undo' : 'pricing.batch',
      batchId: row.id,
    });
    prices[c.productId] = [c.oldPrice, c.newPrice];
  }
  ctx.audit.append(ctx.actor, {
    action: row.mode === 'deshacer' ? 'pricing.batch_undo' : 'pricing.batch_apply',
    entity: 'price_batch',
    entityId: row.id,
    after: snapshotOf(row, prices),
  });
}

function emitChanged(ctx: Ctx, ids: readonly string[]): void {
  ctx.emit({
    type: 'catalog.changed',
    payload: { productIds: ids.length > 500 ? 'all' : [...ids] },
  });
}

export function applyBatch(ctx: Ctx, input: ParsedInputOf<'pricing.apply'>): PriceApplyResult {
  const changes = input.changes.filter((c) => c.newPrice !== c.oldPrice);
  if (changes.length === 0) throw invalid('Ningún precio cambia: no hay nada para aplicar');
  const row: BatchRow = {
    id: ctx.newId(),
    created_at: ctx.now(),
    user_id: ctx.actor.userId,
    mode: input.mode,
    description: input.description,
    count: changes.length,
    undoes: null,
  };
  ctx.tx(() => {
    checkChanges(ctx.db, changes);
    writeBatch(ctx, row, changes);
  });
  emitChanged(
    ctx,
    changes.map((c) => c.productId),
  );
  return { batch: toBatch(ctx.db, row), changed: changes.length };
}

function getBatch(db: Database, id: string): BatchRow {
  const row = prep<[string], BatchRow>(db, 'SELECT * FROM price_batches WHERE id = ?').get(id);
  if (!row) throw notFound('El lote de precios');
  return row;
}

/** The newest batch that is not an undo and was not undone: the one «Deshacer» reverts. */
function undoable(db: Database): BatchRow | undefined {
  return prep<[], BatchRow>(
    db,
    `SELECT * FROM price_batches b WHERE mode <> 'deshacer'
       AND NOT EXISTS (SELECT 1 FROM price_batches u WHERE u.undoes = b.id)
     ORDER BY created_at DESC, id DESC LIMIT 1`,
  ).get();
}

export function undoBatch(ctx: Ctx, batchId: string): PriceUndoResult {
  const now = ctx.now();
  let result: PriceUndoResult | null = null;
  let restoredIds: string[] = [];
  ctx.tx(() => {
    const target = getBatch(ctx.db, batchId);
    if (target.mode === 'deshacer') throw invalid('Ese lote ya es una reversión: no se deshace');
    const last = undoable(ctx.db);
    if (last?.id !== target.id) {
      throw conflict(
        prep<[string], unknown>(ctx.db, 'SELECT 1 FROM price_batches WHERE undoes = ?').get(
          target.id,
        )
          ? 'Ese lote ya fue deshecho'
          : 'Solo se puede deshacer el último lote de precios aplicado',
      );
    }
    const lines = prep<[string], { product_id: string; price: number; previous_price: number }>(
      ctx.db,
      'SELECT product_id, price, previous_price FROM price_history WHERE batch_id = ?',
    ).all(target.id);
    const states = productStates(
      ctx.db,
      lines.map((l) => l.product_id),
    );
    const restore: { productId: string; oldPrice: number; newPrice: number }[] = [];
    const skipped: { productId: string; name: string }[] = [];
    for (const l of lines) {
      const s = states.get(l.product_id);
      if (!s) continue;
      if (s.price === l.price) {
        restore.push({ productId: l.product_id, oldPrice: l.price, newPrice: l.previous_price });
      } else skipped.push({ productId: s.id, name: s.name });
    }
    const row: BatchRow = {
      id: ctx.newId(),
      created_at: now,
      user_id: ctx.actor.userId,
      mode: 'deshacer',
      description: `Deshace «${target.description}»`,
      count: restore.length,
      undoes: target.id,
    };
    writeBatch(ctx, row, restore);
    restoredIds = restore.map((c) => c.productId);
    result = { batch: toBatch(ctx.db, row), restored: restore.length, skipped };
  });
  const done = result as PriceUndoResult | null;
  if (!done) throw new Error('deshacer sin resultado');
  // The counter's product cache must learn the prices came back.
  emitChanged(ctx, restoredIds);
  return done;
}

export const batchEntity = {
  entity: 'price_batch',
  label: 'El lote de precios',
  snapshotAll(db: Database): Map<string, unknown> {
    const prices = new Map<string, Record<string, [number, number]>>();
    for (const r of prep<
      [],
      { batch_id: string; product_id: string; price: number; previous_price: number }
    >(
      db,
      'SELECT batch_id, product_id, price, previous_price FROM price_history WHERE batch_id IS NOT NULL',
    ).iterate()) {
      const map = prices.get(r.batch_id) ?? {};
      map[r.product_id] = [r.previous_price, r.price];
      prices.set(r.batch_id, map);
    }
    const out = new Map<string, unknown>();
    for (const r of prep<[], BatchRow>(db, 'SELECT * FROM price_batches').iterate()) {
      out.set(r.id, snapshotOf(r, prices.get(r.id) ?? {}));
    }
    return out;
  },
};

/** For audit verify: a batch entry moves the `price` of every product it lists. */
export const priceBatchAmendment = {
  entity: 'price_batch',
  patches(after: unknown): [string, Record<string, unknown>][] {
    const prices = (after as Partial<BatchSnapshot> | null)?.prices ?? {};
    return Object.entries(prices).map(([id, [, price]]) => [id, { price }]);
  },
};
