import type { Database } from 'better-sqlite3';
import type { IvaRateBp, Product, Unit } from '../../../shared/contract/index.ts';
import type { EntitySnapshots } from '../audit/verify.ts';
import { prep } from '../db/statements.ts';

export type ProductRow = {
  id: string;
  sku: string | null;
  plu: number | null;
  name: string;
  brand: string | null;
  category_id: string | null;
  unit: Unit;
  iva_rate_bp: IvaRateBp;
  cost: number;
  cost_date: number | null;
  price: number;
  min_stock: number;
  max_stock: number | null;
  supplier_cuit: string | null;
  active: number;
  created_at: number;
  updated_at: number;
};

/**
 * Everything about a product that the audit log vouches for. Writers put exactly this in
 * `after`, and verify rebuilds it from the table: a difference means the row was edited outside
 * the app. Timestamps are left out because they move without any change of meaning.
 */
export type ProductData = Omit<Product, 'id' | 'categoryPath' | 'createdAt' | 'updatedAt'>;

export function productData(row: ProductRow, barcodes: readonly string[]): ProductData {
  return {
    sku: row.sku,
    plu: row.plu,
    name: row.name,
    brand: row.brand,
    categoryId: row.category_id,
    unit: row.unit,
    ivaRateBp: row.iva_rate_bp,
    cost: row.cost,
    costDate: row.cost_date,
    price: row.price,
    minStock: row.min_stock,
    maxStock: row.max_stock,
    supplierCuit: row.supplier_cuit,
    active: row.active === 1,
    barcodes: [...barcodes].sort(),
  };
}

/** Same values as productData: the snapshot compared by verify and written by every writer. */
export function productSnapshot(data: ProductData): ProductData {
  return { ...data, barcodes: [...data.barcodes].sort() };
}

export function sameProductData(a: ProductData, b: ProductData): boolean {
  const keys = Object.keys(a) as (keyof ProductData)[];
  for (const k of keys) {
    if (k === 'barcodes') continue;
    if (a[k] !== b[k]) return false;
  }
  const x = [...a.barcodes].sort();
  const y = [...b.barcodes].sort();
  return x.length === y.length && x.every((c, i) => c === y[i]);
}

/** Every product's barcodes, grouped, in one pass over the product index. */
export function barcodesByProduct(db: Database): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const rows = prep<[], { product_id: string; barcode: string }>(
    db,
    'SELECT product_id, barcode FROM product_barcodes ORDER BY product_id, barcode',
  ).iterate();
  for (const r of rows) {
    const list = map.get(r.product_id);
    if (list) list.push(r.barcode);
    else map.set(r.product_id, [r.barcode]);
  }
  return map;
}

export type CategoryRow = {
  id: string;
  name: string;
  parent_id: string | null;
  created_at: number;
};

export const categorySnapshot = (r: Pick<CategoryRow, 'name' | 'parent_id'>) => ({
  name: r.name,
  parentId: r.parent_id,
});

export const productEntity: EntitySnapshots = {
  entity: 'product',
  label: 'El producto',
  snapshotAll(db) {
    const codes = barcodesByProduct(db);
    const map = new Map<string, unknown>();
    for (const row of prep<[], ProductRow>(db, 'SELECT * FROM products').iterate()) {
      map.set(row.id, productData(row, codes.get(row.id) ?? []));
    }
    return map;
  },
};

export const categoryEntity: EntitySnapshots = {
  entity: 'category',
  label: 'La categoría',
  snapshotAll(db) {
    const map = new Map<string, unknown>();
    for (const row of prep<[], CategoryRow>(db, 'SELECT * FROM categories').iterate()) {
      map.set(row.id, categorySnapshot(row));
    }
    return map;
  },
};
