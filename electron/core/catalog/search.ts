import type { Database } from 'better-sqlite3';
import type {
  ParsedInputOf,
  ProductListItem,
  ProductPage,
  Unit,
} from '../../../shared/contract/index.ts';
import { ftsQuery } from '../../../shared/domain/text.ts';
import { loadCategoryTree, withDescendants, type CategoryTree } from './categories.ts';
import { activeMatchCount, catalogStats } from './stats.ts';
import { prep } from '../db/statements.ts';

export type SearchInput = ParsedInputOf<'catalog.search'>;

type ItemRow = {
  id: string;
  name: string;
  brand: string | null;
  sku: string | null;
  category_id: string | null;
  unit: Unit;
  price: number;
  min_stock: number;
  active: number;
  barcode: string | null;
  stock: number;
};

const STOCK_SQL = 'ifnull((SELECT sum(s.qty) FROM stock_levels s WHERE s.product_id = p.id), 0)';

const ITEM_COLUMNS = `p.id, p.name, p.brand, p.sku, p.category_id, p.unit, p.price, p.min_stock, p.active,
  (SELECT min(b.barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode,
  ${STOCK_SQL} AS stock`;

type Params = Record<string, string | number>;

/** Filters shared by every kind of search; parameters are named so one SQL text fits all calls. */
type Filters = { sql: string; params: Params; onlyActive: boolean };

function filters(input: SearchInput, tree: CategoryTree | null): Filters {
  const where: string[] = [];
  const params: Params = {};
  if (!input.includeInactive) where.push('p.active = 1');
  if (input.categoryId !== undefined) {
    const ids = tree ? withDescendants(tree, input.categoryId) : [input.categoryId];
    where.push('p.category_id IN (SELECT value FROM json_each(@cats))');
    params.cats = JSON.stringify(ids);
  }
  if (input.lowStockOnly) where.push(`${STOCK_SQL} < p.min_stock`);
  const onlyActive = where.length === 1 && !input.includeInactive;
  return { sql: where.map((w) => ` AND ${w}`).join(''), params, onlyActive };
}

function toItem(r: ItemRow, tree: CategoryTree): ProductListItem {
  return {
    id: r.id,
    name: r.name,
    brand: r.brand,
    barcode: r.barcode,
    sku: r.sku,
    categoryPath: r.category_id === null ? null : (tree.paths.get(r.category_id) ?? null),
    unit: r.unit,
    price: r.price,
    stock: r.stock,
    minStock: r.min_stock,
    active: r.active === 1,
  };
}

const FTS_FROM =
  'FROM products_fts JOIN products p ON p.rowid = products_fts.rowid WHERE products_fts MATCH @q';
// Name weighs most, then brand, category and codes: "coca" should rank Coca-Cola over a
// product that merely sits in the "Cocina" category.
const RANKED = `SELECT rowid AS rid FROM products_fts WHERE products_fts MATCH ?
  ORDER BY bm25(products_fts, 10.0, 4.0, 2.0, 1.0), name COLLATE NOCASE`;

/**
 * Ranks on the word index alone and reads products only for the rows the page needs: ranking
 * after a join to `products` reads every match's row, 2–3× slower for a common word.
 */
function ftsPage(
  db: Database,
  q: string,
  f: Filters,
  exclude: Set<string>,
  limit: number,
  offset: number,
) {
  const filtered = f.sql !== '' || exclude.size > 0;
  const check = prep<[Params], { id: string }>(
    db,
    `SELECT p.id FROM products p WHERE p.rowid = @rid${f.sql}`,
  );
  const want = offset + limit;
  const found: number[] = [];
  let exhausted = true;
  for (const { rid } of prep<[string], { rid: number }>(db, RANKED).iterate(q)) {
    if (found.length >= want) {
      exhausted = false;
      break;
    }
    if (filtered) {
      const hit = check.get({ ...f.params, rid });
      if (!hit || exclude.has(hit.id)) continue;
    }
    found.push(rid);
  }
  const item = prep<[number], ItemRow>(
    db,
    `SELECT ${ITEM_COLUMNS} FROM products p WHERE p.rowid = ?`,
  );
  const rows = found.slice(offset).flatMap((rid) => item.get(rid) ?? []);
  if (exhausted) return { rows, total: found.length };
  let total: number | null = null;
  if (!filtered) {
    total =
      prep<[string], { n: number }>(
        db,
        'SELECT count(*) AS n FROM products_fts WHERE products_fts MATCH ?',
      ).get(q)?.n ?? 0;
  } else if (f.onlyActive && exclude.size === 0) {
    total = activeMatchCount(db, q);
  }
  if (total === null) {
    const ex = exclude.size > 0 ? ' AND p.id NOT IN (SELECT value FROM json_each(@exclude))' : '';
    const params: Params = { ...f.params, q };
    if (exclude.size > 0) params.exclude = JSON.stringify([...exclude]);
    total =
      prep<[Params], { n: number }>(db, `SELECT count(*) AS n ${FTS_FROM}${f.sql}${ex}`).get(params)
        ?.n ?? 0;
  }
  return { rows, total };
}

/**
 * Empty text lists by name; digits only (4 or more) puts exact barcode/SKU matches first, then
 * words; anything else matches every word as a prefix, accents and case ignored.
 */
export function searchProducts(db: Database, input: SearchInput): ProductPage {
  const tree = loadCategoryTree(db);
  const f = filters(input, tree);
  const text = input.text.trim();
  const q = ftsQuery(text);
  if (q === null) {
    const stats = f.sql === '' || f.onlyActive ? catalogStats(db) : null;
    const total = stats
      ? stats.total - (f.onlyActive ? stats.inactive.length : 0)
      : (prep<[Params], { n: number }>(
          db,
          `SELECT count(*) AS n FROM products p WHERE 1${f.sql}`,
        ).get(f.params)?.n ?? 0);
    const rows = prep<[Params], ItemRow>(
      db,
      `SELECT ${ITEM_COLUMNS} FROM products p WHERE 1${f.sql} ORDER BY p.name COLLATE NOCASE, p.rowid LIMIT @limit OFFSET @offset`,
    ).all({ ...f.params, limit: input.limit, offset: input.offset });
    return { items: rows.map((r) => toItem(r, tree)), total };
  }
  if (!/^\d{4,}$/.test(text)) {
    const page = ftsPage(db, q, f, new Set(), input.limit, input.offset);
    return { items: page.rows.map((r) => toItem(r, tree)), total: page.total };
  }
  const exact = prep<[Params], ItemRow>(
    db,
    `SELECT ${ITEM_COLUMNS} FROM products p WHERE (p.id IN (SELECT product_id FROM product_barcodes WHERE barcode = @code)
     OR p.sku = @code)${f.sql} ORDER BY p.name COLLATE NOCASE`,
  ).all({ ...f.params, code: text });
  const head = exact.slice(input.offset, input.offset + input.limit);
  const rest = ftsPage(
    db,
    q,
    f,
    new Set(exact.map((r) => r.id)),
    input.limit - head.length,
    Math.max(0, input.offset - exact.length),
  );
  return {
    items: [...head, ...rest.rows].map((r) => toItem(r, tree)),
    total: exact.length + rest.total,
  };
}
