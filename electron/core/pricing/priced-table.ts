import type { Database } from 'better-sqlite3';
import type { EffectivePolicy, IvaRateBp } from '../../../shared/contract/index.ts';
import {
  accumulatedInflation,
  marginPct,
  priceFromReplacement,
} from '../../../shared/domain/pricing.ts';
import type { CategoryTree } from '../catalog/categories.ts';
import { prep } from '../db/statements.ts';
import { readPricingSettings, readRates } from './cpi.ts';
import { policyResolver } from './policies.ts';

/**
 * Every active product with a cost, priced by the formula (shared/domain/pricing.ts), kept as
 * columns of typed arrays rather than 100,000 objects: the list lives in memory between calls,
 * and long-lived objects by the hundred thousand made the garbage collector the slowest part of
 * pricing a large catalog. Rows are materialised only for the page a screen shows.
 */

export const BELOW_REPLACEMENT = 1;
export const BELOW_COST = 2;
export const SUGGESTED = 4;

export type PricedTable = {
  now: number;
  size: number;
  ids: string[];
  categoryIds: (string | null)[];
  supplierCuits: (string | null)[];
  ivaRateBp: Int32Array;
  cost: Float64Array;
  costDate: Float64Array;
  price: Float64Array;
  factor: Float64Array;
  replacement: Float64Array;
  projected: Float64Array;
  target: Float64Array;
  gapBp: Float64Array;
  /** NaN where there is no margin to speak of. */
  marginNowBp: Float64Array;
  flags: Uint8Array;
  /** Index into `policies`: products share the few distinct policies there are. */
  policyOf: Int32Array;
  policies: EffectivePolicy[];
  /** Row of a product id, built the first time a caller asks. */
  rowOf: Map<string, number> | null;
};

type ProductTuple = [
  id: string,
  categoryId: string | null,
  supplierCuit: string | null,
  ivaRateBp: IvaRateBp,
  cost: number,
  costDate: number,
  price: number,
];

/** Net of IVA, in exact integers: is the shelf price under this net amount? */
export function netBelow(price: number, net: number, ivaRateBp: number): boolean {
  return price * 10_000 < net * (10_000 + ivaRateBp);
}

export function priceTable(db: Database, now: number, tree: CategoryTree): PricedTable {
  const rates = readRates(db);
  const settings = readPricingSettings(db);
  const expectedPct = settings.expectedBp / 100;
  const resolver = policyResolver(db, tree);
  const products = prep<[], ProductTuple>(
    db,
    `SELECT id, category_id, supplier_cuit, iva_rate_bp, cost, ifnull(cost_date, created_at), price
     FROM products WHERE active = 1 AND cost > 0`,
  )
    .raw()
    .all() as ProductTuple[];
  const size = products.length;
  const t: PricedTable = {
    now,
    size,
    ids: new Array<string>(size),
    categoryIds: new Array<string | null>(size),
    supplierCuits: new Array<string | null>(size),
    ivaRateBp: new Int32Array(size),
    cost: new Float64Array(size),
    costDate: new Float64Array(size),
    price: new Float64Array(size),
    factor: new Float64Array(size),
    replacement: new Float64Array(size),
    projected: new Float64Array(size),
    target: new Float64Array(size),
    gapBp: new Float64Array(size),
    marginNowBp: new Float64Array(size),
    flags: new Uint8Array(size),
    policyOf: new Int32Array(size),
    policies: [],
    rowOf: null,
  };
  const factors = new Map<number, number>();
  const policyIndex = new Map<EffectivePolicy, number>();
  for (let i = 0; i < size; i++) {
    const [id, categoryId, supplierCuit, ivaRateBp, cost, dated, price] = products[
      i
    ] as ProductTuple;
    const costDate = Math.min(dated, now);
    let factor = factors.get(costDate);
    if (factor === undefined) {
      factor = accumulatedInflation(costDate, now, rates, expectedPct);
      factors.set(costDate, factor);
    }
    const policy = resolver.forProduct({
      id,
      category_id: categoryId,
      supplier_cuit: supplierCuit,
    });
    let p = policyIndex.get(policy);
    if (p === undefined) {
      p = t.policies.length;
      t.policies.push(policy);
      policyIndex.set(policy, p);
    }
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
    const margin = marginPct(price, cost, ivaRateBp);
    t.ids[i] = id;
    t.categoryIds[i] = categoryId;
    t.supplierCuits[i] = supplierCuit;
    t.ivaRateBp[i] = ivaRateBp;
    t.cost[i] = cost;
    t.costDate[i] = costDate;
    t.price[i] = price;
    t.factor[i] = factor;
    t.replacement[i] = replacement;
    t.projected[i] = priced.projected;
    t.target[i] = priced.target;
    t.gapBp[i] = gapBp;
    t.marginNowBp[i] = margin === null ? NaN : Math.round(margin * 100);
    t.flags[i] =
      (belowReplacement ? BELOW_REPLACEMENT : 0) |
      (netBelow(price, cost, ivaRateBp) ? BELOW_COST : 0) |
      (belowReplacement || gapBp > settings.thresholdBp ? SUGGESTED : 0);
    t.policyOf[i] = p;
  }
  return t;
}

/** The row of a product, or -1 when it is not priced (inactive, or no cost). */
export function rowOfProduct(t: PricedTable, productId: string): number {
  if (!t.rowOf) t.rowOf = new Map(t.ids.map((id, i) => [id, i]));
  return t.rowOf.get(productId) ?? -1;
}
