import type { Database } from 'better-sqlite3';
import type {
  EffectivePolicy,
  IvaRateBp,
  ParsedInputOf,
  PriceSuggestion,
  SuggestionPage,
  Unit,
} from '../../../shared/contract/index.ts';
import {
  accumulatedInflation,
  marginPct,
  priceFromReplacement,
} from '../../../shared/domain/pricing.ts';
import { ftsQuery } from '../../../shared/domain/text.ts';
import { loadCategoryTree, withDescendants, type CategoryTree } from '../catalog/categories.ts';
import type { Deps } from '../context.ts';
import { prep } from '../db/statements.ts';
import { readPricingSettings, readRates } from './cpi.ts';
import { policyResolver } from './policies.ts';

/**
 * Every active product with a cost, priced by the formula (shared/domain/pricing.ts): its
 * replacement cost today, the target its policy asks for, and how far its price is under it.
 * The whole list is computed at once and kept until a product, a policy, the CPI or a setting
 * changes (any of them writes an audit entry) or an hour passes (replacement costs drift with
 * time); filters, sorting and pages are cut from it.
 */

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type ProductTuple = [
  id: string,
  categoryId: string | null,
  supplierCuit: string | null,
  ivaRateBp: IvaRateBp,
  cost: number,
  costDate: number,
  price: number,
];

/** Names, brands and barcodes are read for the rows shown only: strings cost most to scan. */
export type Priced = Omit<
  PriceSuggestion,
  'name' | 'brand' | 'unit' | 'barcode' | 'categoryPath'
> & {
  suggested: boolean;
};

type Computed = { key: string; at: number; rows: Priced[]; tree: CategoryTree };

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

const bp = (pct: number | null): number | null => (pct === null ? null : Math.round(pct * 100));

/** Net of IVA, in exact integers: is the shelf price under this net amount? */
function netBelow(price: number, net: number, ivaRateBp: number): boolean {
  return price * 10_000 < net * (10_000 + ivaRateBp);
}

export function priceAll(db: Database, now: number): Priced[] {
  const rates = readRates(db);
  const settings = readPricingSettings(db);
  const expectedPct = settings.expectedBp / 100;
  const tree = loadCategoryTree(db);
  const policies = policyResolver(db, tree);
  const factors = new Map<number, number>();
  const out: Priced[] = [];
  const products = prep<[], ProductTuple>(
    db,
    `SELECT id, category_id, supplier_cuit, iva_rate_bp, cost, ifnull(cost_date, created_at), price
     FROM products WHERE active = 1 AND cost > 0`,
  )
    .raw()
    .all() as ProductTuple[];
  for (const t of products) {
    const [id, categoryId, supplierCuit, ivaRateBp, cost] = t;
    const costDate = Math.min(t[5], now);
    const price = t[6];
    let factor = factors.get(costDate);
    if (factor === undefined) {
      factor = accumulatedInflation(costDate, now, rates, expectedPct);
      factors.set(costDate, factor);
    }
    const policy: EffectivePolicy = policies.forProduct({
      id,
      category_id: categoryId,
      supplier_cuit: supplierCuit,
    });
    const replacement = Math.round(cost * factor);
    const priced = priceFromReplacement({
      cost,
      replacement,
      expectedPct,
      horizonDays: policy.horizonDays,
      // A supplier's markup under a category's minimum margin: the floor decides anyway.
      markupPct: Math.max(policy.markupBp, policy.minMarginBp) / 100,
      minMarginPct: policy.minMarginBp / 100,
      ivaRateBp,
      rule: policy.rounding,
    });
    const gapBp = price > 0 ? Math.round(((priced.target - price) / price) * 10_000) : 1_000_000;
    const belowReplacement = netBelow(price, replacement, ivaRateBp);
    out.push({
      productId: id,
      categoryId,
      supplierCuit,
      ivaRateBp,
      cost,
      costDate,
      costAgeDays: Math.floor((now - costDate) / DAY_MS),
      price,
      inflationBp: Math.round((factor - 1) * 10_000),
      replacement,
      projected: priced.projected,
      target: priced.target,
      marginNowBp: bp(marginPct(price, cost, ivaRateBp)),
      marginAfterBp: bp(marginPct(priced.target, cost, ivaRateBp)),
      gapBp,
      belowReplacement,
      belowCost: netBelow(price, cost, ivaRateBp),
      policy,
      suggested: belowReplacement || gapBp > settings.thresholdBp,
    });
  }
  return out;
}

function computed(deps: Pick<Deps, 'db' | 'now' | 'scratch'>): Computed {
  const now = deps.now();
  const key = fingerprint(deps.db, now);
  const cached = deps.scratch.get(CACHE_KEY) as Computed | undefined;
  if (cached && cached.key === key) return cached;
  const fresh: Computed = {
    key,
    at: now,
    rows: priceAll(deps.db, now),
    tree: loadCategoryTree(deps.db),
  };
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

export function filterPriced(
  db: Database,
  rows: readonly Priced[],
  tree: CategoryTree,
  f: SuggestFilter,
): Priced[] {
  const categories = f.categoryId ? new Set(withDescendants(tree, f.categoryId)) : null;
  const words = matchingIds(db, f.query);
  return rows.filter(
    (r) =>
      (!f.onlySuggested || r.suggested) &&
      (!categories || (r.categoryId !== null && categories.has(r.categoryId))) &&
      (!f.supplierCuit || r.supplierCuit === f.supplierCuit) &&
      (!words || words.has(r.productId)),
  );
}

const collator = new Intl.Collator('es', { sensitivity: 'base' });

function comparator(
  db: Database,
  sort: ParsedInputOf<'pricing.suggest'>['sort'],
): (a: Priced, b: Priced) => number {
  switch (sort) {
    case 'urgencia':
      return (a, b) => Number(a.belowReplacement) - Number(b.belowReplacement) || a.gapBp - b.gapBp;
    case 'brecha':
      return (a, b) => a.gapBp - b.gapBp;
    case 'nombre': {
      const names = new Map(
        prep<[], [string, string]>(
          db,
          'SELECT id, name FROM products WHERE active = 1 AND cost > 0',
        )
          .raw()
          .all(),
      );
      return (a, b) => collator.compare(names.get(b.productId) ?? '', names.get(a.productId) ?? '');
    }
    case 'antiguedad':
      return (a, b) => a.costAgeDays - b.costAgeDays;
    case 'margen':
      return (a, b) => (a.marginNowBp ?? -Infinity) - (b.marginNowBp ?? -Infinity);
  }
}

type Shown = { name: string; brand: string | null; unit: Unit; barcode: string | null };

function shown(db: Database, productId: string): Shown {
  return (
    prep<[string], Shown>(
      db,
      `SELECT name, brand, unit, (SELECT min(barcode) FROM product_barcodes b WHERE b.product_id = p.id) AS barcode
       FROM products p WHERE id = ?`,
    ).get(productId) ?? { name: '', brand: null, unit: 'u', barcode: null }
  );
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

/** A page of priced rows, with their barcode and category path filled in. */
export function toSuggestions(
  db: Database,
  tree: CategoryTree,
  rows: readonly Priced[],
): PriceSuggestion[] {
  return rows.map(({ suggested: _s, ...r }) => ({
    ...r,
    ...shown(db, r.productId),
    categoryPath: r.categoryId ? (tree.paths.get(r.categoryId) ?? null) : null,
  }));
}

export function suggest(
  deps: Pick<Deps, 'db' | 'now' | 'scratch'>,
  input: ParsedInputOf<'pricing.suggest'>,
): SuggestionPage {
  const all = computed(deps);
  const rows = filterPriced(deps.db, all.rows, all.tree, input);
  const asc = comparator(deps.db, input.sort);
  const cmp = input.desc ? (a: Priced, b: Priced) => asc(b, a) : asc;
  const page = firstSorted(rows, cmp, input.offset + input.limit).slice(input.offset);
  return {
    rows: toSuggestions(deps.db, all.tree, page),
    total: rows.length,
    belowReplacement: rows.reduce((n, r) => n + (r.belowReplacement ? 1 : 0), 0),
    computedAt: all.at,
  };
}

/** The cached pricing of every product, for the mass update's "apply the targets". */
export function pricedById(deps: Pick<Deps, 'db' | 'now' | 'scratch'>): {
  rows: Map<string, Priced>;
  tree: CategoryTree;
} {
  const all = computed(deps);
  return { rows: new Map(all.rows.map((r) => [r.productId, r])), tree: all.tree };
}
