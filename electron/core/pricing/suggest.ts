import type { Database } from 'better-sqlite3';
import type {
  ParsedInputOf,
  PriceSuggestion,
  SuggestionPage,
  Unit,
} from '../../../shared/contract/index.ts';
import { marginPct } from '../../../shared/domain/pricing.ts';
import { ftsQuery } from '../../../shared/domain/text.ts';
import { loadCategoryTree, withDescendants, type CategoryTree } from '../catalog/categories.ts';
import type { Deps } from '../context.ts';
import { prep } from '../db/statements.ts';
import {
  BELOW_COST,
  BELOW_REPLACEMENT,
  priceTable,
  SUGGESTED,
  type PricedTable,
} from './priced-table.ts';

/**
 * The suggestion list: every product priced at once (priced-table.ts) and kept until a product,
 * a policy, the CPI or a setting changes (any of them writes an audit entry) or an hour passes
 * (replacement costs drift with time); filters, sorting and pages are cut from it.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Computed = { key: string; table: PricedTable; tree: CategoryTree };

const CACHE_KEY = 'pricing.suggestions';
const WATCHED = ['product', 'cpi_month', 'pricing_policy', 'setting', 'category', 'price_batch'];

/** Changes whenever anything the suggestions depend on was written. */
function fingerprint(db: Database, now: number): string {
  const seqs = WATCHED.map(
    (e) =>
      prep<[string], { s: number | null }>(
        db,
        'SELECT max(seq) AS s FROM audit_log WHERE entity = ?',
      ).get(e)?.s ?? 0,
  );
  return `${seqs.join('.')}@${Math.floor(now / HOUR_MS)}`;
}

/** The priced catalog, computed again only when something it depends on changed. */
export function pricedCatalog(deps: Pick<Deps, 'db' | 'now' | 'scratch'>): Computed {
  const now = deps.now();
  const key = fingerprint(deps.db, now);
  const cached = deps.scratch.get(CACHE_KEY) as Computed | undefined;
  if (cached && cached.key === key) return cached;
  const tree = loadCategoryTree(deps.db);
  const fresh: Computed = { key, table: priceTable(deps.db, now, tree), tree };
  deps.scratch.set(CACHE_KEY, fresh);
  return fresh;
}

/** Product ids whose words match `query` (accents and case ignored), or null for no query. */
export function matchingIds(db: Database, query: string | undefined): Set<string> | null {
  const q = ftsQuery(query ?? '');
  if (q === null) return null;
  const ids = prep<[string], [string]>(
    db,
    'SELECT p.id FROM products_fts JOIN products p ON p.rowid = products_fts.rowid WHERE products_fts MATCH ?',
  )
    .raw()
    .all(q);
  return new Set(ids.map((r) => r[0]));
}

export type SuggestFilter = {
  categoryId?: string | undefined;
  supplierCuit?: string | undefined;
  query?: string | undefined;
  onlySuggested: boolean;
};

/** The rows of the table that pass the filters. */
function filterRows(db: Database, c: Computed, f: SuggestFilter): number[] {
  const t = c.table;
  const categories = f.categoryId ? new Set(withDescendants(c.tree, f.categoryId)) : null;
  const words = matchingIds(db, f.query);
  const out: number[] = [];
  for (let i = 0; i < t.size; i++) {
    if (f.onlySuggested && ((t.flags[i] as number) & SUGGESTED) === 0) continue;
    const category = t.categoryIds[i] ?? null;
    if (categories && (category === null || !categories.has(category))) continue;
    if (f.supplierCuit && t.supplierCuits[i] !== f.supplierCuit) continue;
    if (words && !words.has(t.ids[i] as string)) continue;
    out.push(i);
  }
  return out;
}

const collator = new Intl.Collator('es', { sensitivity: 'base' });

/** Ascending order of two rows by the sort the screen asked for. */
function comparator(
  db: Database,
  t: PricedTable,
  sort: ParsedInputOf<'pricing.suggest'>['sort'],
): (a: number, b: number) => number {
  const at = (arr: Float64Array, i: number): number => arr[i] as number;
  switch (sort) {
    case 'urgencia': {
      const below = (i: number): number => (t.flags[i] as number) & BELOW_REPLACEMENT;
      return (a, b) => below(a) - below(b) || at(t.gapBp, a) - at(t.gapBp, b);
    }
    case 'brecha':
      return (a, b) => at(t.gapBp, a) - at(t.gapBp, b);
    case 'nombre': {
      const names = new Map(
        prep<[], [string, string]>(
          db,
          'SELECT id, name FROM products WHERE active = 1 AND cost > 0',
        )
          .raw()
          .all(),
      );
      const name = (i: number): string => names.get(t.ids[i] as string) ?? '';
      return (a, b) => collator.compare(name(b), name(a));
    }
    case 'antiguedad':
      // An older cost date is a greater age.
      return (a, b) => at(t.costDate, b) - at(t.costDate, a);
    case 'margen': {
      const margin = (i: number): number => {
        const m = at(t.marginNowBp, i);
        return Number.isNaN(m) ? -Infinity : m;
      };
      return (a, b) => margin(a) - margin(b);
    }
  }
}

/**
 * The first k rows in order without sorting them all: a screen asks for its first page of
 * 100 out of 100,000, and a full sort would cost more than pricing them did.
 */
export function firstSorted<T>(rows: readonly T[], cmp: (a: T, b: T) => number, k: number): T[] {
  if (k >= rows.length / 4) return [...rows].sort(cmp).slice(0, k);
  const best: T[] = [];
  for (const row of rows) {
    if (best.length === k && cmp(row, best[k - 1] as T) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(best[mid] as T, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, row);
    if (best.length > k) best.pop();
  }
  return best;
}

type Shown = { name: string; brand: string | null; unit: Unit; barcode: string | null };

/** Names, brands and barcodes are read for the rows shown only: strings cost most to scan. */
function shown(db: Database, productId: string): Shown {
  return (
    prep<[string], Shown>(
      db,
      `SELECT name, brand, unit, (SELECT min(barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode
       FROM products p WHERE id = ?`,
    ).get(productId) ?? { name: '', brand: null, unit: 'u', barcode: null }
  );
}

const bp = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 100));

/** One row of the table as the screen and the CLI see it. */
function suggestionAt(db: Database, c: Computed, i: number): PriceSuggestion {
  const t = c.table;
  const id = t.ids[i] as string;
  const categoryId = t.categoryIds[i] ?? null;
  const ivaRateBp = t.ivaRateBp[i] as PriceSuggestion['ivaRateBp'];
  const cost = t.cost[i] as number;
  const costDate = t.costDate[i] as number;
  const target = t.target[i] as number;
  const margin = t.marginNowBp[i] as number;
  const flags = t.flags[i] as number;
  return {
    productId: id,
    ...shown(db, id),
    categoryId,
    categoryPath: categoryId ? (c.tree.paths.get(categoryId) ?? null) : null,
    supplierCuit: t.supplierCuits[i] ?? null,
    ivaRateBp,
    cost,
    costDate,
    costAgeDays: Math.floor((t.now - costDate) / DAY_MS),
    price: t.price[i] as number,
    inflationBp: Math.round(((t.factor[i] as number) - 1) * 10_000),
    replacement: t.replacement[i] as number,
    projected: t.projected[i] as number,
    target,
    marginNowBp: Number.isNaN(margin) ? null : margin,
    marginAfterBp: bp(marginPct(target, cost, ivaRateBp)),
    gapBp: t.gapBp[i] as number,
    belowReplacement: (flags & BELOW_REPLACEMENT) !== 0,
    belowCost: (flags & BELOW_COST) !== 0,
    policy: t.policies[t.policyOf[i] as number] as PriceSuggestion['policy'],
  };
}

export function suggest(
  deps: Pick<Deps, 'db' | 'now' | 'scratch'>,
  input: ParsedInputOf<'pricing.suggest'>,
): SuggestionPage {
  const c = pricedCatalog(deps);
  const rows = filterRows(deps.db, c, input);
  const asc = comparator(deps.db, c.table, input.sort);
  const cmp = input.desc ? (a: number, b: number) => asc(b, a) : asc;
  const page = firstSorted(rows, cmp, input.offset + input.limit).slice(input.offset);
  let belowReplacement = 0;
  for (const i of rows) if ((c.table.flags[i] as number) & BELOW_REPLACEMENT) belowReplacement++;
  return {
    rows: page.map((i) => suggestionAt(deps.db, c, i)),
    total: rows.length,
    belowReplacement,
    computedAt: c.table.now,
  };
}
