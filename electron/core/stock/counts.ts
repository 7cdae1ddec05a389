import type { Database } from 'better-sqlite3';
import type { CountLine, StockCount, Unit } from '../../../shared/contract/index.ts';
import { normalizeBarcode } from '../../../shared/domain/barcode.ts';
import type { Ctx } from '../context.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { postMovement, stockAt } from './ledger.ts';
import { getLocationRow } from './locations.ts';
import { emitStockChanged } from './moves.ts';

/**
 * Stock counts (conteos). A count is partial by design: only the products scanned are
 * corrected, so a shop can count one shelf tonight and another tomorrow.
 *
 * Variance rule: each line stores `expected` = ledger stock at that location when the line
 * was counted, and closing posts `counted − expected` as an ajuste. What the ledger records
 * after that moment (a sale, a transfer) happened to goods the counter already saw, so it
 * stays on top of the correction. Posting `counted − stock at close` instead would erase
 * every sale made while the count was open.
 */

type CountRow = {
  id: string;
  location_id: string;
  location_name: string;
  status: StockCount['status'];
  started_at: number;
  closed_at: number | null;
  started_by_name: string | null;
};

type LineRow = {
  productId: string;
  name: string;
  barcode: string | null;
  unit: Unit;
  expected: number;
  counted: number;
};

const COUNT_SELECT = `
  SELECT c.id, c.location_id, l.name AS location_name, c.status, c.started_at, c.closed_at,
         u.name AS started_by_name
  FROM stock_counts c
  JOIN locations l ON l.id = c.location_id
  LEFT JOIN users u ON u.id = c.started_by`;

// How many past counts the list shows: enough history for the stock screen.
const LIST_LIMIT = 200;

function countRow(db: Database, countId: string): CountRow {
  const row = db.prepare<[string], CountRow>(`${COUNT_SELECT} WHERE c.id = ?`).get(countId);
  if (!row) throw notFound('El conteo');
  return row;
}

const LINE_SELECT = `
  SELECT cl.product_id AS productId, p.name, p.unit, cl.expected, cl.counted,
         (SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode
  FROM stock_count_lines cl JOIN products p ON p.id = cl.product_id
  WHERE cl.count_id = ?`;

const toLine = (l: LineRow): CountLine => ({ ...l, variance: l.counted - l.expected });

function countLines(db: Database, countId: string): CountLine[] {
  return db
    .prepare<[string], LineRow>(`${LINE_SELECT} ORDER BY p.name COLLATE NOCASE, p.id`)
    .all(countId)
    .map(toLine);
}

function countLine(db: Database, countId: string, productId: string): CountLine | undefined {
  const row = db
    .prepare<[string, string], LineRow>(`${LINE_SELECT} AND cl.product_id = ?`)
    .get(countId, productId);
  return row && toLine(row);
}

function toCount(r: CountRow, lines: CountLine[]): StockCount {
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    status: r.status,
    startedAt: r.started_at,
    closedAt: r.closed_at,
    startedBy: r.started_by_name,
    lines,
  };
}

export function getCount(db: Database, countId: string): StockCount {
  return toCount(countRow(db, countId), countLines(db, countId));
}

/** Most recent first; lines only for open counts, the ones someone is still working on. */
export function listCounts(db: Database): StockCount[] {
  return db
    .prepare<[number], CountRow>(`${COUNT_SELECT} ORDER BY c.started_at DESC, c.id DESC LIMIT ?`)
    .all(LIST_LIMIT)
    .map((r) => toCount(r, r.status === 'abierto' ? countLines(db, r.id) : []));
}

function openCountRow(db: Database, countId: string): CountRow {
  const row = countRow(db, countId);
  if (row.status !== 'abierto') throw conflict(`El conteo ya está ${row.status}`);
  return row;
}

export function startCount(ctx: Ctx, locationId: string): StockCount {
  const id = ctx.tx(() => {
    const location = getLocationRow(ctx.db, locationId);
    if (!location) throw notFound('La ubicación');
    if (location.active !== 1) throw invalid(`La ubicación «${location.name}» está desactivada`);
    // Two open counts on one location would each post its own ajuste for the same goods.
    const open = ctx.db
      .prepare("SELECT 1 FROM stock_counts WHERE location_id = ? AND status = 'abierto'")
      .get(locationId);
    if (open) {
      throw conflict(
        `Ya hay un conteo abierto en «${location.name}»: cerralo o cancelalo antes de empezar otro`,
      );
    }
    const row = {
      id: ctx.newId(),
      location_id: locationId,
      status: 'abierto',
      started_by: ctx.actor.userId,
      started_at: ctx.now(),
    };
    ctx.db
      .prepare(
        `INSERT INTO stock_counts (id, location_id, status, started_by, started_at, closed_at)
         VALUES (@id, @location_id, @status, @started_by, @started_at, NULL)`,
      )
      .run(row);
    ctx.audit.append(ctx.actor, {
      action: 'stock.count_start',
      entity: 'stock_count',
      entityId: row.id,
      after: { locationId, status: row.status, startedAt: row.started_at },
    });
    return row.id;
  });
  return getCount(ctx.db, id);
}

/** A scanned or typed code: barcode first, then the shop's own SKU, then a scale PLU. */
function productByCode(db: Database, code: string): string | undefined {
  let barcode: string;
  try {
    barcode = normalizeBarcode(code);
  } catch {
    barcode = code.trim();
  }
  const byBarcode = db
    .prepare<[string], { id: string }>(
      'SELECT product_id AS id FROM product_barcodes WHERE barcode = ?',
    )
    .get(barcode);
  if (byBarcode) return byBarcode.id;
  const bySku = db
    .prepare<[string], { id: string }>('SELECT id FROM products WHERE sku = ?')
    .get(code.trim());
  if (bySku) return bySku.id;
  if (!/^\d{1,6}$/.test(code.trim())) return undefined;
  return db
    .prepare<[number], { id: string }>('SELECT id FROM products WHERE plu = ?')
    .get(Number(code.trim()))?.id;
}

export type CountSet = { countId: string; productId?: string; code?: string; counted: number };

/** Records (or overwrites, on a recount) what was found on the shelf for one product. */
export function setCountLine(ctx: Ctx, input: CountSet): CountLine {
  if (!Number.isInteger(input.counted) || input.counted < 0) {
    throw invalid('Lo contado tiene que ser una cantidad entera de milésimas, no negativa');
  }
  const productId = ctx.tx(() => {
    const count = openCountRow(ctx.db, input.countId);
    let id = input.productId;
    if (id !== undefined) {
      if (!ctx.db.prepare('SELECT 1 FROM products WHERE id = ?').get(id))
        throw notFound('El producto');
    } else if (input.code !== undefined) {
      id = productByCode(ctx.db, input.code);
      if (!id) throw notFound(`El producto con código «${input.code.trim()}»`);
    } else {
      throw invalid('Indicá el producto o su código');
    }
    const before = ctx.db
      .prepare<[string, string], { counted: number; expected: number }>(
        'SELECT counted, expected FROM stock_count_lines WHERE count_id = ? AND product_id = ?',
      )
      .get(count.id, id);
    // A recount takes a fresh reading of the ledger: the variance is always against the stock
    // at the moment the goods were actually counted.
    const expected = stockAt(ctx.db, id, count.location_id);
    ctx.db
      .prepare(
        `INSERT INTO stock_count_lines (count_id, product_id, expected, counted, counted_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (count_id, product_id) DO UPDATE SET
           expected = excluded.expected, counted = excluded.counted, counted_at = excluded.counted_at`,
      )
      .run(count.id, id, expected, input.counted, ctx.now());
    ctx.audit.append(ctx.actor, {
      action: 'stock.count_set',
      entity: 'stock_count',
      entityId: count.id,
      before: before ? { productId: id, ...before } : null,
      after: { productId: id, counted: input.counted, expected },
    });
    return id;
  });
  const line = countLine(ctx.db, input.countId, productId);
  if (!line) throw new Error('la línea del conteo no quedó guardada');
  return line;
}

const COUNT_DATE = new Intl.DateTimeFormat('es-AR', {
  timeZone: 'America/Argentina/Buenos_Aires',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** Posts every non-zero variance as an ajuste and closes the count, all in one transaction. */
export function closeCount(ctx: Ctx, countId: string): StockCount {
  const productIds = ctx.tx(() => {
    const count = openCountRow(ctx.db, countId);
    const lines = countLines(ctx.db, countId);
    if (lines.length === 0) {
      throw invalid('El conteo no tiene productos contados: cargá al menos uno o cancelalo');
    }
    const reason = `Conteo ${COUNT_DATE.format(count.started_at)}`;
    const adjusted: string[] = [];
    for (const l of lines) {
      if (l.variance === 0) continue;
      postMovement(ctx, {
        productId: l.productId,
        locationId: count.location_id,
        qty: l.variance,
        kind: 'ajuste',
        reason,
        reference: count.id,
      });
      adjusted.push(l.productId);
    }
    const closedAt = ctx.now();
    ctx.db
      .prepare("UPDATE stock_counts SET status = 'cerrado', closed_at = ? WHERE id = ?")
      .run(closedAt, count.id);
    ctx.audit.append(ctx.actor, {
      action: 'stock.count_close',
      entity: 'stock_count',
      entityId: count.id,
      before: { status: 'abierto' },
      after: {
        status: 'cerrado',
        closedAt,
        lines: lines.length,
        adjustments: adjusted.length,
        variance: lines.reduce((sum, l) => sum + l.variance, 0),
      },
    });
    return adjusted;
  });
  emitStockChanged(ctx, productIds);
  return getCount(ctx.db, countId);
}

/** Abandons an open count: nothing is posted, the lines stay for the record. */
export function cancelCount(ctx: Ctx, countId: string): StockCount {
  ctx.tx(() => {
    const count = openCountRow(ctx.db, countId);
    const closedAt = ctx.now();
    ctx.db
      .prepare("UPDATE stock_counts SET status = 'cancelado', closed_at = ? WHERE id = ?")
      .run(closedAt, count.id);
    ctx.audit.append(ctx.actor, {
      action: 'stock.count_cancel',
      entity: 'stock_count',
      entityId: count.id,
      before: { status: 'abierto' },
      after: { status: 'cancelado', closedAt },
    });
  });
  return getCount(ctx.db, countId);
}
