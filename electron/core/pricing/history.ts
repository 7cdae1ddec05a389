import type { Database } from 'better-sqlite3';
import type {
  PriceHistory,
  PriceHistoryEvent,
  PriceHistoryPoint,
} from '../../../shared/contract/index.ts';
import { artMonth } from '../../../shared/domain/months.ts';
import { accumulatedInflation } from '../../../shared/domain/pricing.ts';
import { getProductRow } from '../catalog/products.ts';
import { prep } from '../db/statements.ts';
import { notFound } from '../errors.ts';
import { readPricingSettings, readRates } from './cpi.ts';

/**
 * A product's price, cost and replacement cost month by month, beside where its first known
 * price would stand had it followed the CPI. Read from the price history (every change of the
 * shelf price) and the cost history (invoices), plus the product's current cost and price.
 */

type Step = { at: number; value: number; previous: number; source: string };

/** The value in force at `t`: the last step at or before it, else the value before the first. */
function valueAt(steps: readonly Step[], t: number, fallback: number | null): number | null {
  let value: number | null = steps.length > 0 ? (steps[0] as Step).previous : fallback;
  for (const s of steps) {
    if (s.at > t) break;
    value = s.value;
  }
  return value;
}

/** Instants at the end of each Argentine calendar month from `from` to `to`, then `to` itself. */
function monthEnds(from: number, to: number): number[] {
  const out: number[] = [];
  for (let end = artMonth(from).end; end <= to && out.length < 240; end = artMonth(end).end) {
    out.push(end - 1);
  }
  out.push(to);
  return out;
}

function steps(db: Database, sql: string, productId: string): Step[] {
  return prep<[string], Step>(db, sql).all(productId);
}

export function priceHistory(db: Database, productId: string, now: number): PriceHistory {
  const product = getProductRow(db, productId);
  if (!product) throw notFound('El producto');
  const prices = steps(
    db,
    `SELECT at, price AS value, previous_price AS previous, source FROM price_history
     WHERE product_id = ? ORDER BY at, rowid`,
    productId,
  );
  const costs = steps(
    db,
    `SELECT cost_date AS at, cost AS value, previous_cost AS previous, source FROM cost_history
     WHERE product_id = ? AND updated_product = 1 ORDER BY cost_date, rowid`,
    productId,
  );
  // The cost in force now may come from the product editor, which keeps no cost history.
  const costDateNow = product.cost_date ?? product.created_at;
  const lastCost = costs.at(-1);
  if (product.cost > 0 && (!lastCost || lastCost.value !== product.cost)) {
    costs.push({
      at: Math.max(costDateNow, lastCost?.at ?? 0),
      value: product.cost,
      previous: lastCost?.value ?? product.cost,
      source: 'producto',
    });
  }
  const rates = readRates(db);
  const expectedPct = readPricingSettings(db).expectedBp / 100;
  const start = Math.min(
    product.created_at,
    prices[0]?.at ?? Infinity,
    costs[0]?.at ?? Infinity,
    now,
  );
  const firstPrice = valueAt(prices, start, product.price);
  const points: PriceHistoryPoint[] = monthEnds(start, now).map((at) => {
    const price = valueAt(prices, at, product.price);
    const cost = valueAt(costs, at, product.cost > 0 ? product.cost : null);
    const costStep = [...costs].reverse().find((s) => s.at <= at);
    const costFrom = costStep?.at ?? start;
    return {
      at,
      price,
      cost,
      replacement:
        cost === null || cost <= 0
          ? null
          : Math.round(cost * accumulatedInflation(costFrom, at, rates, expectedPct)),
      priceByCpi:
        firstPrice === null
          ? null
          : Math.round(firstPrice * accumulatedInflation(start, at, rates, expectedPct)),
    };
  });
  const events: PriceHistoryEvent[] = [
    ...prices.map((s) => ({ ...s, kind: 'precio' as const })),
    ...costs.map((s) => ({ ...s, kind: 'costo' as const })),
  ]
    .filter((e) => e.value !== e.previous)
    .sort((a, b) => b.at - a.at);
  return {
    productId,
    name: product.name,
    ivaRateBp: product.iva_rate_bp,
    points,
    events,
  };
}
