import type { Database } from 'better-sqlite3';
import type { LowStockItem, StockMovement, Unit } from '../../../shared/contract/index.ts';

/** Read-only stock screens: the movement history and what to reorder. */

export type MovementFilter = {
  productId?: string | undefined;
  locationId?: string | undefined;
  /** Epoch ms: only movements strictly older, to page back through the history. */
  beforeAt?: number | undefined;
  limit: number;
};

export function listMovements(db: Database, f: MovementFilter): StockMovement[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.productId !== undefined) {
    where.push('m.product_id = ?');
    args.push(f.productId);
  }
  if (f.locationId !== undefined) {
    where.push('m.location_id = ?');
    args.push(f.locationId);
  }
  if (f.beforeAt !== undefined) {
    where.push('m.at < ?');
    args.push(f.beforeAt);
  }
  args.push(f.limit);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return db
    .prepare<(string | number)[], StockMovement>(
      `SELECT m.id, m.at, m.product_id AS productId, p.name AS productName, p.unit,
              m.location_id AS locationId, l.name AS locationName, m.qty, m.kind, m.reason,
              u.name AS userName, m.reference, m.transfer_id AS transferId
       FROM stock_movements m
       JOIN products p ON p.id = m.product_id
       JOIN locations l ON l.id = m.location_id
       LEFT JOIN users u ON u.id = m.user_id
       ${clause}
       ORDER BY m.at DESC, m.id DESC
       LIMIT ?`,
    )
    .all(...args);
}

type LowStockRow = {
  productId: string;
  name: string;
  barcode: string | null;
  unit: Unit;
  stock: number;
  minStock: number;
  maxStock: number | null;
};

/**
 * Active products below their minimum, over all locations. Most urgent first: by how
 * much of the minimum is left, so 0 of 24 comes before 5 of 6 and a negative level
 * (sold ahead of the ledger) before both.
 */
export function lowStock(db: Database, limit: number): LowStockItem[] {
  return db
    .prepare<[number], LowStockRow>(
      `SELECT * FROM (
         SELECT p.id AS productId, p.name, p.unit, p.min_stock AS minStock, p.max_stock AS maxStock,
                (SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode,
                (SELECT ifnull(sum(s.qty), 0) FROM stock_levels s WHERE s.product_id = p.id) AS stock
         FROM products p
         WHERE p.active = 1 AND p.min_stock > 0
       )
       WHERE stock < minStock
       ORDER BY CAST(stock AS REAL) / minStock, name COLLATE NOCASE
       LIMIT ?`,
    )
    .all(limit);
}
